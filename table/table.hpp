#pragma once
// The appendix table found on a sheet: its titles, unit, header paths, columns and rows with hierarchy.
// Produced by find_tables (table/table_finder.hpp); read by rules, mappings and writers.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/cell_ref.hpp"

namespace phuluc {

/// What kind of appendix the title and header say this is: documents ("Trích yếu", "Loại văn bản"),
/// criteria ("tiêu chí"), investment (money columns and a title or label header naming công trình /
/// đầu tư phát triển), funds (any other table with money columns), unknown.
enum class TableKind { funds, investment, criteria, documents, unknown };

/// The unit line ("ĐVT: Triệu đồng"). Amounts stay in this unit; merge converts between them.
enum class Unit { unknown, dong, thousand_dong, million_dong, billion_dong };

/// What a column holds, from its header words.
enum class ColumnRole { stt, label, amount, rate, note, text };

/// Which measure an amount or rate column belongs to ("Kế hoạch vốn", "Giải ngân ...", "Ước giải ngân").
enum class Measure { none, plan, disbursed, estimate, other };

/// The funding split of a column: "Tổng số", "NSTW" (central budget), "NSĐP" (local budget).
enum class Split { none, total, central, local };

struct TableColumn {
  std::uint32_t col = 0;              ///< 0-based sheet column
  std::vector<std::string> path;      ///< header texts top to bottom, merged cells repeated, NFC, trimmed
  std::string path_text;              ///< path joined with " › ", duplicates collapsed
  ColumnRole role = ColumnRole::text;
  Measure measure = Measure::none;    ///< for amount columns; for rate columns, the measure it is a rate of
  Split split = Split::none;
  int block = -1;                     ///< 0-based top-level header group (e.g. "vốn kéo dài" = 0, "vốn năm 2026" = 1)
  std::optional<int> decimals;        ///< decimals the column's data cells display (most common), if known
};

/// How a value cell reads.
enum class ValueState {
  blank,          ///< empty cell (counts as zero)
  dash,           ///< "-" or "–" (counts as zero)
  number,         ///< a real number cell (or a formula with a cached number)
  text_number,    ///< text that reads as one number ("272,50", "1.234,567", "74,38%")
  ambiguous_text, ///< text with two readings ("38.996": 38996 or 38.996); number holds neither for sure
  not_a_number,   ///< text that is no number
  error,          ///< an error value (#REF!, #DIV/0!)
  no_cached_value ///< a formula the file stored no result for
};

struct TableValue {
  ValueState state = ValueState::blank;
  double number = 0.0;            ///< the value for number/text_number; 0 for blank/dash
  std::string raw;                ///< the cell's text as typed (text, error) or formula
  std::optional<int> decimals;    ///< decimals this cell displays (format, or digits typed in text)
  std::vector<double> readings;   ///< ambiguous_text: every reading, the most likely first; a resolved
                                  ///< ambiguity (text_number) keeps both, the chosen one first
  bool has_formula = false;
  bool percent_format = false;    ///< number cell with a '%' format: `number` is the stored fraction (0.7438 shows 74.38%)
  bool typed_percent = false;     ///< text typed with '%' ("74,38%"): `number` is as typed (74.38)

  /// Whether the value takes part in arithmetic as a number (blank and dash count as 0).
  bool is_numeric() const {
    return state == ValueState::blank || state == ValueState::dash || state == ValueState::number ||
           state == ValueState::text_number;
  }
};

/// The level a row sits at in the program → project → sub-project → content hierarchy.
enum class RowKind {
  grand_total,  ///< TỔNG CỘNG, Tổng số
  program,      ///< A, B, C / "Chương trình ..."
  project,      ///< I, II, ... / "Dự án N"
  subproject,   ///< V.1, III.2 / "Tiểu dự án N"
  content,      ///< 1, 2, 1.1, unnumbered under a sub-project / "Nội dung N"
  item,         ///< "-", "+", "*" bullets and deeper rows
  other         ///< rows with no numbers and no hierarchy role (section captions)
};

struct TableRow {
  std::uint32_t sheet_row = 0;     ///< 0-based sheet row
  std::string stt;                 ///< STT as printed, trimmed ("V.1", "A", "", "-"); a number cell as its
                                   ///< format shows it (1.1 → "1.1", with format "0.00" → "1.10")
  std::string label;               ///< Nội dung / Tên, NFC, inner whitespace folded. When the label cell is
                                   ///< empty and the STT holds words ("TỔNG CỘNG" merged over both), those
                                   ///< words; in criteria tables an indicator row's text ("2.2. ...")
  RowKind kind = RowKind::other;   ///< how kinds are chosen: table/row_hierarchy.hpp build_hierarchy
  int depth = 0;                   ///< 0 for the grand total, 1 programs, ... increasing downwards
  int parent = -1;                 ///< index into Table::rows, -1 for top-level rows
  std::vector<int> children;       ///< indices into Table::rows, in sheet order
  bool bold = false;               ///< a hint only
  bool hidden = false;             ///< the sheet row is hidden
  std::vector<TableValue> values;  ///< parallel to Table::columns
};

struct Table {
  std::size_t sheet_index = 0;
  std::string sheet;                   ///< sheet name
  TableKind kind = TableKind::unknown;
  std::vector<std::string> titles;     ///< title lines above the header, top to bottom ("PHỤ LỤC II", "TỔNG HỢP ..."),
                                       ///< one per filled cell; the "(Kèm theo ...)" and unit lines go to
                                       ///< attached_to and unit_text instead
  std::string title;                   ///< the main title line (the "TỔNG HỢP ..." one), or the first
  std::string attached_to;             ///< the "(Kèm theo Báo cáo số ...)" line, without parentheses
  std::string unit_text;               ///< as printed: "ĐVT: Triệu đồng" (empty when only a header names the unit)
  Unit unit = Unit::unknown;
  std::uint32_t header_first = 0;      ///< 0-based sheet row, inclusive
  std::uint32_t header_last = 0;       ///< 0-based sheet row, inclusive
  std::optional<std::uint32_t> stt_col;    ///< 0-based sheet column
  std::optional<std::uint32_t> label_col;  ///< 0-based sheet column
  std::vector<TableColumn> columns;    ///< every column of the table, left to right
  std::vector<TableRow> rows;          ///< data rows, top to bottom
  std::uint32_t data_last = 0;         ///< 0-based sheet row of the table's last data row (header_last if none)

  /// Index into columns of a 0-based sheet column, or -1.
  int column_index(std::uint32_t sheet_col) const {
    for (std::size_t i = 0; i < columns.size(); ++i)
      if (columns[i].col == sheet_col) return static_cast<int>(i);
    return -1;
  }
};

}  // namespace phuluc
