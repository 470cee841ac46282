#include "consolidation/consolidated_sheet.hpp"

#include <algorithm>

#include "consolidation/row_formulas.hpp"
#include "table/text_fold.hpp"

namespace phuluc {
namespace {

constexpr const char* kAttachedPlaceholder =
    "Kèm theo Báo cáo số ......../BC-UBND ngày ...... tháng ...... năm ...... của Ủy ban nhân dân ......";

Cell value_cell(std::uint32_t col, const ValueCellContent& content, std::uint32_t style) {
  Cell cell;
  cell.col = col;
  cell.style = style;
  switch (content.kind) {
    case ValueCellContent::Kind::empty: break;
    case ValueCellContent::Kind::number:
      cell.kind = CellKind::number;
      cell.number = content.number;
      break;
    case ValueCellContent::Kind::formula:
      cell.has_formula = true;
      cell.formula = content.formula;
      if (content.text_result) {
        cell.kind = CellKind::text;
      } else {
        cell.kind = CellKind::number;
        cell.number = content.number;
      }
      break;
  }
  return cell;
}

// Row kinds for the look of carried and remainder rows: the kind the output gave them.
RowKind look_of(const MergedRow& row) { return row.kind; }

}  // namespace

std::string consolidated_title(const TemplateLayout& layout, const MergeTexts& texts) {
  if (!texts.title.empty()) return texts.title;
  const std::string& title = layout.table.title;
  if (title.empty()) return "TỔNG HỢP";
  if (fold_text(title).rfind("tong hop", 0) == 0) return title;
  return "TỔNG HỢP " + title;
}

Sheet copy_top(const TemplateLayout& layout, const std::string& name, const std::string& title,
               const std::string& attached_line) {
  Sheet sheet = layout.top;
  sheet.name = name;
  const std::string template_title = tidy_text(layout.table.title);
  bool title_done = false;
  bool attached_done = false;
  for (SheetRow& row : sheet.rows) {
    if (row.index >= layout.table.header_first) break;
    for (Cell& cell : row.cells) {
      if (cell.kind != CellKind::text) continue;
      const std::string tidy = tidy_text(cell.text);
      if (!title_done && !template_title.empty() && tidy == template_title) {
        cell.text = title;
        title_done = true;
      } else if (!attached_done && fold_text(tidy).find("kem theo") != std::string::npos) {
        cell.text = attached_line;
        attached_done = true;
      }
    }
  }
  return sheet;
}

std::vector<std::uint32_t> row_styles(const TemplateLayout& layout, const ConsolidatedTable& table,
                                      const MergedRow& row, StyleBook& styles) {
  std::vector<int> value_at(layout.last_col + 1, -1);
  for (std::size_t v = 0; v < table.columns.size(); ++v)
    if (table.columns[v].sheet_col <= layout.last_col) value_at[table.columns[v].sheet_col] = static_cast<int>(v);
  const bool foreign = row.origin == MergedOrigin::carried || row.origin == MergedOrigin::remainder;
  std::vector<std::uint32_t> out(layout.last_col + 1, 0);
  for (std::uint32_t col = 0; col <= layout.last_col; ++col) {
    StyleChange change;
    if (foreign) {
      change.italic = true;
      change.not_bold = true;
    }
    if (value_at[col] >= 0) {
      const ValueColumn& column = table.columns[static_cast<std::size_t>(value_at[col])];
      change.number_format = column.role == ColumnRole::rate ? rate_format(column.decimals) : amount_format(column.decimals);
    }
    out[col] = styles.variant(layout.style_at(look_of(row), col), change);
  }
  return out;
}

Sheet build_consolidated_sheet(const TemplateLayout& layout, const ConsolidatedTable& table, const MergeTexts& texts,
                               std::size_t merged_inputs, StyleBook& styles) {
  const std::string attached = "(" + (texts.attached_to.empty() ? std::string(kAttachedPlaceholder) : texts.attached_to) + ")";
  Sheet sheet = copy_top(layout, kConsolidatedSheetName, consolidated_title(layout, texts), attached);
  const Table& shape = layout.table;
  const std::uint32_t first = shape.header_last + 1;

  std::vector<int> value_at(layout.last_col + 1, -1);
  for (std::size_t v = 0; v < table.columns.size(); ++v)
    if (table.columns[v].sheet_col <= layout.last_col) value_at[table.columns[v].sheet_col] = static_cast<int>(v);

  for (std::size_t i = 0; i < table.rows.size(); ++i) {
    const MergedRow& row = table.rows[i];
    const std::uint32_t sheet_row = first + static_cast<std::uint32_t>(i);
    std::vector<std::uint32_t> children;
    for (const int child : row.children) children.push_back(first + static_cast<std::uint32_t>(child));
    const auto cells = value_cells(table, i, sheet_row, row_ranges(std::move(children)));
    const auto looks = row_styles(layout, table, row, styles);

    SheetRow out;
    out.index = sheet_row;
    for (std::uint32_t col = 0; col <= layout.last_col; ++col) {
      if (shape.stt_col && col == *shape.stt_col) {
        out.cells.push_back(text_cell(col, row.stt, looks[col]));
        if (row.stt.empty()) out.cells.back().kind = CellKind::empty;
      } else if (shape.label_col && col == *shape.label_col) {
        out.cells.push_back(text_cell(col, row.label, looks[col]));
      } else if (value_at[col] >= 0) {
        out.cells.push_back(value_cell(col, cells[static_cast<std::size_t>(value_at[col])], looks[col]));
      } else {
        Cell blank;
        blank.col = col;
        blank.style = looks[col];
        out.cells.push_back(blank);
      }
    }
    sheet.rows.push_back(std::move(out));
  }

  const std::uint32_t last_data = first + static_cast<std::uint32_t>(table.rows.size()) - (table.rows.empty() ? 0 : 1);
  const std::uint32_t note_row = last_data + 2;
  SheetRow note;
  note.index = note_row;
  note.cells.push_back(text_cell(0,
                                 "Ghi chú: tổng hợp từ " + std::to_string(merged_inputs) +
                                     " báo cáo; số liệu của từng xã ở trang \"" + kBreakdownSheetName +
                                     "\", danh sách tệp và cách xử lý ở trang \"" + kSourcesSheetName + "\".",
                                 styles.plain(StyleChange().with_italic())));
  sheet.rows.push_back(std::move(note));

  if (sheet.print.print_area) sheet.print.print_area = CellRange{{0, 0}, {note_row, layout.last_col}};
  return sheet;
}

}  // namespace phuluc
