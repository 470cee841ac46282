#pragma once
// Cell coordinates and the one place that converts A1 text to and from them.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace phuluc {

/// Largest sheet Excel allows: 1,048,576 rows (0-based max 1048575), 16,384 columns (XFD).
inline constexpr std::uint32_t kMaxRows = 1048576;
inline constexpr std::uint32_t kMaxCols = 16384;

/// A cell position. Both fields are 0-based: A1 is {0, 0}, B3 is {2, 1}.
struct CellRef {
  std::uint32_t row = 0;  ///< 0-based row (Excel row number minus one)
  std::uint32_t col = 0;  ///< 0-based column (A = 0)
  friend bool operator==(const CellRef&, const CellRef&) = default;
  friend auto operator<=>(const CellRef&, const CellRef&) = default;
};

/// A rectangle of cells; both corners are 0-based and inclusive.
struct CellRange {
  CellRef first;
  CellRef last;
  bool contains(CellRef ref) const {
    return ref.row >= first.row && ref.row <= last.row && ref.col >= first.col && ref.col <= last.col;
  }
  friend bool operator==(const CellRange&, const CellRange&) = default;
};

/// Column letters for a 0-based column: 0 → "A", 25 → "Z", 26 → "AA", 16383 → "XFD".
std::string column_letters(std::uint32_t col);

/// A1 text for a cell: {13, 5} → "F14".
std::string to_a1(CellRef ref);

/// A1 text for a range: "A1:C3" (a single cell gives "A1").
std::string to_a1(const CellRange& range);

/// Parses "F14", "$F$14" or "f14"; nullopt when malformed or beyond XFD1048576.
std::optional<CellRef> parse_a1(std::string_view text);

/// Parses "A1:C3" or a single "B2" (a one-cell range); nullopt when malformed.
std::optional<CellRange> parse_a1_range(std::string_view text);

/// Parses column letters only ("A", "xfd"); nullopt when malformed or beyond XFD.
std::optional<std::uint32_t> parse_column_letters(std::string_view letters);

}  // namespace phuluc
