#include "templates/vietnamese_case.hpp"

#include <unicode/locid.h>
#include <unicode/unistr.h>

#include "mappings/text_normalize.hpp"

namespace phuluc {

namespace {

std::string mapped_case(std::string_view utf8, bool upper) {
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  if (upper) text.toUpper(icu::Locale("vi"));
  else text.toLower(icu::Locale("vi"));
  std::string out;
  text.toUTF8String(out);
  return to_nfc(out);
}

}  // namespace

std::string upper_case(std::string_view utf8) { return mapped_case(utf8, true); }

std::string lower_case(std::string_view utf8) { return mapped_case(utf8, false); }

}  // namespace phuluc
