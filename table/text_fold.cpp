#include "table/text_fold.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <vector>

namespace phuluc {
namespace {

// Base letter of each code point from U+00C0 to U+017F ('.' = not a Latin letter with a base),
// and its case ('U' upper, 'l' lower). Generated from the Unicode decompositions.
constexpr std::string_view kLatinBase =
    "aaaaaa.ceeeeiiiidnooooo..uuuuy..aaaaaa.ceeeeiiii.nooooo..uuuuy.yaaaaaaccccccccddddeeeeeeeeeeggggggg"
    "ghh..iiiiiiiii...jjkk.llllll....nnnnnn...oooooo..rrrrrrsssssssstttt..uuuuuuuuuuuuwwyyyzzzzzz.";
constexpr std::string_view kLatinCase =
    "UUUUUUUUUUUUUUUUUUUUUUU.UUUUUUUllllllllllllllllllllllll.llllllllUlUlUlUlUlUlUlUlUlUlUlUlUlUlUlUl"
    "UlUlUlUlUlUlUlUlUlUlUlUllUlUlUlUlUlUlUlUllUlUlUlUlUlUlUlUlUlUlUlUlUlUlUlUlUlUlUlUlUlUlUlUUlUlUll";
// U+1EA0 to U+1EF9, the Vietnamese block of Latin Extended Additional: upper and lower alternate.
constexpr std::string_view kVietBase =
    "aaaaaaaaaaaaaaaaaaaaaaaaeeeeeeeeeeeeeeeeiiiioooooooooooooooooooooooouuuuuuuuuuuuuuyyyyyyyy";

struct Composition {
  char32_t base;
  char32_t mark;
  char32_t composed;
};

// Canonical compositions whose mark Vietnamese uses (grave, acute, circumflex, tilde, breve, hook
// above, horn, dot below), sorted by (base, mark). Generated from the Unicode decompositions.
constexpr Composition kCompositions[] = {
    {0x0041, 0x0300, 0x00C0}, {0x0041, 0x0301, 0x00C1}, {0x0041, 0x0302, 0x00C2}, {0x0041, 0x0303, 0x00C3}, {0x0041, 0x0306, 0x0102},
    {0x0041, 0x0309, 0x1EA2}, {0x0041, 0x0323, 0x1EA0}, {0x0043, 0x0301, 0x0106}, {0x0043, 0x0302, 0x0108}, {0x0045, 0x0300, 0x00C8},
    {0x0045, 0x0301, 0x00C9}, {0x0045, 0x0302, 0x00CA}, {0x0045, 0x0303, 0x1EBC}, {0x0045, 0x0306, 0x0114}, {0x0045, 0x0309, 0x1EBA},
    {0x0045, 0x0323, 0x1EB8}, {0x0047, 0x0302, 0x011C}, {0x0047, 0x0306, 0x011E}, {0x0048, 0x0302, 0x0124}, {0x0049, 0x0300, 0x00CC},
    {0x0049, 0x0301, 0x00CD}, {0x0049, 0x0302, 0x00CE}, {0x0049, 0x0303, 0x0128}, {0x0049, 0x0306, 0x012C}, {0x0049, 0x0309, 0x1EC8},
    {0x0049, 0x0323, 0x1ECA}, {0x004A, 0x0302, 0x0134}, {0x004C, 0x0301, 0x0139}, {0x004E, 0x0301, 0x0143}, {0x004E, 0x0303, 0x00D1},
    {0x004F, 0x0300, 0x00D2}, {0x004F, 0x0301, 0x00D3}, {0x004F, 0x0302, 0x00D4}, {0x004F, 0x0303, 0x00D5}, {0x004F, 0x0306, 0x014E},
    {0x004F, 0x0309, 0x1ECE}, {0x004F, 0x031B, 0x01A0}, {0x004F, 0x0323, 0x1ECC}, {0x0052, 0x0301, 0x0154}, {0x0053, 0x0301, 0x015A},
    {0x0053, 0x0302, 0x015C}, {0x0055, 0x0300, 0x00D9}, {0x0055, 0x0301, 0x00DA}, {0x0055, 0x0302, 0x00DB}, {0x0055, 0x0303, 0x0168},
    {0x0055, 0x0306, 0x016C}, {0x0055, 0x0309, 0x1EE6}, {0x0055, 0x031B, 0x01AF}, {0x0055, 0x0323, 0x1EE4}, {0x0057, 0x0302, 0x0174},
    {0x0059, 0x0300, 0x1EF2}, {0x0059, 0x0301, 0x00DD}, {0x0059, 0x0302, 0x0176}, {0x0059, 0x0303, 0x1EF8}, {0x0059, 0x0309, 0x1EF6},
    {0x0059, 0x0323, 0x1EF4}, {0x005A, 0x0301, 0x0179}, {0x0061, 0x0300, 0x00E0}, {0x0061, 0x0301, 0x00E1}, {0x0061, 0x0302, 0x00E2},
    {0x0061, 0x0303, 0x00E3}, {0x0061, 0x0306, 0x0103}, {0x0061, 0x0309, 0x1EA3}, {0x0061, 0x0323, 0x1EA1}, {0x0063, 0x0301, 0x0107},
    {0x0063, 0x0302, 0x0109}, {0x0065, 0x0300, 0x00E8}, {0x0065, 0x0301, 0x00E9}, {0x0065, 0x0302, 0x00EA}, {0x0065, 0x0303, 0x1EBD},
    {0x0065, 0x0306, 0x0115}, {0x0065, 0x0309, 0x1EBB}, {0x0065, 0x0323, 0x1EB9}, {0x0067, 0x0302, 0x011D}, {0x0067, 0x0306, 0x011F},
    {0x0068, 0x0302, 0x0125}, {0x0069, 0x0300, 0x00EC}, {0x0069, 0x0301, 0x00ED}, {0x0069, 0x0302, 0x00EE}, {0x0069, 0x0303, 0x0129},
    {0x0069, 0x0306, 0x012D}, {0x0069, 0x0309, 0x1EC9}, {0x0069, 0x0323, 0x1ECB}, {0x006A, 0x0302, 0x0135}, {0x006C, 0x0301, 0x013A},
    {0x006E, 0x0301, 0x0144}, {0x006E, 0x0303, 0x00F1}, {0x006F, 0x0300, 0x00F2}, {0x006F, 0x0301, 0x00F3}, {0x006F, 0x0302, 0x00F4},
    {0x006F, 0x0303, 0x00F5}, {0x006F, 0x0306, 0x014F}, {0x006F, 0x0309, 0x1ECF}, {0x006F, 0x031B, 0x01A1}, {0x006F, 0x0323, 0x1ECD},
    {0x0072, 0x0301, 0x0155}, {0x0073, 0x0301, 0x015B}, {0x0073, 0x0302, 0x015D}, {0x0075, 0x0300, 0x00F9}, {0x0075, 0x0301, 0x00FA},
    {0x0075, 0x0302, 0x00FB}, {0x0075, 0x0303, 0x0169}, {0x0075, 0x0306, 0x016D}, {0x0075, 0x0309, 0x1EE7}, {0x0075, 0x031B, 0x01B0},
    {0x0075, 0x0323, 0x1EE5}, {0x0077, 0x0302, 0x0175}, {0x0079, 0x0300, 0x1EF3}, {0x0079, 0x0301, 0x00FD}, {0x0079, 0x0302, 0x0177},
    {0x0079, 0x0303, 0x1EF9}, {0x0079, 0x0309, 0x1EF7}, {0x0079, 0x0323, 0x1EF5}, {0x007A, 0x0301, 0x017A}, {0x00C2, 0x0300, 0x1EA6},
    {0x00C2, 0x0301, 0x1EA4}, {0x00C2, 0x0303, 0x1EAA}, {0x00C2, 0x0309, 0x1EA8}, {0x00CA, 0x0300, 0x1EC0}, {0x00CA, 0x0301, 0x1EBE},
    {0x00CA, 0x0303, 0x1EC4}, {0x00CA, 0x0309, 0x1EC2}, {0x00D4, 0x0300, 0x1ED2}, {0x00D4, 0x0301, 0x1ED0}, {0x00D4, 0x0303, 0x1ED6},
    {0x00D4, 0x0309, 0x1ED4}, {0x00E2, 0x0300, 0x1EA7}, {0x00E2, 0x0301, 0x1EA5}, {0x00E2, 0x0303, 0x1EAB}, {0x00E2, 0x0309, 0x1EA9},
    {0x00EA, 0x0300, 0x1EC1}, {0x00EA, 0x0301, 0x1EBF}, {0x00EA, 0x0303, 0x1EC5}, {0x00EA, 0x0309, 0x1EC3}, {0x00F4, 0x0300, 0x1ED3},
    {0x00F4, 0x0301, 0x1ED1}, {0x00F4, 0x0303, 0x1ED7}, {0x00F4, 0x0309, 0x1ED5}, {0x0102, 0x0300, 0x1EB0}, {0x0102, 0x0301, 0x1EAE},
    {0x0102, 0x0303, 0x1EB4}, {0x0102, 0x0309, 0x1EB2}, {0x0103, 0x0300, 0x1EB1}, {0x0103, 0x0301, 0x1EAF}, {0x0103, 0x0303, 0x1EB5},
    {0x0103, 0x0309, 0x1EB3}, {0x01A0, 0x0300, 0x1EDC}, {0x01A0, 0x0301, 0x1EDA}, {0x01A0, 0x0303, 0x1EE0}, {0x01A0, 0x0309, 0x1EDE},
    {0x01A0, 0x0323, 0x1EE2}, {0x01A1, 0x0300, 0x1EDD}, {0x01A1, 0x0301, 0x1EDB}, {0x01A1, 0x0303, 0x1EE1}, {0x01A1, 0x0309, 0x1EDF},
    {0x01A1, 0x0323, 0x1EE3}, {0x01AF, 0x0300, 0x1EEA}, {0x01AF, 0x0301, 0x1EE8}, {0x01AF, 0x0303, 0x1EEE}, {0x01AF, 0x0309, 0x1EEC},
    {0x01AF, 0x0323, 0x1EF0}, {0x01B0, 0x0300, 0x1EEB}, {0x01B0, 0x0301, 0x1EE9}, {0x01B0, 0x0303, 0x1EEF}, {0x01B0, 0x0309, 0x1EED},
    {0x01B0, 0x0323, 0x1EF1}, {0x1EA0, 0x0302, 0x1EAC}, {0x1EA0, 0x0306, 0x1EB6}, {0x1EA1, 0x0302, 0x1EAD}, {0x1EA1, 0x0306, 0x1EB7},
    {0x1EB8, 0x0302, 0x1EC6}, {0x1EB9, 0x0302, 0x1EC7}, {0x1ECC, 0x0302, 0x1ED8}, {0x1ECD, 0x0302, 0x1ED9},
};

struct Decoded {
  char32_t cp;
  std::size_t length;
};

// Decodes one UTF-8 sequence; an invalid byte decodes as U+FFFD of length 1.
Decoded decode(std::string_view text, std::size_t pos) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte(pos);
  if (lead < 0x80) return {lead, 1};
  std::size_t length = 0;
  char32_t cp = 0;
  if ((lead & 0xE0) == 0xC0) { length = 2; cp = lead & 0x1F; }
  else if ((lead & 0xF0) == 0xE0) { length = 3; cp = lead & 0x0F; }
  else if ((lead & 0xF8) == 0xF0) { length = 4; cp = lead & 0x07; }
  else return {0xFFFD, 1};
  if (pos + length > text.size()) return {0xFFFD, 1};
  for (std::size_t i = 1; i < length; ++i) {
    if ((byte(pos + i) & 0xC0) != 0x80) return {0xFFFD, 1};
    cp = (cp << 6) | (byte(pos + i) & 0x3F);
  }
  return {cp, length};
}

void encode(char32_t cp, std::string& out) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

bool is_wide_space(char32_t cp) {
  return cp == 0x00A0 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029 || cp == 0x202F ||
         cp == 0x205F || cp == 0x3000;
}

inline bool is_space(char32_t cp) {
  if (cp < 0x80) return cp == ' ' || (cp >= '\t' && cp <= '\r');
  return is_wide_space(cp);
}

bool is_zero_width(char32_t cp) { return cp == 0x200B || cp == 0x200C || cp == 0x200D || cp == 0xFEFF || cp == 0x00AD; }

bool is_combining(char32_t cp) { return cp >= 0x0300 && cp <= 0x036F; }

bool is_dash(char32_t cp) { return (cp >= 0x2010 && cp <= 0x2015) || cp == 0x2212; }

// Canonical combining class of the marks we compose; 230 for the rest of the block is close enough.
int combining_class(char32_t mark) {
  if (mark == 0x031B) return 216;  // horn
  if (mark == 0x0323) return 220;  // dot below
  return 230;
}

// Base letter of a Latin letter with diacritics, or 0.
char base_letter(char32_t cp) {
  if (cp >= 0xC0 && cp <= 0x17F) {
    const char c = kLatinBase[cp - 0xC0];
    return c == '.' ? 0 : c;
  }
  if (cp == 0x1A0 || cp == 0x1A1) return 'o';
  if (cp == 0x1AF || cp == 0x1B0) return 'u';
  if (cp >= 0x1EA0 && cp <= 0x1EF9) return kVietBase[cp - 0x1EA0];
  return 0;
}

enum class LetterCase { none, upper, lower };

LetterCase letter_case(char32_t cp) {
  if (cp >= 'A' && cp <= 'Z') return LetterCase::upper;
  if (cp >= 'a' && cp <= 'z') return LetterCase::lower;
  if (cp >= 0xC0 && cp <= 0x17F) {
    const char c = kLatinCase[cp - 0xC0];
    return c == 'U' ? LetterCase::upper : c == 'l' ? LetterCase::lower : LetterCase::none;
  }
  if (cp == 0x1A0 || cp == 0x1AF) return LetterCase::upper;
  if (cp == 0x1A1 || cp == 0x1B0) return LetterCase::lower;
  if (cp >= 0x1EA0 && cp <= 0x1EF9) return (cp % 2 == 0) ? LetterCase::upper : LetterCase::lower;
  return LetterCase::none;
}

char32_t compose_pair(char32_t base, char32_t mark) {
  const auto it = std::lower_bound(std::begin(kCompositions), std::end(kCompositions), Composition{base, mark, 0},
                                   [](const Composition& a, const Composition& b) {
                                     return a.base != b.base ? a.base < b.base : a.mark < b.mark;
                                   });
  return (it != std::end(kCompositions) && it->base == base && it->mark == mark) ? it->composed : 0;
}

// Appends a base letter and the marks typed after it, composing what can be composed.
void flush_cluster(char32_t base, std::vector<char32_t>& marks, std::string& out) {
  std::stable_sort(marks.begin(), marks.end(),
                   [](char32_t a, char32_t b) { return combining_class(a) < combining_class(b); });
  std::vector<char32_t> left;
  for (char32_t mark : marks) {
    const char32_t composed = base ? compose_pair(base, mark) : 0;
    if (composed && left.empty()) base = composed;
    else left.push_back(mark);
  }
  if (base) encode(base, out);
  for (char32_t mark : left) encode(mark, out);
  marks.clear();
}

}  // namespace

