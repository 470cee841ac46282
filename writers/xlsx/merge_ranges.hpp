#pragma once
// Merged ranges Excel accepts: no range may overlap another.
#include <vector>

#include "model/cell_ref.hpp"

namespace phuluc::xlsxw {

/// The ranges to write, in their order: each valid range (corners ordered, within XFD1048576, more
/// than one cell) that does not overlap a range kept before it. Excel refuses a file with
/// overlapping merges and libxlsxwriter does not check; keeping the first matches what Excel's
/// own repair keeps. Fast for many small ranges (50,000 merges in well under a second).
///   for (const CellRange& range : writable_merges(sheet.merged)) worksheet_merge_range(...);
std::vector<CellRange> writable_merges(const std::vector<CellRange>& ranges);

}  // namespace phuluc::xlsxw
