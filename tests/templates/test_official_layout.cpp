// The blank appendix as written to disk and read back by our own reader: the official layout of
// NĐ 30/2020 (../shared/domain.md §6) cell by cell, the formulas with their cached values, and a
// clean check.
#include <catch2/catch.hpp>

#include "templates/template_test_support.hpp"

#include <filesystem>

#include "mappings/catalogue.hpp"
#include "mappings/row_matcher.hpp"
#include "readers/workbook_reader.hpp"
#include "rules/check_workbook.hpp"
#include "support/process_support.hpp"
#include "templates/official_table.hpp"
#include "templates/official_workbook.hpp"
#include "templates/template_definition.hpp"
#include "writers/xlsx_writer.hpp"

namespace {

using namespace phuluc;
using template_test::builtin_templates;

const auto& builtin() { return builtin_templates(); }
const Catalogue& catalogue() { return template_test::builtin_catalogue(); }
namespace fs = std::filesystem;

TemplateTexts muong_kim() {
  TemplateTexts texts;
  texts.body = "Ủy ban nhân dân xã Mường Kim";
  texts.commune = "Mường Kim";
  texts.report_number = "3397/BC-UBND";
  texts.date = parse_report_date("19/6/2026");
  texts.period = "06 tháng đầu năm 2026";
  texts.disbursed_to = "15/6/2026";
  texts.signer = "Vũ Văn Nội";
  return texts;
}

/// A template written to disk and read back.
Workbook written(const std::string& name, const test::TempDir& dir, const TemplateTexts& texts = muong_kim()) {
  const TemplateDefinition& definition = *find_template(builtin(), name);
  const OfficialTable table = template_skeleton(definition, catalogue(), {});
  const OfficialWorkbook out = official_workbook(definition, texts, table, FillMode::blank_template, nullptr);
  const fs::path path = dir / (name + ".xlsx");
  write_xlsx(out.workbook, path);
  return read_workbook(path);
}

const Cell& cell(const Workbook& workbook, const char* a1) {
  static const Cell empty;
  const Cell* found = workbook.sheets[0].find(*parse_a1(a1));
  return found ? *found : empty;
}

const CellStyle& style(const Workbook& workbook, const char* a1) { return workbook.style_of(cell(workbook, a1)); }

bool merged(const Workbook& workbook, const char* range) {
  const CellRange wanted = *parse_a1_range(range);
  for (const auto& merge : workbook.sheets[0].merged)
    if (merge == wanted) return true;
  return false;
}

// The 1-based sheet row whose label cell (column B) starts with `text`.
std::string row_of(const Workbook& workbook, const std::string& text) {
  for (const auto& row : workbook.sheets[0].rows)
    for (const auto& c : row.cells)
      if (c.col == 1 && c.kind == CellKind::text && c.text.rfind(text, 0) == 0) return std::to_string(row.index + 1);
  return "?";
}

}  // namespace

TEST_CASE("the funds template has the official header block: Phụ lục, title, Kèm theo, ĐVT", "[templates][layout]") {
  test::TempDir dir("phuluc_tpl");
  const Workbook workbook = written("von-su-nghiep", dir);
  REQUIRE(workbook.sheets.size() == 1);
  CHECK(workbook.sheets[0].name == "Phụ lục II");

  CHECK(cell(workbook, "A1").text == "Phụ lục II");
  CHECK(style(workbook, "A1").font.bold);
  CHECK(style(workbook, "A1").alignment.horizontal == "center");
  CHECK(merged(workbook, "A1:AG1"));

  CHECK(cell(workbook, "A2").text ==
        "TỔNG HỢP TÌNH HÌNH THỰC HIỆN VỐN SỰ NGHIỆP CÁC CHƯƠNG TRÌNH MỤC TIÊU QUỐC GIA 06 THÁNG ĐẦU NĂM 2026");
  CHECK(style(workbook, "A2").font.bold);
  CHECK(merged(workbook, "A2:AG2"));

  CHECK(cell(workbook, "A3").text ==
        "(Kèm theo Báo cáo số 3397/BC-UBND ngày 19 tháng 6 năm 2026 của Ủy ban nhân dân xã Mường Kim)");
  CHECK(style(workbook, "A3").font.italic);
  CHECK_FALSE(style(workbook, "A3").font.bold);

  CHECK(cell(workbook, "A4").text == "ĐVT: Triệu đồng");
  CHECK(style(workbook, "A4").alignment.horizontal == "right");
  for (const char* a1 : {"A1", "A2", "A5", "B9", "C9"}) CHECK(style(workbook, a1).font.name == "Times New Roman");
}

