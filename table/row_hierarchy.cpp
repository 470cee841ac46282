#include "table/row_hierarchy.hpp"

#include <string>
#include <vector>

#include "table/header_words.hpp"
#include "table/text_fold.hpp"

namespace phuluc {
namespace {

std::string_view trim_spaces(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  return text;
}

// Drops the decoration around a numbering token: "(1)" → "1", "a)" → "a", "IV." → "IV".
std::string_view numbering_core(std::string_view text) {
  text = trim_spaces(text);
  if (!text.empty() && text.front() == '(') text.remove_prefix(1);
  while (!text.empty() && (text.back() == ')' || text.back() == '.' || text.back() == ':')) text.remove_suffix(1);
  return trim_spaces(text);
}

bool all_digits(std::string_view text) {
  if (text.empty() || text.size() > 4) return false;
  for (char c : text)
    if (c < '0' || c > '9') return false;
  return true;
}

// Value of an upper-case roman numeral from 1 to 39 written the canonical way, or 0.
int roman_value(std::string_view text) {
  static const char* const kRomans[] = {"",      "I",      "II",    "III",   "IV",    "V",      "VI",     "VII",
                                        "VIII",  "IX",     "X",     "XI",    "XII",   "XIII",   "XIV",    "XV",
                                        "XVI",   "XVII",   "XVIII", "XIX",   "XX",    "XXI",    "XXII",   "XXIII",
                                        "XXIV",  "XXV",    "XXVI",  "XXVII", "XXVIII", "XXIX",  "XXX",    "XXXI",
                                        "XXXII", "XXXIII", "XXXIV", "XXXV",  "XXXVI", "XXXVII", "XXXVIII", "XXXIX"};
  for (int value = 1; value < 40; ++value)
    if (text == kRomans[value]) return value;
  return 0;
}

std::vector<std::string_view> split_dots(std::string_view text) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  for (std::size_t pos = 0; pos <= text.size(); ++pos)
    if (pos == text.size() || text[pos] == '.') {
      parts.push_back(text.substr(start, pos - start));
      start = pos + 1;
    }
  return parts;
}

// The next word after a phrase is a number or a roman numeral: "du an 5", "du an so 5", "du an v".
bool followed_by_number(std::string_view folded, std::string_view phrase) {
  if (!starts_with_words(folded, phrase)) return false;
  std::string_view rest = trim_spaces(folded.substr(phrase.size()));
  if (rest.substr(0, 3) == "so ") rest = trim_spaces(rest.substr(3));
  std::size_t end = 0;
  while (end < rest.size() && ((rest[end] >= '0' && rest[end] <= '9') || (rest[end] >= 'a' && rest[end] <= 'z'))) ++end;
  const std::string_view word = rest.substr(0, end);
  if (all_digits(word)) return true;
  std::string upper(word);
  for (char& c : upper) c = static_cast<char>(c - 'a' + 'A');
  return roman_value(upper) > 0;
}

bool is_total_words(std::string_view folded) {
  std::string_view core = folded;
  while (!core.empty() && (core.back() == ':' || core.back() == '.' || core.back() == ' ')) core.remove_suffix(1);
  return starts_with_words(core, "tong cong") || core == "tong so" || core == "tong" || core == "cong";
}

// Where a row sits: a fixed rank for the levels the STT or the label name, or a relative key
// (bullets, unnumbered rows) whose level depends on what is above it.
struct Level {
  bool ranked = false;
  int rank = 0;      // 0 grand total, 1 program, 2 project, 3 sub-project, 4+ contents
  char key = 0;      // relative rows: '-', '+', '*', 'a', '?', 'u' (unnumbered), 'c' (caption)
  RowKind kind = RowKind::other;
};

Level ranked(RowKind kind, int rank) { return Level{true, rank, 0, kind}; }
Level relative(char key, RowKind kind) { return Level{false, 0, key, kind}; }

int rank_of(RowKind kind) {
  switch (kind) {
    case RowKind::grand_total: return 0;
    case RowKind::program: return 1;
    case RowKind::project: return 2;
    case RowKind::subproject: return 3;
    default: return 4;
  }
}

bool row_has_numbers(const Table& table, const TableRow& row) {
  for (std::size_t i = 0; i < table.columns.size() && i < row.values.size(); ++i) {
    const ColumnRole role = table.columns[i].role;
    if (role != ColumnRole::amount && role != ColumnRole::rate) continue;
    const ValueState state = row.values[i].state;
    if (state == ValueState::number || state == ValueState::text_number || state == ValueState::ambiguous_text)
      return true;
  }
  return false;
}

Level level_of(const Table& table, std::size_t index) {
  const TableRow& row = table.rows[index];
  const SttShape shape = classify_stt(row.stt);
  const std::string label = fold_text(row.label);
  switch (shape.numbering) {
    case Numbering::total_words: return ranked(RowKind::grand_total, 0);
    case Numbering::letter: return ranked(RowKind::program, 1);
    case Numbering::roman: return ranked(RowKind::project, 2);
    case Numbering::roman_sub:
      return shape.segments == 1 ? ranked(RowKind::subproject, 3) : ranked(RowKind::content, 4 + shape.segments - 2);
    default: break;
  }
  if (const auto kind = kind_from_label(label)) return ranked(*kind, rank_of(*kind));
  switch (shape.numbering) {
    case Numbering::arabic: return ranked(RowKind::content, 4 + shape.segments - 1);
    case Numbering::lower_letter: return relative('a', RowKind::content);
    case Numbering::dash: return relative('-', RowKind::item);
    case Numbering::plus: return relative('+', RowKind::item);
    case Numbering::star: return relative('*', RowKind::item);
    case Numbering::other: return relative('?', RowKind::content);
    default: break;
  }
  if (row.label.empty()) return Level{};  // neither STT nor label: outside the hierarchy
  // An unnumbered bold row with no numbers that plain unnumbered rows follow is their caption.
  if (row.bold && !row_has_numbers(table, row) && index + 1 < table.rows.size()) {
    const TableRow& next = table.rows[index + 1];
    if (!next.bold && next.stt.empty() && !next.label.empty() && !kind_from_label(fold_text(next.label)))
      return relative('c', RowKind::content);
  }
  return relative('u', RowKind::content);
}

void link(Table& table, std::size_t index, int parent) {
  TableRow& row = table.rows[index];
  row.parent = parent;
  if (parent >= 0) {
    table.rows[static_cast<std::size_t>(parent)].children.push_back(static_cast<int>(index));
    row.depth = table.rows[static_cast<std::size_t>(parent)].depth + 1;
  } else {
    row.depth = row.kind == RowKind::grand_total ? 0 : 1;
  }
}

void build_outline(Table& table) {
  struct Entry {
    std::size_t row;
    Level level;
  };
  std::vector<Entry> stack;
  for (std::size_t index = 0; index < table.rows.size(); ++index) {
    const Level level = level_of(table, index);
    TableRow& row = table.rows[index];
    if (!level.ranked && level.key == 0) {  // outside the hierarchy
      row.kind = RowKind::other;
      row.depth = 0;
      continue;
    }
    if (level.ranked) {
      while (!stack.empty() && (!stack.back().level.ranked || stack.back().level.rank >= level.rank)) stack.pop_back();
    } else {
      // A relative row is a sibling of the nearest row with the same key since the last ranked row;
      // a caption also closes the plain unnumbered rows under an earlier caption.
      std::size_t relative_start = stack.size();
      while (relative_start > 0 && !stack[relative_start - 1].level.ranked) --relative_start;
      for (std::size_t pos = relative_start; pos < stack.size(); ++pos) {
        const char key = stack[pos].level.key;
        if (key == level.key || (level.key == 'c' && key == 'u')) {
          stack.resize(pos);
          break;
        }
      }
    }
    row.kind = level.kind;
    if (!stack.empty() && row.kind == RowKind::content && !level.ranked &&
        table.rows[stack.back().row].kind == RowKind::item)
      row.kind = RowKind::item;
    link(table, index, stack.empty() ? -1 : static_cast<int>(stack.back().row));
    stack.push_back({index, level});
  }
}

void build_criteria(Table& table) {
  int criterion = -1;
  for (std::size_t index = 0; index < table.rows.size(); ++index) {
    TableRow& row = table.rows[index];
    const SttShape shape = classify_stt(row.stt);
    if (shape.numbering == Numbering::none && is_total_words(fold_text(row.label))) {
      row.kind = RowKind::grand_total;
      link(table, index, -1);
    } else if (shape.numbering == Numbering::arabic && shape.segments == 1) {
      row.kind = RowKind::content;
      link(table, index, -1);
      criterion = static_cast<int>(index);
    } else if (criterion >= 0) {
      row.kind = RowKind::item;
      link(table, index, criterion);
    } else {
      row.kind = RowKind::other;
      row.depth = 0;
    }
  }
}

void build_flat(Table& table) {
  for (std::size_t index = 0; index < table.rows.size(); ++index) {
    table.rows[index].kind = RowKind::content;
    link(table, index, -1);
  }
}

}  // namespace

