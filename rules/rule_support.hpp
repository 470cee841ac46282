#pragma once
// Small helpers every rule uses: reading a value safely, naming a cell, starting a finding.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/cell_ref.hpp"
#include "report/finding.hpp"
#include "table/table.hpp"

namespace phuluc {

/// The value of `row` in table column `col_idx` (an index into Table::columns); a blank value when
/// the row carries fewer values than the table has columns.
const TableValue& value_at(const TableRow& row, std::size_t col_idx);

/// Whether a value is an empty cell (not "-", not 0): the officer wrote nothing there.
inline bool is_blank(const TableValue& value) { return value.state == ValueState::blank; }

/// The sheet cell (0-based) of row `row_idx` (index into Table::rows) in column `col_idx`.
///   to_a1(data_cell(table, 3, 5))  // e.g. "H14"
CellRef data_cell(const Table& table, std::size_t row_idx, std::size_t col_idx);

/// A1 text of data_cell().
std::string data_cell_a1(const Table& table, std::size_t row_idx, std::size_t col_idx);

/// A finding about one data cell, with sheet, cell, STT, row label and column path filled.
///   auto finding = finding_at(table, row_idx, col_idx, "sum-mismatch", Severity::error);
Finding finding_at(const Table& table, std::size_t row_idx, std::size_t col_idx, std::string_view code,
                   Severity severity);

/// A structure-unclear warning about a whole column, placed on its cell in the header's last row.
///   findings.push_back(unclear_column(table, col_idx, "rate-no-plan", "no plan column in block 1"));
Finding unclear_column(const Table& table, std::size_t col_idx, std::string_view reason, std::string detail);

/// A check-skipped notice on the judged cell: the check named by `reason` ("sum", "split", "rate",
/// "total") needs the cells `blocking` (A1), which are not numbers.
Finding check_skipped(const Table& table, std::size_t row_idx, std::size_t col_idx, std::string_view reason,
                      std::vector<std::string> blocking);

/// The decimals an amount finding is written with: those the judged cell shows, or else the fewest
/// that write both numbers (at most kAmountDecimals).
///   amount_display_decimals(std::nullopt, 187.09, 187.0)  // 2
int amount_display_decimals(std::optional<int> shown, double found, double expected);

}  // namespace phuluc
