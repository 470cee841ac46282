#pragma once
// Writes a Workbook back to .xlsx in its submitted layout (libxlsxwriter), optionally marking corrections.
#include <cstdint>
#include <ctime>
#include <filesystem>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "model/cell_ref.hpp"
#include "model/workbook.hpp"
#include "report/lang.hpp"

namespace phuluc {

/// A corrected cell: highlighted (yellow fill over the cell's own format) and/or given a note.
/// Several marks on one cell are merged (notes joined by a line break); marks whose sheet index is
/// out of range are ignored. A mark on a cell the sheet does not have writes a highlighted blank.
struct CellMark {
  std::uint32_t sheet = 0;  ///< 0-based index into Workbook::sheets
  CellRef cell;             ///< 0-based
  std::string note;         ///< the note's text (old value and reason, already translated); empty for none
  bool highlight = true;
};

/// A value before or after a correction as the change list shows it: none, a number or a text.
using LoggedValue = std::variant<std::monostate, double, std::string>;

/// One row of the change list sheet.
struct ChangeEntry {
  std::uint32_t sheet = 0;  ///< 0-based index into Workbook::sheets
  CellRef cell;             ///< 0-based; shown as a link to the cell ("F14")
  LoggedValue old_value;
  LoggedValue new_value;
  std::string code;    ///< stable finding code ("sum-mismatch")
  std::string reason;  ///< translated explanation
};

/// The extra sheet that lists every change, added after the workbook's own sheets.
/// Columns: sheet | cell (internal link) | old value | new value | code | reason; one header row.
struct ChangeSheet {
  std::string name = "Kiểm tra";  ///< made unique against the workbook's sheets when it collides
  Lang lang = Lang::vi;           ///< language of the header row
  std::vector<ChangeEntry> entries;
};

/// 2000-01-01T00:00:00Z: the default creation time, so the same input always gives the same bytes.
inline constexpr std::time_t kFixedCreationTime = 946684800;

struct XlsxWriteOptions {
  std::vector<CellMark> marks;            ///< corrected cells; leave empty for a clean copy (--no-mark)
  std::optional<ChangeSheet> change_sheet;  ///< the "Kiểm tra" sheet, when wanted
  std::time_t created = kFixedCreationTime;  ///< document creation time (UTC seconds); 0 means now
  std::string title;                      ///< document properties; empty to leave unset
  std::string author;
  std::string note_author = "phuluc";     ///< author shown on the notes of marked cells
  std::vector<std::filesystem::path> inputs;  ///< files the output must not overwrite (same_file)
};

/// Writes `workbook` to `output` atomically (AtomicFile): every sheet in order with its name and
/// visibility; values; formulas with their cached results; merged ranges; fonts, fills, borders,
/// alignment, wrap, rotation, protection flags and number formats; column widths, row heights,
/// hidden rows and columns, outline levels; frozen panes; print setup (orientation, paper,
/// margins, header/footer, fit-to, scale, repeated rows, print area, horizontal centring).
///
/// Decisions and known gaps (the model or libxlsxwriter cannot carry them):
/// - Formulas keep the cached value read with them, so viewers that do not recalculate show it;
///   the file also asks Excel to recalculate on load. A formula with no cached value is written with
///   an empty text result (not libxlsxwriter's 0, which would show a wrong number). A formula cell
///   whose text is empty (a shared-formula dependant the reader did not expand) is written as its
///   value. Boolean results are written as 1/0; error results and literal errors as text results
///   of the same formula (literal errors become the formula "=#N/A" etc.).
/// - Widths are reproduced to the pixel (1/7 of a character); a sheet's default column width is
///   written as explicit widths of the columns that have none; a row height of exactly 15 points is
///   written as 15.000001 (libxlsxwriter would drop it); a sheet's default row height is only
///   written when it was set by hand (xlsx/sizes.hpp).
/// - Strings longer than 32,767 characters are cut, NUL characters dropped; number format codes
///   over 127 bytes keep the sections that fit; header/footer picture codes (&G) are dropped;
///   paper sizes over 255 are left out; overlapping merged ranges after the first are dropped
///   (xlsx/merge_ranges.hpp); an indent is kept only with left, right or distributed alignment.
/// - The Normal style takes the font name and size of styles[0]; font family, charset, theme and
///   indexed colours, double underline, diagonal borders, rich text, hyperlinks, comments,
///   images, conditional formats, data validation and defined names other than print
///   titles/areas are not in the model and are not written.
/// - A 1904-based workbook's date cells are shifted to the 1900 system libxlsxwriter writes.
/// - Invalid sheet names are repaired ([]:*?/\ → _, cut to 31 characters, made unique).
///
/// Throws WriteError (see atomic_file.hpp; invalid_workbook when libxlsxwriter refuses the content).
///   XlsxWriteOptions options;
///   options.marks.push_back({0, *parse_a1("F14"), "Giá trị cũ: 200\nLý do: ...", true});
///   write_xlsx(workbook, "muong_kim_2026_sua.xlsx", options);
void write_xlsx(const Workbook& workbook, const std::filesystem::path& output, const XlsxWriteOptions& options = {});

}  // namespace phuluc
