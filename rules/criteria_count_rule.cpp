#include "rules/criteria_count_rule.hpp"

#include <charconv>

#include "rules/criteria_reading.hpp"
#include "rules/rule_support.hpp"
#include "table/text_fold.hpp"

namespace phuluc {
namespace {

struct Fraction {
  int met = 0;
  int listed = 0;
};

// "4/10", "4 / 10", "04/10 tiêu chí" → {4, 10}.
std::optional<Fraction> parse_fraction(std::string_view text) {
  const auto slash = text.find('/');
  if (slash == std::string_view::npos) return std::nullopt;
  auto digits_before = slash;
  while (digits_before > 0 && text[digits_before - 1] == ' ') --digits_before;
  auto start = digits_before;
  while (start > 0 && text[start - 1] >= '0' && text[start - 1] <= '9') --start;
  auto after = slash + 1;
  while (after < text.size() && text[after] == ' ') ++after;
  auto end = after;
  while (end < text.size() && text[end] >= '0' && text[end] <= '9') ++end;
  Fraction fraction;
  if (start == digits_before || after == end) return std::nullopt;
  std::from_chars(text.data() + start, text.data() + digits_before, fraction.met);
  std::from_chars(text.data() + after, text.data() + end, fraction.listed);
  return fraction;
}

// A criterion's standing from its own row (when it carries its first indicator) and its indicators.
Verdict criterion_status(const Table& table, const CriteriaColumns& columns, std::size_t row_idx) {
  std::vector<std::size_t> indicators;
  if (has_indicator(table, columns, row_idx)) indicators.push_back(row_idx);
  for (const int child : table.rows[row_idx].children) indicators.push_back(static_cast<std::size_t>(child));
  bool unknown = false;
  for (const std::size_t indicator : indicators) {
    const Verdict verdict = indicator_status(table, columns, indicator);
    if (verdict == Verdict::not_met) return Verdict::not_met;
    if (verdict == Verdict::none) unknown = true;
  }
  return unknown ? Verdict::none : Verdict::met;
}

}  // namespace

void CriteriaCountRule::check(const Table& table, std::vector<Finding>& findings) const {
  if (table.kind != TableKind::criteria) return;
  const CriteriaColumns columns = criteria_columns(table);
  if (!columns.result) return;
  std::optional<std::size_t> total_row;
  int met = 0, undecided = 0, listed = 0;
  for (std::size_t row_idx = 0; row_idx < table.rows.size(); ++row_idx) {
    const TableRow& row = table.rows[row_idx];
    if (row.kind == RowKind::grand_total) {
      if (!total_row) total_row = row_idx;
      continue;
    }
    if (row.depth != 1 || row.kind == RowKind::other) continue;
    ++listed;
    const Verdict status = criterion_status(table, columns, row_idx);
    if (status == Verdict::met) ++met;
    else if (status == Verdict::none) ++undecided;
  }
  if (!total_row) return;
  const std::string shown = value_text(value_at(table.rows[*total_row], *columns.result));
  const auto fraction = parse_fraction(shown);
  if (!fraction) return;
  const bool count_wrong = fraction->met < met || fraction->met > met + undecided;
  const bool listed_wrong = fraction->listed != listed;
  if (!count_wrong && !listed_wrong) return;
  Finding finding = finding_at(table, *total_row, *columns.result, code(), Severity::error);
  finding.found_text = tidy_text(shown);
  finding.decimals = 0;
  if (count_wrong) {
    finding.found = fraction->met;
    finding.expected = fraction->met < met ? met : met + undecided;
    finding.reason = "criteria-count-met";
    finding.detail = std::to_string(met) + " criteria have every indicator met" +
                     (undecided ? ", " + std::to_string(undecided) + " cannot be judged" : std::string());
  } else {
    finding.found = fraction->listed;
    finding.expected = listed;
    finding.reason = "criteria-count-listed";
    finding.detail = std::to_string(listed) + " criteria are listed";
  }
  for (std::size_t row_idx = 0; row_idx < table.rows.size(); ++row_idx)
    if (table.rows[row_idx].depth == 1 && table.rows[row_idx].kind != RowKind::grand_total &&
        table.rows[row_idx].kind != RowKind::other && criterion_status(table, columns, row_idx) == Verdict::met)
      finding.related.push_back("TT " + table.rows[row_idx].stt);
  findings.push_back(std::move(finding));
}

}  // namespace phuluc
