// Layout read from XLSX: sheets, merges, hidden rows and columns, sizes, outlines, panes, print setup.
#include <catch2/catch.hpp>

#include "readers/workbook_reader.hpp"
#include "readers/xlsx/workbook_part.hpp"
#include "test_xlsx_support.hpp"

using namespace phuluc;
using phuluc::test::cell_at;
using phuluc::test::corpus;
using phuluc::test::quirk;

namespace {

CellRange range(std::string_view a1) {
  const auto parsed = parse_a1_range(a1);
  REQUIRE(parsed.has_value());
  return *parsed;
}

const ColumnInfo* column_info(const Sheet& sheet, std::uint32_t col) {
  for (const auto& info : sheet.columns)
    if (col >= info.first && col <= info.last) return &info;
  return nullptr;
}

}  // namespace

TEST_CASE("xlsx reader keeps Vietnamese sheet names, their order and hidden state", "[readers][xlsx][sheets]") {
  const Workbook wb = read_workbook(quirk("vietnamese_sheet_names.xlsx"));
  REQUIRE(wb.sheets.size() == 4);
  CHECK(wb.sheets[0].name == "Biểu 01 - Vốn sự nghiệp");
  CHECK(wb.sheets[1].name == "Phụ lục II (ĐTPT)");
  CHECK(wb.sheets[2].name == "Ẩn");
  CHECK(wb.sheets[3].name == "Rất ẩn");
  CHECK_FALSE(wb.sheets[0].hidden);
  CHECK_FALSE(wb.sheets[1].hidden);
  CHECK(wb.sheets[2].hidden);
  CHECK(wb.sheets[3].hidden);  // veryHidden
  CHECK(cell_at(wb.sheets[1], "A1").text == "Phụ lục II");

  const Workbook excel = read_workbook(corpus("libxlsxwriter/hide01.xlsx"));
  REQUIRE(excel.sheets.size() == 3);
  CHECK_FALSE(excel.sheets[0].hidden);
  CHECK(excel.sheets[1].hidden);
}

TEST_CASE("xlsx reader reads a 3-row merged header as saved by LibreOffice", "[readers][xlsx][merges]") {
  const Workbook wb = read_workbook(quirk("merged_header_3_rows.xlsx"));
  const Sheet& sheet = wb.sheets.at(0);
  CHECK(sheet.name == "Biểu 01");
  REQUIRE(sheet.merged.size() == 6);
  CHECK(sheet.merged_at(*parse_a1("A3")) != nullptr);
  CHECK(*sheet.merged_at(*parse_a1("A3")) == range("A2:A4"));
  CHECK(*sheet.merged_at(*parse_a1("G2")) == range("C2:H2"));
  CHECK(*sheet.merged_at(*parse_a1("D3")) == range("C3:E3"));
  CHECK(sheet.merged_at(*parse_a1("C4")) == nullptr);
  CHECK(cell_at(sheet, "A2").text == "STT");
  CHECK(cell_at(sheet, "C2").text == "Vốn năm 2026");
  CHECK(cell_at(sheet, "H4").text == "NSĐP");
  // Cells covered by a merge are kept as styled empties, so a writer can redraw the borders.
  CHECK(cell_at(sheet, "B3").kind == CellKind::empty);
}

TEST_CASE("xlsx reader reads merged ranges saved by Excel", "[readers][xlsx][merges]") {
  const Workbook wb = read_workbook(corpus("libxlsxwriter/merge_range01.xlsx"));
  const Sheet& sheet = wb.sheets.at(0);
  REQUIRE(sheet.merged.size() == 1);
  CHECK(sheet.merged[0] == range("B2:D2"));
  CHECK(cell_at(sheet, "B2").text == "Foo");
}

TEST_CASE("xlsx reader reads hidden rows and columns, heights, widths and outline levels", "[readers][xlsx][rows]") {
  const Workbook wb = read_workbook(quirk("hidden_rows_cols.xlsx"));
  const Sheet& sheet = wb.sheets.at(0);
  REQUIRE(sheet.find_row(2) != nullptr);
  CHECK(sheet.find_row(2)->hidden);  // row 3
  CHECK_FALSE(sheet.find_row(1)->hidden);
  REQUIRE(sheet.find_row(3)->height.has_value());
  CHECK(*sheet.find_row(3)->height == Approx(30.5));
  CHECK(sheet.find_row(5)->outline_level == 1);
  CHECK(sheet.find_row(6)->outline_level == 2);
  CHECK(sheet.column_hidden(1));  // B
  CHECK_FALSE(sheet.column_hidden(2));
  REQUIRE(column_info(sheet, 2) != nullptr);
  CHECK(*column_info(sheet, 2)->width == Approx(42.25));
  REQUIRE(column_info(sheet, 4) != nullptr);
  CHECK(column_info(sheet, 3)->outline_level == 1);  // D:E grouped
  CHECK(column_info(sheet, 4)->outline_level == 1);
  CHECK(cell_at(sheet, "C3").number == 33);  // a hidden row keeps its cells
}

