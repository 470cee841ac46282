#pragma once
// split-mismatch: a "Tổng số" column ≠ the sum of the columns it splits into (NSTW + NSĐP, or any
// other parts its header groups with it).
#include <cstddef>
#include <vector>

#include "rules/rule.hpp"

namespace phuluc {

/// One total column and the columns it splits into (indices into Table::columns).
struct SplitGroup {
  std::size_t total = 0;           ///< the "Tổng số" / "Tổng nguồn vốn" column
  std::vector<std::size_t> parts;  ///< NSTW, NSĐP, ... (two or more)
};

/// The split groups of a table, read from its header tree (rules/header_tree.hpp). In every
/// header node whose amount members are one total leaf ("Tổng số", "Tổng nguồn vốn", ...) and two
/// or more other amount nodes, the total = Σ the others; a member group counts through its own total
/// leaf, and a "Trong đó" / "Chia ra" group stands for its members. Rate columns never take part.
/// Parts that name different measures (a plan beside a disbursement) are not a split. A node with
/// a total whose other amount members cannot all be valued (a group without a total leaf), or with
/// two totals, is unclear: its first total column goes to `unclear`.
///   std::vector<std::size_t> unclear;
///   for (const SplitGroup& group : split_groups(table, unclear)) ...
std::vector<SplitGroup> split_groups(const Table& table, std::vector<std::size_t>& unclear);

/// For every split group and row: total = Σ parts within the total cell's displayed precision.
/// Not compared: every part blank (the split was not given); the total not a number. A part that
/// is not a number → a check-skipped notice. An unclear group → one structure-unclear warning.
/// The finding names the total cell; related = the parts' cells.
///   SplitRule{}.check(table, findings);
class SplitRule : public Rule {
 public:
  std::string_view code() const override { return "split-mismatch"; }
  void check(const Table& table, std::vector<Finding>& findings) const override;
};

}  // namespace phuluc
