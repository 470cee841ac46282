#pragma once
// Shared by the mapping tests: the built-in catalogue loaded once, and the TSV data files.
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "mappings/catalogue.hpp"
#include "mappings/row_matcher.hpp"

namespace phuluc::test {

inline const Catalogue& builtin_catalogue() {
  static const Catalogue catalogue = load_catalogue(PHULUC_DATA_DIR);
  return catalogue;
}

inline const RowMatcher& builtin_matcher() {
  static const RowMatcher matcher(builtin_catalogue());
  return matcher;
}

inline std::filesystem::path mapping_test_file(const std::string& relative) {
  return std::filesystem::path(PHULUC_SOURCE_DIR) / "tests" / "mappings" / relative;
}

inline std::filesystem::path sample_file(const std::string& name) {
  return std::filesystem::path(PHULUC_SOURCE_DIR) / "samples" / "appendices" / name;
}

/// Rows of a tab-separated file; lines starting with '#' are comments; "\n" in a field is a line break.
inline std::vector<std::vector<std::string>> read_tsv(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot open " + path.string());
  std::vector<std::vector<std::string>> rows;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> fields;
    std::size_t start = 0;
    while (true) {
      const auto tab = line.find('\t', start);
      std::string field = line.substr(start, tab == std::string::npos ? std::string::npos : tab - start);
      for (std::size_t at = field.find("\\n"); at != std::string::npos; at = field.find("\\n", at + 1))
        field.replace(at, 2, "\n");
      fields.push_back(std::move(field));
      if (tab == std::string::npos) break;
      start = tab + 1;
    }
    rows.push_back(std::move(fields));
  }
  return rows;
}

}  // namespace phuluc::test
