#pragma once
// Running merges in-process for the tests: the built-in catalogue and matcher, loaded once.
#include <filesystem>
#include <string>
#include <vector>

#include "consolidation/merge_run.hpp"
#include "consolidation/merge_test_support.hpp"
#include "mappings/catalogue.hpp"
#include "mappings/row_matcher.hpp"

namespace phuluc::merge_test {

inline const Catalogue& test_catalogue() {
  static const Catalogue catalogue = load_catalogue(data_directory(PHULUC_DATA_DIR));
  return catalogue;
}

inline const RowMatcher& test_matcher() {
  static const RowMatcher matcher(test_catalogue());
  return matcher;
}

inline std::vector<std::string> path_strings(const std::vector<fs::path>& paths) {
  std::vector<std::string> out;
  for (const auto& path : paths) out.push_back(path.string());
  return out;
}

/// Merges `inputs` into `output` (empty: no file) with the given switches.
inline MergeResult merge_files(const std::vector<std::string>& inputs, const fs::path& output, bool fix = false,
                               bool force = false) {
  MergeOptions options;
  options.inputs = inputs;
  options.output = output;
  options.fix = fix;
  options.force = force;
  return run_merge(options, test_catalogue(), test_matcher());
}

/// The summary of the input whose file name is `name`, or nullptr.
inline const InputSummary* input_named(const MergeResult& result, const std::string& name) {
  for (const InputSummary& input : result.inputs)
    if (fs::path(input.path).filename() == name) return &input;
  return nullptr;
}

/// The consolidated row with catalogue key `key` ("total" for TỔNG CỘNG), or nullptr.
inline const MergedRow* row_with_key(const ConsolidatedTable& table, const std::string& key) {
  for (const MergedRow& row : table.rows)
    if (row.key == key) return &row;
  return nullptr;
}

/// The index into ConsolidatedTable::columns of the value column at 0-based sheet column `col`, or -1.
inline int value_column_at(const ConsolidatedTable& table, std::uint32_t col) {
  for (std::size_t v = 0; v < table.columns.size(); ++v)
    if (table.columns[v].sheet_col == col) return static_cast<int>(v);
  return -1;
}

/// The generator's column C is value index 0: sheet column = index + 2.
inline constexpr std::uint32_t kFirstValueCol = 2;

/// File names of the accepted inputs.
inline std::vector<std::string> accepted_files(const MergeResult& result) {
  std::vector<std::string> names;
  for (const InputSummary& input : result.inputs)
    if (input.accepted()) names.push_back(fs::path(input.path).filename().string());
  return names;
}

}  // namespace phuluc::merge_test
