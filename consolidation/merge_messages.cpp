#include "consolidation/merge_messages.hpp"

#include "consolidation/unit_conversion.hpp"
#include "report/messages.hpp"

namespace phuluc {
namespace {

std::string errors_listed(const InputSummary& summary) {
  std::string text;
  for (std::size_t i = 0; i < summary.errors.size() && i < 5; ++i)
    text += (i == 0 ? "" : ", ") + summary.errors[i].code +
            (summary.errors[i].cell.empty() ? std::string() : " " + summary.errors[i].cell);
  if (summary.counts.errors > 5) text += ", ...";
  return text;
}

std::string refused_text(const InputSummary& summary, Lang lang) {
  const std::string& reason = summary.reason;
  const std::string n = std::to_string(summary.counts.errors);
  if (reason == refusal::kUnreadable) {
    if (summary.read_error) return read_error_message(*summary.read_error, lang);
    return file_error_message(kInternalErrorId, lang);
  }
  if (reason == refusal::kNoTable)
    return pick(lang, "Không tìm thấy bảng số liệu có cột số tiền (kế hoạch, giải ngân...).",
                "No table with amount columns (plan, disbursement...) was found.");
  if (reason == refusal::kHasErrors)
    return pick(lang, "Có ", "") + n + pick(lang, " lỗi số học (", " arithmetic error(s) (") + errors_listed(summary) +
           pick(lang, "); không tổng hợp. Dùng --fix để sửa trước khi tổng hợp, hoặc --force để vẫn tổng hợp.",
                "); not merged. Use --fix to correct it before merging, or --force to merge it anyway.");
  if (reason == refusal::kNotSummable)
    return pick(lang, "Có ô số tiền không phải là số (công thức chưa có giá trị, lỗi như #REF!): ",
                "Amount cells that are no number (formulas without a value, errors such as #REF!): ") +
           summary.detail + pick(lang, "; không tổng hợp. Mở và lưu lại tệp bằng Excel hoặc LibreOffice, hoặc dùng --force.",
                                 "; not merged. Open and save the file in Excel or LibreOffice, or use --force.");
  if (reason == refusal::kFixFailed)
    return pick(lang, "Đã thử sửa (--fix) nhưng vẫn còn lỗi (", "Tried to correct it (--fix) but errors remain (") +
           summary.detail + pick(lang, "); không tổng hợp.", "); not merged.");
  if (reason == refusal::kDifferentTemplate)
    return pick(lang, "Khác mẫu biểu: bảng thuộc loại '", "A different template: the table is of kind '") + summary.found +
           pick(lang, "', mẫu thuộc loại '", "', the template's of kind '") + summary.expected + "'.";
  if (reason == refusal::kDifferentColumns) {
    const std::string found = summary.found.empty() ? pick(lang, "(không có)", "(none)") : "'" + summary.found + "'";
    const std::string expected = summary.expected.empty() ? pick(lang, "(không có)", "(none)") : "'" + summary.expected + "'";
    return pick(lang, "Khác cột với mẫu: cột ", "Columns differ from the template: column ") + summary.column +
           pick(lang, " là ", " is ") + found + pick(lang, ", mẫu có ", ", the template has ") + expected + ".";
  }
  if (reason == refusal::kDifferentPeriod)
    return pick(lang, "Khác kỳ báo cáo: tiêu đề ghi năm ", "A different period: the title names the year(s) ") +
           summary.found + pick(lang, ", tiêu đề của mẫu ghi năm ", ", the template's ") + summary.expected + ".";
  if (reason == refusal::kUnknownUnit) {
    const std::string none = pick(lang, "(không có dòng ĐVT)", "(no ĐVT line)");
    return pick(lang, "Không rõ đơn vị tính nên không quy đổi được: tệp ghi ", "The unit is not known, so amounts cannot be converted: the file says ") +
           (summary.found.empty() ? none : "'" + summary.found + "'") + pick(lang, ", mẫu ghi ", ", the template ") +
           (summary.expected.empty() ? none : "'" + summary.expected + "'") + ".";
  }
  if (reason == refusal::kDuplicateFile)
    return pick(lang, "Trùng nội dung với tệp ", "The same bytes as ") + summary.found +
           pick(lang, " (cùng SHA-256); không cộng hai lần.", " (same SHA-256); not added twice.");
  if (reason == refusal::kNothingMapped)
    return pick(lang, "Không dòng nào khớp danh mục chương trình, dự án; có lẽ không phải mẫu này.",
                "No row matched the catalogue of programs and projects; probably another template.");
  return summary.detail;
}

void add_sentence(std::string& text, const std::string& sentence) {
  if (!text.empty()) text += " ";
  text += sentence;
}

}  // namespace

std::string input_status_text(InputStatus status, Lang lang) {
  switch (status) {
    case InputStatus::merged: return pick(lang, "đã tổng hợp", "merged");
    case InputStatus::fixed: return pick(lang, "đã sửa rồi tổng hợp", "corrected, then merged");
    case InputStatus::forced: return pick(lang, "tổng hợp dù có lỗi", "merged despite errors");
    case InputStatus::refused: return pick(lang, "không tổng hợp", "not merged");
  }
  return {};
}

std::string input_reason_text(const InputSummary& summary, Lang lang) {
  if (summary.status == InputStatus::refused) return refused_text(summary, lang);
  std::string text;
  if (summary.status == InputStatus::fixed)
    add_sentence(text, pick(lang, "Đã sửa ", "Corrected ") + std::to_string(summary.corrections) +
                           pick(lang, " ô như lệnh phuluc fix rồi mới tổng hợp.", " cell(s) as phuluc fix does, then merged."));
  if (summary.status == InputStatus::forced) {
    add_sentence(text, pick(lang, "Vẫn tổng hợp dù có ", "Merged despite ") + std::to_string(summary.counts.errors) +
                           pick(lang, " lỗi (--force): ", " error(s) (--force): ") + errors_listed(summary) +
                           pick(lang, "; số liệu dùng như trong tệp, dòng cha, Tổng số và tỷ lệ được tính lại.",
                                "; its numbers are used as they are, parents, Tổng số and rates recomputed."));
    if (summary.skipped_cells > 0)
      add_sentence(text, std::to_string(summary.skipped_cells) +
                             pick(lang, " ô số tiền không phải là số bị bỏ qua.", " amount cell(s) that are no number left out."));
  }
  if (summary.unit_shift && *summary.unit_shift != 0)
    add_sentence(text, std::string(pick(lang, "Đã quy đổi từ ", "Converted from ")) + unit_name(summary.unit, lang) +
                           pick(lang, " sang ", " to ") + unit_name(summary.converted_to, lang) + ".");
  if (summary.ambiguous_read > 0)
    add_sentence(text, std::to_string(summary.ambiguous_read) +
                           pick(lang, " ô số gõ dạng chữ đọc được hai cách (như \"38.996\"), đã đọc theo cách Việt Nam (dấu phẩy thập phân).",
                                " amount(s) typed as text with two readings (such as \"38.996\") read the Vietnamese way (decimal comma)."));
  if (summary.unmatched > 0)
    add_sentence(text, std::to_string(summary.unmatched) +
                           pick(lang, " dòng không khớp danh mục được giữ riêng, ghi tên xã, dưới dòng cha của nó.",
                                " row(s) matching no catalogue entry kept apart, labelled with the commune, under their parent."));
  return text;
}

std::string unmatched_reason_text(const std::string& reason, Lang lang) {
  if (reason == "unmapped") return pick(lang, "không có trong danh mục", "not in the catalogue");
  if (reason == "ambiguous") return pick(lang, "khớp nhiều mục như nhau", "fits several entries equally");
  if (reason == "conflict") return pick(lang, "STT và tên chỉ hai mục khác nhau", "STT and label name different entries");
  if (reason == "detail") return pick(lang, "dòng chi tiết dưới một mục", "a detail row under an entry");
  if (reason == "blank") return pick(lang, "dòng không có STT và tên", "a row without STT and label");
  if (reason == "duplicate-key") return pick(lang, "mục đã có ở dòng trên", "the entry already appears above");
  if (reason == "different-parent") return pick(lang, "nằm dưới một mục cha khác danh mục", "under another parent than the catalogue's");
  if (reason == "under-unmatched") return pick(lang, "nằm dưới một dòng không khớp", "under a row that matched nothing");
  return reason;
}

}  // namespace phuluc
