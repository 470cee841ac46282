#include "corrections/edit_system.hpp"

#include <algorithm>

#include "rules/header_tree.hpp"
#include "rules/rate_rule.hpp"
#include "rules/rule_support.hpp"
#include "rules/split_rule.hpp"

namespace phuluc {
namespace {

bool is_amount(const Table& table, std::size_t col_idx) { return table.columns[col_idx].role == ColumnRole::amount; }

bool numeric(const Table& table, const TableCell& cell) {
  return value_at(table.rows[cell.row], cell.col).is_numeric();
}

void add_balance(const Table& table, BalanceEdit edit, EditSystem& system) {
  bool usable = numeric(table, edit.target);
  for (const TableCell& part : edit.parts) usable = usable && numeric(table, part);
  if (usable)
    system.balances.push_back(std::move(edit));
  else
    system.blocked.push_back(std::move(edit));
}

std::vector<TableCell> column_cells(const std::vector<int>& rows, std::size_t col_idx, std::size_t row_count) {
  std::vector<TableCell> cells;
  for (const int row : rows)
    if (row >= 0 && static_cast<std::size_t>(row) < row_count)
      cells.push_back({static_cast<std::size_t>(row), col_idx});
  return cells;
}

void add_splits(const Table& table, EditSystem& system) {
  std::vector<std::size_t> unclear;
  for (const SplitGroup& group : split_groups(table, unclear)) {
    for (std::size_t row_idx = 0; row_idx < table.rows.size(); ++row_idx) {
      BalanceEdit edit{BalanceKind::split, {row_idx, group.total}, {}};
      for (const std::size_t part : group.parts) edit.parts.push_back({row_idx, part});
      add_balance(table, std::move(edit), system);
    }
  }
}

// As SumRule: every row with children except a grand total, every amount column.
void add_sums(const Table& table, EditSystem& system) {
  for (std::size_t row_idx = 0; row_idx < table.rows.size(); ++row_idx) {
    const TableRow& row = table.rows[row_idx];
    if (row.children.empty() || row.kind == RowKind::grand_total) continue;
    for (std::size_t col_idx = 0; col_idx < table.columns.size(); ++col_idx)
      if (is_amount(table, col_idx))
        add_balance(table,
                    {BalanceKind::sum, {row_idx, col_idx}, column_cells(row.children, col_idx, table.rows.size())},
                    system);
  }
}

// As TotalRule: a grand total with children is their sum; a single childless grand total at the top
// is the sum of the other top-level rows; several childless ones are unclear and give no edit.
void add_totals(const Table& table, EditSystem& system) {
  std::vector<std::size_t> totals_without_children;
  std::vector<int> top_level;
  std::vector<std::pair<std::size_t, std::vector<int>>> totals;
  for (std::size_t row_idx = 0; row_idx < table.rows.size(); ++row_idx) {
    const TableRow& row = table.rows[row_idx];
    if (row.kind == RowKind::grand_total) {
      if (!row.children.empty())
        totals.emplace_back(row_idx, row.children);
      else if (row.parent < 0)
        totals_without_children.push_back(row_idx);
    } else if (row.parent < 0) {
      top_level.push_back(static_cast<int>(row_idx));
    }
  }
  if (totals_without_children.size() == 1) totals.emplace_back(totals_without_children.front(), top_level);
  for (const auto& [total_idx, parts] : totals) {
    if (parts.empty()) continue;
    for (std::size_t col_idx = 0; col_idx < table.columns.size(); ++col_idx)
      if (is_amount(table, col_idx))
        add_balance(table, {BalanceKind::total, {total_idx, col_idx}, column_cells(parts, col_idx, table.rows.size())},
                    system);
  }
}

void add_ratios(const Table& table, EditSystem& system) {
  const HeaderTree tree(table);
  for (std::size_t rate_idx = 0; rate_idx < table.columns.size(); ++rate_idx) {
    if (table.columns[rate_idx].role != ColumnRole::rate) continue;
    const RateBasis basis = rate_basis(tree, table, rate_idx);
    if (!basis.numerator || !basis.denominator) continue;
    for (std::size_t row_idx = 0; row_idx < table.rows.size(); ++row_idx)
      system.ratios.push_back({{row_idx, rate_idx}, {row_idx, *basis.numerator}, {row_idx, *basis.denominator}});
  }
}

void index_edits(const Table& table, EditSystem& system) {
  for (std::size_t i = 0; i < system.balances.size(); ++i) {
    system.balances_of[system.balances[i].target].push_back(i);
    for (const TableCell& part : system.balances[i].parts) system.balances_of[part].push_back(i);
  }
  for (std::size_t i = 0; i < system.ratios.size(); ++i) {
    system.ratios_of[system.ratios[i].numerator].push_back(i);
    system.ratios_of[system.ratios[i].plan].push_back(i);
  }
  for (std::size_t row_idx = 0; row_idx < table.rows.size(); ++row_idx)
    for (std::size_t col_idx = 0; col_idx < table.columns.size(); ++col_idx)
      if (is_amount(table, col_idx) && !numeric(table, {row_idx, col_idx}))
        system.fixed_unknowns.push_back({row_idx, col_idx});
}

}  // namespace

const char* balance_code(BalanceKind kind) {
  switch (kind) {
    case BalanceKind::sum:
      return "sum-mismatch";
    case BalanceKind::total:
      return "total-mismatch";
    case BalanceKind::split:
      return "split-mismatch";
  }
  return "sum-mismatch";
}

EditSystem build_edit_system(const Table& table) {
  EditSystem system;
  add_splits(table, system);
  add_sums(table, system);
  add_totals(table, system);
  add_ratios(table, system);
  index_edits(table, system);
  return system;
}

}  // namespace phuluc
