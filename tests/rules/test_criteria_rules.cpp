// The NTM criteria rules on seed 000's criteria table ("Tổng 4/10", indicator 3.2 whose target
// holds a verdict) and on copies of it with one cell changed.
#include <catch2/catch.hpp>

#include <filesystem>

#include "readers/workbook_reader.hpp"
#include "rules/criteria_count_rule.hpp"
#include "rules/criteria_reading.hpp"
#include "rules/criteria_verdict_rule.hpp"
#include "rules/target_verdict_rule.hpp"
#include "table/table_finder.hpp"

namespace {

using namespace phuluc;

const std::filesystem::path kSample =
    std::filesystem::path(PHULUC_SOURCE_DIR) / "samples" / "appendices" / "muong_kim_2026_corrected.xlsx";

Workbook seed() {
  static const Workbook workbook = read_workbook(kSample);
  return workbook;
}

Sheet& criteria_sheet(Workbook& workbook) {
  for (auto& sheet : workbook.sheets)
    if (sheet.name == "PL IV - Tiêu chí NTM") return sheet;
  FAIL("no criteria sheet");
  throw;
}

// The first text cell of the criteria sheet whose text starts with `text`.
Cell& text_cell_starting(Workbook& workbook, const std::string& text) {
  for (auto& row : criteria_sheet(workbook).rows)
    for (auto& cell : row.cells)
      if (cell.kind == CellKind::text && cell.text.rfind(text, 0) == 0) return cell;
  FAIL("no cell " << text);
  throw;
}

// The cell `offset` columns right of the one starting with `text`, on the same row.
Cell& beside(Workbook& workbook, const std::string& text, std::uint32_t offset) {
  for (auto& row : criteria_sheet(workbook).rows)
    for (auto& cell : row.cells)
      if (cell.kind == CellKind::text && cell.text.rfind(text, 0) == 0)
        for (auto& other : row.cells)
          if (other.col == cell.col + offset) return other;
  FAIL("nothing beside " << text);
  throw;
}

std::vector<Finding> run(const Rule& rule, const Workbook& workbook) {
  std::vector<Finding> findings;
  for (const Table& table : find_tables(workbook).tables) rule.check(table, findings);
  return findings;
}

}  // namespace

TEST_CASE("verdicts, numeric targets and first numbers are read the Vietnamese way", "[rules][criteria]") {
  CHECK(verdict_in("Đạt") == Verdict::met);
  CHECK(verdict_in("34,77 Đạt") == Verdict::met);
  CHECK(verdict_in("17,4% K. Đạt") == Verdict::not_met);
  CHECK(verdict_in("Không đạt") == Verdict::not_met);
  CHECK(verdict_in("chưa đạt") == Verdict::not_met);
  CHECK(verdict_in("Không quy định") == Verdict::not_applicable);
  CHECK(verdict_in("99,82") == Verdict::none);
  CHECK(is_negative_verdict_only("K. Đạt"));
  CHECK(is_negative_verdict_only(" Không đạt "));
  CHECK_FALSE(is_negative_verdict_only("Đạt"));
  CHECK_FALSE(is_negative_verdict_only("5% K. Đạt"));
  CHECK(numeric_target("≥98%")->accepts(99.82));
  CHECK_FALSE(numeric_target("≥98%")->accepts(97.9));
  CHECK(numeric_target("≤13%")->accepts(13));
  CHECK_FALSE(numeric_target("≤13%")->accepts(17.4));
  CHECK(numeric_target("Bình quân từ 9,5 - 12%/năm")->accepts(10));
  CHECK_FALSE(numeric_target("Bình quân từ 9,5 - 12%/năm")->accepts(12.5));
  CHECK(numeric_target("≥ 01 mô hình")->low == 1);
  CHECK(numeric_target("100%")->low == 100);
  CHECK_FALSE(numeric_target("Đạt"));
  CHECK(*first_number("17,4% K. Đạt") == Approx(17.4));
  CHECK_FALSE(first_number("K. Đạt"));
}

TEST_CASE("seed 000's Tổng 4/10 agrees with its indicators: criteria 1, 4, 7 and 9 are met", "[rules][criteria]") {
  // 7.3 and 7.4 say "Không quy định" (not applicable); 2.4's 99,82 meets ≥98%; 8.2's 20% misses ≥90%.
  CHECK(run(CriteriaCountRule{}, seed()).empty());
}

TEST_CASE("a Tổng row that miscounts the criteria met is an error on its result cell", "[rules][criteria]") {
  Workbook workbook = seed();
  Cell& total = text_cell_starting(workbook, "4/10");
  total.text = "5/10";
  const auto findings = run(CriteriaCountRule{}, workbook);
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].code == "criteria-count-mismatch");
  CHECK(findings[0].severity == Severity::error);
  CHECK(findings[0].found == 5);
  CHECK(findings[0].expected == 4);
  CHECK(findings[0].found_text == "5/10");
  CHECK(findings[0].related == std::vector<std::string>{"TT 1", "TT 4", "TT 7", "TT 9"});

  total.text = "4/19";
  const auto listed = run(CriteriaCountRule{}, workbook);
  REQUIRE(listed.size() == 1);
  CHECK(listed[0].reason == "criteria-count-listed");
  CHECK(listed[0].expected == 10);
}

TEST_CASE("an indicator met on paper but not by its number is reported; a consistent one is not", "[rules][criteria]") {
  CHECK(run(CriteriaVerdictRule{}, seed()).empty());  // 34,77 Đạt ≥27%; 17,4% K. Đạt ≤13%; 5% K. Đạt ≥40%
  Workbook workbook = seed();
  Cell& result = beside(workbook, "3.8.", 2);  // "5% K. Đạt" against "≥40%"
  REQUIRE(result.text == "5% K. Đạt");
  result.text = "5% Đạt";
  const auto findings = run(CriteriaVerdictRule{}, workbook);
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].code == "criteria-verdict-mismatch");
  CHECK(findings[0].found == Approx(5));
  CHECK(findings[0].reason == "criteria-says-met");
  CHECK(findings[0].related[0].find("≥ 40%") != std::string::npos);
}

TEST_CASE("seed 000's indicator 3.2 has a verdict in its target column; a real target does not", "[rules][criteria]") {
  const auto findings = run(TargetVerdictRule{}, seed());
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].code == "target-holds-verdict");
  CHECK(findings[0].severity == Severity::warning);
  CHECK(findings[0].found_text == "K. Đạt");
  CHECK(findings[0].row_label.rfind("3.2.", 0) == 0);

  Workbook workbook = seed();
  beside(workbook, "3.2.", 1).text = "Đạt";
  CHECK(run(TargetVerdictRule{}, workbook).empty());
}

TEST_CASE("the criteria rules leave funds and documents tables alone", "[rules][criteria]") {
  Workbook workbook = seed();
  workbook.sheets.erase(workbook.sheets.begin() + 2);  // the criteria sheet
  CHECK(run(CriteriaCountRule{}, workbook).empty());
  CHECK(run(CriteriaVerdictRule{}, workbook).empty());
  CHECK(run(TargetVerdictRule{}, workbook).empty());
}
