#pragma once
// The "Kiểm tra" sheet: one row per correction, each with a link to the corrected cell.
#include <xlsxwriter.h>

#include <string>
#include <vector>

#include "writers/xlsx_writer.hpp"

namespace phuluc::xlsxw {

/// Text for a logged value as the list shows it when it is not a number ("" for none).
std::string logged_text(const LoggedValue& value);

/// Fills `sheet` with the change list: a bold header row (frozen, with a filter), then one row per
/// entry: sheet name | cell (an internal link "internal:'Sheet'!F14") | old | new | code | reason.
/// `sheet_names` are the names as written, indexed like Workbook::sheets; entries whose sheet index
/// is out of range are listed without a link. Returns libxlsxwriter's first error, if any.
///   lxw_error error = write_change_sheet(book, sheet, *options.change_sheet, names, "Times New Roman");
lxw_error write_change_sheet(lxw_workbook* book, lxw_worksheet* sheet, const ChangeSheet& changes,
                             const std::vector<std::string>& sheet_names, const std::string& font_name);

}  // namespace phuluc::xlsxw
