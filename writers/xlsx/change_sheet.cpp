#include "writers/xlsx/change_sheet.hpp"

#include <array>
#include <cmath>

#include "writers/xlsx/sheet_names.hpp"

namespace phuluc::xlsxw {
namespace {

struct Column {
  const char* vi;
  const char* en;
  double width;  // libxlsxwriter width (characters)
};

constexpr std::array<Column, 6> kColumns = {{
    {"Trang tính", "Sheet", 22},
    {"Ô", "Cell", 8},
    {"Giá trị cũ", "Old value", 14},
    {"Giá trị mới", "New value", 14},
    {"Mã", "Code", 20},
    {"Lý do", "Reason", 70},
}};

struct Formats {
  lxw_format* header;
  lxw_format* text;
  lxw_format* link;
  lxw_format* wrapped;
};

Formats make_formats(lxw_workbook* book, const std::string& font_name) {
  auto base = [&] {
    lxw_format* format = workbook_add_format(book);
    if (!font_name.empty()) format_set_font_name(format, font_name.c_str());
    format_set_border(format, LXW_BORDER_THIN);
    format_set_align(format, LXW_ALIGN_VERTICAL_TOP);
    return format;
  };
  Formats formats{base(), base(), base(), base()};
  format_set_bold(formats.header);
  format_set_align(formats.header, LXW_ALIGN_CENTER);
  format_set_text_wrap(formats.header);
  format_set_underline(formats.link, LXW_UNDERLINE_SINGLE);
  format_set_font_color(formats.link, LXW_COLOR_BLUE);
  format_set_text_wrap(formats.wrapped);
  return formats;
}

lxw_error write_value(lxw_worksheet* sheet, lxw_row_t row, lxw_col_t col, const LoggedValue& value,
                      lxw_format* format) {
  if (const double* number = std::get_if<double>(&value); number && std::isfinite(*number))
    return worksheet_write_number(sheet, row, col, *number, format);
  return worksheet_write_string(sheet, row, col, logged_text(value).c_str(), format);
}

}  // namespace

std::string logged_text(const LoggedValue& value) {
  if (const auto* text = std::get_if<std::string>(&value)) return *text;
  return {};
}

lxw_error write_change_sheet(lxw_workbook* book, lxw_worksheet* sheet, const ChangeSheet& changes,
                             const std::vector<std::string>& sheet_names, const std::string& font_name) {
  const Formats formats = make_formats(book, font_name);
  lxw_error first_error = LXW_NO_ERROR;
  auto keep = [&](lxw_error error) {
    if (first_error == LXW_NO_ERROR) first_error = error;
  };
  for (lxw_col_t col = 0; col < kColumns.size(); ++col) {
    const Column& column = kColumns[col];
    keep(worksheet_set_column(sheet, col, col, column.width, nullptr));
    keep(worksheet_write_string(sheet, 0, col, pick(changes.lang, column.vi, column.en), formats.header));
  }
  worksheet_freeze_panes(sheet, 1, 0);

  lxw_row_t row = 1;
  for (const ChangeEntry& entry : changes.entries) {
    const bool known_sheet = entry.sheet < sheet_names.size();
    const std::string cell = to_a1(entry.cell);
    keep(worksheet_write_string(sheet, row, 0, known_sheet ? sheet_names[entry.sheet].c_str() : "", formats.text));
    if (known_sheet) {
      const std::string target = "internal:" + quoted_sheet_name(sheet_names[entry.sheet]) + "!" + cell;
      keep(worksheet_write_url_opt(sheet, row, 1, target.c_str(), formats.link, cell.c_str(), nullptr));
    } else {
      keep(worksheet_write_string(sheet, row, 1, cell.c_str(), formats.text));
    }
    keep(write_value(sheet, row, 2, entry.old_value, formats.text));
    keep(write_value(sheet, row, 3, entry.new_value, formats.text));
    keep(worksheet_write_string(sheet, row, 4, entry.code.c_str(), formats.text));
    keep(worksheet_write_string(sheet, row, 5, entry.reason.c_str(), formats.wrapped));
    ++row;
  }
  keep(worksheet_autofilter(sheet, 0, 0, row - 1, kColumns.size() - 1));
  return first_error;
}

}  // namespace phuluc::xlsxw
