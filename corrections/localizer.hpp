#pragma once
// Which cells are wrong and what they should hold: error localization the way statistical offices
// do it (Fellegi–Holt), on the edits of one table (corrections/edit_system.hpp).
#include <optional>
#include <string>
#include <vector>

#include "corrections/edit_system.hpp"
#include "corrections/edit_values.hpp"
#include "corrections/typo.hpp"
#include "table/table.hpp"

namespace phuluc {

/// Why a correction was chosen.
enum class FixBasis {
  provable,      ///< a slip (keystroke, sign, rounding) that resolves every violated edit it touches
  only_cell,     ///< the one cell whose change makes every edit hold; every other cell sits in an edit that holds
  best_cell,     ///< several single cells would do; this one keeps the rates right, or is a slip, or is not blank
  fewest_cells,  ///< no single cell would do; the smallest set (two cells) whose change makes every edit hold
  rate,          ///< a rate recomputed from its amounts once they are settled
  rate_no_base,  ///< a rate removed because its plan is 0
};

/// What set a chosen solution apart from the next best one of the same size.
enum class Preference {
  only,     ///< there was no other
  rates,    ///< it leaves fewer disbursement rates wrong
  slip,     ///< its old values are explained by slips (keystroke, sign, rounding)
  formula,  ///< it changes typed cells, not formulas
  blank,    ///< it changes cells that hold numbers, not empty ones
};

/// Stable word for a basis: "provable", "only-cell", "best-cell", "fewest-cells", "rate", "rate-no-base".
const char* fix_basis_id(FixBasis basis);

/// One cell to change.
struct Correction {
  TableCell cell;
  CellNumber before;            ///< the cell as read
  std::optional<double> value;  ///< the new value (a rate in percent); nullopt: make the cell blank
  std::string code;             ///< the finding code it resolves ("sum-mismatch", "rate-mismatch", ...)
  FixBasis basis = FixBasis::only_cell;
  Slip slip = Slip::none;                    ///< the slip that explains the old value, if any
  Preference preference = Preference::only;  ///< best_cell / fewest_cells: why this solution and not the next
  std::optional<int> show_decimals;          ///< display this many decimals (the value needs more than the cell showed)
  std::vector<TableCell> resolves;  ///< the judged cells (targets) of the violated edits it resolves; for a rate,
                                    ///< its numerator and plan cells
  std::vector<TableCell> together;  ///< the other cells changed with it (a two-cell solution)
  std::vector<std::vector<TableCell>> passed_over;  ///< other solutions as good by count, not chosen
};

/// Violated edits left as they are: several solutions equally good, or none of at most two cells.
struct UnresolvedEdits {
  std::string code;                                ///< "ambiguous-fix" or "fix-not-found"
  std::string edit_code;                           ///< the finding code of the first violated edit ("sum-mismatch")
  std::vector<TableCell> judged;                   ///< targets of the violated edits, in table order
  std::vector<std::vector<TableCell>> candidates;  ///< ambiguous-fix: the equally good solutions
};

/// The result for one table: corrections in the order found (amounts first, then rates) and what
/// was left unresolved.
struct Localization {
  std::vector<Correction> corrections;
  std::vector<UnresolvedEdits> unresolved;
  std::vector<BalanceEdit> blocked;  ///< edits not used: a cell in them is not a number
};

/// The reason sub-code (report/messages.hpp reason_text) that words why a correction was chosen:
/// "fix-keystroke", "fix-only-cell", "fix-best-cell-rates", "fix-pair-blank", "fix-rate", ...
///   reason_text(fix_reason_id(fix), Lang::vi)
std::string fix_reason_id(const Correction& fix);

/// Localizes and corrects the errors of one table:
///  1. the balance edits that do not hold are grouped (edits sharing a cell go together);
///  2. provable corrections first: cells whose value differs from what their violated edits imply
///     by a slip (one keystroke, a sign, the rounding of the displayed value), accepted only when
///     applying them all makes every edit of the group hold and breaks none that held;
///  3. else Fellegi–Holt with minimal cardinality: single cells that lie in every violated edit of
///     the group, whose implied values agree and whose change keeps all their other edits holding
///     (a cell in an edit that holds is exonerated). One candidate → corrected. Several → the best
///     by, in order: fewer rates left wrong afterwards (rates are evidence too), a slip, not a
///     formula, not blank (an empty cell is less likely to have been typed wrong than a number);
///     a tie → "ambiguous-fix", nothing changed there;
///  4. groups still violated (with groups they share an edit with) → two-cell solutions, ranked the
///     same way; a two-cell solution is taken only when it is the unique best and it is either the
///     only one, or at least one of its cells is a slip (else the ranking alone would decide);
///     otherwise "ambiguous-fix" (or "fix-not-found" when there is none);
///  5. rates are derived: once the amounts are settled, each rate that does not hold is recomputed
///     (numerator ÷ plan × 100 at the decimals the rate displays), or blanked when the plan is 0;
///     a rate whose numerator or plan lies in a group left unresolved is not touched.
/// Nothing is changed in cells that are not numbers, and edits touching them are not used.
///   const Localization result = localize_errors(table);
///   for (const Correction& fix : result.corrections) ...
Localization localize_errors(const Table& table);

}  // namespace phuluc
