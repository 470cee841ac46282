#pragma once
// Small edits of a workbook's cells that keep their look: find or create a cell, give it a number
// format that shows a corrected value, and the format a column's numbers use.
#include <cstdint>
#include <string>

#include "model/workbook.hpp"
#include "table/table.hpp"

namespace phuluc {

/// The cell at a 0-based position, created empty (with the row's or column's default style) when the
/// sheet has none there; rows and cells stay sorted.
///   Cell& cell = cell_at(workbook.sheets[0], {21, 11});
Cell& cell_at(Sheet& sheet, CellRef ref);

/// A style index equal to `style` but for the number format `code`: an existing style when one
/// matches, else a new one appended to Workbook::styles.
///   cell.style = style_with_format(workbook, cell.style, "#,##0.00");
std::uint32_t style_with_format(Workbook& workbook, std::uint32_t style, const std::string& code);

/// A number format like `code` that shows `decimals` decimals: "#,##0" at 2 → "#,##0.00", "0.0" at
/// 0 → "0", "0%" at 1 → "0.0%". Every section (positive;negative;zero) is changed. A code that is
/// General, text ("@") or not made of digit placeholders gives "#,##0" with the decimals.
///   format_with_decimals("#,##0", 2)  // "#,##0.00"
std::string format_with_decimals(const std::string& code, int decimals);

/// The number format most of the numeric cells of a table column use (rows of the table only),
/// or empty when none has a format other than General and text.
///   const std::string code = column_number_format(workbook, table, col_idx);
std::string column_number_format(const Workbook& workbook, const Table& table, std::size_t col_idx);

}  // namespace phuluc
