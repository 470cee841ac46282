#pragma once
// Maps every row of an appendix Table to its catalogue key, walking the table's hierarchy so each
// row is matched in the light of the row it sits under, and turns the doubtful rows into Findings:
// "unmapped-row", "ambiguous-row", "label-stt-conflict" (warnings) and "legacy-encoding".
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "mappings/row_matcher.hpp"
#include "model/cell_ref.hpp"
#include "model/sheet.hpp"
#include "report/finding.hpp"
#include "table/table.hpp"

namespace phuluc {

/// One data row and what it was matched to.
struct RowMapping {
  std::size_t row_index = 0;        ///< index into Table::rows
  std::uint32_t sheet_row = 0;      ///< 0-based sheet row (Excel shows sheet_row + 1)
  std::optional<CellRef> cell;      ///< 0-based label cell (the STT cell when the table has no label column)
  std::string stt;                  ///< as printed
  std::string label;                ///< as printed (NFC)
  RowKind kind = RowKind::other;
  std::string context_key;          ///< the parent key the row was matched under ("" at the top)
  RowMatch match;
};

/// All rows of one table and the findings about them.
struct TableMapping {
  std::vector<RowMapping> rows;     ///< in table order; empty for tables that list no programs (documents)
  std::vector<Finding> findings;    ///< one per unmapped, ambiguous or conflicting row, plus legacy-encoding
  std::string scope_key;            ///< the criteria set chosen for a criteria table ("ntm.tc2030"), else ""
};

/// Whether a status calls for the user's attention (and makes `phuluc map` exit 1).
bool needs_attention(MatchStatus status);

/// The stable finding code for a status: "unmapped-row", "ambiguous-row", "label-stt-conflict";
/// nullptr for statuses that are not findings (mapped, total, detail, blank).
const char* finding_code(MatchStatus status);

/// Maps a table's rows. Funds and investment tables: each row is matched under the key of its
/// nearest mapped ancestor (Table hierarchy), or under the last program seen above when the table
/// gave it no parent. Criteria tables: under the NTM criteria set the title names (2021-2025 or
/// 2026-2030), or the one the rows fit best. Documents tables give no rows.
/// @param sheet the sheet the table was found on, when at hand: a label cell whose text is TCVN3 or
///   VNI is then decoded from the cell as stored (Table labels drop the soft hyphen TCVN3 uses for ư)
///   const auto mapping = map_table(scan.tables[0], matcher, &workbook.sheets[scan.tables[0].sheet_index]);
///   for (const auto& row : mapping.rows) if (row.match.status == MatchStatus::mapped) ... row.match.key
TableMapping map_table(const Table& table, const RowMatcher& matcher, const Sheet* sheet = nullptr);

}  // namespace phuluc
