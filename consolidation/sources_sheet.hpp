#pragma once
// The "Nguồn" sheet: every input of the merge, one row each: file, commune, status, why, the
// check's findings, rows kept apart, cells corrected, sheet and SHA-256; then every row carried
// without a catalogue key: its file, sheet, row, text and where it was put.
#include <string>
#include <vector>

#include "consolidation/consolidator.hpp"
#include "consolidation/merge_input.hpp"
#include "consolidation/style_book.hpp"
#include "model/sheet.hpp"

namespace phuluc {

/// Builds the sheet. `template_path` names the file whose layout the output copies; `table` gives
/// the carried rows (ConsolidatedTable::unmatched). The headers avoid the words of an appendix
/// header ("STT", "Nội dung", "Tên"), so `phuluc check` does not take the lists for tables.
///   Sheet sources = build_sources_sheet(inputs, layout.path, table, styles);
Sheet build_sources_sheet(const std::vector<InputSummary>& inputs, const std::string& template_path,
                          const ConsolidatedTable& table, StyleBook& styles);

}  // namespace phuluc
