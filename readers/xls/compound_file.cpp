#include "readers/xls/compound_file.hpp"

#include <algorithm>
#include <array>
#include <cstring>

#include "readers/read_error.hpp"
#include "readers/xls/utf16.hpp"

namespace phuluc::ole2 {
namespace {

// Special sector numbers (MS-CFB 2.1).
constexpr std::uint32_t kMaxRegularSector = 0xFFFFFFFA;
constexpr std::uint32_t kEndOfChain = 0xFFFFFFFE;
constexpr std::uint32_t kFreeSector = 0xFFFFFFFF;

constexpr std::size_t kHeaderSize = 512;
constexpr std::size_t kHeaderDifatEntries = 109;
constexpr std::size_t kDirectoryEntrySize = 128;

constexpr std::array<unsigned char, 8> kSignature = {0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1};

std::uint16_t u16_at(std::span<const std::byte> bytes, std::size_t offset) {
  return static_cast<std::uint16_t>(std::to_integer<unsigned>(bytes[offset]) |
                                    (std::to_integer<unsigned>(bytes[offset + 1]) << 8));
}

std::uint32_t u32_at(std::span<const std::byte> bytes, std::size_t offset) {
  return static_cast<std::uint32_t>(u16_at(bytes, offset)) |
         (static_cast<std::uint32_t>(u16_at(bytes, offset + 2)) << 16);
}

[[noreturn]] void broken(const std::string& detail) {
  throw ReadError(ReadErrorCode::truncated, "OLE2: " + detail);
}

bool ascii_iequal(std::string_view a, std::string_view b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
    auto lower = [](char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; };
    return lower(x) == lower(y);
  });
}

}  // namespace

bool has_signature(std::span<const std::byte> bytes) {
  if (bytes.size() < kSignature.size()) return false;
  for (std::size_t i = 0; i < kSignature.size(); ++i)
    if (std::to_integer<unsigned char>(bytes[i]) != kSignature[i]) return false;
  return true;
}

CompoundFile::CompoundFile(std::span<const std::byte> bytes) : bytes_(bytes) {
  if (!has_signature(bytes)) throw ReadError(ReadErrorCode::not_a_spreadsheet, "OLE2: no compound file signature");
  if (bytes.size() < kHeaderSize) broken("the header is cut short");

  const std::uint16_t sector_shift = u16_at(bytes, 0x1E);
  const std::uint16_t mini_sector_shift = u16_at(bytes, 0x20);
  if (sector_shift != 9 && sector_shift != 12) broken("invalid sector size (shift " + std::to_string(sector_shift) + ")");
  if (mini_sector_shift != 6) broken("invalid mini sector size (shift " + std::to_string(mini_sector_shift) + ")");
  sector_size_ = 1u << sector_shift;
  mini_sector_size_ = 1u << mini_sector_shift;
  mini_cutoff_ = u32_at(bytes, 0x38);
  first_directory_sector_ = u32_at(bytes, 0x30);
  first_mini_fat_sector_ = u32_at(bytes, 0x3C);
  mini_fat_sector_count_ = u32_at(bytes, 0x40);

  // Sector n starts at (n + 1) * sector size: the header fills sector "-1". A short last sector is kept.
  if (bytes.size() <= sector_size_) broken("no sectors after the header");
  const std::uint64_t body = bytes.size() - sector_size_;
  sector_count_ = static_cast<std::uint32_t>(std::min<std::uint64_t>((body + sector_size_ - 1) / sector_size_,
                                                                     kMaxRegularSector));
  load_fat();
  load_directory();
  load_mini_fat();
}

std::span<const std::byte> CompoundFile::sector(std::uint32_t index) const {
  if (index >= sector_count_)
    broken("sector " + std::to_string(index) + " lies beyond the end of the file (" + std::to_string(sector_count_) +
           " sectors)");
  const std::uint64_t offset = (static_cast<std::uint64_t>(index) + 1) * sector_size_;
  const std::uint64_t length = std::min<std::uint64_t>(sector_size_, bytes_.size() - offset);
  return bytes_.subspan(static_cast<std::size_t>(offset), static_cast<std::size_t>(length));
}

