#pragma once
// The numbers of a table's value cells as the localizer reasons about them, and the judgement of
// every edit against them, the way the rules judge (rules/tolerance.hpp). Cells may be changed to
// try a hypothesis and changed back.
#include <optional>
#include <vector>

#include "corrections/edit_system.hpp"
#include "table/table.hpp"

namespace phuluc {

/// One value cell as a number.
struct CellNumber {
  double value = 0.0;           ///< blank and "-" are 0; a rate under a '%' format is in percent (74.38)
  bool blank = true;            ///< an empty cell: the officer wrote nothing
  bool dash = false;            ///< "-" (zero)
  bool numeric = false;         ///< takes part in arithmetic (TableValue::is_numeric)
  bool formula = false;         ///< the file computes it: less likely typed wrong
  bool percent_format = false;  ///< a number cell with a '%' format (stored as a fraction)
  std::optional<int> decimals;  ///< decimals it displays (rules' shown_decimals), as read
};

/// How a rate edit stands.
enum class RatioState {
  not_judged,  ///< blank rate, or a cell that is not a number (the rules do not judge it either)
  holds,
  mismatch,      ///< rate-mismatch
  without_base,  ///< rate-without-base: a rate other than 0 on a plan of 0
};

/// The working values of one table and the judgement of its edits.
///   EditValues values(table, edits);
///   for (const BalanceEdit& edit : edits.balances) if (!values.holds(edit)) ...
class EditValues {
 public:
  EditValues(const Table& table, const EditSystem& edits);

  const Table& table() const { return table_; }
  const EditSystem& edits() const { return edits_; }
  const CellNumber& at(const TableCell& cell) const { return cells_[cell.row][cell.col]; }

  /// Gives a cell a number (it is no longer blank). The displayed decimals stay as read, so edits
  /// are still judged at the precision the file shows.
  void set(const TableCell& cell, double value);
  /// Changes the decimals a cell displays (a corrected value shown with the decimals it needs).
  void set_decimals(const TableCell& cell, std::optional<int> decimals) {
    cells_[cell.row][cell.col].decimals = decimals;
  }
  /// Puts back a cell's state (undoing set()).
  void restore(const TableCell& cell, const CellNumber& state) { cells_[cell.row][cell.col] = state; }

  /// Whether the edit is judged: some part is not blank (rules: a parent may be filled without detail).
  bool active(const BalanceEdit& edit) const;
  /// Whether the edit holds: not active, or target = Σ parts at the target's displayed precision.
  bool holds(const BalanceEdit& edit) const;
  /// The value of `cell` (the target or one part of `edit`) that makes the edit hold exactly.
  double implied(const BalanceEdit& edit, const TableCell& cell) const;
  /// Half a unit of the last decimal the target displays (never finer than 3 decimals).
  double tolerance(const BalanceEdit& edit) const;

  RatioState ratio_state(const RatioEdit& edit) const;
  /// numerator ÷ plan × 100, or nullopt when the plan is 0 at its displayed precision.
  std::optional<double> ratio_expected(const RatioEdit& edit) const;
  /// How many rate edits of the table do not hold now (mismatch or without base).
  std::size_t broken_ratio_count() const;

 private:
  const Table& table_;
  const EditSystem& edits_;
  std::vector<std::vector<CellNumber>> cells_;  // [row][column]
};

}  // namespace phuluc
