#pragma once
// The words people read: for every finding code a title and a message template in Vietnamese and
// English, and the message for every reason a file cannot be read. JSON and tests use the codes;
// only this file holds the prose.
#include <string>
#include <string_view>
#include <vector>

#include "readers/read_error.hpp"
#include "report/finding.hpp"
#include "report/lang.hpp"

namespace phuluc {

/// One finding code and its words. Templates may use these placeholders:
/// {found} {expected} {difference} (numbers at the finding's decimals, in the language's style),
/// {text} (Finding::found_text), {related} (the related A1 cells), {stt}, {label}, {column},
/// {reason} (Finding::reason translated; falls back to Finding::detail in English).
struct MessageTemplate {
  std::string_view code;      ///< stable code, e.g. "sum-mismatch"
  Severity severity;          ///< the severity findings with this code carry (documentation; the finding decides)
  std::string_view title_vi;  ///< a short title
  std::string_view title_en;
  std::string_view text_vi;  ///< one sentence or two, with placeholders
  std::string_view text_en;
};

/// Every code known to the report, in the order docs/check.md lists them.
///   for (const auto& entry : message_templates()) std::cout << entry.code << '\n';
const std::vector<MessageTemplate>& message_templates();

/// The template for a code, or nullptr for a code this table does not know.
///   if (const auto* entry = find_message_template("rate-mismatch")) ...
const MessageTemplate* find_message_template(std::string_view code);

/// The finding's title; an unknown code gives the code itself.
///   finding_title(finding, Lang::vi)  // "Dòng cha khác tổng các dòng con"
std::string finding_title(const Finding& finding, Lang lang);

/// The finding's message with every placeholder filled; an unknown code gives Finding::detail.
///   finding_message(finding, Lang::en)  // "Shows 187.09, but its child rows add up to 187.00; difference 0.09."
std::string finding_message(const Finding& finding, Lang lang);

/// The words for a reason sub-code (Finding::reason, e.g. "rate-no-plan", "fix-keystroke"); empty when unknown.
///   reason_text("fix-rounding", Lang::en)  // "the difference is within the rounding of ..."
std::string reason_text(std::string_view reason_id, Lang lang);

/// "lỗi" / "cảnh báo" / "ghi chú" in Vietnamese, "error" / "warning" / "notice" in English.
std::string severity_word(Severity severity, Lang lang);

/// What to tell a person when a file cannot be read, for every ReadErrorCode.
///   read_error_message(ReadErrorCode::encrypted, Lang::vi)
///   // "Tệp đã bị mã hóa bằng mật khẩu; hãy gỡ mật khẩu rồi gửi lại."
std::string read_error_message(ReadErrorCode code, Lang lang);

/// Identifiers of the file-level problems that are not reader errors (JSON "error.code").
inline constexpr std::string_view kNoTableId = "no-table";                ///< no appendix table in the file
inline constexpr std::string_view kWrongTemplateId = "wrong-template";    ///< tables, but none of a known kind
inline constexpr std::string_view kNoSpreadsheetsId = "no-spreadsheets";  ///< a directory without .xlsx/.xls/.csv
inline constexpr std::string_view kInternalErrorId = "internal-error";    ///< a failure of phuluc itself

/// The message for one of the ids above; an unknown id gives a generic "cannot be checked" sentence.
///   file_error_message(kNoTableId, Lang::en)  // "No appendix table was found ..."
std::string file_error_message(std::string_view id, Lang lang);

}  // namespace phuluc
