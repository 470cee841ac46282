#include <catch2/catch.hpp>

#include "model/cell_ref.hpp"
#include "rules/rate_rule.hpp"
#include "table_builder.hpp"

using namespace phuluc;
using namespace phuluc::test;

namespace {

std::vector<Finding> run_rate(const Table& table) {
  std::vector<Finding> findings;
  RateRule{}.check(table, findings);
  return findings;
}

// Plan C, disbursed D, rate E (all Tổng số of block 0).
TableBuilder plan_disbursed_rate(std::optional<int> rate_decimals = std::nullopt) {
  TableBuilder b;
  b.add_column(ColumnRole::amount, Measure::plan, Split::total, 0, {"Kế hoạch vốn", "Tổng số"});
  b.add_column(ColumnRole::amount, Measure::disbursed, Split::total, 0, {"Giải ngân", "Tổng số"});
  b.add_column(ColumnRole::rate, Measure::disbursed, Split::total, 0, {"Tỷ lệ giải ngân", "Tổng số"}, rate_decimals);
  return b;
}

}  // namespace

TEST_CASE("rate rule reports the rate cell with the computed rate and its two amounts", "[rules][rate]") {
  auto b = plan_disbursed_rate();
  b.add_row("A", "Chương trình A", RowKind::program, -1, {num(255), num(255), num(200, 0)});
  const auto findings = run_rate(b.table());
  REQUIRE(findings.size() == 1);
  const Finding& f = findings.front();
  CHECK(f.code == "rate-mismatch");
  CHECK(f.severity == Severity::error);
  CHECK(to_a1(*f.cell) == "E8");
  CHECK(f.column == "Tỷ lệ giải ngân › Tổng số");
  CHECK(*f.found == 200.0);
  CHECK(*f.expected == Approx(100.0));
  CHECK(f.decimals == 0);
  CHECK(f.related == std::vector<std::string>{"D8", "C8"});
}

TEST_CASE("rate rule compares at the rate cell's displayed decimals", "[rules][rate][tolerance]") {
  struct Case {
    double plan, disbursed, rate;
    std::optional<int> cell_decimals;
    std::optional<int> column_decimals;
    bool reported;
  };
  const Case cases[] = {
      {660.862, 509.834, 77.15, 2, std::nullopt, false},  // 77.147 → 77.15
      {660.862, 509.834, 77.16, 2, std::nullopt, true},
      {660.862, 509.834, 77.1, 1, std::nullopt, false},
      {589.503, 579.503, 98, 0, std::nullopt, false},  // 98.30 shown as 98
      {660.862, 650.862, 98, 0, std::nullopt, false},  // 98.49 shown as 98
      {660.862, 650.862, 99, 0, std::nullopt, true},
      {272.5, 262.5, 96.33, std::nullopt, 2, false},  // the column's decimals when the cell has none
      {272.5, 262.5, 96.3, std::nullopt, 2, true},
      {272.5, 262.5, 96, std::nullopt, std::nullopt, false},    // General format: shows its own digits, 0 here
      {272.5, 262.5, 96.3, std::nullopt, std::nullopt, false},  // 96.33 at 1 decimal
      {272.5, 262.5, 96.4, std::nullopt, std::nullopt, true},
  };
  for (const auto& c : cases) {
    auto b = plan_disbursed_rate(c.column_decimals);
    b.add_row("I", "Dự án", RowKind::project, -1, {num(c.plan), num(c.disbursed), num(c.rate, c.cell_decimals)});
    INFO("rate " << c.rate);
    CHECK(run_rate(b.table()).size() == (c.reported ? 1u : 0u));
  }
}

TEST_CASE("rate rule reports a rate on a plan of 0 as rate-without-base", "[rules][rate]") {
  auto b = plan_disbursed_rate();
  b.add_row("IV", "Dự án 4", RowKind::project, -1, {num(0), blank(), num(100)});
  const auto findings = run_rate(b.table());
  REQUIRE(findings.size() == 1);
  const Finding& f = findings.front();
  CHECK(f.code == "rate-without-base");
  CHECK(f.severity == Severity::error);
  CHECK(to_a1(*f.cell) == "E8");
  CHECK(*f.found == 100.0);
  CHECK_FALSE(f.expected);
  CHECK(f.related == std::vector<std::string>{"C8"});
}

TEST_CASE("rate rule accepts blank, 0 and a dash on a plan of 0", "[rules][rate]") {
  auto b = plan_disbursed_rate();
  b.add_row("1", "a", RowKind::content, -1, {num(0), num(0), blank()});
  b.add_row("2", "b", RowKind::content, -1, {blank(), blank(), num(0)});
  b.add_row("3", "c", RowKind::content, -1, {dash(), dash(), dash()});
  b.add_row("4", "d", RowKind::content, -1, {num(0.0001, 3), num(0), text_num("0,0", 0, 1)});  // plan shows 0,000
  CHECK(run_rate(b.table()).empty());
}

