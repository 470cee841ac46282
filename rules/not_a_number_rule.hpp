#pragma once
// not-a-number: text that is no number (or an Excel error value) in an amount or rate column.
#include "rules/rule.hpp"

namespace phuluc {

/// For every amount and rate column: a cell whose value is text that reads as no number ("abc",
/// "x") or an error value (#REF!) is an error; its text goes to Finding::found_text. Numbers typed
/// as text, ambiguous numbers and formulas without a value are not this rule's: the table finder
/// reports them (text-number, ambiguous-number, formula-without-value).
///   NotANumberRule{}.check(table, findings);
class NotANumberRule : public Rule {
 public:
  std::string_view code() const override { return "not-a-number"; }
  void check(const Table& table, std::vector<Finding>& findings) const override;
};

}  // namespace phuluc
