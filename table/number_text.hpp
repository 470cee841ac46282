#pragma once
// Reads numbers as officers type them in Vietnamese: "1.234,567", "272,50", "74,38%", "-".
#include <optional>
#include <string_view>
#include <vector>

namespace phuluc {

enum class NumberTextKind {
  number,     ///< one reading
  dash,       ///< "-", "–", "—": zero
  blank,      ///< only white space
  ambiguous,  ///< two readings ("38.996", "82,262" could each be thousands or decimals)
  not_number
};

struct NumberText {
  NumberTextKind kind = NumberTextKind::not_number;
  std::vector<double> readings;  ///< number: one; ambiguous: the Vietnamese reading first, then the other
  int decimals = 0;              ///< digits after the decimal separator in the first reading
  bool percent = false;          ///< ended with '%'; the value is as typed (74,38% → 74.38)
};

/// Parses one cell's text. Vietnamese conventions first: ',' decimal, '.' thousands.
///   parse_number_text("1.234,567") → number 1234.567, decimals 3
///   parse_number_text("38.996")    → ambiguous {38996, 38.996}
NumberText parse_number_text(std::string_view text);

}  // namespace phuluc
