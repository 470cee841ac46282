#pragma once
// criteria-verdict-mismatch: an indicator whose number contradicts its target and its verdict.
#include "rules/rule.hpp"

namespace phuluc {

/// Criteria tables only. An indicator whose result shows a number and a verdict ("34,77 Đạt"; the
/// verdict may also stand in Ghi chú), with a numeric target ("≥27%"), is an error when the number
/// and the target give the other verdict ("5% Đạt" against "≥40%"). Reported on the result cell;
/// found the number, the target and verdict in the message.
///   CriteriaVerdictRule{}.check(table, findings);
class CriteriaVerdictRule : public Rule {
 public:
  std::string_view code() const override { return "criteria-verdict-mismatch"; }
  void check(const Table& table, std::vector<Finding>& findings) const override;
};

}  // namespace phuluc
