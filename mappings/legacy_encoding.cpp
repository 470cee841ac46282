#include "mappings/legacy_encoding.hpp"

#include <algorithm>
#include <array>
#include <iterator>
#include <map>
#include <optional>

#include "mappings/text_normalize.hpp"

namespace phuluc {
namespace {

// Decodes UTF-8 leniently: a malformed byte becomes U+FFFD and decoding goes on.
std::u32string decode(std::string_view utf8) {
  std::u32string out;
  out.reserve(utf8.size());
  for (std::size_t i = 0; i < utf8.size();) {
    const auto lead = static_cast<unsigned char>(utf8[i]);
    int extra = lead < 0x80 ? 0 : (lead >> 5) == 0x6 ? 1 : (lead >> 4) == 0xE ? 2 : (lead >> 3) == 0x1E ? 3 : -1;
    if (extra < 0 || i + static_cast<std::size_t>(extra) >= utf8.size()) {
      out.push_back(0xFFFD);
      ++i;
      continue;
    }
    char32_t code = extra == 0 ? lead : extra == 1 ? (lead & 0x1F) : extra == 2 ? (lead & 0x0F) : (lead & 0x07);
    bool valid = true;
    for (int k = 1; k <= extra; ++k) {
      const auto next = static_cast<unsigned char>(utf8[i + static_cast<std::size_t>(k)]);
      if ((next & 0xC0) != 0x80) {
        valid = false;
        break;
      }
      code = (code << 6) | (next & 0x3F);
    }
    if (!valid) {
      out.push_back(0xFFFD);
      ++i;
      continue;
    }
    out.push_back(code);
    i += static_cast<std::size_t>(extra) + 1;
  }
  return out;
}

void append_utf8(std::string& out, char32_t code) {
  if (code < 0x80) {
    out += static_cast<char>(code);
  } else if (code < 0x800) {
    out += static_cast<char>(0xC0 | (code >> 6));
    out += static_cast<char>(0x80 | (code & 0x3F));
  } else if (code < 0x10000) {
    out += static_cast<char>(0xE0 | (code >> 12));
    out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (code >> 18));
    out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code & 0x3F));
  }
}

// TCVN3 (ABC, TCVN 5712:1993) byte → Vietnamese letter. The byte is what a reader shows as the
// Latin-1 character of the same value.
const std::map<char32_t, const char*>& tcvn3_table() {
  static const std::map<char32_t, const char*> table = {
      {0xA1, "Ă"}, {0xA2, "Â"}, {0xA3, "Ê"}, {0xA4, "Ô"}, {0xA5, "Ơ"}, {0xA6, "Ư"}, {0xA7, "Đ"},
      {0xA8, "ă"}, {0xA9, "â"}, {0xAA, "ê"}, {0xAB, "ô"}, {0xAC, "ơ"}, {0xAD, "ư"}, {0xAE, "đ"},
      {0xB5, "à"}, {0xB6, "ả"}, {0xB7, "ã"}, {0xB8, "á"}, {0xB9, "ạ"},
      {0xBB, "ằ"}, {0xBC, "ẳ"}, {0xBD, "ẵ"}, {0xBE, "ắ"}, {0xC6, "ặ"},
      {0xC7, "ầ"}, {0xC8, "ẩ"}, {0xC9, "ẫ"}, {0xCA, "ấ"}, {0xCB, "ậ"},
      {0xCC, "è"}, {0xCE, "ẻ"}, {0xCF, "ẽ"}, {0xD0, "é"}, {0xD1, "ẹ"},
      {0xD2, "ề"}, {0xD3, "ể"}, {0xD4, "ễ"}, {0xD5, "ế"}, {0xD6, "ệ"},
      {0xD7, "ì"}, {0xD8, "ỉ"}, {0xDC, "ĩ"}, {0xDD, "í"}, {0xDE, "ị"},
      {0xDF, "ò"}, {0xE1, "ỏ"}, {0xE2, "õ"}, {0xE3, "ó"}, {0xE4, "ọ"},
      {0xE5, "ồ"}, {0xE6, "ổ"}, {0xE7, "ỗ"}, {0xE8, "ố"}, {0xE9, "ộ"},
      {0xEA, "ờ"}, {0xEB, "ở"}, {0xEC, "ỡ"}, {0xED, "ớ"}, {0xEE, "ợ"},
      {0xEF, "ù"}, {0xF1, "ủ"}, {0xF2, "ũ"}, {0xF3, "ú"}, {0xF4, "ụ"},
      {0xF5, "ừ"}, {0xF6, "ử"}, {0xF7, "ữ"}, {0xF8, "ứ"}, {0xF9, "ự"},
      {0xFA, "ỳ"}, {0xFB, "ỷ"}, {0xFC, "ỹ"}, {0xFD, "ý"}, {0xFE, "ỵ"},
  };
  return table;
}

