#include "readers/xlsx/ooxml_escapes.hpp"

#include <charconv>
#include <cstdint>
#include <optional>

namespace phuluc {
namespace {

// The code unit of an escape starting at text[at] ("_x" + 4 hex digits + "_"), if it is one.
std::optional<std::uint32_t> escape_at(const std::string& text, std::size_t at) {
  if (at + 7 > text.size() || text[at] != '_' || text[at + 1] != 'x' || text[at + 6] != '_') return std::nullopt;
  std::uint32_t unit = 0;
  const char* first = text.data() + at + 2;
  const auto [end, error] = std::from_chars(first, first + 4, unit, 16);
  if (error != std::errc{} || end != first + 4) return std::nullopt;
  return unit;
}

void append_utf8(std::string& out, std::uint32_t code_point) {
  if (code_point < 0x80) {
    out += static_cast<char>(code_point);
  } else if (code_point < 0x800) {
    out += static_cast<char>(0xC0 | (code_point >> 6));
    out += static_cast<char>(0x80 | (code_point & 0x3F));
  } else if (code_point < 0x10000) {
    out += static_cast<char>(0xE0 | (code_point >> 12));
    out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code_point & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (code_point >> 18));
    out += static_cast<char>(0x80 | ((code_point >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code_point & 0x3F));
  }
}

bool is_high_surrogate(std::uint32_t unit) { return unit >= 0xD800 && unit <= 0xDBFF; }
bool is_low_surrogate(std::uint32_t unit) { return unit >= 0xDC00 && unit <= 0xDFFF; }

}  // namespace

void decode_ooxml_escapes(std::string& text) {
  if (text.find("_x") == std::string::npos) return;  // the common case: nothing to do
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const auto unit = escape_at(text, i);
    if (!unit) {
      out += text[i++];
      continue;
    }
    i += 7;
    std::uint32_t code_point = *unit;
    if (is_high_surrogate(code_point)) {
      const auto low = escape_at(text, i);
      if (low && is_low_surrogate(*low)) {
        code_point = 0x10000 + ((code_point - 0xD800) << 10) + (*low - 0xDC00);
        i += 7;
      } else {
        code_point = 0xFFFD;
      }
    } else if (is_low_surrogate(code_point)) {
      code_point = 0xFFFD;
    }
    append_utf8(out, code_point);
  }
  text = std::move(out);
}

}  // namespace phuluc
