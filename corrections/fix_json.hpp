#pragma once
// The `phuluc fix --json` document. Its schema is documented field by field in docs/fix.md and is
// an interface: add fields, never rename or remove them.
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "corrections/fix_workbook.hpp"
#include "report/file_report.hpp"
#include "report/lang.hpp"

namespace phuluc {

/// Value of the top-level "schema" field.
inline constexpr const char* kFixJsonSchema = "phuluc-fix/1";

/// One input file of a `phuluc fix` run.
struct FixFileResult {
  std::string path;                           ///< as given
  std::optional<std::string> output;          ///< the file written; nullopt when none was
  std::optional<FileError> error;             ///< why the file was not corrected or not written
  std::string error_message;                  ///< translated message for `error`
  WorkbookFix fix;                            ///< empty when the file could not be read
  std::vector<ReaderLimitation> limitations;  ///< what could not be carried (e.g. .xls merges)
};

/// The exit code of a run: 2 when a file could not be read or written, else 1 when something is
/// left wrong in some file, else 0.
///   return fix_exit_code(results);
int fix_exit_code(const std::vector<FixFileResult>& results);

/// Writes the whole --json document: {"schema", "lang", "files": [{"path", "output", "error",
/// "tables", "corrections": [{"sheet", "cell", "old", "new", "code", "reason", ...}],
/// "unresolved": [{"sheet", "cell", "code", "message", "cells", "candidates"}], "formulas",
/// "limitations", "summary"}], "summary": {..., "exit_code"}}. Numbers are in the table's unit;
/// "old" / "new" are null for an empty cell and a string for text.
///   write_fix_json(std::cout, results, Lang::en, fix_exit_code(results));
void write_fix_json(std::ostream& out, const std::vector<FixFileResult>& results, Lang lang, int exit_code);

}  // namespace phuluc
