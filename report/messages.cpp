#include "report/messages.hpp"

#include <algorithm>
#include <string>

#include "model/cell_ref.hpp"
#include "report/number_format.hpp"

namespace phuluc {
namespace {

using S = Severity;

// Keep this list in step with docs/check.md ("Finding codes").
const std::vector<MessageTemplate> kTemplates = {
    {"sum-mismatch", S::error, "Dòng cha khác tổng các dòng con", "Parent row differs from the sum of its children",
     "Ghi {found}, nhưng tổng các dòng con ({related}) là {expected}; chênh lệch {difference}.",
     "Shows {found}, but its child rows ({related}) add up to {expected}; difference {difference}."},
    {"split-mismatch", S::error, "Tổng số khác tổng các phần (NSTW + NSĐP, ...)",
     "Total differs from the sum of its parts (NSTW + NSĐP, ...)",
     "Cột tổng ghi {found}, nhưng các phần của nó ({related}) cộng lại là {expected}; chênh lệch {difference}.",
     "The total shows {found}, but its parts ({related}) add up to {expected}; difference {difference}."},
    {"rate-mismatch", S::error, "Tỷ lệ giải ngân tính sai", "Disbursement rate is wrong",
     "Tỷ lệ ghi {found}, nhưng giải ngân ÷ kế hoạch × 100 ({related}) là {expected}; chênh lệch {difference}.",
     "The rate shows {found}, but disbursed ÷ plan × 100 ({related}) is {expected}; difference {difference}."},
    {"rate-without-base", S::error, "Có tỷ lệ khi kế hoạch vốn bằng 0", "Rate given on a plan of 0",
     "Kế hoạch vốn ({related}) bằng 0 nên tỷ lệ phải để trống, ghi 0 hoặc \"-\", nhưng ô ghi {found}.",
     "The plan ({related}) is 0, so the rate must be blank, 0 or \"-\", but the cell shows {found}."},
    {"total-mismatch", S::error, "Dòng tổng cộng khác tổng các dòng", "Grand total differs from the sum of the rows",
     "Ghi {found}, nhưng tổng các dòng cấp trên cùng ({related}) là {expected}; chênh lệch {difference}.",
     "Shows {found}, but the top-level rows ({related}) add up to {expected}; difference {difference}."},
    {"not-a-number", S::error, "Ô số liệu không phải là số", "Numeric cell holds no number",
     "Ô trong cột số liệu chứa \"{text}\", không phải là một số; các phép kiểm tra cần ô này đã bỏ qua.",
     "A cell in a numeric column holds \"{text}\", which is not a number; the checks that need it were skipped."},
    {"negative-amount", S::warning, "Số tiền âm", "Negative amount",
     "Số tiền âm ({found}): kế hoạch vốn, giải ngân và ước giải ngân thường không nhỏ hơn 0; hãy xem lại "
     "(nếu là điều chỉnh giảm thì ghi rõ ở cột Ghi chú).",
     "A negative amount ({found}): a plan, a disbursement or an estimate is normally not below 0; check it "
     "(if it is a reduction, say so in the notes column)."},
    {"structure-unclear", S::warning, "Cấu trúc bảng không rõ", "Table structure unclear",
     "Không áp dụng được phép kiểm tra vì {reason}; phuluc không đoán.",
     "A check could not be applied because {reason}; phuluc does not guess."},
    {"check-skipped", S::notice, "Bỏ qua một phép kiểm tra", "Check skipped",
     "Không kiểm tra được {reason} ở ô này vì ô {related} không đọc được thành số.",
     "The {reason} check was skipped here because {related} cannot be read as a number."},
    {"text-number", S::notice, "Số gõ dưới dạng chữ", "Number typed as text",
     "Số được gõ dưới dạng chữ \"{text}\"; đã đọc là {found}.", "A number typed as text \"{text}\"; read as {found}."},
    {"ambiguous-number", S::warning, "Số đọc được theo hai cách", "Number with two readings",
     "\"{text}\" đọc được theo hai cách (dấu chấm, dấu phẩy là phân cách hàng nghìn hay thập phân?); phuluc không "
     "đoán, các phép kiểm tra cần ô này đã bỏ qua. Hãy gõ lại số cho rõ.",
     "\"{text}\" has two readings (are the dot and comma thousands or decimal separators?); phuluc does not guess, "
     "and the checks that need this cell were skipped. Type the number again unambiguously."},
    {"formula-without-value", S::warning, "Công thức chưa có kết quả", "Formula without a stored result",
     "Ô có công thức nhưng tệp không lưu kết quả tính; hãy mở tệp bằng Excel hoặc LibreOffice rồi lưu lại.",
     "The cell holds a formula but the file stores no result for it; open the file in Excel or LibreOffice and "
     "save it again."},
    {"unmapped-row", S::warning, "Dòng không có trong danh mục", "Row not in the catalogue",
     "Không nhận ra dòng \"{label}\" là chương trình, dự án hay nội dung nào trong danh mục.",
     "The row \"{label}\" matches no program, project or content of the catalogue."},
    {"ambiguous-row", S::warning, "Dòng khớp nhiều mục danh mục", "Row matches several catalogue entries",
     "Dòng \"{label}\" có thể ứng với nhiều mục trong danh mục; hãy ghi rõ số thứ tự hoặc tên đầy đủ.",
     "The row \"{label}\" could be several catalogue entries; give its number or its full name."},
    {"legacy-encoding", S::warning, "Chữ gõ bằng bảng mã cũ (TCVN3, VNI)", "Text in a legacy encoding (TCVN3, VNI)",
     "Chữ trong ô này (và các ô giống nó) có vẻ được gõ bằng bảng mã cũ, không phải Unicode: \"{text}\"; hãy "
     "chuyển mã tệp sang Unicode (ví dụ bằng Unikey) rồi gửi lại.",
     "The text of this cell (and of cells like it) looks typed in a legacy encoding, not Unicode: \"{text}\"; "
     "convert the file to Unicode (e.g. with Unikey) and send it again."},
    {"label-stt-conflict", S::warning, "Số thứ tự không khớp tên dòng", "Row number does not match its label",
     "Số thứ tự \"{stt}\" không khớp với tên dòng \"{label}\".",
     "The row number \"{stt}\" does not match the label \"{label}\"."},
    // NTM criteria tables (docs/template.md): the "Tổng 4/10" row, verdicts against targets.
    {"criteria-count-mismatch", S::error, "Dòng Tổng đếm sai số tiêu chí đạt", "The Tổng row miscounts the criteria met",
     "Dòng Tổng ghi \"{text}\", nhưng {reason} là {expected} ({related}).",
     "The Tổng row shows \"{text}\", but {reason} is {expected} ({related})."},
    {"criteria-verdict-mismatch", S::error, "Kết quả mâu thuẫn với chỉ tiêu", "Result contradicts its target",
     "Kết quả \"{text}\" {reason}, nhưng con số {found} so với chỉ tiêu ({related}) cho kết quả ngược lại.",
     "The result \"{text}\" {reason}, but the figure {found} against the target ({related}) says the opposite."},
    {"target-holds-verdict", S::warning, "Cột chỉ tiêu ghi kết quả đánh giá", "Target column holds a verdict",
     "Ô chỉ tiêu ghi \"{text}\": đó là kết quả đánh giá, không phải chỉ tiêu; có thể kết quả bị gõ lệch sang trái "
     "một cột (xem {related}).",
     "The target cell says \"{text}\": that is a verdict, not a target; the result may have been typed one column "
     "to the left (see {related})."},
    // phuluc fix (docs/fix.md): what was corrected and what was left as it is.
    {"fix-applied", S::notice, "Đã sửa số liệu", "Value corrected",
     "Đã sửa {found} thành {expected}: {reason}. Đối chiếu với: {related}.",
     "Changed {found} to {expected}: {reason}. Checked against: {related}."},
    {"ambiguous-fix", S::error, "Có nhiều cách sửa như nhau", "Several equally good corrections",
     "Các phép cộng ở đây sai, nhưng có nhiều cách sửa tốt như nhau (các ô có thể sửa: {related}); phuluc không "
     "đoán nên không sửa ô nào. Hãy xem lại các ô này.",
     "The sums here do not hold, but several corrections are equally good (cells that could be changed: {related}); "
     "phuluc does not guess, so nothing was changed. Check these cells."},
    {"fix-not-found", S::error, "Không tìm được cách sửa", "No correction found",
     "Các phép cộng ở đây sai ({related}) và không có cách sửa nào chỉ đổi một hoặc hai ô làm chúng đều đúng; "
     "hãy kiểm tra lại bảng.",
     "The sums here do not hold ({related}) and no change of one or two cells makes them all hold; check the table."},
};

struct ReasonText {
  std::string_view id;
  std::string_view vi;
  std::string_view en;
};

// Sub-codes of structure-unclear and check-skipped (Finding::reason). Listed in docs/check.md.
const ReasonText kReasons[] = {
    {"split-group-incomplete", "không xác định được đủ các cột thành phần của cột tổng này (hoặc nhóm có hai cột tổng)",
     "the part columns of this total cannot all be found (or the group has two totals)"},
    {"rate-no-numerator", "không tìm thấy cột giải ngân (bên trái, cùng nhóm) mà tỷ lệ này tính theo",
     "the disbursement column this rate is computed from (to its left, in the same group) cannot be found"},
    {"rate-numerator-ambiguous", "không xác định được cột giải ngân nào ứng với cột tỷ lệ này",
     "which disbursement column goes with this rate column cannot be told"},
    {"rate-no-plan", "không tìm thấy cột kế hoạch vốn cho tỷ lệ này", "no plan column was found for this rate"},
    {"rate-plan-ambiguous", "có nhiều cột kế hoạch vốn có thể là mẫu số của tỷ lệ này",
     "several plan columns could be this rate's denominator"},
    {"several-grand-totals", "bảng có nhiều dòng tổng cộng nên không rõ dòng nào là tổng của cả bảng",
     "the table has several grand-total rows, so which one totals the table is unclear"},
    {"blocks-misaligned", "các khối cột của bảng không được sắp xếp giống nhau",
     "the table's column blocks are not laid out alike"},
    {"two-label-columns", "có nhiều cột có thể là cột tên dòng (Nội dung)",
     "several columns could hold the row labels"},
    {"sum", "tổng các dòng con", "sum of the child rows"},
    {"total", "dòng tổng cộng", "grand total"},
    {"split", "cột tổng = tổng các phần", "total = sum of its parts"},
    {"rate", "tỷ lệ giải ngân", "disbursement rate"},
    // Why a number with two readings was read one way (text-number, from the table finder).
    {"resolved-by-column", "đọc theo cách viết số của các ô khác trong cột",
     "read the way the column's other numbers are written"},
    {"resolved-by-total", "chỉ cách đọc này làm Tổng số = NSTW + NSĐP đúng",
     "only this reading makes Tổng số = NSTW + NSĐP hold"},
    {"resolved-by-rate", "chỉ cách đọc này làm tỷ lệ của dòng đúng", "only this reading makes the row's rate hold"},
    // Why phuluc fix chose a correction (fix-applied).
    {"fix-keystroke",
     "lỗi gõ một phím (đảo hai chữ số, gõ sai, thừa hoặc thiếu một chữ số); sửa như vậy thì mọi phép cộng "
     "có ô này đều đúng",
     "a one-keystroke typo (two digits swapped, one digit wrong, added or dropped); with it every sum this cell is in "
     "holds"},
    {"fix-sign", "sai dấu; đổi dấu thì mọi phép cộng có ô này đều đúng",
     "the sign is flipped; with the sign changed every sum this cell is in holds"},
    {"fix-rounding",
     "chênh lệch nằm trong phần làm tròn của số đang hiển thị; ghi đủ chữ số thập phân thì mọi phép "
     "cộng có ô này đều đúng",
     "the difference is within the rounding of the displayed number; written with all its decimals, every sum this "
     "cell is in holds"},
    {"fix-only-cell",
     "đây là ô duy nhất mà khi sửa thì mọi phép cộng đều đúng; các ô khác nằm trong những phép cộng "
     "đang đúng nên không sai",
     "this is the only cell whose change makes every sum hold; the other cells sit in sums that hold, so they are "
     "cleared"},
    {"fix-best-cell-rates",
     "có vài ô mà sửa ô nào cũng làm phép cộng đúng; chọn ô này vì chỉ sửa nó thì các tỷ lệ "
     "giải ngân cũng đúng",
     "several cells could each make the sums hold; this one is chosen because only with it are the disbursement "
     "rates right as well"},
    {"fix-best-cell-slip",
     "có vài ô mà sửa ô nào cũng làm phép cộng đúng; chọn ô này vì số cũ của nó chỉ khác số đúng "
     "một lỗi gõ",
     "several cells could each make the sums hold; this one is chosen because its old value differs from the right "
     "one by a single slip"},
    {"fix-best-cell-formula",
     "có vài ô mà sửa ô nào cũng làm phép cộng đúng; chọn ô này vì nó được gõ tay, các ô kia "
     "là công thức",
     "several cells could each make the sums hold; this one is chosen because it was typed, the others are formulas"},
    {"fix-best-cell-blank",
     "có vài ô mà sửa ô nào cũng làm phép cộng đúng; chọn ô này vì nó đã có số, ô để trống ít "
     "khả năng bị gõ sai hơn",
     "several cells could each make the sums hold; this one is chosen because it holds a number, and an empty cell "
     "is less likely to have been typed wrong"},
    {"fix-pair-only",
     "không ô đơn lẻ nào sửa được; hai ô này là cách duy nhất với ít ô nhất làm mọi phép cộng đều đúng",
     "no single cell would do; these two cells are the only smallest set whose change makes every sum hold"},
    {"fix-pair-rates",
     "không ô đơn lẻ nào sửa được; trong các cặp hai ô làm mọi phép cộng đúng, chỉ cặp này giữ đúng "
     "cả các tỷ lệ giải ngân",
     "no single cell would do; of the pairs of cells that make every sum hold, only this one keeps the disbursement "
     "rates right as well"},
    {"fix-pair-slip",
     "không ô đơn lẻ nào sửa được; trong các cặp hai ô làm mọi phép cộng đúng, cặp này có số cũ chỉ "
     "khác số đúng một lỗi gõ hoặc phần làm tròn",
     "no single cell would do; of the pairs of cells that make every sum hold, this one's old values differ from the "
     "right ones by a slip or by rounding"},
    {"fix-pair-formula",
     "không ô đơn lẻ nào sửa được; trong các cặp hai ô làm mọi phép cộng đúng, cặp này sửa ô gõ "
     "tay thay vì ô công thức",
     "no single cell would do; of the pairs of cells that make every sum hold, this one changes typed cells instead "
     "of formulas"},
    {"fix-pair-blank",
     "không ô đơn lẻ nào sửa được; trong các cặp hai ô làm mọi phép cộng đúng, cặp này sửa ô đã có "
     "số thay vì điền vào ô trống",
     "no single cell would do; of the pairs of cells that make every sum hold, this one changes cells that hold "
     "numbers instead of filling empty ones"},
    // Why a criteria finding was made (criteria-count-mismatch, criteria-verdict-mismatch).
    {"criteria-count-met", "số tiêu chí có mọi chỉ tiêu đạt", "the number of criteria whose every indicator is met"},
    {"criteria-count-listed", "số tiêu chí liệt kê trong bảng", "the number of criteria the table lists"},
    {"criteria-says-met", "ghi là đạt", "says met"},
    {"criteria-says-not-met", "ghi là không đạt", "says not met"},
    {"fix-rate", "tỷ lệ được tính lại bằng giải ngân ÷ kế hoạch × 100 sau khi các số tiền đã đúng",
     "the rate is recomputed as disbursed ÷ plan × 100 once the amounts are right"},
    {"fix-rate-no-base", "kế hoạch vốn bằng 0 nên không có tỷ lệ; ô để trống",
     "the plan is 0, so there is no rate; the cell is left empty"},
};

const ReasonText* find_reason(std::string_view id) {
  for (const auto& reason : kReasons)
    if (reason.id == id) return &reason;
  return nullptr;
}

std::string reason_words(const Finding& finding, Lang lang) {
  if (const auto* reason = find_reason(finding.reason)) return std::string(lang == Lang::vi ? reason->vi : reason->en);
  if (lang == Lang::en && !finding.detail.empty()) return finding.detail;
  return lang == Lang::vi ? "cấu trúc tiêu đề cột hoặc số thứ tự dòng không rõ"
                          : "the column headers or the row numbers are unclear";
}

// At most this many related cells are named; the rest are counted.
constexpr std::size_t kRelatedShown = 6;

std::string related_words(const Finding& finding, Lang lang) {
  std::string out;
  const std::size_t shown = std::min(finding.related.size(), kRelatedShown);
  for (std::size_t i = 0; i < shown; ++i) {
    if (i > 0) out += ", ";
    out += finding.related[i];
  }
  if (finding.related.size() > shown) {
    const auto more = std::to_string(finding.related.size() - shown);
    out += lang == Lang::vi ? " và " + more + " ô khác" : " and " + more + " more";
  }
  return out;
}

std::string number_words(const std::optional<double>& number, const Finding& finding, Lang lang) {
  if (number) return format_number(*number, finding.decimals, lang);
  if (!finding.found_text.empty()) return "\"" + finding.found_text + "\"";
  return lang == Lang::vi ? "(trống)" : "(blank)";
}

std::string placeholder_value(std::string_view name, const Finding& finding, Lang lang) {
  if (name == "found") return number_words(finding.found, finding, lang);
  if (name == "expected") return number_words(finding.expected, finding, lang);
  if (name == "difference") return number_words(finding.difference(), finding, lang);
  if (name == "text") return finding.found_text;
  if (name == "related") return related_words(finding, lang);
  if (name == "stt") return finding.stt;
  if (name == "label") return finding.row_label;
  if (name == "column") return finding.column;
  if (name == "reason") return reason_words(finding, lang);
  return "{" + std::string(name) + "}";
}

std::string fill(std::string_view text, const Finding& finding, Lang lang) {
  std::string out;
  out.reserve(text.size() + 32);
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto close = text[i] == '{' ? text.find('}', i) : std::string_view::npos;
    if (close == std::string_view::npos) {
      out += text[i];
      continue;
    }
    out += placeholder_value(text.substr(i + 1, close - i - 1), finding, lang);
    i = close;
  }
  return out;
}

}  // namespace

