#pragma once
// Caps that keep a hostile file from taking the machine: checked while reading, never trusted from the file.
#include <cstdint>

namespace phuluc {

struct ReadLimits {
  std::uint64_t max_file_bytes = 256ull << 20;        ///< the file on disk
  std::uint64_t max_part_bytes = 512ull << 20;        ///< one uncompressed zip part
  std::uint64_t max_total_uncompressed = 1ull << 30;  ///< all parts read, together
  std::uint32_t max_compression_ratio = 200;          ///< uncompressed / compressed, for parts over 1 MiB
  std::uint64_t max_cells = 10'000'000;               ///< cells kept over the workbook
  std::uint64_t max_string_bytes = 256ull << 20;      ///< text kept (shared strings + cells)
  std::uint32_t max_string_length = 32767;            ///< one cell's text, Excel's own limit (longer is cut)
  std::uint32_t max_sheets = 1024;
  std::uint32_t max_xml_depth = 256;
};

}  // namespace phuluc
