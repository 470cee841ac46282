// libFuzzer target: the Vietnamese number parser on one cell's text, with the promises of its header.
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "table/number_text.hpp"

namespace {

bool has_nonzero_digit(std::string_view text) {
  return text.find_first_of("123456789") != std::string_view::npos;
}

// The parser's documented shape: a number has one finite reading, ambiguous has two, others none;
// a reading is 0 only when the digits are (or a fraction so long it underflows).
bool well_formed(const phuluc::NumberText& parsed, std::string_view text) {
  using phuluc::NumberTextKind;
  for (const double reading : parsed.readings)
    if (!std::isfinite(reading)) return false;
  const int longest_fraction = std::max(parsed.decimals, parsed.other_decimals);
  for (const double reading : parsed.readings)
    if (reading == 0 && has_nonzero_digit(text) && longest_fraction < 300) return false;
  switch (parsed.kind) {
    case NumberTextKind::number: return parsed.readings.size() == 1;
    case NumberTextKind::ambiguous: return parsed.readings.size() == 2;
    default: return true;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  if (!well_formed(phuluc::parse_number_text(text), text)) std::abort();
  (void)phuluc::separator_style(text);
  return 0;
}
