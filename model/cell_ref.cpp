#include "model/cell_ref.hpp"

#include <cctype>

namespace phuluc {

std::string column_letters(std::uint32_t col) {
  std::string letters;
  std::uint32_t n = col + 1;  // bijective base 26: A..Z, AA..
  while (n > 0) {
    const std::uint32_t rem = (n - 1) % 26;
    letters.insert(letters.begin(), static_cast<char>('A' + rem));
    n = (n - 1) / 26;
  }
  return letters;
}

std::string to_a1(CellRef ref) { return column_letters(ref.col) + std::to_string(ref.row + 1); }

std::string to_a1(const CellRange& range) {
  if (range.first == range.last) return to_a1(range.first);
  return to_a1(range.first) + ":" + to_a1(range.last);
}

std::optional<std::uint32_t> parse_column_letters(std::string_view letters) {
  if (letters.empty() || letters.size() > 3) return std::nullopt;
  std::uint32_t n = 0;
  for (char c : letters) {
    const int upper = std::toupper(static_cast<unsigned char>(c));
    if (upper < 'A' || upper > 'Z') return std::nullopt;
    n = n * 26 + static_cast<std::uint32_t>(upper - 'A' + 1);
  }
  if (n > kMaxCols) return std::nullopt;
  return n - 1;
}

std::optional<CellRef> parse_a1(std::string_view text) {
  std::size_t pos = 0;
  if (pos < text.size() && text[pos] == '$') ++pos;
  const std::size_t letters_begin = pos;
  while (pos < text.size() && std::isalpha(static_cast<unsigned char>(text[pos]))) ++pos;
  const auto col = parse_column_letters(text.substr(letters_begin, pos - letters_begin));
  if (!col) return std::nullopt;
  if (pos < text.size() && text[pos] == '$') ++pos;
  if (pos >= text.size() || text.size() - pos > 7) return std::nullopt;
  std::uint32_t row = 0;
  for (; pos < text.size(); ++pos) {
    if (!std::isdigit(static_cast<unsigned char>(text[pos]))) return std::nullopt;
    row = row * 10 + static_cast<std::uint32_t>(text[pos] - '0');
  }
  if (row == 0 || row > kMaxRows) return std::nullopt;
  return CellRef{row - 1, *col};
}

std::optional<CellRange> parse_a1_range(std::string_view text) {
  const auto colon = text.find(':');
  if (colon == std::string_view::npos) {
    const auto one = parse_a1(text);
    if (!one) return std::nullopt;
    return CellRange{*one, *one};
  }
  const auto first = parse_a1(text.substr(0, colon));
  const auto last = parse_a1(text.substr(colon + 1));
  if (!first || !last || last->row < first->row || last->col < first->col) return std::nullopt;
  return CellRange{*first, *last};
}

}  // namespace phuluc
