#pragma once
// Putting a table's corrections into the workbook's cells, keeping each cell's look.
#include <cstddef>
#include <string>
#include <vector>

#include "corrections/localizer.hpp"
#include "model/workbook.hpp"
#include "table/table.hpp"
#include "writers/xlsx_writer.hpp"

namespace phuluc {

/// One correction as placed in the workbook.
struct AppliedCorrection {
  std::size_t sheet_index = 0;  ///< index into Workbook::sheets
  CellRef cell;                 ///< 0-based
  LoggedValue old_value;        ///< a number (a rate in percent), the text as typed, or none for an empty cell
  LoggedValue new_value;        ///< a number, the text "-" for a zero written as a dash, or none (empty)
  std::string old_formula;      ///< the cell's formula when it had one (kept, with the corrected cached value)
  Correction fix;               ///< the localizer's record (table coordinates, code, basis, slip)
};

/// Writes the corrections of `table` into `workbook`:
///  - a number cell stays a number in its own style; a number typed as text becomes a number with the
///    number format the column's numbers use (or one showing its decimals);
///  - a value that needs more decimals than the cell shows gets a format showing them
///    (Correction::show_decimals), built from the cell's own format;
///  - a formula cell keeps its formula, with the corrected value as its cached result;
///  - a corrected zero (amount or rate) is written the way its row writes zeros in that column block
///    and kind of column ("-", 0, or an empty cell), else the way the table does;
///  - a correction without a value empties the cell (its style is kept).
/// `table` must have been found in this workbook (find_tables) and not be changed since.
///   for (const Table& table : scan.tables)
///     auto applied = apply_corrections(workbook, table, localize_errors(table).corrections);
std::vector<AppliedCorrection> apply_corrections(Workbook& workbook, const Table& table,
                                                 const std::vector<Correction>& corrections);

}  // namespace phuluc
