#pragma once
// Whether an input follows the template of the merge: the same kind of appendix, the same amount
// and rate columns in the same order (header words compared after folding case, diacritics and
// punctuation; "NSĐP", "NSDP" and "NS địa phương" are one split), and the same years in the title.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "table/table.hpp"

namespace phuluc {

/// The amount and rate columns of a table, left to right, as indices into Table::columns: the
/// numbers a merge adds up (amounts) or recomputes (rates).
///   for (std::size_t col_idx : value_columns(table)) ... table.columns[col_idx]
std::vector<std::size_t> value_columns(const Table& table);

/// The amount columns only, left to right (indices into Table::columns).
std::vector<std::size_t> amount_columns(const Table& table);

/// A column's identity for comparing templates: its role, then each header text folded (no case,
/// no diacritics, punctuation as spaces), consecutive repeats once, the split's own words
/// ("Tổng số", "NSTW", "NSĐP") replaced by the split it names.
///   column_identity(column) == "amount|tinh hinh thuc hien ... nam 2026|ke hoach von|<nsdp>"
std::string column_identity(const TableColumn& column);

/// How an input differs from the template.
struct TemplateDifference {
  std::string reason;        ///< refusal::kDifferentTemplate, kDifferentColumns or kDifferentPeriod
  std::string column;        ///< the input's first differing column as letters ("F"); empty otherwise
  std::string found;         ///< the input's header path (" › " joined), kind or title years
  std::string expected;      ///< the template's
  std::string detail;        ///< the same in one English sentence, for logs and JSON
};

/// The first way `input` differs from `reference` (the template), or nullopt when it follows it.
/// Kinds first ("funds" against "investment"), then the amount and rate columns one by one (a
/// column missing on either side names the first column past the shorter list), then the years
/// the titles name ("NĂM 2026" against "NĂM 2025").
///   if (const auto difference = compare_with_template(layout.table, table)) refuse(difference->reason);
std::optional<TemplateDifference> compare_with_template(const Table& reference, const Table& input);

}  // namespace phuluc
