#pragma once
// Small Unicode helpers for the table finder: fold text for word matching, tidy text for output.
// Only what Vietnamese appendices need; the full ICU normalizer lives in mappings/.
#include <string>
#include <string_view>

namespace phuluc {

/// Folds text for tolerant word matching: lower case, Vietnamese and Latin-1 diacritics removed
/// ("đ" → "d", "Ướ" → "uo"), combining marks dropped, dashes (– — −) turned into '-', runs of white
/// space (including NBSP and line breaks) turned into one space, ends trimmed. Works on NFC and
/// NFD input alike; other characters pass through unchanged.
///   fold_text("  Tổng\nSỐ ") == "tong so"
///   fold_text("NSĐP") == "nsdp"
std::string fold_text(std::string_view utf8);

/// Composes Vietnamese letters typed as a base letter plus combining marks (what some keyboards
/// send) into their precomposed NFC form; text already in NFC comes back unchanged.
///   compose_vietnamese("a\u0323\u0302") == "ậ"
std::string compose_vietnamese(std::string_view utf8);

/// The text as we show it: Vietnamese letters composed (NFC), white-space runs (NBSP, tabs, line
/// breaks) folded into one space, zero-width characters removed, ends trimmed.
///   tidy_text(" Kế hoạch\n vốn ") == "Kế hoạch vốn"
std::string tidy_text(std::string_view utf8);

/// Whether the text shows nothing: empty, or only white space (NBSP and line breaks included) and
/// zero-width characters. Allocates nothing.
///   is_blank_text(" \u00A0\n") == true
bool is_blank_text(std::string_view utf8);

/// Letters in the text and how many of them are upper case (ASCII, Latin-1 and Vietnamese letters).
struct LetterCount {
  int letters = 0;
  int upper = 0;
};

/// Counts letters and upper-case letters, e.g. to tell a title in capitals from a sentence.
///   count_letters("TỔNG hợp") → {letters 7, upper 4}
LetterCount count_letters(std::string_view utf8);

}  // namespace phuluc
