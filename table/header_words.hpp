#pragma once
// What the words of a header cell, a title line or an STT say. Every function takes text already
// folded with fold_text (table/text_fold.hpp): lower case, no diacritics, single spaces.
#include <string_view>

#include "table/table.hpp"

namespace phuluc {

/// Whether `phrase` occurs in `folded` as whole words ("uoc" in "uoc giai ngan", not in "nuoc").
///   has_words("uoc giai ngan den het nam", "giai ngan") == true
bool has_words(std::string_view folded, std::string_view phrase);

/// Whether `folded` begins with `phrase` as whole words ("ten tieu chi" begins with "ten").
bool starts_with_words(std::string_view folded, std::string_view phrase);

/// Whether a header cell names the STT column: "stt", "tt", "so tt", "so thu tu".
bool is_stt_header(std::string_view folded);

/// How clearly a header cell names the label column: 2 for "nội dung", "tên ...", "loại văn bản",
/// "danh mục", "hạng mục", "diễn giải"; 1 for "chỉ tiêu"; 0 otherwise.
int label_header_strength(std::string_view folded);

/// Whether a header cell names the notes column ("ghi chú").
bool is_note_header(std::string_view folded);

/// Whether a header cell names a rate column ("tỷ lệ", "%").
bool is_rate_header(std::string_view folded);

/// The measure a header cell names: "ước" → estimate (checked first: "ước giải ngân"), "giải ngân",
/// "thực hiện" → disbursed, "kế hoạch", "KH", "dự toán" → plan, other money words ("kinh phí",
/// "số tiền", "vốn", "tổng mức đầu tư") → other; none when it names no measure.
Measure measure_of_header(std::string_view folded);

/// The funding split a header cell names: "tổng số"/"tổng cộng"/"cộng" → total, "NSTW"/"ngân sách
/// trung ương" → central, "NSĐP"/"ngân sách địa phương" → local; none otherwise.
Split split_of_header(std::string_view folded);

/// Whether the text is a word header rows are made of (STT, Nội dung, Kế hoạch, Tổng số, NSTW, Ghi
/// chú, Trích yếu, Tiêu chí, ...): used to tell a header row from a data row.
bool is_header_word(std::string_view folded);

/// Whether a line starts a signature block or the notes under a table: "TM.", "KT.", "Chủ tịch",
/// "Người lập", "Ghi chú:", "Nơi nhận", "Thủ trưởng", "Giám đốc", "Xác nhận", "(Ký ...".
bool is_signature_line(std::string_view folded);

/// Whether a short line is a place-and-date line: "Mường Kim, ngày 19 tháng 6 năm 2026".
bool is_date_line(std::string_view folded);

/// The unit a unit line or header names: "ĐVT: Triệu đồng" → million_dong, "nghìn đồng" →
/// thousand_dong, "tỷ đồng" → billion_dong, "đồng" → dong; unknown otherwise.
Unit unit_of(std::string_view folded);

/// Whether a title line is the unit line ("ĐVT: ...", "Đơn vị tính: ...", "(Đơn vị: ...)").
bool is_unit_line(std::string_view folded);

/// Whether a title line is the "(Kèm theo Báo cáo số ...)" line.
bool is_attached_line(std::string_view folded);

/// Whether a line reads like an appendix title: "Phụ lục", "Biểu", "Tổng hợp", "Báo cáo", "Kết quả",
/// "Tình hình", "Danh mục", "Danh sách", "Các cơ chế", the "(Kèm theo" and unit lines.
bool starts_like_title(std::string_view folded);

}  // namespace phuluc
