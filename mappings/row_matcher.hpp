#pragma once
// Tells what one appendix row IS: its catalogue key (dtts.5.1), from its STT ("V.1"), its label
// ("Tiểu dự án 1: Đổi mới hoạt động ...") and the key of the row it sits under, however the commune
// spelled it. Never a confident guess: weak or ambiguous evidence gives no key and says why.
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mappings/catalogue.hpp"
#include "mappings/legacy_encoding.hpp"
#include "table/table.hpp"

namespace phuluc {

/// What the matcher concluded about a row.
enum class MatchStatus {
  mapped,     ///< one key, confidence at least RowMatcher::kMinConfidence
  unmapped,   ///< no catalogue entry fits: the label belongs to no entry, or the evidence is too weak
  ambiguous,  ///< two or more entries fit about equally well; candidates lists them
  conflict,   ///< the STT points to one entry and the label to another; candidates lists both
  total,      ///< a grand total row (TỔNG CỘNG, Tổng số): not a catalogue entry, nothing to report
  detail,     ///< a row below the catalogue (a bullet, a công trình) under a mapped row: not reported
  blank       ///< no STT and no label: nothing to map
};

/// "mapped", "unmapped", "ambiguous", "conflict", "total", "detail", "blank" (the JSON spelling).
const char* match_status_id(MatchStatus status);

/// An entry the matcher considered, and where the evidence for it came from.
struct MatchCandidate {
  std::string key;
  double score = 0.0;  ///< 0..1: how well the label's words fit the entry (1 = same words)
  std::string via;     ///< "stt", "label", "label-number" (a "Tiểu dự án 3" prefix) or "stt+label"
  friend bool operator==(const MatchCandidate&, const MatchCandidate&) = default;
};

/// One row to match. Plain inputs, so the matcher can be used without a Table.
struct RowQuery {
  std::string_view stt;         ///< STT as printed: "V.1", "A", "IX", "1", "-", "" (trimmed or not)
  std::string_view label;       ///< the Nội dung / Tên cell, any spelling, line breaks allowed
  std::string_view parent_key;  ///< key of the nearest mapped row above it in the hierarchy, or ""
  std::optional<RowKind> kind;  ///< the table's guess of the row's level, when known
};

/// The answer for one row.
struct RowMatch {
  MatchStatus status = MatchStatus::unmapped;
  std::string key;            ///< set only when status is mapped
  double confidence = 0.0;    ///< 0..1; 0 when not mapped
  std::string reason;         ///< English, for logs and JSON: "STT V.1 and the label agree"
  std::vector<MatchCandidate> candidates;  ///< best first: the evidence, and for ambiguous/conflict the rivals
  LegacyEncoding legacy = LegacyEncoding::none;  ///< the label looked like TCVN3/VNI text
};

/// Matches rows against a catalogue. Builds a word index once (milliseconds); match() is then cheap
/// (tens of microseconds), const and safe to call from several threads. The catalogue must outlive it.
///   const auto catalogue = load_catalogue(data_directory(PHULUC_DATA_DIR));
///   const RowMatcher matcher(catalogue);
///   const auto match = matcher.match({"V.1", "Tiểu dự án 1: Đổi mới hoạt động ...", "dtts.5", RowKind::subproject});
///   // match.status == MatchStatus::mapped, match.key == "dtts.5.1"
class RowMatcher {
 public:
  /// Rows below this confidence get no key.
  static constexpr double kMinConfidence = 0.7;

  explicit RowMatcher(const Catalogue& catalogue);
  ~RowMatcher();
  RowMatcher(RowMatcher&&) noexcept;
  RowMatcher& operator=(RowMatcher&&) noexcept;
  RowMatcher(const RowMatcher&) = delete;
  RowMatcher& operator=(const RowMatcher&) = delete;

  /// Matches one row. STT and label are read together with the parent's key:
  ///  - an STT "V.1" under a row of program dtts points to dtts.5.1; "IX" to dtts.9;
  ///  - a label prefix "Tiểu dự án 3", "Dự án 4 - Tiểu dự án 1; Nội dung 1" points by number;
  ///  - the label's words are compared with every name and alias (typos, missing diacritics,
  ///    abbreviations, word order and spacing do not matter much).
  /// When STT and label point to different entries the row is a conflict; when the label fits
  /// several entries equally, ambiguous; when it fits nothing well enough, unmapped.
  RowMatch match(const RowQuery& query) const;

  /// The program a text (a table title) names, when it names exactly one: every distinctive word
  /// of the program's name or an alias appears in the text and no other program comes close.
  ///   matcher.program_named_in("DỰ KIẾN NGUỒN LỰC THỰC HIỆN CHƯƠNG TRÌNH MTQG XÂY DỰNG NÔNG THÔN MỚI NĂM 2025")
  ///   // "ntm"; a title naming no program, or several, gives nullopt
  std::optional<std::string> program_named_in(std::string_view text) const;

  const Catalogue& catalogue() const;

  struct Index;  ///< the word index; opaque, defined in row_matcher.cpp

 private:
  std::unique_ptr<Index> index_;
};

/// Whether a label names a level of the program tree with its number, anywhere in it: "Dự án 5",
/// "Tiểu dự án 1", "TDA1", "Nội dung 2", "Nội dung thành phần số 07", "Tiêu chí 6", "Hợp phần 1".
///   label_names_level("Dự án 4 - Tiểu dự án 1; Nội dung 1: ...") → true
///   label_names_level("Đường bê tông nội bản Sín Chải")          → false
bool label_names_level(std::string_view label);

}  // namespace phuluc
