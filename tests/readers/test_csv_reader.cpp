// The CSV reader against exports written by LibreOffice and Excel-style writers, checked field by
// field against Python's csv module.
#include <catch2/catch.hpp>

#include <functional>

#include "readers/csv/csv_dialect.hpp"
#include "readers/csv/csv_reader.hpp"
#include "readers/read_error.hpp"
#include "test_xls_support.hpp"

namespace phuluc {
namespace {

using test::source_path;

Workbook read_csv_file(const std::filesystem::path& path, const ReadLimits& limits = {}) {
  const std::string text = test::read_text_file(path);
  return read_csv(text, path.stem().string(), limits);
}

/// Every field of every record must be our cell at (record, field), text for text; empty fields
/// must have no cell; and we must have no other cells.
void check_against_python(const std::filesystem::path& path, char delimiter) {
  INFO(path.string());
  const Workbook workbook = read_csv_file(path);
  REQUIRE(workbook.sheets.size() == 1);
  const Sheet& sheet = workbook.sheets[0];
  const auto records = test::python_csv_records(path, delimiter);
  REQUIRE_FALSE(records.empty());
  std::size_t non_empty = 0;
  for (std::uint32_t row = 0; row < records.size(); ++row) {
    for (std::uint32_t col = 0; col < records[row].size(); ++col) {
      const std::string& field = records[row][col];
      const Cell* cell = sheet.find(CellRef{row, col});
      INFO(to_a1(CellRef{row, col}) << " = '" << field << "'");
      if (field.empty()) {
        CHECK(cell == nullptr);
        continue;
      }
      ++non_empty;
      REQUIRE(cell != nullptr);
      CHECK(cell->kind == CellKind::text);
      CHECK(cell->text == field);
    }
  }
  std::size_t ours = 0;
  for (const auto& row : sheet.rows) ours += row.cells.size();
  CHECK(ours == non_empty);
}

ReadErrorCode error_code_of(const std::function<void()>& action) {
  try {
    action();
  } catch (const ReadError& error) {
    return error.code();
  }
  FAIL("no ReadError thrown");
  return ReadErrorCode::io_error;
}

}  // namespace

TEST_CASE("csv reader agrees with Python's csv module on LibreOffice exports with each delimiter", "[readers][csv][oracle]") {
  check_against_python(source_path("samples/quirks/csv/libreoffice_comma.csv"), ',');
  check_against_python(source_path("samples/quirks/csv/libreoffice_semicolon.csv"), ';');
  check_against_python(source_path("samples/quirks/csv/libreoffice_tab.csv"), '\t');
}

TEST_CASE("csv reader reads the three LibreOffice exports of one sheet into the same cells", "[readers][csv]") {
  const Workbook comma = read_csv_file(source_path("samples/quirks/csv/libreoffice_comma.csv"));
  const Workbook semicolon = read_csv_file(source_path("samples/quirks/csv/libreoffice_semicolon.csv"));
  const Workbook tab = read_csv_file(source_path("samples/quirks/csv/libreoffice_tab.csv"));
  REQUIRE(comma.sheets[0].rows.size() == semicolon.sheets[0].rows.size());
  REQUIRE(comma.sheets[0].rows.size() == tab.sheets[0].rows.size());
  for (std::size_t r = 0; r < comma.sheets[0].rows.size(); ++r) {
    const auto& a = comma.sheets[0].rows[r];
    for (const Workbook* other : {&semicolon, &tab}) {
      const auto& b = other->sheets[0].rows[r];
      CHECK(a.index == b.index);
      REQUIRE(a.cells.size() == b.cells.size());
      for (std::size_t c = 0; c < a.cells.size(); ++c) {
        CHECK(a.cells[c].col == b.cells[c].col);
        CHECK(a.cells[c].text == b.cells[c].text);
      }
    }
  }
  // The quoted field with an embedded line break and the decimal comma both survive.
  const Cell* note = comma.sheets[0].find(*parse_a1("D2"));
  REQUIRE(note != nullptr);
  CHECK(note->text == "dòng 1\ndòng 2");
  const Cell* plan = comma.sheets[0].find(*parse_a1("C2"));
  REQUIRE(plan != nullptr);
  CHECK(plan->text == "82,262");
}

TEST_CASE("csv reader handles an Excel-style export: BOM, CRLF, semicolons and decimal commas", "[readers][csv]") {
  const auto path = source_path("samples/quirks/csv/excel_bom_crlf_semicolon.csv");
  check_against_python(path, ';');
  const Workbook workbook = read_csv_file(path);
  CHECK(workbook.format == SourceFormat::csv);
  CHECK(workbook.sheets[0].name == "excel_bom_crlf_semicolon");
  const Cell* header = workbook.sheets[0].find(*parse_a1("A1"));
  REQUIRE(header != nullptr);
  CHECK(header->text == "STT");  // no BOM glued to the first field
  const Cell* last = workbook.sheets[0].find(*parse_a1("C4"));
  REQUIRE(last != nullptr);
  CHECK(last->text == "121,258");  // no CR left at the end of a line
}

TEST_CASE("csv reader follows RFC 4180 quoting", "[readers][csv]") {
  check_against_python(source_path("samples/quirks/csv/rfc4180_quoting.csv"), ',');
}

TEST_CASE("csv reader reads the sample appendix exported with semicolons", "[readers][csv]") {
  check_against_python(source_path("samples/appendices/lung_phinh_2025_dau_tu.csv"), ';');
}

TEST_CASE("csv delimiter detection picks the most consistent split", "[readers][csv][dialect]") {
  CHECK(detect_csv_delimiter("STT;Nội dung;Kế hoạch\n1;Dự án 1;82,262\n2;Dự án 2;38,996\n") == ';');
  CHECK(detect_csv_delimiter("a,b,c\n1,2,3\n4,5,6\n") == ',');
  CHECK(detect_csv_delimiter("a\tb\tc\n1\t2,5\t3\n") == '\t');
  // Semicolons inside quotes do not count.
  CHECK(detect_csv_delimiter("\"x;y;z\",b\n\"1;2;3\",c\n") == ',');
  // One column: nothing splits.
  CHECK(detect_csv_delimiter("Tổng cộng\n42\n") == ',');
  // A BOM does not disturb the first record.
  CHECK(detect_csv_delimiter("\xEF\xBB\xBF" "a;b\n1;2\n") == ';');
}

TEST_CASE("csv reader refuses text that is not UTF-8 or holds NUL bytes", "[readers][csv][errors]") {
  CHECK(error_code_of([] { read_csv_file(source_path("samples/quirks/csv/windows1258_not_utf8.csv")); }) ==
        ReadErrorCode::not_a_spreadsheet);
  CHECK(error_code_of([] { read_csv_file(source_path("samples/quirks/csv/nul_byte.csv")); }) ==
        ReadErrorCode::not_a_spreadsheet);
  // Overlong encodings and surrogates are not UTF-8 either.
  CHECK(error_code_of([] { read_csv("a,\xC0\xAF\n", "x"); }) == ReadErrorCode::not_a_spreadsheet);
  CHECK(error_code_of([] { read_csv("a,\xED\xA0\x80\n", "x"); }) == ReadErrorCode::not_a_spreadsheet);
}

TEST_CASE("csv reader stops at its caps", "[readers][csv][limits]") {
  const auto path = source_path("samples/quirks/csv/libreoffice_comma.csv");
  const Workbook full = read_csv_file(path);
  std::size_t cells = 0;
  for (const auto& row : full.sheets[0].rows) cells += row.cells.size();

  SECTION("cells") {
    ReadLimits limits;
    limits.max_cells = cells - 1;
    CHECK(error_code_of([&] { read_csv_file(path, limits); }) == ReadErrorCode::too_large);
    limits.max_cells = cells;
    CHECK_NOTHROW(read_csv_file(path, limits));
  }
  SECTION("text bytes") {
    ReadLimits limits;
    limits.max_string_bytes = 10;
    CHECK(error_code_of([&] { read_csv_file(path, limits); }) == ReadErrorCode::too_large);
  }
  SECTION("one field's length, in characters") {
    ReadLimits limits;
    limits.max_string_length = 3;
    const Workbook workbook = read_csv_file(path, limits);
    const Cell* header = workbook.sheets[0].find(*parse_a1("B1"));
    REQUIRE(header != nullptr);
    CHECK(header->text == "Nội");
  }
  SECTION("a record with more fields than a sheet has columns") {
    const std::string wide(kMaxCols + 1, ';');
    CHECK(error_code_of([&] { read_csv("a;b\n" + wide + "x\n", "wide"); }) == ReadErrorCode::too_large);
  }
}

}  // namespace phuluc
