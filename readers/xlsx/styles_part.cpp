#include "readers/xlsx/styles_part.hpp"

#include <algorithm>
#include <charconv>
#include <unordered_map>

#include "readers/read_error.hpp"
#include "readers/xml_stream.hpp"
#include "readers/zip_archive.hpp"

namespace phuluc {
namespace {

// Excel itself stops at 64,000 cell formats; far more than that is a hostile file.
constexpr std::size_t kMaxStyleRecords = 1u << 18;

template <class Number>
std::optional<Number> parse_number(std::string_view text) {
  Number value{};
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  return value;
}

// A boolean child such as <b/>, <b val="1"/> or <b val="false"/>.
bool flag_value(const XmlAttributes& attrs) {
  const auto value = attrs.get("val");
  return !value || (*value != "0" && *value != "false");
}

// Built-in ids that show dates in some locale even though their code here is empty or generic.
bool builtin_date_id(std::uint32_t id) {
  return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58);
}

// The raw indices of one <xf>, resolved once all lists are read.
struct RawXf {
  std::uint32_t num_fmt_id = 0;
  std::uint32_t font = 0;
  std::uint32_t fill = 0;
  std::uint32_t border = 0;
  Alignment alignment;
  bool locked = true;
  bool hidden = false;
};

enum class Section { none, num_fmts, fonts, fills, borders, cell_xfs, ignored };

class StylesHandler : public XmlHandler {
 public:
  void start_element(std::string_view name, const XmlAttributes& attrs, std::uint32_t depth) override {
    if (depth == 2) {
      section_ = section_for(name);
      return;
    }
    switch (section_) {
      case Section::num_fmts: start_num_fmt(name, attrs); break;
      case Section::fonts: start_font(name, attrs); break;
      case Section::fills: start_fill(name, attrs); break;
      case Section::borders: start_border(name, attrs); break;
      case Section::cell_xfs: start_xf(name, attrs); break;
      case Section::none:
      case Section::ignored: break;
    }
  }

  void end_element(std::string_view name, std::uint32_t depth) override {
    if (depth == 2) section_ = Section::none;
    if (section_ == Section::borders && (name == "left" || name == "right" || name == "top" || name == "bottom" ||
                                         name == "start" || name == "end"))
      edge_ = nullptr;
  }

  StylesPart finish() const {
    StylesPart out;
    out.styles.reserve(std::max<std::size_t>(xfs_.size(), 1));
    for (const RawXf& raw : xfs_) out.styles.push_back(resolve(raw));
    if (out.styles.empty()) out.styles.push_back(resolve(RawXf{}));
    out.date_styles.reserve(out.styles.size());
    for (const CellStyle& style : out.styles)
      out.date_styles.push_back(is_date_format(style.number_format) ||
                                (style.number_format.empty() && builtin_date_id(style.num_fmt_id)));
    return out;
  }

 private:
  static Section section_for(std::string_view name) {
    if (name == "numFmts") return Section::num_fmts;
    if (name == "fonts") return Section::fonts;
    if (name == "fills") return Section::fills;
    if (name == "borders") return Section::borders;
    if (name == "cellXfs") return Section::cell_xfs;
    return Section::ignored;  // cellStyleXfs, dxfs, colors, extLst: not cell formats
  }

  template <class T>
  static void push_capped(std::vector<T>& list, T value) {
    if (list.size() >= kMaxStyleRecords)
      throw ReadError(ReadErrorCode::too_large, "styles part holds more than " + std::to_string(kMaxStyleRecords) +
                                                    " records of one kind");
    list.push_back(std::move(value));
  }

  void start_num_fmt(std::string_view name, const XmlAttributes& attrs) {
    if (name != "numFmt") return;
    const auto id = parse_number<std::uint32_t>(attrs.get("numFmtId").value_or(""));
    if (!id) return;
    if (custom_formats_.size() >= kMaxStyleRecords)
      throw ReadError(ReadErrorCode::too_large, "styles part holds too many number formats");
    custom_formats_[*id] = std::string(attrs.get("formatCode").value_or(""));
  }

  void start_font(std::string_view name, const XmlAttributes& attrs) {
    if (name == "font") {
      push_capped(fonts_, Font{});
      return;
    }
    if (fonts_.empty()) return;
    Font& font = fonts_.back();
    if (name == "name") {
      if (const auto value = attrs.get("val")) font.name = *value;
    } else if (name == "sz") font.size = parse_number<double>(attrs.get("val").value_or("")).value_or(font.size);
    else if (name == "b") font.bold = flag_value(attrs);
    else if (name == "i") font.italic = flag_value(attrs);
    else if (name == "strike") font.strike = flag_value(attrs);
    else if (name == "u") font.underline = attrs.get("val").value_or("single") != "none";
    else if (name == "color") font.color = attrs.get("rgb").value_or("");
  }

