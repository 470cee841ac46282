#pragma once
// The rows of an official appendix before they are laid out on a sheet: the skeleton a template
// takes from the catalogue (TỔNG CỘNG, programs, Dự án, Tiểu dự án, contents; or the NTM criteria),
// with what a commune typed in them once a file is converted.
#include <optional>
#include <string>
#include <vector>

#include "mappings/catalogue.hpp"
#include "table/table.hpp"
#include "templates/template_definition.hpp"

namespace phuluc {

/// Key of the grand total row (TỔNG CỘNG, the criteria table's "Tổng").
inline constexpr const char* kTotalRowKey = "total";

struct OfficialRow {
  std::string key;            ///< catalogue key, kTotalRowKey, or empty (công trình, indicators, numbered rows)
  std::string stt;            ///< as printed: "A", "V", "V.1", "1", ""
  std::string label;          ///< as printed
  RowKind kind = RowKind::content;
  int parent = -1;            ///< index into OfficialTable::rows; -1 for a root
  std::vector<int> children;  ///< indices into OfficialTable::rows, in sheet order
  std::vector<std::optional<double>> numbers;  ///< per template column: amounts and rates as typed (nullopt: empty)
  std::vector<std::string> texts;              ///< per template column: what text and note columns hold
  std::vector<std::optional<int>> decimals;    ///< per template column: decimals the typed number was shown with
};

/// The rows in a tree; rows are appended, the sheet order is display_order().
struct OfficialTable {
  std::vector<OfficialRow> rows;
  std::vector<int> roots;     ///< top-level rows in sheet order

  /// Appends a row under `parent` (-1: a root), last among its siblings; returns its index.
  int add(OfficialRow row, int parent);
  /// Index of the row with a catalogue key, or -1.
  int find_key(const std::string& key) const;
  /// Rows in sheet order: each row followed by its children (pre-order).
  std::vector<int> display_order() const;
};

/// An empty row with room for every column of the template.
OfficialRow blank_official_row(const TemplateDefinition& definition);

/// "I", "II", ... "XXXIX" for 1..39; the number itself beyond.
std::string roman_numeral(int number);

/// The blank rows of a template: for catalogue programs (`programs`, else the template's), the
/// TỔNG CỘNG row and each program (A, B, C, label in capitals), its Dự án or nội dung thành phần
/// (I, II, "Dự án 5: ..."), Tiểu dự án (V.1, "Tiểu dự án 1: ..."), contents (unnumbered) down to the
/// template's depth, plus `detail_rows` empty rows under each deepest row; for criteria, the "Tổng"
/// row and one row per criterion of the set; for numbered lists, rows 1..blank_rows. Unknown
/// program keys are skipped (the caller validates them first).
///   OfficialTable table = template_skeleton(definition, catalogue, {"dtts"});
OfficialTable template_skeleton(const TemplateDefinition& definition, const Catalogue& catalogue,
                                const std::vector<std::string>& programs);

}  // namespace phuluc
