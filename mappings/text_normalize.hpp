#pragma once
// Vietnamese text normalization with ICU: NFC, case folding, folding of white space, line breaks
// and punctuation, diacritic-insensitive forms (đ → d) and the abbreviations officers type.
// The row matcher (mappings/row_matcher.hpp) compares labels only through these functions.
#include <string>
#include <string_view>
#include <vector>

namespace phuluc {

/// The NFC form of UTF-8 text. Invalid UTF-8 bytes become U+FFFD.
///   to_nfc("Tie\u0302\u0301u")  → "Tiếu" (precomposed)
std::string to_nfc(std::string_view utf8);

/// Case-folded NFC text ("ĐỔI MỚI Hoạt Động" → "đổi mới hoạt động"). Spacing is kept as is.
std::string fold_case(std::string_view utf8);

/// Removes Vietnamese diacritics: tone marks and vowel marks go, đ/Đ become d/D; case is kept.
///   strip_diacritics("Đổi mới") → "Doi moi"
std::string strip_diacritics(std::string_view utf8);

/// One word of normalized text.
struct NormalToken {
  std::string text;      ///< case-folded NFC word with its diacritics ("mở")
  std::string bare;      ///< the same word without diacritics ("mo"): the fallback comparison
  bool numeric = false;  ///< the word is all digits ("2025", "01")
  friend bool operator==(const NormalToken&, const NormalToken&) = default;
};

/// Splits text into case-folded NFC words. Letters and digits make words; every other character
/// (white space, line breaks, punctuation, "&", "-", "/") separates them, and a change between
/// letters and digits also separates ("TDA1" → "tda", "1"). Abbreviations are left as typed.
///   tokenize("Dự án 5:\nPhát  triển") → {"dự","án","5","phát","triển"}
std::vector<NormalToken> tokenize(std::string_view utf8);

/// tokenize() followed by expand_abbreviations(): the form the matcher compares.
///   normalize_words("CT MTQG DTTS&MN") → {"chương","trình","mục","tiêu","quốc","gia","dân","tộc",
///                                         "thiểu","số","miền","núi"}
std::vector<NormalToken> normalize_words(std::string_view utf8);

/// Replaces the abbreviations common in MTQG reports by their words, matching the words without
/// diacritics: MTQG, CT MTQG, DTTS, ĐBDTTS, MN, NTM, GNBV, KT-XH, PTDTNT, PTDTBT, HSBT, GDNN, GD&ĐT,
/// ĐBKK, MTTQ, NN, CSHT, ... Only letter groups that are no Vietnamese syllable are expanded, so a
/// real word typed without diacritics ("da" for "đa") is never taken for one. DA, TDA and ND are
/// read with their number by the matcher, not here. A vowel-less group one slip away from exactly
/// one abbreviation of 4+ letters is read as it ("TMQG", "MTG" → MTQG).
std::vector<NormalToken> expand_abbreviations(std::vector<NormalToken> words);

/// The words of normalize_words() joined by single spaces; `bare` picks the diacritic-free form.
///   normalized_text("  Mở   LỚP\nxóa mù chữ ") → "mở lớp xóa mù chữ"
///   normalized_text("Mở lớp", true)           → "mo lop"
std::string normalized_text(std::string_view utf8, bool bare = false);

/// Whether two texts are the same once normalized, ignoring diacritics when `loose` is set.
///   same_text("Mơ lớp xoá mù chữ", "MỞ LỚP XÓA MÙ CHỮ", true) → true
bool same_text(std::string_view a, std::string_view b, bool loose = false);

/// Number of Unicode code points in UTF-8 text (for aligning and shortening printed labels).
std::size_t utf8_length(std::string_view utf8);

/// The first `max_points` code points of UTF-8 text, with "…" appended when it was longer.
std::string utf8_shorten(std::string_view utf8, std::size_t max_points);

}  // namespace phuluc
