#include "rules/target_verdict_rule.hpp"

#include "rules/criteria_reading.hpp"
#include "rules/rule_support.hpp"

namespace phuluc {

void TargetVerdictRule::check(const Table& table, std::vector<Finding>& findings) const {
  if (table.kind != TableKind::criteria) return;
  const CriteriaColumns columns = criteria_columns(table);
  if (!columns.target) return;
  for (std::size_t row_idx = 0; row_idx < table.rows.size(); ++row_idx) {
    const std::string target = value_text(value_at(table.rows[row_idx], *columns.target));
    if (!is_negative_verdict_only(target)) continue;
    Finding finding = finding_at(table, row_idx, *columns.target, code(), Severity::warning);
    finding.found_text = target;
    if (columns.result) finding.related.push_back(data_cell_a1(table, row_idx, *columns.result));
    findings.push_back(std::move(finding));
  }
}

}  // namespace phuluc
