#pragma once
// Formula text for the cells `phuluc fix --formulas` writes: sums of children, Tổng số, rates.
// Stored the way every Excel file stores formulas: English function names, commas between
// arguments, A1 references, no leading '=' (Cell::formula), whatever the user's locale.
#include <optional>
#include <span>
#include <string>

#include "model/cell_ref.hpp"

namespace phuluc {

/// SUM over cells, with runs of adjacent cells in one column or one row joined into ranges:
/// {F15, F16, F17, F20} → "SUM(F15:F17,F20)". Cells keep the given order otherwise. An empty list
/// gives "0" (a parent with no children sums to zero). Excel's limit of 255 arguments is respected
/// by nesting: more than 255 pieces become SUM(SUM(...),SUM(...)).
///   cell.formula = sum_formula(children);  // children: 0-based refs of the child rows' cells
std::string sum_formula(std::span<const CellRef> cells);

/// The disbursement rate in percent, blank when the plan is 0 (never 100, never #DIV/0!):
/// rate_formula(G14, F14) → IF(F14=0,"",G14/F14*100).
std::string rate_formula(CellRef disbursed, CellRef plan);

/// The value a rate formula gives: nullopt (the empty text) when the plan is 0, else disbursed/plan*100.
/// Used as the cached result written with rate_formula.
std::optional<double> rate_value(double disbursed, double plan);

}  // namespace phuluc
