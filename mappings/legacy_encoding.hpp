#pragma once
// Detects Vietnamese text typed in the pre-Unicode encodings of the .VnTime era, which survive in
// old templates: TCVN3 (ABC) shows as "Ch­¬ng tr×nh" and VNI as "Chöông trình" once read as Unicode.
// Detection never changes the workbook; both can be converted (table lookups) once detected.
#include <string>
#include <string_view>
#include <vector>

#include "model/workbook.hpp"
#include "report/finding.hpp"

namespace phuluc {

enum class LegacyEncoding { none, tcvn3, vni };

/// "tcvn3", "vni" or "none": the spelling used in JSON and Finding::detail.
const char* legacy_encoding_id(LegacyEncoding encoding);

/// What detect_legacy_encoding() concluded and on how much evidence.
struct LegacyEncodingGuess {
  LegacyEncoding encoding = LegacyEncoding::none;
  int evidence = 0;  ///< tell-tale characters found for the chosen encoding
};

/// Decides whether text is TCVN3 or VNI text read as Unicode. Both leave Latin-1 characters in the
/// words (TCVN3: "Ch­¬ng tr×nh", symbols such as "¬", "©", "®" in place of letters; VNI: "Chöông
/// trình", a mark character after the vowel); German or Portuguese text has such characters too. So
/// the text is decoded both ways and called legacy text only when nearly every word the decoding
/// changes becomes a Vietnamese syllable (onset, one to three vowels, final consonant).
///   detect_legacy_encoding("Ch\u00ad\u00acng tr\u00d7nh").encoding → LegacyEncoding::tcvn3
///   detect_legacy_encoding("Chöông trình").encoding                   → LegacyEncoding::vni
///   detect_legacy_encoding("Fondsvermögen").encoding                  → LegacyEncoding::none
LegacyEncodingGuess detect_legacy_encoding(std::string_view utf8);

/// Converts TCVN3 (ABC) text read as Latin-1 characters to Unicode NFC. Characters outside the
/// TCVN3 table pass through unchanged. Only call it on text detect_legacy_encoding() called tcvn3.
///   tcvn3_to_unicode("Ch\u00ad\u00acng tr\u00d7nh") → "Chương trình"
std::string tcvn3_to_unicode(std::string_view utf8);

/// Converts VNI-Windows text read as Latin-1 characters to Unicode NFC ("Chöông" → "Chương").
/// Only call it on text detect_legacy_encoding() called vni.
std::string vni_to_unicode(std::string_view utf8);

/// tcvn3_to_unicode or vni_to_unicode by encoding; the text unchanged for LegacyEncoding::none.
std::string legacy_to_unicode(std::string_view utf8, LegacyEncoding encoding);

/// Scans every text cell of every sheet and returns one "legacy-encoding" warning per sheet and
/// encoding: the first such cell (0-based CellRef), its text in found_text, and in detail the count
/// and the converted text.
///   for (const auto& finding : find_legacy_text(read_workbook(path))) ...
std::vector<Finding> find_legacy_text(const Workbook& workbook);

}  // namespace phuluc