std::string fold_text(std::string_view utf8) {
  // The folded text is never longer than the input: write in place, then cut.
  std::string out(utf8.size(), '\0');
  std::size_t size = 0;
  bool pending_space = false;
  for (std::size_t pos = 0; pos < utf8.size();) {
    const unsigned char byte = static_cast<unsigned char>(utf8[pos]);
    char32_t cp = byte;
    if (byte < 0x80) {
      ++pos;
    } else {
      const Decoded decoded = decode(utf8, pos);
      cp = decoded.cp;
      pos += decoded.length;
    }
    if (is_space(cp)) {
      pending_space = size > 0;
      continue;
    }
    if (cp >= 0x80 && (is_combining(cp) || is_zero_width(cp))) continue;
    if (pending_space) out[size++] = ' ';
    pending_space = false;
    if (cp < 0x80) {
      out[size++] = static_cast<char>((cp >= 'A' && cp <= 'Z') ? cp - 'A' + 'a' : cp);
    } else if (const char base = base_letter(cp)) {
      out[size++] = base;
    } else if (is_dash(cp)) {
      out[size++] = '-';
    } else {
      std::string encoded;
      encode(cp, encoded);
      for (char c : encoded) out[size++] = c;
    }
  }
  out.resize(size);
  return out;
}

