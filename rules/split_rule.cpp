#include "rules/split_rule.hpp"

#include <optional>
#include <string>

#include "rules/header_tree.hpp"
#include "rules/rule_support.hpp"
#include "rules/tolerance.hpp"

namespace phuluc {
namespace {

bool is_strict_measure(Measure measure) {
  return measure == Measure::plan || measure == Measure::disbursed || measure == Measure::estimate;
}

// Plan, disbursed and estimate are different quantities: members whose own headers name two of
// them ("Tổng số | Kế hoạch | Giải ngân") are not a split. Under a header that names the measure,
// the members inherit it whatever their own words say ("Giải ngân › Vốn giao năm 2025").
bool measures_agree(const HeaderTree& tree, const std::vector<std::size_t>& members) {
  Measure seen = Measure::none;
  for (const std::size_t member : members) {
    const Measure measure = tree.measure(member);
    if (!is_strict_measure(measure)) continue;
    if (seen != Measure::none && seen != measure) return false;
    seen = measure;
  }
  return true;
}

void collect_groups(const HeaderTree& tree, std::size_t node, bool measure_named_above, std::vector<SplitGroup>& groups,
                    std::vector<std::size_t>& unclear) {
  const bool named = measure_named_above || is_strict_measure(tree.measure(node));
  const auto members = tree.members(node);
  std::vector<std::size_t> totals;
  for (const std::size_t member : members)
    if (tree.is_total_leaf(member)) totals.push_back(member);

  if (totals.size() > 1) {
    unclear.push_back(*tree.node(totals.front()).column);
  } else if (totals.size() == 1) {
    SplitGroup group{*tree.node(totals.front()).column, {}};
    bool complete = true;
    for (const std::size_t member : members) {
      if (member == totals.front() || !tree.has_role(member, ColumnRole::amount)) continue;
      if (const auto value = tree.value_column(member))
        group.parts.push_back(*value);
      else
        complete = false;
    }
    if (!complete)
      unclear.push_back(group.total);
    else if (group.parts.size() >= 2 && (named || measures_agree(tree, members)))
      groups.push_back(std::move(group));
  }
  for (const std::size_t child : tree.node(node).children)
    if (!tree.node(child).column) collect_groups(tree, child, named, groups, unclear);
}

void check_row(const Table& table, std::size_t row_idx, const SplitGroup& group, std::string_view code,
               std::vector<Finding>& findings) {
  const TableRow& row = table.rows[row_idx];
  const TableValue& total = value_at(row, group.total);
  if (!total.is_numeric()) return;
  bool any_given = false;
  double expected = 0.0;
  std::vector<std::string> not_numbers;
  for (const std::size_t part : group.parts) {
    const TableValue& value = value_at(row, part);
    if (!is_blank(value)) any_given = true;
    if (value.is_numeric())
      expected += value.number;
    else
      not_numbers.push_back(data_cell_a1(table, row_idx, part));
  }
  if (!any_given) return;
  if (!not_numbers.empty()) {
    findings.push_back(check_skipped(table, row_idx, group.total, "split", std::move(not_numbers)));
    return;
  }
  const auto decimals = shown_decimals(total, table.columns[group.total]);
  if (!differs(total.number, expected, amount_tolerance(decimals))) return;
  auto finding = finding_at(table, row_idx, group.total, code, Severity::error);
  if (!is_blank(total)) finding.found = total.number;
  finding.expected = expected;
  finding.found_text = total.state == ValueState::text_number ? total.raw : std::string{};
  finding.decimals = amount_display_decimals(decimals, total.number, expected);
  for (const std::size_t part : group.parts) finding.related.push_back(data_cell_a1(table, row_idx, part));
  findings.push_back(std::move(finding));
}

}  // namespace

std::vector<SplitGroup> split_groups(const Table& table, std::vector<std::size_t>& unclear) {
  const HeaderTree tree(table);
  std::vector<SplitGroup> groups;
  collect_groups(tree, HeaderTree::root(), false, groups, unclear);
  return groups;
}

void SplitRule::check(const Table& table, std::vector<Finding>& findings) const {
  std::vector<std::size_t> unclear;
  const auto groups = split_groups(table, unclear);
  for (const std::size_t col_idx : unclear)
    findings.push_back(unclear_column(table, col_idx, "split-group-incomplete",
                                      "a total column whose parts cannot all be found in its header group"));
  for (const SplitGroup& group : groups)
    for (std::size_t row_idx = 0; row_idx < table.rows.size(); ++row_idx)
      check_row(table, row_idx, group, code(), findings);
}

}  // namespace phuluc
