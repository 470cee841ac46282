// The .xls reader against files made by LibreOffice, gnumeric and Excel, checked cell by cell
// against LibreOffice's own reading of the same files.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <set>
#include <utility>

#include "readers/read_error.hpp"
#include "readers/xls/xls_reader.hpp"
#include "test_xls_support.hpp"

namespace phuluc {
namespace {

using test::corpus_path;
using test::source_path;

const Sheet* sheet_named(const Workbook& workbook, const std::string& name) {
  for (const auto& sheet : workbook.sheets)
    if (sheet.name == name) return &sheet;
  return nullptr;
}

std::size_t cell_count(const Sheet& sheet) {
  std::size_t count = 0;
  for (const auto& row : sheet.rows) count += row.cells.size();
  return count;
}

bool has_limitation(const Workbook& workbook, const std::string& code) {
  return std::any_of(workbook.limitations.begin(), workbook.limitations.end(),
                     [&](const ReaderLimitation& limitation) { return limitation.code == code && limitation.sheet.empty(); });
}

/// Checks one of our cells against LibreOffice's reading of it; returns a description of the
/// mismatch, empty when they agree.
std::string compare_cell(const Cell& ours, const test::OracleCell& theirs) {
  const std::string where = theirs.sheet + "!" + to_a1(CellRef{theirs.row, theirs.col});
  switch (theirs.type) {
    case 'n':
    case 'd': {
      const double expected = std::stod(theirs.value);
      // LibreOffice's .xlsx stores a boolean formula result as a number; openpyxl then sees one.
      if (theirs.type == 'n' && ours.kind == CellKind::boolean && ours.has_formula)
        return ours.number == expected ? std::string() : where + ": boolean " + std::to_string(ours.number) + " instead of " + theirs.value;
      if (ours.kind != CellKind::number) return where + ": expected a number " + theirs.value;
      // Dates and times: FreeXL resolves them to the second. Numbers: the double LibreOffice read.
      const double tolerance = theirs.type == 'd' ? 1.0 / 86400 : 1e-9 * std::max(1.0, std::fabs(expected));
      if (std::fabs(ours.number - expected) > tolerance)
        return where + ": " + std::to_string(ours.number) + " instead of " + theirs.value;
      if (theirs.type == 'd' && !ours.is_date) return where + ": a date not marked is_date";
      return {};
    }
    case 'b':
      if (ours.kind != CellKind::boolean || ours.number != std::stod(theirs.value)) return where + ": expected boolean " + theirs.value;
      return {};
    case 'e':
      if (ours.kind != CellKind::error || ours.text != theirs.value) return where + ": expected error " + theirs.value;
      return {};
    default:
      if (ours.kind != CellKind::text || ours.text != theirs.value) return where + ": '" + ours.text + "' instead of '" + theirs.value + "'";
      return {};
  }
}

}  // namespace

TEST_CASE("xls reader agrees with LibreOffice on every cell of files from four producers", "[readers][xls][oracle]") {
  const std::vector<std::filesystem::path> files = {
      source_path("samples/quirks/xls/formulas_and_dates.xls"),  // LibreOffice: formulas, dates, embedded chart
      source_path("samples/quirks/xls/gnumeric_biff8.xls"),      // gnumeric
      source_path("samples/appendices/muong_kim_2026.xls"),      // a real appendix, via LibreOffice
      corpus_path("calamine/date_1904.xls"),                     // the 1904 date system
      corpus_path("calamine/merged_range.xls"),
      corpus_path("poi/SimpleChart.xls"),                        // Excel, with an embedded chart
      corpus_path("poi/1900DateWindowing.xls"),
      corpus_path("poi/34775.xls"),                              // cells written twice: FreeXL would leak
      corpus_path("poi/12843-1.xls"),                            // 23 sheets, chart sheets between them
  };
  const auto oracle = test::libreoffice_cells(files);
  for (const auto& file : files) {
    INFO(file.string());
    const Workbook workbook = read_xls(file);
    REQUIRE(oracle.count(file) == 1);
    std::size_t compared = 0;
    std::set<std::string> sheets_with_cells;
    for (const auto& theirs : oracle.at(file)) {
      const Sheet* sheet = sheet_named(workbook, theirs.sheet);
      REQUIRE(sheet != nullptr);
      const Cell* ours = sheet->find(CellRef{theirs.row, theirs.col});
      INFO(theirs.sheet << "!" << to_a1(CellRef{theirs.row, theirs.col}) << " = " << theirs.value);
      REQUIRE(ours != nullptr);
      CHECK(compare_cell(*ours, theirs) == "");
      sheets_with_cells.insert(theirs.sheet);
      ++compared;
    }
    // Nothing extra on our side either.
    std::size_t ours_total = 0;
    for (const auto& sheet : workbook.sheets) ours_total += cell_count(sheet);
    CHECK(ours_total == compared);
    CHECK(compared > 0);
  }
}

TEST_CASE("xls reader gives formula results, booleans and errors that FreeXL leaves out", "[readers][xls]") {
  const Workbook workbook = read_xls(source_path("samples/quirks/xls/formulas_and_dates.xls"));
  const Sheet* sheet = sheet_named(workbook, "Biểu 01");
  REQUIRE(sheet != nullptr);

  const Cell* total = sheet->find(*parse_a1("C5"));  // =SUM(C2:C4)
  REQUIRE(total != nullptr);
  CHECK(total->has_formula);
  CHECK(total->formula.empty());
  CHECK(total->kind == CellKind::number);
  const Cell* plan_1 = sheet->find(*parse_a1("C2"));
  const Cell* plan_2 = sheet->find(*parse_a1("C3"));
  const Cell* plan_3 = sheet->find(*parse_a1("C4"));
  REQUIRE((plan_1 && plan_2 && plan_3));
  CHECK(total->number == Approx(plan_1->number + plan_2->number + plan_3->number).epsilon(1e-12));

  const Cell* text_result = sheet->find(*parse_a1("C6"));  // ="Tổng: "&TEXT(C5,"0.000")
  REQUIRE(text_result != nullptr);
  CHECK(text_result->kind == CellKind::text);
  CHECK(text_result->has_formula);
  CHECK(text_result->text.rfind("Tổng: ", 0) == 0);

  const Cell* comparison = sheet->find(*parse_a1("D6"));  // =C5>D5
  REQUIRE(comparison != nullptr);
  CHECK(comparison->kind == CellKind::boolean);
  CHECK(comparison->number == (total->number > sheet->find(*parse_a1("D5"))->number ? 1.0 : 0.0));

  const Cell* division = sheet->find(*parse_a1("E4"));  // =D4/C4 with C4 = 0
  REQUIRE(division != nullptr);
  CHECK(division->kind == CellKind::error);
  CHECK(division->text == "#DIV/0!");
}

TEST_CASE("xls reader takes FORMULA records stored under BIFF4's record id 0x0406 in a BIFF8 file", "[readers][xls]") {
  // poi/WrongFormulaRecordType.xls stores row 4's formulas as 0x0406 records; xlrd and LibreOffice
  // read A4:C4 as 3, 2 and 38353 (the cached results in the records).
  const Workbook workbook = read_xls(corpus_path("poi/WrongFormulaRecordType.xls"));
  REQUIRE(workbook.sheets.size() == 1);
  const Sheet& sheet = workbook.sheets[0];
  const std::pair<const char*, double> expected[] = {{"A4", 3.0}, {"B4", 2.0}, {"C4", 38353.0}};
  for (const auto& [a1, value] : expected) {
    INFO(a1);
    const Cell* cell = sheet.find(*parse_a1(a1));
    REQUIRE(cell != nullptr);
    CHECK(cell->kind == CellKind::number);
    CHECK(cell->has_formula);
    CHECK(cell->number == value);
  }
}

TEST_CASE("xls reader turns FreeXL's date text back into serials in both date systems", "[readers][xls][dates]") {
  SECTION("1900 system: a date, a date-time and a time of day") {
    const Workbook workbook = read_xls(source_path("samples/quirks/xls/formulas_and_dates.xls"));
    CHECK_FALSE(workbook.date1904);
    const Sheet& sheet = *sheet_named(workbook, "Biểu 01");
    const Cell* date = sheet.find(*parse_a1("F2"));
    const Cell* date_time = sheet.find(*parse_a1("F3"));
    const Cell* time = sheet.find(*parse_a1("F4"));
    REQUIRE((date && date_time && time));
    for (const Cell* cell : {date, date_time, time}) {
      CHECK(cell->kind == CellKind::number);
      CHECK(cell->is_date);
    }
    // The date and the date-time fall on the same day; the time part is 13:30:05.
    CHECK(std::floor(date_time->number) == date->number);
    CHECK((date_time->number - date->number) * 86400 == Approx(13 * 3600 + 30 * 60 + 5).margin(0.5));
    CHECK(time->number * 86400 == Approx(7 * 3600 + 45 * 60).margin(0.5));
  }
  SECTION("1904 system") {
    const Workbook workbook = read_xls(corpus_path("calamine/date_1904.xls"));
    CHECK(workbook.date1904);
  }
}

TEST_CASE("xls reader keeps reading past an embedded chart and skips chart sheets", "[readers][xls][charts]") {
  // FreeXL alone gives up on any workbook with an embedded chart (its BOF/EOF pair inside the sheet).
  const Workbook workbook = read_xls(source_path("samples/quirks/xls/formulas_and_dates.xls"));
  REQUIRE(workbook.sheets.size() == 3);
  const Sheet* after_chart = sheet_named(workbook, "Biểu 02");
  REQUIRE(after_chart != nullptr);
  const Cell* commune = after_chart->find(*parse_a1("A1"));
  REQUIRE(commune != nullptr);
  CHECK(commune->text == "Xã Mường Kim");

  // Excel: "Sheet1" and the chart sheet "Chart1"; only the worksheet is a sheet of cells.
  const Workbook with_chart_sheet = read_xls(corpus_path("poi/SimpleScatterChart.xls"));
  REQUIRE(with_chart_sheet.sheets.size() == 1);
  CHECK(with_chart_sheet.sheets[0].name == "Sheet1");
}

TEST_CASE("xls reader marks hidden sheets and records what FreeXL cannot carry", "[readers][xls][limitations]") {
  const Workbook workbook = read_xls(source_path("samples/quirks/xls/formulas_and_dates.xls"));
  CHECK(workbook.format == SourceFormat::xls);
  const Sheet* hidden = sheet_named(workbook, "Ẩn");
  REQUIRE(hidden != nullptr);
  CHECK(hidden->hidden);
  CHECK_FALSE(sheet_named(workbook, "Biểu 01")->hidden);
  for (const char* code : {"xls-no-merges", "xls-no-formats", "xls-no-formulas", "xls-no-hidden"}) {
    INFO(code);
    CHECK(has_limitation(workbook, code));
  }
  CHECK(workbook.limitations.size() == 4);
  CHECK(sheet_named(workbook, "Biểu 01")->merged.empty());
  REQUIRE(workbook.styles.size() == 1);
}

TEST_CASE("xls reader reads the same workbook from bytes as from the file", "[readers][xls]") {
  const auto path = source_path("samples/appendices/muong_kim_2026.xls");
  const std::string bytes = test::read_text_file(path);
  const Workbook from_file = read_xls(path);
  const Workbook from_bytes = read_xls_bytes(std::as_bytes(std::span(bytes.data(), bytes.size())));
  REQUIRE(from_bytes.sheets.size() == from_file.sheets.size());
  for (std::size_t i = 0; i < from_file.sheets.size(); ++i) {
    CHECK(from_bytes.sheets[i].name == from_file.sheets[i].name);
    REQUIRE(from_bytes.sheets[i].rows.size() == from_file.sheets[i].rows.size());
    for (std::size_t r = 0; r < from_file.sheets[i].rows.size(); ++r) {
      const auto& a = from_file.sheets[i].rows[r];
      const auto& b = from_bytes.sheets[i].rows[r];
      REQUIRE(a.cells.size() == b.cells.size());
      for (std::size_t c = 0; c < a.cells.size(); ++c) {
        CHECK(a.cells[c].col == b.cells[c].col);
        CHECK(a.cells[c].text == b.cells[c].text);
        CHECK(a.cells[c].number == b.cells[c].number);
      }
    }
  }
}

TEST_CASE("xls reader cuts text at the length cap and stops at the cell cap", "[readers][xls][limits]") {
  const auto path = source_path("samples/appendices/muong_kim_2026.xls");
  SECTION("text longer than max_string_length is cut, counting characters not bytes") {
    ReadLimits limits;
    limits.max_string_length = 4;
    const Workbook workbook = read_xls(path, limits);
    const Cell* title = workbook.sheets.at(0).find(*parse_a1("A1"));
    REQUIRE(title != nullptr);
    CHECK(title->text == "Phụ ");  // "Phụ lục I": ụ is 3 bytes
  }
  SECTION("more cells than max_cells is too_large") {
    const std::size_t total = [&] {
      const Workbook full = read_xls(path);
      std::size_t count = 0;
      for (const auto& sheet : full.sheets) count += cell_count(sheet);
      return count;
    }();
    ReadLimits limits;
    limits.max_cells = total - 1;
    try {
      read_xls(path, limits);
      FAIL("expected too_large");
    } catch (const ReadError& error) {
      CHECK(error.code() == ReadErrorCode::too_large);
    }
  }
}

}  // namespace phuluc
