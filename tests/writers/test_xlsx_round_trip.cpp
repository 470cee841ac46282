// Our writer's output read back by our reader and by openpyxl: every layout feature survives.
#include <catch2/catch.hpp>

#include "readers/workbook_reader.hpp"
#include "writer_test_support.hpp"
#include "writers/xlsx_writer.hpp"

namespace phuluc {
namespace {

using test::TempDir;

const Sheet& funds(const Workbook& workbook) { return workbook.sheets.at(0); }

TEST_CASE("a workbook with every layout feature reads back the same through our reader", "[writers][xlsx][round-trip]") {
  TempDir dir;
  const Workbook original = test::feature_workbook();
  const auto path = dir / "features.xlsx";
  write_xlsx(original, path);
  const Workbook back = read_workbook(path);

  INFO(test::joined(test::model_differences(original, back)));
  CHECK(test::model_differences(original, back).empty());

  // The comparison above is generic; pin a few facts so a broken comparator cannot hide a loss.
  REQUIRE(back.sheets.size() == 3);
  CHECK(back.sheets[0].name == "Biểu 01 - Vốn sự nghiệp");
  CHECK(back.sheets[2].hidden);
  CHECK(funds(back).merged.size() == 8);
  const Cell* total = funds(back).find(*parse_a1("C6"));
  REQUIRE(total != nullptr);
  CHECK(total->formula == "SUM(C7:C9)");
  CHECK(total->number == Approx(1439.262));
  CHECK(back.style_of(*total).number_format == "#,##0.000");
  CHECK(funds(back).frozen_rows == 5);
  CHECK(funds(back).frozen_cols == 2);
  CHECK(funds(back).print.repeat_rows == std::pair<std::uint32_t, std::uint32_t>{2, 4});
}

TEST_CASE("cells of a merged range keep their own formats, not the top-left one's", "[writers][xlsx][merge]") {
  TempDir dir;
  Workbook workbook;
  workbook.styles.resize(3);
  workbook.styles[1].border.left.style = "thin";
  workbook.styles[2].border.right.style = "medium";
  Sheet sheet;
  sheet.name = "Merge";
  test::put(sheet, "A1", text_cell(0, "Nội dung", 1));
  Cell right;
  right.style = 2;
  test::put(sheet, "C1", right);
  sheet.merged.push_back(*parse_a1_range("A1:C2"));
  sheet.merged.push_back(*parse_a1_range("B2:D3"));  // overlaps the first: Excel would refuse the file
  workbook.sheets.push_back(sheet);
  write_xlsx(workbook, dir / "merge.xlsx");

  const Workbook back = read_workbook(dir / "merge.xlsx");
  const Sheet& read = back.sheets.at(0);
  REQUIRE(read.merged.size() == 1);
  CHECK(to_a1(read.merged[0]) == "A1:C2");
  CHECK(read.find(*parse_a1("B1")) == nullptr);  // no cell invented inside the range
  REQUIRE(read.find(*parse_a1("C1")) != nullptr);
  CHECK(back.style_of(*read.find(*parse_a1("C1"))).border.right.style == "medium");
  CHECK(back.style_of(*read.find(*parse_a1("A1"))).border.left.style == "thin");
}

TEST_CASE("invalid and clashing sheet names are repaired, valid ones kept", "[writers][xlsx][names]") {
  TempDir dir;
  Workbook workbook;
  for (const char* name : {"Biểu 01", "BIỂU 01", "a/b:c", "'trích'", "Một tên rất dài vượt quá ba mươi mốt ký tự"}) {
    Sheet sheet;
    sheet.name = name;
    workbook.sheets.push_back(sheet);
  }
  write_xlsx(workbook, dir / "names.xlsx");
  const Workbook back = read_workbook(dir / "names.xlsx");
  REQUIRE(back.sheets.size() == 5);
  CHECK(back.sheets[0].name == "Biểu 01");
  CHECK(back.sheets[1].name == "BIỂU 01 (2)");
  CHECK(back.sheets[2].name == "a_b_c");
  CHECK(back.sheets[3].name == "trích");
  CHECK(back.sheets[4].name == "Một tên rất dài vượt quá ba mươ");
}

TEST_CASE("a workbook whose sheets are all hidden still opens on a visible sheet", "[writers][xlsx][visibility]") {
  TempDir dir;
  Workbook workbook;
  for (const char* name : {"Một", "Hai"}) {
    Sheet sheet;
    sheet.name = name;
    sheet.hidden = true;
    workbook.sheets.push_back(sheet);
  }
  write_xlsx(workbook, dir / "hidden.xlsx");
  const Workbook back = read_workbook(dir / "hidden.xlsx");
  REQUIRE(back.sheets.size() == 2);
  CHECK_FALSE(back.sheets[0].hidden);
  CHECK(back.sheets[1].hidden);
}

TEST_CASE("dates of a 1904-based workbook keep their calendar day", "[writers][xlsx][dates]") {
  TempDir dir;
  Workbook workbook;
  workbook.date1904 = true;
  CellStyle date;
  date.num_fmt_id = 14;
  date.number_format = "mm-dd-yy";
  workbook.styles = {CellStyle{}, date};
  Sheet sheet;
  sheet.name = "Ngày";
  Cell day = number_cell(0, 44730.0, 1);  // 2026-06-19 in the 1904 system
  day.is_date = true;
  test::put(sheet, "A1", day);
  test::put(sheet, "B1", number_cell(1, 44730.0));  // a plain number is not shifted
  workbook.sheets.push_back(sheet);
  write_xlsx(workbook, dir / "dates.xlsx");

  const Workbook back = read_workbook(dir / "dates.xlsx");
  CHECK_FALSE(back.date1904);
  CHECK(back.sheets[0].find(*parse_a1("A1"))->number == Approx(46192.0));  // 2026-06-19 in 1900
  CHECK(back.sheets[0].find(*parse_a1("A1"))->is_date);
  CHECK(back.sheets[0].find(*parse_a1("B1"))->number == Approx(44730.0));
}

TEST_CASE("a number format too long for libxlsxwriter keeps the sections that fit", "[writers][xlsx][styles]") {
  TempDir dir;
  const std::string positive = "#,##0.000\" trieu dong - von ngan sach TW\"";   // 41 bytes
  const std::string negative = "-#,##0.000\" trieu dong - von ngan sach TW\"";  // 42 bytes
  const std::string zero = "\"khong co von trong nam ke hoach nay, xem ghi chu\"";  // 50 bytes: 135 in all
  Workbook workbook;
  CellStyle style;
  style.num_fmt_id = 170;
  style.number_format = positive + ";" + negative + ";" + zero;
  workbook.styles = {CellStyle{}, style};
  Sheet sheet;
  sheet.name = "Định dạng";
  test::put(sheet, "A1", number_cell(0, 82.262, 1));
  workbook.sheets.push_back(sheet);
  write_xlsx(workbook, dir / "long_format.xlsx");
  const Workbook back = read_workbook(dir / "long_format.xlsx");
  // Cut whole at a section boundary rather than mid-code, which would leave a broken format.
  CHECK(back.style_of(*back.sheets[0].find({0, 0})).number_format == positive + ";" + negative);
}

TEST_CASE("the Normal style takes the workbook's default font", "[writers][xlsx][styles]") {
  TempDir dir;
  const auto path = dir / "normal.xlsx";
  write_xlsx(test::feature_workbook(), path);
  const std::string styles = test::zip_part(path, "xl/styles.xml");
  const auto first_font = styles.substr(styles.find("<font>"), styles.find("</font>") - styles.find("<font>"));
  CHECK(first_font.find("<sz val=\"12\"/>") != std::string::npos);
  CHECK(first_font.find("<name val=\"Times New Roman\"/>") != std::string::npos);
  CHECK(first_font.find("scheme") == std::string::npos);
}

// openpyxl is an independent reader: what it sees in our file must be what we meant to write.
TEST_CASE("openpyxl reads our output with the same merges, styles, sizes, panes and print setup", "[writers][xlsx][openpyxl]") {
  TempDir dir;
  const auto path = dir / "features.xlsx";
  write_xlsx(test::feature_workbook(), path);
  const std::string script = R"PY(
import sys
import openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
cached = openpyxl.load_workbook(sys.argv[1], data_only=True)
ws = wb.worksheets[0]
out = []
out.append('sheets=' + '|'.join(wb.sheetnames))
out.append('states=' + '|'.join(s.sheet_state for s in wb.worksheets))
out.append('merged=' + ' '.join(sorted(str(r) for r in ws.merged_cells.ranges)))
out.append('C6=' + str(ws['C6'].value) + ' cached=' + str(cached.worksheets[0]['C6'].value))
out.append('F6=' + str(ws['F6'].value))
out.append('A1.font=%s %s %s' % (ws['A1'].font.name, ws['A1'].font.sz, ws['A1'].font.b))
out.append('B3.fill=%s %s' % (ws['B3'].fill.fill_type, ws['B3'].fill.fgColor.rgb))
out.append('C6.border=%s format=%s' % (ws['C6'].border.left.style, ws['C6'].number_format))
out.append('B7.wrap=%s' % ws['B7'].alignment.wrap_text)
out.append('A11.rotation=%s indent=%s' % (ws['A11'].alignment.textRotation, ws['A11'].alignment.indent))
out.append('A2.font=%s %s %s' % (ws['A2'].font.i, ws['A2'].font.color.rgb, ws['A2'].border.bottom.style))
out.append('B.width=%.4f G.hidden=%s' % (ws.column_dimensions['B'].width, ws.column_dimensions['G'].hidden))
out.append('row1.height=%s row10.hidden=%s row11.level=%s' % (ws.row_dimensions[1].height, ws.row_dimensions[10].hidden, ws.row_dimensions[11].outline_level))
out.append('freeze=%s' % ws.freeze_panes)
ps = ws.page_setup
default_one = lambda value: 1 if value is None else value  # an absent fitTo* means 1 page
out.append('page=%s %s fit=%s %s %s' % (ps.orientation, ps.paperSize, ws.sheet_properties.pageSetUpPr.fitToPage, default_one(ps.fitToWidth), default_one(ps.fitToHeight)))
area = ws.print_area if isinstance(ws.print_area, str) else ','.join(ws.print_area)
out.append('titles=%s area=%s' % (ws.print_title_rows, area))
out.append('header=%s footer=%s centered=%s' % (ws.oddHeader.center.text, ws.oddFooter.right.text, ws.print_options.horizontalCentered))
out.append('margins=%s %s %s %s' % (ws.page_margins.left, ws.page_margins.right, ws.page_margins.header, ws.page_margins.footer))
print('\n'.join(out))
)PY";
  const std::string seen = test::run_python(dir, script, {path.string()});
  INFO(seen);
  CHECK_THAT(seen, Catch::Contains("sheets=Biểu 01 - Vốn sự nghiệp|Tiêu chí NTM|Ẩn - tham số"));
  CHECK_THAT(seen, Catch::Contains("states=visible|visible|hidden"));
  CHECK_THAT(seen, Catch::Contains("merged=A1:F1 A2:F2 A3:A5 B3:B5 C3:E3 C4:C5 D4:E4 F3:F5"));
  CHECK_THAT(seen, Catch::Contains("C6==SUM(C7:C9) cached=1439.262"));
  CHECK_THAT(seen, Catch::Contains("F6==IF(C6=0,\"\",E6/C6*100)"));
  CHECK_THAT(seen, Catch::Contains("A1.font=Times New Roman 14.0 True"));
  CHECK_THAT(seen, Catch::Contains("B3.fill=solid FFD9D9D9"));
  CHECK_THAT(seen, Catch::Contains("C6.border=thin format=#,##0.000"));
  CHECK_THAT(seen, Catch::Contains("B7.wrap=True"));
  CHECK_THAT(seen, Catch::Contains("A11.rotation=90 indent=2"));
  CHECK_THAT(seen, Catch::Contains("A2.font=True FFFF0000 double"));
  CHECK_THAT(seen, Catch::Contains("B.width=40.7109 G.hidden=True"));
  CHECK_THAT(seen, Catch::Contains("row1.height=30.0 row10.hidden=True row11.level=1"));
  CHECK_THAT(seen, Catch::Contains("freeze=C6"));
  CHECK_THAT(seen, Catch::Contains("page=landscape 9 fit=True 1 0"));
  CHECK_THAT(seen, Catch::Contains("titles=$3:$5 area="));
  CHECK_THAT(seen, Catch::Contains("$A$1:$F$14"));
  CHECK_THAT(seen, Catch::Contains("header=&P footer=Trang &P/&N centered=True"));
  CHECK_THAT(seen, Catch::Contains("margins=1.18 0.59 0.31 0.32"));
}

}  // namespace
}  // namespace phuluc
