#include "report/number_format.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace phuluc {

std::string format_number(double value, int decimals, Lang lang) {
  if (!std::isfinite(value)) return "?";
  decimals = std::clamp(decimals, 0, 9);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, std::fabs(value));
  const std::string plain(buf);  // "1234.567": digits, then '.' and decimals
  const auto dot = plain.find('.');
  const std::string whole = plain.substr(0, dot);
  const std::string fraction = dot == std::string::npos ? std::string{} : plain.substr(dot + 1);

  const char group_mark = lang == Lang::vi ? '.' : ',';
  const char decimal_mark = lang == Lang::vi ? ',' : '.';
  std::string out;
  // A minus sign only when something non-zero is shown: -0.0004 at 3 decimals is "0,000".
  if (value < 0 && plain.find_first_not_of("0.") != std::string::npos) out += '-';
  for (std::size_t i = 0; i < whole.size(); ++i) {
    if (i > 0 && (whole.size() - i) % 3 == 0) out += group_mark;
    out += whole[i];
  }
  if (!fraction.empty()) {
    out += decimal_mark;
    out += fraction;
  }
  return out;
}

}  // namespace phuluc
