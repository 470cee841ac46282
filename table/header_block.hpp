#pragma once
// The header of an appendix table: where it starts and ends, and the path of header texts over
// each column. Internal to the table finder; exposed for tests.
#include <cstdint>
#include <string>
#include <vector>

#include "model/workbook.hpp"

namespace phuluc {

/// The rectangle a table header occupies. Rows and columns are 0-based and inclusive.
struct HeaderBlock {
  std::uint32_t first_row = 0;
  std::uint32_t last_row = 0;       ///< the last header row, the column-number row when there is one
  std::uint32_t path_last_row = 0;  ///< the last row whose texts go into column paths
  std::uint32_t first_col = 0;
  std::uint32_t last_col = 0;
  bool has_number_row = false;      ///< a row "1 2 3 ..." or "(1) (2) ..." closes the header
};

/// One column under a header: its texts top to bottom and its top-level group.
struct HeaderColumnPath {
  std::uint32_t col = 0;           ///< 0-based sheet column
  std::vector<std::string> path;   ///< tidy header texts top to bottom, consecutive duplicates collapsed
  std::int64_t top_group = -1;     ///< identity of the first header row's cell or merged range over the column (-1: none)
};

/// Whether a row can start a table header: at least three filled cells, one naming the STT or the
/// label column ("STT", "Nội dung", "Tên ...") and header words in the others.
///   if (looks_like_header_start(row)) ...
bool looks_like_header_start(const SheetRow& row);

/// The header that starts at `first_row` (0-based): it extends down over merged cells hanging from
/// it and rows of header words with nothing in the STT and label columns, 1 to 5 rows, plus a row of
/// column numbers right under it.
///   const HeaderBlock block = measure_header(sheet, row.index);
HeaderBlock measure_header(const Sheet& sheet, std::uint32_t first_row);

/// Whether a row holds column numbers ("1 2 3 ...", "(1) (2) ...", "A B 1 2 3=1+2") between the
/// 0-based inclusive columns first_col and last_col.
bool is_column_number_row(const SheetRow& row, std::uint32_t first_col, std::uint32_t last_col);

/// The path of header texts over each column of the block, left to right: for each header row, the
/// text of the merged range covering the column there, or the cell's own text. Where the file has
/// no merged cells (CSV, .xls read without merges), an empty header cell takes the label on its left
/// when the cells under both carry labels (a group label written over its first column only).
///   paths[2].path == {"Tình hình thực hiện ... năm 2026", "Kế hoạch vốn", "Tổng số"}
std::vector<HeaderColumnPath> column_paths(const Sheet& sheet, const Workbook& workbook, const HeaderBlock& block);

/// The folded texts of a row's filled cells between the 0-based inclusive columns, left to right:
/// used to recognise a header repeated after a page break.
std::vector<std::string> row_signature(const SheetRow& row, std::uint32_t first_col, std::uint32_t last_col);

}  // namespace phuluc
