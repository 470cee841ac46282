// Files that cannot be read must fail with exactly the right ReadErrorCode, through the same entry
// point the tools use. Inputs are real files (other programs' output, the corpus) or copies of
// them broken in one way in a temporary folder.
#include <catch2/catch.hpp>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <span>
#include <stdexcept>
#include <string>

#include "readers/read_error.hpp"
#include "readers/workbook_reader.hpp"

namespace phuluc {
namespace {

namespace fs = std::filesystem;

fs::path source_path(const std::string& relative) { return fs::path(PHULUC_SOURCE_DIR) / relative; }
fs::path corpus_path(const std::string& relative) { return fs::path(PHULUC_SHARED_DIR) / "corpus" / relative; }

class TempFolder {
 public:
  TempFolder() {
    std::random_device seed;
    path_ = fs::temp_directory_path() / ("phuluc-bad-input-" + std::to_string(seed()) + std::to_string(seed()));
    fs::create_directories(path_);
  }
  ~TempFolder() {
    std::error_code ignored;
    fs::remove_all(path_, ignored);
  }
  TempFolder(const TempFolder&) = delete;
  TempFolder& operator=(const TempFolder&) = delete;
  fs::path operator/(const std::string& name) const { return path_ / name; }

 private:
  fs::path path_;
};

std::string read_bytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot open " + path.string());
  return std::string(std::istreambuf_iterator<char>(in), {});
}

fs::path write_bytes(const fs::path& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!out) throw std::runtime_error("cannot write " + path.string());
  return path;
}

std::string shell_quote(const std::string& text) {
  std::string quoted = "'";
  for (const char c : text) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return quoted + "'";
}

/// Runs Debian's Python (it has zipfile, zlib, struct) on a script with arguments.
void run_python(const std::string& script, const std::vector<std::string>& args) {
  std::string command = "/usr/bin/python3 -c " + shell_quote(script);
  for (const auto& arg : args) command += " " + shell_quote(arg);
  if (std::system(command.c_str()) != 0) throw std::runtime_error("python failed: " + script);
}

/// Rewrites one part of a real .xlsx into a copy: python zipfile, every other part kept as is.
constexpr const char* kReplacePart = R"PY(
import sys, zipfile
src, dst, part, content_file = sys.argv[1:5]
content = open(content_file, 'rb').read()
with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, 'w', zipfile.ZIP_DEFLATED) as zout:
    for info in zin.infolist():
        data = content if info.filename == part else zin.read(info.filename)
        zout.writestr(info.filename, data)
)PY";

std::string error_id_of(const fs::path& path, const ReadLimits& limits = {}) {
  try {
    read_workbook(path, limits);
  } catch (const ReadError& error) {
    return read_error_id(error.code());
  }
  return "no error";
}

std::string first_half(const fs::path& path) {
  const std::string bytes = read_bytes(path);
  return bytes.substr(0, bytes.size() / 2);
}

}  // namespace

TEST_CASE("bad input: files that are not spreadsheets at all", "[corpus][bad-input]") {
  TempFolder temp;
  SECTION("a PNG image, whatever its name") {
    // A 1 × 1 PNG written by Python's zlib and struct.
    const fs::path png = temp / "bieu_01.xlsx";
    run_python(R"PY(
import struct, sys, zlib
def chunk(kind, data): return struct.pack('>I', len(data)) + kind + data + struct.pack('>I', zlib.crc32(kind + data))
raw = b'\x00\xff\x00\x00'
png = b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', 1, 1, 8, 2, 0, 0, 0)) + chunk(b'IDAT', zlib.compress(raw)) + chunk(b'IEND', b'')
open(sys.argv[1], 'wb').write(png)
)PY",
               {png.string()});
    CHECK(error_id_of(png) == std::string("not-a-spreadsheet"));
  }
  SECTION("an ELF executable") {
    const fs::path elf = write_bytes(temp / "phuluc.xls", read_bytes("/proc/self/exe"));
    CHECK(error_id_of(elf) == std::string("not-a-spreadsheet"));
  }
  SECTION("random bytes") {
    std::mt19937 generator(2026);
    std::string bytes(64 * 1024, '\0');
    for (auto& byte : bytes) byte = static_cast<char>(generator() & 0xFF);
    bytes[0] = '\0';  // never a zip or OLE2 signature by chance
    CHECK(error_id_of(write_bytes(temp / "random.xlsx", bytes)) == std::string("not-a-spreadsheet"));
  }
  SECTION("text that is not UTF-8, or holds a NUL byte") {
    CHECK(error_id_of(source_path("samples/quirks/csv/windows1258_not_utf8.csv")) == std::string("not-a-spreadsheet"));
    CHECK(error_id_of(source_path("samples/quirks/csv/nul_byte.csv")) == std::string("not-a-spreadsheet"));
  }
  SECTION("an OLE2 file without a Workbook stream (as a Word document is)") {
    std::string bytes = read_bytes(source_path("samples/appendices/muong_kim_2026.xls"));
    const std::string name("W\0o\0r\0k\0b\0o\0o\0k\0", 16);
    const std::size_t at = bytes.find(name);
    REQUIRE(at != std::string::npos);
    bytes[at] = 'X';  // "Xorkbook"
    CHECK(error_id_of(write_bytes(temp / "word_like.xls", bytes)) == std::string("not-a-spreadsheet"));
  }
}

