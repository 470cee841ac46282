// Inputs the fuzzers (fuzz/, docs/robustness.md) found crashing, kept small in tests/corpus/regressions/.
// Each must read into a workbook (and go through the table recognizer) or fail with the ReadError
// pinned here; under ASan (scripts/test.sh) the old crash would stop this test with a report.
#include <catch2/catch.hpp>

#include <filesystem>
#include <map>
#include <string>

#include "readers/read_error.hpp"
#include "readers/workbook_reader.hpp"
#include "table/table_finder.hpp"

namespace phuluc {
namespace {

namespace fs = std::filesystem;

const fs::path kRegressions = fs::path(PHULUC_SOURCE_DIR) / "tests" / "corpus" / "regressions";

/// What each regression file must give: "read" or the ReadError id. A new file must be added here.
const std::map<std::string, std::string> kExpected = {
    // A FORMAT record declaring a 65,535-character string in 55 bytes: FreeXL 1.0.6 copied 128 KiB
    // past its record buffer (heap-buffer-overflow). The record is now renamed away before FreeXL.
    // FreeXL still reads the file; it is then refused because its stream lists no sheet at all.
    {"xls_format_string_past_record.xls", "truncated"},
    // A shared string whose phonetic block claims 104 MB: FreeXL jumped past the table (SEGV).
    // The table is now walked first (readers/xls/sst_walk.hpp) and the file refused.
    {"xls_sst_phonetic_size_past_table.xls", "truncated"},
    // A second DIMENSION record cut to 6 bytes: FreeXL sized the sheet from the previous record's
    // leftover bytes (16 million rows by 256 columns), refused that much memory, and then gave the
    // file up walking its first one-cell grid with the new size, freeing wild pointers (SEGV). The
    // scan now refuses a short DIMENSION. Written by xls_short_dimension_record.py beside it.
    {"xls_short_dimension_record.xls", "truncated"},
    // The same short DIMENSION after a record of type 0 and length 0 in a stream FreeXL reads from
    // the mini stream: FreeXL reads on past such a record there, where our scan used to stop. The
    // scan now reads on too. Written by xls_short_dimension_after_end_marker.py beside it.
    {"xls_short_dimension_after_end_marker.xls", "truncated"},
    // A DIMENSION of 16 million rows whose last bytes lie past the Workbook stream's declared end, in
    // its last sector: FreeXL read it on from there (double free while giving up), our scan stopped.
    // A record past the stream's end is now refused. Written by xls_dimension_past_stream_end.py.
    {"xls_dimension_past_stream_end.xls", "truncated"},
};

std::string outcome(const fs::path& file) {
  try {
    const Workbook workbook = read_workbook(file);
    (void)find_tables(workbook);
    return "read";
  } catch (const ReadError& error) {
    return read_error_id(error.code());
  }
}

}  // namespace

TEST_CASE("every input a fuzzer found crashing now reads or is refused as pinned", "[corpus][regressions]") {
  std::size_t files = 0;
  for (const auto& entry : fs::directory_iterator(kRegressions)) {
    const std::string name = entry.path().filename().string();
    // The README and the scripts that write a regression file from its records are no inputs.
    if (name == "README.md" || entry.path().extension() == ".py") continue;
    ++files;
    INFO(name);
    const auto expected = kExpected.find(name);
    REQUIRE(expected != kExpected.end());
    CHECK(outcome(entry.path()) == expected->second);
  }
  CHECK(files == kExpected.size());
}

}  // namespace phuluc
