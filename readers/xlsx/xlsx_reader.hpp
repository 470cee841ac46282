#pragma once
// Office Open XML workbooks (.xlsx, .xlsm): zip through the central directory, sheets streamed with expat.
#include <cstddef>
#include <span>

#include "model/workbook.hpp"
#include "readers/read_limits.hpp"

namespace phuluc {

/// Reads an XLSX/XLSM package held in memory. Throws ReadError.
Workbook read_xlsx(std::span<const std::byte> bytes, const ReadLimits& limits = {});

}  // namespace phuluc
