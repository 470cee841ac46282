#pragma once
// Converting a commune's appendix (any layout, .xlsx/.xls/.csv) into an official template: its
// columns linked by meaning (column_match.hpp), its rows placed by catalogue key into the template's
// skeleton. A row that cannot be placed is listed with its reason and its cells, never dropped.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "mappings/catalogue.hpp"
#include "mappings/row_matcher.hpp"
#include "model/workbook.hpp"
#include "table/table.hpp"
#include "templates/column_match.hpp"
#include "templates/official_table.hpp"
#include "templates/template_definition.hpp"

namespace phuluc {

/// Why a row was not placed (stable codes, JSON "reason").
namespace unplaced_reason {
inline constexpr const char* kNotInTemplate = "not-in-template";  ///< a catalogue entry of a program the template does not list
inline constexpr const char* kDuplicateKey = "duplicate-key";     ///< its key was placed from an earlier row
inline constexpr const char* kUnderUnplaced = "under-unplaced";   ///< a detail row under a row that was not placed
inline constexpr const char* kNoLabel = "no-label";               ///< numbers on a row without STT or label
inline constexpr const char* kExtraTotal = "extra-total";         ///< a second total row, or one the template has no room for
// The matcher's statuses are used as they are: "unmapped", "ambiguous", "conflict".
}  // namespace unplaced_reason

/// A row of the input and where it went.
struct PlacedRow {
  std::uint32_t input_row = 0;  ///< 0-based sheet row in the input
  std::string stt, label;
  std::string key;              ///< catalogue key, "total", or empty for a detail row
  int output = -1;              ///< index into ConversionResult::table.rows
};

/// A row that could not be placed: its reason and every cell of it, as shown.
struct UnplacedRow {
  std::uint32_t input_row = 0;  ///< 0-based sheet row in the input
  std::string stt, label;
  std::string reason;           ///< unplaced_reason:: or the matcher's status
  std::string key;              ///< the key it matched, when it had one (duplicate-key, not-in-template)
  std::vector<std::string> cells;  ///< per input Table::columns, the cell as shown
};

/// A value cell of the input that holds no number (text, an ambiguous "38.996", an error): written
/// as its text in the output so it is seen, and listed.
struct UnreadCell {
  std::uint32_t input_row = 0;  ///< 0-based
  std::uint32_t input_col = 0;  ///< 0-based
  std::string text;
};

struct ConversionResult {
  const Table* input = nullptr;        ///< the input table converted (in the scan given)
  OfficialTable table;                 ///< the template's rows, filled
  std::vector<ColumnLink> links;       ///< template column (index into the definition's columns) ← input column
  std::vector<std::size_t> unused_columns;  ///< input value and text columns no template column took (Table::columns indices)
  std::vector<PlacedRow> placed;
  std::vector<UnplacedRow> unplaced;
  std::vector<UnreadCell> unread;
  std::optional<int> unit_shift;       ///< amounts were multiplied by 10^shift (input unit → output unit)
};

/// Why a file cannot be converted at all (the command exits 2).
class ConversionError : public std::runtime_error {
 public:
  explicit ConversionError(const std::string& code) : std::runtime_error(code), code_(code) {}
  const std::string& code() const { return code_; }  ///< "no-table", "wrong-template"

 private:
  std::string code_;
};

/// The input table to convert: the first table of the template's kind (funds also takes a table of
/// unknown kind with amount columns; investment also takes funds). Throws ConversionError
/// "no-table" when the scan found no table, "wrong-template" when none fits the template.
const Table& choose_table(const std::vector<Table>& tables, const TemplateDefinition& definition);

/// What conversion needs beside the input.
struct ConversionContext {
  const TemplateDefinition& definition;
  const Table& official;             ///< the blank template's own table, as the table finder reads it
  const Catalogue& catalogue;
  const RowMatcher& matcher;
  std::vector<std::string> programs; ///< the template's programs to lay out (empty: its default)
  Unit output_unit = Unit::unknown;  ///< amounts are converted to it when both units are known
};

/// Converts `input` (found on `workbook`'s sheet) into the template.
///   const ConversionResult result = convert_table(input, workbook, context);
ConversionResult convert_table(const Table& input, const Workbook& workbook, const ConversionContext& context);

}  // namespace phuluc
