#include "mappings/text_normalize.hpp"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <stdexcept>
#include <unordered_map>

namespace phuluc {
namespace {

const icu::Normalizer2& nfc_normalizer() {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* normalizer = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status) || normalizer == nullptr) throw std::runtime_error("ICU NFC normalizer unavailable");
  return *normalizer;
}

const icu::Normalizer2& nfd_normalizer() {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* normalizer = icu::Normalizer2::getNFDInstance(status);
  if (U_FAILURE(status) || normalizer == nullptr) throw std::runtime_error("ICU NFD normalizer unavailable");
  return *normalizer;
}

icu::UnicodeString from_utf8(std::string_view utf8) {
  return icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<std::int32_t>(utf8.size())));
}

std::string to_utf8(const icu::UnicodeString& text) {
  std::string out;
  text.toUTF8String(out);
  return out;
}

icu::UnicodeString nfc(const icu::UnicodeString& text) {
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString out = nfc_normalizer().normalize(text, status);
  return U_FAILURE(status) ? text : out;
}

bool is_mark(UChar32 c) {
  const auto type = u_charType(c);
  return type == U_NON_SPACING_MARK || type == U_COMBINING_SPACING_MARK || type == U_ENCLOSING_MARK;
}

// Marks removed after NFD; đ and Đ have no decomposition, so they are mapped by hand.
icu::UnicodeString without_marks(const icu::UnicodeString& text) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::UnicodeString decomposed = nfd_normalizer().normalize(text, status);
  icu::UnicodeString out;
  for (std::int32_t i = 0; i < decomposed.length();) {
    const UChar32 c = decomposed.char32At(i);
    i = decomposed.moveIndex32(i, 1);
    if (is_mark(c)) continue;
    if (c == 0x0111) out.append(static_cast<UChar32>('d'));
    else if (c == 0x0110) out.append(static_cast<UChar32>('D'));
    else out.append(c);
  }
  return out;
}

enum class CharClass { separator, letter, digit, mark };

CharClass classify(UChar32 c) {
  if (c == 0xFFFD) return CharClass::separator;
  if (u_isdigit(c)) return CharClass::digit;
  if (u_isalpha(c)) return CharClass::letter;
  if (is_mark(c)) return CharClass::mark;
  return CharClass::separator;
}