// VNI-Windows writes a Vietnamese letter as a base letter and one or two mark characters after it:
// "a" + "ù" = "á", "a" + "â" = "â", "a" + "á" = "ấ", "o" + "ô"? no: "ô" alone is "ơ", "ö" is "ư".
enum Tone : int { no_tone = 0, sac, huyen, hoi, nga, nang };
enum Shape : int { no_shape = 0, hat, breve };

struct VniMark {
  Shape shape;
  Tone tone;
};

// Mark characters that follow a vowel (lower and upper case forms).
std::optional<VniMark> vni_mark(char32_t c) {
  switch (c) {
    case 0xF9: case 0xD9: return VniMark{no_shape, sac};    // ù
    case 0xF8: case 0xD8: return VniMark{no_shape, huyen};  // ø
    case 0xFB: case 0xDB: return VniMark{no_shape, hoi};    // û
    case 0xF5: case 0xD5: return VniMark{no_shape, nga};    // õ
    case 0xEF: case 0xCF: return VniMark{no_shape, nang};   // ï
    case 0xE2: case 0xC2: return VniMark{hat, no_tone};     // â
    case 0xE1: case 0xC1: return VniMark{hat, sac};         // á
    case 0xE0: case 0xC0: return VniMark{hat, huyen};       // à
    case 0xE5: case 0xC5: return VniMark{hat, hoi};         // å
    case 0xE3: case 0xC3: return VniMark{hat, nga};         // ã
    case 0xE4: case 0xC4: return VniMark{hat, nang};        // ä
    case 0xEA: case 0xCA: return VniMark{breve, no_tone};   // ê
    case 0xE9: case 0xC9: return VniMark{breve, sac};       // é
    case 0xE8: case 0xC8: return VniMark{breve, huyen};     // è
    case 0xFA: case 0xDA: return VniMark{breve, hoi};       // ú
    case 0xFC: case 0xDC: return VniMark{breve, nga};       // ü
    case 0xEB: case 0xCB: return VniMark{breve, nang};      // ë
    default: return std::nullopt;
  }
}

const char32_t kToneMarks[] = {0, 0x0301, 0x0300, 0x0309, 0x0303, 0x0323};

// Letters VNI writes as one character: ơ, ư, đ and the tones of i and y that have no base+mark form.
std::optional<std::pair<char32_t, Tone>> vni_letter(char32_t c) {
  switch (c) {
    case 0xF4: return std::pair{U'\u01A1', no_tone};  // ô → ơ
    case 0xD4: return std::pair{U'\u01A0', no_tone};
    case 0xF6: return std::pair{U'\u01B0', no_tone};  // ö → ư
    case 0xD6: return std::pair{U'\u01AF', no_tone};
    case 0xF1: return std::pair{U'\u0111', no_tone};  // ñ → đ
    case 0xD1: return std::pair{U'\u0110', no_tone};
    case 0xED: return std::pair{U'i', sac};            // í
    case 0xEC: return std::pair{U'i', huyen};          // ì
    case 0xE6: return std::pair{U'i', hoi};            // æ
    case 0xF3: return std::pair{U'i', nga};            // ó
    case 0xF2: return std::pair{U'i', nang};           // ò
    case 0xCD: return std::pair{U'I', sac};
    case 0xCC: return std::pair{U'I', huyen};
    case 0xC6: return std::pair{U'I', hoi};
    case 0xD3: return std::pair{U'I', nga};
    case 0xD2: return std::pair{U'I', nang};
    case 0xEE: return std::pair{U'y', nang};           // î → ỵ
    case 0xCE: return std::pair{U'Y', nang};
    default: return std::nullopt;
  }
}

