// Formula text for sums and rates, as Excel stores it.
#include <catch2/catch.hpp>

#include <vector>

#include "writers/formula_text.hpp"

namespace phuluc {
namespace {

std::vector<CellRef> refs(std::initializer_list<const char*> a1s) {
  std::vector<CellRef> out;
  for (const char* a1 : a1s) out.push_back(*parse_a1(a1));
  return out;
}

TEST_CASE("sum formulas join adjacent cells into ranges and keep the rest as single cells", "[writers][formulas]") {
  CHECK(sum_formula(refs({"F15", "F16", "F17", "F20"})) == "SUM(F15:F17,F20)");
  CHECK(sum_formula(refs({"F15"})) == "SUM(F15)");
  CHECK(sum_formula(refs({"F20", "F15", "F16"})) == "SUM(F20,F15:F16)");
  CHECK(sum_formula(refs({"D14", "E14"})) == "SUM(D14:E14)");          // Tổng số = NSTW + NSĐP
  CHECK(sum_formula(refs({"C5", "D5", "D6"})) == "SUM(C5:D5,D6)");    // a run does not turn a corner
  CHECK(sum_formula(refs({"AA1", "AB1", "AC1"})) == "SUM(AA1:AC1)");
  CHECK(sum_formula({}) == "0");
}

TEST_CASE("sum formulas with more than 255 pieces nest to stay within Excel's argument limit", "[writers][formulas]") {
  std::vector<CellRef> cells;
  for (std::uint32_t row = 0; row < 600; row += 2) cells.push_back({row, 2});  // 300 separate cells
  const std::string formula = sum_formula(cells);
  CHECK(formula.starts_with("SUM(SUM(C1,C3,"));
  CHECK(formula.find("),SUM(") != std::string::npos);
  CHECK(formula.ends_with(",C599))"));
}

TEST_CASE("rate formulas are blank on a zero plan and use commas whatever the locale", "[writers][formulas]") {
  CHECK(rate_formula(*parse_a1("G14"), *parse_a1("F14")) == "IF(F14=0,\"\",G14/F14*100)");
  CHECK_FALSE(rate_value(5.0, 0.0));
  CHECK(*rate_value(255.0, 255.0) == Approx(100.0));
  CHECK(*rate_value(255.262, 1439.262) == Approx(17.7356).epsilon(1e-5));
}

}  // namespace
}  // namespace phuluc