std::string compose_vietnamese(std::string_view utf8) {
  const bool has_marks = [&] {
    for (std::size_t i = 0; i + 1 < utf8.size(); ++i)  // U+0300..U+036F encode as CC 80..CD AF
      if (utf8[i] == '\xCC' || utf8[i] == '\xCD') return true;
    return false;
  }();
  if (!has_marks) return std::string(utf8);
  std::string out;
  out.reserve(utf8.size());
  char32_t base = 0;
  std::vector<char32_t> marks;
  for (std::size_t pos = 0; pos < utf8.size();) {
    const auto [cp, length] = decode(utf8, pos);
    pos += length;
    if (is_combining(cp)) {
      marks.push_back(cp);
      continue;
    }
    flush_cluster(base, marks, out);
    base = cp;
  }
  flush_cluster(base, marks, out);
  return out;
}

std::string tidy_text(std::string_view utf8) {
  // Bytes are copied as they are; only white space and zero-width characters are looked at.
  std::string spaced;
  spaced.reserve(utf8.size());
  bool pending_space = false;
  bool has_marks = false;
  for (std::size_t pos = 0; pos < utf8.size();) {
    const unsigned char byte = static_cast<unsigned char>(utf8[pos]);
    std::size_t length = 1;
    char32_t cp = byte;
    if (byte >= 0x80) {
      const Decoded decoded = decode(utf8, pos);
      cp = decoded.cp;
      length = decoded.length;
    }
    if (is_space(cp)) {
      pending_space = !spaced.empty();
      pos += length;
      continue;
    }
    if (cp >= 0x80 && is_zero_width(cp)) {
      pos += length;
      continue;
    }
    if (pending_space) spaced += ' ';
    pending_space = false;
    if (is_combining(cp)) has_marks = true;
    spaced.append(utf8.substr(pos, length));
    pos += length;
  }
  return has_marks ? compose_vietnamese(spaced) : spaced;
}

bool is_blank_text(std::string_view utf8) {
  for (std::size_t pos = 0; pos < utf8.size();) {
    const unsigned char byte = static_cast<unsigned char>(utf8[pos]);
    if (byte < 0x80) {
      if (byte != ' ' && (byte < '\t' || byte > '\r')) return false;
      ++pos;
      continue;
    }
    const auto [cp, length] = decode(utf8, pos);
    pos += length;
    if (!is_space(cp) && !is_zero_width(cp)) return false;
  }
  return true;
}

LetterCount count_letters(std::string_view utf8) {
  LetterCount count;
  for (std::size_t pos = 0; pos < utf8.size();) {
    const auto [cp, length] = decode(utf8, pos);
    pos += length;
    const LetterCase c = letter_case(cp);
    if (c == LetterCase::none) continue;
    ++count.letters;
    if (c == LetterCase::upper) ++count.upper;
  }
  return count;
}

}  // namespace phuluc
