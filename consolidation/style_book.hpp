#pragma once
// The style table of a workbook being built: starts from the template's styles and hands out
// variants of them (another number format, italic, bold), each made once.
#include <cstdint>
#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "model/style.hpp"

namespace phuluc {

/// What a variant changes in its base style.
struct StyleChange {
  std::string number_format;  ///< replaces the format code when not empty ("#,##0.000")
  bool italic = false;        ///< sets italic
  bool bold = false;          ///< sets bold
  bool not_bold = false;      ///< clears bold
  bool border = false;        ///< a thin border on every edge
  std::string horizontal;     ///< replaces the horizontal alignment when not empty
  bool wrap = false;          ///< sets wrapping

  StyleChange& with_format(std::string code) { number_format = std::move(code); return *this; }
  StyleChange& with_italic() { italic = true; return *this; }
  StyleChange& with_bold() { bold = true; return *this; }
  StyleChange& without_bold() { not_bold = true; return *this; }
  StyleChange& with_border() { border = true; return *this; }
  StyleChange& with_horizontal(std::string align) { horizontal = std::move(align); return *this; }
  StyleChange& with_wrap() { wrap = true; return *this; }
  friend auto operator<=>(const StyleChange&, const StyleChange&) = default;
};

/// Styles indexed as Cell::style; variants are appended once and reused.
///   StyleBook book(layout.styles);
///   cell.style = book.variant(base, StyleChange().with_format("#,##0.000"));
class StyleBook {
 public:
  explicit StyleBook(std::vector<CellStyle> styles);

  /// The index of `base` changed by `change` (`base` itself when nothing changes).
  std::uint32_t variant(std::uint32_t base, const StyleChange& change);

  /// The index of a new style built from the default one (index 0) with `change`.
  std::uint32_t plain(const StyleChange& change) { return variant(0, change); }

  const std::vector<CellStyle>& styles() const { return styles_; }
  std::vector<CellStyle> take() { return std::move(styles_); }

 private:
  std::vector<CellStyle> styles_;
  std::map<std::pair<std::uint32_t, StyleChange>, std::uint32_t> made_;
};

/// A number format showing `decimals` decimals with thousands separators: 3 → "#,##0.000", 0 → "#,##0".
std::string amount_format(int decimals);

/// A number format showing `decimals` decimals without thousands separators: 2 → "0.00", 0 → "0".
std::string rate_format(int decimals);

}  // namespace phuluc
