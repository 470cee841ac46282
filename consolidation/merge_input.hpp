#pragma once
// One input of `phuluc merge` as the merge keeps it: who sent it, how it was treated, and its table
// reduced to what consolidation needs (row keys, hierarchy and amounts), not the whole workbook.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "mappings/row_matcher.hpp"
#include "readers/read_error.hpp"
#include "report/file_report.hpp"
#include "table/table.hpp"

namespace phuluc {

/// How an input was treated.
enum class InputStatus {
  merged,   ///< checked clean (no error) and added
  fixed,    ///< had errors, corrected as `phuluc fix` would, then added (--fix)
  forced,   ///< had errors and was added as it is (--force); the output says so
  refused   ///< not added; InputSummary::reason says why
};

/// "merged", "fixed", "forced", "refused": the JSON spelling.
const char* input_status_id(InputStatus status);

/// Stable codes for why an input was refused (InputSummary::reason).
namespace refusal {
inline constexpr const char* kUnreadable = "unreadable";              ///< the file cannot be read (detail: reader code)
inline constexpr const char* kNoTable = "no-table";                   ///< no table with amount columns
inline constexpr const char* kHasErrors = "has-errors";               ///< the check found errors (no --fix / --force)
inline constexpr const char* kNotSummable = "not-summable";           ///< amount cells that are no number (ambiguous text, formula without value)
inline constexpr const char* kFixFailed = "fix-failed";               ///< --fix left errors it could not correct
inline constexpr const char* kDifferentTemplate = "different-template";  ///< another kind of appendix than the template
inline constexpr const char* kDifferentColumns = "different-columns";    ///< the amount and rate columns differ
inline constexpr const char* kDifferentPeriod = "different-period";      ///< the title names other years
inline constexpr const char* kUnknownUnit = "unknown-unit";              ///< no ĐVT on one side: cannot convert
inline constexpr const char* kDuplicateFile = "duplicate-file";          ///< the same bytes as an earlier input
inline constexpr const char* kNothingMapped = "nothing-mapped";          ///< no row matched the catalogue
}  // namespace refusal

/// An error finding named briefly, for the "Nguồn" sheet and JSON.
struct FindingBrief {
  std::string code;  ///< "sum-mismatch"
  std::string cell;  ///< A1 ("M45"), empty when the finding names no cell
  friend bool operator==(const FindingBrief&, const FindingBrief&) = default;
};

/// What the merge says about one input, whether it was added or not.
struct InputSummary {
  std::size_t index = 0;        ///< 0-based position among the inputs (folders expanded, in order)
  std::string path;             ///< as given (or found in a folder)
  std::string commune;          ///< from the Kèm theo line ("Xã Mường Kim"), else the file name
  std::string sha256;           ///< of the file's bytes; empty when it could not be read
  InputStatus status = InputStatus::refused;
  std::string reason;           ///< a refusal:: code when refused, else empty
  std::string detail;           ///< English detail of the reason (the differing column, the reader's words)
  std::optional<ReadErrorCode> read_error;  ///< why an unreadable file could not be read
  std::string column;           ///< different-columns: the input's first differing column ("F")
  std::string found;            ///< different-*: the input's header path, kind or title years; unknown-unit:
                                ///< its unit line; duplicate-file: the earlier input's path
  std::string expected;         ///< different-*, unknown-unit: the template's
  std::string sheet;            ///< sheet of the table used; empty when none
  Unit unit = Unit::unknown;    ///< the input's unit as its ĐVT line says
  std::optional<int> unit_shift;  ///< set when amounts were converted to the template's unit (power of ten)
  Unit converted_to = Unit::unknown;  ///< the template's unit, when converted
  SeverityCounts counts;        ///< findings of the check (rules, table finder, catalogue)
  std::vector<FindingBrief> errors;  ///< the error findings, at most kMaxErrorsListed
  std::size_t corrections = 0;  ///< cells changed by --fix
  std::size_t unmatched = 0;    ///< rows carried into the output without a catalogue key
  std::size_t ambiguous_read = 0;  ///< amounts typed with two readings ("38.996"), read the Vietnamese way
  std::size_t skipped_cells = 0;   ///< amounts that are no number, left out of a forced input

  static constexpr std::size_t kMaxErrorsListed = 20;
  bool accepted() const { return status != InputStatus::refused; }
};

/// One data row of an input table, as consolidation needs it.
struct InputRow {
  std::uint32_t sheet_row = 0;  ///< 0-based sheet row
  int parent = -1;              ///< index into InputTable::rows of the row above it in the hierarchy
  std::string key;              ///< catalogue key when the row matched one, else empty
  bool grand_total = false;     ///< the TỔNG CỘNG row
  MatchStatus match = MatchStatus::unmapped;
  RowKind kind = RowKind::other;
  std::string stt;              ///< as printed, trimmed
  std::string label;            ///< as printed (NFC, spaces folded)
};

/// An input's table reduced to its rows and amounts. Amounts are in the input's own unit, in the
/// order of its amount columns (which a merge requires to be the template's); NaN is an empty cell.
struct InputTable {
  std::vector<InputRow> rows;
  std::size_t width = 0;        ///< amount columns
  std::vector<double> amounts;  ///< rows.size() × width, row after row

  /// The amount of row `row_idx` in amount column `amount_idx` (both 0-based), NaN when empty.
  double amount(std::size_t row_idx, std::size_t amount_idx) const { return amounts[row_idx * width + amount_idx]; }
  static bool is_empty(double amount) { return std::isnan(amount); }
  static constexpr double kEmpty = std::numeric_limits<double>::quiet_NaN();
};

}  // namespace phuluc
