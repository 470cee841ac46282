// read_workbook / read_workbook_bytes: the reader is chosen from the bytes, never from the name.
#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <chrono>
#include <fstream>

#include "readers/workbook_reader.hpp"
#include "test_xlsx_support.hpp"

using namespace phuluc;
using phuluc::test::cell_at;
using phuluc::test::corpus;
using phuluc::test::file_bytes;
using phuluc::test::quirk;
using phuluc::test::read_error_code;
using phuluc::test::TempDir;
using phuluc::test::text_bytes;

namespace {

void write_file(const std::filesystem::path& path, std::string_view content) {
  std::ofstream out(path, std::ios::binary);
  out.write(content.data(), static_cast<std::streamsize>(content.size()));
  REQUIRE(out.good());
}

// Names of the reader's temporary files in the temp folder (they must not outlive a read).
std::vector<std::string> reader_temp_files() {
  std::vector<std::string> out;
  for (const auto& entry : std::filesystem::directory_iterator(std::filesystem::temp_directory_path()))
    if (entry.path().filename().string().starts_with("phuluc-xls-")) out.push_back(entry.path().string());
  return out;
}

}  // namespace

TEST_CASE("an empty file or buffer is reported as empty", "[readers][dispatch]") {
  CHECK(read_error_code([] { read_workbook_bytes({}); }) == ReadErrorCode::empty_file);
  TempDir dir;
  write_file(dir.path() / "empty.xlsx", "");
  CHECK(read_error_code([&] { read_workbook(dir.path() / "empty.xlsx"); }) == ReadErrorCode::empty_file);
}

TEST_CASE("a missing path or a directory is an I/O error", "[readers][dispatch]") {
  TempDir dir;
  CHECK(read_error_code([&] { read_workbook(dir.path() / "no_such_file.xlsx"); }) == ReadErrorCode::io_error);
  CHECK(read_error_code([&] { read_workbook(dir.path()); }) == ReadErrorCode::io_error);
}

TEST_CASE("bytes that are no spreadsheet kind are refused", "[readers][dispatch]") {
  const std::string binary("\x7F" "ELF\x02\x01\x01\x00\x00\x00", 10);
  CHECK(read_error_code([&] { read_workbook_bytes(text_bytes(binary)); }) == ReadErrorCode::not_a_spreadsheet);
  // Windows-1258 / Latin-1 text is not UTF-8: refused rather than misread.
  const std::string latin1 = "STT;N\xF4i dung\n1;D\xF9 \xE1n\n";
  CHECK(read_error_code([&] { read_workbook_bytes(text_bytes(latin1)); }) == ReadErrorCode::not_a_spreadsheet);
  // UTF-8 text with a NUL byte is binary.
  const std::string with_nul("a,b\n1,\0\n", 8);
  CHECK(read_error_code([&] { read_workbook_bytes(text_bytes(with_nul)); }) == ReadErrorCode::not_a_spreadsheet);
  // An empty zip (only the end-of-central-directory record) holds no workbook.
  const std::string empty_zip = std::string("PK\x05\x06", 4) + std::string(18, '\0');
  CHECK(read_error_code([&] { read_workbook_bytes(text_bytes(empty_zip)); }) == ReadErrorCode::not_a_spreadsheet);
}

TEST_CASE("OpenDocument and binary (.xlsb) packages are unsupported, not misread", "[readers][dispatch]") {
  CHECK(read_error_code([] { read_workbook(quirk("opendocument.ods")); }) == ReadErrorCode::unsupported);
  CHECK(read_error_code([] { read_workbook(quirk("binary_workbook.xlsb")); }) == ReadErrorCode::unsupported);
}

TEST_CASE("a zip is read as XLSX whatever the file is named", "[readers][dispatch]") {
  TempDir dir;
  const auto renamed = dir.path() / "bieu_01.csv";
  std::filesystem::copy_file(quirk("hidden_rows_cols.xlsx"), renamed);
  const Workbook wb = read_workbook(renamed);
  CHECK(wb.format == SourceFormat::xlsx);
  CHECK(cell_at(wb.sheets.at(0), "E10").number == 105);

  const Workbook from_bytes = read_workbook_bytes(file_bytes(quirk("hidden_rows_cols.xlsx")), {}, "x.csv");
  CHECK(from_bytes.format == SourceFormat::xlsx);
}

