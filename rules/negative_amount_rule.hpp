#pragma once
// negative-amount: a plan, a disbursement or an estimate below zero.
#include "rules/rule.hpp"

namespace phuluc {

/// For every amount column whose measure (HeaderTree::column_measure) is plan, disbursed or estimate: a number below
/// zero (by more than the cell's tolerance) is a warning, not an error: a negative figure is sometimes a real reduction
/// ("điều chỉnh giảm"), so a person must look. Other amount columns (differences, "tăng/giảm") may be negative and are
/// not judged.
///   NegativeAmountRule{}.check(table, findings);
class NegativeAmountRule : public Rule {
 public:
  std::string_view code() const override { return "negative-amount"; }
  void check(const Table& table, std::vector<Finding>& findings) const override;
};

}  // namespace phuluc
