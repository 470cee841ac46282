#pragma once
// Column widths and row heights as libxlsxwriter takes them, from the values a file stores.
#include <optional>

namespace phuluc::xlsxw {

/// libxlsxwriter's width argument that reproduces a width as files store it (character units of
/// the Normal font, padding included, e.g. 9.140625 for Excel's default 8.43). libxlsxwriter adds
/// the padding itself, so passing the stored value would widen every column. Exact for widths
/// Excel stored; others land on the nearest pixel (1/7 of a character).
///   worksheet_set_column(sheet, 0, 0, lxw_width_for_stored(9.140625), nullptr);  // 8.43
double lxw_width_for_stored(double stored);

/// The width libxlsxwriter will store for a width argument (the inverse, for tests and checks).
double stored_width_for_lxw(double width);

/// The sheet's default row height to pass to worksheet_set_default_row, or nullopt to leave it to
/// the Normal font. libxlsxwriter then gives every written row an explicit height, and rows with an
/// explicit height no longer grow with wrapped text, so it is only worth it when the file's default
/// is clearly not the font's natural height (someone set the standard height by hand).
///   if (auto height = custom_default_row_height(sheet.default_row_height, normal.size)) ...
std::optional<double> custom_default_row_height(std::optional<double> default_row_height, double normal_font_size);

}  // namespace phuluc::xlsxw
