#include "consolidation/unit_conversion.hpp"

#include <cstdlib>

namespace phuluc {
namespace {

// Powers of ten of one đồng; nullopt for an unknown unit.
std::optional<int> exponent_of(Unit unit) {
  switch (unit) {
    case Unit::dong: return 0;
    case Unit::thousand_dong: return 3;
    case Unit::million_dong: return 6;
    case Unit::billion_dong: return 9;
    case Unit::unknown: return std::nullopt;
  }
  return std::nullopt;
}

}  // namespace

std::optional<int> unit_shift(Unit from, Unit to) {
  const auto from_exponent = exponent_of(from);
  const auto to_exponent = exponent_of(to);
  if (!from_exponent || !to_exponent) return std::nullopt;
  return *from_exponent - *to_exponent;
}

double convert_amount(double value, int shift) {
  double power = 1.0;  // 10^|shift| is exact in a double up to 10^22
  for (int i = 0; i < std::abs(shift); ++i) power *= 10.0;
  return shift >= 0 ? value * power : value / power;
}

const char* unit_name(Unit unit, Lang lang) {
  switch (unit) {
    case Unit::dong: return "đồng";
    case Unit::thousand_dong: return pick(lang, "nghìn đồng", "thousand đồng");
    case Unit::million_dong: return pick(lang, "triệu đồng", "million đồng");
    case Unit::billion_dong: return pick(lang, "tỷ đồng", "billion đồng");
    case Unit::unknown: return "?";
  }
  return "?";
}

}  // namespace phuluc
