#pragma once
// The --json document of `phuluc merge` (schema in docs/merge.md).
#include <ostream>
#include <string>

#include "consolidation/merge_run.hpp"
#include "report/lang.hpp"

namespace phuluc {

/// Writes one JSON document: the output path (null when nothing was written), the exit code, the
/// template, the value columns, every input with its status, the consolidated rows with their
/// values in the template's column order (null for empty), and the rows carried without a key.
/// `lang` is the language of the "message" fields.
///   write_merge_json(std::cout, result, "tong_hop.xlsx", exit_code, Lang::vi);
void write_merge_json(std::ostream& out, const MergeResult& result, const std::string& output, int exit_code, Lang lang);

}  // namespace phuluc