SttShape classify_stt(std::string_view stt) {
  const std::string folded = fold_text(stt);
  if (folded.empty()) return {Numbering::none, 0};
  if (is_total_words(folded)) return {Numbering::total_words, 0};
  if (folded == "-" || folded == "--") return {Numbering::dash, 0};
  if (folded == "+") return {Numbering::plus, 0};
  if (folded == "*" || folded == "\xE2\x80\xA2" /* • */ || folded == "\xC2\xB7" /* · */) return {Numbering::star, 0};

  const std::string raw = tidy_text(stt);
  const std::string_view core = numbering_core(raw);
  if (core.empty()) return {Numbering::other, 0};
  if (core.size() == 1 && core[0] >= 'A' && core[0] <= 'Z' && core != "I" && core != "V" && core != "X")
    return {Numbering::letter, 0};
  if (core.size() == 1 && core[0] >= 'a' && core[0] <= 'z') return {Numbering::lower_letter, 0};
  if (roman_value(core) > 0) return {Numbering::roman, 0};

  const auto parts = split_dots(core);
  if (parts.size() >= 2 && roman_value(parts[0]) > 0) {
    for (std::size_t i = 1; i < parts.size(); ++i)
      if (!all_digits(parts[i])) return {Numbering::other, 0};
    return {Numbering::roman_sub, static_cast<int>(parts.size() - 1)};
  }
  for (std::string_view part : parts)
    if (!all_digits(part)) return {Numbering::other, 0};
  return {Numbering::arabic, static_cast<int>(parts.size())};
}

bool is_numbering(const SttShape& shape) {
  return shape.numbering != Numbering::none && shape.numbering != Numbering::total_words &&
         shape.numbering != Numbering::other;
}

std::optional<RowKind> kind_from_label(std::string_view folded) {
  if (is_total_words(folded)) return RowKind::grand_total;
  if (starts_with_words(folded, "tieu du an") || followed_by_number(folded, "tda")) return RowKind::subproject;
  if (followed_by_number(folded, "du an")) return RowKind::project;
  if (starts_with_words(folded, "chuong trinh")) return RowKind::program;
  if (followed_by_number(folded, "noi dung") || starts_with_words(folded, "noi dung thanh phan"))
    return RowKind::content;
  return std::nullopt;
}

void build_hierarchy(Table& table) {
  for (TableRow& row : table.rows) {
    row.parent = -1;
    row.children.clear();
  }
  switch (table.kind) {
    case TableKind::criteria: build_criteria(table); break;
    case TableKind::documents: build_flat(table); break;
    default: build_outline(table); break;
  }
}

}  // namespace phuluc
