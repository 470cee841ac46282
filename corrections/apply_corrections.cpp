#include "corrections/apply_corrections.hpp"

#include <algorithm>
#include <optional>

#include "corrections/cell_edit.hpp"
#include "rules/rule_support.hpp"
#include "rules/tolerance.hpp"

namespace phuluc {
namespace {

enum class ZeroStyle { empty, zero, dash };

struct ZeroCounts {
  std::size_t empty = 0, zero = 0, dash = 0;
};

void count_zero(const TableValue& value, ZeroCounts& counts, bool count_empty) {
  if (value.state == ValueState::dash)
    ++counts.dash;
  else if (value.state == ValueState::number && value.number == 0.0)
    ++counts.zero;
  else if (count_empty && value.state == ValueState::blank)
    ++counts.empty;
}

// The most common way of writing a zero among `counts`; nullopt when two ways tie or none is seen.
std::optional<ZeroStyle> majority(const ZeroCounts& counts) {
  const std::size_t most = std::max({counts.empty, counts.zero, counts.dash});
  if (most == 0) return std::nullopt;
  const int ways = (counts.empty == most) + (counts.zero == most) + (counts.dash == most);
  if (ways > 1) return std::nullopt;
  return counts.dash == most ? ZeroStyle::dash : counts.zero == most ? ZeroStyle::zero : ZeroStyle::empty;
}

// How a zero is written in the cell's row and column block (the other amounts of that block of the
// row, or its other rates for a rate; an empty cell counts when the block holds figures), else in
// the whole table (where no zero written at all means empty cells).
ZeroStyle zero_style(const Table& table, const TableCell& where) {
  const TableRow& row = table.rows[where.row];
  const ColumnRole role = table.columns[where.col].role;
  const int block = table.columns[where.col].block;
  auto alike = [&](std::size_t col_idx) {
    return table.columns[col_idx].role == role && table.columns[col_idx].block == block && col_idx != where.col;
  };
  bool has_figures = false;
  for (std::size_t col_idx = 0; col_idx < table.columns.size(); ++col_idx) {
    const TableValue& value = value_at(row, col_idx);
    if (alike(col_idx)) has_figures = has_figures || (value.is_numeric() && value.number != 0.0);
  }
  ZeroCounts in_row;
  for (std::size_t col_idx = 0; col_idx < table.columns.size(); ++col_idx)
    if (alike(col_idx)) count_zero(value_at(row, col_idx), in_row, has_figures);
  if (const auto style = majority(in_row)) return *style;
  ZeroCounts in_table;
  for (const TableRow& other : table.rows)
    for (std::size_t col_idx = 0; col_idx < table.columns.size(); ++col_idx)
      if (table.columns[col_idx].role == role) count_zero(value_at(other, col_idx), in_table, false);
  if (in_table.dash > in_table.zero) return ZeroStyle::dash;
  return in_table.zero > 0 ? ZeroStyle::zero : ZeroStyle::empty;
}

LoggedValue logged_before(const Correction& fix, const TableValue& value) {
  if (fix.before.blank) return std::monostate{};
  if (value.state == ValueState::text_number || value.state == ValueState::dash) return value.raw;
  return fix.before.value;
}

// The number format a corrected number is shown with; empty to keep the cell's own.
std::string wanted_format(const Workbook& workbook, const Table& table, const Correction& fix, const Cell& cell) {
  const std::string& own = workbook.style_of(cell).number_format;
  const bool was_text = cell.kind != CellKind::number && !cell.has_formula;
  std::string code = own;
  if (was_text || own == "@") {
    code = column_number_format(workbook, table, fix.cell.col);
    if (code.empty()) {
      const bool rate = table.columns[fix.cell.col].role == ColumnRole::rate;
      const int decimals = fix.before.decimals.value_or(rate ? 2 : kAmountDecimals);
      code = rate ? format_with_decimals("0", decimals) : format_with_decimals("#,##0", decimals);
    }
  }
  if (fix.show_decimals) code = format_with_decimals(code, *fix.show_decimals);
  return code == own ? std::string{} : code;
}

void make_empty(Cell& cell) {
  cell.kind = CellKind::empty;
  cell.number = 0.0;
  cell.text.clear();
  cell.formula.clear();
  cell.has_formula = false;
  cell.formula_without_value = false;
}

}  // namespace

std::vector<AppliedCorrection> apply_corrections(Workbook& workbook, const Table& table,
                                                 const std::vector<Correction>& corrections) {
  std::vector<AppliedCorrection> applied;
  if (table.sheet_index >= workbook.sheets.size()) return applied;
  for (const Correction& fix : corrections) {
    Sheet& sheet = workbook.sheets[table.sheet_index];
    const CellRef ref = data_cell(table, fix.cell.row, fix.cell.col);
    Cell& cell = cell_at(sheet, ref);
    AppliedCorrection entry;
    entry.sheet_index = table.sheet_index;
    entry.cell = ref;
    entry.old_value = logged_before(fix, value_at(table.rows[fix.cell.row], fix.cell.col));
    entry.old_formula = cell.has_formula ? cell.formula : std::string{};
    entry.fix = fix;

    const bool zero = fix.value && !differs(*fix.value, 0.0, 1e-9);
    const ZeroStyle zeros = zero ? zero_style(table, fix.cell) : ZeroStyle::zero;
    if (!fix.value || (zero && zeros == ZeroStyle::empty && !cell.has_formula)) {
      make_empty(cell);
      entry.new_value = std::monostate{};
    } else if (zero && zeros == ZeroStyle::dash && !cell.has_formula) {
      make_empty(cell);
      cell.kind = CellKind::text;
      cell.text = "-";
      entry.new_value = std::string("-");
    } else {
      const std::string code = wanted_format(workbook, table, fix, cell);
      if (!code.empty()) cell.style = style_with_format(workbook, cell.style, code);
      cell.kind = CellKind::number;
      cell.number = fix.before.percent_format ? *fix.value / 100.0 : *fix.value;
      cell.text.clear();
      cell.formula_without_value = false;
      entry.new_value = *fix.value;
    }
    applied.push_back(std::move(entry));
  }
  return applied;
}

}  // namespace phuluc
