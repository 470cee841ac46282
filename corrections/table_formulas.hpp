#pragma once
// `phuluc fix --formulas`: the table's relations written as formulas, so the workbook stays right
// when someone edits it afterwards.
#include <cstddef>

#include "model/workbook.hpp"
#include "table/table.hpp"

namespace phuluc {

/// Writes formulas into `table`'s cells (the table as found on `workbook` after its corrections):
///  - every Tổng số of a split group: =SUM(NSTW:NSĐP) (the split's parts);
///  - every other parent-row amount, and the grand total: =SUM(children) (writers/formula_text.hpp);
///  - every rate that shows a number on a plan that is not 0: =IF(plan=0,"",numerator/plan*100)
///    (without ×100 under a '%' format).
/// Only cells that hold a number (typed, or as text) and whose relation is judged (some part is
/// not blank) get a formula: empty cells and "-" keep their look. Edits touching a cell that is not
/// a number are left alone. Each formula is stored with its result as the cached value, computed
/// from the other formulas' results bottom-up, so programs that do not recalculate show the same
/// numbers. A number typed as text that gets a formula takes the column's number format.
/// Returns how many formulas were written.
///   for (const Table& table : find_tables(workbook).tables) count += write_table_formulas(workbook, table);
std::size_t write_table_formulas(Workbook& workbook, const Table& table);

}  // namespace phuluc
