#pragma once
// A worksheet: sparse cells row by row, plus the layout facts a writer needs to reproduce it.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/cell.hpp"
#include "model/cell_ref.hpp"

namespace phuluc {

/// One row that has cells or layout. Cells are sorted by column, no two with the same column.
struct SheetRow {
  std::uint32_t index = 0;            ///< 0-based row
  std::vector<Cell> cells;
  std::optional<double> height;       ///< points, when the file sets one
  bool hidden = false;
  std::optional<std::uint32_t> style; ///< row default style, if any
  std::uint8_t outline_level = 0;
};

/// Width and visibility for a run of columns; first and last are 0-based, inclusive.
struct ColumnInfo {
  std::uint32_t first = 0;
  std::uint32_t last = 0;
  std::optional<double> width;  ///< Excel character units, as stored
  bool hidden = false;
  std::optional<std::uint32_t> style;
  std::uint8_t outline_level = 0;
};

/// Page setup as stored; fields stay unset when the file does not say.
struct PrintSetup {
  std::optional<bool> landscape;
  std::optional<std::uint32_t> paper_size;  ///< Excel paper code: 9 = A4
  std::optional<std::uint32_t> scale;
  std::optional<std::uint32_t> fit_to_width;   ///< pages wide (0 = automatic)
  std::optional<std::uint32_t> fit_to_height;  ///< pages tall (0 = automatic)
  bool fit_to_page = false;                    ///< sheetPr/pageSetUpPr fitToPage
  std::optional<double> margin_left, margin_right, margin_top, margin_bottom, margin_header, margin_footer;  ///< inches
  std::optional<std::pair<std::uint32_t, std::uint32_t>> repeat_rows;  ///< 0-based, inclusive (print titles)
  std::optional<CellRange> print_area;
  std::string header, footer;  ///< header/footer codes ("&C&P")
  bool center_horizontally = false;

  /// A4 landscape, fitted to one page wide and as many tall as needed: how every table of the
  /// official layout (NĐ 30/2020) prints.
  void set_a4_landscape_one_page_wide() {
    landscape = true;
    paper_size = 9;
    fit_to_page = true;
    fit_to_width = 1;
    fit_to_height = 0;
  }
};

struct Sheet {
  std::string name;
  bool hidden = false;                 ///< hidden or very hidden
  std::vector<SheetRow> rows;          ///< sorted by index
  std::vector<ColumnInfo> columns;     ///< sorted by first
  std::vector<CellRange> merged;
  std::uint32_t frozen_rows = 0;       ///< rows above the freeze line
  std::uint32_t frozen_cols = 0;       ///< columns left of the freeze line
  std::optional<double> default_row_height;
  std::optional<double> default_col_width;
  PrintSetup print;

  /// The cell at a 0-based position, or nullptr when the sheet has none there.
  const Cell* find(CellRef ref) const;
  /// The row with a 0-based index, or nullptr.
  const SheetRow* find_row(std::uint32_t row) const;
  /// The merged range that covers ref, or nullptr.
  const CellRange* merged_at(CellRef ref) const;
  /// Whether a 0-based column is hidden by a ColumnInfo run.
  bool column_hidden(std::uint32_t col) const;
  /// One past the last 0-based row that holds a cell (0 for an empty sheet).
  std::uint32_t row_end() const { return rows.empty() ? 0 : rows.back().index + 1; }
};

}  // namespace phuluc