TEST_CASE("bad input: empty, missing and oversized files", "[corpus][bad-input]") {
  TempFolder temp;
  CHECK(error_id_of(write_bytes(temp / "empty.xlsx", "")) == std::string("empty-file"));
  CHECK(error_id_of(temp / "no_such_file.xlsx") == std::string("io-error"));
  ReadLimits small;
  small.max_file_bytes = 1024;
  CHECK(error_id_of(source_path("samples/appendices/muong_kim_2026.xls"), small) == std::string("too-large"));
  CHECK(error_id_of(source_path("samples/appendices/muong_kim_2026.xlsx"), small) == std::string("too-large"));
}

TEST_CASE("bad input: real workbooks cut in half are truncated", "[corpus][bad-input]") {
  TempFolder temp;
  CHECK(error_id_of(write_bytes(temp / "half.xlsx", first_half(source_path("samples/appendices/muong_kim_2026.xlsx")))) ==
        std::string("truncated"));
  CHECK(error_id_of(write_bytes(temp / "half.xls", first_half(source_path("samples/appendices/muong_kim_2026.xls")))) ==
        std::string("truncated"));
  CHECK(error_id_of(write_bytes(temp / "half_gnumeric.xls", first_half(source_path("samples/quirks/xls/gnumeric_biff8.xls")))) ==
        std::string("truncated"));
}

TEST_CASE("bad input: password-protected workbooks are encrypted", "[corpus][bad-input]") {
  // .xlsx saved with a password: an OLE2 file holding EncryptionInfo and EncryptedPackage.
  for (const char* name : {"poi/protected_passtika.xlsx", "poi/58616.xlsx", "calamine/pass_protected.xlsx"}) {
    INFO(name);
    CHECK(error_id_of(corpus_path(name)) == std::string("encrypted"));
  }
  // .xls with a FILEPASS record: RC4 ("password.xls") and XOR obfuscation.
  for (const char* name : {"poi/password.xls", "poi/xor-encryption-abc.xls"}) {
    INFO(name);
    CHECK(error_id_of(corpus_path(name)) == std::string("encrypted"));
  }
}

TEST_CASE("bad input: Excel 95 (BIFF5) workbooks are unsupported", "[corpus][bad-input]") {
  CHECK(error_id_of(source_path("samples/quirks/xls/biff5_excel95.xls")) == std::string("unsupported"));
  CHECK(error_id_of(corpus_path("calamine/biff5_write.xls")) == std::string("unsupported"));
}

TEST_CASE("bad input: Excel 3.0 and 4.0 worksheets (bare BIFF3/BIFF4 streams) are unsupported", "[corpus][bad-input]") {
  // No OLE2 container: the file starts with a BIFF3 (0x0209) or BIFF4 (0x0409) BOF record.
  for (const char* name : {"poi/testEXCEL_3.xls", "poi/testEXCEL_4.xls"}) {
    INFO(name);
    CHECK(error_id_of(corpus_path(name)) == std::string("unsupported"));
    // The same from bytes, whatever the name.
    const std::string bytes = read_bytes(corpus_path(name));
    try {
      read_workbook_bytes(std::as_bytes(std::span(bytes.data(), bytes.size())), {}, "bieu.csv");
      FAIL("no ReadError");
    } catch (const ReadError& error) {
      CHECK(read_error_id(error.code()) == std::string("unsupported"));
    }
  }
}

TEST_CASE("bad input: an .xls whose workbook lists no sheet is truncated", "[corpus][bad-input]") {
  // The Workbook stream breaks off among its XF records (a record claims 38,932 bytes of a 22,218-byte
  // stream) before any BOUNDSHEET; LibreOffice imports the bytes as text.
  CHECK(error_id_of(corpus_path("poi/61300.xls")) == std::string("truncated"));
}

TEST_CASE("bad input: an .xls whose date serial FreeXL would count to day by day is too large", "[corpus][bad-input]") {
  // A date-formatted 2,000,000,000: FreeXL would spend seconds stepping through five million years.
  CHECK(error_id_of(source_path("samples/quirks/xls/huge_date_serial.xls")) == std::string("too-large"));
}

TEST_CASE("bad input: a zip bomb is refused before it is inflated", "[corpus][bad-input]") {
  TempFolder temp;
  // A 64 MiB worksheet of spaces deflates about a thousandfold: far over the ratio cap.
  const fs::path padding = temp / "sheet.xml";
  run_python(R"PY(
import sys
with open(sys.argv[1], 'wb') as f:
    f.write(b'<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>')
    for _ in range(64):
        f.write(b' ' * (1 << 20))
    f.write(b'</sheetData></worksheet>')
)PY",
             {padding.string()});
  const fs::path bomb = temp / "bomb.xlsx";
  run_python(kReplacePart, {source_path("samples/appendices/muong_kim_2026.xlsx").string(), bomb.string(),
                            "xl/worksheets/sheet1.xml", padding.string()});
  CHECK(error_id_of(bomb) == std::string("zip-bomb"));
}

TEST_CASE("bad input: a workbook part that is not well-formed XML is malformed", "[corpus][bad-input]") {
  TempFolder temp;
  const fs::path broken_xml = write_bytes(temp / "workbook.xml",
                                          "<?xml version=\"1.0\"?><workbook xmlns=\"http://schemas.openxmlformats.org/"
                                          "spreadsheetml/2006/main\"><sheets><sheet name=\"Biểu 01\" sheetId=\"1\"");
  const fs::path broken = temp / "broken.xlsx";
  run_python(kReplacePart, {source_path("samples/appendices/muong_kim_2026.xlsx").string(), broken.string(),
                            "xl/workbook.xml", broken_xml.string()});
  CHECK(error_id_of(broken) == std::string("malformed-xml"));
}

}  // namespace phuluc
