// Hostile and broken XLSX packages: malformed parts, XML bombs, deep nesting, missing parts, caps.
#include <catch2/catch.hpp>

#include "readers/workbook_reader.hpp"
#include "test_xlsx_support.hpp"

using namespace phuluc;
using phuluc::test::cell_at;
using phuluc::test::corpus;
using phuluc::test::quirk;
using phuluc::test::read_error_code;

namespace {

ReadError caught_error(const std::filesystem::path& path, const ReadLimits& limits = {}) {
  try {
    read_workbook(path, limits);
  } catch (const ReadError& error) {
    return error;
  }
  FAIL("no ReadError for " << path);
  return ReadError(ReadErrorCode::io_error, "");
}

}  // namespace

TEST_CASE("malformed sheet XML is reported with the part name and line", "[readers][xlsx][errors]") {
  const ReadError error = caught_error(quirk("malformed_sheet_xml.xlsx"));
  CHECK(error.code() == ReadErrorCode::malformed_xml);
  CHECK(error.detail().find("xl/worksheets/sheet1.xml") != std::string::npos);
  CHECK(error.detail().find("line 4: mismatched tag") != std::string::npos);
  CHECK(std::string(read_error_id(error.code())) == "malformed-xml");
}

TEST_CASE("a malformed package relationships part is malformed XML", "[readers][xlsx][errors]") {
  const ReadError error = caught_error(corpus("poi/xlsx-corrupted.xlsx"));
  CHECK(error.code() == ReadErrorCode::malformed_xml);
  CHECK(error.detail().find("_rels/.rels") != std::string::npos);
}

TEST_CASE("XML entity bombs are refused without expanding a single entity", "[readers][xlsx][errors][bomb]") {
  for (const char* name : {"poi/poc-xmlbomb.xlsx", "poi/poc-xmlbomb-empty.xlsx"}) {
    INFO(name);
    const ReadError error = caught_error(corpus(name));
    CHECK(error.code() == ReadErrorCode::malformed_xml);
    CHECK(error.detail().find("xl/sharedStrings.xml") != std::string::npos);
    CHECK(error.detail().find("DOCTYPE") != std::string::npos);
  }
}

TEST_CASE("elements nested deeper than the cap are refused", "[readers][xlsx][errors]") {
  const ReadError error = caught_error(quirk("deeply_nested_xml.xlsx"));
  CHECK(error.code() == ReadErrorCode::malformed_xml);
  CHECK(error.detail().find("deeper than 256") != std::string::npos);

  ReadLimits shallow;
  shallow.max_xml_depth = 3;  // worksheet > sheetData > row is fine, the cell inside is not
  CHECK(read_error_code([&] { read_workbook(quirk("hidden_rows_cols.xlsx"), shallow); }) ==
        ReadErrorCode::malformed_xml);
}

TEST_CASE("a sheet the workbook lists but the package lacks is a missing part", "[readers][xlsx][errors]") {
  const ReadError error = caught_error(quirk("missing_sheet_part.xlsx"));
  CHECK(error.code() == ReadErrorCode::missing_part);
  CHECK(error.detail().find("xl/worksheets/sheet1.xml") != std::string::npos);
}

TEST_CASE("cells over the cell cap make the workbook too large", "[readers][xlsx][limits]") {
  ReadLimits few_cells;
  few_cells.max_cells = 49;  // the fixture holds 50
  CHECK(read_error_code([&] { read_workbook(quirk("hidden_rows_cols.xlsx"), few_cells); }) ==
        ReadErrorCode::too_large);
  few_cells.max_cells = 50;
  CHECK(read_workbook(quirk("hidden_rows_cols.xlsx"), few_cells).sheets.at(0).rows.size() == 10);
}

TEST_CASE("text over the string-bytes cap makes the workbook too large", "[readers][xlsx][limits]") {
  ReadLimits little_text;
  little_text.max_string_bytes = 16;
  CHECK(read_error_code([&] { read_workbook(quirk("rich_text.xlsx"), little_text); }) == ReadErrorCode::too_large);
  CHECK(read_error_code([&] { read_workbook(quirk("inline_strings.xlsx"), little_text); }) ==
        ReadErrorCode::too_large);
}

TEST_CASE("one cell's text is cut at the string-length cap, never inside a character", "[readers][xlsx][limits]") {
  ReadLimits short_cells;
  short_cells.max_string_length = 5;
  const Workbook wb = read_workbook(quirk("inline_strings.xlsx"), short_cells);
  CHECK(cell_at(wb.sheets.at(0), "A1").text == "Nội d");
  const Workbook shared = read_workbook(quirk("rich_text.xlsx"), short_cells);
  CHECK(cell_at(shared.sheets.at(0), "A1").text == "Dự án");
}

TEST_CASE("a shared string referenced by many cells stops at the text cap", "[readers][xlsx][limits][bomb]") {
  // POI's proof of concept: a 1 MB shared string referenced by thousands of cells. Every copy is
  // cut to Excel's 32,767 characters and counted, so the copies hit the text cap, not the memory.
  const ReadError error = caught_error(corpus("poi/poc-shared-strings.xlsx"));
  CHECK(error.code() == ReadErrorCode::too_large);
  CHECK(error.detail().find("bytes of text") != std::string::npos);
}

TEST_CASE("more sheets than the cap make the workbook too large", "[readers][xlsx][limits]") {
  ReadLimits two_sheets;
  two_sheets.max_sheets = 2;
  CHECK(read_error_code([&] { read_workbook(quirk("vietnamese_sheet_names.xlsx"), two_sheets); }) ==
        ReadErrorCode::too_large);
}

TEST_CASE("read error codes have stable identifiers", "[readers][errors]") {
  CHECK(std::string(read_error_id(ReadErrorCode::io_error)) == "io-error");
  CHECK(std::string(read_error_id(ReadErrorCode::empty_file)) == "empty-file");
  CHECK(std::string(read_error_id(ReadErrorCode::not_a_spreadsheet)) == "not-a-spreadsheet");
  CHECK(std::string(read_error_id(ReadErrorCode::truncated)) == "truncated");
  CHECK(std::string(read_error_id(ReadErrorCode::encrypted)) == "encrypted");
  CHECK(std::string(read_error_id(ReadErrorCode::zip_bomb)) == "zip-bomb");
  CHECK(std::string(read_error_id(ReadErrorCode::too_large)) == "too-large");
  CHECK(std::string(read_error_id(ReadErrorCode::missing_part)) == "missing-part");
  CHECK(std::string(read_error_id(ReadErrorCode::unsupported)) == "unsupported");
}
