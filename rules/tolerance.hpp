#pragma once
// How close two numbers must be to count as equal: half a unit of the last digit the judged cell
// displays. Never exact floating-point equality.
#include <optional>

#include "table/table.hpp"

namespace phuluc {

/// Decimals amounts are judged at when the display does not say (3 = 1,000 đồng in triệu đồng),
/// and the finest precision an amount is ever judged at.
inline constexpr int kAmountDecimals = 3;

/// The decimals a cell displays: its own (number format or digits typed), else its column's most
/// common, else nullopt.
///   shown_decimals(table.rows[r].values[c], table.columns[c])
std::optional<int> shown_decimals(const TableValue& value, const TableColumn& column);

/// The decimals needed to write `value` exactly, up to `max_decimals` (187.09 → 2, 100 → 0).
/// Used for values shown in "General" format, which displays the digits the value has.
///   decimals_of(74.38, 6)  // 2
int decimals_of(double value, int max_decimals);

/// Tolerance for an amount shown with `decimals` (unknown: kAmountDecimals), never finer than
/// kAmountDecimals: 0 decimals → 0.5; 2 → 0.005; 3, 4 or unknown → 0.0005.
///   amount_tolerance(2)  // 0.005
double amount_tolerance(std::optional<int> decimals);

/// Tolerance for a rate shown with `decimals`; when unknown, the rate shows the digits of `value`
/// itself (General format), at most 6: 0 decimals → 0.5; 2 → 0.005.
///   rate_tolerance(std::nullopt, 98.0)  // 0.5
double rate_tolerance(std::optional<int> decimals, double value);

/// Whether `found` and `expected` differ by more than `tolerance`. A difference of exactly the
/// tolerance (a value that rounds either way) is not a difference; the comparison allows for the
/// binary rounding of both numbers.
///   differs(187.09, 187.0, amount_tolerance(2))  // true
bool differs(double found, double expected, double tolerance);

}  // namespace phuluc
