// Corrections written into the workbook keep each cell's look; the write options carry the marks.
#include <catch2/catch.hpp>

#include "corrections/fix_test_support.hpp"
#include "corrections/fix_workbook.hpp"
#include "report/messages.hpp"

namespace phuluc {
namespace {

using fixtest::kFundsSheet;
using fixtest::kSamples;
namespace fs = std::filesystem;

const Cell& cell_of(const Workbook& workbook, const char* a1) {
  const Cell* cell = workbook.sheets.at(workbook.sheets.size() > 1 ? 1 : 0).find(*parse_a1(a1));
  REQUIRE(cell != nullptr);
  return *cell;
}

Workbook injected(const std::map<std::string, std::string>& cells) {
  fixtest::TempDir dir;
  const auto run =
      fixtest::openpyxl_copy(dir, kSamples / "muong_kim_2026_corrected.xlsx", dir / "copy.xlsx", kFundsSheet, cells);
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  return read_workbook(dir / "copy.xlsx");
}

TEST_CASE("a number typed as text that is corrected becomes a number showing its decimals", "[corrections][apply]") {
  Workbook workbook = read_workbook(kSamples / "muong_kim_2026_text_numbers.xlsx");  // every number is text
  REQUIRE(cell_of(workbook, "L22").kind == CellKind::text);
  const WorkbookFix fix = fix_workbook(workbook, {});
  CHECK(fix.corrections.size() == 6);
  CHECK(fix.unresolved.empty());
  const Cell& l22 = cell_of(workbook, "L22");
  CHECK(l22.kind == CellKind::number);
  CHECK(l22.number == Approx(187.09));
  CHECK(workbook.style_of(l22).number_format == "#,##0.00");
  CHECK(cell_of(workbook, "AD9").kind == CellKind::number);
  CHECK(workbook.style_of(cell_of(workbook, "AD9")).number_format != "@");
  CHECK(cell_of(workbook, "L20").kind == CellKind::text);  // not corrected: as typed
  const FixedCell& first = fix.corrections.front();
  CHECK(to_a1(first.cell) == "AD9");  // sheet order, then row, then column
  CHECK(std::get<std::string>(first.old_value) == "200");
}

TEST_CASE("a corrected formula cell keeps its formula with the corrected cached value", "[corrections][apply]") {
  Workbook workbook = read_workbook(kSamples / "muong_kim_2026_formulas.xlsx");  // openpyxl → LibreOffice
  const WorkbookFix fix = fix_workbook(workbook, {});
  CHECK(fix.unresolved.empty());
  const Cell& l22 = cell_of(workbook, "L22");
  CHECK(l22.has_formula);
  CHECK(l22.formula == "SUM(M22:N22)");
  CHECK(l22.number == Approx(187.09));
  const auto it = std::find_if(fix.corrections.begin(), fix.corrections.end(),
                               [](const FixedCell& fixed) { return to_a1(fixed.cell) == "L22"; });
  REQUIRE(it != fix.corrections.end());
  CHECK(it->old_formula == "SUM(M22:N22)");
  CHECK(it->reason.find("công thức được giữ") != std::string::npos);
}

TEST_CASE("a corrected zero is written the way its row writes zeros", "[corrections][apply]") {
  SECTION("0 where the row types 0") {  // row 28 (IX.2): R28 = 0, S28 = 0, AA28 = 0 ...
    Workbook workbook = injected({{"S28", "37"}});
    CHECK(fix_workbook(workbook, {}).corrections.size() == 1);
    CHECK(cell_of(workbook, "S28").kind == CellKind::number);
    CHECK(cell_of(workbook, "S28").number == 0);
  }
  SECTION("empty where the row leaves zeros empty") {  // row 18: C18, D18 hold figures, E18 is empty
    Workbook workbook = injected({{"E18", "290.927"}});
    const WorkbookFix fix = fix_workbook(workbook, {});
    REQUIRE(fix.corrections.size() == 1);
    CHECK(std::holds_alternative<std::monostate>(fix.corrections[0].new_value));
    CHECK(cell_of(workbook, "E18").kind == CellKind::empty);
  }
  SECTION("a dash where the row writes dashes") {  // row 33 (C), second block: every amount is "-"
    Workbook workbook = injected({{"T33", "5"}});
    const WorkbookFix fix = fix_workbook(workbook, {});
    REQUIRE(fix.corrections.size() == 1);
    CHECK(std::get<std::string>(fix.corrections[0].new_value) == "-");
    CHECK(cell_of(workbook, "T33").text == "-");
  }
}

TEST_CASE("the write options mark each corrected cell and list it, or nothing for a clean copy",
          "[corrections][apply]") {
  Workbook workbook = read_workbook(kSamples / "muong_kim_2026.xlsx");
  const WorkbookFix fix = fix_workbook(workbook, {false, Lang::en});
  const XlsxWriteOptions marked = fix_write_options(fix, true, Lang::en);
  REQUIRE(marked.marks.size() == 6);
  CHECK(marked.marks[0].sheet == 1);
  CHECK(marked.marks[0].highlight);
  CHECK(marked.marks[0].note.rfind("phuluc corrected this cell. Changed 200 to 100: the rate is recomputed", 0) == 0);
  REQUIRE(marked.change_sheet);
  CHECK(marked.change_sheet->name == "Kiểm tra");
  CHECK(marked.change_sheet->lang == Lang::en);
  CHECK(marked.change_sheet->entries.size() == 6);
  const XlsxWriteOptions clean = fix_write_options(fix, false, Lang::en);
  CHECK(clean.marks.empty());
  CHECK_FALSE(clean.change_sheet);
  Workbook corrected = read_workbook(kSamples / "muong_kim_2026_corrected.xlsx");
  const WorkbookFix nothing = fix_workbook(corrected, {});
  CHECK(nothing.corrections.empty());
  CHECK_FALSE(fix_write_options(nothing, true, Lang::vi).change_sheet);  // nothing to list: no extra sheet
}

TEST_CASE("a workbook without an appendix table is not changed", "[corrections][apply]") {
  // A file saved by Excel (libxlsxwriter's reference set): merged cells, no STT / Nội dung header.
  Workbook workbook = read_workbook(fs::path(PHULUC_SHARED_DIR) / "corpus/libxlsxwriter/merge_range02.xlsx");
  const Workbook before = workbook;
  const WorkbookFix fix = fix_workbook(workbook, {});
  REQUIRE(fix.error);
  CHECK(fix.error->id == "no-table");
  CHECK(fix.corrections.empty());
  REQUIRE(workbook.sheets.size() == before.sheets.size());
  CHECK(workbook.sheets[0].rows.size() == before.sheets[0].rows.size());
  CHECK(workbook.styles.size() == before.styles.size());
}

TEST_CASE("every reason a correction can give has words in both languages", "[corrections][messages]") {
  Correction fix;
  for (const FixBasis basis : {FixBasis::provable, FixBasis::only_cell, FixBasis::best_cell, FixBasis::fewest_cells,
                               FixBasis::rate, FixBasis::rate_no_base})
    for (const Slip slip : {Slip::keystroke, Slip::sign, Slip::rounding})
      for (const Preference preference :
           {Preference::only, Preference::rates, Preference::slip, Preference::formula, Preference::blank}) {
        fix.basis = basis;
        fix.slip = slip;
        fix.preference = preference;
        INFO(fix_reason_id(fix));
        CHECK_FALSE(reason_text(fix_reason_id(fix), Lang::vi).empty());
        CHECK_FALSE(reason_text(fix_reason_id(fix), Lang::en).empty());
      }
  for (const char* code : {"fix-applied", "ambiguous-fix", "fix-not-found"}) CHECK(find_message_template(code));
}

}  // namespace
}  // namespace phuluc