bool is_vowel_letter(char32_t c) {
  switch (c) {
    case 'a': case 'e': case 'i': case 'o': case 'u': case 'y':
    case 'A': case 'E': case 'I': case 'O': case 'U': case 'Y':
    case 0x01A1: case 0x01A0: case 0x01B0: case 0x01AF: return true;
    default: return false;
  }
}

// The Latin-1 letters Unicode Vietnamese uses: à á â ã è é ê ì í ò ó ô õ ù ú ý and capitals.
bool is_vietnamese_latin1_letter(char32_t c) {
  const char32_t lower = (c >= 0xC0 && c <= 0xDE && c != 0xD7) ? c + 0x20 : c;
  switch (lower) {
    case 0xE0: case 0xE1: case 0xE2: case 0xE3: case 0xE8: case 0xE9: case 0xEA: case 0xEC: case 0xED:
    case 0xF2: case 0xF3: case 0xF4: case 0xF5: case 0xF9: case 0xFA: case 0xFD: return true;
    default: return false;
  }
}

// Ă ă Đ đ Ĩ ĩ Ũ ũ Ơ ơ Ư ư and the Latin Extended Additional block (ạ ả ấ ... ỹ): Unicode Vietnamese.
bool is_vietnamese_letter_beyond_latin1(char32_t c) {
  return c == 0x0102 || c == 0x0103 || c == 0x0110 || c == 0x0111 || c == 0x0128 || c == 0x0129 || c == 0x0168 ||
         c == 0x0169 || c == 0x01A0 || c == 0x01A1 || c == 0x01AF || c == 0x01B0 || (c >= 0x1EA0 && c <= 0x1EF9);
}

// A circumflex sits only on a, e, o and a breve only on a.
bool shape_fits(Shape shape, char32_t vowel) {
  const char32_t lower = vowel >= 'A' && vowel <= 'Z' ? vowel + 32 : vowel;
  if (shape == hat) return lower == 'a' || lower == 'e' || lower == 'o';
  if (shape == breve) return lower == 'a';
  return true;
}

// Decodes VNI text read as Latin-1 characters into Unicode (NFD pieces; the caller composes).
std::u32string vni_decode(const std::u32string& text) {
  std::u32string out;
  out.reserve(text.size());
  for (const char32_t c : text) {
    const char32_t prev = out.empty() ? U' ' : out.back();
    if (const auto mark = vni_mark(c); mark && is_vowel_letter(prev) && shape_fits(mark->shape, prev)) {
      if (mark->shape == hat) out.push_back(0x0302);
      if (mark->shape == breve) out.push_back(0x0306);
      if (mark->tone != no_tone) out.push_back(kToneMarks[mark->tone]);
      continue;
    }
    if (const auto letter = vni_letter(c)) {
      out.push_back(letter->first);
      if (letter->second != no_tone) out.push_back(kToneMarks[letter->second]);
      continue;
    }
    out.push_back(c);
  }
  return out;
}

std::string encode(const std::u32string& text) {
  std::string out;
  for (const char32_t c : text) append_utf8(out, c);
  return out;
}

