#include <catch2/catch.hpp>

#include "model/cell_ref.hpp"
#include "rules/split_rule.hpp"
#include "table_builder.hpp"

using namespace phuluc;
using namespace phuluc::test;

namespace {

std::vector<Finding> run_split(const Table& table) {
  std::vector<Finding> findings;
  SplitRule{}.check(table, findings);
  return findings;
}

}  // namespace

TEST_CASE("split rule reports the Tổng số cell with NSTW and NSĐP as related cells", "[rules][split]") {
  TableBuilder b;
  b.add_triple(ColumnRole::amount, Measure::plan, 0, "Kế hoạch vốn", 3);
  b.add_row("V", "Dự án 5", RowKind::project, -1, {num(541.852), num(541.852), num(0)});
  b.add_row("VIII", "Dự án 8", RowKind::project, -1, {num(47.651), num(40), num(7.6)});

  const auto findings = run_split(b.table());
  REQUIRE(findings.size() == 1);
  const Finding& f = findings.front();
  CHECK(f.code == "split-mismatch");
  CHECK(f.severity == Severity::error);
  CHECK(to_a1(*f.cell) == "C9");
  CHECK(f.stt == "VIII");
  CHECK(f.column == "Kế hoạch vốn › Tổng số");
  CHECK(*f.found == Approx(47.651));
  CHECK(*f.expected == Approx(47.6));
  CHECK(f.decimals == 3);
  CHECK(f.related == std::vector<std::string>{"D9", "E9"});
}

TEST_CASE("split rule checks every triple of every block and measure", "[rules][split]") {
  TableBuilder b;
  b.add_triple(ColumnRole::amount, Measure::plan, 0, "Kế hoạch vốn");
  b.add_triple(ColumnRole::amount, Measure::disbursed, 0, "Giải ngân");
  b.add_triple(ColumnRole::rate, Measure::disbursed, 0, "Tỷ lệ giải ngân");
  b.add_triple(ColumnRole::amount, Measure::plan, 1, "Kế hoạch vốn");
  b.add_row("A", "Chương trình", RowKind::program, -1,
            {num(10), num(6), num(4), num(5), num(5), num(1), num(50), num(83.3), num(25), num(9), num(9), num(1)});
  const auto findings = run_split(b.table());
  REQUIRE(findings.size() == 2);
  CHECK(to_a1(*findings[0].cell) == "F8");  // disbursed 5 ≠ 5 + 1
  CHECK(to_a1(*findings[1].cell) == "L8");  // block 1 plan 9 ≠ 9 + 1; rates are never added up
}

TEST_CASE("split rule finds the groups of a 'Tổng số | Trong đó: NSTW | NSĐP' header", "[rules][split]") {
  TableBuilder b;
  b.add_column(ColumnRole::amount, Measure::plan, Split::total, 0, {"Kế hoạch vốn", "Tổng số", "Tổng số"});
  b.add_column(ColumnRole::amount, Measure::plan, Split::central, 0, {"Kế hoạch vốn", "Trong đó", "NSTW"});
  b.add_column(ColumnRole::amount, Measure::plan, Split::local, 0, {"Kế hoạch vốn", "Trong đó", "NSĐP"});
  b.add_row("A", "Chương trình", RowKind::program, -1, {num(10), num(6), num(3)});
  const auto findings = run_split(b.table());
  REQUIRE(findings.size() == 1);
  CHECK(*findings.front().expected == Approx(9.0));
}

TEST_CASE("split rule skips rows where NSTW and NSĐP are both blank", "[rules][split]") {
  TableBuilder b;
  b.add_triple(ColumnRole::amount, Measure::plan, 0, "Kế hoạch vốn");
  b.add_row("I", "Dự án 1", RowKind::project, -1, {num(10), blank(), blank()});
  b.add_row("II", "Dự án 2", RowKind::project, -1, {num(10), blank(), dash()});
  b.add_row("III", "Dự án 3", RowKind::project, -1, {blank(), num(10), blank()});
  const auto findings = run_split(b.table());
  REQUIRE(findings.size() == 2);
  CHECK(findings[0].stt == "II");  // a dash is an explicit zero
  CHECK(*findings[0].found == 10.0);
  CHECK(findings[1].stt == "III");  // a blank Tổng số is zero, and its found value is empty
  CHECK_FALSE(findings[1].found);
  CHECK(*findings[1].expected == 10.0);
}

