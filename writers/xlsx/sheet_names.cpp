#include "writers/xlsx/sheet_names.hpp"

#include <cstdint>
#include <string_view>
#include <unordered_set>

namespace phuluc::xlsxw {
namespace {

constexpr std::size_t kMaxNameUnits = 31;

struct CodePoint {
  char32_t value;
  std::size_t bytes;  // length of its UTF-8 encoding in the input
};

// Decodes one UTF-8 sequence; a malformed byte counts as one character of its own.
CodePoint decode(std::string_view text, std::size_t at) {
  const auto lead = static_cast<unsigned char>(text[at]);
  const std::size_t length = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3 : (lead >> 3) == 0x1E ? 4 : 0;
  if (length == 0 || at + length > text.size()) return {lead, 1};
  char32_t value = length == 1 ? lead : lead & (0x7F >> length);
  for (std::size_t i = 1; i < length; ++i) {
    const auto next = static_cast<unsigned char>(text[at + i]);
    if ((next & 0xC0) != 0x80) return {lead, 1};
    value = (value << 6) | (next & 0x3F);
  }
  return {value, length};
}

void append_utf8(std::string& out, char32_t value) {
  if (value < 0x80) {
    out += static_cast<char>(value);
  } else if (value < 0x800) {
    out += static_cast<char>(0xC0 | (value >> 6));
    out += static_cast<char>(0x80 | (value & 0x3F));
  } else if (value < 0x10000) {
    out += static_cast<char>(0xE0 | (value >> 12));
    out += static_cast<char>(0x80 | ((value >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (value & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (value >> 18));
    out += static_cast<char>(0x80 | ((value >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((value >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (value & 0x3F));
  }
}

// Lower case for ASCII and the Latin letters Vietnamese uses (Latin-1, Extended-A, Ơ, Ư and the
// Latin Extended Additional block), enough for Excel's case-blind name comparison on our data.
char32_t fold_case(char32_t c) {
  if (c >= 'A' && c <= 'Z') return c + 32;
  if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return c + 32;
  if (c >= 0x100 && c <= 0x17E && c != 0x130 && c != 0x138 && c != 0x149 && c != 0x178) {
    // Pairs are (even, odd) up to U+0137 and from U+014A, (odd, even) in between.
    const bool odd_upper = (c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E);
    if (odd_upper ? (c % 2 == 1) : (c % 2 == 0)) return c + 1;
    return c;
  }
  if (c == 0x1A0 || c == 0x1AF) return c + 1;                 // Ơ, Ư
  if (c >= 0x1EA0 && c <= 0x1EF9 && c % 2 == 0) return c + 1;  // Ạ..Ỹ
  return c;
}

std::string folded(std::string_view name) {
  std::string out;
  for (std::size_t at = 0; at < name.size();) {
    const CodePoint cp = decode(name, at);
    append_utf8(out, fold_case(cp.value));
    at += cp.bytes;
  }
  return out;
}

bool forbidden(char32_t c) {
  return c == '[' || c == ']' || c == ':' || c == '*' || c == '?' || c == '/' || c == '\\' || c < 0x20;
}

// Cuts `name` to at most `units` UTF-16 code units, never inside a character.
std::string cut(std::string_view name, std::size_t units) {
  std::string out;
  std::size_t used = 0;
  for (std::size_t at = 0; at < name.size();) {
    const CodePoint cp = decode(name, at);
    const std::size_t width = cp.value >= 0x10000 ? 2 : 1;
    if (used + width > units) break;
    out.append(name.substr(at, cp.bytes));
    used += width;
    at += cp.bytes;
  }
  return out;
}

std::string valid_name(std::string_view wanted, std::size_t position) {
  std::string name;
  for (std::size_t at = 0; at < wanted.size();) {
    const CodePoint cp = decode(wanted, at);
    if (forbidden(cp.value)) name += '_';
    else name.append(wanted.substr(at, cp.bytes));
    at += cp.bytes;
  }
  while (!name.empty() && name.front() == '\'') name.erase(name.begin());
  name = cut(name, kMaxNameUnits);
  while (!name.empty() && name.back() == '\'') name.pop_back();
  if (name.empty()) name = "Sheet" + std::to_string(position + 1);
  return name;
}

}  // namespace

std::vector<std::string> writable_sheet_names(const std::vector<std::string>& wanted) {
  std::vector<std::string> names;
  std::unordered_set<std::string> taken;
  names.reserve(wanted.size());
  for (std::size_t i = 0; i < wanted.size(); ++i) {
    const std::string base = valid_name(wanted[i], i);
    std::string name = base;
    for (int copy = 2; taken.contains(folded(name)); ++copy) {
      const std::string suffix = " (" + std::to_string(copy) + ")";
      std::string stem = cut(base, kMaxNameUnits - suffix.size());
      while (!stem.empty() && stem.back() == '\'') stem.pop_back();
      name = stem + suffix;
    }
    taken.insert(folded(name));
    names.push_back(std::move(name));
  }
  return names;
}

std::string quoted_sheet_name(const std::string& name) {
  std::string out = "'";
  for (const char c : name) {
    out += c;
    if (c == '\'') out += '\'';
  }
  out += '\'';
  return out;
}

}  // namespace phuluc::xlsxw
