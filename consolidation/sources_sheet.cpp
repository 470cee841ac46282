#include "consolidation/sources_sheet.hpp"

#include <array>

#include "consolidation/consolidated_sheet.hpp"
#include "consolidation/merge_messages.hpp"

namespace phuluc {
namespace {

struct Column {
  const char* header;
  double width;
};

constexpr std::array<Column, 12> kColumns = {{{"Thứ tự", 7},
                                              {"Tệp", 28},
                                              {"Xã, phường", 22},
                                              {"Trạng thái", 16},
                                              {"Lý do, cách xử lý", 60},
                                              {"Lỗi", 7},
                                              {"Cảnh báo", 9},
                                              {"Lưu ý", 7},
                                              {"Dòng ngoài danh mục", 12},
                                              {"Ô đã sửa", 8},
                                              {"Trang tính", 18},
                                              {"SHA-256", 66}}};

}  // namespace

Sheet build_sources_sheet(const std::vector<InputSummary>& inputs, const std::string& template_path,
                          const ConsolidatedTable& table, StyleBook& styles) {
  Sheet sheet;
  sheet.name = kSourcesSheetName;
  const auto last_col = static_cast<std::uint32_t>(kColumns.size() - 1);
  const std::uint32_t title_style = styles.plain(StyleChange().with_bold().with_horizontal("center"));
  const std::uint32_t line_style = styles.plain(StyleChange().with_italic());
  const std::uint32_t header_style = styles.plain(StyleChange().with_bold().with_border().with_horizontal("center").with_wrap());
  const std::uint32_t cell_style = styles.plain(StyleChange().with_border().with_wrap());
  const std::uint32_t count_style = styles.plain(StyleChange().with_format("0").with_border());

  std::size_t merged = 0, fixed = 0, forced = 0, refused = 0;
  for (const InputSummary& input : inputs) {
    if (input.status == InputStatus::refused) ++refused;
    else ++merged;
    if (input.status == InputStatus::fixed) ++fixed;
    if (input.status == InputStatus::forced) ++forced;
  }
  SheetRow title;
  title.index = 0;
  title.cells.push_back(text_cell(0, "NGUỒN SỐ LIỆU TỔNG HỢP", title_style));
  sheet.rows.push_back(std::move(title));
  sheet.merged.push_back({{0, 0}, {0, 4}});
  SheetRow line;
  line.index = 1;
  line.cells.push_back(text_cell(0,
                            std::to_string(inputs.size()) + " tệp: " + std::to_string(merged) + " đã tổng hợp (" +
                                std::to_string(fixed) + " đã sửa trước, " + std::to_string(forced) +
                                " tổng hợp dù có lỗi), " + std::to_string(refused) +
                                " không tổng hợp. Mẫu biểu lấy theo tệp " + template_path + ".",
                            line_style));
  sheet.rows.push_back(std::move(line));

  SheetRow header;
  header.index = 3;
  for (std::uint32_t col = 0; col <= last_col; ++col) header.cells.push_back(text_cell(col, kColumns[col].header, header_style));
  sheet.rows.push_back(std::move(header));

  std::uint32_t row_index = 4;
  for (const InputSummary& input : inputs) {
    SheetRow row;
    row.index = row_index++;
    row.cells.push_back(number_cell(0, static_cast<double>(input.index + 1), count_style));
    row.cells.push_back(text_cell(1, input.path, cell_style));
    row.cells.push_back(text_cell(2, input.commune, cell_style));
    row.cells.push_back(text_cell(3, input_status_text(input.status, Lang::vi), cell_style));
    row.cells.push_back(text_cell(4, input_reason_text(input, Lang::vi), cell_style));
    row.cells.push_back(number_cell(5, static_cast<double>(input.counts.errors), count_style));
    row.cells.push_back(number_cell(6, static_cast<double>(input.counts.warnings), count_style));
    row.cells.push_back(number_cell(7, static_cast<double>(input.counts.notices), count_style));
    row.cells.push_back(number_cell(8, static_cast<double>(input.unmatched), count_style));
    row.cells.push_back(number_cell(9, static_cast<double>(input.corrections), count_style));
    row.cells.push_back(text_cell(10, input.sheet, cell_style));
    row.cells.push_back(text_cell(11, input.sha256, cell_style));
    sheet.rows.push_back(std::move(row));
  }
  if (!table.unmatched.empty()) {
    row_index += 1;
    SheetRow heading;
    heading.index = row_index++;
    heading.cells.push_back(text_cell(0, "CÁC DÒNG KHÔNG KHỚP DANH MỤC, GIỮ RIÊNG TRONG BẢNG TỔNG HỢP", title_style));
    sheet.rows.push_back(std::move(heading));
    static constexpr std::array<const char*, 9> kHeaders = {
        "Thứ tự", "Tệp", "Xã, phường", "Trang tính", "Số dòng", "Số thứ tự ghi", "Chữ ghi ở dòng", "Đặt dưới mục", "Vì sao"};
    SheetRow list_header;
    list_header.index = row_index++;
    for (std::uint32_t col = 0; col < kHeaders.size(); ++col) list_header.cells.push_back(text_cell(col, kHeaders[col], header_style));
    sheet.rows.push_back(std::move(list_header));
    const std::uint32_t first_listed = row_index;
    for (const UnmatchedRow& carried : table.unmatched) {
      const InputSummary* input = nullptr;
      for (const InputSummary& candidate : inputs)
        if (candidate.index == carried.input) input = &candidate;
      if (input == nullptr) continue;
      SheetRow row;
      row.index = row_index++;
      row.cells.push_back(number_cell(0, static_cast<double>(row.index - first_listed + 1), count_style));
      row.cells.push_back(text_cell(1, input->path, cell_style));
      row.cells.push_back(text_cell(2, input->commune, cell_style));
      row.cells.push_back(text_cell(3, input->sheet, cell_style));
      row.cells.push_back(number_cell(4, static_cast<double>(carried.sheet_row) + 1, count_style));
      row.cells.push_back(text_cell(5, carried.stt, cell_style));
      row.cells.push_back(text_cell(6, carried.label, cell_style));
      row.cells.push_back(text_cell(7, carried.parent_key, cell_style));
      row.cells.push_back(text_cell(8, unmatched_reason_text(carried.reason, Lang::vi), cell_style));
      sheet.rows.push_back(std::move(row));
    }
  }
  for (std::uint32_t col = 0; col <= last_col; ++col) {
    ColumnInfo info;
    info.first = info.last = col;
    info.width = kColumns[col].width;
    sheet.columns.push_back(info);
  }
  sheet.frozen_rows = 4;
  sheet.print.set_a4_landscape_one_page_wide();
  sheet.print.repeat_rows = std::make_pair(3u, 3u);
  return sheet;
}

}  // namespace phuluc
