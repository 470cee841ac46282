#pragma once
// Reading one input of a merge: hash its bytes, read it, find its amounts table, check it as
// `phuluc check` does, correct it (--fix) or accept it as it is (--force) when it has errors, map its
// rows to the catalogue, and keep only what consolidation needs. Safe to call from several threads.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "consolidation/merge_input.hpp"
#include "consolidation/template_layout.hpp"
#include "mappings/row_matcher.hpp"
#include "table/table.hpp"

namespace phuluc {

struct ReadInputOptions {
  bool fix = false;          ///< correct an input with errors as `phuluc fix` would, then merge it
  bool force = false;        ///< merge an input with errors as it is
  bool want_layout = true;   ///< also copy its layout (only the template's is used)
};

/// One input after reading. A refused input has only `summary` filled.
struct ParsedInput {
  InputSummary summary;
  std::optional<Table> shape;             ///< its table without rows (titles, unit, columns), to compare templates
  InputTable data;                        ///< rows and amounts (in its own unit)
  std::vector<std::optional<int>> decimals;  ///< per value column (template_match.hpp value_columns): decimals shown
  std::optional<TemplateLayout> layout;   ///< when asked for and accepted
};

/// Reads and judges input number `index` (0-based). Never throws for a bad file: an unreadable
/// file, a workbook without an amounts table, or one with errors (without --fix / --force) comes
/// back refused with its reason. The first table of the workbook with amount columns is used.
/// Errors are findings of severity error; amounts that are no number (an ambiguous "38.996", a
/// formula without a cached value) also refuse an input unless --force (they are then left out).
///   const ParsedInput input = read_input(0, "xa_0001.xlsx", matcher, {});
///   if (input.summary.accepted()) consolidator.add(...);
ParsedInput read_input(std::size_t index, const std::string& path, const RowMatcher& matcher,
                       const ReadInputOptions& options);

}  // namespace phuluc
