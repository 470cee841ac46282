#pragma once
// The comparison the sum and total rules share: one cell against the sum of the same column over
// other rows, built in a single pass over those rows.
#include <cstddef>
#include <string_view>
#include <vector>

#include "report/finding.hpp"
#include "table/table.hpp"

namespace phuluc {

/// Compares the cell of row `row_idx` in amount column `col_idx` with the sum of that column over
/// `parts` (indices into Table::rows). Appends a finding with `code` (cell = the judged cell,
/// related = the parts' cells) when they differ by more than the judged cell's tolerance.
/// Not compared: every part blank (a parent may be filled without detail); the judged cell not a
/// number (other findings say so). A part that is not a number gives a check-skipped notice
/// with reason `skipped_reason` instead of a comparison.
///   compare_with_sum(table, parent_idx, table.rows[parent_idx].children, col_idx, "sum-mismatch", "sum", out);
void compare_with_sum(const Table& table, std::size_t row_idx, const std::vector<int>& parts, std::size_t col_idx,
                      std::string_view code, std::string_view skipped_reason, std::vector<Finding>& findings);

}  // namespace phuluc
