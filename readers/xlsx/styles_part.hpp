#pragma once
// xl/styles.xml: number formats, fonts, fills, borders and the cell formats (cellXfs) built from them.
#include <cstdint>
#include <string>
#include <vector>

#include "model/style.hpp"
#include "readers/read_limits.hpp"

namespace phuluc {

class ZipArchive;

/// The cell formats of a workbook, indexed like the file's cellXfs (cell attribute s="N").
struct StylesPart {
  std::vector<CellStyle> styles;  ///< never empty: styles[0] is the default format
  std::vector<bool> date_styles;  ///< same index: the number format shows a date or time

  /// Whether the 0-based xf index formats numbers as dates; false for an unknown index.
  bool is_date(std::uint32_t xf) const { return xf < date_styles.size() && date_styles[xf]; }
};

/// A StylesPart holding only the default format (workbooks without a styles part).
StylesPart default_styles();

/// Parses a styles part. Colours: only explicit rgb="AARRGGBB" is kept; theme and indexed colours
/// are left empty because resolving them needs the theme part and the legacy palette, which the
/// checks do not use. Throws ReadError malformed_xml, zip_bomb.
///   StylesPart styles = read_styles_part(zip, "xl/styles.xml", limits);
///   const CellStyle& style = styles.styles.at(cell.style);
StylesPart read_styles_part(ZipArchive& zip, const std::string& part_name, const ReadLimits& limits);

}  // namespace phuluc