TEST_CASE("xlsx reader reads row heights, column widths and outlines saved by Excel", "[readers][xlsx][rows]") {
  const Workbook rows = read_workbook(corpus("libxlsxwriter/set_row03.xlsx"));
  const Sheet& row_sheet = rows.sheets.at(0);
  REQUIRE(row_sheet.find_row(0) != nullptr);  // a row with a height and no cells is kept
  CHECK(*row_sheet.find_row(0)->height == Approx(0.75));
  CHECK(*row_sheet.find_row(21)->height == Approx(16.5));
  CHECK(row_sheet.find_row(20)->hidden);
  CHECK(row_sheet.find_row(5) == nullptr);

  const Workbook cols = read_workbook(corpus("libxlsxwriter/set_column09.xlsx"));
  const Sheet& col_sheet = cols.sheets.at(0);
  REQUIRE(col_sheet.columns.size() == 5);
  CHECK(col_sheet.columns[1].first == 2);  // C:D, 0-based inclusive
  CHECK(col_sheet.columns[1].last == 3);
  CHECK(*col_sheet.columns[1].width == Approx(12.7109375));
  CHECK(col_sheet.columns[4].first == kMaxCols - 1);  // XFD

  const Workbook hidden_col = read_workbook(corpus("libxlsxwriter/set_column06.xlsx"));
  CHECK(hidden_col.sheets.at(0).column_hidden(5));

  const Workbook outline = read_workbook(corpus("libxlsxwriter/outline01.xlsx"));
  CHECK(outline.sheets.at(0).find_row(1)->outline_level == 2);
  CHECK(outline.sheets.at(0).find_row(10)->outline_level == 1);
  CHECK(cell_at(outline.sheets.at(0), "B6").formula == "SUBTOTAL(9,B2:B5)");
  CHECK(cell_at(outline.sheets.at(0), "B6").number == Approx(4300));

  const Workbook default_row = read_workbook(corpus("libxlsxwriter/default_row01.xlsx"));
  CHECK(*default_row.sheets.at(0).default_row_height == Approx(24.0));
}

TEST_CASE("xlsx reader reads frozen panes", "[readers][xlsx][panes]") {
  const Workbook wb = read_workbook(quirk("layout_print_setup.xlsx"));
  CHECK(wb.sheets.at(0).frozen_rows == 7);  // frozen at C8
  CHECK(wb.sheets.at(0).frozen_cols == 2);

  const Workbook excel = read_workbook(corpus("libxlsxwriter/panes01.xlsx"));
  CHECK(excel.sheets.at(0).frozen_rows == 1);
  CHECK(excel.sheets.at(0).frozen_cols == 0);

  const Workbook scrolled = read_workbook(corpus("libxlsxwriter/top_left_cell03.xlsx"));
  CHECK(scrolled.sheets.at(0).frozen_rows == 0);  // a scrolled view is not a frozen pane
}

TEST_CASE("xlsx reader reads the print setup openpyxl writes", "[readers][xlsx][print]") {
  const Workbook wb = read_workbook(quirk("layout_print_setup.xlsx"));
  const Sheet& sheet = wb.sheets.at(0);
  CHECK(sheet.name == "In ấn");
  const PrintSetup& print = sheet.print;
  REQUIRE(print.landscape.has_value());
  CHECK(*print.landscape);
  CHECK(print.paper_size == 9u);
  CHECK(print.fit_to_width == 1u);
  CHECK(print.fit_to_height == 0u);
  CHECK(print.fit_to_page);
  CHECK(*print.margin_left == Approx(0.5));
  CHECK(*print.margin_right == Approx(0.4));
  CHECK(*print.margin_top == Approx(0.75));
  CHECK(*print.margin_bottom == Approx(0.6));
  CHECK(*print.margin_header == Approx(0.3));
  CHECK(*print.margin_footer == Approx(0.25));
  CHECK(print.header == "&CPhụ lục I");
  CHECK(print.footer == "&RTrang &P");
  CHECK(print.center_horizontally);
  REQUIRE(print.repeat_rows.has_value());
  CHECK(print.repeat_rows->first == 4);  // rows 5:7, 0-based inclusive
  CHECK(print.repeat_rows->second == 6);
  REQUIRE(print.print_area.has_value());
  CHECK(*print.print_area == range("A1:H40"));
}

