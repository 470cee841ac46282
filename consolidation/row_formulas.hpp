#pragma once
// The value cells of a consolidated row as a spreadsheet shows them: amounts a row adds up as
// =SUM(...) of the rows it sums, Tổng số as =NSTW+NSĐP, rates as =IF(plan=0,"",num/plan*100), each
// with the value we computed as its cached result, so viewers that do not recalculate agree.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "consolidation/consolidator.hpp"

namespace phuluc {

/// One value cell.
struct ValueCellContent {
  enum class Kind { empty, number, formula };
  Kind kind = Kind::empty;
  double number = 0.0;       ///< the number, or the formula's cached result
  bool text_result = false;  ///< the formula's cached result is the empty text (a rate over a plan of 0)
  std::string formula;       ///< without the leading '='
};

/// Rows of a sheet, 0-based and inclusive.
struct RowRange {
  std::uint32_t first = 0;
  std::uint32_t last = 0;
};

/// Consecutive 0-based sheet rows joined into ranges: {12, 13, 14, 20} → {12-14, 20-20}.
std::vector<RowRange> row_ranges(std::vector<std::uint32_t> rows);

/// =SUM over one column's cells in `ranges` (0-based column), without the '='. More than 255
/// ranges (Excel's argument limit) are summed in nested groups.
///   sum_formula(2, {{12, 14}, {20, 20}}) == "SUM(C13:C15,C21)"
std::string sum_formula(std::uint32_t col, const std::vector<RowRange>& ranges);

/// The value cells of row `row_idx` of `table` (one per value column) when written at 0-based
/// sheet row `sheet_row`, where `summed` are the rows on the same sheet it adds up (its children,
/// or the communes under it): empty `summed` writes its amounts as numbers. A split total is its
/// parts added wherever a part has a value; a rate is a formula wherever the plan has a value;
/// cells whose value is empty stay empty.
///   const auto cells = value_cells(table, 4, 12, row_ranges({13, 17, 18}));
std::vector<ValueCellContent> value_cells(const ConsolidatedTable& table, std::size_t row_idx, std::uint32_t sheet_row,
                                          const std::vector<RowRange>& summed);

}  // namespace phuluc
