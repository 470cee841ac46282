// Cell formats read from styles.xml: fonts, fills, borders, alignment, protection, number formats.
#include <catch2/catch.hpp>

#include "readers/workbook_reader.hpp"
#include "test_xlsx_support.hpp"

using namespace phuluc;
using phuluc::test::cell_at;
using phuluc::test::corpus;
using phuluc::test::quirk;

TEST_CASE("xlsx reader reads fonts, fills, borders, alignment and protection of a cell", "[readers][xlsx][styles]") {
  const Workbook wb = read_workbook(quirk("styles_fonts_fills_borders.xlsx"));
  const Sheet& sheet = wb.sheets.at(0);
  const CellStyle& title = wb.style_of(cell_at(sheet, "A1"));
  CHECK(cell_at(sheet, "A1").style != 0);

  CHECK(title.font.name == "Times New Roman");
  CHECK(title.font.size == Approx(13.0));
  CHECK(title.font.bold);
  CHECK(title.font.italic);
  CHECK(title.font.underline);
  CHECK(title.font.strike);
  CHECK(title.font.color == "FFFF0000");

  CHECK(title.fill.pattern == "solid");
  CHECK(title.fill.fg_color == "FFFFFF00");
  CHECK(title.fill.bg_color == "FF00FF00");

  CHECK(title.border.left == BorderEdge{"thin", "FF0000FF"});
  CHECK(title.border.right == BorderEdge{"medium", "FF00FF00"});
  CHECK(title.border.top.style == "dashed");
  CHECK(title.border.bottom == BorderEdge{"double", "FF123456"});

  CHECK(title.alignment.horizontal == "center");
  CHECK(title.alignment.vertical == "top");
  CHECK(title.alignment.wrap);
  CHECK(title.alignment.indent == 2);
  CHECK(title.alignment.rotation == 45);
  CHECK_FALSE(title.locked);
  CHECK(title.hidden);
}

TEST_CASE("xlsx reader resolves custom and built-in number formats", "[readers][xlsx][styles]") {
  const Workbook wb = read_workbook(quirk("styles_fonts_fills_borders.xlsx"));
  const Sheet& sheet = wb.sheets.at(0);
  const CellStyle& amount = wb.style_of(cell_at(sheet, "B1"));
  CHECK(amount.number_format == "#,##0.000");
  CHECK(displayed_decimals(amount.number_format) == 3);
  const CellStyle& percent = wb.style_of(cell_at(sheet, "B2"));
  CHECK(percent.num_fmt_id == 10);  // built-in 0.00%
  CHECK(percent.number_format == "0.00%");

  // Theme colours are not resolved: the colour stays empty rather than guessed.
  const CellStyle& plain = wb.style_of(cell_at(sheet, "C1"));
  CHECK(plain.font.name == "Arial");
  CHECK(plain.font.size == Approx(9.0));
  CHECK(plain.font.color.empty());
  CHECK_FALSE(plain.font.bold);

  // A styled cell without a value is kept, so its border survives.
  const Cell& bordered = cell_at(sheet, "D4");
  CHECK(bordered.kind == CellKind::empty);
  CHECK(wb.style_of(bordered).border.bottom.style == "thin");

  CHECK(wb.styles.at(0).number_format == "General");
}

TEST_CASE("xlsx reader reads formats saved by Excel", "[readers][xlsx][styles]") {
  const Workbook decimals = read_workbook(corpus("libxlsxwriter/format07.xlsx"));
  const Sheet& sheet = decimals.sheets.at(0);
  CHECK(decimals.style_of(cell_at(sheet, "A2")).number_format == "0.000");
  CHECK(decimals.style_of(cell_at(sheet, "A4")).number_format == "0.000000");
  CHECK(decimals.style_of(cell_at(sheet, "A1")).number_format == "General");

  const Workbook borders = read_workbook(corpus("libxlsxwriter/format08.xlsx"));
  const CellStyle& all_sides = borders.style_of(cell_at(borders.sheets.at(0), "B10"));
  CHECK(all_sides.border.left == BorderEdge{"thin", "FFFF0000"});
  CHECK(all_sides.border.bottom == BorderEdge{"thin", "FFFF0000"});
  const CellStyle& bottom_only = borders.style_of(cell_at(borders.sheets.at(0), "B2"));
  CHECK(bottom_only.border.bottom.style == "thin");
  CHECK(bottom_only.border.top.style.empty());

  const Workbook fills = read_workbook(corpus("libxlsxwriter/format10.xlsx"));
  const CellStyle& solid = fills.style_of(cell_at(fills.sheets.at(0), "B2"));
  CHECK(solid.fill.pattern == "solid");
  CHECK(solid.fill.fg_color == "FFFF0000");
  CHECK(solid.fill.bg_color.empty());  // indexed="64": no rgb, left empty
  const CellStyle& pattern = fills.style_of(cell_at(fills.sheets.at(0), "B6"));
  CHECK(pattern.fill.pattern == "gray0625");
  CHECK(pattern.fill.bg_color == "FFFFFF00");

  const Workbook rotated = read_workbook(corpus("libxlsxwriter/format02.xlsx"));
  const CellStyle& vertical = rotated.style_of(cell_at(rotated.sheets.at(0), "B1"));
  CHECK(vertical.alignment.rotation == 90);
  CHECK(vertical.font.name == "Arial");
  CHECK(vertical.font.bold);
  CHECK(rotated.sheets.at(0).find_row(0)->height == Approx(30.0));
}
