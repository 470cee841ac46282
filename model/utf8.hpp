#pragma once
// Strict UTF-8, in one place: what the CSV sniffer accepts as text and what the JSON writer passes
// through unchanged (everything else becomes U+FFFD there).
#include <cstddef>
#include <string_view>

namespace phuluc {

/// Length (2-4) of the valid multi-byte UTF-8 sequence starting at text[i], or 0 when the bytes
/// there are not one: overlong forms, surrogates and code points past U+10FFFF are invalid.
/// ASCII bytes are not sequences here (0): callers handle them first.
///   utf8_sequence_length("\xC4\x91", 0) == 2   // đ
inline std::size_t utf8_sequence_length(std::string_view text, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char lead = byte(i);
  std::size_t length = 0;
  unsigned char low = 0x80, high = 0xBF;  // allowed range of the second byte
  if (lead >= 0xC2 && lead <= 0xDF) length = 2;
  else if (lead == 0xE0) length = 3, low = 0xA0;
  else if (lead == 0xED) length = 3, high = 0x9F;
  else if (lead >= 0xE1 && lead <= 0xEF) length = 3;
  else if (lead == 0xF0) length = 4, low = 0x90;
  else if (lead == 0xF4) length = 4, high = 0x8F;
  else if (lead >= 0xF1 && lead <= 0xF3) length = 4;
  else return 0;
  if (i + length > text.size() || byte(i + 1) < low || byte(i + 1) > high) return 0;
  for (std::size_t k = 2; k < length; ++k)
    if (byte(i + k) < 0x80 || byte(i + k) > 0xBF) return 0;
  return length;
}

}  // namespace phuluc
