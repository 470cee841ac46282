#pragma once
// CellStyle → libxlsxwriter format: each model style becomes one lxw_format, created once.
#include <xlsxwriter.h>

#include <cstdint>
#include <optional>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "model/style.hpp"

namespace phuluc::xlsxw {

/// The fill put over a corrected cell's own format: solid yellow.
inline constexpr lxw_color_t kHighlightColor = 0xFFFF00;

/// libxlsxwriter colour for "FFRRGGBB" (ARGB, alpha dropped) or "RRGGBB"; nullopt when empty or
/// malformed. Black comes back as LXW_COLOR_BLACK, because 0 means "unset" to libxlsxwriter.
std::optional<lxw_color_t> to_lxw_color(std::string_view argb);

/// LXW_BORDER_* for a SpreadsheetML border style name ("thin", "mediumDashed"); NONE when unknown.
std::uint8_t to_lxw_border(std::string_view style);

/// LXW_PATTERN_* for a patternType ("solid", "gray125"); NONE when empty or unknown.
std::uint8_t to_lxw_pattern(std::string_view pattern);

/// LXW_ALIGN_* for a horizontal alignment ("center", "centerContinuous"); NONE for "general"/unknown.
std::uint8_t to_lxw_horizontal(std::string_view horizontal);

/// LXW_ALIGN_VERTICAL_* for a vertical alignment ("top", "center"); NONE when empty or unknown.
std::uint8_t to_lxw_vertical(std::string_view vertical);

/// format_set_rotation's angle for a stored textRotation: 0..90 as is, 91..180 → -1..-90
/// (SpreadsheetML stores downward angles as 90 + |angle|), 255 (stacked text) → 270.
std::int16_t to_lxw_rotation(std::int16_t stored);

/// Sets everything in `style` on `format`; with `highlight` the fill is replaced by solid yellow.
void apply_style(lxw_format* format, const CellStyle& style, bool highlight);

/// Gives the workbook's Normal style (libxlsxwriter's first format) this font's name and size, so that
/// column widths, measured in the Normal font's digits, keep their size on screen.
void set_normal_font(lxw_workbook* book, const Font& font);

/// Formats created on demand, one per (style index, highlighted).
///   FormatCache formats(book, workbook.styles);
///   worksheet_write_number(sheet, 0, 0, 1.5, formats.get(cell.style));
class FormatCache {
 public:
  FormatCache(lxw_workbook* book, const std::vector<CellStyle>& styles) : book_(book), styles_(styles) {}
  /// The format of a style index (out of range → style 0; an empty style table → libxlsxwriter's default).
  lxw_format* get(std::uint32_t style, bool highlight = false);

 private:
  lxw_workbook* book_;
  const std::vector<CellStyle>& styles_;
  std::unordered_map<std::uint64_t, lxw_format*> formats_;
};

}  // namespace phuluc::xlsxw
