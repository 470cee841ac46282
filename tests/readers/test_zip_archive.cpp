// The zip layer: central directory, caps on inflated bytes (zip bombs, lying headers), damage.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>

#include "readers/workbook_reader.hpp"
#include "readers/zip_archive.hpp"
#include "test_xlsx_support.hpp"

using namespace phuluc;
using phuluc::test::file_bytes;
using phuluc::test::quirk;
using phuluc::test::read_error_code;
using phuluc::test::TempDir;

namespace {

// Writes a complete XLSX package whose only sheet is `megabytes` MiB of zeros, deflated by
// Python's zipfile (so a 1 GiB part takes about 1 MB on disk). With `lie`, both the local and the
// central header then claim the part inflates to 1,000 bytes.
std::filesystem::path make_zero_bomb(const TempDir& dir, int megabytes, bool lie) {
  const auto script = dir.path() / "bomb.py";
  const auto output = dir.path() / (lie ? "lying.xlsx" : "bomb.xlsx");
  std::ofstream(script) << R"PY(
import struct, sys, zipfile
path, megabytes, lie = sys.argv[1], int(sys.argv[2]), sys.argv[3] == "1"
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("[Content_Types].xml", '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
    z.writestr("_rels/.rels", f'<Relationships xmlns="{PKG}"><Relationship Id="rId1" Type="{REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>')
    z.writestr("xl/workbook.xml", f'<workbook xmlns="{MAIN}" xmlns:r="{REL}"><sheets><sheet name="Bomb" sheetId="1" r:id="rId1"/></sheets></workbook>')
    z.writestr("xl/_rels/workbook.xml.rels", f'<Relationships xmlns="{PKG}"><Relationship Id="rId1" Type="{REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>')
    with z.open("xl/worksheets/sheet1.xml", "w") as part:
        chunk = b"\0" * (1 << 20)
        for _ in range(megabytes):
            part.write(chunk)
if lie:
    with zipfile.ZipFile(path) as z:
        info = z.getinfo("xl/worksheets/sheet1.xml")
    data = bytearray(open(path, "rb").read())
    data[info.header_offset + 22:info.header_offset + 26] = struct.pack("<I", 1000)
    name = b"xl/worksheets/sheet1.xml"
    central = data.find(b"PK\x01\x02", data.rfind(b"PK\x05\x06") - 4096)
    while data[central + 46:central + 46 + len(name)] != name:
        central = data.find(b"PK\x01\x02", central + 4)
    data[central + 24:central + 28] = struct.pack("<I", 1000)
    open(path, "wb").write(bytes(data))
)PY";
  const std::string command = "/usr/bin/python3 " + script.string() + " " + output.string() + " " +
                              std::to_string(megabytes) + (lie ? " 1" : " 0");
  REQUIRE(std::system(command.c_str()) == 0);
  return output;
}

}  // namespace

TEST_CASE("zip archive finds parts case-insensitively through the central directory", "[readers][zip]") {
  const auto bytes = file_bytes(quirk("hidden_rows_cols.xlsx"));
  ZipArchive zip(bytes, ReadLimits{});
  CHECK(zip.contains("xl/workbook.xml"));
  CHECK(zip.contains("XL/Workbook.XML"));
  CHECK_FALSE(zip.contains("xl/nothing.xml"));
  const auto names = zip.names();
  CHECK(std::find(names.begin(), names.end(), "[Content_Types].xml") != names.end());
  const std::string workbook = zip.read_all("xl/workbook.xml");
  CHECK(workbook.find("<sheet ") != std::string::npos);
  CHECK(zip.total_inflated() == workbook.size());
  CHECK(read_error_code([&] { zip.open("xl/nothing.xml"); }) == ReadErrorCode::missing_part);
}

TEST_CASE("zip archive streams a part in chunks of the caller's size", "[readers][zip]") {
  const auto bytes = file_bytes(quirk("layout_print_setup.xlsx"));
  ZipArchive zip(bytes, ReadLimits{});
  const std::string whole = zip.read_all("xl/worksheets/sheet1.xml");
  ZipPartReader part = zip.open("xl/worksheets/sheet1.xml");
  std::string pieces;
  char buffer[7];
  while (const std::size_t got = part.read(buffer, sizeof buffer)) {
    CHECK(got <= sizeof buffer);
    pieces.append(buffer, got);
  }
  CHECK(pieces == whole);
  CHECK(part.name() == "xl/worksheets/sheet1.xml");
}

