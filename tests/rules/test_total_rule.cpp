#include <catch2/catch.hpp>

#include "model/cell_ref.hpp"
#include "rules/total_rule.hpp"
#include "table_builder.hpp"

using namespace phuluc;
using namespace phuluc::test;

namespace {

std::vector<Finding> run_total(const Table& table) {
  std::vector<Finding> findings;
  TotalRule{}.check(table, findings);
  return findings;
}

}  // namespace

TEST_CASE("total rule compares TỔNG CỘNG with the top-level rows when they have no parent", "[rules][total]") {
  TableBuilder b;
  b.add_column(ColumnRole::amount, Measure::plan, Split::none, 0, {"Kế hoạch vốn"}, 3);
  b.add_row("", "TỔNG CỘNG", RowKind::grand_total, -1, {num(660.862)});
  const int a = b.add_row("A", "Chương trình A", RowKind::program, -1, {num(589.503)});
  b.add_row("I", "Dự án 1", RowKind::project, a, {num(589.503)});
  b.add_row("B", "Chương trình B", RowKind::program, -1, {num(0)});
  b.add_row("C", "Chương trình C", RowKind::program, -1, {num(71.359)});
  CHECK(run_total(b.table()).empty());

  b.table().rows[4].values[2] = num(71.0);
  const auto findings = run_total(b.table());
  REQUIRE(findings.size() == 1);
  const Finding& f = findings.front();
  CHECK(f.code == "total-mismatch");
  CHECK(f.severity == Severity::error);
  CHECK(to_a1(*f.cell) == "C8");
  CHECK(f.row_label == "TỔNG CỘNG");
  CHECK(*f.found == Approx(660.862));
  CHECK(*f.expected == Approx(660.503));
  CHECK(f.related == std::vector<std::string>{"C9", "C11", "C12"});
}

TEST_CASE("total rule uses the grand total's children when the table gives them", "[rules][total]") {
  TableBuilder b;
  b.add_column(ColumnRole::amount, Measure::plan, Split::none, 0, {"Kế hoạch vốn"});
  b.add_row("A", "Chương trình A", RowKind::program, -1, {num(5)});
  const int total = b.add_row("", "Tổng số", RowKind::grand_total, -1, {num(3)});
  b.add_row("1", "Xã 1", RowKind::content, total, {num(1)});
  b.add_row("2", "Xã 2", RowKind::content, total, {num(1)});
  const auto findings = run_total(b.table());
  REQUIRE(findings.size() == 1);
  CHECK(*findings.front().expected == Approx(2.0));
  CHECK(findings.front().related == std::vector<std::string>{"C10", "C11"});
}

TEST_CASE("total rule at the bottom of the table works the same", "[rules][total]") {
  TableBuilder b;
  b.add_column(ColumnRole::amount, Measure::disbursed, Split::none, 0, {"Giải ngân"});
  b.add_row("1", "a", RowKind::content, -1, {num(1.5)});
  b.add_row("2", "b", RowKind::content, -1, {num(2.5)});
  b.add_row("", "Cộng", RowKind::grand_total, -1, {num(4.5)});
  const auto findings = run_total(b.table());
  REQUIRE(findings.size() == 1);
  CHECK(to_a1(*findings.front().cell) == "C10");
}

TEST_CASE("total rule says the structure is unclear with two grand totals and does not compare",
          "[rules][total][structure]") {
  TableBuilder b;
  b.add_column(ColumnRole::amount, Measure::plan, Split::none, 0, {"Kế hoạch vốn"});
  b.add_row("", "TỔNG CỘNG", RowKind::grand_total, -1, {num(100)});
  b.add_row("A", "Chương trình A", RowKind::program, -1, {num(1)});
  b.add_row("", "Tổng số", RowKind::grand_total, -1, {num(7)});
  const auto findings = run_total(b.table());
  REQUIRE(findings.size() == 1);
  CHECK(findings.front().code == "structure-unclear");
  CHECK(findings.front().reason == "several-grand-totals");
  CHECK(to_a1(*findings.front().cell) == "B8");
}

TEST_CASE("total rule skips columns where every top-level row is blank", "[rules][total]") {
  TableBuilder b;
  b.add_column(ColumnRole::amount, Measure::plan, Split::none, 0, {"Kế hoạch vốn"});
  b.add_row("", "TỔNG CỘNG", RowKind::grand_total, -1, {num(100)});
  b.add_row("A", "Chương trình A", RowKind::program, -1, {blank()});
  CHECK(run_total(b.table()).empty());
}
