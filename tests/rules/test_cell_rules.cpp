#include <catch2/catch.hpp>

#include "model/cell_ref.hpp"
#include "rules/negative_amount_rule.hpp"
#include "rules/not_a_number_rule.hpp"
#include "table_builder.hpp"

using namespace phuluc;
using namespace phuluc::test;

TEST_CASE("not-a-number rule reports text and error values in amount and rate columns only", "[rules][not-a-number]") {
  TableBuilder b;
  b.add_column(ColumnRole::amount, Measure::plan, Split::none, 0, {"Kế hoạch vốn"});  // C
  b.add_column(ColumnRole::rate, Measure::disbursed, Split::none, 0, {"Tỷ lệ"});      // D
  b.add_column(ColumnRole::note, Measure::none, Split::none, -1, {"Ghi chú"});        // E
  b.add_row("1", "a", RowKind::content, -1, {text("chưa giao"), with_state(ValueState::error, "#DIV/0!"), text("x")});
  b.add_row(
      "2", "b", RowKind::content, -1,
      {with_state(ValueState::ambiguous_text, "38.996"), with_state(ValueState::no_cached_value, "=C9/B9"), blank()});
  std::vector<Finding> findings;
  NotANumberRule{}.check(b.table(), findings);
  REQUIRE(findings.size() == 2);
  CHECK(findings[0].code == "not-a-number");
  CHECK(findings[0].severity == Severity::error);
  CHECK(to_a1(*findings[0].cell) == "C8");
  CHECK(findings[0].found_text == "chưa giao");
  CHECK_FALSE(findings[0].found);
  CHECK(to_a1(*findings[1].cell) == "D8");
  CHECK(findings[1].found_text == "#DIV/0!");
}

TEST_CASE("negative-amount rule warns about plans, disbursements and estimates below zero", "[rules][negative]") {
  TableBuilder b;
  b.add_column(ColumnRole::amount, Measure::plan, Split::none, 0, {"Kế hoạch vốn"});         // C
  b.add_column(ColumnRole::amount, Measure::disbursed, Split::none, 0, {"Giải ngân"});       // D
  b.add_column(ColumnRole::amount, Measure::estimate, Split::none, 0, {"Ước giải ngân"});    // E
  b.add_column(ColumnRole::amount, Measure::other, Split::none, 0, {"Tăng (+), giảm (-)"});  // F
  b.add_row("1", "a", RowKind::content, -1, {num(-5, 0), text_num("-1,5", -1.5, 1), num(-0.0001, 3), num(-7)});
  std::vector<Finding> findings;
  NegativeAmountRule{}.check(b.table(), findings);
  REQUIRE(findings.size() == 2);  // -0.0001 shows as 0,000; F may be negative
  CHECK(findings[0].code == "negative-amount");
  CHECK(findings[0].severity == Severity::warning);
  CHECK(to_a1(*findings[0].cell) == "C8");
  CHECK(*findings[0].found == -5.0);
  CHECK(findings[0].decimals == 0);
  CHECK(to_a1(*findings[1].cell) == "D8");
  CHECK(findings[1].found_text == "-1,5");
}

TEST_CASE("negative-amount rule takes the measure from the header group above the column", "[rules][negative]") {
  TableBuilder b;
  // The column's own words ("Vốn năm 2024 chuyển sang") name no measure; its group names the disbursement.
  b.add_column(ColumnRole::amount, Measure::other, Split::none, 0, {"Giải ngân đến 15/11", "Vốn năm 2024 chuyển sang"});
  b.add_column(ColumnRole::amount, Measure::other, Split::none, 0, {"Chênh lệch", "Tăng (+), giảm (-)"});
  b.add_row("1", "a", RowKind::content, -1, {num(-3), num(-3)});
  std::vector<Finding> findings;
  NegativeAmountRule{}.check(b.table(), findings);
  REQUIRE(findings.size() == 1);
  CHECK(to_a1(*findings.front().cell) == "C8");
}
