#include <catch2/catch.hpp>

#include "model/cell_ref.hpp"
#include "model/style.hpp"

using namespace phuluc;

TEST_CASE("A1 conversion round-trips at the column boundaries", "[model][a1]") {
  struct Case { const char* text; std::uint32_t row, col; };
  const Case cases[] = {{"A1", 0, 0}, {"Z1", 0, 25}, {"AA1", 0, 26}, {"AZ10", 9, 51},
                        {"BA2", 1, 52}, {"XFD1048576", 1048575, 16383}, {"F14", 13, 5}};
  for (const auto& c : cases) {
    INFO(c.text);
    const auto ref = parse_a1(c.text);
    REQUIRE(ref);
    CHECK(ref->row == c.row);
    CHECK(ref->col == c.col);
    CHECK(to_a1(*ref) == c.text);
  }
}

TEST_CASE("A1 parsing accepts absolute markers and lower case", "[model][a1]") {
  CHECK(parse_a1("$A$1") == CellRef{0, 0});
  CHECK(parse_a1("$c7") == CellRef{6, 2});
  CHECK(parse_a1("f14") == CellRef{13, 5});
}

TEST_CASE("A1 parsing rejects what is not a cell", "[model][a1]") {
  for (const char* bad : {"", "A", "1", "A0", "XFE1", "A1048577", "1A", "A-1", "AAAA1", "A1B"}) {
    INFO(bad);
    CHECK_FALSE(parse_a1(bad));
  }
}

TEST_CASE("ranges parse and print inclusively", "[model][a1]") {
  const auto range = parse_a1_range("B2:D5");
  REQUIRE(range);
  CHECK(range->first == CellRef{1, 1});
  CHECK(range->last == CellRef{4, 3});
  CHECK(range->contains(CellRef{4, 3}));
  CHECK_FALSE(range->contains(CellRef{5, 3}));
  CHECK(to_a1(*range) == "B2:D5");
  CHECK_FALSE(parse_a1_range("D5:B2"));
}

TEST_CASE("displayed decimals follow the positive section of a number format", "[model][style]") {
  CHECK(displayed_decimals("#,##0.000") == 3);
  CHECK(displayed_decimals("0.00%") == 2);
  CHECK(displayed_decimals("0") == 0);
  CHECK(displayed_decimals("#,##0.0;[Red]-#,##0.0") == 1);
  CHECK(displayed_decimals("_-* #,##0.00_-;-* #,##0.00_-;_-* \"-\"??_-;_-@_-") == 2);
  CHECK_FALSE(displayed_decimals("General"));
}

TEST_CASE("date formats are told from number formats", "[model][style]") {
  CHECK(is_date_format("dd/mm/yyyy"));
  CHECK(is_date_format("[$-409]mmm-yy"));
  CHECK(is_date_format(builtin_number_format(14)));
  CHECK_FALSE(is_date_format("#,##0.00"));
  CHECK_FALSE(is_date_format("0.00\"d\""));
  CHECK_FALSE(is_date_format("[Red]0.0"));
}
