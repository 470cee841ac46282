#include <catch2/catch.hpp>

#include <cmath>
#include <string>

#include "table/number_text.hpp"

using namespace phuluc;

namespace {

bool near(double a, double b) { return std::fabs(a - b) < 1e-9; }

}  // namespace

TEST_CASE("number text reads one Vietnamese reading", "[table][number_text]") {
  struct Case {
    const char* text;
    double value;
    int decimals;
    bool percent;
  };
  const Case cases[] = {
      {"1.234,567", 1234.567, 3, false}, {"272,50", 272.5, 2, false},   {"5.844,299", 5844.299, 3, false},
      {"0,0", 0.0, 1, false},            {"74,38%", 74.38, 2, true},    {"74,38 %", 74.38, 2, true},
      {"100", 100.0, 0, false},          {"+5", 5.0, 0, false},         {"-12,5", -12.5, 1, false},
      {"(12)", -12.0, 0, false},         {"( 1.234,5 )", -1234.5, 1, false}, {"1 234,5", 1234.5, 1, false},
      {"1\xC2\xA0" "234,5", 1234.5, 1, false}, {"12 345 678", 12345678.0, 0, false},
      {"1.234.567", 1234567.0, 0, false}, {"1.234.567,8", 1234567.8, 1, false},
      {"1,234.56", 1234.56, 2, false},   {"1,234,567", 1234567.0, 0, false},
      {"1234,567", 1234.567, 3, false},  {"1234.567", 1234.567, 3, false}, {"74.38", 74.38, 2, false},
      {"0,262", 0.262, 3, false},        {"0.262", 0.262, 3, false},
      {"\xE2\x88\x92" "7", -7.0, 0, false}, {"  96,33  ", 96.33, 2, false}, {"100,0%", 100.0, 1, true},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    const NumberText parsed = parse_number_text(c.text);
    REQUIRE(parsed.kind == NumberTextKind::number);
    REQUIRE(parsed.readings.size() == 1);
    CHECK(near(parsed.readings[0], c.value));
    CHECK(parsed.decimals == c.decimals);
    CHECK(parsed.percent == c.percent);
  }
}

TEST_CASE("number text gives both readings when one separator has three digits after it",
          "[table][number_text]") {
  struct Case {
    const char* text;
    double first;
    double second;
    int decimals;
    int other_decimals;
  };
  const Case cases[] = {
      {"38.996", 38996.0, 38.996, 0, 3},
      {"82,262", 82.262, 82262.0, 3, 0},
      {"262,500", 262.5, 262500.0, 3, 0},
      {"-1.000", -1000.0, -1.0, 0, 3},
      {"(1.234)", -1234.0, -1.234, 0, 3},
      {"47,651", 47.651, 47651.0, 3, 0},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    const NumberText parsed = parse_number_text(c.text);
    REQUIRE(parsed.kind == NumberTextKind::ambiguous);
    REQUIRE(parsed.readings.size() == 2);
    CHECK(near(parsed.readings[0], c.first));
    CHECK(near(parsed.readings[1], c.second));
    CHECK(parsed.decimals == c.decimals);
    CHECK(parsed.other_decimals == c.other_decimals);
  }
}

TEST_CASE("number text tells dashes and blanks from numbers", "[table][number_text]") {
  for (const char* dash : {"-", " - ", "\xE2\x80\x93", "\xE2\x80\x94"}) {
    INFO(dash);
    CHECK(parse_number_text(dash).kind == NumberTextKind::dash);
  }
  for (const char* blank : {"", "  ", "\t\n", "\xC2\xA0"}) {
    INFO(blank);
    CHECK(parse_number_text(blank).kind == NumberTextKind::blank);
  }
}

TEST_CASE("number text refuses what is not one number", "[table][number_text]") {
  for (const char* text : {"12abc", "\xC4\x90\xE1\xBA\xA1t" /* Đạt */, "4/10", "K. Đạt", "1..2", "1,,2", ",5", "5,",
                           "1.23.456", "12 34", "1.234,56.7", "1,234,56", "--", "+", "%", "1-2", "(12", "1e5",
                           "≥ 98%", "1.234,5,6", "1 234.567,8"}) {
    INFO(text);
    CHECK(parse_number_text(text).kind == NumberTextKind::not_number);
  }
}

TEST_CASE("number text refuses digits beyond a double instead of reading them as 0", "[table][number_text]") {
  // Seen while writing the invariants of fuzz/fuzz_number_text: 400 digits read as 0, a wrong amount.
  const std::string huge = "1" + std::string(400, '0');
  CHECK(parse_number_text(huge).kind == NumberTextKind::not_number);
  CHECK(parse_number_text("-" + huge + ",5").kind == NumberTextKind::not_number);
  CHECK(parse_number_text("1" + std::string(300, '0')).readings.at(0) == 1e300);
  // A fraction too small for a double is 0, as Excel reads it.
  const auto tiny = parse_number_text("0," + std::string(400, '0') + "1");
  REQUIRE(tiny.kind == NumberTextKind::number);
  CHECK(tiny.readings.at(0) == 0.0);
  CHECK(tiny.decimals == 401);
}
