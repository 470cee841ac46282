#pragma once
// One cell's value as a reader found it in the file.
#include <cstdint>
#include <string>

namespace phuluc {

/// What a cell holds. `text` is a string cell (shared, inline or rich text joined);
/// `error` holds an Excel error literal such as "#REF!" in Cell::text.
enum class CellKind : std::uint8_t { empty, number, text, boolean, error };

/// A cell's value. Dates stay numbers (Excel serials); Cell::is_date says the format is a date.
struct Cell {
  std::uint32_t col = 0;            ///< 0-based column
  CellKind kind = CellKind::empty;
  double number = 0.0;              ///< kind == number or boolean (1/0)
  std::string text;                 ///< kind == text or error
  std::string formula;              ///< formula text without the leading '=', empty if none
  bool has_formula = false;
  bool formula_without_value = false;  ///< a formula the file stored no cached result for
  bool is_date = false;             ///< number formatted as a date/time by its style
  std::uint32_t style = 0;          ///< index into Workbook::styles (0 = default)
};

/// Cells built by code (writers, templates, merge output, tests): a number, a text, a formula with
/// the result we computed (libxlsxwriter stores it; nothing recalculates on open).
inline Cell number_cell(std::uint32_t col, double value, std::uint32_t style = 0) {
  Cell cell;
  cell.col = col;
  cell.kind = CellKind::number;
  cell.number = value;
  cell.style = style;
  return cell;
}

inline Cell text_cell(std::uint32_t col, std::string text, std::uint32_t style = 0) {
  Cell cell;
  cell.col = col;
  cell.kind = CellKind::text;
  cell.text = std::move(text);
  cell.style = style;
  return cell;
}

inline Cell formula_cell(std::uint32_t col, std::string formula, double cached, std::uint32_t style = 0) {
  Cell cell = number_cell(col, cached, style);
  cell.formula = std::move(formula);
  cell.has_formula = true;
  return cell;
}

}  // namespace phuluc
