#pragma once
// One workbook through `phuluc fix`: find its tables, localize and correct their errors, optionally
// write the relations as formulas, check the result again, and say how to write it out.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "model/workbook.hpp"
#include "report/file_report.hpp"
#include "report/finding.hpp"
#include "report/lang.hpp"
#include "writers/xlsx_writer.hpp"

namespace phuluc {

struct FixOptions {
  bool formulas = false;  ///< write parent rows, Tổng số and rates as formulas (--formulas)
  Lang lang = Lang::vi;   ///< language of reasons, notes and the change list
};

/// One corrected cell, as the JSON, the notes and the change list show it.
struct FixedCell {
  std::size_t sheet_index = 0;  ///< index into Workbook::sheets
  std::string sheet;
  CellRef cell;             ///< 0-based
  LoggedValue old_value;    ///< number (rates in percent), text as typed, or none (empty)
  LoggedValue new_value;    ///< number, "-" , or none (emptied)
  std::string old_formula;  ///< the formula the cell holds (kept), empty for a typed value
  std::string code;         ///< the finding code it resolves ("sum-mismatch", "rate-mismatch", ...)
  std::string basis;        ///< fix_basis_id: "provable", "only-cell", "best-cell", "fewest-cells", "rate", ...
  std::string slip;         ///< slip_id: "keystroke", "sign", "rounding", "none"
  std::string reason_code;  ///< fix_reason_id: "fix-keystroke", "fix-only-cell", ...
  std::string reason;       ///< translated: old and new value, why, and the cells checked against
  std::vector<std::string> related;   ///< A1 cells it was checked against (judged cells; numerator and plan of a rate)
  std::vector<std::string> together;  ///< A1 cells changed with it (a two-cell solution)
};

/// Something the fix left wrong: violated relations it did not change, or an error still found in
/// the corrected workbook.
struct UnresolvedCell {
  std::string sheet;
  std::optional<CellRef> cell;     ///< 0-based; the first judged cell of an ambiguous group
  std::string code;                ///< "ambiguous-fix", "fix-not-found", or the code of an error still there
  std::vector<std::string> cells;  ///< A1 cells of the relations left as they are
  std::vector<std::vector<std::string>> candidates;  ///< ambiguous-fix: cells (A1) of each equally good solution
  std::string message;                               ///< translated
};

/// The outcome for one workbook.
struct WorkbookFix {
  std::vector<FixedCell> corrections;      ///< by sheet order, then row, then column
  std::vector<UnresolvedCell> unresolved;  ///< ambiguous-fix / fix-not-found first, then errors left
  std::vector<Finding> remaining;          ///< every finding of the corrected workbook (check_workbook)
  std::optional<FileError> error;          ///< no table / wrong template: nothing was changed
  std::size_t tables = 0;
  std::size_t formulas = 0;  ///< formulas written (--formulas)
};

/// Corrects `workbook` in place (see corrections/localizer.hpp for how cells are chosen, and
/// corrections/apply_corrections.hpp for how they are written), then checks it again with the
/// same rules as `phuluc check`: every error still found is unresolved. A workbook without a
/// table of a known kind is not changed and gets `error`.
///   Workbook workbook = read_workbook(path);
///   const WorkbookFix fix = fix_workbook(workbook, {});
///   write_xlsx(workbook, output, fix_write_options(fix, true, Lang::vi));
WorkbookFix fix_workbook(Workbook& workbook, const FixOptions& options);

/// How to write the corrected workbook: with `mark` and at least one correction, each corrected
/// cell highlighted with a note (old value and reason) and a "Kiểm tra" sheet (its header row in
/// `lang`) listing every change with a link to its cell; without `mark` (--no-mark), or with nothing
/// corrected, a plain copy. The creation time stays fixed (same input, same bytes).
///   const XlsxWriteOptions options = fix_write_options(fix, !no_mark, lang);
XlsxWriteOptions fix_write_options(const WorkbookFix& fix, bool mark, Lang lang);

}  // namespace phuluc
