#pragma once
// Entry point: read any supported spreadsheet, choosing the reader from the file's bytes, not its name.
#include <cstddef>
#include <filesystem>
#include <span>

#include "model/workbook.hpp"
#include "readers/read_error.hpp"
#include "readers/read_limits.hpp"

namespace phuluc {

/// Reads an .xlsx/.xlsm, .xls (BIFF8) or .csv file. The file is opened read-only.
/// Throws ReadError when the file cannot be read.
///   auto wb = read_workbook("samples/xlsx/muong_kim_funds.xlsx");
///   for (const auto& sheet : wb.sheets) ...
Workbook read_workbook(const std::filesystem::path& path, const ReadLimits& limits = {});

/// Same from bytes in memory (tests, fuzzers). `name_hint` only helps tell CSV from other text.
Workbook read_workbook_bytes(std::span<const std::byte> bytes, const ReadLimits& limits = {},
                             const std::string& name_hint = {});

}  // namespace phuluc
