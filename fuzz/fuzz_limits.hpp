#pragma once
// Read caps for the fuzzers: the real caps scaled down so one input cannot ask for gigabytes under
// ASan (libFuzzer's -rss_limit_mb would report that as a crash), while every cap is still reachable.
#include "readers/read_limits.hpp"

namespace phuluc::fuzz {

inline ReadLimits fuzz_limits() {
  ReadLimits limits;
  limits.max_file_bytes = 8u << 20;
  limits.max_part_bytes = 32u << 20;
  limits.max_total_uncompressed = 64u << 20;
  limits.max_cells = 200'000;
  limits.max_string_bytes = 16u << 20;
  return limits;
}

}  // namespace phuluc::fuzz
