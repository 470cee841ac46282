#include "table/cell_text.hpp"

#include <cmath>
#include <cstdio>
#include <string_view>

#include "model/style.hpp"
#include "table/text_fold.hpp"

namespace phuluc {
namespace {

// Prints a number with a fixed count of decimals ("%.*f"), or the shortest %.15g form.
std::string print_number(double value, std::optional<int> decimals) {
  char buffer[64];
  if (decimals && *decimals >= 0 && *decimals <= 15 && std::fabs(value) < 1e15)
    std::snprintf(buffer, sizeof buffer, "%.*f", *decimals, value);
  else
    std::snprintf(buffer, sizeof buffer, "%.15g", value);
  std::string out = buffer;
  return out == "-0" ? "0" : out;
}

bool is_percent_format(const std::string& format) {
  return format.find('%') != std::string::npos;
}

}  // namespace

bool cell_has_content(const Cell& cell) {
  switch (cell.kind) {
    case CellKind::empty:
      return false;
    case CellKind::text:
      return !is_blank_text(cell.text);
    default:
      return true;
  }
}

std::optional<int> general_decimals(double value) {
  if (!std::isfinite(value)) return std::nullopt;
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.10g", value);
  const std::string_view text = buffer;
  if (text.find_first_of("eE") != std::string_view::npos) return std::nullopt;
  const auto dot = text.find('.');
  if (dot == std::string_view::npos) return 0;
  std::size_t end = text.size();
  while (end > dot + 1 && text[end - 1] == '0') --end;
  return static_cast<int>(end - dot - 1);
}

std::optional<int> cell_decimals(const Cell& cell, const Workbook& workbook) {
  if (cell.kind != CellKind::number) return std::nullopt;
  const auto& format = workbook.style_of(cell).number_format;
  if (const auto shown = displayed_decimals(format)) return shown;
  return general_decimals(cell.number);
}

std::string cell_display_text(const Cell& cell, const Workbook& workbook) {
  switch (cell.kind) {
    case CellKind::empty:
      return {};
    case CellKind::text:
      return tidy_text(cell.text);
    case CellKind::error:
      return cell.text;
    case CellKind::boolean:
      return cell.number != 0.0 ? "TRUE" : "FALSE";
    case CellKind::number: {
      const auto& format = workbook.style_of(cell).number_format;
      if (is_percent_format(format)) return print_number(cell.number * 100.0, displayed_decimals(format)) + "%";
      return print_number(cell.number, displayed_decimals(format));
    }
  }
  return {};
}

}  // namespace phuluc
