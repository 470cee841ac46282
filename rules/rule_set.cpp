#include "rules/rule_set.hpp"

#include "rules/criteria_count_rule.hpp"
#include "rules/criteria_verdict_rule.hpp"
#include "rules/negative_amount_rule.hpp"
#include "rules/not_a_number_rule.hpp"
#include "rules/rate_rule.hpp"
#include "rules/split_rule.hpp"
#include "rules/sum_rule.hpp"
#include "rules/target_verdict_rule.hpp"
#include "rules/total_rule.hpp"

namespace phuluc {
namespace {

std::vector<std::unique_ptr<Rule>> make_default_rules() {
  std::vector<std::unique_ptr<Rule>> rules;
  rules.push_back(std::make_unique<NotANumberRule>());
  rules.push_back(std::make_unique<NegativeAmountRule>());
  rules.push_back(std::make_unique<SplitRule>());
  rules.push_back(std::make_unique<SumRule>());
  rules.push_back(std::make_unique<TotalRule>());
  rules.push_back(std::make_unique<RateRule>());
  rules.push_back(std::make_unique<CriteriaCountRule>());
  rules.push_back(std::make_unique<CriteriaVerdictRule>());
  rules.push_back(std::make_unique<TargetVerdictRule>());
  return rules;
}

}  // namespace

const std::vector<std::unique_ptr<Rule>>& default_rules() {
  static const auto rules = make_default_rules();
  return rules;
}

std::vector<Finding> check_table(const Table& table) {
  std::vector<Finding> findings;
  for (const auto& rule : default_rules()) rule->check(table, findings);
  return findings;
}

}  // namespace phuluc
