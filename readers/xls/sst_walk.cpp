#include "readers/xls/sst_walk.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>

namespace phuluc::biff {
namespace {

/// A read position over the records' bodies taken one after another.
class Cursor {
 public:
  explicit Cursor(const std::vector<std::span<const std::byte>>& records) : records_(records) {}

  std::size_t left_in_record() const { return record_ < records_.size() ? records_[record_].size() - offset_ : 0; }

  /// Moves to the start of the next record; false when there is none.
  bool next_record() {
    if (record_ >= records_.size()) return false;
    ++record_;
    offset_ = 0;
    return record_ < records_.size();
  }

  /// Reads one byte, crossing into the next record when this one is used up; false past the end.
  bool byte(unsigned& value) {
    while (left_in_record() == 0)
      if (!next_record()) return false;
    value = std::to_integer<unsigned>(records_[record_][offset_++]);
    return true;
  }

  /// Reads a little-endian number of `count` bytes.
  bool number(std::size_t count, std::uint64_t& value) {
    value = 0;
    for (std::size_t i = 0; i < count; ++i) {
      unsigned b = 0;
      if (!byte(b)) return false;
      value |= static_cast<std::uint64_t>(b) << (8 * i);
    }
    return true;
  }

  /// Skips `count` bytes over record boundaries (no flags bytes there); false past the end.
  bool skip(std::uint64_t count) {
    while (count > 0) {
      if (left_in_record() == 0 && !next_record()) return false;
      const std::uint64_t step = std::min<std::uint64_t>(count, left_in_record());
      offset_ += static_cast<std::size_t>(step);
      count -= step;
    }
    return true;
  }

 private:
  const std::vector<std::span<const std::byte>>& records_;
  std::size_t record_ = 0;
  std::size_t offset_ = 0;
};

/// Skips one string's characters: when they go on in the next record, it starts with a flags byte
/// saying whether the rest is one or two bytes per character.
bool skip_characters(Cursor& cursor, std::uint64_t characters, bool two_bytes) {
  while (characters > 0) {
    const std::uint64_t width = two_bytes ? 2 : 1;
    const std::uint64_t here = std::min<std::uint64_t>(characters, cursor.left_in_record() / width);
    if (!cursor.skip(here * width)) return false;
    characters -= here;
    if (characters == 0) break;
    if (!cursor.next_record()) return false;
    unsigned flags = 0;
    if (!cursor.byte(flags)) return false;
    two_bytes = (flags & 0x01) != 0;
  }
  return true;
}

}  // namespace

bool sst_overruns(const std::vector<std::span<const std::byte>>& records) {
  if (records.empty() || records.front().size() < 8) return false;
  Cursor cursor(records);
  std::uint64_t total = 0, unique = 0;
  cursor.number(4, total);
  cursor.number(4, unique);
  for (std::uint64_t index = 0; index < unique; ++index) {
    std::uint64_t characters = 0, runs = 0, phonetic = 0;
    unsigned flags = 0;
    // The table may hold fewer strings than it counts; running out between strings is no overrun.
    if (cursor.left_in_record() == 0 && !cursor.next_record()) return false;
    if (!cursor.number(2, characters) || !cursor.byte(flags)) return true;
    if ((flags & 0x08) && !cursor.number(2, runs)) return true;
    if ((flags & 0x04) && !cursor.number(4, phonetic)) return true;
    if (!skip_characters(cursor, characters, (flags & 0x01) != 0)) return true;
    if (!cursor.skip(runs * 4 + phonetic)) return true;
  }
  return false;
}

}  // namespace phuluc::biff
