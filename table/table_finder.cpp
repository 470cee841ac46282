#include "table/table_finder.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <string_view>

#include "table/cell_text.hpp"
#include "table/header_block.hpp"
#include "table/header_words.hpp"
#include "table/number_text.hpp"
#include "table/row_hierarchy.hpp"
#include "table/table_values.hpp"
#include "table/text_fold.hpp"

namespace phuluc {
namespace {

constexpr std::uint32_t kEmptyRowsEndingTable = 5;  // a run this long under the data ends the table
constexpr std::size_t kMaxTitleLines = 15;          // lines above the first header kept as titles
constexpr std::uint32_t kMaxBlankInTitles = 2;      // blank rows allowed between title lines of a later table

const char* const kPathSeparator = " \xE2\x80\xBA ";  // " › "

bool in_columns(std::uint32_t col, std::uint32_t first_col, std::uint32_t last_col) {
  return col >= first_col && col <= last_col;
}

// ---------------------------------------------------------------------------------------------
// Rows of a sheet

// The rows with an index in [first, last] (0-based, inclusive), in order.
std::pair<std::vector<SheetRow>::const_iterator, std::vector<SheetRow>::const_iterator> rows_between(
    const Sheet& sheet, std::uint32_t first, std::uint32_t last) {
  const auto begin = std::lower_bound(sheet.rows.begin(), sheet.rows.end(), first,
                                      [](const SheetRow& row, std::uint32_t value) { return row.index < value; });
  const auto end = std::upper_bound(begin, sheet.rows.end(), last,
                                    [](std::uint32_t value, const SheetRow& row) { return value < row.index; });
  return {begin, end};
}

bool row_is_empty(const SheetRow& row, std::uint32_t first_col, std::uint32_t last_col) {
  for (const Cell& cell : row.cells)
    if (in_columns(cell.col, first_col, last_col) && cell_has_content(cell)) return false;
  return true;
}

bool row_is_empty(const SheetRow& row) {
  for (const Cell& cell : row.cells)
    if (cell_has_content(cell)) return false;
  return true;
}

bool row_has_number_cell(const SheetRow& row, std::uint32_t first_col, std::uint32_t last_col) {
  for (const Cell& cell : row.cells)
    if (in_columns(cell.col, first_col, last_col) && cell.kind == CellKind::number) return true;
  return false;
}

// A line in capitals ("TỔNG HỢP TÌNH HÌNH ...") reads as a title.
bool mostly_upper_case(std::string_view text) {
  const LetterCount count = count_letters(text);
  return count.letters >= 6 && count.upper * 5 >= count.letters * 4;
}

// A row between two tables that reads as a title of the table below.
bool is_title_row(const SheetRow& row) {
  int cells = 0;
  bool titled = false;
  for (const Cell& cell : row.cells) {
    if (!cell_has_content(cell)) continue;
    if (cell.kind != CellKind::text) return false;
    if (++cells > 3) return false;
    const std::string folded = fold_text(cell.text);
    if (is_signature_line(folded)) return false;
    if (starts_like_title(folded) || mostly_upper_case(cell.text)) titled = true;
  }
  return titled;
}

// ---------------------------------------------------------------------------------------------
// Headers

// Whether a header-like row repeats the header above it (a page break), rather than starting a
// new table: its texts are all among the previous header's and no title line sits just above it.
bool repeats_header(const Sheet& sheet, const SheetRow& row, const HeaderBlock& previous) {
  std::set<std::string> header_texts;
  for (auto [it, end] = rows_between(sheet, previous.first_row, previous.path_last_row); it != end; ++it)
    for (std::string& text : row_signature(*it, previous.first_col, previous.last_col)) header_texts.insert(text);
  const auto texts = row_signature(row, previous.first_col, previous.last_col);
  if (texts.size() < 2) return false;
  for (const std::string& text : texts)
    if (!header_texts.count(text)) return false;
  // The nearest filled row above: a title there means a new table with the same header.
  const auto above = std::lower_bound(sheet.rows.begin(), sheet.rows.end(), row.index,
                                      [](const SheetRow& r, std::uint32_t value) { return r.index < value; });
  for (auto it = std::make_reverse_iterator(above); it != sheet.rows.rend() && it->index > previous.last_row; ++it) {
    if (row_is_empty(*it)) continue;
    return !is_title_row(*it);
  }
  return true;
}

std::vector<HeaderBlock> find_header_blocks(const Sheet& sheet) {
  std::vector<HeaderBlock> blocks;
  for (const SheetRow& row : sheet.rows) {
    if (!blocks.empty() && row.index <= blocks.back().last_row) continue;
    if (!looks_like_header_start(row)) continue;
    if (!blocks.empty() && repeats_header(sheet, row, blocks.back())) continue;
    blocks.push_back(measure_header(sheet, row.index));
  }
  return blocks;
}

// Whether a row inside the data repeats the header (page-break repeat) or its column numbers.
bool is_header_repeat(const SheetRow& row, const HeaderBlock& block, const std::set<std::string>& header_texts) {
  if (is_column_number_row(row, block.first_col, block.last_col)) return true;
  if (row_has_number_cell(row, block.first_col, block.last_col)) return false;
  const auto texts = row_signature(row, block.first_col, block.last_col);
  if (texts.empty()) return false;
  for (const std::string& text : texts)
    if (!header_texts.count(text)) return false;
  return texts.size() >= 2 || header_texts.size() <= 2;
}

// ---------------------------------------------------------------------------------------------
// Columns

std::string join_path(const std::vector<std::string>& path) {
  std::string out;
  for (const std::string& part : path) {
    if (!out.empty()) out += kPathSeparator;
    out += part;
  }
  return out;
}

// Measure and split from the deepest header text that names one ("Kế hoạch vốn › Tổng số": plan, total).
// Plan, disbursed and estimate outrank the plain money words ("Vốn năm 2024 chuyển sang" under
// "Giải ngân" is disbursed money).
Measure deepest_measure(const std::vector<std::string>& folded_path) {
  Measure weak = Measure::none;
  for (auto it = folded_path.rbegin(); it != folded_path.rend(); ++it) {
    const Measure measure = measure_of_header(*it);
    if (measure == Measure::other && weak == Measure::none) weak = measure;
    if (measure != Measure::none && measure != Measure::other) return measure;
  }
  return weak;
}

Split deepest_split(const std::vector<std::string>& folded_path) {
  for (auto it = folded_path.rbegin(); it != folded_path.rend(); ++it)
    if (const Split split = split_of_header(*it); split != Split::none) return split;
  return Split::none;
}

struct ColumnDraft {
  TableColumn column;
  std::vector<std::string> folded;  // folded path
  std::int64_t top_group = -1;
  int label_strength = 0;
};

ColumnDraft draft_column(const HeaderColumnPath& header) {
  ColumnDraft draft;
  draft.column.col = header.col;
  draft.column.path = header.path;
  draft.column.path_text = join_path(header.path);
  draft.top_group = header.top_group;
  for (const std::string& text : header.path) draft.folded.push_back(fold_text(text));
  const auto any = [&](bool (*test)(std::string_view)) {
    return std::any_of(draft.folded.begin(), draft.folded.end(), [&](const std::string& f) { return test(f); });
  };
  for (const std::string& f : draft.folded) draft.label_strength = std::max(draft.label_strength, label_header_strength(f));
  TableColumn& column = draft.column;
  if (any(is_stt_header)) {
    column.role = ColumnRole::stt;
  } else if (draft.label_strength > 0) {
    column.role = ColumnRole::text;  // a label candidate; the finder picks one
  } else if (any(is_note_header)) {
    column.role = ColumnRole::note;
  } else if (any(is_rate_header)) {
    column.role = ColumnRole::rate;
    column.split = deepest_split(draft.folded);
    column.measure = deepest_measure(draft.folded);
  } else {
    column.measure = deepest_measure(draft.folded);
    column.split = deepest_split(draft.folded);
    if (column.measure != Measure::none || column.split != Split::none) column.role = ColumnRole::amount;
  }
  return draft;
}

Finding structure_finding(const std::string& sheet, CellRef cell, const char* reason, std::string detail) {
  Finding finding;
  finding.code = "structure-unclear";
  finding.severity = Severity::warning;
  finding.sheet = sheet;
  finding.cell = cell;
  finding.reason = reason;
  finding.detail = std::move(detail);
  return finding;
}

// Picks the label column among the candidates: the one right of the STT column, else the only
// strong one, else the only weak one. Two candidates and nothing to choose between them: none,
// and a structure-unclear warning.
void choose_label(Table& table, std::vector<ColumnDraft>& drafts, const HeaderBlock& block,
                  std::vector<Finding>& findings) {
  for (int strength = 2; strength >= 1 && !table.label_col; --strength) {
    std::vector<std::size_t> candidates;
    for (std::size_t i = 0; i < drafts.size(); ++i)
      if (drafts[i].column.role == ColumnRole::text && drafts[i].label_strength == strength) candidates.push_back(i);
    if (candidates.empty()) continue;
    std::optional<std::size_t> chosen;
    if (table.stt_col)
      for (std::size_t i : candidates)
        if (drafts[i].column.col == *table.stt_col + 1) chosen = i;
    if (!chosen && candidates.size() == 1) chosen = candidates[0];
    if (!chosen) {
      std::string detail = "several columns could hold the row labels:";
      for (std::size_t i : candidates) detail += " " + column_letters(drafts[i].column.col) + " (" + drafts[i].column.path_text + ")";
      findings.push_back(structure_finding(table.sheet, CellRef{block.first_row, drafts[candidates[0]].column.col},
                                           "two-label-columns", detail));
      return;
    }
    drafts[*chosen].column.role = ColumnRole::label;
    table.label_col = drafts[*chosen].column.col;
  }
  // No header names the label column: the text column right of the STT is the label by layout.
  if (!table.label_col && table.stt_col) {
    for (ColumnDraft& draft : drafts)
      if (draft.column.col == *table.stt_col + 1 && draft.column.role == ColumnRole::text) {
        draft.column.role = ColumnRole::label;
        table.label_col = draft.column.col;
      }
  }
}

bool is_value_role(ColumnRole role) { return role == ColumnRole::amount || role == ColumnRole::rate; }

// Blocks are the first header row's groups over the amount and rate columns, when each group holds
// several measures ("vốn kéo dài" and "vốn năm 2026", each with plan, disbursed, rate...). When the
// groups are the measures themselves, everything is one block.
void assign_blocks(std::vector<ColumnDraft>& drafts) {
  std::vector<std::int64_t> groups;
  std::map<std::int64_t, std::set<std::pair<int, int>>> kinds;  // group → (role, measure) pairs
  for (const ColumnDraft& draft : drafts) {
    if (!is_value_role(draft.column.role)) continue;
    if (std::find(groups.begin(), groups.end(), draft.top_group) == groups.end()) groups.push_back(draft.top_group);
    kinds[draft.top_group].insert({static_cast<int>(draft.column.role), static_cast<int>(draft.column.measure)});
  }
  const bool grouped = groups.size() >= 2 && std::all_of(groups.begin(), groups.end(), [&](std::int64_t group) {
                         return group != -1 && kinds[group].size() >= 2;
                       });
  for (ColumnDraft& draft : drafts) {
    if (!is_value_role(draft.column.role)) continue;
    draft.column.block = grouped ? static_cast<int>(std::find(groups.begin(), groups.end(), draft.top_group) - groups.begin()) : 0;
  }
}

// A rate is a rate of the amount group to its left in the same block ("Tỷ lệ giải ngân" after
// "Ước giải ngân" rates the estimate); only without one does its own wording count.
void assign_rate_measures(std::vector<ColumnDraft>& drafts) {
  for (std::size_t i = 0; i < drafts.size(); ++i) {
    TableColumn& rate = drafts[i].column;
    if (rate.role != ColumnRole::rate) continue;
    for (std::size_t j = i; j-- > 0;) {
      const TableColumn& left = drafts[j].column;
      if (left.block != rate.block) break;
      if (left.role == ColumnRole::amount) {
        rate.measure = left.measure;
        break;
      }
    }
  }
}

// Blocks that do not hold the same columns in the same order cannot be compared block by block.
void check_blocks_line_up(const Table& table, const HeaderBlock& block, std::vector<Finding>& findings) {
  std::map<int, std::vector<std::tuple<int, int, int>>> layouts;
  std::map<int, std::uint32_t> first_col;
  for (const TableColumn& column : table.columns) {
    if (!is_value_role(column.role)) continue;
    layouts[column.block].emplace_back(static_cast<int>(column.role), static_cast<int>(column.measure),
                                       static_cast<int>(column.split));
    first_col.emplace(column.block, column.col);
  }
  if (layouts.size() < 2) return;
  const auto& reference = layouts.begin()->second;
  for (const auto& [index, layout] : layouts) {
    if (layout == reference) continue;
    findings.push_back(structure_finding(
        table.sheet, CellRef{block.first_row, first_col[index]}, "blocks-misaligned",
        "header block " + std::to_string(index) + " has " + std::to_string(layout.size()) +
            " amount/rate columns laid out differently from block 0 (" + std::to_string(reference.size()) + ")"));
  }
}

// ---------------------------------------------------------------------------------------------
// Titles

struct TitleLines {
  std::uint32_t top = 0;            // first row the titles occupy (0-based)
  std::vector<std::string> lines;   // every filled text cell, top to bottom, left to right
};

TitleLines collect_titles(const Sheet& sheet, const HeaderBlock& block, std::uint32_t lower, bool first_table) {
  TitleLines titles;
  titles.top = block.first_row;
  if (block.first_row == 0 || lower >= block.first_row) return titles;
  std::vector<const SheetRow*> taken;
  auto [begin, end] = rows_between(sheet, lower, block.first_row - 1);
  std::uint32_t next_row = block.first_row;  // the row below the one looked at
  for (auto it = std::make_reverse_iterator(end); it != std::make_reverse_iterator(begin); ++it) {
    const SheetRow& row = *it;
    if (row_is_empty(row)) continue;
    if (first_table) {
      if (taken.size() >= kMaxTitleLines) break;
    } else {
      if (next_row - row.index - 1 > kMaxBlankInTitles || !is_title_row(row)) break;
    }
    taken.push_back(&row);
    next_row = row.index;
  }
  for (auto it = taken.rbegin(); it != taken.rend(); ++it) {
    for (const Cell& cell : (*it)->cells)
      if (cell_has_content(cell) && cell.kind == CellKind::text) titles.lines.push_back(tidy_text(cell.text));
    titles.top = std::min(titles.top, (*it)->index);
  }
  return titles;
}

bool is_heading_line(std::string_view folded) {
  return starts_with_words(folded, "phu luc") || starts_with_words(folded, "bieu so") ||
         starts_with_words(folded, "phu bieu") || starts_with_words(folded, "cong hoa") ||
         starts_with_words(folded, "doc lap") || starts_with_words(folded, "so") || starts_with_words(folded, "ubnd") ||
         starts_with_words(folded, "uy ban nhan dan");
}

void fill_titles(Table& table, const TitleLines& titles) {
  std::optional<std::size_t> main;
  std::optional<std::size_t> longest;
  for (const std::string& line : titles.lines) {
    const std::string folded = fold_text(line);
    if (is_attached_line(folded)) {
      if (table.attached_to.empty()) {
        std::string_view text = line;
        if (text.size() >= 2 && text.front() == '(' && text.back() == ')') text = text.substr(1, text.size() - 2);
        table.attached_to = tidy_text(text);
      }
      continue;
    }
    if (is_unit_line(folded)) {
      if (table.unit_text.empty()) {
        table.unit_text = line;
        table.unit = unit_of(folded);
      }
      continue;
    }
    table.titles.push_back(line);
    const std::size_t index = table.titles.size() - 1;
    if (!main && starts_like_title(folded) && !is_heading_line(folded)) main = index;
    if (!is_heading_line(folded) && (!longest || line.size() > table.titles[*longest].size())) longest = index;
  }
  if (!main) main = longest;
  if (main) table.title = table.titles[*main];
  else if (!table.titles.empty()) table.title = table.titles.front();
}

// The unit written into a header text ("Kế hoạch (triệu đồng)") when no unit line says it.
void unit_from_header(Table& table) {
  if (table.unit != Unit::unknown) return;
  for (const TableColumn& column : table.columns)
    for (const std::string& text : column.path) {
      const std::string folded = fold_text(text);
      for (const char* phrase : {"trieu dong", "nghin dong", "ngan dong", "ty dong"})
        if (has_words(folded, phrase)) {
          table.unit = unit_of(folded);
          return;
        }
    }
}

TableKind kind_of(const Table& table) {
  std::string header;
  for (const TableColumn& column : table.columns)
    for (const std::string& text : column.path) header += fold_text(text) + " | ";
  std::string titles;
  for (const std::string& line : table.titles) titles += fold_text(line) + " | ";
  if (has_words(header, "trich yeu") || has_words(header, "loai van ban")) return TableKind::documents;
  if (has_words(header, "tieu chi")) return TableKind::criteria;
  const bool funds = std::any_of(table.columns.begin(), table.columns.end(), [](const TableColumn& column) {
    return column.role == ColumnRole::amount &&
           (column.measure == Measure::plan || column.measure == Measure::disbursed || column.measure == Measure::estimate);
  });
  // Money columns that name no plan or disbursement ("Tổng nguồn vốn", "Ngân sách xã") still make
  // a funds table: the sums must hold there too.
  const bool money = std::any_of(table.columns.begin(), table.columns.end(),
                                 [](const TableColumn& column) { return column.role == ColumnRole::amount; });
  if (funds || money) {
    // Investment: the title says so, or the rows are công trình (the label column's header).
    std::string label_header;
    for (const TableColumn& column : table.columns)
      if (column.role == ColumnRole::label) label_header = fold_text(column.path_text);
    for (const char* phrase : {"cong trinh", "du an dau tu", "dau tu phat trien", "von dau tu"})
      if (has_words(titles, phrase) || has_words(label_header, phrase)) return TableKind::investment;
    return TableKind::funds;
  }
  if (has_words(titles, "tieu chi")) return TableKind::criteria;
  if (has_words(titles, "van ban")) return TableKind::documents;
  return TableKind::unknown;
}

// ---------------------------------------------------------------------------------------------
// Data rows

std::string text_at(const SheetRow& row, std::optional<std::uint32_t> col, const Workbook& workbook) {
  if (!col) return {};
  const auto it = std::lower_bound(row.cells.begin(), row.cells.end(), *col,
                                   [](const Cell& cell, std::uint32_t value) { return cell.col < value; });
  if (it == row.cells.end() || it->col != *col || !cell_has_content(*it)) return {};
  return cell_display_text(*it, workbook);
}

// A row that ends the table: a signature block, the notes under it, or a place-and-date line.
bool ends_table(const SheetRow& row, const Table& table, const HeaderBlock& block, const Workbook& workbook) {
  if (row_has_number_cell(row, block.first_col, block.last_col)) return false;
  const std::string stt = text_at(row, table.stt_col, workbook);
  if (!stt.empty() && is_numbering(classify_stt(stt))) return false;
  int cells = 0;
  bool date = false;
  for (const Cell& cell : row.cells) {
    if (!cell_has_content(cell)) continue;
    ++cells;
    if (cell.kind != CellKind::text) continue;
    const std::string folded = fold_text(cell.text);
    if (is_signature_line(folded)) return true;
    if (is_date_line(folded)) date = true;
  }
  return date && cells <= 2;
}

bool has_cell(const SheetRow& row, std::optional<std::uint32_t> col) {
  if (!col) return false;
  for (const Cell& cell : row.cells)
    if (cell.col == *col) return cell_has_content(cell);
  return false;
}

bool bold_at(const SheetRow& row, std::optional<std::uint32_t> col, const Workbook& workbook) {
  if (!col) return false;
  for (const Cell& cell : row.cells)
    if (cell.col == *col) return workbook.style_of(cell).font.bold;
  return false;
}

// A numbered row, a row with a number, or a row filling several of the table's columns.
bool looks_like_data(const SheetRow& row, const Table& table, const HeaderBlock& block, const Workbook& workbook) {
  if (row_has_number_cell(row, block.first_col, block.last_col)) return true;
  const std::string stt = text_at(row, table.stt_col, workbook);
  if (!stt.empty() && is_numbering(classify_stt(stt))) return true;
  int cells = 0;
  for (const Cell& cell : row.cells)
    if (in_columns(cell.col, block.first_col, block.last_col) && cell_has_content(cell)) ++cells;
  return cells >= 2;
}

TableRow read_row(const SheetRow& sheet_row, const Table& table, const Workbook& workbook, const StyleFacts& styles) {
  TableRow row;
  row.sheet_row = sheet_row.index;
  row.hidden = sheet_row.hidden;
  row.stt = text_at(sheet_row, table.stt_col, workbook);
  row.label = text_at(sheet_row, table.label_col, workbook);
  // "TỔNG CỘNG" written in the STT column (often merged over the label): it is the label too.
  if (row.label.empty() && !row.stt.empty() && !is_numbering(classify_stt(row.stt))) row.label = row.stt;
  // Criteria tables: an indicator row has its text in the column after the criterion's name.
  if (row.label.empty() && table.kind == TableKind::criteria && table.label_col)
    for (const TableColumn& column : table.columns)
      if (column.col > *table.label_col && column.role == ColumnRole::text) {
        row.label = text_at(sheet_row, column.col, workbook);
        if (!row.label.empty()) break;
      }
  row.bold = has_cell(sheet_row, table.label_col) ? bold_at(sheet_row, table.label_col, workbook)
                                                 : bold_at(sheet_row, table.stt_col, workbook);
  row.values.reserve(table.columns.size());
  auto cell = sheet_row.cells.begin();
  for (const TableColumn& column : table.columns) {
    while (cell != sheet_row.cells.end() && cell->col < column.col) ++cell;
    const bool here = cell != sheet_row.cells.end() && cell->col == column.col;
    row.values.push_back(read_table_value(here ? &*cell : nullptr, styles));
  }
  return row;
}

// Reads the data rows from under the header down to `limit` (0-based, inclusive) or the table's end.
void read_rows(Table& table, const Sheet& sheet, const Workbook& workbook, const StyleFacts& styles,
               const HeaderBlock& block, std::uint32_t limit) {
  std::set<std::string> header_texts;
  for (auto [it, end] = rows_between(sheet, block.first_row, block.path_last_row); it != end; ++it)
    for (std::string& text : row_signature(*it, block.first_col, block.last_col)) header_texts.insert(text);

  table.data_last = block.last_row;
  if (limit <= block.last_row) return;
  std::uint32_t previous = block.last_row;
  std::uint32_t empty_run = 0;
  bool after_gap = false;  // an empty row lies between the last data row and this one
  for (auto [it, end] = rows_between(sheet, block.last_row + 1, limit); it != end; ++it) {
    const SheetRow& sheet_row = *it;
    empty_run += sheet_row.index - previous - 1;
    previous = sheet_row.index;
    if (empty_run >= kEmptyRowsEndingTable) break;
    if (row_is_empty(sheet_row, block.first_col, block.last_col)) {
      if (++empty_run >= kEmptyRowsEndingTable) break;
      continue;
    }
    after_gap = after_gap || empty_run > 0;
    empty_run = 0;
    if (is_header_repeat(sheet_row, block, header_texts)) continue;
    if (ends_table(sheet_row, table, block, workbook)) break;
    // Past an empty row, only what looks like table data carries the table on; a line of free text
    // under the table is not data.
    if (after_gap && !looks_like_data(sheet_row, table, block, workbook)) break;
    table.rows.push_back(read_row(sheet_row, table, workbook, styles));
    table.data_last = sheet_row.index;
  }
}

// ---------------------------------------------------------------------------------------------
// One table

Table build_table(const Sheet& sheet, std::size_t sheet_index, const Workbook& workbook, const StyleFacts& styles,
                  const HeaderBlock& block, const TitleLines& titles, std::uint32_t limit,
                  std::vector<Finding>& findings) {
  Table table;
  table.sheet_index = sheet_index;
  table.sheet = sheet.name;
  table.header_first = block.first_row;
  table.header_last = block.last_row;
  fill_titles(table, titles);

  std::vector<ColumnDraft> drafts;
  for (const HeaderColumnPath& header : column_paths(sheet, workbook, block)) drafts.push_back(draft_column(header));
  for (ColumnDraft& draft : drafts)
    if (draft.column.role == ColumnRole::stt) {
      if (!table.stt_col) table.stt_col = draft.column.col;
      else draft.column.role = ColumnRole::text;  // a second "TT" column is not the row number
    }
  choose_label(table, drafts, block, findings);
  assign_blocks(drafts);
  assign_rate_measures(drafts);
  for (ColumnDraft& draft : drafts) table.columns.push_back(std::move(draft.column));
  check_blocks_line_up(table, block, findings);
  unit_from_header(table);
  table.kind = kind_of(table);

  read_rows(table, sheet, workbook, styles, block, limit);
  build_hierarchy(table);
  review_values(table, findings, workbook.format != SourceFormat::csv);
  return table;
}

void scan_sheet(const Sheet& sheet, std::size_t sheet_index, const Workbook& workbook, const StyleFacts& styles,
                TableScan& scan) {
  const std::vector<HeaderBlock> blocks = find_header_blocks(sheet);
  if (blocks.empty()) return;
  std::vector<TitleLines> titles;
  for (std::size_t k = 0; k < blocks.size(); ++k) {
    const std::uint32_t lower = k == 0 ? 0 : blocks[k - 1].last_row + 1;
    titles.push_back(collect_titles(sheet, blocks[k], lower, k == 0));
  }
  const std::uint32_t sheet_last = sheet.row_end() == 0 ? 0 : sheet.row_end() - 1;
  for (std::size_t k = 0; k < blocks.size(); ++k) {
    const std::uint32_t limit = k + 1 < blocks.size() ? titles[k + 1].top - 1 : sheet_last;
    scan.tables.push_back(
        build_table(sheet, sheet_index, workbook, styles, blocks[k], titles[k], limit, scan.findings));
  }
}

}  // namespace

TableScan find_tables(const Workbook& workbook) {
  TableScan scan;
  const StyleFacts styles(workbook);
  for (std::size_t index = 0; index < workbook.sheets.size(); ++index) {
    const Sheet& sheet = workbook.sheets[index];
    if (sheet.hidden) continue;
    scan_sheet(sheet, index, workbook, styles, scan);
  }
  return scan;
}

}  // namespace phuluc
