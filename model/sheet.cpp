#include "model/sheet.hpp"

#include <algorithm>

#include "model/workbook.hpp"

namespace phuluc {

const SheetRow* Sheet::find_row(std::uint32_t row) const {
  const auto it = std::lower_bound(rows.begin(), rows.end(), row,
                                   [](const SheetRow& r, std::uint32_t value) { return r.index < value; });
  return (it != rows.end() && it->index == row) ? &*it : nullptr;
}

const Cell* Sheet::find(CellRef ref) const {
  const SheetRow* row = find_row(ref.row);
  if (!row) return nullptr;
  const auto it = std::lower_bound(row->cells.begin(), row->cells.end(), ref.col,
                                   [](const Cell& c, std::uint32_t value) { return c.col < value; });
  return (it != row->cells.end() && it->col == ref.col) ? &*it : nullptr;
}

const CellRange* Sheet::merged_at(CellRef ref) const {
  for (const auto& range : merged)
    if (range.contains(ref)) return &range;
  return nullptr;
}

bool Sheet::column_hidden(std::uint32_t col) const {
  for (const auto& info : columns)
    if (col >= info.first && col <= info.last) return info.hidden;
  return false;
}

const CellStyle& Workbook::style_of(const Cell& cell) const {
  static const CellStyle kDefault{};
  return cell.style < styles.size() ? styles[cell.style] : kDefault;
}

}  // namespace phuluc
