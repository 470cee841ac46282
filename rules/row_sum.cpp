#include "rules/row_sum.hpp"

#include "rules/rule_support.hpp"
#include "rules/tolerance.hpp"

namespace phuluc {

void compare_with_sum(const Table& table, std::size_t row_idx, const std::vector<int>& parts, std::size_t col_idx,
                      std::string_view code, std::string_view skipped_reason, std::vector<Finding>& findings) {
  const TableValue& judged = value_at(table.rows[row_idx], col_idx);
  if (!judged.is_numeric()) return;

  double sum = 0.0;
  bool any_given = false;
  std::vector<std::string> not_numbers;
  for (const int part : parts) {
    if (part < 0 || static_cast<std::size_t>(part) >= table.rows.size()) continue;
    const TableValue& value = value_at(table.rows[static_cast<std::size_t>(part)], col_idx);
    if (!is_blank(value)) any_given = true;
    if (value.is_numeric())
      sum += value.number;
    else
      not_numbers.push_back(data_cell_a1(table, static_cast<std::size_t>(part), col_idx));
  }
  if (!any_given) return;
  if (!not_numbers.empty()) {
    findings.push_back(check_skipped(table, row_idx, col_idx, skipped_reason, std::move(not_numbers)));
    return;
  }

  const auto decimals = shown_decimals(judged, table.columns[col_idx]);
  if (!differs(judged.number, sum, amount_tolerance(decimals))) return;
  auto finding = finding_at(table, row_idx, col_idx, code, Severity::error);
  if (!is_blank(judged)) finding.found = judged.number;  // a blank parent: found stays empty
  finding.expected = sum;
  finding.found_text = judged.state == ValueState::text_number ? judged.raw : std::string{};
  finding.decimals = amount_display_decimals(decimals, judged.number, sum);
  for (const int part : parts)
    if (part >= 0 && static_cast<std::size_t>(part) < table.rows.size())
      finding.related.push_back(data_cell_a1(table, static_cast<std::size_t>(part), col_idx));
  findings.push_back(std::move(finding));
}

}  // namespace phuluc
