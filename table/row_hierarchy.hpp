#pragma once
// The row hierarchy of an appendix table, from the STT numbering and the label's first words.
#include <optional>
#include <string_view>

#include "table/table.hpp"

namespace phuluc {

/// How an STT cell is numbered.
enum class Numbering {
  none,         ///< empty
  total_words,  ///< "TỔNG CỘNG", "Tổng số", "Tổng", "Cộng"
  letter,       ///< "A", "B", "C." (not I, V, X, which are roman)
  roman,        ///< "I", "IV", "X." (1 to 39)
  roman_sub,    ///< "V.1", "III.2", "IX.1.2"
  arabic,       ///< "1", "2.", "1.1", "1.2.3"
  lower_letter, ///< "a", "b)", "(c)"
  dash,         ///< "-", "–", "—"
  plus,         ///< "+"
  star,         ///< "*", "•"
  other         ///< anything else ("1a", "Đ")
};

struct SttShape {
  Numbering numbering = Numbering::none;
  int segments = 0;  ///< arabic: number of dot-separated numbers ("1.2" → 2); roman_sub: numbers after the roman
};

/// Classifies an STT as printed.
///   classify_stt("V.1")  → {roman_sub, 1}
///   classify_stt("1.2.") → {arabic, 2}
SttShape classify_stt(std::string_view stt);

/// Whether the STT is a numbering token (letter, roman, arabic, bullet...) rather than words or nothing.
bool is_numbering(const SttShape& shape);

/// What a label's first words say about its level: "Tổng cộng" → grand_total, "Chương trình ..." →
/// program, "Dự án 5" → project, "Tiểu dự án 1" → subproject, "Nội dung 1" → content; nullopt otherwise.
/// `folded` is fold_text of the label.
///   kind_from_label("tieu du an 2: boi duong ...") == RowKind::subproject
std::optional<RowKind> kind_from_label(std::string_view folded);

/// Sets kind, depth, parent and children of every row of the table.
/// Funds, investment and unknown tables: TỔNG CỘNG (depth 0) > programs (A, B / "Chương trình") >
/// projects (I, II / "Dự án N") > sub-projects (V.1 / "Tiểu dự án N") > contents (1, 2 / "Nội dung N";
/// 1.1 under 1) > items ("-", "+", "*"). A letter, roman or roman.N STT decides the level; an arabic
/// number, a bullet or no STT gives way to the label's words. Unnumbered rows are contents one level
/// under the row above them that is numbered (siblings of each other), items under an item; a bold
/// unnumbered row without numbers followed by plain unnumbered rows is their caption (the one use of
/// bold). Rows with neither STT nor label are `other`, outside the hierarchy (depth 0, no parent).
/// Criteria tables: the "Tổng" row is grand_total (depth 0, no children: it counts, it does not add
/// up); a numbered row is a criterion (content, depth 1); the unnumbered rows under it are its
/// indicators (item, depth 2, parent the criterion). Documents tables are flat: content, depth 1.
/// Depth is the parent's depth + 1; a top-level row that is not the grand total has depth 1.
///   build_hierarchy(table);  // table.rows[i].parent, .children, .kind, .depth
void build_hierarchy(Table& table);

}  // namespace phuluc
