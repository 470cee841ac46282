#pragma once
// What one workbook read may still keep: cells and text bytes, counted as they are kept.
#include <cstdint>
#include <string>

#include "readers/read_limits.hpp"

namespace phuluc {

/// Counts cells and text bytes against ReadLimits over a whole workbook read.
/// The counts come from what the reader keeps, never from counts the file declares.
class ReadBudget {
 public:
  explicit ReadBudget(const ReadLimits& limits) : limits_(limits) {}

  /// Counts one more kept cell. Throws ReadError too_large past limits.max_cells.
  ///   budget.add_cell();  row.cells.push_back(std::move(cell));
  void add_cell();

  /// Cuts `text` to limits.max_string_length UTF-16 units (Excel's own cell limit) at a character
  /// boundary, then counts its bytes. Throws ReadError too_large past limits.max_string_bytes.
  ///   budget.keep_text(cell.text);
  void keep_text(std::string& text);

  /// Counts text bytes without cutting (text stored once and shared, e.g. the shared-strings table).
  void add_text_bytes(std::uint64_t bytes);

  const ReadLimits& limits() const { return limits_; }
  std::uint64_t cells() const { return cells_; }
  std::uint64_t text_bytes() const { return text_bytes_; }

 private:
  ReadLimits limits_;
  std::uint64_t cells_ = 0;
  std::uint64_t text_bytes_ = 0;
};

/// Cuts UTF-8 `text` after `max_units` UTF-16 code units, never inside a character.
/// Returns true when something was cut.
bool cut_to_utf16_units(std::string& text, std::uint32_t max_units);

}  // namespace phuluc
