#include "rules/total_rule.hpp"

#include "rules/row_sum.hpp"

namespace phuluc {
namespace {

void compare_row(const Table& table, std::size_t total_idx, const std::vector<int>& parts, std::string_view code,
                 std::vector<Finding>& findings) {
  if (parts.empty()) return;
  for (std::size_t col_idx = 0; col_idx < table.columns.size(); ++col_idx)
    if (table.columns[col_idx].role == ColumnRole::amount)
      compare_with_sum(table, total_idx, parts, col_idx, code, "total", findings);
}

}  // namespace

void TotalRule::check(const Table& table, std::vector<Finding>& findings) const {
  std::vector<std::size_t> totals_without_children;
  std::vector<int> top_level;
  for (std::size_t row_idx = 0; row_idx < table.rows.size(); ++row_idx) {
    const TableRow& row = table.rows[row_idx];
    if (row.kind == RowKind::grand_total) {
      if (!row.children.empty())
        compare_row(table, row_idx, row.children, code(), findings);
      else if (row.parent < 0)
        totals_without_children.push_back(row_idx);
    } else if (row.parent < 0) {
      top_level.push_back(static_cast<int>(row_idx));
    }
  }
  if (totals_without_children.size() == 1) {
    compare_row(table, totals_without_children.front(), top_level, code(), findings);
  } else if (totals_without_children.size() > 1) {
    const TableRow& first = table.rows[totals_without_children.front()];
    Finding finding;
    finding.code = "structure-unclear";
    finding.severity = Severity::warning;
    finding.sheet = table.sheet;
    finding.cell = CellRef{first.sheet_row, table.label_col.value_or(table.stt_col.value_or(0))};
    finding.stt = first.stt;
    finding.row_label = first.label;
    finding.reason = "several-grand-totals";
    finding.detail = std::to_string(totals_without_children.size()) + " grand-total rows at the top level";
    findings.push_back(std::move(finding));
  }
}

}  // namespace phuluc
