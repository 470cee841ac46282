// Cell values read from XLSX files made by openpyxl, LibreOffice and Excel.
#include <catch2/catch.hpp>

#include "readers/workbook_reader.hpp"
#include "readers/xlsx/worksheet_part.hpp"
#include "readers/xlsx/xlsx_reader.hpp"
#include "test_xlsx_support.hpp"

using namespace phuluc;
using phuluc::test::cell_at;
using phuluc::test::corpus;
using phuluc::test::has_limitation;
using phuluc::test::quirk;

TEST_CASE("xlsx reader keeps numbers, booleans and error literals by kind", "[readers][xlsx][values]") {
  const Workbook wb = read_workbook(quirk("numbers_dates_booleans_errors.xlsx"));
  REQUIRE(wb.format == SourceFormat::xlsx);
  const Sheet& sheet = wb.sheets.at(0);
  CHECK(sheet.name == "Values");

  CHECK(cell_at(sheet, "A1").kind == CellKind::number);
  CHECK(cell_at(sheet, "A1").number == Approx(42.0));
  CHECK(cell_at(sheet, "A2").number == Approx(-1234.5678));
  CHECK(cell_at(sheet, "A3").number == Approx(1e-7).epsilon(1e-12));
  CHECK(cell_at(sheet, "A4").number == Approx(123456789012.25));

  CHECK(cell_at(sheet, "C1").kind == CellKind::boolean);
  CHECK(cell_at(sheet, "C1").number == 1.0);
  CHECK(cell_at(sheet, "C2").kind == CellKind::boolean);
  CHECK(cell_at(sheet, "C2").number == 0.0);

  CHECK(cell_at(sheet, "D1").kind == CellKind::error);
  CHECK(cell_at(sheet, "D1").text == "#REF!");
  CHECK(cell_at(sheet, "D2").text == "#DIV/0!");
  CHECK(cell_at(sheet, "D3").text == "#N/A");

  // A number typed as text stays text; the table layer decides how to read it.
  CHECK(cell_at(sheet, "E1").kind == CellKind::text);
  CHECK(cell_at(sheet, "E1").text == "1.234,5");
  CHECK(cell_at(sheet, "E2").text == "Tỷ lệ %");
}

TEST_CASE("xlsx reader marks dates from the number format, built-in and custom", "[readers][xlsx][values][dates]") {
  const Workbook wb = read_workbook(quirk("numbers_dates_booleans_errors.xlsx"));
  const Sheet& sheet = wb.sheets.at(0);
  CHECK_FALSE(wb.date1904);
  // 2025-06-15 is serial 45823 in the 1900 system.
  CHECK(cell_at(sheet, "B1").is_date);
  CHECK(cell_at(sheet, "B1").number == Approx(45823.0));
  CHECK(cell_at(sheet, "B2").is_date);
  CHECK(cell_at(sheet, "B2").number == Approx(46053.0 + 18.5 / 24.0));
  CHECK(cell_at(sheet, "B3").is_date);      // dd/mm/yyyy
  CHECK_FALSE(cell_at(sheet, "B4").is_date);  // #,##0.00
  CHECK(cell_at(sheet, "B5").is_date);      // [$-42A]dd/mm/yyyy;@
  CHECK_FALSE(cell_at(sheet, "A1").is_date);
  CHECK(wb.style_of(cell_at(sheet, "B4")).number_format == "#,##0.00");
}

TEST_CASE("xlsx reader reads the 1904 date system from workbookPr", "[readers][xlsx][dates]") {
  const Workbook wb = read_workbook(corpus("calamine/date_1904.xlsx"));
  CHECK(wb.date1904);
  const Sheet& sheet = wb.sheets.at(0);
  CHECK(cell_at(sheet, "A1").is_date);
  CHECK(cell_at(sheet, "A1").number == Approx(42735.0));
  CHECK_FALSE(cell_at(sheet, "B1").is_date);

  const Workbook excel = read_workbook(corpus("libxlsxwriter/date_1904_02.xlsx"));
  CHECK(excel.date1904);
}

TEST_CASE("xlsx reader converts ISO 8601 cells (t=\"d\") to date serials", "[readers][xlsx][dates]") {
  const Workbook wb = read_workbook(corpus("calamine/date_iso.xlsx"));
  const Sheet& sheet = wb.sheets.at(0);
  // 2021-01-01 is serial 44197.
  CHECK(cell_at(sheet, "A1").kind == CellKind::number);
  CHECK(cell_at(sheet, "A1").is_date);
  CHECK(cell_at(sheet, "A1").number == Approx(44197.0));
  CHECK(cell_at(sheet, "A2").number == Approx(44197.0 + (10 * 3600 + 10 * 60 + 10) / 86400.0));
  CHECK(cell_at(sheet, "A3").number == Approx((10 * 3600 + 10 * 60 + 10) / 86400.0));
  CHECK(iso_date_to_serial("1904-01-02", true) == Approx(1.0));
  CHECK_FALSE(iso_date_to_serial("2021-13-01", false).has_value());
}

