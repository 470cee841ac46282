#pragma once
// One thing found in a file: an arithmetic error, a doubtful row, a number typed as text.
// Expected data problems are Findings collected into a report; they never throw.
#include <optional>
#include <string>
#include <vector>

#include "model/cell_ref.hpp"

namespace phuluc {

enum class Severity { error, warning, notice };

/// "error", "warning", "notice": the JSON spelling.
const char* severity_id(Severity severity);

/// A finding. `code` is stable ("sum-mismatch", "rate-mismatch", "text-number"); JSON and tests use
/// it; people read the message made from the code and the fields (report/messages.hpp).
struct Finding {
  std::string code;
  Severity severity = Severity::error;
  std::string sheet;
  std::optional<CellRef> cell;   ///< the cell judged wrong (0-based), when one can be named
  std::string stt;               ///< the row's STT as printed ("V.3")
  std::string row_label;         ///< the row's label (Nội dung)
  std::string column;            ///< the column's header path ("Kế hoạch vốn › NSTW")
  std::optional<double> found;   ///< the value in the file, in the table's unit
  std::optional<double> expected;
  std::string found_text;        ///< the raw text, for text cells ("272,50", "abc")
  int decimals = 3;              ///< precision the numbers are shown and compared at
  std::vector<std::string> related;  ///< A1 cells the judgement used (the children, the plan cell)
  std::string detail;            ///< code-specific extra words (in English, for logs and JSON)
  std::string reason;            ///< stable sub-code wording structure-unclear / check-skipped / text-number
                                 ///< ("rate-no-plan"); translated by report/messages.hpp; empty otherwise

  std::optional<double> difference() const {
    if (found && expected) return *found - *expected;
    return std::nullopt;
  }
};

}  // namespace phuluc