TEST_CASE("rate rule checks a dash rate as 0 and leaves a blank rate alone", "[rules][rate]") {
  auto b = plan_disbursed_rate();
  b.add_row("1", "a", RowKind::content, -1, {num(255), num(0), dash()});     // 0 % is right
  b.add_row("2", "b", RowKind::content, -1, {num(255), num(100), blank()});  // no rate given
  b.add_row("3", "c", RowKind::content, -1, {num(255), num(100), dash()});   // 39 %, not 0
  const auto findings = run_rate(b.table());
  REQUIRE(findings.size() == 1);
  CHECK(findings.front().stt == "3");
}

TEST_CASE("rate rule divides the nearest amount group on the left by the plan, split by split", "[rules][rate]") {
  TableBuilder b;
  b.add_triple(ColumnRole::amount, Measure::plan, 1, "Kế hoạch vốn");              // C D E
  b.add_triple(ColumnRole::amount, Measure::disbursed, 1, "Giải ngân đến 15/6");   // F G H
  b.add_triple(ColumnRole::rate, Measure::disbursed, 1, "Tỷ lệ giải ngân");        // I J K
  b.add_triple(ColumnRole::amount, Measure::estimate, 1, "Ước giải ngân cả năm");  // L M N
  b.add_triple(ColumnRole::rate, Measure::disbursed, 1, "Tỷ lệ giải ngân");  // O P Q: its words say "giải ngân"
  b.add_row("A", "Chương trình", RowKind::program, -1,
            {num(255), num(255), num(0), num(0), num(0), num(0), dash(), dash(), num(0), num(255), num(255), num(0),
             num(100), num(200), num(0)});
  const auto findings = run_rate(b.table());
  REQUIRE(findings.size() == 1);
  CHECK(to_a1(*findings.front().cell) == "P8");
  CHECK(findings.front().related == std::vector<std::string>{"M8", "D8"});
}

TEST_CASE("rate rule takes the nearest amount to the left when the rate's measure is not known", "[rules][rate]") {
  TableBuilder b;
  b.add_column(ColumnRole::amount, Measure::plan, Split::none, 0, {"Kế hoạch"});        // C
  b.add_column(ColumnRole::amount, Measure::disbursed, Split::none, 0, {"Giải ngân"});  // D
  b.add_column(ColumnRole::rate, Measure::none, Split::none, 0, {"%"});                 // E
  b.add_column(ColumnRole::amount, Measure::estimate, Split::none, 0, {"Ước"});         // F
  b.add_column(ColumnRole::rate, Measure::none, Split::none, 0, {"%"});                 // G
  b.add_row("1", "a", RowKind::content, -1, {num(200), num(50), num(25), num(150), num(25)});
  const auto findings = run_rate(b.table());
  REQUIRE(findings.size() == 1);
  CHECK(to_a1(*findings.front().cell) == "G8");
  CHECK(*findings.front().expected == Approx(75.0));
}

TEST_CASE("rate rule says the structure is unclear rather than guess a plan column", "[rules][rate][structure]") {
  SECTION("no plan in the block") {
    TableBuilder b;
    b.add_column(ColumnRole::amount, Measure::disbursed, Split::none, 0, {"Giải ngân"});
    b.add_column(ColumnRole::rate, Measure::disbursed, Split::none, 0, {"Tỷ lệ"});
    b.add_row("1", "a", RowKind::content, -1, {num(5), num(999)});
    const auto findings = run_rate(b.table());
    REQUIRE(findings.size() == 1);
    CHECK(findings.front().code == "structure-unclear");
    CHECK(findings.front().reason == "rate-no-plan");
    CHECK(to_a1(*findings.front().cell) == "D7");
  }
  SECTION("two plans in the block") {
    TableBuilder b;
    b.add_column(ColumnRole::amount, Measure::plan, Split::none, 0, {"Kế hoạch giao"});
    b.add_column(ColumnRole::amount, Measure::plan, Split::none, 0, {"Kế hoạch điều chỉnh"});
    b.add_column(ColumnRole::amount, Measure::disbursed, Split::none, 0, {"Giải ngân"});
    b.add_column(ColumnRole::rate, Measure::disbursed, Split::none, 0, {"Tỷ lệ"});
    b.add_row("1", "a", RowKind::content, -1, {num(10), num(20), num(5), num(999)});
    const auto findings = run_rate(b.table());
    REQUIRE(findings.size() == 1);
    CHECK(findings.front().reason == "rate-plan-ambiguous");
  }
  SECTION("no disbursement in the block") {
    TableBuilder b;
    b.add_column(ColumnRole::amount, Measure::plan, Split::none, 0, {"Kế hoạch"});
    b.add_column(ColumnRole::rate, Measure::disbursed, Split::none, 0, {"Tỷ lệ"});
    b.add_row("1", "a", RowKind::content, -1, {num(10), num(999)});
    const auto findings = run_rate(b.table());
    REQUIRE(findings.size() == 1);
    CHECK(findings.front().reason == "rate-no-numerator");
  }
}

