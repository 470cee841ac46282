#include <catch2/catch.hpp>

#include "model/cell_ref.hpp"
#include "rules/sum_rule.hpp"
#include "table_builder.hpp"

using namespace phuluc;
using namespace phuluc::test;

namespace {

std::vector<Finding> run_sum(const Table& table) {
  std::vector<Finding> findings;
  SumRule{}.check(table, findings);
  return findings;
}

}  // namespace

TEST_CASE("sum rule reports the parent cell, both values and the children", "[rules][sum]") {
  TableBuilder b;
  b.add_column(ColumnRole::amount, Measure::estimate, Split::total, 0, {"Ước giải ngân", "Tổng số"});
  const int parent = b.add_row("V.3", "Tiểu dự án 3", RowKind::subproject, -1, {text_num("187,09", 187.09, 2)});
  b.add_row("", "Hỗ trợ chi phí đào tạo nghề", RowKind::content, parent, {num(187, 0)});

  const auto findings = run_sum(b.table());
  REQUIRE(findings.size() == 1);
  const Finding& f = findings.front();
  CHECK(f.code == "sum-mismatch");
  CHECK(f.severity == Severity::error);
  CHECK(f.sheet == "Biểu 01");
  REQUIRE(f.cell);
  CHECK(to_a1(*f.cell) == "C8");
  CHECK(f.stt == "V.3");
  CHECK(f.row_label == "Tiểu dự án 3");
  CHECK(f.column == "Ước giải ngân › Tổng số");
  CHECK(*f.found == Approx(187.09));
  CHECK(*f.expected == Approx(187.0));
  CHECK(*f.difference() == Approx(0.09));
  CHECK(f.decimals == 2);
  CHECK(f.found_text == "187,09");
  CHECK(f.related == std::vector<std::string>{"C9"});
}

TEST_CASE("sum rule compares at half a unit of the parent's displayed decimals", "[rules][sum][tolerance]") {
  struct Case {
    double parent;
    std::optional<int> decimals;
    double child_a, child_b;
    bool reported;
  };
  const Case cases[] = {
      {10.5, 0, 5.2, 5.2, false},  // 10.4 shown as 10 or 11: within 0.5
      {10.0, 0, 5.3, 5.3, true},   // 10.6 vs 10: more than 0.5
      {10.40, 2, 5.2, 5.2, false},
      {10.41, 2, 5.2, 5.2, true},     // 0.01 > 0.005
      {10.4004, 3, 5.2, 5.2, false},  // 0.0004 < 0.0005
      {10.401, 3, 5.2, 5.2, true},
      {10.401, 5, 5.2, 5.2, true},               // never finer than 3 decimals, but 0.001 is still over 0.0005
      {10.40004, 5, 5.2, 5.2, false},            // 0.00004 is below what 3 decimals can tell
      {10.4004, std::nullopt, 5.2, 5.2, false},  // unknown display: 3 decimals
      {10.402, std::nullopt, 5.2, 5.2, true},
      {0.3, 1, 0.1, 0.2, false},  // 0.1 + 0.2 is not exactly 0.3 in binary
  };
  for (const auto& c : cases) {
    TableBuilder b;
    b.add_column(ColumnRole::amount, Measure::plan, Split::none, 0, {"Kế hoạch vốn"});
    const int parent = b.add_row("I", "Dự án 1", RowKind::project, -1, {num(c.parent, c.decimals)});
    b.add_row("1", "a", RowKind::content, parent, {num(c.child_a)});
    b.add_row("2", "b", RowKind::content, parent, {num(c.child_b)});
    INFO("parent " << c.parent << " decimals " << c.decimals.value_or(-1));
    CHECK(run_sum(b.table()).size() == (c.reported ? 1u : 0u));
  }
}

TEST_CASE("sum rule uses the column's decimals when the cell has none", "[rules][sum][tolerance]") {
  TableBuilder b;
  b.add_column(ColumnRole::amount, Measure::plan, Split::none, 0, {"Kế hoạch vốn"}, 0);
  const int parent = b.add_row("I", "Dự án 1", RowKind::project, -1, {num(10)});
  b.add_row("1", "a", RowKind::content, parent, {num(10.3)});
  CHECK(run_sum(b.table()).empty());
  b.table().columns[2].decimals = 1;
  CHECK(run_sum(b.table()).size() == 1);
}

TEST_CASE("sum rule skips a parent whose children are all blank, not one whose children are dashes", "[rules][sum]") {
  TableBuilder b;
  b.add_column(ColumnRole::amount, Measure::plan, Split::none, 0, {"Kế hoạch vốn"});
  b.add_column(ColumnRole::amount, Measure::disbursed, Split::none, 0, {"Giải ngân"});
  const int parent = b.add_row("I", "Dự án 1", RowKind::project, -1, {num(50), num(20)});
  b.add_row("1", "a", RowKind::content, parent, {blank(), dash()});
  b.add_row("2", "b", RowKind::content, parent, {blank(), dash()});

  const auto findings = run_sum(b.table());
  REQUIRE(findings.size() == 1);
  CHECK(to_a1(*findings.front().cell) == "D8");
  CHECK(*findings.front().expected == 0.0);
}

