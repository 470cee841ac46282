#include "readers/xlsx/read_budget.hpp"

#include "readers/read_error.hpp"

namespace phuluc {

void ReadBudget::add_cell() {
  if (++cells_ > limits_.max_cells)
    throw ReadError(ReadErrorCode::too_large, "more than " + std::to_string(limits_.max_cells) + " cells");
}

void ReadBudget::add_text_bytes(std::uint64_t bytes) {
  text_bytes_ += bytes;
  if (text_bytes_ > limits_.max_string_bytes)
    throw ReadError(ReadErrorCode::too_large,
                    "more than " + std::to_string(limits_.max_string_bytes) + " bytes of text");
}

void ReadBudget::keep_text(std::string& text) {
  // Each UTF-16 unit takes at least one UTF-8 byte, so short text never needs the walk.
  if (text.size() > limits_.max_string_length) cut_to_utf16_units(text, limits_.max_string_length);
  add_text_bytes(text.size());
}

bool cut_to_utf16_units(std::string& text, std::uint32_t max_units) {
  std::uint64_t units = 0;
  for (std::size_t i = 0; i < text.size();) {
    const auto lead = static_cast<unsigned char>(text[i]);
    const std::size_t length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    const unsigned width = length == 4 ? 2 : 1;  // characters beyond the BMP are surrogate pairs
    if (units + width > max_units) {
      text.resize(i);
      return true;
    }
    units += width;
    i += length;
  }
  return false;
}

}  // namespace phuluc