TEST_CASE("split rule notes a skipped check when NSTW or NSĐP is not a number", "[rules][split]") {
  TableBuilder b;
  b.add_triple(ColumnRole::amount, Measure::plan, 0, "Kế hoạch vốn");
  b.add_row("I", "Dự án 1", RowKind::project, -1, {num(10), with_state(ValueState::ambiguous_text, "38.996"), num(1)});
  const auto findings = run_split(b.table());
  REQUIRE(findings.size() == 1);
  CHECK(findings.front().code == "check-skipped");
  CHECK(findings.front().reason == "split");
  CHECK(findings.front().related == std::vector<std::string>{"D8"});
}

TEST_CASE("split rule says the structure is unclear when a part has no total of its own", "[rules][split][structure]") {
  TableBuilder b;
  b.add_column(ColumnRole::amount, Measure::plan, Split::total, 0, {"Kế hoạch vốn", "Tổng số"});
  b.add_column(ColumnRole::amount, Measure::plan, Split::central, 0, {"Kế hoạch vốn", "NSTW", "Đầu tư"});
  b.add_column(ColumnRole::amount, Measure::plan, Split::central, 0, {"Kế hoạch vốn", "NSTW", "Sự nghiệp"});
  b.add_column(ColumnRole::amount, Measure::plan, Split::local, 0, {"Kế hoạch vốn", "NSĐP", "NSĐP"});
  b.add_row("I", "Dự án 1", RowKind::project, -1, {num(99), num(1), num(1), num(1)});
  const auto findings = run_split(b.table());
  REQUIRE(findings.size() == 1);
  CHECK(findings.front().code == "structure-unclear");
  CHECK(findings.front().severity == Severity::warning);
  CHECK(findings.front().reason == "split-group-incomplete");
  CHECK(to_a1(*findings.front().cell) == "C7");  // the Tổng số header cell, last header row
}

TEST_CASE("split rule says the structure is unclear for two totals in one group", "[rules][split][structure]") {
  TableBuilder b;
  b.add_column(ColumnRole::amount, Measure::plan, Split::total, 0, {"Kế hoạch vốn", "Tổng số"});
  b.add_column(ColumnRole::amount, Measure::plan, Split::central, 0, {"Kế hoạch vốn", "NSTW"});
  b.add_column(ColumnRole::amount, Measure::plan, Split::local, 0, {"Kế hoạch vốn", "NSĐP"});
  b.add_column(ColumnRole::amount, Measure::plan, Split::total, 0, {"Kế hoạch vốn", "Tổng cộng"});
  b.add_row("I", "Dự án 1", RowKind::project, -1, {num(99), num(1), num(1), num(2)});
  const auto findings = run_split(b.table());
  REQUIRE(findings.size() == 1);
  CHECK(findings.front().code == "structure-unclear");
}

