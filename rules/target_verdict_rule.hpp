#pragma once
// target-holds-verdict: a target (Chỉ tiêu) cell that holds a result's verdict.
#include "rules/rule.hpp"

namespace phuluc {

/// Criteria tables only. A target cell that says "K. Đạt", "Không đạt" or "Chưa đạt" holds a
/// verdict, not a target (seed 000's indicator 3.2): the result was probably typed one column to
/// the left. ("Đạt" is a normal target for a yes/no indicator.) A warning on the target cell.
///   TargetVerdictRule{}.check(table, findings);
class TargetVerdictRule : public Rule {
 public:
  std::string_view code() const override { return "target-holds-verdict"; }
  void check(const Table& table, std::vector<Finding>& findings) const override;
};

}  // namespace phuluc
