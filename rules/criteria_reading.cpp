#include "rules/criteria_reading.hpp"

#include <cctype>
#include <cmath>
#include <cstdio>
#include <sstream>

#include "rules/rule_support.hpp"
#include "table/number_text.hpp"
#include "table/text_fold.hpp"

namespace phuluc {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Number tokens of a text in order: digits with ',' or '.' inside ("9,5", "1.234,5").
std::vector<double> numbers_in(std::string_view text) {
  std::vector<double> numbers;
  std::size_t i = 0;
  while (i < text.size()) {
    if (!is_digit(text[i])) {
      ++i;
      continue;
    }
    std::size_t end = i;
    while (end < text.size() && (is_digit(text[end]) || ((text[end] == ',' || text[end] == '.') && end + 1 < text.size() && is_digit(text[end + 1]))))
      ++end;
    const NumberText parsed = parse_number_text(text.substr(i, end - i));
    if (!parsed.readings.empty()) numbers.push_back(parsed.readings.front());
    i = end;
  }
  return numbers;
}

// The folded words of a text, punctuation made spaces except the dot of "k." ("k. dat" → "k dat").
std::vector<std::string> folded_words(std::string_view text) {
  std::string folded = fold_text(text);
  for (char& c : folded)
    if (!std::isalnum(static_cast<unsigned char>(c))) c = ' ';
  std::vector<std::string> words;
  std::istringstream in(folded);
  for (std::string word; in >> word;) words.push_back(word);
  return words;
}

bool contains_words(const std::vector<std::string>& words, std::initializer_list<const char*> phrase) {
  const std::vector<std::string> wanted(phrase.begin(), phrase.end());
  if (wanted.empty() || words.size() < wanted.size()) return false;
  for (std::size_t i = 0; i + wanted.size() <= words.size(); ++i)
    if (std::equal(wanted.begin(), wanted.end(), words.begin() + static_cast<std::ptrdiff_t>(i))) return true;
  return false;
}

bool has_word(const std::vector<std::string>& words, const char* word) { return contains_words(words, {word}); }

}  // namespace

Verdict verdict_in(std::string_view text) {
  const auto words = folded_words(text);
  if (contains_words(words, {"khong", "quy", "dinh"}) || contains_words(words, {"khong", "ap", "dung"}))
    return Verdict::not_applicable;
  if (contains_words(words, {"k", "dat"}) || contains_words(words, {"khong", "dat"}) || contains_words(words, {"chua", "dat"}) ||
      has_word(words, "kdat"))
    return Verdict::not_met;
  if (has_word(words, "dat")) return Verdict::met;
  return Verdict::none;
}

bool is_negative_verdict_only(std::string_view text) {
  const auto words = folded_words(text);
  if (words.size() == 2 && (words[0] == "k" || words[0] == "khong" || words[0] == "chua") && words[1] == "dat") return true;
  return words.size() == 1 && words[0] == "kdat";
}

std::optional<NumericTarget> numeric_target(std::string_view text) {
  const auto numbers = numbers_in(text);
  if (numbers.empty()) return std::nullopt;
  NumericTarget target;
  const bool at_least = text.find("≥") != std::string_view::npos || text.find(">=") != std::string_view::npos ||
                        text.find('>') != std::string_view::npos;
  const bool at_most = text.find("≤") != std::string_view::npos || text.find("<=") != std::string_view::npos ||
                       text.find('<') != std::string_view::npos;
  if (at_least && !at_most) {
    target.low = numbers.front();
  } else if (at_most && !at_least) {
    target.high = numbers.front();
  } else if (at_least || at_most) {
    return std::nullopt;
  } else if (numbers.size() == 2 && (text.find('-') != std::string_view::npos || text.find("–") != std::string_view::npos)) {
    target.low = std::min(numbers[0], numbers[1]);
    target.high = std::max(numbers[0], numbers[1]);
  } else if (numbers.size() == 1) {
    target.low = numbers.front();
  } else {
    return std::nullopt;
  }
  return target;
}

std::optional<double> first_number(std::string_view text) {
  const auto numbers = numbers_in(text);
  if (numbers.empty()) return std::nullopt;
  return numbers.front();
}

std::string value_text(const TableValue& value) {
  if (value.state != ValueState::number) return value.raw;
  const double shown = value.percent_format ? value.number * 100.0 : value.number;
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.10g", std::round(shown * 1e6) / 1e6);
  return std::string(buffer) + (value.percent_format ? "%" : "");
}

CriteriaColumns criteria_columns(const Table& table) {
  CriteriaColumns columns;
  for (std::size_t i = 0; i < table.columns.size(); ++i) {
    const std::string folded = fold_text(table.columns[i].path_text);
    if (!columns.target && folded.rfind("chi tieu", 0) == 0) columns.target = i;
    else if (!columns.result && folded.rfind("ket qua", 0) == 0) columns.result = i;
    else if (!columns.note && folded.rfind("ghi chu", 0) == 0) columns.note = i;
  }
  return columns;
}

Verdict indicator_status(const Table& table, const CriteriaColumns& columns, std::size_t row_idx) {
  if (!columns.result) return Verdict::none;
  const TableRow& row = table.rows[row_idx];
  const std::string result = value_text(value_at(row, *columns.result));
  Verdict verdict = verdict_in(result);
  if (verdict == Verdict::none && columns.note) verdict = verdict_in(value_text(value_at(row, *columns.note)));
  if (verdict != Verdict::none) return verdict;
  const auto number = first_number(result);
  const auto target = columns.target ? numeric_target(value_text(value_at(row, *columns.target))) : std::nullopt;
  if (!number || !target) return Verdict::none;
  return target->accepts(*number) ? Verdict::met : Verdict::not_met;
}

bool has_indicator(const Table& table, const CriteriaColumns& columns, std::size_t row_idx) {
  const TableRow& row = table.rows[row_idx];
  for (const auto& column : {columns.target, columns.result})
    if (column && !is_blank_text(value_text(value_at(row, *column)))) return true;
  return false;
}

}  // namespace phuluc