TEST_CASE("split rule adds up any parts a total heads, through each part's own total", "[rules][split]") {
  // Mường Khoa's biểu 02: Tổng nguồn vốn = NSTW (its Tổng số) + Ngân sách xã + Vốn lồng ghép (its Tổng số).
  TableBuilder b;
  b.add_column(ColumnRole::amount, Measure::other, Split::none, -1, {"Tổng nguồn vốn", "Tổng nguồn vốn"});  // C
  b.add_column(ColumnRole::amount, Measure::none, Split::total, -1, {"Ngân sách Trung ương", "Tổng số"});   // D
  b.add_column(ColumnRole::amount, Measure::other, Split::none, -1, {"Ngân sách Trung ương", "Vốn đầu tư phát triển"});
  b.add_column(ColumnRole::amount, Measure::other, Split::none, -1, {"Ngân sách Trung ương", "Vốn sự nghiệp"});
  b.add_column(ColumnRole::amount, Measure::other, Split::none, -1, {"Ngân sách xã", "Ngân sách xã"});  // G
  b.add_column(ColumnRole::amount, Measure::other, Split::total, -1, {"Vốn lồng ghép", "Tổng số"});     // H
  b.add_column(ColumnRole::amount, Measure::other, Split::none, -1, {"Vốn lồng ghép", "CT MTQG giảm nghèo bền vững"});
  b.add_column(ColumnRole::amount, Measure::other, Split::none, -1, {"Vốn lồng ghép", "CT MTQG DTTS&MN"});
  b.add_column(ColumnRole::note, Measure::none, Split::none, -1, {"Ghi chú", "Ghi chú"});
  b.add_row("", "TỔNG CỘNG", RowKind::grand_total, -1,
            {num(3900), num(1304), num(504), num(800), num(40), num(2256), num(602), num(1954), blank()});
  const auto findings = run_split(b.table());
  REQUIRE(findings.size() == 2);
  CHECK(to_a1(*findings[0].cell) == "C8");
  CHECK(*findings[0].expected == Approx(3600));
  CHECK(findings[0].related == std::vector<std::string>{"D8", "G8", "H8"});
  CHECK(to_a1(*findings[1].cell) == "H8");
  CHECK(*findings[1].expected == Approx(2556));
}

TEST_CASE("split rule does not add up different measures or a Tổng mức đầu tư", "[rules][split]") {
  TableBuilder b;
  b.add_column(ColumnRole::amount, Measure::other, Split::none, -1, {"Tổng mức đầu tư"});
  b.add_column(ColumnRole::amount, Measure::plan, Split::none, -1, {"Kế hoạch vốn"});
  b.add_column(ColumnRole::amount, Measure::disbursed, Split::none, -1, {"Giải ngân"});
  b.add_column(ColumnRole::amount, Measure::none, Split::total, -1, {"Tổng số"});
  b.add_row("1", "Công trình", RowKind::content, -1, {num(500), num(100), num(50), num(1)});
  std::vector<std::size_t> unclear;
  CHECK(split_groups(b.table(), unclear).empty());
  CHECK(unclear.empty());
}

TEST_CASE("split rule trusts the group's measure over its parts' own words", "[rules][split]") {
  // Lùng Phình: "Giải ngân › Vốn giao năm 2025" says "vốn giao" (a plan word) under a disbursement.
  TableBuilder b;
  b.add_column(ColumnRole::amount, Measure::disbursed, Split::total, 0, {"Giải ngân đến 15/11/2025", "Tổng số"});
  b.add_column(ColumnRole::amount, Measure::other, Split::none, 0,
               {"Giải ngân đến 15/11/2025", "Vốn năm 2024 chuyển sang"});
  b.add_column(ColumnRole::amount, Measure::plan, Split::none, 0, {"Giải ngân đến 15/11/2025", "Vốn giao năm 2025"});
  b.add_row("A", "Chương trình", RowKind::program, -1, {num(6544), num(2432), num(4100)});
  const auto findings = run_split(b.table());
  REQUIRE(findings.size() == 1);
  CHECK(*findings.front().expected == Approx(6532));
}

TEST_CASE("split groups ignore a lone Tổng số column", "[rules][split][structure]") {
  TableBuilder b;
  b.add_column(ColumnRole::amount, Measure::plan, Split::total, 0, {"Kế hoạch vốn", "Tổng số"});
  b.add_column(ColumnRole::amount, Measure::disbursed, Split::total, 0, {"Giải ngân", "Tổng số"});
  std::vector<std::size_t> unclear;
  CHECK(split_groups(b.table(), unclear).empty());
  CHECK(unclear.empty());
}
