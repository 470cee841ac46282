// The shared string table walk that keeps FreeXL from jumping past its buffer (readers/xls/sst_walk.hpp).
#include <catch2/catch.hpp>

#include <cstdint>
#include <initializer_list>
#include <span>
#include <vector>

#include "readers/xls/sst_walk.hpp"

namespace phuluc {
namespace {

std::vector<std::byte> bytes(std::initializer_list<int> values) {
  std::vector<std::byte> out;
  for (const int v : values) out.push_back(static_cast<std::byte>(v));
  return out;
}

bool overruns(const std::vector<std::vector<std::byte>>& records) {
  std::vector<std::span<const std::byte>> spans(records.begin(), records.end());
  return biff::sst_overruns(spans);
}

}  // namespace

TEST_CASE("an SST whose strings fit its records passes", "[readers][xls][sst]") {
  // counts 2/2; "ab" one byte per char; "c" two bytes per char with 1 rich-text run (4 bytes).
  CHECK_FALSE(overruns({bytes({2, 0, 0, 0, 2, 0, 0, 0, 2, 0, 0, 'a', 'b', 1, 0, 0x09, 1, 0, 'c', 0, 1, 0, 2, 0})}));
}

TEST_CASE("a string's characters may go on in a CONTINUE that starts with new flags", "[readers][xls][sst]") {
  // "abcd": 2 characters in the SST, then a CONTINUE with flags 0x01 and 2 two-byte characters.
  CHECK_FALSE(overruns({bytes({1, 0, 0, 0, 1, 0, 0, 0, 4, 0, 0, 'a', 'b'}), bytes({1, 'c', 0, 'd', 0})}));
  // The same without the CONTINUE: the string runs past the table.
  CHECK(overruns({bytes({1, 0, 0, 0, 1, 0, 0, 0, 4, 0, 0, 'a', 'b'})}));
}

TEST_CASE("a phonetic block or rich-text runs past the table's end is an overrun", "[readers][xls][sst]") {
  // Flags 0x04: a phonetic block of 104,411,441 bytes (0x0639 2A31) after "a", as the fuzzer found.
  CHECK(overruns({bytes({1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0x04, 0x31, 0x2A, 0x39, 0x06, 'a'})}));
  // Flags 0x08: 100 runs (400 bytes) after "a", with 4 bytes present.
  CHECK(overruns({bytes({1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0x08, 100, 0, 'a', 0, 0, 0, 0})}));
}

TEST_CASE("a table holding fewer strings than it counts is no overrun", "[readers][xls][sst]") {
  CHECK_FALSE(overruns({bytes({9, 0, 0, 0, 9, 0, 0, 0, 1, 0, 0, 'a'})}));
}

}  // namespace phuluc
