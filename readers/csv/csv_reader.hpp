#pragma once
// CSV exports: UTF-8 with or without BOM, comma, semicolon or tab, RFC 4180 quoting.
#include <string_view>

#include "model/workbook.hpp"
#include "readers/read_limits.hpp"

namespace phuluc {

/// Reads CSV text into a one-sheet workbook named `sheet_name`. Every field becomes a text cell
/// (the table model reads numbers from text the Vietnamese way); empty fields stay empty.
/// The delimiter is the one of ',', ';', '\t' that splits the first lines most consistently.
/// Throws ReadError: not_a_spreadsheet (binary or not UTF-8), too_large.
Workbook read_csv(std::string_view text, const std::string& sheet_name, const ReadLimits& limits = {});

}  // namespace phuluc
