#include "corrections/typo.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <vector>

#include "rules/tolerance.hpp"

namespace phuluc {
namespace {

// Decimals beyond which a value is not written (amounts: 1 đồng in triệu đồng; rates: 6).
constexpr int kMaxDecimals = 6;

// True when `longer` is `shorter` with one character inserted.
bool one_inserted(const std::string& shorter, const std::string& longer) {
  if (longer.size() != shorter.size() + 1) return false;
  std::size_t i = 0;
  while (i < shorter.size() && shorter[i] == longer[i]) ++i;
  return shorter.compare(i, std::string::npos, longer, i + 1, std::string::npos) == 0;
}

}  // namespace

std::string digit_string(double value, int decimals) {
  decimals = std::clamp(decimals, 0, kMaxDecimals);
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, std::fabs(value));
  std::string digits;
  for (const char* c = buffer; *c; ++c)
    if (*c >= '0' && *c <= '9') digits += *c;
  const auto first = digits.find_first_not_of('0');
  // Leading zeros carry no keystroke: "0,09" is typed as ",09" as often as "0,09".
  return first == std::string::npos ? std::string{} : digits.substr(first);
}

bool one_keystroke_apart(const std::string& a, const std::string& b) {
  if (a == b) return false;
  if (a.size() == b.size()) {
    std::vector<std::size_t> differ;
    for (std::size_t i = 0; i < a.size(); ++i)
      if (a[i] != b[i]) differ.push_back(i);
    if (differ.size() == 1) return true;
    return differ.size() == 2 && differ[1] == differ[0] + 1 && a[differ[0]] == b[differ[1]] &&
           a[differ[1]] == b[differ[0]];
  }
  return one_inserted(a, b) || one_inserted(b, a);
}

Slip classify_slip(double written, std::optional<int> written_decimals, double right) {
  const int shown = std::min(written_decimals.value_or(decimals_of(written, kAmountDecimals)), kMaxDecimals);
  const double half_unit = 0.5 * std::pow(10.0, -shown);
  if (!differs(written, right, half_unit)) return Slip::rounding;
  if (!differs(written, -right, half_unit) && differs(written, 0.0, half_unit)) return Slip::sign;
  if ((written < 0) != (right < 0) && differs(right, 0.0, half_unit)) return Slip::none;
  const int decimals = std::max(shown, decimals_of(right, kMaxDecimals));
  return one_keystroke_apart(digit_string(written, decimals), digit_string(right, decimals)) ? Slip::keystroke
                                                                                             : Slip::none;
}

const char* slip_id(Slip slip) {
  switch (slip) {
    case Slip::none:
      return "none";
    case Slip::rounding:
      return "rounding";
    case Slip::sign:
      return "sign";
    case Slip::keystroke:
      return "keystroke";
  }
  return "none";
}

}  // namespace phuluc