void CompoundFile::load_fat() {
  const std::uint32_t fat_sector_count = u32_at(bytes_, 0x2C);
  // More FAT sectors than sectors in the file cannot be right, and would make us allocate by the file's word.
  if (fat_sector_count > sector_count_) broken("the header declares more FAT sectors than the file holds");

  std::vector<std::uint32_t> fat_sectors;
  fat_sectors.reserve(fat_sector_count);
  for (std::size_t i = 0; i < kHeaderDifatEntries && fat_sectors.size() < fat_sector_count; ++i) {
    const std::uint32_t id = u32_at(bytes_, 0x4C + 4 * i);
    if (id != kFreeSector) fat_sectors.push_back(id);
  }
  // The DIFAT chain: each sector lists FAT sectors and ends with the next DIFAT sector.
  std::uint32_t difat = u32_at(bytes_, 0x44);
  const std::uint32_t per_sector = sector_size_ / 4;
  std::uint32_t hops = 0;
  while (fat_sectors.size() < fat_sector_count && difat != kEndOfChain && difat != kFreeSector) {
    if (++hops > sector_count_) broken("the DIFAT chain loops");
    const auto data = sector(difat);
    if (data.size() < sector_size_) broken("a DIFAT sector is cut short");
    for (std::uint32_t i = 0; i + 1 < per_sector && fat_sectors.size() < fat_sector_count; ++i) {
      const std::uint32_t id = u32_at(data, 4 * i);
      if (id != kFreeSector) fat_sectors.push_back(id);
    }
    difat = u32_at(data, 4 * (per_sector - 1));
  }
  if (fat_sectors.empty()) broken("the FAT is empty");

  fat_.reserve(fat_sectors.size() * per_sector);
  for (const std::uint32_t id : fat_sectors) {
    const auto data = sector(id);
    if (data.size() < sector_size_) broken("a FAT sector is cut short");
    for (std::uint32_t i = 0; i < per_sector; ++i) fat_.push_back(u32_at(data, 4 * i));
  }
}

std::vector<std::uint32_t> CompoundFile::chain(std::uint32_t start, const std::vector<std::uint32_t>& table,
                                               std::string_view what) const {
  std::vector<std::uint32_t> result;
  std::vector<bool> visited(table.size(), false);
  std::uint32_t current = start;
  while (current != kEndOfChain) {
    if (current >= table.size()) broken(std::string(what) + " chain points outside its table");
    if (visited[current]) broken(std::string(what) + " chain loops");
    visited[current] = true;
    result.push_back(current);
    current = table[current];
  }
  return result;
}

void CompoundFile::load_directory() {
  const auto sectors = chain(first_directory_sector_, fat_, "directory");
  if (sectors.empty()) broken("the directory is empty");
  for (const std::uint32_t id : sectors) {
    const auto data = sector(id);
    for (std::size_t offset = 0; offset + kDirectoryEntrySize <= data.size(); offset += kDirectoryEntrySize) {
      const auto raw = data.subspan(offset, kDirectoryEntrySize);
      entry_offsets_.push_back((static_cast<std::uint64_t>(id) + 1) * sector_size_ + offset);
      DirectoryEntry entry;
      const std::uint8_t type = std::to_integer<std::uint8_t>(raw[0x42]);
      if (type != 1 && type != 2 && type != 5) {
        entries_.push_back(entry);  // keep indices aligned with the file's entry numbers
        continue;
      }
      entry.type = static_cast<DirectoryEntry::Type>(type);
      // Name length counts bytes including the terminating NUL; 64 bytes at most.
      const std::size_t name_bytes = std::min<std::size_t>(u16_at(raw, 0x40), 64);
      std::string name = utf16le_to_utf8(raw.first(name_bytes >= 2 ? name_bytes - 2 : 0));
      entry.name = std::move(name);
      entry.start_sector = u32_at(raw, 0x74);
      // Version 3 files only define the low 32 bits of the size.
      entry.size = sector_size_ == 512 ? u32_at(raw, 0x78)
                                       : (static_cast<std::uint64_t>(u32_at(raw, 0x7C)) << 32) | u32_at(raw, 0x78);
      entries_.push_back(std::move(entry));
    }
  }
  if (entries_.empty() || entries_.front().type != DirectoryEntry::Type::root) broken("the first directory entry is not the root");
}

