#include "rules/rule_support.hpp"

#include <algorithm>

#include "rules/tolerance.hpp"

namespace phuluc {

const TableValue& value_at(const TableRow& row, std::size_t col_idx) {
  static const TableValue kBlank{};
  return col_idx < row.values.size() ? row.values[col_idx] : kBlank;
}

CellRef data_cell(const Table& table, std::size_t row_idx, std::size_t col_idx) {
  return CellRef{table.rows[row_idx].sheet_row, table.columns[col_idx].col};
}

std::string data_cell_a1(const Table& table, std::size_t row_idx, std::size_t col_idx) {
  return to_a1(data_cell(table, row_idx, col_idx));
}

Finding finding_at(const Table& table, std::size_t row_idx, std::size_t col_idx, std::string_view code,
                   Severity severity) {
  const auto& row = table.rows[row_idx];
  Finding finding;
  finding.code = std::string(code);
  finding.severity = severity;
  finding.sheet = table.sheet;
  finding.cell = data_cell(table, row_idx, col_idx);
  finding.stt = row.stt;
  finding.row_label = row.label;
  finding.column = table.columns[col_idx].path_text;
  return finding;
}

Finding unclear_column(const Table& table, std::size_t col_idx, std::string_view reason, std::string detail) {
  Finding finding;
  finding.code = "structure-unclear";
  finding.severity = Severity::warning;
  finding.sheet = table.sheet;
  finding.cell = CellRef{table.header_last, table.columns[col_idx].col};
  finding.column = table.columns[col_idx].path_text;
  finding.reason = std::string(reason);
  finding.detail = std::move(detail);
  return finding;
}

Finding check_skipped(const Table& table, std::size_t row_idx, std::size_t col_idx, std::string_view reason,
                      std::vector<std::string> blocking) {
  auto finding = finding_at(table, row_idx, col_idx, "check-skipped", Severity::notice);
  finding.reason = std::string(reason);
  finding.detail = std::string(reason) + " check skipped: a cell it needs is not a number";
  finding.related = std::move(blocking);
  return finding;
}

int amount_display_decimals(std::optional<int> shown, double found, double expected) {
  if (shown) return std::min(*shown, kAmountDecimals);
  return std::max(decimals_of(found, kAmountDecimals), decimals_of(expected, kAmountDecimals));
}

}  // namespace phuluc
