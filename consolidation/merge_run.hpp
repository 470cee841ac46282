#pragma once
// One `phuluc merge` run: read the inputs in parallel, judge each (check, --fix, --force), take the
// first one that passes as the template, refuse the ones of another template, period, columns or
// unknown unit, add the others up by catalogue key, and write the consolidated workbook.
#include <atomic>
#include <cstddef>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "consolidation/consolidated_sheet.hpp"
#include "consolidation/consolidator.hpp"
#include "consolidation/merge_input.hpp"
#include "consolidation/template_layout.hpp"
#include "mappings/catalogue.hpp"
#include "mappings/row_matcher.hpp"

namespace phuluc {

/// Where a run is, for a progress bar.
struct MergeProgress {
  enum class Phase { reading, writing };
  Phase phase = Phase::reading;
  std::size_t done = 0;   ///< inputs judged so far (reading)
  std::size_t total = 0;  ///< inputs in all
};

struct MergeOptions {
  std::vector<std::string> inputs;   ///< files in order (folders already expanded)
  std::filesystem::path output;      ///< the .xlsx to write; empty: consolidate without writing
  bool fix = false;                  ///< correct inputs with errors first (as `phuluc fix`)
  bool force = false;                ///< merge inputs with errors as they are
  MergeTexts texts;                  ///< title and Kèm theo line of the output
  unsigned threads = 2;              ///< inputs read at once
  const std::atomic<bool>* cancel = nullptr;  ///< set it (from a signal handler) to stop: MergeCancelled
  std::function<void(const MergeProgress&)> progress;  ///< called on the calling thread; may be empty
};

/// What a run did.
struct MergeResult {
  std::vector<InputSummary> inputs;             ///< every input, in order
  std::optional<TemplateLayout> layout;         ///< the template: the first input that passed
  std::unique_ptr<Consolidator> consolidator;   ///< set when an input was merged
  const ConsolidatedTable* table = nullptr;     ///< the consolidated table (owned by consolidator)
  bool written = false;                         ///< the output file was written

  std::size_t merged() const;    ///< inputs added (merged, fixed or forced)
  std::size_t refused() const;
};

/// Runs a merge. Inputs that cannot be merged are refused with their reason, never an exception;
/// the output is written when at least one input was merged and `options.output` is set.
/// Throws MergeCancelled when `options.cancel` is set (nothing written), WriteError when the output
/// cannot be written. `catalogue` and `matcher` must outlive the result.
///   const MergeResult result = run_merge(options, catalogue, RowMatcher(catalogue));
///   for (const InputSummary& input : result.inputs) ... input.status
MergeResult run_merge(const MergeOptions& options, const Catalogue& catalogue, const RowMatcher& matcher);

}  // namespace phuluc
