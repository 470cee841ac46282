#include "corrections/edit_values.hpp"

#include "rules/rule_support.hpp"
#include "rules/tolerance.hpp"

namespace phuluc {
namespace {

CellNumber read_number(const TableValue& value, const TableColumn& column) {
  CellNumber number;
  number.numeric = value.is_numeric();
  number.blank = value.state == ValueState::blank;
  number.dash = value.state == ValueState::dash;
  number.formula = value.has_formula;
  number.percent_format = value.percent_format;
  number.decimals = shown_decimals(value, column);
  if (number.numeric && !number.blank && !number.dash)
    number.value = value.percent_format ? value.number * 100.0 : value.number;
  return number;
}

}  // namespace

EditValues::EditValues(const Table& table, const EditSystem& edits) : table_(table), edits_(edits) {
  cells_.resize(table.rows.size());
  for (std::size_t row_idx = 0; row_idx < table.rows.size(); ++row_idx) {
    cells_[row_idx].reserve(table.columns.size());
    for (std::size_t col_idx = 0; col_idx < table.columns.size(); ++col_idx)
      cells_[row_idx].push_back(read_number(value_at(table.rows[row_idx], col_idx), table.columns[col_idx]));
  }
}

void EditValues::set(const TableCell& cell, double value) {
  CellNumber& number = cells_[cell.row][cell.col];
  number.value = value;
  number.blank = false;
  number.dash = false;
  number.numeric = true;
}

bool EditValues::active(const BalanceEdit& edit) const {
  for (const TableCell& part : edit.parts)
    if (!at(part).blank) return true;
  return false;
}

double EditValues::tolerance(const BalanceEdit& edit) const { return amount_tolerance(at(edit.target).decimals); }

bool EditValues::holds(const BalanceEdit& edit) const {
  if (!active(edit)) return true;
  double sum = 0.0;
  for (const TableCell& part : edit.parts) sum += at(part).value;
  return !differs(at(edit.target).value, sum, tolerance(edit));
}

double EditValues::implied(const BalanceEdit& edit, const TableCell& cell) const {
  double parts = 0.0;
  for (const TableCell& part : edit.parts)
    if (part != cell) parts += at(part).value;
  return cell == edit.target ? parts : at(edit.target).value - parts;
}

std::optional<double> EditValues::ratio_expected(const RatioEdit& edit) const {
  const CellNumber& plan = at(edit.plan);
  if (!differs(plan.value, 0.0, amount_tolerance(plan.decimals))) return std::nullopt;
  return at(edit.numerator).value / plan.value * 100.0;
}

RatioState EditValues::ratio_state(const RatioEdit& edit) const {
  const CellNumber& rate = at(edit.rate);
  if (rate.blank || !rate.numeric || !at(edit.numerator).numeric || !at(edit.plan).numeric)
    return RatioState::not_judged;
  const double tolerance = rate_tolerance(rate.decimals, rate.value);
  const auto expected = ratio_expected(edit);
  if (!expected)
    return rate.dash || !differs(rate.value, 0.0, tolerance) ? RatioState::holds : RatioState::without_base;
  return differs(rate.value, *expected, tolerance) ? RatioState::mismatch : RatioState::holds;
}

std::size_t EditValues::broken_ratio_count() const {
  std::size_t broken = 0;
  for (const RatioEdit& edit : edits_.ratios) {
    const RatioState state = ratio_state(edit);
    if (state == RatioState::mismatch || state == RatioState::without_base) ++broken;
  }
  return broken;
}

}  // namespace phuluc