  void start_fill(std::string_view name, const XmlAttributes& attrs) {
    if (name == "fill") {
      push_capped(fills_, Fill{});
      return;
    }
    if (fills_.empty()) return;
    Fill& fill = fills_.back();
    if (name == "patternFill") {
      const auto pattern = attrs.get("patternType").value_or("");
      fill.pattern = pattern == "none" ? std::string{} : std::string(pattern);
    } else if (name == "fgColor") {
      fill.fg_color = attrs.get("rgb").value_or("");
    } else if (name == "bgColor") {
      fill.bg_color = attrs.get("rgb").value_or("");
    }
  }

  void start_border(std::string_view name, const XmlAttributes& attrs) {
    if (name == "border") {
      push_capped(borders_, Border{});
      edge_ = nullptr;
      return;
    }
    if (borders_.empty()) return;
    Border& border = borders_.back();
    BorderEdge* edge = name == "left" || name == "start" ? &border.left
                       : name == "right" || name == "end" ? &border.right
                       : name == "top"                    ? &border.top
                       : name == "bottom"                 ? &border.bottom
                                                          : nullptr;
    if (edge != nullptr) {
      edge_ = edge;
      const auto style = attrs.get("style").value_or("");
      edge->style = style == "none" ? std::string{} : std::string(style);
    } else if (name == "color" && edge_ != nullptr) {
      edge_->color = attrs.get("rgb").value_or("");
    }
  }

  void start_xf(std::string_view name, const XmlAttributes& attrs) {
    if (name == "xf") {
      RawXf raw;
      raw.num_fmt_id = parse_number<std::uint32_t>(attrs.get("numFmtId").value_or("")).value_or(0);
      raw.font = parse_number<std::uint32_t>(attrs.get("fontId").value_or("")).value_or(0);
      raw.fill = parse_number<std::uint32_t>(attrs.get("fillId").value_or("")).value_or(0);
      raw.border = parse_number<std::uint32_t>(attrs.get("borderId").value_or("")).value_or(0);
      push_capped(xfs_, raw);
      return;
    }
    if (xfs_.empty()) return;
    RawXf& raw = xfs_.back();
    if (name == "alignment") {
      raw.alignment.horizontal = attrs.get("horizontal").value_or("");
      raw.alignment.vertical = attrs.get("vertical").value_or("");
      raw.alignment.wrap = flag_value_of(attrs, "wrapText");
      const auto indent = parse_number<std::uint32_t>(attrs.get("indent").value_or("")).value_or(0);
      raw.alignment.indent = static_cast<std::uint8_t>(std::min<std::uint32_t>(indent, 255));
      const auto rotation = parse_number<int>(attrs.get("textRotation").value_or("")).value_or(0);
      raw.alignment.rotation = static_cast<std::int16_t>(std::clamp(rotation, -360, 360));
    } else if (name == "protection") {
      if (const auto locked = attrs.get("locked")) raw.locked = *locked != "0" && *locked != "false";
      if (const auto hidden = attrs.get("hidden")) raw.hidden = *hidden == "1" || *hidden == "true";
    }
  }

  static bool flag_value_of(const XmlAttributes& attrs, std::string_view attribute) {
    const auto value = attrs.get(attribute);
    return value && (*value == "1" || *value == "true");
  }

  CellStyle resolve(const RawXf& raw) const {
    CellStyle style;
    if (raw.font < fonts_.size()) style.font = fonts_[raw.font];
    if (raw.fill < fills_.size()) style.fill = fills_[raw.fill];
    if (raw.border < borders_.size()) style.border = borders_[raw.border];
    style.alignment = raw.alignment;
    style.num_fmt_id = raw.num_fmt_id;
    const auto custom = custom_formats_.find(raw.num_fmt_id);
    style.number_format = custom != custom_formats_.end() ? custom->second : builtin_number_format(raw.num_fmt_id);
    style.locked = raw.locked;
    style.hidden = raw.hidden;
    return style;
  }

  Section section_ = Section::none;
  std::unordered_map<std::uint32_t, std::string> custom_formats_;
  std::vector<Font> fonts_;
  std::vector<Fill> fills_;
  std::vector<Border> borders_;
  std::vector<RawXf> xfs_;
  BorderEdge* edge_ = nullptr;  // the edge whose <color> comes next
};

}  // namespace

StylesPart default_styles() {
  StylesPart out;
  out.styles.emplace_back();
  out.styles.back().number_format = builtin_number_format(0);
  out.date_styles.push_back(false);
  return out;
}

StylesPart read_styles_part(ZipArchive& zip, const std::string& part_name, const ReadLimits& limits) {
  StylesHandler handler;
  ZipPartReader part = zip.open(part_name);
  parse_xml([&](char* buffer, std::size_t size) { return part.read(buffer, size); }, handler, part.name(),
            limits.max_xml_depth);
  return handler.finish();
}

}  // namespace phuluc
