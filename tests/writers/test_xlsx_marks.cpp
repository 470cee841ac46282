// Corrected cells: yellow over their own format, a note with the old value and the reason, and the
// "Kiểm tra" sheet listing every change with a link to its cell.
#include <catch2/catch.hpp>

#include "readers/workbook_reader.hpp"
#include "writer_test_support.hpp"
#include "writers/xlsx_writer.hpp"

namespace phuluc {
namespace {

using test::TempDir;

constexpr const char* kNote = "Giá trị cũ: 200\nLý do: tỷ lệ = giải ngân / kế hoạch × 100";

XlsxWriteOptions marked_options() {
  XlsxWriteOptions options;
  options.marks.push_back({0, *parse_a1("F6"), kNote, true});
  options.marks.push_back({0, *parse_a1("C7"), "", true});                       // highlight only
  options.marks.push_back({0, *parse_a1("B14"), "Giá trị cũ: 5.844,299", false});  // note only
  options.marks.push_back({0, *parse_a1("H20"), "Ô trống được điền", true});      // no cell there yet
  ChangeSheet changes;
  changes.entries.push_back({0, *parse_a1("F6"), 200.0, 17.735617, "rate-mismatch", "Tỷ lệ sai"});
  changes.entries.push_back({0, *parse_a1("C7"), std::string("1.184"), 1184.0, "text-number", "Số nhập dạng chữ"});
  changes.entries.push_back({1, *parse_a1("C3"), std::monostate{}, std::string("K. Đạt"), "filled", "Bổ sung"});
  options.change_sheet = changes;
  return options;
}

TEST_CASE("a corrected cell is highlighted over its own format and carries a note", "[writers][xlsx][marks]") {
  TempDir dir;
  const Workbook original = test::feature_workbook();
  const auto path = dir / "marked.xlsx";
  write_xlsx(original, path, marked_options());
  const Workbook back = read_workbook(path);
  const Sheet& sheet = back.sheets.at(0);

  const Cell* rate = sheet.find(*parse_a1("F6"));
  REQUIRE(rate != nullptr);
  const CellStyle& style = back.style_of(*rate);
  CHECK(style.fill.pattern == "solid");
  CHECK(style.fill.fg_color == "FFFFFF00");
  // Everything else of the cell's own format stays.
  CHECK(style.border == original.style_of(*original.sheets[0].find(*parse_a1("F6"))).border);
  CHECK(style.number_format == "0.00");
  CHECK(style.alignment.horizontal == "right");
  CHECK(rate->formula == "IF(C6=0,\"\",E6/C6*100)");

  const Cell* note_only = sheet.find(*parse_a1("B14"));
  REQUIRE(note_only != nullptr);
  CHECK(back.style_of(*note_only).fill.pattern.empty());

  const Cell* filled = sheet.find(*parse_a1("H20"));
  REQUIRE(filled != nullptr);
  CHECK(filled->kind == CellKind::empty);
  CHECK(back.style_of(*filled).fill.fg_color == "FFFFFF00");

  // Unmarked cells are untouched, including their fills.
  const Cell* header = sheet.find(*parse_a1("B3"));
  REQUIRE(header != nullptr);
  CHECK(back.style_of(*header).fill.fg_color == "FFD9D9D9");

  // The notes, as openpyxl sees them.
  const std::string seen = test::run_python(dir, R"PY(
import sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1]).worksheets[0]
for ref in ('F6', 'C7', 'B14', 'H20'):
    c = ws[ref].comment
    print(ref, repr(c.text) if c else None, c.author if c else None)
)PY",
                                               {path.string()});
  INFO(seen);
  CHECK_THAT(seen, Catch::Contains("F6 'Giá trị cũ: 200\\nLý do: tỷ lệ = giải ngân / kế hoạch × 100' phuluc"));
  CHECK_THAT(seen, Catch::Contains("C7 None None"));
  CHECK_THAT(seen, Catch::Contains("B14 'Giá trị cũ: 5.844,299' phuluc"));
  CHECK_THAT(seen, Catch::Contains("H20 'Ô trống được điền' phuluc"));
}

