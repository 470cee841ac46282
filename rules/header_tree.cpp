#include "rules/header_tree.hpp"

#include <algorithm>
#include <cctype>

#include "table/header_words.hpp"
#include "table/text_fold.hpp"

namespace phuluc {
namespace {

// The path without empty cells, a cell repeated downwards (a vertical merge) counted once.
std::vector<std::string> collapsed_path(const TableColumn& column) {
  std::vector<std::string> path;
  for (const auto& text : column.path) {
    std::string folded = fold_text(text);
    if (!folded.empty() && (path.empty() || path.back() != folded)) path.push_back(std::move(folded));
  }
  if (path.empty()) path.push_back(fold_text(column.path_text));
  return path;
}

// Whether folded text begins with `prefix` followed by a word break.
bool starts_with_text(const std::string& folded, std::string_view prefix) {
  if (folded.rfind(prefix, 0) != 0) return false;
  return folded.size() == prefix.size() || !std::isalnum(static_cast<unsigned char>(folded[prefix.size()]));
}

}  // namespace

HeaderTree::HeaderTree(const Table& table) : table_(table), leaf_of_column_(table.columns.size(), 0) {
  std::vector<std::vector<std::string>> paths;
  paths.reserve(table.columns.size());
  for (const auto& column : table.columns) paths.push_back(collapsed_path(column));
  add_node({}, std::nullopt, std::nullopt);
  build(paths, root(), 0, paths.size(), 0);
}

std::size_t HeaderTree::add_node(std::string folded, std::optional<std::size_t> column,
                                 std::optional<std::size_t> parent) {
  nodes_.push_back(HeaderNode{std::move(folded), column, {}, parent});
  const std::size_t id = nodes_.size() - 1;
  if (parent) nodes_[*parent].children.push_back(id);
  if (column) leaf_of_column_[*column] = id;
  return id;
}

void HeaderTree::build(const std::vector<std::vector<std::string>>& paths, std::size_t node, std::size_t first,
                       std::size_t last, std::size_t depth) {
  for (std::size_t i = first; i < last;) {
    const auto& path = paths[i];
    if (path.size() <= depth + 1) {
      add_node(path.size() > depth ? path[depth] : std::string{}, i, node);
      ++i;
      continue;
    }
    std::size_t end = i + 1;
    while (end < last && paths[end].size() > depth + 1 && paths[end][depth] == path[depth]) ++end;
    const std::size_t group = add_node(path[depth], std::nullopt, node);
    build(paths, group, i, end, depth + 1);
    i = end;
  }
}

bool HeaderTree::is_transparent(std::size_t id) const {
  const HeaderNode& n = nodes_[id];
  return !n.column && id != root() &&
         (starts_with_text(n.folded, "trong do") || starts_with_text(n.folded, "chia ra") ||
          starts_with_text(n.folded, "bao gom") || starts_with_text(n.folded, "gom"));
}

std::vector<std::size_t> HeaderTree::members(std::size_t id) const {
  std::vector<std::size_t> out;
  for (const std::size_t child : nodes_[id].children) {
    if (is_transparent(child)) {
      const auto inner = members(child);
      out.insert(out.end(), inner.begin(), inner.end());
    } else {
      out.push_back(child);
    }
  }
  return out;
}

std::vector<std::size_t> HeaderTree::columns_under(std::size_t id) const {
  if (nodes_[id].column) return {*nodes_[id].column};
  std::vector<std::size_t> out;
  for (const std::size_t child : nodes_[id].children) {
    const auto inner = columns_under(child);
    out.insert(out.end(), inner.begin(), inner.end());
  }
  return out;
}

bool HeaderTree::has_role(std::size_t id, ColumnRole role) const {
  const auto columns = columns_under(id);
  return std::any_of(columns.begin(), columns.end(), [&](std::size_t c) { return table_.columns[c].role == role; });
}

bool HeaderTree::all_role(std::size_t id, ColumnRole role) const {
  const auto columns = columns_under(id);
  return !columns.empty() &&
         std::all_of(columns.begin(), columns.end(), [&](std::size_t c) { return table_.columns[c].role == role; });
}

Measure HeaderTree::measure(std::size_t id) const { return measure_of_header(nodes_[id].folded); }

Measure HeaderTree::column_measure(std::size_t col_idx) const {
  const std::size_t leaf = leaf_of(col_idx);
  for (auto group = nodes_[leaf].parent; group && *group != root(); group = nodes_[*group].parent) {
    const Measure named = measure(*group);
    if (named == Measure::plan || named == Measure::disbursed || named == Measure::estimate) return named;
  }
  const Measure own = measure(leaf);
  return own != Measure::none ? own : table_.columns[col_idx].measure;
}

bool HeaderTree::is_total_leaf(std::size_t id) const {
  const HeaderNode& n = nodes_[id];
  if (!n.column || table_.columns[*n.column].role != ColumnRole::amount) return false;
  if (split_of_header(n.folded) == Split::total) return true;
  return (starts_with_text(n.folded, "tong") && !starts_with_text(n.folded, "tong muc")) || n.folded == "cong";
}

std::optional<std::size_t> HeaderTree::value_column(std::size_t id) const {
  if (nodes_[id].column) return nodes_[id].column;
  std::optional<std::size_t> total;
  for (const std::size_t member : members(id)) {
    if (!is_total_leaf(member)) continue;
    if (total) return std::nullopt;
    total = nodes_[member].column;
  }
  return total;
}

}  // namespace phuluc
