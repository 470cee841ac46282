#pragma once
// The consolidated sheet in the official layout of the template: its title lines (the title made a
// "TỔNG HỢP ..." one, a new Kèm theo line), ĐVT and header copied, then one row per consolidated
// row with parents, Tổng số and rates as formulas carrying their computed values.
#include <cstdint>
#include <string>
#include <vector>

#include "consolidation/consolidator.hpp"
#include "consolidation/style_book.hpp"
#include "consolidation/template_layout.hpp"
#include "model/sheet.hpp"

namespace phuluc {

/// Texts of the output the user may set.
struct MergeTexts {
  std::string title;        ///< the title line; empty: the template's, "TỔNG HỢP " put before it when missing
  std::string attached_to;  ///< the Kèm theo line without parentheses; empty: a line with blanks to fill in
};

/// The title the consolidated sheet shows: `texts.title`, or the template's title starting with "TỔNG HỢP".
///   consolidated_title(layout, {}) == "TỔNG HỢP TÌNH HÌNH THỰC HIỆN VỐN SỰ NGHIỆP ..."
std::string consolidated_title(const TemplateLayout& layout, const MergeTexts& texts);

/// The template's rows above and including its header (0-based rows 0..header_last), with the
/// title cell showing `title` and the Kèm theo cell showing `attached_line`; widths, merges,
/// frozen panes and print setup as the template has them, the sheet named `name`.
Sheet copy_top(const TemplateLayout& layout, const std::string& name, const std::string& title,
               const std::string& attached_line);

/// The styles of one consolidated row's cells, by 0-based sheet column 0..layout.last_col: the
/// template's look for the row's kind, amounts and rates in number formats that show the output's
/// decimals, carried and remainder rows in italics.
std::vector<std::uint32_t> row_styles(const TemplateLayout& layout, const ConsolidatedTable& table,
                                      const MergedRow& row, StyleBook& styles);

/// The consolidated sheet. Data rows start right under the header; after them an empty row and a
/// note naming the other two sheets.
///   StyleBook styles(layout.styles);
///   Sheet sheet = build_consolidated_sheet(layout, table, texts, input_count, styles);
Sheet build_consolidated_sheet(const TemplateLayout& layout, const ConsolidatedTable& table, const MergeTexts& texts,
                               std::size_t merged_inputs, StyleBook& styles);

/// Sheet names of the output workbook.
inline constexpr const char* kConsolidatedSheetName = "Tổng hợp";
inline constexpr const char* kBreakdownSheetName = "Chi tiết theo xã";
inline constexpr const char* kSourcesSheetName = "Nguồn";

}  // namespace phuluc
