#pragma once
// A worksheet part (xl/worksheets/sheetN.xml), streamed row by row into a Sheet.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "model/sheet.hpp"

namespace phuluc {

class ZipArchive;
class ReadBudget;
class SharedStrings;
struct StylesPart;

/// Counts of data problems met while reading one sheet; the workbook reader turns each non-zero
/// count into a ReaderLimitation.
struct WorksheetReadStats {
  std::uint64_t formulas_without_value = 0;  ///< <f> with no <v>: the file stored no cached result
  std::uint64_t bad_shared_string_refs = 0;  ///< t="s" cells whose index is not in the table
  std::uint64_t unreadable_numbers = 0;      ///< numeric cells whose <v> is not a number (kept as text)
};

/// What the worksheet reader needs from the rest of the workbook.
struct WorksheetContext {
  const SharedStrings& strings;
  const StylesPart& styles;
  bool date1904 = false;  ///< for t="d" (ISO 8601) cells, converted to serials
};

/// Streams a worksheet part into `sheet` (name and hidden state are left to the caller).
/// Fills cells (sorted by column, duplicates: the last wins), rows (sorted), merged ranges,
/// hidden rows and columns, heights, widths, outline levels, frozen panes and print setup.
/// Styled cells without a value are kept as CellKind::empty so a writer can reproduce borders.
/// Throws ReadError malformed_xml, too_large (cells or text over the budget), zip_bomb.
///   Sheet sheet;  sheet.name = "Biểu 01";
///   WorksheetReadStats stats = read_worksheet_part(zip, "xl/worksheets/sheet1.xml", {strings, styles}, budget, sheet);
WorksheetReadStats read_worksheet_part(ZipArchive& zip, const std::string& part_name, const WorksheetContext& context,
                                       ReadBudget& budget, Sheet& sheet);

/// The Excel serial of an ISO 8601 date, date-time or time ("2024-06-15", "2024-06-15T08:30:00", "08:30"),
/// counted from 1899-12-30 (or 1904-01-01 when `date1904`); nullopt when malformed.
std::optional<double> iso_date_to_serial(std::string_view text, bool date1904);

}  // namespace phuluc
