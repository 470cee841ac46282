#pragma once
// Legacy Excel 97–2003 (.xls, BIFF8) through FreeXL: values and sheet names only.
#include <filesystem>

#include "model/workbook.hpp"
#include "readers/read_limits.hpp"

namespace phuluc {

/// Reads a BIFF8 .xls file (an OLE2 compound file). FreeXL gives values, not merges or formats:
/// each such gap is recorded in Workbook::limitations ("xls-no-merges", "xls-no-formats", ...).
/// Throws ReadError: encrypted (FILEPASS, or an OLE2 holding an encrypted OOXML package),
/// unsupported (BIFF5 and older), truncated, too_large.
Workbook read_xls(const std::filesystem::path& path, const ReadLimits& limits = {});

}  // namespace phuluc