TEST_CASE("rate rule notes a skipped check when an amount is not a number", "[rules][rate]") {
  auto b = plan_disbursed_rate();
  b.add_row("1", "a", RowKind::content, -1, {text("chưa giao"), num(5), num(50)});
  const auto findings = run_rate(b.table());
  REQUIRE(findings.size() == 1);
  CHECK(findings.front().code == "check-skipped");
  CHECK(findings.front().reason == "rate");
  CHECK(findings.front().related == std::vector<std::string>{"C8"});
}

TEST_CASE("rate rule matches splits by their header words, whatever they are", "[rules][rate]") {
  // Lùng Phình's phụ biểu 01: Tổng số | Vốn năm 2024 chuyển sang | Vốn giao năm 2025 in each group.
  TableBuilder b;
  for (const char* group : {"Kế hoạch vốn năm 2025", "Giải ngân đến ngày 15/11/2025", "Tỷ lệ giải ngân (%)"}) {
    const bool rate = std::string(group).rfind("Tỷ lệ", 0) == 0;
    const ColumnRole role = rate ? ColumnRole::rate : ColumnRole::amount;
    b.add_column(role, Measure::none, Split::total, -1, {group, "Tổng số"});
    b.add_column(role, Measure::other, Split::none, -1, {group, "Vốn năm 2024 chuyển sang"});
    b.add_column(role, Measure::plan, Split::none, -1, {group, "Vốn giao năm 2025"});
  }
  b.add_row("", "TỔNG CỘNG", RowKind::grand_total, -1,
            {num(20336), num(4457), num(15878), num(13646), num(3083), num(10563), num(67.11, 2), num(69.17, 2),
             num(66.53, 2)});
  b.add_row(
      "A", "Chương trình", RowKind::program, -1,
      {num(11335), num(3618), num(7717), num(6544), num(2432), num(4112), num(57.3, 1), num(67.22, 2), num(53.28, 2)});
  const auto findings = run_rate(b.table());
  REQUIRE(findings.size() == 2);
  CHECK(to_a1(*findings[0].cell) == "I8");
  CHECK(*findings[0].expected == Approx(13646.0 / 20336 * 100));
  CHECK(to_a1(*findings[1].cell) == "I9");
  CHECK(findings[1].related == std::vector<std::string>{"F9", "C9"});
  CHECK(*findings[1].expected == Approx(57.73).epsilon(0.001));
}

TEST_CASE("rate rule uses the groups' totals for a rate column with no split", "[rules][rate]") {
  TableBuilder b;
  b.add_triple(ColumnRole::amount, Measure::plan, -1, "Kế hoạch vốn năm 2025");                     // C D E
  b.add_triple(ColumnRole::amount, Measure::disbursed, -1, "Giải ngân đến 15/11/2025");             // F G H
  b.add_column(ColumnRole::rate, Measure::disbursed, Split::none, -1, {"Tỷ lệ giải ngân (%)"}, 1);  // I
  b.add_row("2", "Công trình", RowKind::content, -1,
            {num(760.5), num(760.5), blank(), num(444.132), num(444.132), blank(), text_num("85,4", 85.4, 1)});
  const auto findings = run_rate(b.table());
  REQUIRE(findings.size() == 1);
  CHECK(findings.front().related == std::vector<std::string>{"F8", "C8"});
  CHECK(*findings.front().expected == Approx(58.4).epsilon(0.001));
}

TEST_CASE("rate rule finds the plan one level up for a rate inside a disbursement group", "[rules][rate]") {
  TableBuilder b;
  b.add_column(ColumnRole::amount, Measure::plan, Split::none, -1, {"Kế hoạch"});                   // C
  b.add_column(ColumnRole::amount, Measure::disbursed, Split::none, -1, {"Giải ngân", "Số tiền"});  // D
  b.add_column(ColumnRole::rate, Measure::disbursed, Split::none, -1, {"Giải ngân", "Tỷ lệ %"});    // E
  b.add_row("1", "a", RowKind::content, -1, {num(80), num(20), num(25, 0)});
  b.add_row("2", "b", RowKind::content, -1, {num(80), num(20), num(20, 0)});
  const auto findings = run_rate(b.table());
  REQUIRE(findings.size() == 1);
  CHECK(findings.front().stt == "2");
  CHECK(findings.front().related == std::vector<std::string>{"D9", "C9"});
}

TEST_CASE("rate rule judges a fraction under a percent format as the percentage it shows", "[rules][rate]") {
  auto b = plan_disbursed_rate();
  TableValue fraction = num(0.7438, 2);  // "0.00%": shows 74,38%
  fraction.percent_format = true;
  TableValue wrong = num(0.7538, 2);
  wrong.percent_format = true;
  b.add_row("A", "a", RowKind::program, -1, {num(589.503), num(438.475), fraction});
  b.add_row("B", "b", RowKind::program, -1, {num(589.503), num(438.475), wrong});
  const auto findings = run_rate(b.table());
  REQUIRE(findings.size() == 1);
  CHECK(findings.front().stt == "B");
  CHECK(*findings.front().found == Approx(75.38));
  CHECK(*findings.front().expected == Approx(74.38).epsilon(0.0001));
}
