#pragma once
// Legacy Excel 97–2003 (.xls, BIFF8) through FreeXL: values and sheet names only.
#include <cstddef>
#include <filesystem>
#include <span>

#include "model/workbook.hpp"
#include "readers/read_limits.hpp"

namespace phuluc {

/// Reads a BIFF8 .xls file (an OLE2 compound file). FreeXL gives values, not merges or formats:
/// each such gap is recorded in Workbook::limitations ("xls-no-merges", "xls-no-formats", ...).
/// Throws ReadError: encrypted (FILEPASS, or an OLE2 holding an encrypted OOXML package),
/// unsupported (BIFF5 and older), truncated, too_large.
///
/// What the workbook holds (coordinates 0-based as everywhere in the model):
/// - Only worksheets; chart sheets and VBA/macro sheets are left out. Sheet::hidden is set from
///   the file; hidden rows and columns are not known ("xls-no-hidden").
/// - Numbers as numbers, dates as Excel serial numbers with Cell::is_date = true, like the XLSX
///   reader keeps them. FreeXL turns date-formatted numbers into text ("2026-06-15", dropping the
///   time of day, or "07:45:00", dropping the day); our scan keeps the stored number instead, exact.
///   Should a date cell escape the scan, FreeXL's text is turned back into a serial (to the second).
///   Workbook::date1904 follows the file.
/// - Formula cells carry their cached result (number, text, boolean or error) with
///   Cell::has_formula = true and an empty Cell::formula: the formula text is not read
///   ("xls-no-formulas"). FreeXL skips formula records, so these values come from our own scan.
/// - Booleans and error cells keep their kind (FreeXL alone would give 0/1).
/// - A non-finite number becomes an error cell "#NUM!". Empty strings are left out.
/// - Every cell has style 0; Workbook::styles holds one default style ("xls-no-formats").
///
///   auto wb = read_xls("samples/quirks/xls/formulas_and_dates.xls");
///   const Cell* total = wb.sheets[0].find({5, 2});  // C6
Workbook read_xls(const std::filesystem::path& path, const ReadLimits& limits = {});

/// Whether `bytes` start like a bare BIFF record stream, as Excel 2.x-4.x saved worksheets (no OLE2
/// container): a BOF record (0x0009, 0x0209, 0x0409 or 0x0809) of 4 to 20 bytes. read_xls refuses
/// such a file as unsupported; the dispatcher uses this to send it there rather than call it no
/// spreadsheet.
///   if (looks_like_bare_biff(bytes)) return read_xls_bytes(bytes);  // throws unsupported
bool looks_like_bare_biff(std::span<const std::byte> bytes);

/// Same from bytes in memory (FreeXL reads them through an anonymous in-memory file).
///   auto wb = read_xls_bytes(std::as_bytes(std::span(buffer)));
Workbook read_xls_bytes(std::span<const std::byte> bytes, const ReadLimits& limits = {});

}  // namespace phuluc
