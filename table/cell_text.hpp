#pragma once
// How a cell reads to a person: the text it shows and the decimals it displays.
#include <optional>
#include <string>

#include "model/cell.hpp"
#include "model/workbook.hpp"

namespace phuluc {

/// Whether a cell shows anything: a number, a boolean, an error, or text that is not only white space.
///   if (!cell_has_content(cell)) continue;
bool cell_has_content(const Cell& cell);

/// Decimals a General-format number prints with: the value printed with %.10g, trailing zeros
/// trimmed (82.262 → 3, 255 → 0); nullopt for values printed in exponent form (1e-12).
///   general_decimals(0.5) == 1
std::optional<int> general_decimals(double value);

/// Decimals the cell displays: its number format's (model/style.hpp displayed_decimals), or for
/// General the decimals of the value as printed. nullopt for non-number cells.
///   cell_decimals(cell, workbook) == 3   // "#,##0.000"
std::optional<int> cell_decimals(const Cell& cell, const Workbook& workbook);

/// The cell as text: text cells tidied (tidy_text), numbers with the decimals their format shows
/// and '.' as decimal point (an STT typed as number 1.1 reads "1.1"; with format "0.00", "1.10"),
/// booleans "TRUE"/"FALSE", errors as stored ("#REF!"), empty cells "".
///   cell_display_text(*sheet.find({7, 0}), workbook) == "V.1"
std::string cell_display_text(const Cell& cell, const Workbook& workbook);

}  // namespace phuluc
