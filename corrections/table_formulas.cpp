#include "corrections/table_formulas.hpp"

#include <map>
#include <optional>
#include <set>
#include <vector>

#include "corrections/cell_edit.hpp"
#include "corrections/edit_system.hpp"
#include "rules/rule_support.hpp"
#include "rules/tolerance.hpp"
#include "writers/formula_text.hpp"

namespace phuluc {
namespace {

bool holds_number(const TableValue& value) {
  return value.state == ValueState::number || value.state == ValueState::text_number;
}

class FormulaPlan {
 public:
  FormulaPlan(const Table& table, const EditSystem& edits) : table_(table) {
    // Tổng số first: a parent's Tổng số is its own NSTW + NSĐP, as the templates write it.
    for (const BalanceEdit& edit : edits.balances)
      if (edit.kind == BalanceKind::split) consider(edit);
    for (const BalanceEdit& edit : edits.balances)
      if (edit.kind != BalanceKind::split) consider(edit);
  }

  const std::map<TableCell, const BalanceEdit*>& sums() const { return sums_; }

  // The value a cell shows once the formulas are in: its formula's result, else what it holds.
  double value(const TableCell& cell) {
    if (const auto known = results_.find(cell); known != results_.end()) return known->second;
    const auto formula = sums_.find(cell);
    const TableValue& held = value_at(table_.rows[cell.row], cell.col);
    double result = held.is_numeric() && !is_blank(held) ? held.number : 0.0;
    if (formula != sums_.end() && !visiting_.contains(cell)) {
      visiting_.insert(cell);
      result = 0.0;
      for (const TableCell& part : formula->second->parts) result += value(part);
      visiting_.erase(cell);
    }
    return results_[cell] = result;
  }

 private:
  void consider(const BalanceEdit& edit) {
    if (sums_.contains(edit.target)) return;
    if (!holds_number(value_at(table_.rows[edit.target.row], edit.target.col))) return;
    bool judged = false;
    for (const TableCell& part : edit.parts) judged = judged || !is_blank(value_at(table_.rows[part.row], part.col));
    if (judged) sums_.emplace(edit.target, &edit);
  }

  const Table& table_;
  std::map<TableCell, const BalanceEdit*> sums_;
  std::map<TableCell, double> results_;
  std::set<TableCell> visiting_;
};

// A text cell that becomes a formula needs a number format (a text format would show the formula).
void ensure_number_format(Workbook& workbook, const Table& table, const TableCell& where, Cell& cell) {
  const std::string& own = workbook.style_of(cell).number_format;
  if (cell.kind == CellKind::number && own != "@") return;
  std::string code = column_number_format(workbook, table, where.col);
  if (code.empty()) {
    const TableValue& value = value_at(table.rows[where.row], where.col);
    const bool rate = table.columns[where.col].role == ColumnRole::rate;
    code = format_with_decimals(rate ? "0" : "#,##0", value.decimals.value_or(rate ? 2 : kAmountDecimals));
  }
  cell.style = style_with_format(workbook, cell.style, code);
}

void put_formula(Workbook& workbook, const Table& table, const TableCell& where, std::string formula,
                 std::optional<double> cached) {
  Cell& cell = cell_at(workbook.sheets[table.sheet_index], data_cell(table, where.row, where.col));
  ensure_number_format(workbook, table, where, cell);
  cell.formula = std::move(formula);
  cell.has_formula = true;
  cell.formula_without_value = false;
  cell.text.clear();
  cell.kind = cached ? CellKind::number : CellKind::empty;
  cell.number = cached.value_or(0.0);
}

}  // namespace

std::size_t write_table_formulas(Workbook& workbook, const Table& table) {
  if (table.sheet_index >= workbook.sheets.size()) return 0;
  const EditSystem edits = build_edit_system(table);
  FormulaPlan plan(table, edits);
  std::size_t written = 0;
  std::vector<std::pair<TableCell, double>> results;
  for (const auto& [target, edit] : plan.sums()) results.emplace_back(target, plan.value(target));
  for (const auto& [target, result] : results) {
    const BalanceEdit& edit = *plan.sums().at(target);
    std::vector<CellRef> parts;
    for (const TableCell& part : edit.parts) parts.push_back(data_cell(table, part.row, part.col));
    put_formula(workbook, table, target, sum_formula(parts), result);
    ++written;
  }
  for (const RatioEdit& edit : edits.ratios) {
    const TableValue& rate = value_at(table.rows[edit.rate.row], edit.rate.col);
    if (!holds_number(rate)) continue;
    const TableValue& numerator = value_at(table.rows[edit.numerator.row], edit.numerator.col);
    const TableValue& base = value_at(table.rows[edit.plan.row], edit.plan.col);
    if (!numerator.is_numeric() || !base.is_numeric()) continue;
    const double plan_value = plan.value(edit.plan);
    if (!differs(plan_value, 0.0, amount_tolerance(base.decimals))) continue;  // "0" or "-" on no plan stays
    const CellRef num_ref = data_cell(table, edit.numerator.row, edit.numerator.col);
    const CellRef plan_ref = data_cell(table, edit.plan.row, edit.plan.col);
    const double percent = plan.value(edit.numerator) / plan_value * 100.0;
    if (rate.percent_format) {
      put_formula(workbook, table, edit.rate,
                  "IF(" + to_a1(plan_ref) + "=0,\"\"," + to_a1(num_ref) + "/" + to_a1(plan_ref) + ")", percent / 100.0);
    } else {
      put_formula(workbook, table, edit.rate, rate_formula(num_ref, plan_ref), percent);
    }
    ++written;
  }
  return written;
}

}  // namespace phuluc