TEST_CASE("xlsx reader reads inline strings, rich inline runs and _x000D_ escapes", "[readers][xlsx][strings]") {
  const Workbook wb = read_workbook(quirk("inline_strings.xlsx"));
  const Sheet& sheet = wb.sheets.at(0);
  CHECK(cell_at(sheet, "A1").kind == CellKind::text);
  CHECK(cell_at(sheet, "A1").text == "Nội dung");
  CHECK(cell_at(sheet, "B1").text == "Tổng cộng");
  CHECK(cell_at(sheet, "A2").text == "Dòng 1\r\nDòng 2");
  CHECK(cell_at(sheet, "B2").text == "literal _x000D_ kept");
  CHECK(cell_at(sheet, "A3").text == "漢字");  // the phonetic run is not part of the text
  CHECK(cell_at(sheet, "B3").text == "text in v");
  CHECK(cell_at(sheet, "C3").text == "  spaced  ");
}

TEST_CASE("xlsx reader joins rich-text runs of shared strings", "[readers][xlsx][strings]") {
  const Workbook quirky = read_workbook(quirk("rich_text.xlsx"));
  const Sheet& sheet = quirky.sheets.at(0);
  CHECK(cell_at(sheet, "A1").text == "Dự án 1: Hỗ trợ đất ở");
  CHECK(cell_at(sheet, "A2").text == "Kế hoạch\r\nvốn");
  CHECK(cell_at(sheet, "A3").text == "Tiểu dự án(1)");

  const Workbook excel = read_workbook(corpus("libxlsxwriter/rich_string01.xlsx"));
  CHECK(cell_at(excel.sheets.at(0), "A1").text == "Foo");
  CHECK(cell_at(excel.sheets.at(0), "A3").text == "abcdefg");

  const Workbook escaped = read_workbook(corpus("calamine/has_x000D_.xlsx"));
  CHECK(cell_at(escaped.sheets.at(0), "A1").text == "ABC\r\nDEF");
}

TEST_CASE("xlsx reader keeps LibreOffice's cached formula results with the formula text", "[readers][xlsx][formulas]") {
  const Workbook wb = read_workbook(quirk("merged_header_3_rows.xlsx"));
  const Sheet& sheet = wb.sheets.at(0);
  const Cell& total = cell_at(sheet, "C5");
  CHECK(total.has_formula);
  CHECK(total.formula == "SUM(C6:C7)");
  CHECK(total.kind == CellKind::number);
  CHECK(total.number == Approx(300.5));
  CHECK_FALSE(total.formula_without_value);
  CHECK(cell_at(sheet, "H5").number == Approx(45.125));

  const Cell& text_result = cell_at(sheet, "B8");  // t="str": a formula with a string result
  CHECK(text_result.has_formula);
  CHECK(text_result.kind == CellKind::text);
  CHECK(text_result.text == "Tổng cộng");

  const Cell& error_result = cell_at(sheet, "C8");
  CHECK(error_result.kind == CellKind::error);
  CHECK(error_result.text == "#DIV/0!");
  CHECK(error_result.formula == "C5/0");
  CHECK_FALSE(has_limitation(wb, "formula-without-value"));
}

TEST_CASE("xlsx reader flags formulas the file stored no cached value for", "[readers][xlsx][formulas]") {
  const Workbook wb = read_workbook(quirk("formula_without_cached_value.xlsx"));
  const Sheet& sheet = wb.sheets.at(0);
  const Cell& cached = cell_at(sheet, "B1");
  CHECK(cached.has_formula);
  CHECK_FALSE(cached.formula_without_value);
  CHECK(cached.number == Approx(20.0));

  const Cell& no_v = cell_at(sheet, "B2");  // <f> and no <v>
  CHECK(no_v.has_formula);
  CHECK(no_v.formula == "A2*2");
  CHECK(no_v.formula_without_value);
  CHECK(no_v.kind == CellKind::empty);

  const Cell& empty_v = cell_at(sheet, "A3");  // openpyxl's <v></v>
  CHECK(empty_v.formula_without_value);
  CHECK(empty_v.formula == "SUM(A1:A2)");

  const Cell& empty_string = cell_at(sheet, "B3");  // t="str" with <v></v>: an empty string result
  CHECK_FALSE(empty_string.formula_without_value);
  CHECK(empty_string.formula == "\"x\"&A1");

  CHECK(has_limitation(wb, "formula-without-value", "Formulas"));
}

TEST_CASE("xlsx reader keeps the master text of a shared formula and marks the others", "[readers][xlsx][formulas]") {
  const Workbook wb = read_workbook(corpus("calamine/shared_formula_simple.xlsx"));
  const Sheet& sheet = wb.sheets.at(0);
  CHECK(cell_at(sheet, "B1").formula == "A1*2");
  CHECK(cell_at(sheet, "B2").has_formula);
  CHECK(cell_at(sheet, "B2").number == Approx(4.0));
  CHECK(cell_at(sheet, "B3").number == Approx(6.0));
}