// Whether a word (bare: no diacritics, lower case ASCII) has the shape of one Vietnamese syllable:
// an onset, one to three vowels, a final consonant. Text in a legacy encoding decodes into such
// words; German, Portuguese or Swedish words with the same Latin-1 letters do not.
bool is_syllable(std::string_view word) {
  static const char* const onsets[] = {"ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr", "b", "c", "d",
                                       "g",   "h",  "k",  "l",  "m",  "n",  "p",  "r",  "s",  "t",  "v",  "x",  ""};
  static const char* const codas[] = {"ng", "nh", "ch", "c", "m", "n", "p", "t", ""};
  // Vowel groups of Vietnamese without their marks ("ươi" is "uoi"); "oo", "eua" are not among them.
  static const char* const nuclei[] = {"a",   "e",   "i",   "o",   "u",   "y",   "ai",  "ao",  "au",  "ay",  "eo",
                                       "eu",  "ia",  "ie",  "iu",  "oa",  "oe",  "oi",  "ua",  "ue",  "ui",  "uo",
                                       "uy",  "ye",  "ieu", "yeu", "oai", "oay", "uay", "uoi", "uou", "uya", "uye",
                                       "uyu", "oeo"};
  const auto is_vowel = [](char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y'; };
  for (const char* onset : onsets) {
    const std::string_view head(onset);
    if (word.substr(0, head.size()) != head) continue;
    std::size_t at = head.size();
    while (at < word.size() && is_vowel(word[at])) ++at;
    const auto nucleus = word.substr(head.size(), at - head.size());
    if (nucleus.empty() && !(head == "gi" && at == word.size())) continue;
    if (!nucleus.empty() && std::none_of(std::begin(nuclei), std::end(nuclei),
                                         [&](const char* known) { return nucleus == known; }))
      continue;
    const auto tail = word.substr(at);
    for (const char* coda : codas)
      if (tail == coda) return true;
  }
  return false;
}

struct DecodeCheck {
  int words = 0;    // words with letters in the text
  int changed = 0;  // words the decoding changed
  int valid = 0;    // of those, words that are Vietnamese syllables
  int long_valid = 0;  // of those, syllables of two letters or more (a lone "£" decodes into "Ê")
};

void count_word(DecodeCheck& check, const NormalToken& word) {
  ++check.changed;
  if (!is_syllable(word.bare)) return;
  ++check.valid;
  if (word.bare.size() >= 2) ++check.long_valid;
}

// Compares the words of the original and the decoded text: how many changed, how many of the changed
// ones read as Vietnamese syllables.
DecodeCheck check_decoding(std::string_view original, const std::string& decoded) {
  DecodeCheck check;
  const auto before = tokenize(original);
  const auto after = tokenize(decoded);
  for (const auto& word : after) check.words += word.numeric ? 0 : 1;
  if (before.size() != after.size()) {  // a symbol decoded into a letter joined two pieces of a word
    for (const auto& word : after) {
      if (word.numeric) continue;
      bool ascii = true;
      for (const char c : word.text) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
      if (ascii) continue;
      count_word(check, word);
    }
    return check;
  }
  for (std::size_t i = 0; i < after.size(); ++i) {
    if (after[i].text == before[i].text) continue;
    count_word(check, after[i]);
  }
  return check;
}

// Each candidate decoding must turn the words it changes into Vietnamese syllables, nearly all of them.
bool decoding_reads_as_vietnamese(const DecodeCheck& check) {
  // Most Vietnamese words carry a mark, so legacy text changes many of its words; French or
  // Portuguese text with a few accented words does not.
  const bool many_changed = check.words <= 3 || check.changed * 10 >= check.words * 3;
  return check.long_valid >= 1 && check.valid * 4 >= check.changed * 3 && many_changed;
}

}  // namespace

const char* legacy_encoding_id(LegacyEncoding encoding) {
  switch (encoding) {
    case LegacyEncoding::tcvn3: return "tcvn3";
    case LegacyEncoding::vni: return "vni";
    case LegacyEncoding::none: return "none";
  }
  return "none";
}