void append_utf8(std::string& out, UChar32 c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

// Base letter of every code point below U+2000 (Latin, Latin Extended, Vietnamese): "ộ" → 'o',
// "Đ" → 'D'. Words are compared letter by letter many times per row, so each decomposition is
// remembered; it is worked out on first use because one process meets a few dozen letters and
// decomposing all 8,192 up front cost more than checking a whole appendix. 0 means "not yet":
// no letter at or above U+0080 has the base U+0000. Threads may race to fill a slot; both write
// the same value.
constexpr UChar32 kBaseTableSize = 0x2000;

UChar32 decomposed_base(UChar32 c) {
  const icu::UnicodeString stripped = without_marks(icu::UnicodeString(c));
  return stripped.countChar32() == 1 ? stripped.char32At(0) : c;
}

UChar32 remembered_base(UChar32 c) {
  static std::array<std::atomic<UChar32>, kBaseTableSize> bases{};
  auto& slot = bases[static_cast<std::size_t>(c)];
  UChar32 base = slot.load(std::memory_order_relaxed);
  if (base == 0) {
    base = decomposed_base(c);
    slot.store(base, std::memory_order_relaxed);
  }
  return base;
}

// The base letter of one code point, or -1 for a combining mark (dropped from the bare form).
UChar32 base_letter(UChar32 c) {
  if (c < 0x80) return c;
  if (is_mark(c)) return -1;
  if (c < kBaseTableSize) return remembered_base(c);
  return c;
}

NormalToken make_token(std::string text, std::string bare, bool numeric) {
  NormalToken token;
  token.numeric = numeric;
  if (numeric) {  // "01" and "1" are the same number; keep one zero for "0"
    const auto first = text.find_first_not_of('0');
    token.text = first == std::string::npos ? "0" : text.substr(first);
    token.bare = token.text;
    return token;
  }
  token.text = std::move(text);
  token.bare = std::move(bare);
  return token;
}

struct Abbreviation {
  std::vector<std::string> pattern;  // bare words
  std::vector<NormalToken> words;    // expansion
};

// Letter groups officers use for the programs and their parts. Every pattern word is a letter
// group that is no Vietnamese syllable, so words typed without diacritics never match.
const std::vector<Abbreviation>& abbreviations() {
  static const std::vector<Abbreviation> table = [] {
    const std::vector<std::pair<std::string, std::string>> source = {
        {"ct mtqg", "chương trình mục tiêu quốc gia"},
        {"ctmtqg", "chương trình mục tiêu quốc gia"},
        {"mtqg", "mục tiêu quốc gia"},
        {"ct", "chương trình"},
        {"dbdtts", "đồng bào dân tộc thiểu số"},
        {"dttsmn", "dân tộc thiểu số và miền núi"},
        {"dtts", "dân tộc thiểu số"},
        {"mn", "miền núi"},
        {"ntm", "nông thôn mới"},
        {"gnbv", "giảm nghèo bền vững"},
        {"kt xh", "kinh tế xã hội"},
        {"ktxh", "kinh tế xã hội"},
        {"xh", "xã hội"},
        {"kt gs", "kiểm tra giám sát"},
        {"gs dg", "giám sát đánh giá"},
        {"gsdg", "giám sát đánh giá"},
        {"ptdtnt", "phổ thông dân tộc nội trú"},
        {"ptdtbt", "phổ thông dân tộc bán trú"},
        {"hsbt", "học sinh bán trú"},
        {"gdnn", "giáo dục nghề nghiệp"},
        {"gd dt", "giáo dục đào tạo"},
        {"gddt", "giáo dục đào tạo"},
        {"dbkk", "đặc biệt khó khăn"},
        {"xmc", "xóa mù chữ"},
        {"csht", "cơ sở hạ tầng"},
        {"mttqvn", "mặt trận tổ quốc việt nam"},
        {"mttq", "mặt trận tổ quốc"},
        {"vn", "việt nam"},
        {"nn", "nông nghiệp"},
        {"ptnt", "phát triển nông thôn"},
        {"ptsx", "phát triển sản xuất"},
        {"sx", "sản xuất"},
        {"bdg", "bình đẳng giới"},
        {"hcc", "hành chính công"},
        {"cds", "chuyển đổi số"},
        {"cntt", "công nghệ thông tin"},
        {"qp an", "quốc phòng an ninh"},
        {"qpan", "quốc phòng an ninh"},
        {"antt", "an ninh trật tự"},
        {"vh", "văn hóa"},
        {"ubnd", "ủy ban nhân dân"},
        {"htx", "hợp tác xã"},
        {"attp", "an toàn thực phẩm"},
        {"vsmt", "vệ sinh môi trường"},
        {"dtpt", "đầu tư phát triển"},
        {"lhpn", "liên hiệp phụ nữ"},
        {"xd", "xây dựng"},
        {"pt", "phát triển"},
        {"nnl", "nguồn nhân lực"},
        {"bvr", "bảo vệ rừng"},
        {"gqvl", "giải quyết việc làm"},
        {"hdnd", "hội đồng nhân dân"},
    };
    std::vector<Abbreviation> built;
    for (const auto& [pattern, expansion] : source) {
      Abbreviation entry;
      for (auto& token : tokenize(pattern)) entry.pattern.push_back(token.bare);
      entry.words = tokenize(expansion);
      built.push_back(std::move(entry));
    }
    // Longest pattern first, so "kt xh" wins over "xh".
    std::stable_sort(built.begin(), built.end(),
                     [](const Abbreviation& a, const Abbreviation& b) { return a.pattern.size() > b.pattern.size(); });
    return built;
  }();
  return table;
}

// Abbreviations by their first word, longest pattern first: most words start none.
const std::unordered_map<std::string, std::vector<const Abbreviation*>>& abbreviations_by_first_word() {
  static const auto table = [] {
    std::unordered_map<std::string, std::vector<const Abbreviation*>> index;
    for (const auto& abbreviation : abbreviations()) index[abbreviation.pattern.front()].push_back(&abbreviation);
    return index;
  }();
  return table;
}

bool has_vowel(std::string_view bare) { return bare.find_first_of("aeiouy") != std::string_view::npos; }

// Whether two short ASCII words differ by one edit (insert, delete, substitute, swap neighbours).
bool one_edit_apart(std::string_view a, std::string_view b) {
  if (a == b) return false;
  if (a.size() == b.size()) {
    std::size_t first = 0;
    while (a[first] == b[first]) ++first;
    if (a.substr(first + 1) == b.substr(first + 1)) return true;  // substitution
    return first + 1 < a.size() && a[first] == b[first + 1] && a[first + 1] == b[first] &&
           a.substr(first + 2) == b.substr(first + 2);  // neighbours swapped
  }
  if (a.size() + 1 == b.size()) std::swap(a, b);
  if (b.size() + 1 != a.size()) return false;
  std::size_t first = 0;
  while (first < b.size() && a[first] == b[first]) ++first;
  return a.substr(first + 1) == b.substr(first);  // one letter dropped
}

// An abbreviation typed with one slip ("TMQG", "MTG" for "MTQG"): only letter groups with no vowel,
// so no Vietnamese word is ever read as one, and only when a single abbreviation is that close.
const Abbreviation* near_abbreviation(const NormalToken& word) {
  if (word.numeric || word.bare.size() < 3 || has_vowel(word.bare)) return nullptr;
  const Abbreviation* found = nullptr;
  for (const auto& abbreviation : abbreviations()) {
    if (abbreviation.pattern.size() != 1 || abbreviation.pattern[0].size() < 4) continue;
    if (!one_edit_apart(word.bare, abbreviation.pattern[0])) continue;
    if (found != nullptr) return nullptr;
    found = &abbreviation;
  }
  return found;
}

}  // namespace

