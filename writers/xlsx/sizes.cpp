#include "writers/xlsx/sizes.hpp"

#include <cmath>

namespace phuluc::xlsxw {
namespace {

// libxlsxwriter's fixed metrics: a digit is 7 pixels wide and columns carry 5 pixels of padding.
constexpr double kDigitPixels = 7.0;
constexpr double kPaddingPixels = 5.0;

}  // namespace

double lxw_width_for_stored(double stored) {
  if (!(stored > 0)) return 0.0;
  const double pixels = std::round(stored * kDigitPixels);
  // Under one character libxlsxwriter spreads the padding over the width (12 pixels per unit).
  if (pixels < kDigitPixels + kPaddingPixels) return pixels / (kDigitPixels + kPaddingPixels);
  return (pixels - kPaddingPixels) / kDigitPixels;
}

double stored_width_for_lxw(double width) {
  if (!(width > 0)) return 0.0;
  const double pixels = width < 1.0 ? std::floor(width * (kDigitPixels + kPaddingPixels) + 0.5)
                                    : std::floor(width * kDigitPixels + 0.5) + kPaddingPixels;
  return std::floor(pixels / kDigitPixels * 256.0) / 256.0;
}

std::optional<double> custom_default_row_height(std::optional<double> default_row_height, double normal_font_size) {
  if (!default_row_height || !(*default_row_height > 0) || *default_row_height > 409.0) return std::nullopt;
  // Excel's natural height is about 1.32 times the font size (Calibri 11 → 15, Times New Roman 12
  // → 15.75, Arial 10 → 12.75); LibreOffice's is close. 1.6 points apart is a height set by hand.
  const double natural = 1.32 * (normal_font_size > 0 ? normal_font_size : 11.0);
  if (std::abs(*default_row_height - natural) <= 1.6) return std::nullopt;
  return default_row_height;
}

}  // namespace phuluc::xlsxw