TEST_CASE("the funds header is merged in three rows as seed 000 has it", "[templates][layout]") {
  test::TempDir dir("phuluc_tpl");
  const Workbook workbook = written("von-su-nghiep", dir);
  CHECK(cell(workbook, "A5").text == "STT");
  CHECK(merged(workbook, "A5:A7"));
  CHECK(merged(workbook, "B5:B7"));
  CHECK(cell(workbook, "C5").text == "Tình hình thực hiện kế hoạch vốn sự nghiệp kéo dài năm 2025 sang năm 2026");
  CHECK(merged(workbook, "C5:Q5"));
  CHECK(cell(workbook, "R5").text == "Tình hình thực hiện kế hoạch vốn sự nghiệp năm 2026");
  CHECK(merged(workbook, "R5:AF5"));
  CHECK(cell(workbook, "F6").text == "Giải ngân kế hoạch vốn kéo dài đến 15/6/2026");
  CHECK(merged(workbook, "F6:H6"));
  CHECK(cell(workbook, "C7").text == "Tổng số");
  CHECK(cell(workbook, "E7").text == "NSĐP");
  CHECK(cell(workbook, "AG5").text == "Ghi chú");
  CHECK(merged(workbook, "AG5:AG7"));
  CHECK(style(workbook, "C6").font.bold);
  CHECK(style(workbook, "C6").alignment.wrap);
  CHECK(style(workbook, "C7").border.bottom.style == "thin");
}

TEST_CASE("rows are styled by level: programs bold capitals, Dự án bold, Tiểu dự án regular, contents italic",
          "[templates][layout]") {
  test::TempDir dir("phuluc_tpl");
  const Workbook workbook = written("von-su-nghiep", dir);
  const std::string total = row_of(workbook, "TỔNG CỘNG");
  const std::string program = row_of(workbook, "CHƯƠNG TRÌNH MỤC TIÊU QUỐC GIA PHÁT TRIỂN");
  const std::string project = row_of(workbook, "Dự án 5:");
  const std::string subproject = row_of(workbook, "Tiểu dự án 1: Đổi mới");
  const std::string content = row_of(workbook, "Xóa mù chữ");
  CHECK(total == "8");
  CHECK(cell(workbook, ("A" + program).c_str()).text == "A");
  for (const auto& row : {total, program, project}) CHECK(style(workbook, ("B" + row).c_str()).font.bold);
  CHECK_FALSE(style(workbook, ("B" + subproject).c_str()).font.bold);
  CHECK_FALSE(style(workbook, ("B" + subproject).c_str()).font.italic);
  CHECK(style(workbook, ("B" + content).c_str()).font.italic);
  CHECK(style(workbook, ("B" + content).c_str()).alignment.indent > style(workbook, ("B" + project).c_str()).alignment.indent);
  CHECK(cell(workbook, ("A" + subproject).c_str()).text == "V.1");
  CHECK(style(workbook, ("C" + content).c_str()).number_format == "#,##0.000");
  CHECK(style(workbook, ("I" + content).c_str()).number_format == "0.00");
}

