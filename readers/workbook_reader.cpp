#include "readers/workbook_reader.hpp"

#include "model/utf8.hpp"

#include <stdlib.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <string_view>
#include <system_error>
#include <vector>

#include "readers/csv/csv_reader.hpp"
#include "readers/xls/xls_reader.hpp"
#include "readers/xlsx/xlsx_reader.hpp"

namespace phuluc {
namespace {

enum class FileKind { empty, zip, ole2, bare_biff, text, unknown };

bool starts_with(std::span<const std::byte> bytes, std::string_view magic) {
  if (bytes.size() < magic.size()) return false;
  return std::memcmp(bytes.data(), magic.data(), magic.size()) == 0;
}

// Strict UTF-8: no overlong forms, no surrogates, nothing past U+10FFFF, and no NUL bytes
// (a NUL never appears in a text export but always in binary files).
bool is_utf8_text(std::span<const std::byte> bytes) {
  const std::string_view text(reinterpret_cast<const char*>(bytes.data()), bytes.size());
  for (std::size_t i = 0; i < text.size();) {
    const auto lead = static_cast<unsigned char>(text[i]);
    if (lead == 0) return false;
    if (lead < 0x80) {
      ++i;
      continue;
    }
    const std::size_t length = utf8_sequence_length(text, i);
    if (length == 0) return false;
    i += length;
  }
  return true;
}

FileKind sniff(std::span<const std::byte> bytes) {
  if (bytes.empty()) return FileKind::empty;
  if (starts_with(bytes, "PK\x03\x04") || starts_with(bytes, "PK\x05\x06")) return FileKind::zip;
  if (starts_with(bytes, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")) return FileKind::ole2;
  // Excel 2.x-4.x worksheets: a spreadsheet, if one we do not read (its BOF length holds a NUL, so
  // it could never pass for text).
  if (looks_like_bare_biff(bytes)) return FileKind::bare_biff;
  if (is_utf8_text(bytes)) return FileKind::text;
  return FileKind::unknown;
}

std::string csv_sheet_name(const std::string& name_hint) {
  const std::string stem = std::filesystem::path(name_hint).stem().string();
  return stem.empty() ? std::string("CSV") : stem;
}

Workbook read_text(std::span<const std::byte> bytes, const ReadLimits& limits, const std::string& name_hint) {
  const std::string_view text(reinterpret_cast<const char*>(bytes.data()), bytes.size());
  return read_csv(text, csv_sheet_name(name_hint), limits);
}

// FreeXL reads only from a path, so bytes in memory go through a private temporary file.
class TempFile {
 public:
  explicit TempFile(std::span<const std::byte> bytes) {
    std::string pattern = (std::filesystem::temp_directory_path() / "phuluc-xls-XXXXXX").string();
    const int fd = ::mkstemp(pattern.data());
    if (fd < 0) throw ReadError(ReadErrorCode::io_error, std::string("cannot create a temporary file: ") + std::strerror(errno));
    path_ = pattern;
    const auto* data = reinterpret_cast<const char*>(bytes.data());
    std::size_t written = 0;
    while (written < bytes.size()) {
      const ssize_t n = ::write(fd, data + written, bytes.size() - written);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) {
        const std::string why = std::strerror(errno);
        ::close(fd);
        remove();
        throw ReadError(ReadErrorCode::io_error, "cannot write a temporary file: " + why);
      }
      written += static_cast<std::size_t>(n);
    }
    ::close(fd);
  }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  ~TempFile() { remove(); }
  const std::filesystem::path& path() const { return path_; }

 private:
  void remove() {
    std::error_code ignored;
    if (!path_.empty()) std::filesystem::remove(path_, ignored);
  }
  std::filesystem::path path_;
};

void check_file_size(std::uint64_t size, const ReadLimits& limits) {
  if (size > limits.max_file_bytes)
    throw ReadError(ReadErrorCode::too_large, "file is " + std::to_string(size) + " bytes, over the cap of " +
                                                  std::to_string(limits.max_file_bytes));
}

std::vector<std::byte> read_file_bytes(const std::filesystem::path& path, const ReadLimits& limits) {
  std::error_code error;
  if (std::filesystem::is_directory(path, error))
    throw ReadError(ReadErrorCode::io_error, path.string() + ": is a directory");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw ReadError(ReadErrorCode::io_error, path.string() + ": " + std::strerror(errno));
  in.seekg(0, std::ios::end);
  const std::streamoff size = in.tellg();
  if (size < 0) throw ReadError(ReadErrorCode::io_error, path.string() + ": cannot tell its size");
  check_file_size(static_cast<std::uint64_t>(size), limits);
  in.seekg(0, std::ios::beg);
  std::vector<std::byte> bytes(static_cast<std::size_t>(size));
  if (!bytes.empty() && !in.read(reinterpret_cast<char*>(bytes.data()), size))
    throw ReadError(ReadErrorCode::io_error, path.string() + ": read failed");
  return bytes;
}

}  // namespace

Workbook read_workbook(const std::filesystem::path& path, const ReadLimits& limits) {
  const std::vector<std::byte> bytes = read_file_bytes(path, limits);
  if (sniff(bytes) == FileKind::ole2) return read_xls(path, limits);
  return read_workbook_bytes(bytes, limits, path.filename().string());
}

Workbook read_workbook_bytes(std::span<const std::byte> bytes, const ReadLimits& limits, const std::string& name_hint) {
  check_file_size(bytes.size(), limits);
  switch (sniff(bytes)) {
    case FileKind::empty:
      throw ReadError(ReadErrorCode::empty_file, "the file is empty");
    case FileKind::zip:
      return read_xlsx(bytes, limits);
    case FileKind::ole2: {
      const TempFile temp(bytes);
      return read_xls(temp.path(), limits);
    }
    case FileKind::bare_biff:
      return read_xls_bytes(bytes, limits);  // refuses it as unsupported, with the reason
    case FileKind::text:
      return read_text(bytes, limits, name_hint);
    case FileKind::unknown:
      break;
  }
  throw ReadError(ReadErrorCode::not_a_spreadsheet, "neither a zip (XLSX), an OLE2 (XLS) nor UTF-8 text (CSV)");
}

}  // namespace phuluc
