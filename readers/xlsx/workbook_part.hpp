#pragma once
// xl/workbook.xml: the sheet list (names, order, visibility), the date system and defined names.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/cell_ref.hpp"
#include "readers/read_limits.hpp"

namespace phuluc {

class ZipArchive;

/// One <sheet> entry, in workbook order.
struct WorkbookSheetEntry {
  std::string name;
  std::string relationship_id;  ///< r:id, resolved through the workbook's relationships
  bool hidden = false;          ///< state="hidden" or "veryHidden"
};

/// One <definedName>: "_xlnm.Print_Titles", "_xlnm.Print_Area" or a user name.
struct DefinedName {
  std::string name;
  std::optional<std::uint32_t> local_sheet;  ///< 0-based index into the sheet list, when sheet-scoped
  std::string formula;                       ///< "'Phụ lục 1'!$A$1:$F$20"
};

struct WorkbookPart {
  std::vector<WorkbookSheetEntry> sheets;
  bool date1904 = false;
  std::vector<DefinedName> defined_names;
};

/// Parses the workbook part `part_name`. Throws ReadError malformed_xml (with part and line),
/// too_large (more sheets than limits.max_sheets).
///   WorkbookPart wb = read_workbook_part(zip, "xl/workbook.xml", limits);
///   for (const auto& entry : wb.sheets) ...
WorkbookPart read_workbook_part(ZipArchive& zip, const std::string& part_name, const ReadLimits& limits);

/// The rows of a print-titles formula ("Sheet1!$A:$A,Sheet1!$3:$5" → {2, 4}): 0-based, inclusive.
/// nullopt when the formula repeats no rows.
std::optional<std::pair<std::uint32_t, std::uint32_t>> print_title_rows(std::string_view formula);

/// The first area of a print-area formula ("'Biểu 01'!$A$1:$AF$40,..." → A1:AF40, 0-based inclusive).
/// Whole rows ("$3:$9") and whole columns ("$A:$F") span the sheet. nullopt when malformed.
std::optional<CellRange> print_area_range(std::string_view formula);

/// The sheet a formula names before its '!' ("'Phụ lục 1'!$A$1" → "Phụ lục 1"), quotes undone;
/// empty when it names none.
std::string formula_sheet_name(std::string_view formula);

}  // namespace phuluc
