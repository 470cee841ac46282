#include "table/header_block.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>

#include "table/cell_text.hpp"
#include "table/header_words.hpp"
#include "table/number_text.hpp"
#include "table/text_fold.hpp"

namespace phuluc {
namespace {

constexpr std::uint32_t kMaxHeaderRows = 5;     // rows of header texts, not counting the column-number row
constexpr std::uint32_t kMaxTextRows = 4;       // rows of header words without a merge forcing them
constexpr std::uint32_t kMaxTableCols = 1024;   // a wider header is a hostile file, not an appendix
constexpr std::size_t kMaxHeaderMerges = 4096;  // merged ranges looked at over one header
constexpr std::size_t kMaxHeaderTextBytes = 400; // a header cell is a few words, not a paragraph
constexpr std::size_t kMaxKeyHeaderBytes = 40;   // "STT", "Nội dung", "Danh mục công trình" (folded)

bool in_columns(std::uint32_t col, std::uint32_t first_col, std::uint32_t last_col) {
  return col >= first_col && col <= last_col;
}

bool reads_as_number(const std::string& text) {
  const auto kind = parse_number_text(text).kind;
  return kind == NumberTextKind::number || kind == NumberTextKind::ambiguous;
}

// A row under the first header row that carries more header words and nothing in the STT and
// label columns (those are merged down or left empty in a header).
bool is_header_continuation(const SheetRow& row, const HeaderBlock& block,
                            const std::vector<std::uint32_t>& key_cols) {
  int cells = 0;
  int words = 0;
  for (const Cell& cell : row.cells) {
    if (!in_columns(cell.col, block.first_col, block.last_col) || !cell_has_content(cell)) continue;
    if (std::find(key_cols.begin(), key_cols.end(), cell.col) != key_cols.end()) return false;
    if (cell.kind != CellKind::text) return false;
    if (count_letters(cell.text).letters < 2 || reads_as_number(cell.text)) return false;
    ++cells;
    if (is_header_word(fold_text(cell.text))) ++words;
  }
  return cells > 0 && 2 * words >= cells;
}

// The small integer a column-number cell shows: 3, "3", "(3)".
std::optional<int> column_number(const Cell& cell) {
  if (cell.kind == CellKind::number) {
    if (cell.number >= 0 && cell.number < 1000 && cell.number == std::floor(cell.number))
      return static_cast<int>(cell.number);
    return std::nullopt;
  }
  if (cell.kind != CellKind::text) return std::nullopt;
  std::string_view text = cell.text;
  while (!text.empty() && (text.front() == ' ' || text.front() == '(')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == ')' || text.back() == '.')) text.remove_suffix(1);
  int value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc{} || end != text.data() + text.size() || value < 0 || value >= 1000) return std::nullopt;
  return value;
}

// "A", "B" over the STT and label columns, or a formula such as "3=1+2", "(5)=(3)/(2)x100".
bool is_column_marker(const Cell& cell) {
  if (cell.kind != CellKind::text) return false;
  const std::string folded = fold_text(cell.text);
  if (folded.size() == 1 && folded[0] >= 'a' && folded[0] <= 'z') return true;
  bool digit = false;
  bool operation = false;
  for (char c : folded) {
    if (c >= '0' && c <= '9') digit = true;
    else if (c == '=' || c == '+' || c == '-' || c == '*' || c == '/' || c == 'x' || c == ':') operation = true;
    else if (c != '(' && c != ')' && c != ' ' && c != '.' && c != ',' && c != '%') return false;
  }
  return digit && operation;
}

}  // namespace

