#pragma once
// The breakdown sheet ("Chi tiết theo xã"): every consolidated row again, and under each row that
// sums communes directly (the leaves) one row per commune with its amounts, grouped one outline
// level down, so a superior can trace each total to the communes behind it. The row above each
// group adds it up with =SUM(...); parents add up their children's rows.
//
// At the scale of a country (3,321 communes, about a million numbers) the sheet is streamed into
// the written file (sheet_splice.hpp): the workbook model only holds its stub.
#include <atomic>
#include <cstdint>
#include <string>
#include <vector>

#include "consolidation/consolidator.hpp"
#include "consolidation/sheet_splice.hpp"
#include "consolidation/style_book.hpp"
#include "consolidation/template_layout.hpp"
#include "model/sheet.hpp"

namespace phuluc {

/// The plan of the breakdown sheet, made before the workbook is written.
///   BreakdownSheet breakdown(layout, table, consolidator, inputs, styles);
///   workbook.sheets.push_back(breakdown.stub());
///   write_xlsx(workbook, path);
///   SheetSplice splice(path, kBreakdownSheetName, breakdown.sample_first());
///   breakdown.stream(splice, cancel);
class BreakdownSheet {
 public:
  /// `consolidator` must be finished; all arguments must outlive the object.
  BreakdownSheet(const TemplateLayout& layout, const ConsolidatedTable& table, const Consolidator& consolidator,
                 const std::vector<InputSummary>& inputs, StyleBook& styles);

  /// The sheet to put in the workbook: the template's top rows (title changed), then one sample
  /// row per cell look from 0-based row sample_first() on.
  Sheet stub() const;
  std::uint32_t sample_first() const { return first_; }

  /// Writes the real rows into the file in place of the samples. Throws MergeCancelled when
  /// `cancel` is set (checked every few thousand rows).
  void stream(SheetSplice& splice, const std::atomic<bool>* cancel) const;

  /// Number of data rows the sheet will have (consolidated rows and commune rows).
  std::size_t data_rows() const { return data_rows_; }

 private:
  std::uint32_t profile_of(std::vector<std::uint32_t> styles);

  const TemplateLayout& layout_;
  const ConsolidatedTable& table_;
  const Consolidator& consolidator_;
  std::vector<std::string> commune_of_input_;   ///< by InputSummary::index
  std::vector<std::string> file_of_input_;      ///< file names, by InputSummary::index
  std::uint32_t first_ = 0;                      ///< 0-based row of the first data row
  std::vector<std::uint32_t> summary_row_;       ///< per consolidated row: its 0-based sheet row
  std::vector<std::uint32_t> communes_under_;    ///< per consolidated row: commune rows under it
  std::vector<std::uint32_t> row_profile_;       ///< per consolidated row: index into profiles_
  std::uint32_t commune_profile_ = 0;
  std::vector<std::vector<std::uint32_t>> profiles_;  ///< style per sheet column, for each look
  std::size_t data_rows_ = 0;
  Sheet top_;
};

}  // namespace phuluc
