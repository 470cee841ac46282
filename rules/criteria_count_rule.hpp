#pragma once
// criteria-count-mismatch: the "Tổng 4/10" row of an NTM criteria table against its criteria.
#include "rules/rule.hpp"

namespace phuluc {

/// Criteria tables only. The total row's result "N/M" must give N = the number of criteria whose
/// every indicator is met ("Đạt", or a number within its target; "Không quy định" does not count
/// against it) and M = the number of criteria listed. Criteria with an indicator whose standing
/// cannot be read (no verdict, no number against a numeric target) widen the count to a range, and
/// N is judged against that range. Error on the total row's result cell; found N, expected the
/// count (or M and the criteria listed when the denominator is wrong).
///   CriteriaCountRule{}.check(table, findings);
class CriteriaCountRule : public Rule {
 public:
  std::string_view code() const override { return "criteria-count-mismatch"; }
  void check(const Table& table, std::vector<Finding>& findings) const override;
};

}  // namespace phuluc
