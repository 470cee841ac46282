#pragma once
// Finds the appendix tables of a workbook and turns each into a Table.
#include <vector>

#include "model/workbook.hpp"
#include "report/finding.hpp"
#include "table/table.hpp"

namespace phuluc {

/// The tables found and what was noticed while reading them (text-number notices,
/// not-a-number values, ambiguous numbers, formulas without cached values, structure-unclear).
struct TableScan {
  std::vector<Table> tables;
  std::vector<Finding> findings;
};

/// Looks at every visible sheet and returns the appendix tables on them (a sheet may hold several,
/// one under another). A sheet with no recognisable header gives no table, and no finding.
/// How: a header starts at a row naming the STT or label column among header words (case, diacritics
/// and spacing do not matter) and extends over the merged cells hanging from it and the header-word
/// rows under it, plus a row of column numbers (table/header_block.hpp). Titles are the rows above
/// (for a later table on the same sheet, the title-like rows above it). Data runs from under the
/// header to the table's end: a signature or notes line ("TM.", "CHỦ TỊCH", "Người lập", "Ghi chú:",
/// "Nơi nhận", a place-and-date line), five empty rows, free text after an empty row, or the next
/// table's titles; repeated headers (page breaks) are skipped. Values, text numbers and ambiguity:
/// table/table_values.hpp. Rows: table/row_hierarchy.hpp.
/// Findings: "text-number" (notice; not for CSV), "ambiguous-number", "formula-without-value" and
/// "structure-unclear" (warnings; reason "two-label-columns" or "blocks-misaligned").
///   const auto scan = find_tables(read_workbook(path));
///   if (scan.tables.empty()) ... "no table found"
TableScan find_tables(const Workbook& workbook);

}  // namespace phuluc
