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

}  // namespace phuluc
