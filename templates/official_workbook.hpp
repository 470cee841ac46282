#pragma once
// The workbook `phuluc template` and `phuluc convert` write: the appendix sheet in the official
// layout and, after a conversion, the "Không xếp được" sheet listing every row of the commune's
// file that could not be placed, with all its cells, so nothing is dropped.
#include <vector>

#include "model/workbook.hpp"
#include "templates/conversion.hpp"
#include "templates/official_sheet.hpp"

namespace phuluc {

/// Name of the sheet of rows not placed.
inline constexpr const char* kUnplacedSheetName = "Không xếp được";

/// The workbook and what laying it out recomputed.
struct OfficialWorkbook {
  Workbook workbook;
  OfficialSheet layout;  ///< the appendix sheet's rows and recomputed cells (layout.sheet is moved into workbook)
};

/// Builds the appendix workbook. With a `conversion`, the rows it could not place get their sheet
/// (only when there are some).
///   const OfficialWorkbook out = official_workbook(definition, texts, table, FillMode::blank_template, nullptr);
///   write_xlsx(out.workbook, "phu_luc_II.xlsx");
OfficialWorkbook official_workbook(const TemplateDefinition& definition, const TemplateTexts& texts,
                                   const OfficialTable& table, FillMode mode, const ConversionResult* conversion);

}  // namespace phuluc
