#include "writers/xlsx/format_cache.hpp"

#include <array>
#include <charconv>
#include <cmath>
#include <new>
#include <string>
#include <tuple>
#include <utility>

namespace phuluc::xlsxw {
namespace {

template <std::size_t N>
std::uint8_t lookup(const std::array<std::pair<std::string_view, std::uint8_t>, N>& table, std::string_view name,
                    std::uint8_t fallback) {
  for (const auto& [key, value] : table)
    if (key == name) return value;
  return fallback;
}

void apply_font(lxw_format* format, const Font& font) {
  if (!font.name.empty()) format_set_font_name(format, font.name.c_str());
  if (font.size > 0) format_set_font_size(format, font.size);
  if (font.bold) format_set_bold(format);
  if (font.italic) format_set_italic(format);
  if (font.underline) format_set_underline(format, LXW_UNDERLINE_SINGLE);
  if (font.strike) format_set_font_strikeout(format);
  if (const auto color = to_lxw_color(font.color)) format_set_font_color(format, *color);
}

void apply_fill(lxw_format* format, const Fill& fill) {
  const std::uint8_t pattern = to_lxw_pattern(fill.pattern);
  if (pattern == LXW_PATTERN_NONE) return;
  const auto fg = to_lxw_color(fill.fg_color);
  if (pattern == LXW_PATTERN_SOLID) {
    // A solid fill shows its foreground colour. One whose colour the model did not carry (theme,
    // indexed) is left out: solid with no colour would paint the cell black.
    if (!fg) return;
    format_set_pattern(format, LXW_PATTERN_SOLID);
    format_set_fg_color(format, *fg);
    return;
  }
  format_set_pattern(format, pattern);
  if (fg) format_set_fg_color(format, *fg);
  if (const auto bg = to_lxw_color(fill.bg_color)) format_set_bg_color(format, *bg);
}

void apply_border(lxw_format* format, const Border& border) {
  using SetStyle = void (*)(lxw_format*, std::uint8_t);
  using SetColor = void (*)(lxw_format*, lxw_color_t);
  const std::array<std::tuple<const BorderEdge*, SetStyle, SetColor>, 4> edges = {{
      {&border.left, format_set_left, format_set_left_color},
      {&border.right, format_set_right, format_set_right_color},
      {&border.top, format_set_top, format_set_top_color},
      {&border.bottom, format_set_bottom, format_set_bottom_color},
  }};
  for (const auto& [edge, set_style, set_color] : edges) {
    const std::uint8_t style = to_lxw_border(edge->style);
    if (style == LXW_BORDER_NONE) continue;
    set_style(format, style);
    if (const auto color = to_lxw_color(edge->color)) set_color(format, *color);
  }
}

void apply_alignment(lxw_format* format, const Alignment& alignment) {
  if (const auto horizontal = to_lxw_horizontal(alignment.horizontal); horizontal != LXW_ALIGN_NONE)
    format_set_align(format, horizontal);
  if (const auto vertical = to_lxw_vertical(alignment.vertical); vertical != LXW_ALIGN_NONE)
    format_set_align(format, vertical);
  if (alignment.wrap) format_set_text_wrap(format);
  // Excel shows an indent only with left, right or distributed text; libxlsxwriter would turn any
  // other alignment into "left" to make room for it, so the indent is dropped instead.
  const bool indentable =
      alignment.horizontal == "left" || alignment.horizontal == "right" || alignment.horizontal == "distributed";
  if (alignment.indent > 0 && indentable) format_set_indent(format, alignment.indent);
  if (alignment.rotation != 0) format_set_rotation(format, to_lxw_rotation(alignment.rotation));
}

// libxlsxwriter keeps a format code in a fixed buffer and silently cuts a longer one, which would
// leave a broken code. A long code keeps the sections (';'-separated) that fit, at least the first
// one; when even that does not fit the cell shows as General.
std::string fitting_number_format(const std::string& code) {
  constexpr std::size_t kLimit = LXW_FORMAT_FIELD_LEN - 1;
  if (code.size() <= kLimit) return code;
  std::size_t cut = std::string::npos;
  bool quoted = false;
  for (std::size_t i = 0; i < kLimit + 1 && i < code.size(); ++i) {
    if (code[i] == '"') quoted = !quoted;
    else if (code[i] == '\\') ++i;
    else if (code[i] == ';' && !quoted && i <= kLimit) cut = i;
  }
  return cut == std::string::npos ? "General" : code.substr(0, cut);
}

// Built-in ids keep their id (their look follows the reader's locale in Excel); custom codes are
// written as codes and get a new id.
void apply_number_format(lxw_format* format, const CellStyle& style) {
  const std::uint32_t id = style.num_fmt_id;
  const bool builtin_code = id > 0 && id < 164 &&
                            (style.number_format.empty() || style.number_format == builtin_number_format(id));
  if (builtin_code) {
    format_set_num_format_index(format, static_cast<std::uint8_t>(id));
  } else if (!style.number_format.empty() && style.number_format != "General") {
    const std::string code = fitting_number_format(style.number_format);
    if (code != "General") format_set_num_format(format, code.c_str());
  }
}

}  // namespace

std::optional<lxw_color_t> to_lxw_color(std::string_view argb) {
  if (argb.size() == 8) argb.remove_prefix(2);
  if (argb.size() != 6) return std::nullopt;
  std::uint32_t rgb = 0;
  const auto [end, error] = std::from_chars(argb.data(), argb.data() + argb.size(), rgb, 16);
  if (error != std::errc{} || end != argb.data() + argb.size()) return std::nullopt;
  return rgb == 0 ? static_cast<lxw_color_t>(LXW_COLOR_BLACK) : rgb;
}

std::uint8_t to_lxw_border(std::string_view style) {
  static constexpr std::array<std::pair<std::string_view, std::uint8_t>, 13> kBorders = {{
      {"thin", LXW_BORDER_THIN},
      {"medium", LXW_BORDER_MEDIUM},
      {"dashed", LXW_BORDER_DASHED},
      {"dotted", LXW_BORDER_DOTTED},
      {"thick", LXW_BORDER_THICK},
      {"double", LXW_BORDER_DOUBLE},
      {"hair", LXW_BORDER_HAIR},
      {"mediumDashed", LXW_BORDER_MEDIUM_DASHED},
      {"dashDot", LXW_BORDER_DASH_DOT},
      {"mediumDashDot", LXW_BORDER_MEDIUM_DASH_DOT},
      {"dashDotDot", LXW_BORDER_DASH_DOT_DOT},
      {"mediumDashDotDot", LXW_BORDER_MEDIUM_DASH_DOT_DOT},
      {"slantDashDot", LXW_BORDER_SLANT_DASH_DOT},
  }};
  return lookup(kBorders, style, LXW_BORDER_NONE);
}

std::uint8_t to_lxw_pattern(std::string_view pattern) {
  static constexpr std::array<std::pair<std::string_view, std::uint8_t>, 18> kPatterns = {{
      {"solid", LXW_PATTERN_SOLID},
      {"mediumGray", LXW_PATTERN_MEDIUM_GRAY},
      {"darkGray", LXW_PATTERN_DARK_GRAY},
      {"lightGray", LXW_PATTERN_LIGHT_GRAY},
      {"darkHorizontal", LXW_PATTERN_DARK_HORIZONTAL},
      {"darkVertical", LXW_PATTERN_DARK_VERTICAL},
      {"darkDown", LXW_PATTERN_DARK_DOWN},
      {"darkUp", LXW_PATTERN_DARK_UP},
      {"darkGrid", LXW_PATTERN_DARK_GRID},
      {"darkTrellis", LXW_PATTERN_DARK_TRELLIS},
      {"lightHorizontal", LXW_PATTERN_LIGHT_HORIZONTAL},
      {"lightVertical", LXW_PATTERN_LIGHT_VERTICAL},
      {"lightDown", LXW_PATTERN_LIGHT_DOWN},
      {"lightUp", LXW_PATTERN_LIGHT_UP},
      {"lightGrid", LXW_PATTERN_LIGHT_GRID},
      {"lightTrellis", LXW_PATTERN_LIGHT_TRELLIS},
      {"gray125", LXW_PATTERN_GRAY_125},
      {"gray0625", LXW_PATTERN_GRAY_0625},
  }};
  return lookup(kPatterns, pattern, LXW_PATTERN_NONE);
}

std::uint8_t to_lxw_horizontal(std::string_view horizontal) {
  static constexpr std::array<std::pair<std::string_view, std::uint8_t>, 7> kHorizontal = {{
      {"left", LXW_ALIGN_LEFT},
      {"center", LXW_ALIGN_CENTER},
      {"right", LXW_ALIGN_RIGHT},
      {"fill", LXW_ALIGN_FILL},
      {"justify", LXW_ALIGN_JUSTIFY},
      {"centerContinuous", LXW_ALIGN_CENTER_ACROSS},
      {"distributed", LXW_ALIGN_DISTRIBUTED},
  }};
  return lookup(kHorizontal, horizontal, LXW_ALIGN_NONE);
}

std::uint8_t to_lxw_vertical(std::string_view vertical) {
  static constexpr std::array<std::pair<std::string_view, std::uint8_t>, 5> kVertical = {{
      {"top", LXW_ALIGN_VERTICAL_TOP},
      {"center", LXW_ALIGN_VERTICAL_CENTER},
      {"bottom", LXW_ALIGN_VERTICAL_BOTTOM},
      {"justify", LXW_ALIGN_VERTICAL_JUSTIFY},
      {"distributed", LXW_ALIGN_VERTICAL_DISTRIBUTED},
  }};
  return lookup(kVertical, vertical, LXW_ALIGN_NONE);
}

std::int16_t to_lxw_rotation(std::int16_t stored) {
  if (stored == 255) return 270;
  if (stored > 90 && stored <= 180) return static_cast<std::int16_t>(90 - stored);
  if (stored < -90 || stored > 90) return 0;  // not a valid textRotation
  return stored;
}

void apply_style(lxw_format* format, const CellStyle& style, bool highlight) {
  apply_font(format, style.font);
  if (highlight) {
    format_set_pattern(format, LXW_PATTERN_SOLID);
    format_set_fg_color(format, kHighlightColor);
  } else {
    apply_fill(format, style.fill);
  }
  apply_border(format, style.border);
  apply_alignment(format, style.alignment);
  apply_number_format(format, style);
  if (!style.locked) format_set_unlocked(format);
  if (style.hidden) format_set_hidden(format);
}

void set_normal_font(lxw_workbook* book, const Font& font) {
  lxw_format* normal = STAILQ_FIRST(book->formats);
  if (normal == nullptr || font.name.empty() || font.size <= 0) return;
  if (font.name == "Calibri" && std::abs(font.size - 11.0) < 0.01) return;  // libxlsxwriter's own default
  format_set_font_name(normal, font.name.c_str());
  format_set_font_size(normal, font.size);
  format_set_font_scheme(normal, "");  // the "minor" theme font would stand for Calibri again
}

lxw_format* FormatCache::get(std::uint32_t style, bool highlight) {
  if (styles_.empty()) {
    if (!highlight) return nullptr;
    style = 0;
  } else if (style >= styles_.size()) {
    style = 0;
  }
  const std::uint64_t key = (std::uint64_t{style} << 1) | (highlight ? 1u : 0u);
  if (const auto found = formats_.find(key); found != formats_.end()) return found->second;
  lxw_format* format = workbook_add_format(book_);
  if (format == nullptr) throw std::bad_alloc();
  apply_style(format, styles_.empty() ? CellStyle{} : styles_[style], highlight);
  formats_.emplace(key, format);
  return format;
}

}  // namespace phuluc::xlsxw
