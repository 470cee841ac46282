#pragma once
// Lays an official appendix out on a sheet as NĐ 30/2020 and the seeds have it (../shared/domain.md
// §6): "Phụ lục II" bold and centred; the title in capitals, bold, centred; the "(Kèm theo Báo cáo
// số ...)" line in italics; "ĐVT: Triệu đồng" right-aligned; the merged, bordered header; rows
// indented and styled by level (TỔNG CỘNG and A/B/C bold capitals, I/II bold, Tiểu dự án regular,
// contents italic); amounts with the unit's decimals, Times New Roman; totals and rates as formulas
// with their computed values cached; the signature block; A4 landscape fitted to the page width,
// header rows repeated, page numbers at the top.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/sheet.hpp"
#include "model/style.hpp"
#include "templates/official_table.hpp"
#include "templates/template_definition.hpp"
#include "templates/template_texts.hpp"

namespace phuluc {

/// How the value cells are written.
enum class FillMode {
  blank_template,  ///< every parent, Tổng số and rate is a formula, so the officer types only the leaves
  filled           ///< a commune's numbers: formulas where the cells they add have values, numbers elsewhere
};

/// A cell whose typed number the output does not show because a formula recomputes it
/// (a parent that is not the sum of its children, a Tổng số that is not its parts, a rate).
struct RecomputedCell {
  int row = -1;                 ///< index into OfficialTable::rows
  std::size_t column = 0;       ///< index into TemplateDefinition::columns
  double typed = 0.0;
  std::optional<double> shown;  ///< the formula's value; nullopt: blank (a rate without a plan)
};

/// The laid-out sheet and where each row went.
struct OfficialSheet {
  Sheet sheet;
  std::vector<std::uint32_t> sheet_row;   ///< per OfficialTable row, its 0-based sheet row
  std::uint32_t header_first = 0;         ///< 0-based, inclusive
  std::uint32_t header_last = 0;          ///< 0-based, inclusive
  std::vector<RecomputedCell> recomputed;
};

/// Styles shared by the sheets of one workbook; a style is added once and found again by value.
class SheetStyles {
 public:
  SheetStyles();
  /// Index of `style`, added when new.
  std::uint32_t index(const CellStyle& style);
  /// The default cell: Times New Roman 11.
  CellStyle base() const;
  std::vector<CellStyle> take() { return std::move(styles_); }

 private:
  std::vector<CellStyle> styles_;
};

/// Lays `table` out in the template's layout on a sheet named `sheet_name`.
///   SheetStyles styles;
///   const OfficialSheet out = build_official_sheet(definition, texts, table, FillMode::blank_template, styles, "Phụ lục II");
OfficialSheet build_official_sheet(const TemplateDefinition& definition, const TemplateTexts& texts,
                                   const OfficialTable& table, FillMode mode, SheetStyles& styles,
                                   const std::string& sheet_name);

/// The sheet name of an appendix: "Phụ lục II" (or "Phụ lục" without a number).
std::string appendix_sheet_name(const TemplateDefinition& definition, const TemplateTexts& texts);

}  // namespace phuluc
