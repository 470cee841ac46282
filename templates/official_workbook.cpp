#include "templates/official_workbook.hpp"

#include "model/cell_ref.hpp"

namespace phuluc {
namespace {

// One sheet row of text cells, left to right from column 0.
SheetRow text_row(std::uint32_t index, const std::vector<std::string>& texts, std::uint32_t style) {
  SheetRow row;
  row.index = index;
  for (std::size_t col = 0; col < texts.size(); ++col)
    if (!texts[col].empty()) row.cells.push_back(text_cell(static_cast<std::uint32_t>(col), texts[col], style));
  return row;
}

// Headers that name the input column by its letter first, so the list is never taken for an appendix table.
Sheet unplaced_sheet(const ConversionResult& conversion, SheetStyles& styles) {
  Sheet sheet;
  sheet.name = kUnplacedSheetName;
  CellStyle bold = styles.base();
  bold.font.bold = true;
  const std::uint32_t bold_style = styles.index(bold);
  CellStyle wrapped = styles.base();
  wrapped.alignment.wrap = true;
  wrapped.alignment.vertical = "top";
  const std::uint32_t body_style = styles.index(wrapped);
  CellStyle header = bold;
  header.alignment.wrap = true;
  const std::uint32_t header_style = styles.index(header);

  sheet.rows.push_back(text_row(0, {"Các dòng của tệp gốc không xếp được vào mẫu (giữ nguyên ở đây, không bỏ dòng nào)"}, bold_style));
  const Table& input = *conversion.input;
  std::vector<std::string> headers = {"Dòng trong tệp gốc", "Ký hiệu dòng", "Dòng ghi", "Lý do", "Mã danh mục"};
  std::vector<std::size_t> shown;
  for (std::size_t i = 0; i < input.columns.size(); ++i) {
    const auto col = input.columns[i].col;
    if ((input.stt_col && col == *input.stt_col) || (input.label_col && col == *input.label_col)) continue;
    shown.push_back(i);
    headers.push_back("Cột " + column_letters(col) + ": " + input.columns[i].path_text);
  }
  sheet.rows.push_back(text_row(2, headers, header_style));
  std::uint32_t index = 3;
  for (const UnplacedRow& row : conversion.unplaced) {
    std::vector<std::string> texts = {std::to_string(row.input_row + 1), row.stt, row.label, row.reason, row.key};
    for (const std::size_t i : shown) texts.push_back(i < row.cells.size() ? row.cells[i] : std::string());
    sheet.rows.push_back(text_row(index++, texts, body_style));
  }
  for (std::uint32_t col = 0; col < headers.size(); ++col) {
    ColumnInfo info;
    info.first = info.last = col;
    info.width = col == 2 ? 50.0 : col < 5 ? 12.0 : 14.0;
    sheet.columns.push_back(info);
  }
  sheet.frozen_rows = 3;
  sheet.print.set_a4_landscape_one_page_wide();
  return sheet;
}

}  // namespace

OfficialWorkbook official_workbook(const TemplateDefinition& definition, const TemplateTexts& texts,
                                   const OfficialTable& table, FillMode mode, const ConversionResult* conversion) {
  OfficialWorkbook out;
  SheetStyles styles;
  out.layout = build_official_sheet(definition, texts, table, mode, styles, appendix_sheet_name(definition, texts));
  out.workbook.sheets.push_back(std::move(out.layout.sheet));
  out.layout.sheet = Sheet{};
  if (conversion && !conversion->unplaced.empty() && conversion->input)
    out.workbook.sheets.push_back(unplaced_sheet(*conversion, styles));
  out.workbook.styles = styles.take();
  return out;
}

}  // namespace phuluc
