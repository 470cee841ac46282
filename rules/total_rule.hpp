#pragma once
// total-mismatch: the TỔNG CỘNG / Tổng số row is not the sum of the top-level rows.
#include "rules/rule.hpp"

namespace phuluc {

/// For every grand-total row and every amount column: total = Σ top-level rows. The top-level rows
/// are the grand total's children when the table gives it children, otherwise every row without a
/// parent that is not itself a grand total. Two or more grand totals without children make the
/// choice ambiguous: one structure-unclear warning, no comparison. Columns where every top-level
/// row is blank are not compared. The finding names the total's cell.
///   TotalRule{}.check(table, findings);
class TotalRule : public Rule {
 public:
  std::string_view code() const override { return "total-mismatch"; }
  void check(const Table& table, std::vector<Finding>& findings) const override;
};

}  // namespace phuluc
