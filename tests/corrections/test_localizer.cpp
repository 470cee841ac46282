// Fellegi–Holt error localization on the sample appendices (made by openpyxl, LibreOffice and
// gnumeric) and on copies of the clean sample into which openpyxl writes known errors.
#include <catch2/catch.hpp>
#include <set>

#include "corrections/fix_test_support.hpp"
#include "corrections/localizer.hpp"

namespace phuluc {
namespace {

using fixtest::by_cell;
using fixtest::kFundsSheet;
using fixtest::kSamples;
using fixtest::table_on;

std::set<std::string> cells_of(const std::map<std::string, Correction>& fixes) {
  std::set<std::string> cells;
  for (const auto& [cell, fix] : fixes) cells.insert(cell);
  return cells;
}

std::vector<std::string> a1_list(const Table& table, const std::vector<TableCell>& cells) {
  std::vector<std::string> out;
  for (const TableCell& cell : cells) out.push_back(data_cell_a1(table, cell.row, cell.col));
  return out;
}

// Seed 000 as the commune sent it, through four producers: the same six corrections each time.
TEST_CASE("seed 000: A's rate 200 becomes 100, IV's rates on a plan of 0 are emptied, V.3's child shows 187,09",
          "[corrections][localizer][seed]") {
  for (const char* name : {"muong_kim_2026.xlsx", "muong_kim_2026.xls", "muong_kim_2026_text_numbers.xlsx",
                           "muong_kim_2026_formulas.xlsx"}) {
    INFO(name);
    const Table table = table_on(read_workbook(kSamples / name), kFundsSheet);
    const Localization result = localize_errors(table);
    const auto fixes = by_cell(table, result);
    CHECK(result.unresolved.empty());
    CHECK(cells_of(fixes) == std::set<std::string>{"AD9", "AE9", "AD14", "AE14", "L22", "M22"});
    for (const char* cell : {"AD9", "AE9"}) {
      INFO(cell);
      REQUIRE(fixes.count(cell));
      CHECK(fixes.at(cell).before.value == 200);
      REQUIRE(fixes.at(cell).value);
      CHECK(*fixes.at(cell).value == 100);  // 255 / 255 × 100
      CHECK(fixes.at(cell).code == "rate-mismatch");
      CHECK(fixes.at(cell).basis == FixBasis::rate);
    }
    for (const char* cell : {"AD14", "AE14"}) {
      INFO(cell);
      REQUIRE(fixes.count(cell));
      CHECK_FALSE(fixes.at(cell).value);  // no rate on a plan of 0
      CHECK(fixes.at(cell).code == "rate-without-base");
    }
    // V.3 (L20, M20) = 187,09 sits in edits that hold (V = V.1 + V.2 + V.3, L20 = M20 + N20): it is
    // cleared. Its funded child shows 187 with no decimals: 187,09 lies within that rounding, and
    // with it every edit holds (the other child, empty, would have to take 0,09: no slip explains that).
    for (const char* cell : {"L22", "M22"}) {
      INFO(cell);
      REQUIRE(fixes.count(cell));
      CHECK(fixes.at(cell).before.value == 187);
      REQUIRE(fixes.at(cell).value);
      CHECK(*fixes.at(cell).value == Approx(187.09).margin(1e-9));
      CHECK(fixes.at(cell).code == "sum-mismatch");
      CHECK(fixes.at(cell).basis == FixBasis::provable);
      CHECK(fixes.at(cell).slip == Slip::rounding);
      CHECK(fixes.at(cell).show_decimals == 2);
      CHECK(fix_reason_id(fixes.at(cell)) == "fix-rounding");
    }
    CHECK(a1_list(table, fixes.at("L22").resolves) == std::vector<std::string>{"L20"});
  }
}

TEST_CASE("Lùng Phình: 15.878 is the one cell in both violated sums, a keystroke; its rates are recomputed",
          "[corrections][localizer][seed]") {
  // Seed 002 (openpyxl → LibreOffice): 20.336 ≠ 4.457 + 15.878 and 15.878 ≠ 7.717 + 8.162. C7 = 20.336
  // is also the sum of the programs (C8 + C29), an edit that holds: it is cleared, E7 is the typo.
  const Table table = table_on(read_workbook(kSamples / "lung_phinh_2025_von_su_nghiep.xlsx"), "Phụ biểu 01");
  const Localization result = localize_errors(table);
  const auto fixes = by_cell(table, result);
  CHECK(result.unresolved.empty());
  CHECK(cells_of(fixes) == std::set<std::string>{"E7", "I7", "I8", "I29", "K7"});
  REQUIRE(fixes.count("E7"));
  CHECK(*fixes.at("E7").value == 15879);
  CHECK(fixes.at("E7").slip == Slip::keystroke);
  CHECK(fixes.at("E7").code == "total-mismatch");
  CHECK(a1_list(table, fixes.at("E7").resolves) == std::vector<std::string>{"C7", "E7"});
  CHECK(*fixes.at("I7").value == Approx(67.10));   // 13.646 / 20.336
  CHECK(*fixes.at("I8").value == Approx(57.7));    // 6.544 / 11.335, shown with one decimal
  CHECK(*fixes.at("I29").value == Approx(78.90));  // 7.102 / 9.001
  CHECK(*fixes.at("K7").value == Approx(66.52));   // its disbursement over the corrected 15.879
  for (const char* rate : {"I7", "I8", "I29", "K7"}) CHECK(fixes.at(rate).basis == FixBasis::rate);
}

TEST_CASE("Mường Khoa: 2.256 is the only cell in the three violated sums", "[corrections][localizer][seed]") {
  // Seed 004 (openpyxl → gnumeric): H7 is in Tổng nguồn vốn = NSTW + NS xã + lồng ghép, in lồng ghép
  // = GNBV + DTTS&MN and in the total of the 11 nội dung; G22 "10 tr" is no number and stays.
  const Table table = table_on(read_workbook(kSamples / "muong_khoa_2025_nguon_luc_ntm.xlsx"), "Biểu 02");
  const Localization result = localize_errors(table);
  const auto fixes = by_cell(table, result);
  CHECK(result.unresolved.empty());
  REQUIRE(cells_of(fixes) == std::set<std::string>{"H7"});
  CHECK(*fixes.at("H7").value == 2556);
  CHECK(fixes.at("H7").basis == FixBasis::only_cell);
  CHECK(fixes.at("H7").slip == Slip::keystroke);
  CHECK(fix_reason_id(fixes.at("H7")) == "fix-only-cell");
  CHECK_FALSE(result.blocked.empty());  // the edits through G22
}

TEST_CASE("a sum range that stops a row short is reported as ambiguous, not rewritten",
          "[corrections][localizer][seed]") {
  // lung_phinh_2025_dau_tu.csv: IV.1 leaves out công trình 14 (120,000) and IV, A, TỔNG CỘNG agree
  // with IV.1. No one or two cells explain it by a slip: any child whose plan could lose 120 would
  // do. The digits swapped in J34 (85,4 for 58,4) are a rate: recomputed.
  const Table table = table_on(read_workbook(kSamples / "lung_phinh_2025_dau_tu.csv"), "lung_phinh_2025_dau_tu");
  const Localization result = localize_errors(table);
  const auto fixes = by_cell(table, result);
  CHECK(cells_of(fixes) == std::set<std::string>{"J34"});
  CHECK(*fixes.at("J34").value == Approx(58.4));
  REQUIRE(result.unresolved.size() == 1);
  const UnresolvedEdits& left = result.unresolved.front();
  CHECK(left.code == "ambiguous-fix");
  CHECK(left.edit_code == "sum-mismatch");
  CHECK(a1_list(table, left.judged) == std::vector<std::string>{"D16", "E16"});
  REQUIRE(left.candidates.size() >= 2);
  CHECK(a1_list(table, left.candidates.front()) == std::vector<std::string>{"D30", "E30"});  // the 120,000 row
}

TEST_CASE("a clean workbook gets no correction", "[corrections][localizer]") {
  const Workbook workbook = read_workbook(kSamples / "muong_kim_2026_corrected.xlsx");
  for (const Table& table : find_tables(workbook).tables) {
    INFO(table.sheet);
    const Localization result = localize_errors(table);
    CHECK(result.corrections.empty());
    CHECK(result.unresolved.empty());
  }
}

// Errors written with openpyxl into copies of the clean sample (rows 17/18 are V.1's children: 17
// empty in the first block, 18 = 82,262 everywhere in it).
struct Injected {
  Table table;
  Localization result;
};

Injected inject(const std::map<std::string, std::string>& cells) {
  fixtest::TempDir dir;
  const auto copy = dir / "injected.xlsx";
  const auto run = fixtest::openpyxl_copy(dir, kSamples / "muong_kim_2026_corrected.xlsx", copy, kFundsSheet, cells);
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  Table table = table_on(read_workbook(copy), kFundsSheet);
  Localization result = localize_errors(table);
  return {std::move(table), std::move(result)};
}

TEST_CASE("two cells moved together by an arbitrary amount are ambiguous and left as they are",
          "[corrections][localizer][inject]") {
  // Tổng số and NSTW of V.1's funded child, both +12,345: V.1's two sums fail, its split holds. Either
  // that child or its empty sibling could absorb the difference: phuluc does not guess, and the rates
  // over those amounts are not recomputed either.
  const auto [table, result] = inject({{"C18", "94.607"}, {"D18", "94.607"}});
  CHECK(result.corrections.empty());
  REQUIRE(result.unresolved.size() == 1);
  const UnresolvedEdits& left = result.unresolved.front();
  CHECK(left.code == "ambiguous-fix");
  CHECK(a1_list(table, left.judged) == std::vector<std::string>{"C16", "D16"});
  REQUIRE(left.candidates.size() == 2);
  CHECK(a1_list(table, left.candidates[0]) == std::vector<std::string>{"C18", "D18"});  // keeps the rates right
  CHECK(a1_list(table, left.candidates[1]) == std::vector<std::string>{"C17", "D17"});
}

TEST_CASE("two cells with the same swapped digits are corrected together", "[corrections][localizer][inject]") {
  const auto [table, result] = inject({{"C18", "82.226"}, {"D18", "82.226"}});
  const auto fixes = by_cell(table, result);
  CHECK(result.unresolved.empty());
  REQUIRE(cells_of(fixes) == std::set<std::string>{"C18", "D18"});
  for (const char* cell : {"C18", "D18"}) {
    INFO(cell);
    CHECK(*fixes.at(cell).value == Approx(82.262).margin(1e-9));
    CHECK(fixes.at(cell).basis == FixBasis::fewest_cells);
    CHECK(fixes.at(cell).slip == Slip::keystroke);
  }
  CHECK(a1_list(table, fixes.at("C18").together) == std::vector<std::string>{"D18"});
}

TEST_CASE("single errors are put back: sign, shift, a rate, a zero given a value", "[corrections][localizer][inject]") {
  struct Case {
    const char* cell;
    const char* written;
    double right;
    FixBasis basis;
  };
  // M16: V.1's NSTW estimate (a parent); AA9: A's 2026 estimate; AD27: IX.1's rate; S28: a typed 0.
  for (const Case& c :
       {Case{"M16", "-82.262", 82.262, FixBasis::provable}, Case{"M16", "90.262", 82.262, FixBasis::only_cell},
        Case{"L18", "95.5", 82.262, FixBasis::only_cell}, Case{"AD27", "150", 100, FixBasis::rate},
        Case{"S28", "37", 0, FixBasis::only_cell}}) {
    INFO(c.cell << " = " << c.written);
    const auto [table, result] = inject({{c.cell, c.written}});
    const auto fixes = by_cell(table, result);
    CHECK(result.unresolved.empty());
    REQUIRE(cells_of(fixes) == std::set<std::string>{c.cell});
    REQUIRE(fixes.at(c.cell).value);
    CHECK(*fixes.at(c.cell).value == Approx(c.right).margin(1e-9));
    CHECK(fixes.at(c.cell).basis == c.basis);
  }
}

}  // namespace
}  // namespace phuluc
