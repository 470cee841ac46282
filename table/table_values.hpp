#pragma once
// Reading the value cells of a table and reviewing them: numbers typed as text, ambiguous text
// numbers, formulas without a cached value, and the decimals each column displays.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/workbook.hpp"
#include "report/finding.hpp"
#include "table/table.hpp"

namespace phuluc {

/// What the value reader needs from each cell style, worked out once per workbook rather than once
/// per cell: the decimals its number format shows and whether it shows a percentage.
class StyleFacts {
 public:
  explicit StyleFacts(const Workbook& workbook);
  /// Decimals the format of style `index` shows; nullopt for General (then the value decides).
  std::optional<int> format_decimals(std::uint32_t index) const;
  /// Whether the format of style `index` shows a percentage ("0.00%").
  bool percent(std::uint32_t index) const;

 private:
  struct Facts {
    std::optional<int> decimals;
    bool percent = false;
  };
  std::vector<Facts> facts_;
};

/// How one cell reads as a table value. `cell` may be nullptr (no cell: blank).
/// Number cells → number (decimals from the number format, General → as printed); text →
/// parse_number_text (text_number, ambiguous_text, dash, blank or not_a_number); errors → error;
/// a formula the file kept no result for → no_cached_value.
///   const TableValue value = read_table_value(sheet.find({row, col}), workbook);
TableValue read_table_value(const Cell* cell, const Workbook& workbook);

/// The same, with the styles' facts worked out beforehand (the table finder reads thousands of cells).
///   const StyleFacts styles(workbook);
///   const TableValue value = read_table_value(cell, styles);
TableValue read_table_value(const Cell* cell, const StyleFacts& styles);

/// Reviews the values of a table whose columns and rows are filled in, and appends findings:
///  - "text-number" (notice) for each amount or rate cell typed as text that reads as one number,
///    unless `report_text_numbers` is false (CSV, where every field is text);
///  - ambiguous text numbers ("38.996") in amount and rate columns are resolved only when the context
///    makes one reading certain: the column's other text numbers use one convention beyond doubt
///    (reason "resolved-by-column"), or exactly one reading makes Tổng số = NSTW + NSĐP hold on the
///    row (reason "resolved-by-total"), or the row's rate = amount / Kế hoạch × 100 of the same
///    block and split (reason "resolved-by-rate"); when the sums and rates disagree nothing is
///    resolved. A resolved cell becomes text_number with a "text-number" notice whose `reason` and
///    `detail` say how; an unresolved one stays ambiguous_text with an "ambiguous-number" warning
///    naming both readings in `detail`;
///  - "formula-without-value" (warning) for amount and rate cells whose formula has no cached result.
/// Other text in amount and rate columns (not_a_number) gives no finding here: the rules report it.
/// Finally sets each column's `decimals`: the most common decimals of its numeric cells (a zero shown
/// without decimals says nothing about the column's precision and is not counted); a tie goes to
/// more decimals.
/// With `report_text_numbers` false no "text-number" notice is given, resolved ambiguities included
/// (in a CSV export every "1.234,000" is typed the same way); "ambiguous-number" warnings remain.
///   review_values(table, scan.findings, workbook.format != SourceFormat::csv);
void review_values(Table& table, std::vector<Finding>& findings, bool report_text_numbers = true);

}  // namespace phuluc
