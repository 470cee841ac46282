#include <catch2/catch.hpp>

#include "rules/tolerance.hpp"

using namespace phuluc;

TEST_CASE("amount tolerance is half a unit of the displayed decimals, never finer than 3", "[rules][tolerance]") {
  CHECK(amount_tolerance(0) == Approx(0.5));
  CHECK(amount_tolerance(1) == Approx(0.05));
  CHECK(amount_tolerance(2) == Approx(0.005));
  CHECK(amount_tolerance(3) == Approx(0.0005));
  CHECK(amount_tolerance(6) == Approx(0.0005));
  CHECK(amount_tolerance(std::nullopt) == Approx(0.0005));
}

TEST_CASE("rate tolerance follows the rate's decimals, or the digits of a General value", "[rules][tolerance]") {
  CHECK(rate_tolerance(0, 98.0) == Approx(0.5));
  CHECK(rate_tolerance(2, 98.0) == Approx(0.005));
  CHECK(rate_tolerance(std::nullopt, 98.0) == Approx(0.5));
  CHECK(rate_tolerance(std::nullopt, 74.38) == Approx(0.005));
  CHECK(rate_tolerance(std::nullopt, 77.14705882352941) == Approx(0.0000005));
}

TEST_CASE("decimals_of counts the digits a value needs", "[rules][tolerance]") {
  CHECK(decimals_of(100.0, 6) == 0);
  CHECK(decimals_of(187.09, 6) == 2);
  CHECK(decimals_of(0.1 + 0.2, 6) == 1);
  CHECK(decimals_of(82.262, 6) == 3);
  CHECK(decimals_of(1.0 / 3.0, 6) == 6);
  CHECK(decimals_of(-46.67, 6) == 2);
}

TEST_CASE("differs allows exactly the tolerance and binary rounding, nothing more", "[rules][tolerance]") {
  CHECK_FALSE(differs(1.005, 1.0, 0.005));
  CHECK(differs(1.0051, 1.0, 0.005));
  CHECK_FALSE(differs(0.1 + 0.2, 0.3, 0.0));
  CHECK(differs(187.09, 187.0, 0.005));
  CHECK_FALSE(differs(5844.299, 5844.2994, 0.0005));
  CHECK(differs(-5.0, 0.0, 0.5));
}