TEST_CASE("xlsx reader reads every Excel error literal", "[readers][xlsx][values]") {
  const Workbook wb = read_workbook(corpus("calamine/errors.xlsx"));
  const Sheet& sheet = wb.sheets.at(0);
  const char* expected[] = {"#DIV/0!", "#NAME?", "#VALUE!", "#NULL!", "#REF!", "#NUM!", "#N/A"};
  for (int row = 0; row < 7; ++row) {
    const Cell* cell = sheet.find({static_cast<std::uint32_t>(row), 0});
    REQUIRE(cell != nullptr);
    CHECK(cell->kind == CellKind::error);
    CHECK(cell->text == expected[row]);
  }
}

TEST_CASE("xlsx reader sorts cells and rows and lets the last duplicate win", "[readers][xlsx][order]") {
  const Workbook wb = read_workbook(quirk("cells_out_of_order.xlsx"));
  const Sheet& sheet = wb.sheets.at(0);
  REQUIRE(sheet.rows.size() == 4);
  for (std::size_t i = 0; i < sheet.rows.size(); ++i) {
    CHECK(sheet.rows[i].index == i);
    const auto& cells = sheet.rows[i].cells;
    for (std::size_t k = 1; k < cells.size(); ++k) CHECK(cells[k - 1].col < cells[k].col);
  }
  CHECK(cell_at(sheet, "A1").number == 11);
  CHECK(cell_at(sheet, "B1").number == 12);
  CHECK(cell_at(sheet, "A3").number == 310);  // the second A3 wins
  CHECK(sheet.rows[2].cells.size() == 3);
  // A row without r follows the previous row; cells without r follow the previous cell.
  CHECK(cell_at(sheet, "A4").number == 41);
  CHECK(cell_at(sheet, "B4").number == 42);
  CHECK(cell_at(sheet, "E4").number == 45);
  CHECK(cell_at(sheet, "F4").number == 46);
}

TEST_CASE("xlsx reader reads files whose XML uses an unusual namespace prefix", "[readers][xlsx][namespaces]") {
  const Workbook wb = read_workbook(corpus("calamine/nonstandard-xml-ns-prefix.xlsx"));
  REQUIRE(wb.sheets.size() == 1);
  const Sheet& sheet = wb.sheets.at(0);
  CHECK(cell_at(sheet, "A2").number == 1);
  CHECK(cell_at(sheet, "B3").number == 4);
  CHECK(cell_at(sheet, "A1").kind == CellKind::text);
}

TEST_CASE("xlsx reader reads the shared strings of Excel 2007 beta files (sstItem)", "[readers][xlsx][strings]") {
  // Found by the differential check: the numbers were read, the <sstItem> strings were not.
  const Workbook wb = read_workbook(corpus("poi/sample-beta.xlsx"));
  REQUIRE_FALSE(wb.sheets.empty());
  const Sheet& sheet = wb.sheets.at(0);
  CHECK(cell_at(sheet, "A1").text == "Lorem");
  CHECK(cell_at(sheet, "A10").text == "at");
  CHECK(cell_at(sheet, "B10").number == 4995);
  CHECK_FALSE(has_limitation(wb, "xlsx-bad-shared-string-ref"));
}

TEST_CASE("xlsx reader follows strict (ISO) relationship types and absolute targets", "[readers][xlsx][relationships]") {
  const Workbook strict = read_workbook(corpus("calamine/strict_iso_paths.xlsx"));
  REQUIRE_FALSE(strict.sheets.empty());
  CHECK(cell_at(strict.sheets.at(0), "B2").number == Approx(1.5));
  CHECK(cell_at(strict.sheets.at(0), "B1").kind == CellKind::text);

  const Workbook absolute = read_workbook(corpus("calamine/table_with_absolute_paths.xlsx"));
  REQUIRE(absolute.sheets.size() == 1);
  CHECK(cell_at(absolute.sheets.at(0), "B5").text == "East");
  CHECK(cell_at(absolute.sheets.at(0), "A5").number == 290);
}

TEST_CASE("xlsx reader reads macro-enabled workbooks (.xlsm)", "[readers][xlsx][xlsm]") {
  const Workbook wb = read_workbook(corpus("libxlsxwriter/macro01.xlsm"));
  REQUIRE(wb.sheets.size() == 1);
  CHECK(wb.format == SourceFormat::xlsx);
  CHECK(cell_at(wb.sheets.at(0), "A1").number == 123);
  const Workbook vba = read_workbook(corpus("calamine/vba.xlsm"));
  REQUIRE(vba.sheets.size() == 3);
  CHECK(vba.sheets.at(2).name == "Sheet3");
}
