#pragma once
// A read-only zip archive held in memory, read through its central directory with libzip.
// Every part is read under ReadLimits: declared sizes are checked before inflating and the
// inflated bytes are counted while reading, so a lying local or central header gains nothing.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "readers/read_error.hpp"
#include "readers/read_limits.hpp"

struct zip;       // libzip's archive handle (zip_t)
struct zip_file;  // libzip's open entry (zip_file_t)

namespace phuluc {

class ZipArchive;

/// An open part of a ZipArchive, read sequentially in chunks. Obtained from ZipArchive::open.
/// Throws ReadError zip_bomb when the inflated bytes pass a cap, truncated when the data is corrupt.
class ZipPartReader {
 public:
  ZipPartReader(ZipPartReader&& other) noexcept;
  ZipPartReader& operator=(ZipPartReader&&) = delete;
  ZipPartReader(const ZipPartReader&) = delete;
  ZipPartReader& operator=(const ZipPartReader&) = delete;
  ~ZipPartReader();

  /// Reads up to `size` inflated bytes into `buffer`; returns how many, 0 at the end of the part.
  ///   char buf[65536];
  ///   while (std::size_t n = part.read(buf, sizeof buf)) consume(buf, n);
  std::size_t read(char* buffer, std::size_t size);

  /// The part's name inside the archive ("xl/worksheets/sheet1.xml").
  const std::string& name() const { return name_; }

 private:
  friend class ZipArchive;
  ZipPartReader(ZipArchive& archive, zip_file* file, std::string name, std::uint64_t declared_size,
                std::uint64_t compressed_size);

  ZipArchive* archive_;
  zip_file* file_;
  std::string name_;
  std::uint64_t declared_size_;
  std::uint64_t compressed_size_;
  std::uint64_t inflated_ = 0;
};

/// A zip package opened from bytes in memory. The bytes must outlive the archive.
class ZipArchive {
 public:
  /// Opens the archive through its central directory.
  /// Throws ReadError: truncated (no or broken central directory), not_a_spreadsheet (not a zip),
  /// too_large (more bytes than limits.max_file_bytes).
  ///   ZipArchive zip(bytes, limits);
  ///   if (zip.contains("xl/workbook.xml")) { std::string xml = zip.read_all("xl/workbook.xml"); }
  ZipArchive(std::span<const std::byte> bytes, const ReadLimits& limits);
  ZipArchive(const ZipArchive&) = delete;
  ZipArchive& operator=(const ZipArchive&) = delete;
  ~ZipArchive();

  /// Whether a part exists; names compare case-insensitively, as OPC part names do.
  bool contains(std::string_view name) const;

  /// The names of every entry, in central-directory order (directories included).
  std::vector<std::string> names() const;

  /// Opens a part for streaming. Throws ReadError: missing_part (absent), encrypted
  /// (zip encryption), zip_bomb (declared size or ratio over the caps), truncated.
  ZipPartReader open(std::string_view name);

  /// Reads a whole (small) part into a string, under the same caps as open().
  std::string read_all(std::string_view name);

  /// Inflated bytes read so far over all parts (checked against limits.max_total_uncompressed).
  std::uint64_t total_inflated() const { return total_inflated_; }

 private:
  friend class ZipPartReader;
  std::optional<std::uint64_t> locate(std::string_view name) const;
  void count_inflated(const ZipPartReader& part, std::size_t chunk);

  zip* archive_ = nullptr;
  ReadLimits limits_;
  std::uint64_t total_inflated_ = 0;
};

}  // namespace phuluc
