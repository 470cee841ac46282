#pragma once
// The edits of a funds table: the relations its numbers must satisfy, in the form a Fellegi–Holt
// localizer solves. They are exactly the relations `phuluc check` judges (rules/): a parent row =
// Σ its children, the grand total = Σ the top-level rows, Tổng số = NSTW + NSĐP (every split group),
// rate = numerator ÷ plan × 100.
#include <compare>
#include <cstddef>
#include <map>
#include <vector>

#include "table/table.hpp"

namespace phuluc {

/// One value cell of a table: `row` indexes Table::rows, `col` indexes Table::columns (both 0-based).
/// The sheet cell is rules' data_cell(table, row, col).
struct TableCell {
  std::size_t row = 0;
  std::size_t col = 0;
  friend bool operator==(const TableCell&, const TableCell&) = default;
  friend auto operator<=>(const TableCell&, const TableCell&) = default;
};

/// Which rule judges a balance edit.
enum class BalanceKind {
  sum,    ///< a parent row = Σ its children (SumRule, "sum-mismatch")
  total,  ///< the grand total = Σ the top-level rows (TotalRule, "total-mismatch")
  split,  ///< a "Tổng số" column = Σ the columns it splits into (SplitRule, "split-mismatch")
};

/// target = Σ parts, all amount cells. Judged like the rules judge it: at the target's displayed
/// precision, and only while some part is not blank (a parent may be filled without detail).
struct BalanceEdit {
  BalanceKind kind = BalanceKind::sum;
  TableCell target;
  std::vector<TableCell> parts;
};

/// rate = numerator ÷ plan × 100; when the plan is 0 the rate must be blank, 0 or "-".
struct RatioEdit {
  TableCell rate;
  TableCell numerator;
  TableCell plan;
};

/// Every edit of one table. Cells that are not numbers (text that is no number, an ambiguous text
/// number, an error value, a formula without a cached value) are fixed unknowns: an edit touching
/// one is not used to localize errors (it goes to `blocked`), because nothing certain can be said
/// about it; `phuluc check` likewise skips it with a check-skipped notice.
struct EditSystem {
  std::vector<BalanceEdit> balances;      ///< usable balance edits, in rule order (splits, sums, totals)
  std::vector<RatioEdit> ratios;          ///< one per rate cell whose rate column has a clear basis
  std::vector<BalanceEdit> blocked;       ///< balance edits left out: a cell in them is not a number
  std::vector<TableCell> fixed_unknowns;  ///< the non-numeric amount cells, sorted

  /// Indices into `balances` of the edits a cell takes part in (as target or part).
  std::map<TableCell, std::vector<std::size_t>> balances_of;
  /// Indices into `ratios` of the rate edits a cell is the numerator or plan of.
  std::map<TableCell, std::vector<std::size_t>> ratios_of;
};

/// The finding code a balance edit is judged under: "sum-mismatch", "total-mismatch", "split-mismatch".
const char* balance_code(BalanceKind kind);

/// Builds the edits of `table` from the same structure the rules read: split_groups() for the
/// splits, the row hierarchy for sums and totals (as SumRule and TotalRule choose them), and
/// rate_basis() for the rates. Ratio edits are made for every row of a rate column whose basis is
/// clear, whatever the cells hold; whether one is judged depends on the values (a blank rate is not).
///   const EditSystem edits = build_edit_system(table);
///   for (const BalanceEdit& edit : edits.balances) ...
EditSystem build_edit_system(const Table& table);

}  // namespace phuluc
