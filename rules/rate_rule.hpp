#pragma once
// rate-mismatch and rate-without-base: a rate column against disbursed ÷ plan × 100.
#include <cstddef>
#include <optional>
#include <string>

#include "rules/header_tree.hpp"
#include "rules/rule.hpp"

namespace phuluc {

/// Where a rate column's numbers come from (indices into Table::columns), or why that is unclear.
struct RateBasis {
  std::optional<std::size_t> numerator;    ///< the disbursed / estimate amount column
  std::optional<std::size_t> denominator;  ///< the plan amount column
  std::string unclear_reason;              ///< "rate-no-plan", ... when a column cannot be found; else empty
};

/// Finds the numerator and denominator of rate column `rate_idx` from the header tree. The rate's
/// group is its highest ancestor holding only rate columns (or the rate column itself). In the node
/// above it, the numerator group is the nearest amount member to its left that does not name the
/// plan ("Giải ngân ...", "Ước giải ngân ..."), and the plan group is the one member naming the
/// plan ("Kế hoạch vốn"); what is not found there is looked for one level up. Inside the two groups
/// the column with the rate column's own header ("Tổng số", "NSTW", "Vốn giao năm 2025") is taken,
/// or the group's total when the rate column has no header of its own.
///   const HeaderTree tree(table);
///   const RateBasis basis = rate_basis(tree, table, col_idx);
///   if (!basis.unclear_reason.empty()) ...
RateBasis rate_basis(const HeaderTree& tree, const Table& table, std::size_t rate_idx);

/// For every rate column and row where a rate is given (not blank):
///  - plan 0 (at its displayed precision): the rate must be "-" or 0, else rate-without-base;
///  - otherwise rate = numerator ÷ plan × 100 within half a unit of the rate's displayed decimals,
///    else rate-mismatch.
/// Rates are judged in percent as displayed: a fraction under a '%' format (0.7438) counts as 74.38.
/// The finding names the rate cell; related = numerator then plan cells (plan only for
/// rate-without-base). A column whose basis is unclear gives one structure-unclear warning.
///   RateRule{}.check(table, findings);
class RateRule : public Rule {
 public:
  std::string_view code() const override { return "rate-mismatch"; }
  void check(const Table& table, std::vector<Finding>& findings) const override;
};

}  // namespace phuluc
