#pragma once
// Cell formatting as read from a workbook's styles part; what a writer needs to reproduce a layout.
#include <cstdint>
#include <optional>
#include <string>

namespace phuluc {

struct Font {
  std::string name = "Calibri";
  double size = 11.0;
  bool bold = false;
  bool italic = false;
  bool underline = false;
  bool strike = false;
  std::string color;  ///< "FFRRGGBB" ARGB, empty for automatic
  friend bool operator==(const Font&, const Font&) = default;
};

struct Fill {
  std::string pattern;   ///< "solid", "gray125", ... empty for none
  std::string fg_color;  ///< ARGB or empty
  std::string bg_color;  ///< ARGB or empty
  friend bool operator==(const Fill&, const Fill&) = default;
};

/// One edge of a border: style name as in SpreadsheetML ("thin", "medium", "dashed", ...), empty for none.
struct BorderEdge {
  std::string style;
  std::string color;
  friend bool operator==(const BorderEdge&, const BorderEdge&) = default;
};

struct Border {
  BorderEdge left, right, top, bottom;
  friend bool operator==(const Border&, const Border&) = default;
};

struct Alignment {
  std::string horizontal;  ///< "left", "center", "right", "general", ... empty for default
  std::string vertical;    ///< "top", "center", "bottom", ... empty for default (bottom)
  bool wrap = false;
  std::uint8_t indent = 0;
  std::int16_t rotation = 0;
  friend bool operator==(const Alignment&, const Alignment&) = default;
};

/// One cell format (an xf record): everything a cell's look depends on.
struct CellStyle {
  Font font;
  Fill fill;
  Border border;
  Alignment alignment;
  std::uint32_t num_fmt_id = 0;   ///< built-in or custom number format id
  std::string number_format;      ///< the format code, "General" when built-in 0
  bool locked = true;
  bool hidden = false;
  friend bool operator==(const CellStyle&, const CellStyle&) = default;
};

/// Decimals a number format shows for an ordinary value ("#,##0.000" → 3, "0%" → 0, "General" → nullopt).
std::optional<int> displayed_decimals(const std::string& number_format);

/// True when the format code displays a date or time (y, m, d, h, s outside quotes and brackets).
bool is_date_format(const std::string& number_format);

/// The code of a built-in number format id (ECMA-376 18.8.30), empty when the id is not built in.
std::string builtin_number_format(std::uint32_t num_fmt_id);

}  // namespace phuluc
