#include "rules/criteria_verdict_rule.hpp"

#include "rules/criteria_reading.hpp"
#include "rules/rule_support.hpp"

namespace phuluc {

void CriteriaVerdictRule::check(const Table& table, std::vector<Finding>& findings) const {
  if (table.kind != TableKind::criteria) return;
  const CriteriaColumns columns = criteria_columns(table);
  if (!columns.result || !columns.target) return;
  for (std::size_t row_idx = 0; row_idx < table.rows.size(); ++row_idx) {
    const TableRow& row = table.rows[row_idx];
    if (row.kind == RowKind::grand_total) continue;
    const std::string result = value_text(value_at(row, *columns.result));
    Verdict verdict = verdict_in(result);
    if (verdict == Verdict::none && columns.note) verdict = verdict_in(value_text(value_at(row, *columns.note)));
    if (verdict != Verdict::met && verdict != Verdict::not_met) continue;
    const auto number = first_number(result);
    const std::string target_text = value_text(value_at(row, *columns.target));
    const auto target = numeric_target(target_text);
    if (!number || !target) continue;
    const bool met_by_number = target->accepts(*number);
    if (met_by_number == (verdict == Verdict::met)) continue;
    Finding finding = finding_at(table, row_idx, *columns.result, code(), Severity::error);
    finding.found = *number;
    finding.found_text = result;
    finding.decimals = 2;
    finding.related.push_back(data_cell_a1(table, row_idx, *columns.target) + " = " + target_text);
    finding.reason = verdict == Verdict::met ? "criteria-says-met" : "criteria-says-not-met";
    finding.detail = "the result " + result + " against the target " + target_text;
    findings.push_back(std::move(finding));
  }
}

}  // namespace phuluc
