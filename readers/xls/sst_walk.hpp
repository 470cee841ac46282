#pragma once
// Walks a BIFF8 shared string table (SST record + its CONTINUE records) the way the format lays it
// out, only to tell whether every string fits in the bytes the records hold.
#include <cstddef>
#include <span>
#include <vector>

namespace phuluc::biff {

/// True when a string of the table declares more bytes (characters, rich-text runs, phonetic
/// block) than are left in the SST and its CONTINUEs. FreeXL trusts those sizes and reads or jumps
/// past its buffer (a crash found by fuzz/fuzz_xls), so such a file is refused before FreeXL.
/// `records` are the record bodies in order: the SST's first (8 bytes of counts, then strings).
/// A string's characters may go on in the next record, which then starts with a new flags byte.
///   if (sst_overruns({sst_body, continue_body})) refuse();
bool sst_overruns(const std::vector<std::span<const std::byte>>& records);

}  // namespace phuluc::biff
