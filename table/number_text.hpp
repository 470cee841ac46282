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
  int other_decimals = 0;        ///< ambiguous: digits after the decimal separator in the second reading
};

/// Parses one cell's text. Vietnamese conventions first: ',' decimal, '.' thousands.
/// Accepted: leading '+'/'-'/'−' or parentheses for a negative "(1.234)", a trailing '%', spaces or
/// NBSP as thousands separators ("1 234,5"), the English form when both separators show which is
/// which ("1,234.56"), several equal separators as thousands ("1.234.567", "1,234,567"). One
/// separator followed by exactly three digits after 1-3 digits ("38.996", "82,262") is ambiguous.
/// Anything else ("12abc", "Đạt", "4/10") is not_number.
///   parse_number_text("1.234,567") → number 1234.567, decimals 3
///   parse_number_text("38.996")    → ambiguous {38996, 38.996}, decimals 0, other_decimals 3
///   parse_number_text("74,38%")    → number 74.38, decimals 2, percent
NumberText parse_number_text(std::string_view text);

/// Which separator convention a number text shows beyond doubt.
enum class SeparatorStyle {
  unknown,     ///< no separator, an ambiguous one ("38.996"), or not a number
  vietnamese,  ///< ',' decimal or '.' thousands: "272,50", "1.234,5", "1.234.567"
  english      ///< '.' decimal or ',' thousands: "74.38", "1,234.5", "1,234,567"
};

/// The convention a text number was typed in, to read an ambiguous neighbour the same way.
///   separator_style("272,50") == SeparatorStyle::vietnamese
///   separator_style("38.996") == SeparatorStyle::unknown
SeparatorStyle separator_style(std::string_view text);

}  // namespace phuluc