std::string to_nfc(std::string_view utf8) { return to_utf8(nfc(from_utf8(utf8))); }

std::string fold_case(std::string_view utf8) {
  icu::UnicodeString text = nfc(from_utf8(utf8));
  text.foldCase();
  return to_utf8(nfc(text));
}

std::string strip_diacritics(std::string_view utf8) {
  const icu::UnicodeString text = nfc(from_utf8(utf8));
  std::string out;
  out.reserve(utf8.size());
  for (std::int32_t i = 0; i < text.length();) {
    const UChar32 c = text.char32At(i);
    i = text.moveIndex32(i, 1);
    if (const UChar32 base = base_letter(c); base >= 0) append_utf8(out, base);
  }
  return out;
}

std::vector<NormalToken> tokenize(std::string_view utf8) {
  icu::UnicodeString text = nfc(from_utf8(utf8));
  text.foldCase();
  text = nfc(text);  // folding can leave a letter and its mark apart
  std::vector<NormalToken> tokens;
  std::string word;
  std::string bare;
  CharClass word_class = CharClass::separator;
  const auto flush = [&] {
    if (!word.empty()) tokens.push_back(make_token(std::move(word), std::move(bare), word_class == CharClass::digit));
    word.clear();
    bare.clear();
    word_class = CharClass::separator;
  };
  for (std::int32_t i = 0; i < text.length();) {
    const UChar32 c = text.char32At(i);
    i = text.moveIndex32(i, 1);
    const CharClass kind = classify(c);
    if (kind == CharClass::separator) {
      flush();
      continue;
    }
    if (kind == CharClass::mark) {  // a stray combining mark belongs to the word before it
      if (!word.empty()) append_utf8(word, c);
      continue;
    }
    if (!word.empty() && kind != word_class) flush();
    word_class = kind;
    append_utf8(word, c);
    if (const UChar32 base = base_letter(c); base >= 0) append_utf8(bare, base);
  }
  flush();
  return tokens;
}

std::vector<NormalToken> expand_abbreviations(std::vector<NormalToken> words) {
  std::vector<NormalToken> out;
  out.reserve(words.size() + 8);
  const auto& by_first_word = abbreviations_by_first_word();
  for (std::size_t i = 0; i < words.size();) {
    const Abbreviation* found = nullptr;
    const auto candidates = words[i].numeric ? by_first_word.end() : by_first_word.find(words[i].bare);
    if (candidates != by_first_word.end()) {
      for (const Abbreviation* entry : candidates->second) {
        const auto& abbreviation = *entry;
        const auto& pattern = abbreviation.pattern;
        if (i + pattern.size() > words.size()) continue;
        bool same = true;
        for (std::size_t k = 0; k < pattern.size() && same; ++k) same = words[i + k].bare == pattern[k];
        if (same) {
          found = &abbreviation;
          break;
        }
      }
    }
    if (found == nullptr) found = near_abbreviation(words[i]);
    if (found == nullptr) {
      out.push_back(std::move(words[i]));
      ++i;
      continue;
    }
    out.insert(out.end(), found->words.begin(), found->words.end());
    i += found->pattern.size();
  }
  return out;
}

std::vector<NormalToken> normalize_words(std::string_view utf8) { return expand_abbreviations(tokenize(utf8)); }

std::string normalized_text(std::string_view utf8, bool bare) {
  std::string out;
  for (const auto& token : normalize_words(utf8)) {
    if (!out.empty()) out += ' ';
    out += bare ? token.bare : token.text;
  }
  return out;
}

bool same_text(std::string_view a, std::string_view b, bool loose) {
  return normalized_text(a, loose) == normalized_text(b, loose);
}

std::size_t utf8_length(std::string_view utf8) {
  std::size_t count = 0;
  for (const char c : utf8)
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++count;
  return count;
}

std::string utf8_shorten(std::string_view utf8, std::size_t max_points) {
  if (utf8_length(utf8) <= max_points) return std::string(utf8);
  std::size_t points = 0;
  std::size_t end = 0;
  for (; end < utf8.size(); ++end) {
    if ((static_cast<unsigned char>(utf8[end]) & 0xC0) != 0x80) {
      if (points == max_points) break;
      ++points;
    }
  }
  std::string out(utf8.substr(0, end));
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out + "…";
}

}  // namespace phuluc
