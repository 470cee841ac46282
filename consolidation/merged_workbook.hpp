#pragma once
// Writing the consolidated workbook: the "Tổng hợp" sheet in the template's official layout, the
// "Chi tiết theo xã" breakdown and the "Nguồn" list of inputs, atomically (all or nothing).
#include <atomic>
#include <filesystem>
#include <vector>

#include "consolidation/consolidated_sheet.hpp"
#include "consolidation/consolidator.hpp"
#include "consolidation/merge_input.hpp"
#include "consolidation/template_layout.hpp"

namespace phuluc {

/// Writes the workbook to `output`: through a temporary file beside it that is renamed over it
/// only when complete, so an error or a cancellation (`cancel` set: MergeCancelled) leaves the old
/// file or nothing, never a partial one. `consolidator` must be finished (`table` is its result).
/// Refuses to overwrite any of `inputs` (WriteError same_as_input). Throws WriteError when the
/// file cannot be written.
///   write_merged_workbook("tong_hop.xlsx", layout, consolidator.finish(), consolidator, summaries, {}, paths, &flag);
void write_merged_workbook(const std::filesystem::path& output, const TemplateLayout& layout,
                           const ConsolidatedTable& table, const Consolidator& consolidator,
                           const std::vector<InputSummary>& inputs, const MergeTexts& texts,
                           const std::vector<std::filesystem::path>& input_paths, const std::atomic<bool>* cancel);

}  // namespace phuluc