TEST_CASE("parents, Tổng số and rates are formulas with cached values; leaves are left to type", "[templates][layout]") {
  test::TempDir dir("phuluc_tpl");
  const Workbook workbook = written("von-su-nghiep", dir);
  const std::string v = row_of(workbook, "Dự án 5:");
  const std::string v1 = row_of(workbook, "Tiểu dự án 1: Đổi mới");
  const std::string leaf = row_of(workbook, "Xóa mù chữ");
  const Cell& parent_nstw = cell(workbook, ("D" + v).c_str());
  CHECK(parent_nstw.has_formula);
  CHECK(parent_nstw.formula.rfind("SUM(D" + v1, 0) == 0);
  CHECK(parent_nstw.number == 0);
  CHECK(cell(workbook, ("C" + leaf).c_str()).formula == "D" + leaf + "+E" + leaf);
  CHECK_FALSE(cell(workbook, ("D" + leaf).c_str()).has_formula);  // NSTW of a leaf: the officer types it
  const Cell& rate = cell(workbook, ("I" + leaf).c_str());
  CHECK(rate.formula == "IF(C" + leaf + "=0,\"\",F" + leaf + "/C" + leaf + "*100)");
  CHECK(rate.kind == CellKind::text);  // cached "" on a plan of 0
  CHECK(cell(workbook, "D8").formula.rfind("SUM(D9", 0) == 0);  // TỔNG CỘNG adds the programs
}

TEST_CASE("the page is A4 landscape fitted to the width, header rows repeated, page numbers, signature",
          "[templates][layout]") {
  test::TempDir dir("phuluc_tpl");
  for (const auto& definition : builtin()) {
    INFO(definition.name);
    const Workbook workbook = written(definition.name, dir);
    const PrintSetup& print = workbook.sheets[0].print;
    CHECK(print.landscape == true);
    CHECK(print.paper_size == 9u);
    CHECK(print.fit_to_page);
    CHECK(print.fit_to_width.value_or(1) == 1u);  // 1 is the file format's default, so it may go unwritten
    CHECK(print.fit_to_height == 0u);
    REQUIRE(print.repeat_rows);
    CHECK(print.repeat_rows->first == (definition.kind == TableKind::funds || definition.kind == TableKind::investment ? 4u : 3u));
    CHECK(print.header == "&C&P");
    CHECK(*print.margin_left > *print.margin_right);
    CHECK(workbook.sheets[0].frozen_rows == print.repeat_rows->second + 1);
    bool on_behalf = false, signer = false, date_line = false;
    for (const auto& row : workbook.sheets[0].rows)
      for (const auto& c : row.cells) {
        on_behalf |= c.text == "TM. ỦY BAN NHÂN DÂN" && workbook.style_of(c).font.bold;
        signer |= c.text == "Vũ Văn Nội";
        date_line |= c.text == "Mường Kim, ngày 19 tháng 6 năm 2026" && workbook.style_of(c).font.italic;
      }
    CHECK(on_behalf);
    CHECK(signer);
    CHECK(date_line);
  }
}

TEST_CASE("every template read back through our reader checks clean and every row maps", "[templates][layout]") {
  test::TempDir dir("phuluc_tpl");
  const RowMatcher& matcher = template_test::builtin_matcher();
  for (const auto& definition : builtin()) {
    INFO(definition.name);
    const Workbook workbook = written(definition.name, dir);
    const FileReport report = check_workbook(workbook, definition.name, &matcher);
    CHECK_FALSE(report.error);
    REQUIRE(report.tables.size() == 1);
    CHECK(report.tables[0].kind == table_kind_id(definition.kind));
    CHECK(report.findings.empty());
    for (const auto& finding : report.findings) INFO(finding.code << " " << (finding.cell ? to_a1(*finding.cell) : ""));
  }
}

TEST_CASE("a unit in đồng shows whole numbers; a blank text prints as dots to fill in", "[templates][layout]") {
  test::TempDir dir("phuluc_tpl");
  TemplateTexts texts;
  texts.unit = Unit::dong;
  const Workbook workbook = written("von-su-nghiep", dir, texts);
  CHECK(cell(workbook, "A4").text == "ĐVT: Đồng");
  CHECK(style(workbook, "C9").number_format == "#,##0");
  CHECK(cell(workbook, "A3").text == "(Kèm theo Báo cáo số ........./BC-UBND ngày ...... tháng ...... năm ...... của ......)");
  CHECK(cell(workbook, "C5").text == "Tình hình thực hiện kế hoạch vốn sự nghiệp kéo dài năm ...... sang năm ......");
}