TEST_CASE("sum rule reports a blank parent whose children hold amounts", "[rules][sum]") {
  TableBuilder b;
  b.add_column(ColumnRole::amount, Measure::plan, Split::none, 0, {"Kế hoạch vốn"});
  const int parent = b.add_row("I", "Dự án 1", RowKind::project, -1, {blank()});
  b.add_row("1", "a", RowKind::content, parent, {num(3)});
  const auto findings = run_sum(b.table());
  REQUIRE(findings.size() == 1);
  CHECK_FALSE(findings.front().found);  // the cell is empty: nothing was found
  CHECK(*findings.front().expected == 3.0);
}

TEST_CASE("sum rule never guesses a child that is not a number: it notes the skipped check", "[rules][sum]") {
  for (const auto state :
       {ValueState::not_a_number, ValueState::ambiguous_text, ValueState::error, ValueState::no_cached_value}) {
    TableBuilder b;
    b.add_column(ColumnRole::amount, Measure::plan, Split::none, 0, {"Kế hoạch vốn"});
    const int parent = b.add_row("I", "Dự án 1", RowKind::project, -1, {num(100)});
    b.add_row("1", "a", RowKind::content, parent, {num(1)});
    b.add_row("2", "b", RowKind::content, parent, {with_state(state, "38.996")});
    const auto findings = run_sum(b.table());
    REQUIRE(findings.size() == 1);
    CHECK(findings.front().code == "check-skipped");
    CHECK(findings.front().severity == Severity::notice);
    CHECK(findings.front().reason == "sum");
    CHECK(to_a1(*findings.front().cell) == "C8");
    CHECK(findings.front().related == std::vector<std::string>{"C10"});
  }
}

TEST_CASE("sum rule leaves a parent that is not a number to the not-a-number rule", "[rules][sum]") {
  TableBuilder b;
  b.add_column(ColumnRole::amount, Measure::plan, Split::none, 0, {"Kế hoạch vốn"});
  const int parent = b.add_row("I", "Dự án 1", RowKind::project, -1, {text("abc")});
  b.add_row("1", "a", RowKind::content, parent, {num(1)});
  CHECK(run_sum(b.table()).empty());
}

TEST_CASE("sum rule never sums rates and leaves the grand total to the total rule", "[rules][sum]") {
  TableBuilder b;
  b.add_column(ColumnRole::rate, Measure::disbursed, Split::none, 0, {"Tỷ lệ giải ngân"});
  b.add_column(ColumnRole::note, Measure::none, Split::none, -1, {"Ghi chú"});
  const int total = b.add_row("", "TỔNG CỘNG", RowKind::grand_total, -1, {num(50), blank()});
  b.add_row("A", "Chương trình A", RowKind::program, total, {num(50), blank()});
  b.add_row("B", "Chương trình B", RowKind::program, total, {num(50), blank()});
  CHECK(run_sum(b.table()).empty());

  TableBuilder amounts;
  amounts.add_column(ColumnRole::amount, Measure::plan, Split::none, 0, {"Kế hoạch vốn"});
  const int grand = amounts.add_row("", "TỔNG CỘNG", RowKind::grand_total, -1, {num(1)});
  amounts.add_row("A", "Chương trình A", RowKind::program, grand, {num(5)});
  CHECK(run_sum(amounts.table()).empty());
}

TEST_CASE("sum rule checks every level of the hierarchy, column by column", "[rules][sum]") {
  TableBuilder b;
  b.add_triple(ColumnRole::amount, Measure::plan, 0, "Kế hoạch vốn", 3);
  const int program = b.add_row("A", "Chương trình", RowKind::program, -1, {num(10), num(10), num(0)});
  const int project = b.add_row("I", "Dự án 1", RowKind::project, program, {num(10), num(10), num(0)});
  b.add_row("I.1", "Tiểu dự án 1", RowKind::subproject, project, {num(4), num(4), num(0)});
  b.add_row("I.2", "Tiểu dự án 2", RowKind::subproject, project, {num(5), num(6), num(1)});
  const auto findings = run_sum(b.table());
  REQUIRE(findings.size() == 2);
  CHECK(to_a1(*findings[0].cell) == "C9");  // project Tổng số: 10 against 4 + 5
  CHECK(*findings[0].expected == Approx(9.0));
  CHECK(to_a1(*findings[1].cell) == "E9");  // project NSĐP: 0 against 0 + 1; NSTW 10 = 4 + 6 holds
  CHECK(*findings[1].expected == Approx(1.0));
}
