#pragma once
// The header of a table as a tree: merged header cells are groups, columns are leaves. The split
// and rate rules read their column groups from it.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "table/table.hpp"

namespace phuluc {

/// One header cell (a group over adjacent columns) or one column (a leaf).
struct HeaderNode {
  std::string folded;                 ///< the header text folded (fold_text); empty for the root
  std::optional<std::size_t> column;  ///< leaves: index into Table::columns
  std::vector<std::size_t> children;  ///< indices into HeaderTree::nodes, left to right
  std::optional<std::size_t> parent;  ///< unset for the root
};

/// The header tree of a table, built from the column paths: adjacent columns whose paths share an
/// element at the same depth are under one group; a path element repeated downwards (a vertical
/// merge) and empty elements count once.
///   const HeaderTree tree(table);
///   for (std::size_t child : tree.members(tree.root())) ...
class HeaderTree {
 public:
  explicit HeaderTree(const Table& table);

  const std::vector<HeaderNode>& nodes() const { return nodes_; }
  const HeaderNode& node(std::size_t id) const { return nodes_[id]; }
  static constexpr std::size_t root() { return 0; }
  /// The leaf node of a table column (index into Table::columns).
  std::size_t leaf_of(std::size_t col_idx) const { return leaf_of_column_[col_idx]; }

  /// Whether a group only lists the parts of the total beside it: "Trong đó", "Chia ra", "Bao gồm", "Gồm".
  bool is_transparent(std::size_t id) const;
  /// The children of a node, each transparent group replaced by its own members, left to right.
  std::vector<std::size_t> members(std::size_t id) const;
  /// Every leaf under a node (the node itself for a leaf), as indices into Table::columns, left to right.
  std::vector<std::size_t> columns_under(std::size_t id) const;
  /// Whether some column under the node has `role`.
  bool has_role(std::size_t id, ColumnRole role) const;
  /// Whether every column under the node has `role`.
  bool all_role(std::size_t id, ColumnRole role) const;
  /// The measure the node's own header text names (header_words: measure_of_header).
  Measure measure(std::size_t id) const;
  /// The measure a column belongs to: the one named by its deepest header group that names plan,
  /// disbursed or estimate ("Giải ngân đến 15/11 › Vốn giao năm 2025" is disbursed, whatever the
  /// leaf's own words say), else the one its own header names, else TableColumn::measure.
  Measure column_measure(std::size_t col_idx) const;
  /// Whether the node is an amount leaf that totals its siblings: split total, or a label starting
  /// with "Tổng" (not "Tổng mức đầu tư"), or "Cộng".
  bool is_total_leaf(std::size_t id) const;
  /// The column that carries a node's amount: a leaf's own column, or the single total leaf among
  /// a group's members; nullopt when a group has none or several.
  std::optional<std::size_t> value_column(std::size_t id) const;

 private:
  std::size_t add_node(std::string folded, std::optional<std::size_t> column, std::optional<std::size_t> parent);
  void build(const std::vector<std::vector<std::string>>& paths, std::size_t node, std::size_t first, std::size_t last,
             std::size_t depth);

  const Table& table_;
  std::vector<HeaderNode> nodes_;
  std::vector<std::size_t> leaf_of_column_;
};

}  // namespace phuluc
