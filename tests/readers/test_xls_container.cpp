// The OLE2 container checks and the record fixes that keep FreeXL on its feet, on real files and
// on copies of them with one thing broken.
#include <catch2/catch.hpp>

#include <cstring>
#include <functional>
#include <utility>

#include "readers/read_error.hpp"
#include "readers/xls/biff_scan.hpp"
#include "readers/xls/compound_file.hpp"
#include "readers/xls/xls_reader.hpp"
#include "test_xls_support.hpp"

namespace phuluc {
namespace {

using test::corpus_path;
using test::source_path;

std::vector<std::byte> file_bytes(const std::filesystem::path& path) {
  const std::string text = test::read_text_file(path);
  const auto* data = reinterpret_cast<const std::byte*>(text.data());
  return {data, data + text.size()};
}

std::uint32_t u32_at(const std::vector<std::byte>& bytes, std::size_t offset) {
  std::uint32_t value = 0;
  for (int i = 3; i >= 0; --i) value = (value << 8) | std::to_integer<std::uint32_t>(bytes[offset + static_cast<std::size_t>(i)]);
  return value;
}

void put_u32(std::vector<std::byte>& bytes, std::uint64_t offset, std::uint32_t value) {
  for (std::size_t i = 0; i < 4; ++i) bytes[static_cast<std::size_t>(offset + i)] = static_cast<std::byte>((value >> (8 * i)) & 0xFF);
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

bool same_cells(const Workbook& a, const Workbook& b) {
  if (a.sheets.size() != b.sheets.size()) return false;
  for (std::size_t s = 0; s < a.sheets.size(); ++s) {
    const auto& rows_a = a.sheets[s].rows;
    const auto& rows_b = b.sheets[s].rows;
    if (rows_a.size() != rows_b.size()) return false;
    for (std::size_t r = 0; r < rows_a.size(); ++r) {
      if (rows_a[r].index != rows_b[r].index || rows_a[r].cells.size() != rows_b[r].cells.size()) return false;
      for (std::size_t c = 0; c < rows_a[r].cells.size(); ++c) {
        const Cell& x = rows_a[r].cells[c];
        const Cell& y = rows_b[r].cells[c];
        if (x.col != y.col || x.kind != y.kind || x.text != y.text || x.number != y.number) return false;
      }
    }
  }
  return true;
}

}  // namespace

TEST_CASE("compound file reader lists the streams of a LibreOffice .xls", "[readers][xls][ole2]") {
  const auto bytes = file_bytes(source_path("samples/quirks/xls/formulas_and_dates.xls"));
  const ole2::CompoundFile container(bytes);
  REQUIRE_FALSE(container.entries().empty());
  CHECK(container.entries().front().type == ole2::DirectoryEntry::Type::root);
  const auto* workbook = container.find("workbook");  // any ASCII case
  REQUIRE(workbook != nullptr);
  const auto stream = container.read_stream(*workbook, 1 << 20);
  CHECK(stream.size() == workbook->size);
  // A BIFF8 stream starts with a BOF record (0x0809) of version 0x0600.
  REQUIRE(stream.size() > 8);
  CHECK(std::to_integer<int>(stream[0]) == 0x09);
  CHECK(std::to_integer<int>(stream[1]) == 0x08);
  CHECK(std::to_integer<int>(stream[5]) == 0x06);
  CHECK(error_code_of([&] { container.read_stream(*workbook, workbook->size - 1); }) == ReadErrorCode::too_large);
}

TEST_CASE("compound file reader reports a FAT chain that loops as truncated", "[readers][xls][ole2]") {
  auto bytes = file_bytes(source_path("samples/appendices/muong_kim_2026.xls"));
  const std::uint32_t start = [&] {
    const ole2::CompoundFile container(bytes);
    const auto* workbook = container.find("Workbook");
    REQUIRE(workbook != nullptr);
    REQUIRE(workbook->size > 4096);  // a regular stream, several sectors long
    return workbook->start_sector;
  }();
  // The first FAT sector is listed at header offset 0x4C; with 512-byte sectors it holds entries 0-127.
  const std::uint32_t fat_sector = u32_at(bytes, 0x4C);
  REQUIRE(start < 128);
  put_u32(bytes, (static_cast<std::uint64_t>(fat_sector) + 1) * 512 + 4 * start, start);
  CHECK(error_code_of([&] { read_xls_bytes(bytes); }) == ReadErrorCode::truncated);
}

TEST_CASE("biff scan widens a DIMENSION record that understates the cells, so FreeXL reads them all", "[readers][xls][biff]") {
  const auto original = file_bytes(source_path("samples/quirks/xls/formulas_and_dates.xls"));
  auto broken = original;
  {
    const ole2::CompoundFile container(original);
    const auto* workbook = container.find("Workbook");
    REQUIRE(workbook != nullptr);
    const auto stream = container.read_stream(*workbook, 1 << 20);
    const auto map = container.map_stream(*workbook, 1 << 20);
    // Find the first DIMENSION record (0x0200) and claim a 1 × 1 sheet.
    std::size_t pos = 0, found = 0;
    while (pos + 4 <= stream.size()) {
      const unsigned type = std::to_integer<unsigned>(stream[pos]) | (std::to_integer<unsigned>(stream[pos + 1]) << 8);
      const unsigned size = std::to_integer<unsigned>(stream[pos + 2]) | (std::to_integer<unsigned>(stream[pos + 3]) << 8);
      if (type == 0x0200) {
        found = pos;
        break;
      }
      pos += 4 + size;
    }
    REQUIRE(found > 0);
    for (std::size_t i = 0; i < 4; ++i) broken[map.file_offset(found + 8 + i)] = std::byte{i == 0 ? std::uint8_t{1} : std::uint8_t{0}};
    broken[map.file_offset(found + 14)] = std::byte{1};
    broken[map.file_offset(found + 15)] = std::byte{0};
  }
  CHECK(same_cells(read_xls_bytes(broken), read_xls_bytes(original)));
}

TEST_CASE("xls reader finds the Workbook stream where FreeXL alone would not", "[readers][xls][ole2]") {
  // "WORKBOOK" in capitals, and a file holding both a "Book" and a "Workbook" stream of exactly
  // the mini-stream cutoff size: FreeXL by itself reports no workbook or reads the wrong one.
  for (const char* name : {"poi/WORKBOOK_in_capitals.xls", "poi/UncalcedRecord.xls"}) {
    INFO(name);
    const Workbook workbook = read_xls(corpus_path(name));
    std::size_t cells = 0;
    for (const auto& sheet : workbook.sheets)
      for (const auto& row : sheet.rows) cells += row.cells.size();
    CHECK(cells > 0);
  }
}

TEST_CASE("xls reader goes by the BOF record's version, not by a stream named Book", "[readers][xls][ole2]") {
  SECTION("BIFF8 workbooks whose stream is named Book or BOOK, from the corpus") {
    // Excel 5.0/95 named the stream "Book"; these writers did so for BIFF8 (BOF version 0x0600).
    const std::pair<const char*, std::size_t> files[] = {{"poi/46904.xls", 92'265}, {"poi/BOOK_in_capitals.xls", 56}};
    for (const auto& [name, expected_cells] : files) {
      INFO(name);
      const Workbook workbook = read_xls(corpus_path(name));
      std::size_t cells = 0;
      for (const auto& sheet : workbook.sheets)
        for (const auto& row : sheet.rows) cells += row.cells.size();
      CHECK(cells == expected_cells);
    }
    // Also BIFF8, with one empty sheet (xlrd reads no cell), but FreeXL gives no workbook for it
    // even under the name "Workbook": refused for that, no longer as Excel 95.
    CHECK(error_code_of([] { read_xls(corpus_path("calamine/capitalized_wbook_stream.xls")); }) == ReadErrorCode::truncated);
  }
  SECTION("a LibreOffice file with its Workbook stream renamed Book reads the same") {
    const auto original = file_bytes(source_path("samples/quirks/xls/formulas_and_dates.xls"));
    auto renamed = original;
    const ole2::CompoundFile container(original);
    const auto* workbook = container.find("Workbook");
    REQUIRE(workbook != nullptr);
    const auto index = static_cast<std::size_t>(workbook - container.entries().data());
    const std::uint64_t entry = container.directory_entry_offset(index);
    const char16_t name[] = u"Book";
    for (std::size_t i = 0; i < 32; ++i) {
      const char16_t c = i < 4 ? name[i] : u'\0';
      renamed[static_cast<std::size_t>(entry + 2 * i)] = static_cast<std::byte>(c & 0xFF);
      renamed[static_cast<std::size_t>(entry + 2 * i + 1)] = static_cast<std::byte>(c >> 8);
    }
    renamed[static_cast<std::size_t>(entry + 0x40)] = std::byte{10};  // name length in bytes, with the NUL
    renamed[static_cast<std::size_t>(entry + 0x41)] = std::byte{0};
    REQUIRE(ole2::CompoundFile(renamed).find("Workbook") == nullptr);
    REQUIRE(ole2::CompoundFile(renamed).find("Book") != nullptr);
    CHECK(same_cells(read_xls_bytes(renamed), read_xls_bytes(original)));
  }
  SECTION("an Excel 95 workbook (stream Book, BOF version 0x0500) stays unsupported") {
    CHECK(error_code_of([] { read_xls(source_path("samples/quirks/xls/biff5_excel95.xls")); }) == ReadErrorCode::unsupported);
  }
}

TEST_CASE("biff scan reports what FreeXL will allocate and when it would loop on dates", "[readers][xls][biff]") {
  const auto bytes = file_bytes(source_path("samples/quirks/xls/formulas_and_dates.xls"));
  const ole2::CompoundFile container(bytes);
  const auto stream = container.read_stream(*container.find("Workbook"), 1 << 20);
  const auto scan = biff::scan_workbook_stream(stream, 1'000'000);
  CHECK(scan.version == biff::kBiff8);
  CHECK_FALSE(scan.has_filepass);
  REQUIRE(scan.sheets.size() == 3);
  CHECK(scan.sheets[1].visibility == 1);  // "Ẩn"
  // Biểu 01 spans A1:F8 (48 cells), Ẩn B2 (2 × 2), Biểu 02 C3 (3 × 3): the patched grid.
  CHECK(scan.freexl_grid_cells == 48 + 4 + 9);
  // Two dated cells in 2026 (serial ≈ 46,188) cost FreeXL about that many steps each.
  CHECK(scan.freexl_date_steps > 2 * 46000);
  CHECK(scan.freexl_date_steps < 2 * 46300);
}

namespace {

/// One BIFF record: type, length, body (little-endian).
void append_record(std::vector<std::byte>& stream, std::uint16_t type, const std::vector<std::uint8_t>& body) {
  const unsigned kind = type;
  const auto length = static_cast<unsigned>(body.size());
  for (const unsigned value : {kind & 0xFFu, kind >> 8u, length & 0xFFu, length >> 8u}) stream.push_back(static_cast<std::byte>(value));
  for (const std::uint8_t value : body) stream.push_back(static_cast<std::byte>(value));
}

/// A workbook stream of one sheet "S" whose substream holds `dimension` as its DIMENSION body;
/// `sheet_listed` false points the BOUNDSHEET elsewhere, so FreeXL selects no sheet for it.
std::vector<std::byte> one_sheet_stream(const std::vector<std::uint8_t>& dimension, bool sheet_listed) {
  const std::vector<std::uint8_t> bof_globals = {0x00, 0x06, 0x05, 0x00, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
  const std::vector<std::uint8_t> bof_sheet = {0x00, 0x06, 0x10, 0x00, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
  // Globals: BOF (20 bytes), BOUNDSHEET (4 + 9), EOF (4); the sheet's BOF starts at 37.
  const std::uint8_t sheet_offset = sheet_listed ? 37 : 99;
  std::vector<std::byte> stream;
  append_record(stream, 0x0809, bof_globals);
  append_record(stream, 0x0085, {sheet_offset, 0, 0, 0, 0, 0, 1, 0, 'S'});
  append_record(stream, 0x000A, {});
  REQUIRE(stream.size() == 37);
  append_record(stream, 0x0809, bof_sheet);
  append_record(stream, 0x0200, dimension);
  append_record(stream, 0x0203, {0, 0, 0, 0, 0x0F, 0, 0, 0, 0, 0, 0, 0, 0xF0, 0x3F});  // A1 = 1
  append_record(stream, 0x000A, {});
  return stream;
}

}  // namespace

TEST_CASE("biff scan flags a sheet's DIMENSION record shorter than the 12 bytes FreeXL reads", "[readers][xls][biff]") {
  const std::vector<std::uint8_t> whole = {0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0};  // rows 0-0, columns 0-0
  const auto sound = biff::scan_workbook_stream(one_sheet_stream(whole, true), 1'000);
  CHECK_FALSE(sound.short_dimension);
  CHECK(sound.freexl_grid_cells == 1);
  // FreeXL takes the rows from bytes 4-7 and the columns from bytes 10-11, whatever the length.
  for (const std::size_t length : {0, 6, 11}) {
    INFO(length);
    const std::vector<std::uint8_t> cut(whole.begin(), whole.begin() + static_cast<std::ptrdiff_t>(length));
    CHECK(biff::scan_workbook_stream(one_sheet_stream(cut, true), 1'000).short_dimension);
    // In a substream no BOUNDSHEET points at, FreeXL has no sheet to size and skips the record.
    CHECK_FALSE(biff::scan_workbook_stream(one_sheet_stream(cut, false), 1'000).short_dimension);
  }
  const std::vector<std::uint8_t> twelve(whole.begin(), whole.begin() + 12);
  CHECK_FALSE(biff::scan_workbook_stream(one_sheet_stream(twelve, true), 1'000).short_dimension);
}

TEST_CASE("biff scan reads a FORMULA record under BIFF4's id 0x0406 as a BIFF8 FORMULA", "[readers][xls][biff]") {
  // B1 = a formula whose cached result is 2.5, in the BIFF8 layout: row, column, XF, result,
  // flags, chain (4 bytes), then a formula of 3 bytes (ptgInt 1, say).
  const std::vector<std::uint8_t> formula = {0, 0, 1, 0, 0x0F, 0, 0, 0, 0, 0, 0, 0, 0x04, 0x40,
                                             0, 0, 0, 0, 0, 0, 3, 0, 0x1E, 1, 0};
  for (const std::uint16_t type : {std::uint16_t{0x0006}, std::uint16_t{0x0406}}) {
    INFO(type);
    auto stream = one_sheet_stream({0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 2, 0, 0, 0}, true);
    stream.resize(stream.size() - 4);  // the sheet's EOF goes after the formula
    append_record(stream, type, formula);
    append_record(stream, 0x000A, {});
    const auto scan = biff::scan_workbook_stream(stream, 1'000);
    REQUIRE(scan.cells.size() == 1);
    REQUIRE(scan.cells[0].size() == 1);
    const auto& cell = scan.cells[0][0];
    CHECK(cell.row == 0);
    CHECK(cell.col == 1);
    CHECK(cell.cell.kind == CellKind::number);
    CHECK(cell.cell.has_formula);
    CHECK(cell.cell.number == 2.5);
  }
}

TEST_CASE("biff scan reads on and stops where FreeXL does, in ordinary sectors and in the mini stream", "[readers][xls][biff]") {
  // A sound sheet, then (inside it) a record of type 0 and length 0, then a DIMENSION of 0 bytes.
  auto stream = one_sheet_stream({0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0}, true);
  stream.resize(stream.size() - 4);  // drop the sheet's EOF
  append_record(stream, 0x0000, {});
  append_record(stream, 0x0200, {});
  append_record(stream, 0x000A, {});
  // In ordinary sectors FreeXL stops at the empty record, and so does the scan.
  CHECK_FALSE(biff::scan_workbook_stream(stream, 1'000, false).short_dimension);
  CHECK(biff::scan_workbook_stream(stream, 1'000, true).short_dimension);

  // A last record running past the stream's end: FreeXL reads it on from the last sector's slack,
  // or past its copy of the mini stream.
  auto cut = one_sheet_stream({0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0}, true);
  append_record(cut, 0x0203, std::vector<std::uint8_t>(14, 0));
  cut.resize(cut.size() - 5);
  CHECK(biff::scan_workbook_stream(cut, 1'000, false).record_overrun);
  CHECK(biff::scan_workbook_stream(cut, 1'000, true).record_overrun);
  CHECK_FALSE(biff::scan_workbook_stream(one_sheet_stream({0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0}, true), 1'000, true)
                  .record_overrun);
  // A record longer than 8,224 bytes: FreeXL stops there in ordinary sectors, copies it from the mini stream.
  auto big = one_sheet_stream({0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0}, true);
  append_record(big, 0x00EF, std::vector<std::uint8_t>(8225, 0));
  CHECK_FALSE(biff::scan_workbook_stream(big, 1'000, false).record_overrun);
  CHECK(biff::scan_workbook_stream(big, 1'000, true).record_overrun);
}

}  // namespace phuluc
