#include "tools/command.hpp"

namespace phuluc::tools {

int run_check(const std::vector<std::string>& args, Console& console);
int run_map(const std::vector<std::string>& args, Console& console);
int run_fix(const std::vector<std::string>& args, Console& console);
int run_merge(const std::vector<std::string>& args, Console& console);
int run_template(const std::vector<std::string>& args, Console& console);
int run_convert(const std::vector<std::string>& args, Console& console);

const std::vector<CommandInfo>& commands() {
  static const std::vector<CommandInfo> table = {
      {"check", run_check, "kiểm tra số học của các phụ lục (tổng, tỷ lệ, Tổng số = NSTW + NSĐP)",
       "check the arithmetic of appendices (sums, rates, total = NSTW + NSĐP)"},
      {"map", run_map, "cho biết mỗi dòng là chương trình, dự án, tiểu dự án, nội dung nào (mã danh mục)",
       "tell which program, project, sub-project or content each row is (catalogue key)"},
      {"fix", run_fix, "sửa ô sai trong các phép cộng và ghi phụ lục đã sửa ra tệp .xlsx mới",
       "correct the wrong cells of the sums and write the corrected appendix to a new .xlsx"},
      {"merge", run_merge, "cộng phụ lục của nhiều xã thành một phụ lục tổng hợp, ghép dòng theo mã danh mục",
       "add many communes' appendices up into one consolidated appendix, aligning rows by catalogue key"},
      {"template", run_template, "ghi một phụ lục trống theo thể thức chính thức, dòng lấy từ danh mục, tổng và tỷ lệ là công thức",
       "write a blank appendix in the official layout, rows from the catalogue, totals and rates as formulas"},
      {"convert", run_convert, "chuyển phụ lục xã gửi (.xlsx, .xls, .csv) sang mẫu chính thức, xếp dòng theo mã danh mục",
       "lay a commune's appendix (.xlsx, .xls, .csv) out in an official template, rows placed by catalogue key"},
  };
  return table;
}

}  // namespace phuluc::tools