TEST_CASE("xlsx reader reads print setup saved by Excel", "[readers][xlsx][print]") {
  CHECK(*read_workbook(corpus("libxlsxwriter/landscape01.xlsx")).sheets.at(0).print.landscape);
  CHECK(read_workbook(corpus("libxlsxwriter/print_scale01.xlsx")).sheets.at(0).print.scale == 75u);
  CHECK(read_workbook(corpus("libxlsxwriter/print_options02.xlsx")).sheets.at(0).print.center_horizontally);
  CHECK_FALSE(read_workbook(corpus("libxlsxwriter/print_options03.xlsx")).sheets.at(0).print.center_horizontally);

  const PrintSetup fit = read_workbook(corpus("libxlsxwriter/fit_to_pages04.xlsx")).sheets.at(0).print;
  CHECK(fit.fit_to_page);
  CHECK(fit.fit_to_width == 3u);
  CHECK(fit.fit_to_height == 2u);

  const PrintSetup area = read_workbook(corpus("libxlsxwriter/print_area06.xlsx")).sheets.at(0).print;
  REQUIRE(area.print_area.has_value());
  CHECK(*area.print_area == range("A1:F9"));
  const PrintSetup whole_rows = read_workbook(corpus("libxlsxwriter/print_area03.xlsx")).sheets.at(0).print;
  CHECK(whole_rows.print_area->first.row == 0);
  CHECK(whole_rows.print_area->last.row == 0);
  CHECK(whole_rows.print_area->last.col == kMaxCols - 1);

  const PrintSetup titles = read_workbook(corpus("libxlsxwriter/repeat01.xlsx")).sheets.at(0).print;
  REQUIRE(titles.repeat_rows.has_value());
  CHECK(titles.repeat_rows->first == 0);
  CHECK(titles.repeat_rows->second == 0);
  CHECK_FALSE(read_workbook(corpus("libxlsxwriter/repeat02.xlsx")).sheets.at(0).print.repeat_rows.has_value());

  // Print titles on the third sheet only, with columns and rows: the rows are 3:4.
  const Workbook multi = read_workbook(corpus("libxlsxwriter/repeat05.xlsx"));
  REQUIRE(multi.sheets.size() == 3);
  CHECK_FALSE(multi.sheets[1].print.repeat_rows.has_value());
  REQUIRE(multi.sheets[2].print.repeat_rows.has_value());
  CHECK(multi.sheets[2].print.repeat_rows->first == 2);
  CHECK(multi.sheets[2].print.repeat_rows->second == 3);
}

TEST_CASE("print-name formulas parse quoted sheet names, rows and areas", "[readers][xlsx][print]") {
  CHECK(formula_sheet_name("'Phụ lục 1'!$A$1:$F$20") == "Phụ lục 1");
  CHECK(formula_sheet_name("'It''s'!$1:$2") == "It's");
  CHECK(formula_sheet_name("Sheet1!$A$1") == "Sheet1");
  const auto rows = print_title_rows("'Sheet 1'!$A:$A,'Sheet 1'!$3:$5");
  REQUIRE(rows.has_value());
  CHECK(rows->first == 2);
  CHECK(rows->second == 4);
  CHECK_FALSE(print_title_rows("Sheet1!$A:$B").has_value());
  CHECK(print_area_range("'A,B'!$B$2:$C$3,'A,B'!$E$5")->first == CellRef{1, 1});
  CHECK_FALSE(print_area_range("Sheet1!#REF!").has_value());
}

TEST_CASE("xlsx reader skips chart sheets and says so", "[readers][xlsx][sheets]") {
  const Workbook wb = read_workbook(corpus("libxlsxwriter/chartsheet01.xlsx"));
  REQUIRE(wb.sheets.size() == 1);
  CHECK(wb.sheets[0].name == "Sheet1");
  CHECK(phuluc::test::has_limitation(wb, "xlsx-non-worksheet-skipped", "Chart1"));
}