TEST_CASE("the change sheet lists every change with a link to its cell", "[writers][xlsx][marks][change-sheet]") {
  TempDir dir;
  const auto path = dir / "marked.xlsx";
  write_xlsx(test::feature_workbook(), path, marked_options());
  const Workbook back = read_workbook(path);
  REQUIRE(back.sheets.size() == 4);
  const Sheet& changes = back.sheets.back();
  CHECK(changes.name == "Kiểm tra");
  CHECK_FALSE(changes.hidden);
  CHECK(changes.frozen_rows == 1);

  auto text = [&](const char* a1) {
    const Cell* cell = changes.find(*parse_a1(a1));
    return cell == nullptr ? std::string("<none>") : cell->text;
  };
  CHECK(text("A1") == "Trang tính");
  CHECK(text("B1") == "Ô");
  CHECK(text("C1") == "Giá trị cũ");
  CHECK(text("D1") == "Giá trị mới");
  CHECK(text("E1") == "Mã");
  CHECK(text("F1") == "Lý do");
  CHECK(text("A2") == "Biểu 01 - Vốn sự nghiệp");
  CHECK(text("B2") == "F6");
  CHECK(changes.find(*parse_a1("C2"))->number == 200.0);
  CHECK(changes.find(*parse_a1("D2"))->number == Approx(17.735617));
  CHECK(text("E2") == "rate-mismatch");
  CHECK(text("F2") == "Tỷ lệ sai");
  CHECK(text("C3") == "1.184");
  CHECK(text("A4") == "Tiêu chí NTM");
  CHECK(text("D4") == "K. Đạt");

  const std::string seen = test::run_python(dir, R"PY(
import sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1])['Kiểm tra']
for row in range(2, 5):
    link = ws.cell(row, 2).hyperlink
    print(row, link.location if link else None)
print('filter', ws.auto_filter.ref)
)PY",
                                               {path.string()});
  INFO(seen);
  CHECK_THAT(seen, Catch::Contains("2 'Biểu 01 - Vốn sự nghiệp'!F6"));
  CHECK_THAT(seen, Catch::Contains("3 'Biểu 01 - Vốn sự nghiệp'!C7"));
  CHECK_THAT(seen, Catch::Contains("4 'Tiêu chí NTM'!C3"));
  CHECK_THAT(seen, Catch::Contains("filter A1:F4"));
}

TEST_CASE("the change sheet speaks English with --lang en and never takes an existing sheet's name", "[writers][xlsx][change-sheet]") {
  TempDir dir;
  Workbook workbook = test::feature_workbook();
  workbook.sheets[1].name = "KIỂM TRA";  // the same name to Excel, which ignores case
  XlsxWriteOptions options;
  ChangeSheet changes;
  changes.lang = Lang::en;
  changes.entries.push_back({1, *parse_a1("A2"), 1.0, 2.0, "sum-mismatch", "Sum"});
  options.change_sheet = changes;
  write_xlsx(workbook, dir / "en.xlsx", options);

  const Workbook back = read_workbook(dir / "en.xlsx");
  REQUIRE(back.sheets.size() == 4);
  CHECK(back.sheets[1].name == "KIỂM TRA");
  const Sheet& list = back.sheets.back();
  CHECK(list.name == "Kiểm tra (2)");
  CHECK(list.find(*parse_a1("A1"))->text == "Sheet");
  CHECK(list.find(*parse_a1("F1"))->text == "Reason");
  CHECK(list.find(*parse_a1("A2"))->text == "KIỂM TRA");
}

TEST_CASE("a clean copy has no highlight, no note and no change sheet", "[writers][xlsx][marks]") {
  TempDir dir;
  const auto path = dir / "clean.xlsx";
  write_xlsx(test::feature_workbook(), path);
  for (const auto& part : test::zip_parts(path)) {
    CHECK(part.find("comments") == std::string::npos);
    CHECK(part.find("vmlDrawing") == std::string::npos);
  }
  CHECK(test::zip_part(path, "xl/styles.xml").find("FFFFFF00") == std::string::npos);
  CHECK(read_workbook(path).sheets.size() == 3);
}

}  // namespace
}  // namespace phuluc
