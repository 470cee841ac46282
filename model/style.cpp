#include "model/style.hpp"

#include <array>
#include <cctype>

namespace phuluc {
namespace {

// Strips the parts of a format code that never print digits or date letters:
// quoted literals, [colour]/[locale] brackets, escaped characters and _x / *x spacers.
std::string visible_code(const std::string& code) {
  std::string out;
  for (std::size_t i = 0; i < code.size(); ++i) {
    const char c = code[i];
    if (c == '"') {
      const auto close = code.find('"', i + 1);
      if (close == std::string::npos) break;
      i = close;
    } else if (c == '[') {
      const auto close = code.find(']', i + 1);
      if (close == std::string::npos) break;
      i = close;
    } else if (c == '\\' || c == '_' || c == '*') {
      ++i;
    } else {
      out += c;
    }
  }
  return out;
}

// The section of a format that applies to positive numbers (before the first unquoted ';').
std::string positive_section(const std::string& visible) {
  const auto semi = visible.find(';');
  return semi == std::string::npos ? visible : visible.substr(0, semi);
}

}  // namespace

std::optional<int> displayed_decimals(const std::string& number_format) {
  if (number_format.empty() || number_format == "General" || number_format == "@") return std::nullopt;
  const std::string section = positive_section(visible_code(number_format));
  const auto dot = section.find('.');
  if (dot == std::string::npos) {
    for (char c : section)
      if (c == '0' || c == '#' || c == '?') return 0;
    return std::nullopt;
  }
  int decimals = 0;
  for (std::size_t i = dot + 1; i < section.size(); ++i) {
    const char c = section[i];
    if (c == '0' || c == '#' || c == '?') ++decimals;
    else if (c == 'E' || c == 'e' || c == '%' || c == ' ' || c == ',') break;
  }
  return decimals;
}

bool is_date_format(const std::string& number_format) {
  if (number_format.empty() || number_format == "General") return false;
  const std::string section = positive_section(visible_code(number_format));
  for (char c : section) {
    const char lower = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (lower == 'y' || lower == 'm' || lower == 'd' || lower == 'h' || lower == 's') return true;
  }
  return false;
}

std::string builtin_number_format(std::uint32_t id) {
  static const std::array<const char*, 50> kBuiltin = {
      "General", "0", "0.00", "#,##0", "#,##0.00", "", "", "", "", "0%",
      "0.00%", "0.00E+00", "# ?/?", "# ?\?/?\?", "mm-dd-yy", "d-mmm-yy", "d-mmm", "mmm-yy", "h:mm AM/PM", "h:mm:ss AM/PM",
      "h:mm", "h:mm:ss", "m/d/yy h:mm", "", "", "", "", "", "", "",
      "", "", "", "", "", "", "", "#,##0 ;(#,##0)", "#,##0 ;[Red](#,##0)", "#,##0.00;(#,##0.00)",
      "#,##0.00;[Red](#,##0.00)", "", "", "", "", "mm:ss", "[h]:mm:ss", "mmss.0", "##0.0E+0", "@"};
  return id < kBuiltin.size() ? kBuiltin[id] : std::string{};
}

}  // namespace phuluc
