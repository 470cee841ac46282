#pragma once
// Office Open XML workbooks (.xlsx, .xlsm): zip through the central directory, sheets streamed with expat.
// One header per package part lives beside this one: relationships, workbook_part, shared_strings,
// styles_part, worksheet_part; zip_archive and xml_stream (in readers/) carry the caps.
#include <cstddef>
#include <span>

#include "model/workbook.hpp"
#include "readers/read_limits.hpp"

namespace phuluc {

/// Reads an XLSX/XLSM package held in memory (the bytes need only live during the call).
/// Coordinates in the result are 0-based; see model/sheet.hpp. Data problems the reader met
/// (formulas without cached values, string indexes out of range, skipped chart sheets) are listed
/// in Workbook::limitations with stable codes ("formula-without-value", ...).
/// Throws ReadError: truncated, not_a_spreadsheet, encrypted (zip encryption), zip_bomb, too_large,
/// malformed_xml (DOCTYPE, nesting, syntax: detail names the part and line), missing_part,
/// unsupported (.ods, .xlsb).
///   std::vector<std::byte> bytes = ...;  // the file's content
///   Workbook wb = read_xlsx(bytes);
///   const Sheet& first = wb.sheets.at(0);
Workbook read_xlsx(std::span<const std::byte> bytes, const ReadLimits& limits = {});

}  // namespace phuluc
