#pragma once
// The words people read about a merge: each input's status and why it was refused or how it was
// treated, in Vietnamese (the "Nguồn" sheet, default) or English. JSON and tests use the codes.
#include <string>

#include "consolidation/merge_input.hpp"
#include "report/lang.hpp"

namespace phuluc {

/// "đã tổng hợp" / "merged", "đã sửa rồi tổng hợp" / "corrected, then merged",
/// "tổng hợp dù có lỗi" / "merged despite errors", "không tổng hợp" / "not merged".
std::string input_status_text(InputStatus status, Lang lang);

/// One or two sentences: why the input was refused (naming the differing column, the errors, the
/// unit...), or for an accepted one what was done to it (unit converted, cells corrected, rows kept
/// apart); empty when it was merged with nothing to say.
///   input_reason_text(summary, Lang::vi)
///   // "Có 3 lỗi số học (sum-mismatch M45, split-mismatch L44, ...); không tổng hợp. Dùng --fix ..."
std::string input_reason_text(const InputSummary& summary, Lang lang);

/// A merge row's reason for being carried ("unmapped", "duplicate-key", ...) as people read it.
std::string unmatched_reason_text(const std::string& reason, Lang lang);

}  // namespace phuluc