const std::vector<MessageTemplate>& message_templates() { return kTemplates; }

const MessageTemplate* find_message_template(std::string_view code) {
  for (const auto& entry : kTemplates)
    if (entry.code == code) return &entry;
  return nullptr;
}

std::string finding_title(const Finding& finding, Lang lang) {
  const auto* entry = find_message_template(finding.code);
  if (!entry) return finding.code;
  return std::string(lang == Lang::vi ? entry->title_vi : entry->title_en);
}

std::string finding_message(const Finding& finding, Lang lang) {
  const auto* entry = find_message_template(finding.code);
  if (!entry) return finding.detail;
  const std::string_view text = lang == Lang::vi ? entry->text_vi : entry->text_en;
  std::string message = fill(text, finding, lang);
  // A known reason the template does not word itself is added at the end: "(đọc theo ...)".
  if (text.find("{reason}") == std::string_view::npos) {
    if (const auto* reason = find_reason(finding.reason)) {
      if (!message.empty() && message.back() == '.') message.pop_back();
      message += " (" + std::string(lang == Lang::vi ? reason->vi : reason->en) + ").";
    }
  }
  return message;
}

std::string reason_text(std::string_view reason_id, Lang lang) {
  const auto* reason = find_reason(reason_id);
  if (!reason) return {};
  return std::string(lang == Lang::vi ? reason->vi : reason->en);
}

