#include "rules/not_a_number_rule.hpp"

#include "rules/rule_support.hpp"

namespace phuluc {

void NotANumberRule::check(const Table& table, std::vector<Finding>& findings) const {
  for (std::size_t col_idx = 0; col_idx < table.columns.size(); ++col_idx) {
    const ColumnRole role = table.columns[col_idx].role;
    if (role != ColumnRole::amount && role != ColumnRole::rate) continue;
    for (std::size_t row_idx = 0; row_idx < table.rows.size(); ++row_idx) {
      const TableValue& value = value_at(table.rows[row_idx], col_idx);
      if (value.state != ValueState::not_a_number && value.state != ValueState::error) continue;
      auto finding = finding_at(table, row_idx, col_idx, code(), Severity::error);
      finding.found_text = value.raw;
      finding.detail = value.state == ValueState::error ? "an Excel error value" : "text that reads as no number";
      findings.push_back(std::move(finding));
    }
  }
}

}  // namespace phuluc
