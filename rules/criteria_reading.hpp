#pragma once
// How the NTM criteria table is read: which columns hold the target (Chỉ tiêu) and the result
// (Kết quả), what verdict a text gives ("Đạt", "K. Đạt", "Không quy định"), the number a target
// asks for ("≥98%", "≤13%", "từ 9,5 - 12%") and the number a result shows ("99,82", "17,4% K. Đạt").
#include <cstddef>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "table/table.hpp"

namespace phuluc {

enum class Verdict {
  none,            ///< no verdict words
  met,             ///< "Đạt"
  not_met,         ///< "K. Đạt", "Không đạt", "Chưa đạt"
  not_applicable   ///< "Không quy định", "Không áp dụng": the indicator does not count against its criterion
};

/// The verdict a text states, judged on its words after folding (case and diacritics do not matter).
///   verdict_in("34,77 Đạt") == Verdict::met;  verdict_in("17,4% K. Đạt") == Verdict::not_met
Verdict verdict_in(std::string_view text);

/// Whether the whole text is a negative verdict ("K. Đạt", "Không đạt", "Chưa đạt"), as a result
/// column would say: a target cannot be that.
bool is_negative_verdict_only(std::string_view text);

/// The range of numbers a target accepts, both ends inclusive.
struct NumericTarget {
  double low = -std::numeric_limits<double>::infinity();
  double high = std::numeric_limits<double>::infinity();
  bool accepts(double value) const { return value >= low - 1e-9 && value <= high + 1e-9; }
};

/// A numeric target: "≥98%" and a bare "100%" → at least; "≤13%" → at most; "từ 9,5 - 12%" → a
/// range. nullopt when the text holds no number ("Đạt") or two numbers without a range.
///   numeric_target("≥ 01 mô hình")->low == 1
std::optional<NumericTarget> numeric_target(std::string_view text);

/// The first number a result text shows, read the Vietnamese way: "99,82" → 99.82, "5% K. Đạt" → 5.
std::optional<double> first_number(std::string_view text);

/// A value as its cell shows it: text as typed; a number as a plain decimal ("99.82"), a percent
/// format times 100 with "%".
std::string value_text(const TableValue& value);

/// The criteria table's target and result columns (indices into Table::columns), by header words
/// "Chỉ tiêu" and "Kết quả"; the note column ("Ghi chú") may also carry a verdict.
struct CriteriaColumns {
  std::optional<std::size_t> target;
  std::optional<std::size_t> result;
  std::optional<std::size_t> note;
};
CriteriaColumns criteria_columns(const Table& table);

/// How one indicator stands: its verdict as written (result, else note), else what its number says
/// against the target; Verdict::none when neither tells.
Verdict indicator_status(const Table& table, const CriteriaColumns& columns, std::size_t row_idx);

/// Whether a criteria row carries an indicator (a target or a result), for criterion rows whose
/// first indicator sits on the criterion's own row.
bool has_indicator(const Table& table, const CriteriaColumns& columns, std::size_t row_idx);

}  // namespace phuluc
