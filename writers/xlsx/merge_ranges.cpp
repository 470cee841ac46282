#include "writers/xlsx/merge_ranges.hpp"

#include <algorithm>
#include <cstdint>
#include <unordered_set>

namespace phuluc::xlsxw {
namespace {

// Ranges up to this many cells are remembered cell by cell; larger ones are compared as rectangles.
constexpr std::uint64_t kSmallArea = 1024;

bool intersects(const CellRange& a, const CellRange& b) {
  return a.first.row <= b.last.row && b.first.row <= a.last.row && a.first.col <= b.last.col &&
         b.first.col <= a.last.col;
}

bool valid(const CellRange& range) {
  return range.first.row <= range.last.row && range.first.col <= range.last.col && range.last.row < kMaxRows &&
         range.last.col < kMaxCols && !(range.first == range.last);
}

std::uint64_t area(const CellRange& range) {
  return std::uint64_t{range.last.row - range.first.row + 1} * (range.last.col - range.first.col + 1);
}

std::uint64_t cell_key(std::uint32_t row, std::uint32_t col) { return (std::uint64_t{row} << 14) | col; }

}  // namespace

std::vector<CellRange> writable_merges(const std::vector<CellRange>& ranges) {
  std::vector<CellRange> kept;
  std::vector<CellRange> kept_large;
  std::unordered_set<std::uint64_t> covered;  // cells of the small ranges kept
  for (const CellRange& range : ranges) {
    if (!valid(range)) continue;
    auto overlaps = [&](const CellRange& other) { return intersects(range, other); };
    if (std::any_of(kept_large.begin(), kept_large.end(), overlaps)) continue;
    const bool small = area(range) <= kSmallArea;
    bool overlap = false;
    if (small) {
      for (std::uint32_t row = range.first.row; row <= range.last.row && !overlap; ++row)
        for (std::uint32_t col = range.first.col; col <= range.last.col && !overlap; ++col)
          overlap = covered.contains(cell_key(row, col));
    } else {
      overlap = std::any_of(kept.begin(), kept.end(), overlaps);
    }
    if (overlap) continue;
    kept.push_back(range);
    if (!small) {
      kept_large.push_back(range);
      continue;
    }
    for (std::uint32_t row = range.first.row; row <= range.last.row; ++row)
      for (std::uint32_t col = range.first.col; col <= range.last.col; ++col) covered.insert(cell_key(row, col));
  }
  return kept;
}

}  // namespace phuluc::xlsxw