bool looks_like_header_start(const SheetRow& row) {
  // Cheap tests first: this runs on every row of every sheet. A header is words, not numbers.
  int cells = 0;
  int numbers = 0;
  for (const Cell& cell : row.cells) {
    if (!cell_has_content(cell)) continue;
    ++cells;
    if (cell.kind == CellKind::number) ++numbers;
  }
  if (cells < 3 || 2 * numbers >= cells) return false;
  std::vector<std::string> folded;
  bool stt = false;
  bool label = false;
  for (const Cell& cell : row.cells) {
    if (cell.kind != CellKind::text || cell.text.size() > kMaxHeaderTextBytes) continue;
    folded.push_back(fold_text(cell.text));
    if (folded.back().size() > kMaxKeyHeaderBytes) continue;  // "Nội dung 1: Nâng cao ..." is a data label
    if (is_stt_header(folded.back())) stt = true;
    if (label_header_strength(folded.back()) > 0) label = true;
  }
  if (!stt && !label) return false;
  if (stt && label) return true;
  int words = 0;
  for (const std::string& text : folded)
    if (is_header_word(text)) ++words;
  return words >= 3;
}

HeaderBlock measure_header(const Sheet& sheet, std::uint32_t first_row) {
  HeaderBlock block;
  block.first_row = block.last_row = block.path_last_row = first_row;
  const SheetRow* first = sheet.find_row(first_row);
  if (!first) return block;

  std::vector<std::uint32_t> key_cols;  // the STT and label columns named in the first row
  bool any = false;
  for (const Cell& cell : first->cells) {
    if (!cell_has_content(cell)) continue;
    if (!any) block.first_col = cell.col;
    block.last_col = cell.col;
    any = true;
    if (cell.kind == CellKind::text) {
      const std::string folded = fold_text(cell.text);
      if (is_stt_header(folded) || label_header_strength(folded) > 0) key_cols.push_back(cell.col);
    }
  }
  if (block.last_col - block.first_col >= kMaxTableCols) block.last_col = block.first_col + kMaxTableCols - 1;

  const std::uint32_t row_cap = first_row + kMaxHeaderRows - 1;
  std::vector<const CellRange*> merges;  // merged ranges that start on a possible header row
  for (const CellRange& range : sheet.merged)
    if (range.first.row >= first_row && range.first.row <= row_cap && merges.size() < kMaxHeaderMerges)
      merges.push_back(&range);

  std::uint32_t forced_last = first_row;  // merged cells hanging from the rows taken so far
  const auto take_row = [&](std::uint32_t row_index) {
    for (const CellRange* range : merges) {
      if (range->first.row != row_index || !in_columns(range->first.col, block.first_col, block.last_col)) continue;
      forced_last = std::max(forced_last, std::min(range->last.row, row_cap));
      const Cell* corner = sheet.find(range->first);
      if (corner && cell_has_content(*corner))
        block.last_col = std::max(block.last_col, std::min(range->last.col, block.first_col + kMaxTableCols - 1));
    }
    block.last_row = row_index;
  };
  take_row(first_row);
  for (std::uint32_t r = first_row + 1; r <= row_cap; ++r) {
    const SheetRow* row = sheet.find_row(r);
    if (r > forced_last) {
      if (r - first_row >= kMaxTextRows) break;
      if (!row || !is_header_continuation(*row, block, key_cols)) break;
    }
    take_row(r);
  }
  block.path_last_row = block.last_row;
  if (const SheetRow* next = sheet.find_row(block.last_row + 1);
      next && is_column_number_row(*next, block.first_col, block.last_col)) {
    block.has_number_row = true;
    block.last_row = next->index;
  }
  return block;
}

bool is_column_number_row(const SheetRow& row, std::uint32_t first_col, std::uint32_t last_col) {
  int tokens = 0;
  int numbers = 0;
  int previous = -1;
  for (const Cell& cell : row.cells) {
    if (!in_columns(cell.col, first_col, last_col) || !cell_has_content(cell)) continue;
    ++tokens;
    if (const auto number = column_number(cell)) {
      if (*number <= previous) return false;
      previous = *number;
      ++numbers;
    } else if (!is_column_marker(cell)) {
      return false;
    }
  }
  return tokens >= 3 && numbers >= 2;
}

