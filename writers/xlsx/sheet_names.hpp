#pragma once
// Sheet names Excel accepts: at most 31 characters, none of []:*?/\, no leading or trailing
// apostrophe, unique without regard to case.
#include <string>
#include <vector>

namespace phuluc::xlsxw {

/// A valid, unique name for each wanted name, in order; valid unique names come back unchanged.
/// Forbidden characters become '_', apostrophes at either end are dropped, names are cut to 31
/// UTF-16 units (on a character boundary), an empty name becomes "Sheet<n>" (1-based position), and
/// a name equal to an earlier one ignoring case (Vietnamese letters included) gets " (2)", " (3)".
///   writable_sheet_names({"Biểu 01", "biểu 01", "a/b"})  → {"Biểu 01", "biểu 01 (2)", "a_b"}
std::vector<std::string> writable_sheet_names(const std::vector<std::string>& wanted);

/// The name quoted for a formula or an internal link: 'Kiểm tra' with inner apostrophes doubled.
std::string quoted_sheet_name(const std::string& name);

}  // namespace phuluc::xlsxw
