#include "rules/tolerance.hpp"

#include <algorithm>
#include <cmath>

namespace phuluc {
namespace {

double half_unit(int decimals) { return 0.5 * std::pow(10.0, -decimals); }

}  // namespace

std::optional<int> shown_decimals(const TableValue& value, const TableColumn& column) {
  if (value.decimals) return std::max(0, *value.decimals);
  if (column.decimals) return std::max(0, *column.decimals);
  return std::nullopt;
}

int decimals_of(double value, int max_decimals) {
  if (!std::isfinite(value)) return 0;
  for (int decimals = 0; decimals < max_decimals; ++decimals) {
    const double scale = std::pow(10.0, decimals);
    const double scaled = value * scale;
    if (std::fabs(scaled - std::round(scaled)) <= 1e-9 * std::max(1.0, std::fabs(scaled))) return decimals;
  }
  return max_decimals;
}

double amount_tolerance(std::optional<int> decimals) {
  return half_unit(std::min(decimals.value_or(kAmountDecimals), kAmountDecimals));
}

double rate_tolerance(std::optional<int> decimals, double value) {
  constexpr int kMaxRateDecimals = 6;
  return half_unit(std::min(decimals.value_or(decimals_of(value, kMaxRateDecimals)), kMaxRateDecimals));
}

bool differs(double found, double expected, double tolerance) {
  // Binary doubles carry ~16 significant digits; allow for the rounding of both numbers so that
  // 1.005 - 1.0 is not taken as more than 0.005.
  const double slack = 1e-9 * std::max({1.0, std::fabs(found), std::fabs(expected)});
  return std::fabs(found - expected) > tolerance + slack;
}

}  // namespace phuluc