LegacyEncodingGuess detect_legacy_encoding(std::string_view utf8) {
  bool latin1_letters = false;  // only text with characters U+00A1..U+00FF can be legacy text
  for (std::size_t i = 0; i + 1 < utf8.size(); ++i) {
    const auto lead = static_cast<unsigned char>(utf8[i]);
    latin1_letters = latin1_letters || lead == 0xC2 || lead == 0xC3;
  }
  if (!latin1_letters) return {};
  // Unicode Vietnamese has ư, ơ, đ, ạ, ... beyond Latin-1; legacy text never does. And legacy text
  // always has some Latin-1 character no Vietnamese word uses (¬, ­, ®, ø, ö, ...).
  const std::u32string text = decode(utf8);
  bool foreign = false;
  for (const char32_t c : text) {
    if (is_vietnamese_letter_beyond_latin1(c)) return {};
    foreign = foreign || (c >= 0xA1 && c <= 0xFF && !is_vietnamese_latin1_letter(c));
  }
  if (!foreign) return {};
  const DecodeCheck tcvn3 = check_decoding(utf8, tcvn3_to_unicode(utf8));
  const DecodeCheck vni = check_decoding(utf8, vni_to_unicode(utf8));
  const bool tcvn3_ok = decoding_reads_as_vietnamese(tcvn3);
  const bool vni_ok = decoding_reads_as_vietnamese(vni);
  if (tcvn3_ok && (!vni_ok || tcvn3.valid >= vni.valid)) return {LegacyEncoding::tcvn3, tcvn3.valid};
  if (vni_ok) return {LegacyEncoding::vni, vni.valid};
  return {};
}

std::string tcvn3_to_unicode(std::string_view utf8) {
  const auto& table = tcvn3_table();
  std::string out;
  out.reserve(utf8.size() + 8);
  for (const char32_t c : decode(utf8)) {
    const auto found = table.find(c);
    if (found != table.end()) out += found->second;
    else append_utf8(out, c);
  }
  return to_nfc(out);
}

std::string vni_to_unicode(std::string_view utf8) { return to_nfc(encode(vni_decode(decode(utf8)))); }

std::string legacy_to_unicode(std::string_view utf8, LegacyEncoding encoding) {
  switch (encoding) {
    case LegacyEncoding::tcvn3: return tcvn3_to_unicode(utf8);
    case LegacyEncoding::vni: return vni_to_unicode(utf8);
    case LegacyEncoding::none: break;
  }
  return std::string(utf8);
}

std::vector<Finding> find_legacy_text(const Workbook& workbook) {
  std::vector<Finding> findings;
  for (const auto& sheet : workbook.sheets) {
    std::array<int, 3> counts{};
    std::array<std::optional<Finding>, 3> first;
    for (const auto& row : sheet.rows) {
      for (const auto& cell : row.cells) {
        if (cell.kind != CellKind::text) continue;
        const auto guess = detect_legacy_encoding(cell.text);
        if (guess.encoding == LegacyEncoding::none) continue;
        const auto slot = static_cast<std::size_t>(guess.encoding);
        ++counts[slot];
        if (first[slot]) continue;
        Finding finding;
        finding.code = "legacy-encoding";
        finding.severity = Severity::warning;
        finding.sheet = sheet.name;
        finding.cell = CellRef{row.index, cell.col};
        finding.found_text = cell.text;
        first[slot] = std::move(finding);
      }
    }
    for (std::size_t slot = 1; slot < first.size(); ++slot) {
      if (!first[slot]) continue;
      Finding finding = std::move(*first[slot]);
      const auto encoding = static_cast<LegacyEncoding>(slot);
      finding.detail = std::string(legacy_encoding_id(encoding)) + ": " + std::to_string(counts[slot]) +
                       " text cell(s) look like " +
                       (encoding == LegacyEncoding::tcvn3 ? "TCVN3 (ABC, .VnTime)" : "VNI") + " text";
      finding.detail += "; first one reads \"" + legacy_to_unicode(finding.found_text, encoding) + "\"";
      findings.push_back(std::move(finding));
    }
  }
  return findings;
}

}  // namespace phuluc
