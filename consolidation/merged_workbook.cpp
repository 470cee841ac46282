#include "consolidation/merged_workbook.hpp"

#include <stdexcept>

#include "consolidation/breakdown_sheet.hpp"
#include "consolidation/cancellation.hpp"
#include "consolidation/sheet_splice.hpp"
#include "consolidation/sources_sheet.hpp"
#include "writers/atomic_file.hpp"
#include "writers/write_error.hpp"
#include "writers/xlsx_writer.hpp"

namespace phuluc {

void write_merged_workbook(const std::filesystem::path& output, const TemplateLayout& layout,
                           const ConsolidatedTable& table, const Consolidator& consolidator,
                           const std::vector<InputSummary>& inputs, const MergeTexts& texts,
                           const std::vector<std::filesystem::path>& input_paths, const std::atomic<bool>* cancel) {
  AtomicFile file(output, input_paths);
  StyleBook styles(layout.styles);
  std::size_t merged = 0;
  for (const InputSummary& input : inputs) merged += input.accepted() ? 1 : 0;

  Workbook workbook;
  workbook.sheets.push_back(build_consolidated_sheet(layout, table, texts, merged, styles));
  const BreakdownSheet breakdown(layout, table, consolidator, inputs, styles);
  workbook.sheets.push_back(breakdown.stub());
  workbook.sheets.push_back(build_sources_sheet(inputs, layout.path, table, styles));
  workbook.styles = styles.take();
  throw_if_cancelled(cancel);

  XlsxWriteOptions options;
  options.title = consolidated_title(layout, texts);
  options.author = "phuluc merge";
  write_xlsx(workbook, file.temp_path(), options);
  workbook = {};  // the model is not needed any more: keep the peak of memory low
  throw_if_cancelled(cancel);

  try {
    SheetSplice splice(file.temp_path(), kBreakdownSheetName, breakdown.sample_first());
    breakdown.stream(splice, cancel);
  } catch (const std::runtime_error& failure) {
    throw WriteError(WriteErrorCode::io_error, output, failure.what());
  }
  throw_if_cancelled(cancel);
  file.commit();
}

}  // namespace phuluc
