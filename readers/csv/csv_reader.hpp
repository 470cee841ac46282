#pragma once
// CSV exports: UTF-8 with or without BOM, comma, semicolon or tab, RFC 4180 quoting.
#include <string_view>

#include "model/workbook.hpp"
#include "readers/read_limits.hpp"

namespace phuluc {

/// Reads CSV text into a one-sheet workbook named `sheet_name`. Every field becomes a text cell
/// (the table model reads numbers from text the Vietnamese way); empty fields stay empty.
/// The delimiter is the one of ',', ';', '\t' that splits the first lines most consistently
/// (detect_csv_delimiter in readers/csv/csv_dialect.hpp).
///
/// Record i of the text is 0-based row i and field j is 0-based column j, so blank lines keep
/// their place (they only hold no cells). Quoting follows RFC 4180: "" is one quote, quoted fields
/// may hold delimiters and line breaks; LF, CRLF and a lone CR all end a record; a UTF-8 BOM is
/// dropped. Leniency where exports are sloppy: a quote inside an unquoted field is kept as text.
/// A field longer than limits.max_string_length characters is cut.
///
/// Throws ReadError: not_a_spreadsheet (a NUL byte, or text that is not strict UTF-8, e.g. a
/// Windows-1258 export), too_large (over max_file_bytes, max_cells or max_string_bytes, more than
/// 1,048,576 records or 16,384 fields in one record).
///   auto wb = read_csv("STT;Nội dung;Kế hoạch\r\n1;Dự án 1;82,262\r\n", "Biểu 02");
///   wb.sheets[0].find({1, 2})->text == "82,262"
Workbook read_csv(std::string_view text, const std::string& sheet_name, const ReadLimits& limits = {});

}  // namespace phuluc
