// Slips of the hand: the provable corrections of the localizer.
#include <catch2/catch.hpp>

#include "corrections/typo.hpp"

namespace phuluc {
namespace {

TEST_CASE("digit strings drop separators and leading zeros and keep the shown decimals", "[corrections][typo]") {
  CHECK(digit_string(1234.5, 2) == "123450");
  CHECK(digit_string(0.09, 2) == "9");
  CHECK(digit_string(-187.09, 2) == "18709");
  CHECK(digit_string(0.0, 0).empty());
  CHECK(digit_string(15878, 0) == "15878");
}

TEST_CASE("one keystroke is a swap of neighbours, one digit changed, added or dropped", "[corrections][typo]") {
  CHECK(one_keystroke_apart("15878", "15879"));  // changed
  CHECK(one_keystroke_apart("1243", "1234"));    // neighbours swapped
  CHECK(one_keystroke_apart("1234", "12345"));   // added
  CHECK(one_keystroke_apart("12345", "1235"));   // dropped
  CHECK(one_keystroke_apart("", "5"));
  CHECK_FALSE(one_keystroke_apart("1234", "1234"));
  CHECK_FALSE(one_keystroke_apart("1234", "4231"));  // a swap of digits that are not neighbours
  CHECK_FALSE(one_keystroke_apart("1234", "1256"));  // two digits changed
  CHECK_FALSE(one_keystroke_apart("1234", "123456"));
}

TEST_CASE("a slip is classified from the written value, its shown decimals and the right value",
          "[corrections][typo]") {
  CHECK(classify_slip(15878, 0, 15879) == Slip::keystroke);  // Lùng Phình E7
  CHECK(classify_slip(85.4, 1, 58.4) == Slip::keystroke);    // digits swapped
  CHECK(classify_slip(187, 0, 187.09) == Slip::rounding);    // shows 187 for 187,09 (Mường Kim L22)
  CHECK(classify_slip(187.09, 2, 187) == Slip::keystroke);   // 18709 → 18700
  CHECK(classify_slip(-120, 3, 120) == Slip::sign);
  CHECK(classify_slip(120, 3, 0) == Slip::none);
  CHECK(classify_slip(2256, 0, 2556) == Slip::keystroke);  // Mường Khoa H7
  CHECK(classify_slip(531.852, 3, 541.852) == Slip::keystroke);
  CHECK(classify_slip(531.852, 3, 545.0) == Slip::none);
  CHECK(classify_slip(12.5, 1, -13.5) == Slip::none);                // a sign change with other digits is no slip
  CHECK(classify_slip(100, std::nullopt, 100.4) == Slip::rounding);  // General: shows its own digits
  CHECK(std::string(slip_id(Slip::keystroke)) == "keystroke");
}

}  // namespace
}  // namespace phuluc
