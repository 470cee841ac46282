#pragma once
// sum-mismatch: a parent row is not the sum of its children, amount column by amount column.
#include "rules/rule.hpp"

namespace phuluc {

/// For every row with children (except the grand total, judged by TotalRule) and every amount
/// column: parent = Σ children within the parent cell's displayed precision. A column where every
/// child is blank is not compared (parents may be filled without detail). Rates are never summed.
/// The finding names the parent cell; related lists the children's cells.
///   std::vector<Finding> out;
///   SumRule{}.check(table, out);
class SumRule : public Rule {
 public:
  std::string_view code() const override { return "sum-mismatch"; }
  void check(const Table& table, std::vector<Finding>& findings) const override;
};

}  // namespace phuluc
