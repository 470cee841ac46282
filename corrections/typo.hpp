#pragma once
// How a written number could have come from the right one by a slip of the hand: the "provable"
// corrections of the localizer.
#include <optional>
#include <string>

namespace phuluc {

/// The kind of slip that turns `right` into `written`.
enum class Slip {
  none,       ///< no simple slip explains it
  rounding,   ///< the difference is within the rounding of what the cell displays (187 shown for 187,09)
  sign,       ///< the sign is flipped (-120 for 120)
  keystroke,  ///< one keystroke: two adjacent digits swapped, one digit changed, one inserted or dropped
};

/// The digits of |value| written with `decimals` decimals, without separators or leading zeros of
/// the integer part: 1234.5 at 2 → "123450"; 0.09 at 2 → "9"; 0 at 0 → "".
std::string digit_string(double value, int decimals);

/// Whether two digit strings differ by exactly one keystroke: one adjacent transposition, one
/// substitution, one insertion or one deletion ("15878" / "15879", "1243" / "1234", "1234" / "12345").
bool one_keystroke_apart(const std::string& a, const std::string& b);

/// The slip that explains `written` (what the cell holds, showing `written_decimals` decimals,
/// nullopt when unknown) when the right value is `right`. A blank cell is never a slip.
///   classify_slip(15878, 0, 15879)      // keystroke
///   classify_slip(187, 0, 187.09)       // rounding
///   classify_slip(-120, 3, 120)         // sign
///   classify_slip(120, 3, 0)            // none
Slip classify_slip(double written, std::optional<int> written_decimals, double right);

/// Stable word for a slip: "none", "rounding", "sign", "keystroke".
const char* slip_id(Slip slip);

}  // namespace phuluc
