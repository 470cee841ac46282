#pragma once
// The default set of rules and the one call that runs them on a table.
#include <memory>
#include <vector>

#include "report/finding.hpp"
#include "rules/rule.hpp"
#include "table/table.hpp"

namespace phuluc {

/// Every rule `phuluc check` runs: not-a-number, negative-amount, split-mismatch, sum-mismatch,
/// total-mismatch, rate-mismatch (with rate-without-base), and on NTM criteria tables
/// criteria-count-mismatch, criteria-verdict-mismatch, target-holds-verdict. Built once; safe to
/// share across threads.
///   for (const auto& rule : default_rules()) std::cout << rule->code() << '\n';
const std::vector<std::unique_ptr<Rule>>& default_rules();

/// Runs every default rule on `table` and returns their findings, in rule order.
///   for (const Finding& finding : check_table(table)) ...
std::vector<Finding> check_table(const Table& table);

}  // namespace phuluc
