// bench_map_bench: how long mapping a 100-row appendix table takes in process (target: < 5 ms).
//   cmake --build build --target bench_map_bench && build/bench_map_bench [REPEATS]
// The table is built in memory from the funds-table labels of samples/appendices (seed 000 and
// Lùng Phình's phụ biểu 01) and spelling variants of them, with STT and the parent links a table
// finder gives, so the timing covers map_table() exactly as `phuluc map` runs it (no file reading).
#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "mappings/catalogue.hpp"
#include "mappings/row_matcher.hpp"
#include "mappings/table_mapping.hpp"
#include "mappings/text_normalize.hpp"
#include "table/table.hpp"

namespace {

using namespace phuluc;

struct Line {
  const char* stt;
  const char* label;
  RowKind kind;
};

// Seed 000's funds rows (typos kept) and Lùng Phình's, as printed.
const std::vector<Line>& base_lines() {
  static const std::vector<Line> lines = {
      {"TỔNG CỘNG", "", RowKind::grand_total},
      {"A", "Chương trình MTQG phát triển kinh tế -XH vùng ĐBDTTS và miền núi", RowKind::program},
      {"I", "Dự án 1: Giải quyết tình trạng thiếu đất ở, nhà ở, đất sản xuất, nước sinh hoạt", RowKind::project},
      {"II", "Dự án 2 - Quy hoạch sắp xếp bố trí ổn định dân cư ở những nơi cần thiết", RowKind::project},
      {"III", "Dự án 3: Phát triển sản xuất nông, lâm nghiệp bền vững, phát huy tiềm năng, thế mạnh của các vùng "
              "miền để sản xuất hàng hóa theo chuỗi giá trị", RowKind::project},
      {"III.2", "Tiểu dự án 2: Hỗ trợ phát triển sản xuất theo chuỗi giá trị, vùng trồng dược liệu quý, thúc đẩy khởi "
                "sự kinh doanh, khởi nghiệp và thu hút đầu tư vùng đồng bào dân tộc thiểu số và miền núi", RowKind::subproject},
      {"IV", "Dự án 4 - Tiểu dự án 1; Nội dung 1: Đầu tư cơ sở hạ tầng cho các xã, thôn đặc biệt khó khăn", RowKind::project},
      {"V", "Dự án 5: Phát triển giáo dục đào tạo nâng cao chất lượng nguồn nhân lực", RowKind::project},
      {"V.1", "Tiểu dự án 1: Đổi mới hoạt động, củng cố phát triển các trường PTDTNT, trường PTDTBT, trường phổ thông "
              "có HSBT và xóa mù chữ cho người dân vùng đồng bào dân tộc thiểu số", RowKind::subproject},
      {"", "Đổi mới hoạt động củng cố phát triển các trường PTDTNT, trường PTDTBT trường phổ thông có HSBT", RowKind::content},
      {"", "Mơ lớp xóa mù chữ cho người dân vùng đồng bào dân tộc thiểu số", RowKind::content},
      {"V.2", "Tiểu dự án 2: Bồi dưỡng kiến thức dân tộc; đào tạo dự bị đại học, đại học và sau đại học đáp ứng nhu "
              "cầu nhân lực cho vùng đồng bào dân tộc thiểu số", RowKind::subproject},
      {"V.3", "Tiểu dự án 3: Dự án phát triển giáo dục nghề nghiệp (GDNN) và giải quyết việc làm cho người lao động "
              "vùng dân tộc thiểu số và miền núi", RowKind::subproject},
      {"", "Mở các lớp đào tạo nghề; Tuyên truyền tư vấn hướng nghiệp, khởi nghiệp học nghề; Kiểm tra, giám sát các "
           "lớp học nghề", RowKind::content},
      {"", "Hỗ trợ chi phí đào tạo nghề, ngoại ngữ, bồi dưỡng kiến thức cần thiết và chi phí làm thủ tục đi làm việc "
           "ở nước ngoài theo hợp đồng", RowKind::content},
      {"VI", "Dự án 6: Bảo tồn, phát huy giá trị văn hóa truyền thống tốt đẹp của các dân tộc thiểu số gắn với phát "
             "triển du lịch", RowKind::project},
      {"VII", "Dự án 7: Chăm sóc sức khỏe nhân dân, nâng cao thể trạng, tâm vóc người dân tộc thiểu số; phòng chống "
              "suy dinh dưỡng trẻ em", RowKind::project},
      {"VIII", "Dự án 8: Thực hiện bình đẳng giới và giải quyết những vấn đề cấp thiết đối với phụ nữ và trẻ em",
       RowKind::project},
      {"IX", "Dự án 9: Đầu tư phát triển nhóm dân tộc thiểu số còn nhiều khó khăn và khó khăn đặc thù", RowKind::project},
      {"IX.1", "Tiểu dự án 1: Đầu tư phát triển kinh tế - xã hội các dân tộc còn gặp nhiều khó khăn, dân tộc có khó "
               "khăn đặc thù", RowKind::subproject},
      {"IX.2", "Tiểu dự án 2: Giảm thiểu tình trạng tảo hôn và hôn nhân cận huyết thống trong vùng đồng bào dân tộc "
               "thiểu số và miền núi", RowKind::subproject},
      {"X", "Dự án 10: Truyền thông, tuyên truyền, vận động trong vùng đồng bào dân tộc thiểu số và miền núi. Kiểm "
            "tra, giám sát đánh giá việc tổ chức thực hiện Chương trình", RowKind::project},
      {"X.1", "Tiểu dự án 1", RowKind::subproject},
      {"X.2", "Tiểu dự án 3: Kiểm tra, giám sát đánh giá, đào tạo, tập huấn, tổ chức thực hiện chương trình",
       RowKind::subproject},
      {"B", "Chương trình MTQG giảm nghèo bền vững", RowKind::program},
      {"I", "Dự án 1: Hỗ trợ đầu tư phát triển hạ tầng kinh tế - xã hội các huyện nghèo, xã đặc biệt khó khăn",
       RowKind::project},
      {"II", "Dự án 2: Đa dạng hóa sinh kế, phát triển mô hình giảm nghèo", RowKind::project},
      {"III", "Dự án 3: Hỗ trợ phát triển sản xuất, cải thiện dinh dưỡng", RowKind::project},
      {"III.1", "Tiểu dự án 1: Hỗ trợ phát triển sản xuất trong lĩnh vực nông nghiệp", RowKind::subproject},
      {"III.2", "Tiểu dự án 2: Cải thiện dinh dưỡng", RowKind::subproject},
      {"IV", "Dự án 4: Phát triển giáo dục nghề nghiệp, việc làm bền vững", RowKind::project},
      {"IV.1", "Tiểu dự án 1: Phát triển giáo dục nghề nghiệp vùng nghèo, vùng khó khăn", RowKind::subproject},
      {"IV.2", "Tiểu dự án 2: Hỗ trợ người lao động đi làm việc ở nước ngoài theo hợp đồng", RowKind::subproject},
      {"C", "Chương trình MTQG xây dựng nông thôn mới", RowKind::program},
  };
  return lines;
}

// Spelling variants: no diacritics, capitals, a typo, spacing. The hierarchy stays the same.
std::string variant(const std::string& label, int which) {
  switch (which % 4) {
    case 1: return strip_diacritics(label);
    case 2: {
      std::string upper = label;
      std::transform(upper.begin(), upper.end(), upper.begin(), [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
      return upper;
    }
    case 3: return "  " + label + " \n";
    default: return label;
  }
}

int depth_of(RowKind kind) {
  switch (kind) {
    case RowKind::grand_total: return 0;
    case RowKind::program: return 1;
    case RowKind::project: return 2;
    case RowKind::subproject: return 3;
    case RowKind::content: return 4;
    default: return 5;
  }
}

Table make_table(std::size_t row_count) {
  Table table;
  table.sheet = "bench";
  table.kind = TableKind::funds;
  table.stt_col = 0;
  table.label_col = 1;
  const auto& lines = base_lines();
  std::vector<int> open(6, -1);  // the last row seen at each depth
  for (std::size_t i = 0; i < row_count; ++i) {
    const Line& line = lines[i % lines.size()];
    if (i > 0 && line.kind == RowKind::grand_total) continue;
    TableRow row;
    row.sheet_row = static_cast<std::uint32_t>(7 + i);
    row.stt = line.stt;
    row.label = variant(line.label, static_cast<int>(i / lines.size()));
    row.kind = line.kind;
    row.depth = depth_of(line.kind);
    for (int up = row.depth - 1; up >= 0; --up)
      if (open[static_cast<std::size_t>(up)] >= 0) {
        row.parent = open[static_cast<std::size_t>(up)];
        break;
      }
    const int index = static_cast<int>(table.rows.size());
    if (row.parent >= 0) table.rows[static_cast<std::size_t>(row.parent)].children.push_back(index);
    open[static_cast<std::size_t>(row.depth)] = index;
    for (std::size_t d = static_cast<std::size_t>(row.depth) + 1; d < open.size(); ++d) open[d] = -1;
    table.rows.push_back(std::move(row));
  }
  while (table.rows.size() < row_count) {  // top up with content rows under the last sub-project
    TableRow row;
    row.sheet_row = static_cast<std::uint32_t>(7 + table.rows.size());
    row.label = "Mở lớp xóa mù chữ cho người dân vùng đồng bào dân tộc thiểu số";
    row.kind = RowKind::content;
    table.rows.push_back(std::move(row));
  }
  return table;
}

}  // namespace

int main(int argc, char** argv) {
  int repeats = 200;
  if (argc > 1) {
    const std::string_view text(argv[1]);
    std::from_chars(text.data(), text.data() + text.size(), repeats);
  }
  const auto load_start = std::chrono::steady_clock::now();
  const Catalogue catalogue = load_catalogue(data_directory(PHULUC_DATA_DIR));
  const RowMatcher matcher(catalogue);
  const auto load_end = std::chrono::steady_clock::now();

  const Table table = make_table(100);
  std::size_t mapped = 0;
  std::vector<double> times;
  for (int run = 0; run < repeats; ++run) {
    const auto start = std::chrono::steady_clock::now();
    const TableMapping mapping = map_table(table, matcher);
    const auto end = std::chrono::steady_clock::now();
    times.push_back(std::chrono::duration<double, std::milli>(end - start).count());
    if (run == 0)
      for (const auto& row : mapping.rows) mapped += row.match.status == MatchStatus::mapped;
  }
  std::sort(times.begin(), times.end());
  const double median = times[times.size() / 2];
  const double worst = times.back();
  std::printf("catalogue: %zu entries, loaded and indexed in %.2f ms\n", catalogue.entries().size(),
              std::chrono::duration<double, std::milli>(load_end - load_start).count());
  std::printf("map_table, %zu rows (%zu mapped), %d runs: median %.3f ms, worst %.3f ms (target < 5 ms)\n",
              table.rows.size(), mapped, repeats, median, worst);
  return median < 5.0 ? 0 : 1;
}
