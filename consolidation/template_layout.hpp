#pragma once
// What the consolidated workbook copies from its template (the first input that passed its checks):
// the top of the sheet (title lines, "Kèm theo", ĐVT, the header with its styles and merges), the
// column widths, the print setup, and the look of each kind of data row. Kept instead of the whole
// workbook, so thousands of inputs fit in memory.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "model/sheet.hpp"
#include "model/style.hpp"
#include "model/workbook.hpp"
#include "table/table.hpp"

namespace phuluc {

struct TemplateLayout {
  std::string path;                ///< the template file, as given
  Table table;                     ///< its table without rows: titles, Kèm theo, unit, header rows, columns
  Sheet top;                       ///< its sheet's rows 0..table.header_last (0-based, inclusive) with their
                                   ///< cells and heights, the merges inside them, column widths, frozen
                                   ///< panes and print setup; Cell::style indexes `styles`
  std::vector<CellStyle> styles;   ///< only the styles `top` and `row_styles` use; [0] is the template's default
  std::map<RowKind, std::vector<std::uint32_t>> row_styles;  ///< for each row kind the table has, the style
                                   ///< (index into `styles`) of each sheet column 0..last_col in its first row
  std::uint32_t last_col = 0;      ///< 0-based sheet column of the table's rightmost column, inclusive

  /// The style (index into `styles`) of 0-based sheet column `col` in a data row of `kind`: from the
  /// template's first row of that kind, else of the nearest kind it has (a missing sub-project takes
  /// the content's look, then the project's), else 0.
  ///   cell.style = layout.style_at(RowKind::subproject, 2);
  std::uint32_t style_at(RowKind kind, std::uint32_t col) const;
};

/// Copies the layout of `table` from `workbook`, keeping only the styles it uses.
///   const TemplateLayout layout = extract_layout(workbook, scan.tables[0], path);
TemplateLayout extract_layout(const Workbook& workbook, const Table& table, std::string path);

}  // namespace phuluc
