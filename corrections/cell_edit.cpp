#include "corrections/cell_edit.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <vector>

namespace phuluc {
namespace {

bool is_placeholder(char c) { return c == '0' || c == '#' || c == '?'; }

// Positions in `section` that are format syntax, not quoted text, escaped or bracketed ([Red]).
std::vector<bool> syntax_positions(const std::string& section) {
  std::vector<bool> syntax(section.size(), true);
  bool quoted = false;
  bool bracketed = false;
  for (std::size_t i = 0; i < section.size(); ++i) {
    const char c = section[i];
    if (quoted) {
      syntax[i] = false;
      if (c == '"') quoted = false;
    } else if (bracketed) {
      syntax[i] = false;
      if (c == ']') bracketed = false;
    } else if (c == '"') {
      syntax[i] = false;
      quoted = true;
    } else if (c == '[') {
      syntax[i] = false;
      bracketed = true;
    } else if (c == '\\' || c == '_' || c == '*') {
      syntax[i] = false;
      if (i + 1 < section.size()) syntax[++i] = false;  // the escaped / padded character
    }
  }
  return syntax;
}

std::string section_with_decimals(const std::string& section, int decimals) {
  const auto syntax = syntax_positions(section);
  std::optional<std::size_t> last;
  for (std::size_t i = 0; i < section.size(); ++i)
    if (syntax[i] && is_placeholder(section[i])) last = i;
  if (!last) return section;  // a text or literal section
  std::size_t run = *last;
  while (run > 0 && syntax[run - 1] && is_placeholder(section[run - 1])) --run;
  const std::string wanted = decimals > 0 ? "." + std::string(static_cast<std::size_t>(decimals), '0') : "";
  if (run > 0 && syntax[run - 1] && section[run - 1] == '.')
    return section.substr(0, run - 1) + wanted + section.substr(*last + 1);
  return section.substr(0, *last + 1) + wanted + section.substr(*last + 1);
}

std::vector<std::string> sections(const std::string& code) {
  std::vector<std::string> out(1);
  const auto syntax = syntax_positions(code);
  for (std::size_t i = 0; i < code.size(); ++i) {
    if (syntax[i] && code[i] == ';')
      out.emplace_back();
    else
      out.back() += code[i];
  }
  return out;
}

bool has_digit_placeholder(const std::string& code) {
  const auto syntax = syntax_positions(code);
  for (std::size_t i = 0; i < code.size(); ++i)
    if (syntax[i] && is_placeholder(code[i])) return true;
  return false;
}

bool is_plain_format(const std::string& code) { return code.empty() || code == "General" || code == "@"; }

std::uint32_t default_style(const Sheet& sheet, CellRef ref) {
  if (const SheetRow* row = sheet.find_row(ref.row); row && row->style) return *row->style;
  for (const ColumnInfo& column : sheet.columns)
    if (ref.col >= column.first && ref.col <= column.last && column.style) return *column.style;
  return 0;
}

}  // namespace

Cell& cell_at(Sheet& sheet, CellRef ref) {
  const std::uint32_t style = default_style(sheet, ref);
  auto row_it = std::lower_bound(sheet.rows.begin(), sheet.rows.end(), ref.row,
                                 [](const SheetRow& row, std::uint32_t index) { return row.index < index; });
  if (row_it == sheet.rows.end() || row_it->index != ref.row) {
    SheetRow row;
    row.index = ref.row;
    row_it = sheet.rows.insert(row_it, std::move(row));
  }
  auto& cells = row_it->cells;
  auto cell_it = std::lower_bound(cells.begin(), cells.end(), ref.col,
                                  [](const Cell& cell, std::uint32_t col) { return cell.col < col; });
  if (cell_it == cells.end() || cell_it->col != ref.col) {
    Cell cell;
    cell.col = ref.col;
    cell.style = style;
    cell_it = cells.insert(cell_it, std::move(cell));
  }
  return *cell_it;
}

std::uint32_t style_with_format(Workbook& workbook, std::uint32_t style, const std::string& code) {
  CellStyle wanted = style < workbook.styles.size() ? workbook.styles[style] : CellStyle{};
  if (wanted.number_format == code) return style;
  wanted.number_format = code;
  wanted.num_fmt_id = 0;  // a custom code: the writer gives it an id
  for (std::size_t i = 0; i < workbook.styles.size(); ++i)
    if (workbook.styles[i].number_format == code && workbook.styles[i].font == wanted.font &&
        workbook.styles[i].fill == wanted.fill && workbook.styles[i].border == wanted.border &&
        workbook.styles[i].alignment == wanted.alignment && workbook.styles[i].locked == wanted.locked &&
        workbook.styles[i].hidden == wanted.hidden)
      return static_cast<std::uint32_t>(i);
  if (workbook.styles.empty()) workbook.styles.push_back(CellStyle{});  // index 0 stays the default
  workbook.styles.push_back(std::move(wanted));
  return static_cast<std::uint32_t>(workbook.styles.size() - 1);
}

std::string format_with_decimals(const std::string& code, int decimals) {
  decimals = std::clamp(decimals, 0, 10);
  if (is_plain_format(code) || !has_digit_placeholder(code))
    return decimals > 0 ? "#,##0." + std::string(static_cast<std::size_t>(decimals), '0') : "#,##0";
  const std::vector<std::string> parts = sections(code);
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) out += (i ? ";" : "") + section_with_decimals(parts[i], decimals);
  return out;
}

std::string column_number_format(const Workbook& workbook, const Table& table, std::size_t col_idx) {
  if (table.sheet_index >= workbook.sheets.size() || col_idx >= table.columns.size()) return {};
  const Sheet& sheet = workbook.sheets[table.sheet_index];
  std::map<std::string, std::size_t> counts;
  for (const TableRow& row : table.rows) {
    const Cell* cell = sheet.find({row.sheet_row, table.columns[col_idx].col});
    if (!cell || cell->kind != CellKind::number) continue;
    const std::string& code = workbook.style_of(*cell).number_format;
    if (!is_plain_format(code)) ++counts[code];
  }
  const auto best =
      std::max_element(counts.begin(), counts.end(), [](const auto& a, const auto& b) { return a.second < b.second; });
  return best == counts.end() ? std::string{} : best->first;
}

}  // namespace phuluc
