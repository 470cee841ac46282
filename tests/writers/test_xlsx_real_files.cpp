// Real workbooks made by other programs (Excel, openpyxl, LibreOffice, gnumeric): read them, write
// them with our writer, read the output, and the two models match (values and layout).
#include <catch2/catch.hpp>

#include <algorithm>

#include "readers/workbook_reader.hpp"
#include "writer_test_support.hpp"
#include "writers/xlsx_writer.hpp"

namespace phuluc {
namespace {

using test::TempDir;

std::vector<std::filesystem::path> xlsx_files(const std::filesystem::path& folder) {
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(folder)) {
    const auto extension = entry.path().extension();
    if (entry.is_regular_file() && (extension == ".xlsx" || extension == ".xlsm")) files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

struct RoundTrip {
  bool readable = false;  // our reader took the original
  std::vector<std::string> differences;
};

RoundTrip round_trip(const std::filesystem::path& original, const TempDir& dir) {
  RoundTrip result;
  Workbook before;
  try {
    before = read_workbook(original);
  } catch (const ReadError&) {
    return result;  // unreadable originals are the reader's tests' business
  }
  result.readable = true;
  const auto copy = dir / "copy.xlsx";
  write_xlsx(before, copy);
  result.differences = test::model_differences(before, read_workbook(copy));
  return result;
}

// Round-trips every readable .xlsx/.xlsm in `folder` whose name starts with one of `prefixes` (all
// when none are given) and checks that at least `minimum_readable` were readable.
void check_folder(const std::filesystem::path& folder, std::size_t minimum_readable,
                  const std::vector<std::string>& prefixes = {}) {
  TempDir dir;
  std::size_t readable = 0;
  for (const auto& file : xlsx_files(folder)) {
    const std::string name = file.filename().string();
    if (!prefixes.empty() &&
        std::none_of(prefixes.begin(), prefixes.end(), [&](const std::string& prefix) { return name.starts_with(prefix); }))
      continue;
    const RoundTrip result = round_trip(file, dir);
    if (!result.readable) continue;
    ++readable;
    INFO(name << "\n" << test::joined(result.differences, 12));
    CHECK(result.differences.empty());
  }
  CHECK(readable >= minimum_readable);
}

const std::filesystem::path kExcelCorpus = std::filesystem::path(PHULUC_SHARED_DIR) / "corpus/libxlsxwriter";

TEST_CASE("Excel-made workbooks with merges, formats, sizes, panes and print setup keep them through our writer",
          "[writers][xlsx][real-files]") {
  check_folder(kExcelCorpus, 120,
               {"merge_range", "format", "set_column", "set_row", "row_col_format", "default_row", "hide", "outline",
                "panes", "print_", "fit_to_pages", "repeat", "landscape", "page_", "header", "footer", "set_start_page",
                "simple", "shared_strings", "types", "background"});
}

// The whole corpora take minutes on a loaded machine: run them with  test_writers "[slow]".
TEST_CASE("every Excel-made workbook of the libxlsxwriter corpus keeps values and layout through our writer",
          "[writers][xlsx][real-files][.][slow]") {
  check_folder(kExcelCorpus, 700);
}

TEST_CASE("sample appendices made by openpyxl, LibreOffice and gnumeric keep values and layout through our writer",
          "[writers][xlsx][real-files]") {
  check_folder(std::filesystem::path(PHULUC_SOURCE_DIR) / "samples/appendices", 5);
}

TEST_CASE("quirk workbooks keep values and layout through our writer", "[writers][xlsx][real-files]") {
  check_folder(std::filesystem::path(PHULUC_SOURCE_DIR) / "samples/quirks/xlsx", 10);
}

TEST_CASE("mixed-producer workbooks of the calamine corpus keep values and layout through our writer",
          "[writers][xlsx][real-files]") {
  check_folder(std::filesystem::path(PHULUC_SHARED_DIR) / "corpus/calamine", 20);
}

TEST_CASE("readable workbooks of the POI corpus keep values and layout through our writer",
          "[writers][xlsx][real-files][.][slow]") {
  check_folder(std::filesystem::path(PHULUC_SHARED_DIR) / "corpus/poi", 100);
}

}  // namespace
}  // namespace phuluc
