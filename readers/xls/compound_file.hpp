#pragma once
// A bounded reader for OLE2 compound files (MS-CFB), the container of .xls and of encrypted .xlsx.
// Every offset, chain and size comes from the file, so each one is checked against the file's own
// length before use and every chain walk is capped by the sector count (no loops, no huge buffers).
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace phuluc::ole2 {

/// True when the bytes start with the 8-byte OLE2 signature D0 CF 11 E0 A1 B1 1A E1.
bool has_signature(std::span<const std::byte> bytes);

/// One directory entry (a stream or a storage) as stored; `name` is UTF-8.
struct DirectoryEntry {
  enum class Type : std::uint8_t { unused = 0, storage = 1, stream = 2, root = 5 };
  std::string name;
  Type type = Type::unused;
  std::uint32_t start_sector = 0;  ///< first sector of the stream (mini sector when in the mini stream)
  std::uint64_t size = 0;          ///< stream length in bytes, as declared
};

/// Where a stream's bytes lie in the file: a stream is a chain of fixed-size units (sectors, or
/// 64-byte mini sectors inside the mini stream), each at some file offset.
struct StreamMap {
  std::uint32_t unit = 512;                ///< bytes per unit
  std::vector<std::uint64_t> unit_offsets;  ///< file offset of each unit, in stream order
  /// File offset of stream byte `position` (0-based); the caller keeps position < units × unit.
  std::uint64_t file_offset(std::uint64_t position) const {
    return unit_offsets[static_cast<std::size_t>(position / unit)] + position % unit;
  }
};

/// An OLE2 file held in memory. Parsing checks the header, the FAT and the directory; streams are
/// read on demand. Throws ReadError: truncated (a sector, chain or directory points outside the file
/// or loops), not_a_spreadsheet (no OLE2 signature), too_large (a stream over the caller's cap).
///   ole2::CompoundFile cfb(bytes);
///   if (const auto* entry = cfb.find("Workbook")) auto stream = cfb.read_stream(*entry, 64 << 20);
class CompoundFile {
 public:
  /// Parses the container; `bytes` must outlive this object.
  explicit CompoundFile(std::span<const std::byte> bytes);

  /// Every allocated directory entry, in directory order (entry 0 is the root).
  const std::vector<DirectoryEntry>& entries() const { return entries_; }

  /// The first stream or storage whose name equals `name`, ignoring ASCII case; nullptr if none.
  const DirectoryEntry* find(std::string_view name) const;

  /// The whole content of a stream, following its FAT or mini-FAT chain.
  /// Throws ReadError too_large when the declared size is over `max_bytes`, truncated when the chain
  /// ends early, leaves the file or loops.
  std::vector<std::byte> read_stream(const DirectoryEntry& entry, std::uint64_t max_bytes) const;

  /// Where the stream's bytes lie in the file, covering at least its declared size; the same
  /// checks and exceptions as read_stream.
  StreamMap map_stream(const DirectoryEntry& entry, std::uint64_t max_bytes) const;

  /// File offset of directory entry `index` (0-based, in directory order) and of the header field
  /// holding the mini stream cutoff; with these a caller can patch a copy of the file.
  std::uint64_t directory_entry_offset(std::size_t index) const { return entry_offsets_.at(index); }
  static constexpr std::uint64_t kMiniCutoffOffset = 0x38;
  /// Entries that share the first directory sector (4 for 512-byte sectors, 32 for 4096).
  std::size_t entries_in_first_sector() const { return sector_size_ / 128; }
  /// Streams shorter than this live in the mini stream.
  std::uint32_t mini_cutoff() const { return mini_cutoff_; }

 private:
  std::vector<std::uint32_t> chain(std::uint32_t start, const std::vector<std::uint32_t>& table,
                                   std::string_view what) const;
  std::span<const std::byte> sector(std::uint32_t index) const;
  void load_fat();
  void load_directory();
  void load_mini_fat();

  std::span<const std::byte> bytes_;
  std::uint32_t sector_size_ = 512;
  std::uint32_t mini_sector_size_ = 64;
  std::uint32_t mini_cutoff_ = 4096;
  std::uint32_t sector_count_ = 0;  ///< whole sectors present after the header
  std::vector<std::uint32_t> fat_;
  std::vector<std::uint32_t> mini_fat_;
  std::vector<DirectoryEntry> entries_;
  std::vector<std::uint64_t> entry_offsets_;  ///< file offset of each entry in entries_
  std::vector<std::uint32_t> mini_stream_sectors_;  ///< the root entry's chain, holding the mini stream
  std::uint32_t first_directory_sector_ = 0;
  std::uint32_t first_mini_fat_sector_ = 0;
  std::uint32_t mini_fat_sector_count_ = 0;
};

}  // namespace phuluc::ole2
