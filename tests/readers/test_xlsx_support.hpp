#pragma once
// Helpers shared by the XLSX, zip and dispatch reader tests: fixture paths, file bytes, cell lookup.
#include <catch2/catch.hpp>

#include <stdlib.h>

#include <cstddef>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include "model/cell_ref.hpp"
#include "model/workbook.hpp"
#include "readers/read_error.hpp"

namespace phuluc::test {

/// A quirk fixture made by samples/quirks/make_xlsx_quirks.py.
inline std::filesystem::path quirk(std::string_view name) {
  return std::filesystem::path(PHULUC_SOURCE_DIR) / "samples/quirks/xlsx" / name;
}

/// A file from the shared corpus: corpus("libxlsxwriter/merge_range01.xlsx").
inline std::filesystem::path corpus(std::string_view relative) {
  return std::filesystem::path(PHULUC_SHARED_DIR) / "corpus" / relative;
}

inline std::vector<std::byte> file_bytes(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  REQUIRE(in.good());
  const std::vector<char> chars((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::vector<std::byte> bytes(chars.size());
  for (std::size_t i = 0; i < chars.size(); ++i) bytes[i] = static_cast<std::byte>(chars[i]);
  return bytes;
}

inline std::vector<std::byte> text_bytes(std::string_view text) {
  std::vector<std::byte> bytes(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) bytes[i] = static_cast<std::byte>(text[i]);
  return bytes;
}

/// The cell at an A1 reference; fails the test when the sheet has none there.
inline const Cell& cell_at(const Sheet& sheet, std::string_view a1) {
  const auto ref = parse_a1(a1);
  REQUIRE(ref.has_value());
  const Cell* cell = sheet.find(*ref);
  INFO("cell " << a1 << " in sheet '" << sheet.name << "'");
  REQUIRE(cell != nullptr);
  return *cell;
}

inline const Sheet& sheet_named(const Workbook& workbook, std::string_view name) {
  for (const auto& sheet : workbook.sheets)
    if (sheet.name == name) return sheet;
  FAIL("no sheet named " << name);
  return workbook.sheets.front();
}

/// Whether the workbook records a limitation with this code (for this sheet, when given).
inline bool has_limitation(const Workbook& workbook, std::string_view code, std::string_view sheet = {}) {
  for (const auto& limitation : workbook.limitations)
    if (limitation.code == code && (sheet.empty() || limitation.sheet == sheet)) return true;
  return false;
}

/// Runs `fn` and returns the code of the ReadError it throws; fails when it throws none.
template <class Fn>
ReadErrorCode read_error_code(Fn&& fn) {
  try {
    fn();
  } catch (const ReadError& error) {
    INFO("detail: " << error.detail());
    return error.code();
  }
  FAIL("no ReadError thrown");
  return ReadErrorCode::io_error;
}

/// A fresh temporary directory, removed at scope exit.
class TempDir {
 public:
  TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "phuluc-test-XXXXXX").string();
    REQUIRE(::mkdtemp(pattern.data()) != nullptr);
    path_ = pattern;
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  ~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

}  // namespace phuluc::test