std::vector<HeaderColumnPath> column_paths(const Sheet& sheet, const Workbook& workbook, const HeaderBlock& block) {
  const std::uint32_t rows = block.path_last_row - block.first_row + 1;
  const std::uint32_t cols = block.last_col - block.first_col + 1;
  std::vector<std::string> grid(static_cast<std::size_t>(rows) * cols);
  std::vector<bool> merged(grid.size(), false);
  std::vector<std::int64_t> top(cols, -1);
  const auto at = [&](std::uint32_t r, std::uint32_t c) -> std::string& {
    return grid[static_cast<std::size_t>(r - block.first_row) * cols + (c - block.first_col)];
  };

  for (std::uint32_t r = block.first_row; r <= block.path_last_row; ++r) {
    const SheetRow* row = sheet.find_row(r);
    if (!row) continue;
    for (const Cell& cell : row->cells) {
      if (!in_columns(cell.col, block.first_col, block.last_col) || !cell_has_content(cell)) continue;
      at(r, cell.col) = cell_display_text(cell, workbook);
      if (r == block.first_row) top[cell.col - block.first_col] = -static_cast<std::int64_t>(cell.col) - 2;  // own cell: below -1
    }
  }
  std::size_t merges_seen = 0;
  for (std::size_t index = 0; index < sheet.merged.size() && merges_seen < kMaxHeaderMerges; ++index) {
    const CellRange& range = sheet.merged[index];
    if (range.last.row < block.first_row || range.first.row > block.path_last_row) continue;
    if (range.last.col < block.first_col || range.first.col > block.last_col) continue;
    ++merges_seen;
    const Cell* corner = sheet.find(range.first);
    const std::string text = corner && cell_has_content(*corner) ? cell_display_text(*corner, workbook) : std::string{};
    const std::uint32_t r0 = std::max(range.first.row, block.first_row);
    const std::uint32_t r1 = std::min(range.last.row, block.path_last_row);
    const std::uint32_t c0 = std::max(range.first.col, block.first_col);
    const std::uint32_t c1 = std::min(range.last.col, block.last_col);
    for (std::uint32_t r = r0; r <= r1; ++r)
      for (std::uint32_t c = c0; c <= c1; ++c) {
        at(r, c) = text;
        merged[static_cast<std::size_t>(r - block.first_row) * cols + (c - block.first_col)] = true;
      }
    if (r0 == block.first_row)
      for (std::uint32_t c = c0; c <= c1; ++c) top[c - block.first_col] = static_cast<std::int64_t>(index);
  }

  // Without merged cells (CSV, .xls read without its merges) a group label sits over the first of
  // its columns only: an empty, unmerged header cell takes the label on its left when the cells
  // under both carry labels. Bottom-up, so a group spreads over what spread below it.
  for (std::uint32_t r = block.path_last_row; r-- > block.first_row;)
    for (std::uint32_t c = block.first_col + 1; c <= block.last_col; ++c) {
      const std::size_t here = static_cast<std::size_t>(r - block.first_row) * cols + (c - block.first_col);
      if (!grid[here].empty() || merged[here] || at(r, c - 1).empty()) continue;
      if (at(r + 1, c).empty() || at(r + 1, c - 1).empty()) continue;
      grid[here] = at(r, c - 1);
      if (r == block.first_row) top[c - block.first_col] = top[c - 1 - block.first_col];
    }

  std::vector<HeaderColumnPath> paths(cols);
  for (std::uint32_t c = block.first_col; c <= block.last_col; ++c) {
    HeaderColumnPath& column = paths[c - block.first_col];
    column.col = c;
    column.top_group = top[c - block.first_col];
    for (std::uint32_t r = block.first_row; r <= block.path_last_row; ++r) {
      const std::string& text = at(r, c);
      if (!text.empty() && (column.path.empty() || column.path.back() != text)) column.path.push_back(text);
    }
  }
  return paths;
}

std::vector<std::string> row_signature(const SheetRow& row, std::uint32_t first_col, std::uint32_t last_col) {
  std::vector<std::string> signature;
  for (const Cell& cell : row.cells)
    if (in_columns(cell.col, first_col, last_col) && cell_has_content(cell)) {
      if (cell.kind == CellKind::number) {
        char buffer[32];
        std::snprintf(buffer, sizeof buffer, "%.15g", cell.number);
        signature.emplace_back(buffer);
      } else {
        signature.push_back(fold_text(cell.text));
      }
    }
  return signature;
}

}  // namespace phuluc
