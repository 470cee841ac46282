#include "rules/sum_rule.hpp"

#include "rules/row_sum.hpp"

namespace phuluc {

void SumRule::check(const Table& table, std::vector<Finding>& findings) const {
  for (std::size_t row_idx = 0; row_idx < table.rows.size(); ++row_idx) {
    const TableRow& parent = table.rows[row_idx];
    if (parent.children.empty() || parent.kind == RowKind::grand_total) continue;
    for (std::size_t col_idx = 0; col_idx < table.columns.size(); ++col_idx) {
      if (table.columns[col_idx].role != ColumnRole::amount) continue;
      compare_with_sum(table, row_idx, parent.children, col_idx, code(), "sum", findings);
    }
  }
}

}  // namespace phuluc
