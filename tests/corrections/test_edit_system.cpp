// The edits of a funds table are the relations the rules check, read from real workbooks.
#include <algorithm>
#include <catch2/catch.hpp>

#include "corrections/edit_system.hpp"
#include "corrections/edit_values.hpp"
#include "corrections/fix_test_support.hpp"

namespace phuluc {
namespace {

using fixtest::kFundsSheet;
using fixtest::kSamples;
using fixtest::table_on;

std::string a1(const Table& table, const TableCell& cell) { return data_cell_a1(table, cell.row, cell.col); }

const BalanceEdit* balance_at(const Table& table, const EditSystem& edits, BalanceKind kind,
                              const std::string& target) {
  for (const BalanceEdit& edit : edits.balances)
    if (edit.kind == kind && a1(table, edit.target) == target) return &edit;
  return nullptr;
}

std::vector<std::string> parts_a1(const Table& table, const BalanceEdit& edit) {
  std::vector<std::string> out;
  for (const TableCell& part : edit.parts) out.push_back(a1(table, part));
  return out;
}

TEST_CASE("the funds table of seed 000 gives sums, splits, totals and rates as the rules read them",
          "[corrections][edits]") {
  const Workbook workbook = read_workbook(kSamples / "muong_kim_2026.xlsx");  // written by openpyxl
  const Table table = table_on(workbook, kFundsSheet);
  const EditSystem edits = build_edit_system(table);

  const BalanceEdit* v3 = balance_at(table, edits, BalanceKind::sum, "L20");  // V.3 = its two children
  REQUIRE(v3 != nullptr);
  CHECK(parts_a1(table, *v3) == std::vector<std::string>{"L21", "L22"});
  const BalanceEdit* v = balance_at(table, edits, BalanceKind::sum, "L15");  // V = V.1 + V.2 + V.3
  REQUIRE(v != nullptr);
  CHECK(parts_a1(table, *v) == std::vector<std::string>{"L16", "L19", "L20"});
  const BalanceEdit* split = balance_at(table, edits, BalanceKind::split, "L22");  // Tổng số = NSTW + NSĐP
  REQUIRE(split != nullptr);
  CHECK(parts_a1(table, *split) == std::vector<std::string>{"M22", "N22"});
  const BalanceEdit* total = balance_at(table, edits, BalanceKind::total, "C8");  // TỔNG CỘNG = A + B + C
  REQUIRE(total != nullptr);
  CHECK(parts_a1(table, *total) == std::vector<std::string>{"C9", "C32", "C33"});
  CHECK(balance_at(table, edits, BalanceKind::sum, "C8") == nullptr);  // the grand total is judged once

  const auto rate = std::find_if(edits.ratios.begin(), edits.ratios.end(),
                                 [&](const RatioEdit& edit) { return a1(table, edit.rate) == "AD9"; });
  REQUIRE(rate != edits.ratios.end());
  CHECK(a1(table, rate->numerator) == "AA9");
  CHECK(a1(table, rate->plan) == "R9");
  CHECK(edits.blocked.empty());
  CHECK(edits.fixed_unknowns.empty());
  // Every balance edit a cell is in is indexed: L20 is V.3's total, a part of V, and its row's Tổng số.
  CHECK(edits.balances_of.at(TableCell{v3->target}).size() == 3);
}

TEST_CASE("edits judge the seed's errors the way phuluc check does", "[corrections][edits]") {
  const Workbook workbook = read_workbook(kSamples / "muong_kim_2026.xlsx");
  const Table table = table_on(workbook, kFundsSheet);
  const EditSystem edits = build_edit_system(table);
  const EditValues values(table, edits);
  std::vector<std::string> violated;
  for (const BalanceEdit& edit : edits.balances)
    if (!values.holds(edit)) violated.push_back(a1(table, edit.target));
  CHECK(violated == std::vector<std::string>{"L20", "M20"});  // 187,09 against 187 (expected_findings.csv)
  const BalanceEdit* v3 = balance_at(table, edits, BalanceKind::sum, "L20");
  REQUIRE(v3 != nullptr);
  CHECK(values.implied(*v3, v3->parts[1]) == Approx(187.09));  // what L22 would have to hold
  CHECK(values.tolerance(*v3) == Approx(0.005));               // L20 shows 2 decimals

  std::map<std::string, RatioState> rates;
  for (const RatioEdit& edit : edits.ratios) rates[a1(table, edit.rate)] = values.ratio_state(edit);
  CHECK(rates["AD9"] == RatioState::mismatch);
  CHECK(rates["AE9"] == RatioState::mismatch);
  CHECK(rates["AD14"] == RatioState::without_base);
  CHECK(rates["K8"] == RatioState::holds);         // 0 on a plan of 0 is right
  CHECK(rates["O22"] == RatioState::holds);        // 187 / 187,09 shows 100
  CHECK(rates["AD10"] == RatioState::not_judged);  // a blank rate is not judged
  CHECK(values.broken_ratio_count() == 4);
}

TEST_CASE("an amount that is no number blocks the edits it is in", "[corrections][edits]") {
  // lung_phinh_2025_dau_tu.csv: I21 holds "12,O00" (a letter O for a zero).
  const Workbook workbook = read_workbook(kSamples / "lung_phinh_2025_dau_tu.csv");
  const Table table = table_on(workbook, "lung_phinh_2025_dau_tu");
  const EditSystem edits = build_edit_system(table);
  REQUIRE(edits.fixed_unknowns.size() == 1);
  CHECK(a1(table, edits.fixed_unknowns.front()) == "I21");
  std::vector<std::string> blocked;
  for (const BalanceEdit& edit : edits.blocked) blocked.push_back(a1(table, edit.target));
  CHECK(std::find(blocked.begin(), blocked.end(), "G21") != blocked.end());  // its row's Tổng số
  for (const BalanceEdit& edit : edits.balances) {
    INFO(a1(table, edit.target));
    CHECK(a1(table, edit.target) != "G21");
  }
}

}  // namespace
}  // namespace phuluc