void CompoundFile::load_mini_fat() {
  if (mini_fat_sector_count_ == 0 || first_mini_fat_sector_ == kEndOfChain) return;
  if (mini_fat_sector_count_ > sector_count_) broken("the header declares more mini FAT sectors than the file holds");
  for (const std::uint32_t id : chain(first_mini_fat_sector_, fat_, "mini FAT")) {
    const auto data = sector(id);
    for (std::size_t offset = 0; offset + 4 <= data.size(); offset += 4) mini_fat_.push_back(u32_at(data, offset));
  }
  const DirectoryEntry& root = entries_.front();
  if (root.size > 0) mini_stream_sectors_ = chain(root.start_sector, fat_, "mini stream");
}

const DirectoryEntry* CompoundFile::find(std::string_view name) const {
  for (const auto& entry : entries_)
    if (entry.type != DirectoryEntry::Type::unused && ascii_iequal(entry.name, name)) return &entry;
  return nullptr;
}

StreamMap CompoundFile::map_stream(const DirectoryEntry& entry, std::uint64_t max_bytes) const {
  if (entry.size > max_bytes)
    throw ReadError(ReadErrorCode::too_large, "OLE2: stream '" + entry.name + "' declares " + std::to_string(entry.size) +
                                                  " bytes, over the cap of " + std::to_string(max_bytes));
  // A stream cannot hold more than the file does.
  if (entry.size > bytes_.size()) broken("stream '" + entry.name + "' declares more bytes than the file holds");
  StreamMap map;
  const bool in_mini_stream = entry.size < mini_cutoff_ && entry.type == DirectoryEntry::Type::stream;
  const std::vector<std::uint32_t>& table = in_mini_stream ? mini_fat_ : fat_;
  map.unit = in_mini_stream ? mini_sector_size_ : sector_size_;
  const std::uint64_t units_needed = (entry.size + map.unit - 1) / map.unit;
  std::vector<bool> visited(table.size(), false);
  std::uint32_t current = entry.start_sector;
  while (map.unit_offsets.size() < units_needed) {
    if (current >= table.size()) broken("stream '" + entry.name + "' has a broken chain");
    if (visited[current]) broken("stream '" + entry.name + "' has a looping chain");
    visited[current] = true;
    std::uint64_t offset = 0;
    std::size_t available = 0;
    if (in_mini_stream) {
      const std::uint64_t position = static_cast<std::uint64_t>(current) * mini_sector_size_;
      const std::size_t host_index = static_cast<std::size_t>(position / sector_size_);
      if (host_index >= mini_stream_sectors_.size()) broken("stream '" + entry.name + "' lies outside the mini stream");
      const auto host = sector(mini_stream_sectors_[host_index]);
      const std::size_t in_host = static_cast<std::size_t>(position % sector_size_);
      offset = static_cast<std::uint64_t>(host.data() - bytes_.data()) + in_host;
      available = host.size() > in_host ? host.size() - in_host : 0;
    } else {
      const auto data = sector(current);
      offset = static_cast<std::uint64_t>(data.data() - bytes_.data());
      available = data.size();
    }
    // Only the last unit may be partly used, and only it may be cut by the end of the file.
    const std::uint64_t wanted = std::min<std::uint64_t>(map.unit, entry.size - map.unit_offsets.size() * map.unit);
    if (available < wanted) broken("stream '" + entry.name + "' is cut short");
    map.unit_offsets.push_back(offset);
    current = table[current];
  }
  return map;
}

std::vector<std::byte> CompoundFile::read_stream(const DirectoryEntry& entry, std::uint64_t max_bytes) const {
  const StreamMap map = map_stream(entry, max_bytes);
  std::vector<std::byte> out;
  out.reserve(static_cast<std::size_t>(entry.size));
  for (const std::uint64_t offset : map.unit_offsets) {
    const std::size_t take = static_cast<std::size_t>(std::min<std::uint64_t>(map.unit, entry.size - out.size()));
    const auto source = bytes_.subspan(static_cast<std::size_t>(offset), take);
    out.insert(out.end(), source.begin(), source.end());
  }
  return out;
}

}  // namespace phuluc::ole2
