#pragma once
// A whole workbook as read: sheets in order, the style table and what the reader could not carry.
#include <string>
#include <vector>

#include "model/sheet.hpp"
#include "model/style.hpp"

namespace phuluc {

enum class SourceFormat { xlsx, xls, csv };

/// Something the reader could not read or carry for this format (e.g. merges in .xls via FreeXL).
/// `code` is stable ("xls-no-merges", "xls-no-formats", "formula-without-value"); `detail` is free text
/// for logs (never shown as the only message).
struct ReaderLimitation {
  std::string code;
  std::string sheet;   ///< empty when workbook-wide
  std::string detail;
};

struct Workbook {
  SourceFormat format = SourceFormat::xlsx;
  std::vector<Sheet> sheets;
  std::vector<CellStyle> styles;  ///< indexed by Cell::style; styles[0] is the default
  bool date1904 = false;
  std::vector<ReaderLimitation> limitations;

  /// The style of a cell, the default style when the index is out of range.
  const CellStyle& style_of(const Cell& cell) const;
};

}  // namespace phuluc
