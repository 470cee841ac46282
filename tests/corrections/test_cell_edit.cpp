// Editing cells without changing their look: number formats with more decimals, new cells in order.
#include <catch2/catch.hpp>

#include "corrections/cell_edit.hpp"
#include "corrections/fix_test_support.hpp"

namespace phuluc {
namespace {

TEST_CASE("a number format is given the decimals a corrected value needs", "[corrections][format]") {
  CHECK(format_with_decimals("#,##0", 2) == "#,##0.00");
  CHECK(format_with_decimals("#,##0.000", 2) == "#,##0.00");
  CHECK(format_with_decimals("0.0", 0) == "0");
  CHECK(format_with_decimals("0%", 1) == "0.0%");
  CHECK(format_with_decimals("#,##0_);(#,##0)", 2) == "#,##0.00_);(#,##0.00)");
  CHECK(format_with_decimals("#,##0;[Red]-#,##0;\"-\"", 1) == "#,##0.0;[Red]-#,##0.0;\"-\"");
  CHECK(format_with_decimals("General", 3) == "#,##0.000");
  CHECK(format_with_decimals("@", 0) == "#,##0");
  CHECK(format_with_decimals("\"0.00\" 0", 1) == "\"0.00\" 0.0");  // quoted digits are text, not placeholders
}

TEST_CASE("a cell is created in order, with its row's style, and found again", "[corrections][format]") {
  Sheet sheet;
  sheet.rows.push_back(SheetRow{4, {}, std::nullopt, false, 7u, 0});
  Cell& made = cell_at(sheet, {4, 3});
  CHECK(made.kind == CellKind::empty);
  CHECK(made.style == 7u);
  made.number = 5;
  cell_at(sheet, {4, 1}).number = 1;
  cell_at(sheet, {2, 0}).number = 2;
  REQUIRE(sheet.rows.size() == 2);
  CHECK(sheet.rows[0].index == 2);
  REQUIRE(sheet.rows[1].cells.size() == 2);
  CHECK(sheet.rows[1].cells[0].col == 1);
  CHECK(sheet.find({4, 3})->number == 5);
  CHECK(&cell_at(sheet, {4, 3}) == sheet.find({4, 3}));
}

TEST_CASE("a style with another number format is added once and keeps borders and fonts", "[corrections][format]") {
  // Mường Kim L22 (openpyxl): bordered "#,##0"; corrected to 187,09 it needs "#,##0.00".
  Workbook workbook = read_workbook(fixtest::kSamples / "muong_kim_2026.xlsx");
  const Sheet& sheet = workbook.sheets[1];
  const Cell* l22 = sheet.find(*parse_a1("L22"));
  REQUIRE(l22 != nullptr);
  const CellStyle before = workbook.style_of(*l22);
  const std::size_t styles = workbook.styles.size();
  const std::uint32_t index = style_with_format(workbook, l22->style, "#,##0.00");
  CHECK(workbook.styles[index].number_format == "#,##0.00");
  CHECK(workbook.styles[index].border == before.border);
  CHECK(workbook.styles[index].font == before.font);
  CHECK(style_with_format(workbook, l22->style, "#,##0.00") == index);
  CHECK(workbook.styles.size() <= styles + 1);
  CHECK(style_with_format(workbook, l22->style, before.number_format) == l22->style);
}

TEST_CASE("a column's number format is the one most of its numbers use", "[corrections][format]") {
  const Workbook workbook = read_workbook(fixtest::kSamples / "muong_kim_2026.xlsx");
  const Table table = fixtest::table_on(workbook, fixtest::kFundsSheet);
  const int l = table.column_index(*parse_column_letters("L"));
  const int ad = table.column_index(*parse_column_letters("AD"));
  REQUIRE(l >= 0);
  REQUIRE(ad >= 0);
  CHECK(column_number_format(workbook, table, static_cast<std::size_t>(l)) == "#,##0.000");  // 7 of 11
  CHECK(column_number_format(workbook, table, static_cast<std::size_t>(ad)) == "0");         // 17 of 18
}

}  // namespace
}  // namespace phuluc
