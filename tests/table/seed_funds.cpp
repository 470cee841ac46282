#include "seed_funds.hpp"

#include <charconv>

#include "model/cell_ref.hpp"
#include "workbook_builder.hpp"

namespace phuluc::test {

const std::vector<SeedFundsRow>& seed_funds_rows() {
  static const std::vector<SeedFundsRow> rows = {
// Generated from seeds/000 (the funds table as text): STT, label, 30 values as typed, note.
    {"TỔNG CỘNG", "", {"660,862", "660,862", "0", "509,834", "509,834", "0", "77,15", "77,15", "0", "650,862", "650,862", "0", "98", "98", "0", "255", "255", "0", "0", "0", "0", "-", "-", "255", "255", "0", "100,0", "100,0", "0", ""}, ""},
    {"A", "Chương trình MTQG phát triển kinh tế -XH vùng ĐBDTTS và miền núi", {"589,503", "589,503", "0", "438,475", "438,475", "0", "74,38", "74,38", "0", "579,503", "579,503", "0", "98", "98", "0", "255", "255", "0", "0", "0", "0", "0", "0", "0", "255", "255", "0", "200", "200", "0"}, ""},
    {"I", "Dự án 1: Giải quyết tình trạng thiếu đất ở, nhà ở, đất sản xuất, nước sinh hoạt", {"", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "0", "", "", "", "", "0", "", "", "0", "", "", "", "", "", ""}, ""},
    {"II", "Dự án 2 - Quy hoạch sắp xếp bố trí ổn định dân cư ở những nơi cần thiết", {"", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", ""}, ""},
    {"III", "Dự án 3: Phát triển sản xuất nông, lâm nghiệp bền vững, phát huy tiềm năng, thế mạnh của các vùng miền để sản xuất hàng hóa theo chuỗi giá trị", {"", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", ""}, ""},
    {"III.2", "Tiểu dự án 2: Hỗ trợ phát triển sản xuất theo chuỗi giá trị, vùng trồng dược liệu quý, thúc đẩy khởi sự kinh doanh, khởi nghiệp và thu hút đầu tư vùng đồng bào dân tộc thiểu số và miền núi", {"", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "0", "", "0", "", "", "0", "0", "", "0", "", "", "", "", "", ""}, ""},
    {"IV", "Dự án 4 - Tiểu dự án 1; Nội dung 1: Đầu tư cơ sở hạ tầng cho các xã, thôn đặc biệt khó khăn", {"0", "", "", "0", "0", "", "", "", "", "", "", "", "", "", "", "0", "", "0", "", "", "0", "", "", "0", "", "", "100", "100", "", ""}, ""},
    {"V", "Dự án 5: Phát triển giáo dục đào tạo nâng cao chất lượng nguồn nhân lực", {"541,852", "541,852", "0", "390,824", "390,824", "0", "72,13", "72,13", "0", "531,852", "531,852", "0", "98", "98", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", ""}, ""},
    {"V.1", "Tiểu dự án 1: Đổi mới hoạt động, củng cố phát triển các trường PTDTNT, trường PTDTBT, trường phổ thông có HSBT và xóa mù chữ cho người dân vùng đồng bào dân tộc thiểu số", {"82,262", "82,262", "0", "41,012", "41,012", "0", "49,86", "49,86", "0", "82,262", "82,262", "0", "100", "100", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", ""}, ""},
    {"", "Đổi mới hoạt động củng cố phát triển các trường PTDTNT, trường PTDTBT trường phổ thông có HSBT", {"", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "0", "", "0", "", "", "0", "", "0", "", "0", "", "", "", "", ""}, ""},
    {"", "Mơ lớp xóa mù chữ cho người dân vùng đồng bào dân tộc thiểu số", {"82,262", "82,262", "", "41,012", "41,012", "", "49,86", "49,86", "", "82,262", "82,262", "", "100", "100", "", "0", "", "0", "", "", "0", "", "0", "", "0", "", "0", "0", "", ""}, ""},
    {"V.2", "Tiểu dự án 2: Bồi dưỡng kiến thức dân tộc; đào tạo dự bị đại học, đại học và sau đại học đáp ứng nhu cầu nhân lực cho vùng đồng bào dân tộc thiểu số", {"272,50", "272,50", "", "262,500", "262,500", "", "96,33", "96,33", "", "262,50", "262,50", "", "96", "96", "", "0,0", "", "0", "", "", "0", "", "0,0", "", "0", "", "0", "0", "", ""}, ""},
    {"V.3", "Tiểu dự án 3: Dự án phát triển giáo dục nghề nghiệp (GDNN) và giải quyết việc làm cho người lao động vùng dân tộc thiểu số và miền núi", {"187,09", "187,09", "0,00", "87,312", "87,312", "0,00", "46,67", "46,67", "0,00", "187,09", "187,09", "0,00", "100", "100", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "", ""}, ""},
    {"", "Mở các lớp đào tạo nghề; Tuyên truyền tư vấn hướng nghiệp, khởi nghiệp học nghề; Kiểm tra, giám sát các lớp học nghề", {"", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "0", "", "0", "", "", "0", "0", "0", "0", "0", "0", "0", "", "", ""}, ""},
    {"", "Hỗ trợ chi phí đào tạo nghề, ngoại ngữ, bồi dưỡng kiến thức cần thiết và chi phí làm thủ tục đi làm việc ở nước ngoài theo hợp đồng", {"187,09", "187,09", "", "87,312", "87,312", "", "46,67", "46,67", "", "187", "187", "", "100", "100", "", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0"}, "0"},
    {"VI", "Dự án 6: Bảo tồn, phát huy giá trị văn hóa truyền thống tốt đẹp của các dân tộc thiểu số gắn với phát triển du lịch", {"", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", ""}, ""},
    {"VII", "Dự án 7: Chăm sóc sức khỏe nhân dân, nâng cao thể trạng, tâm vóc người dân tộc thiểu số; phòng chống suy dinh dưỡng trẻ em", {"", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", ""}, ""},
    {"VIII", "Dự án 8: Thực hiện bình đẳng giới và giải quyết những vấn đề cấp thiết đối với phụ nữ và trẻ em", {"47,651", "47,651", "", "47,651", "47,651", "", "100,00", "100,00", "", "47,651", "47,651", "", "100", "100", "", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0"}, "0"},
    {"IX", "Dự án 9: Đầu tư phát triển nhóm dân tộc thiểu số còn nhiều khó khăn và khó khăn đặc thù", {"", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "255", "255", "0", "0", "0", "0", "0", "255", "255", "0", "100", "100", "0", "", ""}, ""},
    {"IX.1", "Tiểu dự án 1: Đầu tư phát triển kinh tế - xã hội các dân tộc còn gặp nhiều khó khăn, dân tộc có khó khăn đặc thù", {"", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "255", "255", "", "", "", "", "255", "255", "", "100", "100", "", "", "", ""}, ""},
    {"IX.2", "Tiểu dự án 2: Giảm thiểu tình trạng tảo hôn và hôn nhân cận huyết thống trong vùng đồng bào dân tộc thiểu số và miền núi", {"", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "0", "0", "", "", "", "", "0", "0", "", "", "", "", "", "", ""}, ""},
    {"X", "Dự án 10: Truyền thông, tuyên truyền, vận động trong vùng đồng bào dân tộc thiểu số và miền núi. Kiểm tra, giám sát đánh giá việc tổ chức thực hiện Chương trình", {"", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0"}, "0"},
    {"X.1", "Tiểu dự án 1", {"", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0"}, "0"},
    {"X.2", "Tiểu dự án 3: Kiểm tra, giám sát đánh giá, đào tạo, tập huấn, tổ chức thực hiện chương trình", {"", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "0", "0", "", "", "", "", "0", "0", "", "0", "0", "", "", "", ""}, ""},
    {"B", "Chương trình MTQG giảm nghèo bền vững", {"0", "0", "0", "0", "0", "0,00", "0,00", "0", "0", "0", "0", "0,00", "0,00", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0"}, "0"},
    {"C", "Chương trình MTQG xây dựng nông thôn mới", {"71,359", "71,359", "0", "71,359", "71,359", "0", "100,00", "100,00", "0", "71,359", "71,359", "-", "100", "100", "-", "-", "-", "-", "-", "-", "-", "-", "-", "-", "-", "-", "-", "-", "-", "-"}, "0"},
  };
  return rows;
}

double vietnamese_value(const std::string& typed) {
  std::string ascii;
  for (char c : typed) {
    if (c == '.') continue;
    ascii += c == ',' ? '.' : c;
  }
  double value = 0.0;
  std::from_chars(ascii.data(), ascii.data() + ascii.size(), value);
  return value;
}

int typed_decimals(const std::string& typed) {
  const auto comma = typed.find(',');
  return comma == std::string::npos ? 0 : static_cast<int>(typed.size() - comma - 1);
}

namespace {

const char* const kBlockTitles[2] = {
    "Tình hình thực hiện kế hoạch vốn sự nghiệp kéo dài năm 2025 sang năm 2026",
    "Tình hình thực hiện kế hoạch vốn sự nghiệp năm 2026"};
const char* const kGroupTitles[2][5] = {
    {"Kế hoạch vốn", "Giải ngân kế hoạch vốn kéo dài đến 15/6/2026", "Tỷ lệ giải ngân",
     "Ước giải ngân đến hết năm 2026", "Tỷ lệ giải ngân"},
    {"Kế hoạch vốn", "Giải ngân kế hoạch vốn năm 2026 đến 15/6/2026", "Tỷ lệ giải ngân",
     "Ước giải ngân đến hết năm 2026", "Tỷ lệ giải ngân"}};
const char* const kSplits[3] = {"Tổng số", "NSTW", "NSDP"};

std::string range(std::uint32_t row0, std::uint32_t col0, std::uint32_t row1, std::uint32_t col1) {
  return to_a1(CellRange{{row0, col0}, {row1, col1}});
}

void put_header(SheetDraft& sheet, std::uint32_t top, std::uint32_t bold) {
  sheet.text_at({top, 0}, "STT", bold).merge(range(top, 0, top + 2, 0));
  sheet.text_at({top, 1}, "Nội dung", bold).merge(range(top, 1, top + 2, 1));
  for (std::uint32_t block = 0; block < 2; ++block) {
    const std::uint32_t first = 2 + block * 15;
    sheet.text_at({top, first}, kBlockTitles[block], bold).merge(range(top, first, top, first + 14));
    for (std::uint32_t group = 0; group < 5; ++group) {
      const std::uint32_t col = first + group * 3;
      sheet.text_at({top + 1, col}, kGroupTitles[block][group], bold).merge(range(top + 1, col, top + 1, col + 2));
      for (std::uint32_t split = 0; split < 3; ++split) sheet.text_at({top + 2, col + split}, kSplits[split], bold);
    }
  }
  sheet.text_at({top, 32}, "Ghi chú", bold).merge(range(top, 32, top + 2, 32));
}

}  // namespace

Workbook seed_funds_workbook(const SeedFundsOptions& options) {
  Workbook workbook;
  workbook.styles.emplace_back();
  const std::uint32_t bold = add_style(workbook, "General", true);
  const std::uint32_t italic = add_style(workbook, "General", false, true);
  const std::uint32_t formats[4] = {add_style(workbook, "#,##0"), add_style(workbook, "#,##0.0"),
                                    add_style(workbook, "#,##0.00"), add_style(workbook, "#,##0.000")};
  const std::uint32_t bold_formats[4] = {add_style(workbook, "#,##0", true), add_style(workbook, "#,##0.0", true),
                                         add_style(workbook, "#,##0.00", true), add_style(workbook, "#,##0.000", true)};

  SheetDraft sheet(options.sheet_name);
  sheet.text("A1", "TỔNG HỢP TÌNH HÌNH THỰC HIỆN VỐN SỰ NGHIỆP CÁC CHƯƠNG TRÌNH MỤC TIÊU QUỐC GIA 06 THÁNG ĐẦU NĂM 2026",
             bold)
      .merge("A1:AG1");
  sheet.text("A2", "(Kèm theo Báo cáo số 3397/BC-UBND ngày 19 tháng 6 năm 2026 của Ủy ban nhân dân xã Mường Kim)",
             italic)
      .merge("A2:AG2");
  sheet.text("AD3", "ĐVT: Triệu đồng", italic).merge("AD3:AG3");
  put_header(sheet, 3, bold);

  std::uint32_t row = 6;
  const auto& rows = seed_funds_rows();
  for (std::size_t index = 0; index < rows.size(); ++index) {
    if (options.repeat_header && index == 14) {
      put_header(sheet, row, bold);
      row += 3;
    }
    const SeedFundsRow& data = rows[index];
    const bool strong = !data.stt.empty();
    if (!data.stt.empty()) sheet.text_at({row, 0}, data.stt, strong ? bold : 0);
    if (data.stt == "TỔNG CỘNG") sheet.merge(range(row, 0, row, 1));
    if (!data.label.empty()) sheet.text_at({row, 1}, data.label, strong ? bold : 0);
    for (std::uint32_t i = 0; i < data.values.size(); ++i) {
      const std::string& typed = data.values[i];
      if (typed.empty()) continue;
      const CellRef ref{row, 2 + i};
      if (options.values_as_text || typed == "-") {
        sheet.text_at(ref, typed);
      } else {
        const int decimals = std::min(typed_decimals(typed), 3);
        sheet.number_at(ref, vietnamese_value(typed), strong ? bold_formats[decimals] : formats[decimals]);
      }
    }
    if (!data.note.empty()) sheet.text_at({row, 32}, data.note);
    ++row;
  }
  if (options.signature) {
    row += 1;
    sheet.text_at({row, 24}, "Mường Kim, ngày 19 tháng 6 năm 2026", italic).merge(range(row, 24, row, 32));
    row += 1;
    sheet.text_at({row, 1}, "NGƯỜI LẬP BIỂU", bold);
    sheet.text_at({row, 24}, "TM. ỦY BAN NHÂN DÂN", bold).merge(range(row, 24, row, 32));
    row += 1;
    sheet.text_at({row, 24}, "CHỦ TỊCH", bold).merge(range(row, 24, row, 32));
    row += 4;
    sheet.text_at({row, 1}, "Lò Văn Lập", bold);
    sheet.text_at({row, 24}, "Vũ Văn Nội", bold).merge(range(row, 24, row, 32));
  }
  workbook.sheets.push_back(sheet.sheet());
  return workbook;
}

}  // namespace phuluc::test
