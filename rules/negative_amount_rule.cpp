#include "rules/negative_amount_rule.hpp"

#include "rules/header_tree.hpp"
#include "rules/rule_support.hpp"
#include "rules/tolerance.hpp"

namespace phuluc {
namespace {

bool must_not_be_negative(const HeaderTree& tree, const Table& table, std::size_t col_idx) {
  if (table.columns[col_idx].role != ColumnRole::amount) return false;
  const Measure measure = tree.column_measure(col_idx);
  return measure == Measure::plan || measure == Measure::disbursed || measure == Measure::estimate;
}

}  // namespace

void NegativeAmountRule::check(const Table& table, std::vector<Finding>& findings) const {
  const HeaderTree tree(table);
  for (std::size_t col_idx = 0; col_idx < table.columns.size(); ++col_idx) {
    const TableColumn& column = table.columns[col_idx];
    if (!must_not_be_negative(tree, table, col_idx)) continue;
    for (std::size_t row_idx = 0; row_idx < table.rows.size(); ++row_idx) {
      const TableValue& value = value_at(table.rows[row_idx], col_idx);
      if (!value.is_numeric() || value.number >= 0.0) continue;
      const auto decimals = shown_decimals(value, column);
      if (!differs(value.number, 0.0, amount_tolerance(decimals))) continue;
      auto finding = finding_at(table, row_idx, col_idx, code(), Severity::warning);
      finding.found = value.number;
      finding.found_text = value.state == ValueState::text_number ? value.raw : std::string{};
      finding.decimals = amount_display_decimals(decimals, value.number, 0.0);
      findings.push_back(std::move(finding));
    }
  }
}

}  // namespace phuluc
