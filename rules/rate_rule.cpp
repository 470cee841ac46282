#include "rules/rate_rule.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

#include "rules/rule_support.hpp"
#include "rules/tolerance.hpp"

namespace phuluc {
namespace {

// The node a rate's columns hang from: the highest ancestor made of rate columns only.
std::size_t rate_anchor(const HeaderTree& tree, std::size_t leaf) {
  std::size_t anchor = leaf;
  while (true) {
    const auto parent = tree.node(anchor).parent;
    if (!parent || *parent == HeaderTree::root() || !tree.all_role(*parent, ColumnRole::rate)) return anchor;
    anchor = *parent;
  }
}

// The node whose members the anchor is compared with; transparent groups are looked through.
std::optional<std::size_t> level_above(const HeaderTree& tree, std::size_t node) {
  auto parent = tree.node(node).parent;
  while (parent && tree.is_transparent(*parent)) parent = tree.node(*parent).parent;
  return parent;
}

struct GroupSearch {
  std::optional<std::size_t> numerator;  // header nodes
  std::optional<std::size_t> plan;
  bool plan_ambiguous = false;
};

void search_level(const HeaderTree& tree, std::size_t level, std::size_t anchor, GroupSearch& search) {
  const auto members = tree.members(level);
  const auto at = std::find(members.begin(), members.end(), anchor);
  if (!search.numerator) {
    for (auto it = at; it != members.begin();) {
      --it;
      if (tree.has_role(*it, ColumnRole::amount) && tree.measure(*it) != Measure::plan) {
        search.numerator = *it;
        break;
      }
    }
  }
  if (!search.plan && !search.plan_ambiguous) {
    std::vector<std::size_t> plans;
    for (const std::size_t member : members)
      if (member != anchor && tree.has_role(member, ColumnRole::amount) && tree.measure(member) == Measure::plan)
        plans.push_back(member);
    if (plans.size() == 1)
      search.plan = plans.front();
    else if (plans.size() > 1)
      search.plan_ambiguous = true;
  }
}

// The column of `group` that matches rate column `rate_idx`: the one with the same header text,
// else the one with the same split; the group's own value when the rate is the anchor itself.
std::optional<std::size_t> matching_column(const HeaderTree& tree, const Table& table, std::size_t group,
                                           std::size_t rate_idx, bool rate_is_anchor) {
  if (rate_is_anchor) return tree.value_column(group);
  const std::string& label = tree.node(tree.leaf_of(rate_idx)).folded;
  std::vector<std::size_t> by_label, by_split;
  const Split split = table.columns[rate_idx].split;
  for (const std::size_t col : tree.columns_under(group)) {
    if (table.columns[col].role != ColumnRole::amount) continue;
    if (tree.node(tree.leaf_of(col)).folded == label) by_label.push_back(col);
    if (split != Split::none && table.columns[col].split == split) by_split.push_back(col);
  }
  if (by_label.size() == 1) return by_label.front();
  if (by_label.empty() && by_split.size() == 1) return by_split.front();
  return std::nullopt;
}

void check_cell(const Table& table, std::size_t row_idx, std::size_t rate_idx, std::size_t numerator_idx,
                std::size_t plan_idx, std::vector<Finding>& findings) {
  const TableRow& row = table.rows[row_idx];
  const TableValue& rate = value_at(row, rate_idx);
  if (is_blank(rate) || !rate.is_numeric()) return;  // no rate given, or reported as not a number
  const TableValue& plan = value_at(row, plan_idx);
  const TableValue& numerator = value_at(row, numerator_idx);
  std::vector<std::string> not_numbers;
  if (!numerator.is_numeric()) not_numbers.push_back(data_cell_a1(table, row_idx, numerator_idx));
  if (!plan.is_numeric()) not_numbers.push_back(data_cell_a1(table, row_idx, plan_idx));
  if (!not_numbers.empty()) {
    findings.push_back(check_skipped(table, row_idx, rate_idx, "rate", std::move(not_numbers)));
    return;
  }

  // A rate stored as a fraction under a '%' format (0.7438 shown as 74,38%) is judged as shown.
  const double shown_rate = rate.percent_format ? rate.number * 100.0 : rate.number;
  const auto decimals = shown_decimals(rate, table.columns[rate_idx]);
  const double tolerance = rate_tolerance(decimals, shown_rate);
  const int display_decimals = decimals.value_or(decimals_of(shown_rate, 6));
  const bool plan_is_zero = !differs(plan.number, 0.0, amount_tolerance(shown_decimals(plan, table.columns[plan_idx])));
  if (plan_is_zero) {
    if (rate.state == ValueState::dash || !differs(shown_rate, 0.0, tolerance)) return;
    auto finding = finding_at(table, row_idx, rate_idx, "rate-without-base", Severity::error);
    finding.found = shown_rate;
    finding.found_text = rate.state == ValueState::text_number ? rate.raw : std::string{};
    finding.decimals = display_decimals;
    finding.related = {data_cell_a1(table, row_idx, plan_idx)};
    findings.push_back(std::move(finding));
    return;
  }

  const double expected = numerator.number / plan.number * 100.0;
  if (!differs(shown_rate, expected, tolerance)) return;
  auto finding = finding_at(table, row_idx, rate_idx, "rate-mismatch", Severity::error);
  finding.found = shown_rate;
  finding.expected = expected;
  finding.found_text = rate.state == ValueState::text_number ? rate.raw : std::string{};
  finding.decimals = display_decimals;
  finding.related = {data_cell_a1(table, row_idx, numerator_idx), data_cell_a1(table, row_idx, plan_idx)};
  findings.push_back(std::move(finding));
}

}  // namespace

RateBasis rate_basis(const HeaderTree& tree, const Table& table, std::size_t rate_idx) {
  RateBasis basis;
  const std::size_t leaf = tree.leaf_of(rate_idx);
  const std::size_t anchor = rate_anchor(tree, leaf);
  GroupSearch search;
  for (std::size_t node = anchor; !(search.numerator && (search.plan || search.plan_ambiguous));) {
    const auto level = level_above(tree, node);
    if (!level) break;
    search_level(tree, *level, node, search);
    node = *level;
  }
  if (!search.numerator) {
    basis.unclear_reason = "rate-no-numerator";
    return basis;
  }
  if (!search.plan) {
    basis.unclear_reason = search.plan_ambiguous ? "rate-plan-ambiguous" : "rate-no-plan";
    return basis;
  }
  const bool rate_is_anchor = anchor == leaf;
  basis.numerator = matching_column(tree, table, *search.numerator, rate_idx, rate_is_anchor);
  if (!basis.numerator) {
    basis.unclear_reason = "rate-numerator-ambiguous";
    return basis;
  }
  basis.denominator = matching_column(tree, table, *search.plan, rate_idx, rate_is_anchor);
  if (!basis.denominator) basis.unclear_reason = "rate-plan-ambiguous";
  return basis;
}

void RateRule::check(const Table& table, std::vector<Finding>& findings) const {
  const HeaderTree tree(table);
  for (std::size_t rate_idx = 0; rate_idx < table.columns.size(); ++rate_idx) {
    if (table.columns[rate_idx].role != ColumnRole::rate) continue;
    const RateBasis basis = rate_basis(tree, table, rate_idx);
    if (!basis.numerator || !basis.denominator) {
      findings.push_back(unclear_column(table, rate_idx, basis.unclear_reason,
                                        "rate column without a unique numerator and plan of the same block and split"));
      continue;
    }
    for (std::size_t row_idx = 0; row_idx < table.rows.size(); ++row_idx)
      check_cell(table, row_idx, rate_idx, *basis.numerator, *basis.denominator, findings);
  }
}

}  // namespace phuluc