TEST_CASE("a truncated zip is reported as truncated", "[readers][zip][errors]") {
  auto bytes = file_bytes(quirk("hidden_rows_cols.xlsx"));
  SECTION("cut in half") { bytes.resize(bytes.size() / 2); }
  SECTION("end-of-central-directory record cut") { bytes.resize(bytes.size() - 10); }
  CHECK(read_error_code([&] { read_workbook_bytes(bytes); }) == ReadErrorCode::truncated);
}

TEST_CASE("damaged part data behind an intact directory is reported as truncated", "[readers][zip][errors]") {
  auto bytes = file_bytes(quirk("hidden_rows_cols.xlsx"));
  // Overwrite everything between the first local header and the central directory.
  const std::size_t eocd = bytes.size() - 22;
  REQUIRE(bytes[eocd] == std::byte{'P'});
  const std::size_t directory = std::to_integer<std::size_t>(bytes[eocd + 16]) |
                                std::to_integer<std::size_t>(bytes[eocd + 17]) << 8 |
                                std::to_integer<std::size_t>(bytes[eocd + 18]) << 16;
  for (std::size_t i = 64; i < directory; ++i) bytes[i] = std::byte{0xA5};
  ZipArchive zip(bytes, ReadLimits{});
  for (const auto& name : zip.names()) {
    INFO(name);
    CHECK(read_error_code([&] { zip.read_all(name); }) == ReadErrorCode::truncated);
  }
}

TEST_CASE("bytes that are not a zip are refused by the zip layer", "[readers][zip][errors]") {
  const auto bytes = phuluc::test::text_bytes("this is not a zip archive at all, just words");
  CHECK(read_error_code([&] { ZipArchive zip(bytes, ReadLimits{}); }) == ReadErrorCode::not_a_spreadsheet);
  const auto fake = phuluc::test::text_bytes(std::string("PK\x03\x04", 4) + "garbage after a zip signature");
  CHECK(read_error_code([&] { read_workbook_bytes(fake); }) == ReadErrorCode::truncated);
}

TEST_CASE("a zip entry encrypted with a password is reported as encrypted", "[readers][zip][errors]") {
  // Made by `zip -P secret` in make_xlsx_quirks.py.
  CHECK(read_error_code([] { read_workbook(quirk("encrypted_zip_entry.xlsx")); }) == ReadErrorCode::encrypted);
}

TEST_CASE("a 1 GiB part of zeros is refused as a zip bomb before it is inflated", "[readers][zip][bomb]") {
  TempDir dir;
  const auto bomb = make_zero_bomb(dir, 1024, false);
  CHECK(std::filesystem::file_size(bomb) < 4u << 20);  // about 1 MB on disk
  CHECK(read_error_code([&] { read_workbook(bomb); }) == ReadErrorCode::zip_bomb);

  // With the per-part cap lifted, the compression ratio still gives it away.
  ReadLimits no_part_cap;
  no_part_cap.max_part_bytes = 4ull << 30;
  no_part_cap.max_total_uncompressed = 4ull << 30;
  try {
    read_workbook(bomb, no_part_cap);
    FAIL("a zip bomb was read");
  } catch (const ReadError& error) {
    CHECK(error.code() == ReadErrorCode::zip_bomb);
    CHECK(std::string(error.detail()).find("ratio") != std::string::npos);
  }
}

TEST_CASE("a zip part whose headers lie about its size is stopped while inflating", "[readers][zip][bomb]") {
  TempDir dir;
  const auto lying = make_zero_bomb(dir, 64, true);  // claims 1,000 bytes, inflates to 64 MiB
  const auto bytes = file_bytes(lying);
  ZipArchive zip(bytes, ReadLimits{});
  const auto code = read_error_code([&] { zip.read_all("xl/worksheets/sheet1.xml"); });
  CHECK(code == ReadErrorCode::zip_bomb);
  CHECK(zip.total_inflated() < (4u << 20));  // stopped within a few MiB, not 64
}

TEST_CASE("the total inflated size over all parts is capped", "[readers][zip][bomb]") {
  ReadLimits tiny_total;
  tiny_total.max_total_uncompressed = 2000;
  CHECK(read_error_code([&] { read_workbook(quirk("hidden_rows_cols.xlsx"), tiny_total); }) ==
        ReadErrorCode::zip_bomb);
  ReadLimits tiny_part;
  tiny_part.max_part_bytes = 500;
  CHECK(read_error_code([&] { read_workbook(quirk("hidden_rows_cols.xlsx"), tiny_part); }) == ReadErrorCode::zip_bomb);
}
