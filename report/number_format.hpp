#pragma once
// Numbers written for people: the Vietnamese way ("1.234,567") or the English way ("1,234.567").
#include <string>

#include "report/lang.hpp"

namespace phuluc {

/// Formats `value` rounded to `decimals` digits after the decimal separator, with thousands grouped.
/// Vietnamese uses '.' for thousands and ',' for decimals; English the other way round.
/// A value that rounds to zero prints without a minus sign; NaN and infinities print as "?".
/// @param value     the number, in the table's unit
/// @param decimals  digits after the separator, clamped to 0..9
/// @param lang      Lang::vi or Lang::en
/// @return the text, ASCII only
///   format_number(1234.5671, 3, Lang::vi)  // "1.234,567"
///   format_number(187.09, 2, Lang::en)     // "187.09"
///   format_number(-0.0004, 3, Lang::vi)    // "0,000"
std::string format_number(double value, int decimals, Lang lang);

}  // namespace phuluc
