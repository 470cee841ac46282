#include "consolidation/template_layout.hpp"

#include <algorithm>
#include <array>

namespace phuluc {
namespace {

constexpr std::array<RowKind, 7> kKindOrder = {RowKind::grand_total, RowKind::program, RowKind::project,
                                               RowKind::subproject,  RowKind::content, RowKind::item,
                                               RowKind::other};

// Keeps the styles the layout uses, renumbered from 1 (0 stays the workbook's default style).
class StyleCopier {
 public:
  explicit StyleCopier(const Workbook& workbook) : workbook_(workbook) {
    styles_.push_back(workbook.styles.empty() ? CellStyle{} : workbook.styles.front());
  }
  std::uint32_t copy(std::uint32_t old_index) {
    if (old_index == 0 || old_index >= workbook_.styles.size()) return 0;
    const auto [it, added] = renumbered_.emplace(old_index, static_cast<std::uint32_t>(styles_.size()));
    if (added) styles_.push_back(workbook_.styles[old_index]);
    return it->second;
  }
  std::vector<CellStyle> take() { return std::move(styles_); }

 private:
  const Workbook& workbook_;
  std::vector<CellStyle> styles_;
  std::map<std::uint32_t, std::uint32_t> renumbered_;
};

// The style a cell shows: its own, else its row's, else its column's, else the default.
std::uint32_t style_of_cell(const Sheet& sheet, std::uint32_t row, std::uint32_t col) {
  if (const Cell* cell = sheet.find({row, col})) return cell->style;
  if (const SheetRow* sheet_row = sheet.find_row(row); sheet_row && sheet_row->style) return *sheet_row->style;
  for (const ColumnInfo& info : sheet.columns)
    if (col >= info.first && col <= info.last && info.style) return *info.style;
  return 0;
}

}  // namespace

std::uint32_t TemplateLayout::style_at(RowKind kind, std::uint32_t col) const {
  const auto at = static_cast<int>(std::find(kKindOrder.begin(), kKindOrder.end(), kind) - kKindOrder.begin());
  const int size = static_cast<int>(kKindOrder.size());
  for (int distance = 0; distance < size; ++distance) {
    for (const int candidate : {at + distance, at - distance}) {
      if (candidate < 0 || candidate >= size) continue;
      const auto found = row_styles.find(kKindOrder[static_cast<std::size_t>(candidate)]);
      if (found != row_styles.end()) return col < found->second.size() ? found->second[col] : 0;
    }
  }
  return 0;
}

TemplateLayout extract_layout(const Workbook& workbook, const Table& table, std::string path) {
  TemplateLayout layout;
  layout.path = std::move(path);
  const Sheet& sheet = workbook.sheets.at(table.sheet_index);
  StyleCopier styles(workbook);

  for (const TableColumn& column : table.columns) layout.last_col = std::max(layout.last_col, column.col);

  Sheet& top = layout.top;
  top.name = sheet.name;
  for (const SheetRow& row : sheet.rows) {
    if (row.index > table.header_last) break;
    SheetRow copy = row;
    for (Cell& cell : copy.cells) cell.style = styles.copy(cell.style);
    if (copy.style) copy.style = styles.copy(*copy.style);
    top.rows.push_back(std::move(copy));
  }
  for (const CellRange& range : sheet.merged)
    if (range.last.row <= table.header_last) top.merged.push_back(range);
  top.columns = sheet.columns;
  for (ColumnInfo& info : top.columns)
    if (info.style) info.style = styles.copy(*info.style);
  top.frozen_rows = sheet.frozen_rows;
  top.frozen_cols = sheet.frozen_cols;
  top.default_row_height = sheet.default_row_height;
  top.default_col_width = sheet.default_col_width;
  top.print = sheet.print;

  for (const TableRow& row : table.rows) {
    if (layout.row_styles.count(row.kind) != 0) continue;
    std::vector<std::uint32_t> row_styles(layout.last_col + 1, 0);
    for (std::uint32_t col = 0; col <= layout.last_col; ++col)
      row_styles[col] = styles.copy(style_of_cell(sheet, row.sheet_row, col));
    layout.row_styles.emplace(row.kind, std::move(row_styles));
  }

  layout.table = table;
  layout.table.rows.clear();
  layout.table.rows.shrink_to_fit();
  layout.styles = styles.take();
  return layout;
}

}  // namespace phuluc