std::string severity_word(Severity severity, Lang lang) {
  switch (severity) {
    case Severity::error:
      return pick(lang, "lỗi", "error");
    case Severity::warning:
      return pick(lang, "cảnh báo", "warning");
    case Severity::notice:
      return pick(lang, "ghi chú", "notice");
  }
  return pick(lang, "lỗi", "error");
}

std::string read_error_message(ReadErrorCode code, Lang lang) {
  switch (code) {
    case ReadErrorCode::io_error:
      return pick(lang, "Không mở được tệp (tệp không tồn tại, không có quyền đọc hoặc đang bị khóa).",
                  "The file cannot be opened (it does not exist, it may not be read, or it is locked).");
    case ReadErrorCode::empty_file:
      return pick(lang, "Tệp rỗng (0 byte); hãy gửi lại tệp đầy đủ.",
                  "The file is empty (0 bytes); send the complete file again.");
    case ReadErrorCode::not_a_spreadsheet:
      return pick(lang, "Tệp không phải là bảng tính Excel (.xlsx, .xls) hay tệp CSV.",
                  "The file is not an Excel workbook (.xlsx, .xls) or a CSV file.");
    case ReadErrorCode::truncated:
      return pick(lang, "Tệp bị cắt cụt hoặc bị hỏng, không đọc hết được; hãy lấy lại bản gốc rồi gửi lại.",
                  "The file is truncated or damaged and cannot be read to the end; get the original again and "
                  "send it again.");
    case ReadErrorCode::encrypted:
      return pick(lang, "Tệp đã bị mã hóa bằng mật khẩu; hãy gỡ mật khẩu rồi gửi lại.",
                  "The file is password-protected; remove the password and send it again.");
    case ReadErrorCode::zip_bomb:
      return pick(lang,
                  "Nội dung nén của tệp giãn ra lớn bất thường; phuluc không mở tệp này để bảo vệ máy. Hãy lưu lại "
                  "tệp bằng Excel rồi gửi lại.",
                  "The file's compressed content expands to an abnormal size; phuluc does not open it, to protect "
                  "the machine. Save the file again with Excel and send it again.");
    case ReadErrorCode::too_large:
      return pick(lang, "Tệp quá lớn để kiểm tra (vượt giới hạn về dung lượng, số ô hoặc lượng chữ).",
                  "The file is too large to check (over the limit on size, cells or text).");
    case ReadErrorCode::malformed_xml:
      return pick(lang, "Nội dung bên trong tệp bị hỏng (XML không hợp lệ); hãy mở bằng Excel, lưu lại rồi gửi lại.",
                  "The file's content is damaged (malformed XML); open it in Excel, save it and send it again.");
    case ReadErrorCode::missing_part:
      return pick(lang,
                  "Tệp thiếu một phần bắt buộc (danh sách trang tính hoặc một trang tính); hãy mở bằng Excel, lưu "
                  "lại rồi gửi lại.",
                  "A required part of the file is missing (the sheet list or a sheet); open it in Excel, save it "
                  "and send it again.");
    case ReadErrorCode::unsupported:
      return pick(lang,
                  "Định dạng bảng tính này chưa được hỗ trợ (Excel 95 trở về trước, .xlsb, .ods); hãy lưu lại thành "
                  ".xlsx rồi gửi lại.",
                  "This spreadsheet format is not supported (Excel 95 or older, .xlsb, .ods); save it as .xlsx and "
                  "send it again.");
  }
  return pick(lang, "Không đọc được tệp.", "The file cannot be read.");
}

std::string file_error_message(std::string_view id, Lang lang) {
  if (id == kNoTableId)
    return pick(lang, "Không tìm thấy bảng phụ lục nào trong tệp (không có dòng tiêu đề STT / Nội dung).",
                "No appendix table was found in the file (no STT / Nội dung header row).");
  if (id == kWrongTemplateId)
    return pick(lang, "Tệp có bảng nhưng không theo mẫu phụ lục nào mà phuluc biết; không kiểm tra được.",
                "The file holds tables, but none follows an appendix template phuluc knows; it cannot be checked.");
  if (id == kNoSpreadsheetsId)
    return pick(lang, "Thư mục không có tệp .xlsx, .xlsm, .xls hay .csv nào.",
                "The folder holds no .xlsx, .xlsm, .xls or .csv file.");
  if (id == kInternalErrorId)
    return pick(lang, "phuluc gặp lỗi nội bộ khi kiểm tra tệp này; hãy gửi tệp cho nhóm phát triển.",
                "phuluc failed internally while checking this file; please send the file to the developers.");
  return pick(lang, "Không kiểm tra được tệp.", "The file cannot be checked.");
}

}  // namespace phuluc