TEST_CASE("files over the size cap are refused before they are read", "[readers][dispatch][limits]") {
  ReadLimits small;
  small.max_file_bytes = 1000;
  CHECK(read_error_code([&] { read_workbook(quirk("hidden_rows_cols.xlsx"), small); }) == ReadErrorCode::too_large);
  CHECK(read_error_code([&] { read_workbook_bytes(file_bytes(quirk("hidden_rows_cols.xlsx")), small); }) ==
        ReadErrorCode::too_large);
}

TEST_CASE("UTF-8 text goes to the CSV reader, named after the file", "[readers][dispatch][csv]") {
  const std::string csv = "\xEF\xBB\xBFSTT,Nội dung,Kế hoạch\n1,Dự án 1,\"1.234,5\"\n";
  const Workbook from_bytes = read_workbook_bytes(text_bytes(csv), {}, "phu_luc_II.csv");
  CHECK(from_bytes.format == SourceFormat::csv);
  REQUIRE(from_bytes.sheets.size() == 1);
  CHECK(from_bytes.sheets[0].name == "phu_luc_II");

  const Workbook unnamed = read_workbook_bytes(text_bytes(csv));
  CHECK(unnamed.sheets.at(0).name == "CSV");

  TempDir dir;
  write_file(dir.path() / "bieu_03.csv", csv);
  const Workbook from_path = read_workbook(dir.path() / "bieu_03.csv");
  CHECK(from_path.format == SourceFormat::csv);
  CHECK(from_path.sheets.at(0).name == "bieu_03");
}

TEST_CASE("CSV cells arrive through the dispatcher as text", "[readers][dispatch][csv]") {
  const std::string csv = "STT,Nội dung\n1,Dự án 1\n";
  const Workbook wb = read_workbook_bytes(text_bytes(csv), {}, "x.csv");
  CHECK(cell_at(wb.sheets.at(0), "B1").text == "Nội dung");
  CHECK(cell_at(wb.sheets.at(0), "B2").text == "Dự án 1");
}

TEST_CASE("OLE2 files go to the XLS reader, from a path or from bytes", "[readers][dispatch][xls]") {
  const auto before = reader_temp_files();
  const Workbook from_path = read_workbook(corpus("calamine/date.xls"));
  CHECK(from_path.format == SourceFormat::xls);
  CHECK(cell_at(from_path.sheets.at(0), "B2").number == 16);

  const Workbook from_bytes = read_workbook_bytes(file_bytes(corpus("calamine/date.xls")));
  CHECK(from_bytes.format == SourceFormat::xls);
  CHECK(cell_at(from_bytes.sheets.at(0), "A1").number == Approx(44197.0));
  CHECK(reader_temp_files() == before);  // the private temporary copy is gone
}

TEST_CASE("a password-protected XLSX (an OLE2 EncryptedPackage) is reported as encrypted", "[readers][dispatch][xls]") {
  CHECK(read_error_code([] { read_workbook(corpus("poi/protected_passtika.xlsx")); }) == ReadErrorCode::encrypted);
  const auto before = reader_temp_files();
  CHECK(read_error_code([] { read_workbook_bytes(file_bytes(corpus("calamine/pass_protected.xlsx"))); }) ==
        ReadErrorCode::encrypted);
  CHECK(reader_temp_files() == before);
}

TEST_CASE("read_workbook never modifies the file it reads", "[readers][dispatch]") {
  TempDir dir;
  const std::filesystem::path sources[] = {quirk("merged_header_3_rows.xlsx"), quirk("malformed_sheet_xml.xlsx"),
                                           corpus("calamine/date.xls")};
  for (const auto& source : sources) {
    INFO(source);
    const auto copy = dir.path() / source.filename();
    std::filesystem::copy_file(source, copy);
    const auto old_time = std::filesystem::file_time_type::clock::now() - std::chrono::hours(48);
    std::filesystem::last_write_time(copy, old_time);
    ::chmod(copy.c_str(), 0444);  // read-only: any attempt to write would fail loudly
    const auto bytes_before = file_bytes(copy);
    try {
      (void)read_workbook(copy);
    } catch (const ReadError&) {
      // The malformed sample throws; it must still be left alone.
    }
    CHECK(file_bytes(copy) == bytes_before);
    CHECK(std::filesystem::last_write_time(copy) == old_time);
  }
}
