#pragma once
// The interface every arithmetic rule implements. A rule looks at one table and appends findings;
// it never throws on bad data and never guesses a value that is not a number.
#include <string_view>
#include <vector>

#include "report/finding.hpp"
#include "table/table.hpp"

namespace phuluc {

/// One check with a stable code ("sum-mismatch"). Rules are stateless: check() may run on many
/// tables, from several threads at once.
///   SumRule rule;
///   std::vector<Finding> findings;
///   rule.check(table, findings);
class Rule {
 public:
  virtual ~Rule() = default;
  /// The code of the findings this rule reports when the arithmetic does not hold.
  virtual std::string_view code() const = 0;
  /// Appends this rule's findings about `table` to `findings` (errors, and structure-unclear /
  /// check-skipped notes when the rule cannot judge a cell).
  virtual void check(const Table& table, std::vector<Finding>& findings) const = 0;
};

}  // namespace phuluc
