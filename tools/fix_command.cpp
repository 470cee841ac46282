// phuluc fix: localizes and corrects the arithmetic errors of appendix workbooks and writes each
// corrected workbook, in its own layout, to a new .xlsx file (never over its input).
#include <algorithm>
#include <boost/program_options.hpp>
#include <cctype>
#include <exception>
#include <filesystem>
#include <iostream>
#include <new>
#include <optional>
#include <string>
#include <system_error>
#include <vector>

#include "corrections/fix_json.hpp"
#include "corrections/fix_workbook.hpp"
#include "readers/read_error.hpp"
#include "readers/workbook_reader.hpp"
#include "report/file_report.hpp"
#include "report/messages.hpp"
#include "report/number_format.hpp"
#include "rules/tolerance.hpp"
#include "tools/command.hpp"
#include "tools/command_line.hpp"
#include "tools/input_files.hpp"
#include "tools/write_error_text.hpp"
#include "writers/atomic_file.hpp"
#include "writers/write_error.hpp"
#include "writers/xlsx_writer.hpp"

namespace phuluc::tools {
namespace {

namespace fs = std::filesystem;
namespace po = boost::program_options;

struct FixCommandOptions {
  std::vector<std::string> inputs;
  std::string output;   ///< -o, for a single input
  std::string out_dir;  ///< --out-dir, for several
  bool mark = true;
  bool formulas = false;
  bool json = false;
  bool quiet = false;
  bool help = false;
  Lang lang = Lang::vi;
};

constexpr const char* kHelpVi = R"(Cách dùng: phuluc fix [TÙY CHỌN] TỆP -o TỆP_SỬA.xlsx
          phuluc fix [TÙY CHỌN] TỆP_HOẶC_THƯ_MỤC... --out-dir THƯ_MỤC

Tìm ô sai trong các phép cộng của phụ lục (dòng cha = tổng các dòng con, Tổng số = NSTW + NSĐP, dòng
tổng cộng) và sửa, rồi ghi bảng đã sửa ra một tệp .xlsx mới, giữ nguyên bố cục (phông chữ, ô gộp, độ
rộng cột, khổ in). Cách chọn ô sửa (Fellegi–Holt):
  - trước hết các lỗi chứng minh được: gõ nhầm một phím (đảo hai chữ số, sai, thừa, thiếu một chữ số),
    sai dấu, số hiển thị bị làm tròn; sửa xong thì mọi phép cộng có ô đó đều đúng;
  - sau đó số ô ít nhất làm mọi phép cộng đúng; ô nằm trong các phép cộng đang đúng là không sai;
  - tỷ lệ giải ngân được tính lại từ số tiền sau cùng (kế hoạch bằng 0 thì để trống).
Khi có nhiều cách sửa tốt như nhau, phuluc không đoán: báo ambiguous-fix và không sửa chỗ đó.
Tệp gốc không bao giờ bị ghi đè; tệp kết quả hoặc được ghi trọn vẹn hoặc không có. Tệp .xls, .csv
cũng được ghi ra .xlsx (những gì không mang theo được sẽ được liệt kê).

Tùy chọn:
  -o, --output TỆP   tệp .xlsx kết quả (bắt buộc khi sửa một tệp)
  --out-dir THƯ_MỤC  thư mục kết quả khi sửa nhiều tệp: TÊN.fixed.xlsx
  --no-mark          bản sạch để gửi lên: không tô màu, không ghi chú, không có trang "Kiểm tra"
  --formulas         ghi dòng cha, Tổng số và tỷ lệ thành công thức (=SUM, =IF(kế hoạch=0;"";...))
  --json             in một tài liệu JSON (các trường: docs/fix.md)
  --lang vi|en       ngôn ngữ (mặc định: vi)
  -q, --quiet        chỉ in dòng tóm tắt của mỗi tệp
  -h, --help         in hướng dẫn này

Mặc định mỗi ô đã sửa được tô vàng, có ghi chú giá trị cũ và lý do; trang "Kiểm tra" liệt kê mọi thay
đổi, mỗi dòng có liên kết tới ô.

Mã thoát: 0 không còn lỗi; 1 còn lỗi chưa sửa được; 2 có tệp không đọc/ghi được hoặc dùng sai lệnh.

Ví dụ:
  $ phuluc fix muong_kim_2026.xlsx -o muong_kim_2026_sua.xlsx
  muong_kim_2026.xlsx → muong_kim_2026_sua.xlsx
    'PL II - Vốn sự nghiệp'!L22  187 → 187,09  (sum-mismatch)
        Đã sửa 187,00 thành 187,09: chênh lệch nằm trong phần làm tròn của số đang hiển thị; ...
    'PL II - Vốn sự nghiệp'!AD9  200 → 100  (rate-mismatch)
    ...
  muong_kim_2026.xlsx: đã sửa 6 ô; không còn lỗi.
  $ phuluc fix --no-mark --out-dir da_sua/ bao_cao_cac_xa/
)";

constexpr const char* kHelpEn = R"(Usage: phuluc fix [OPTIONS] FILE -o FIXED.xlsx
       phuluc fix [OPTIONS] FILE_OR_FOLDER... --out-dir FOLDER

Finds the wrong cells in the sums of appendices (parent row = sum of its children, Tổng số = NSTW +
NSĐP, grand total) and corrects them, then writes the corrected table to a new .xlsx file in its own
layout (fonts, merged cells, column widths, page setup). How cells are chosen (Fellegi–Holt):
  - first the provable errors: a one-keystroke typo (two digits swapped, one wrong, added or dropped),
    a flipped sign, a displayed number that was rounded; with it every sum the cell is in holds;
  - then the fewest cells that make every sum hold; a cell in sums that hold is cleared;
  - disbursement rates are recomputed from the final amounts (left empty on a plan of 0).
When several corrections are equally good, phuluc does not guess: it reports ambiguous-fix and leaves
that place as it is. The input is never overwritten; the output is written whole or not at all.
.xls and .csv inputs are written as .xlsx too (what could not be carried is listed).

Options:
  -o, --output FILE  the .xlsx to write (required for one input)
  --out-dir FOLDER   where to write several inputs: NAME.fixed.xlsx
  --no-mark          a clean copy to send up: no highlight, no notes, no "Kiểm tra" sheet
  --formulas         write parent rows, Tổng số and rates as formulas (=SUM, =IF(plan=0,"",...))
  --json             print one JSON document (fields: docs/fix.md)
  --lang vi|en       language (default: vi)
  -q, --quiet        print only each file's summary line
  -h, --help         print this help

By default each corrected cell is highlighted in yellow with a note giving the old value and the
reason; a sheet "Kiểm tra" lists every change with a link to its cell.

Exit codes: 0 nothing left wrong; 1 errors remain unresolved; 2 a file could not be read or written, or
bad usage.

Example:
  $ phuluc fix --lang en muong_kim_2026.xlsx -o muong_kim_2026_fixed.xlsx
  muong_kim_2026.xlsx → muong_kim_2026_fixed.xlsx
    'PL II - Vốn sự nghiệp'!L22  187 → 187.09  (sum-mismatch)
        Changed 187.00 to 187.09: the difference is within the rounding of the displayed number; ...
    'PL II - Vốn sự nghiệp'!AD9  200 → 100  (rate-mismatch)
    ...
  muong_kim_2026.xlsx: 6 cells corrected; nothing left wrong.
  $ phuluc fix --no-mark --out-dir fixed/ commune_reports/
)";

std::string see_help(Lang lang) { return tools::see_help("fix", lang); }

FixCommandOptions parse_options(const std::vector<std::string>& args, Lang lang) {
  po::options_description visible;
  visible.add_options()("help,h", po::bool_switch())("json", po::bool_switch())("quiet,q", po::bool_switch())(
      "no-mark", po::bool_switch())("formulas", po::bool_switch())("lang", po::value<std::string>())(
      "output,o", po::value<std::string>())("out-dir", po::value<std::string>());
  const po::variables_map vm = parse_command_line(args, visible, "fix", lang);

  FixCommandOptions options;
  options.help = vm["help"].as<bool>();
  options.json = vm["json"].as<bool>();
  options.quiet = vm["quiet"].as<bool>();
  options.mark = !vm["no-mark"].as<bool>();
  options.formulas = vm["formulas"].as<bool>();
  options.lang = lang_option(vm, lang, "fix");
  if (vm.count("output")) options.output = vm["output"].as<std::string>();
  if (vm.count("out-dir")) options.out_dir = vm["out-dir"].as<std::string>();
  if (vm.count("inputs")) options.inputs = vm["inputs"].as<std::vector<std::string>>();
  if (options.help) return options;
  const Lang l = options.lang;
  if (options.inputs.empty())
    throw UsageError{pick(l, "chưa nêu tệp nào cần sửa", "no file to correct was given") + see_help(l)};
  if (!options.output.empty() && !options.out_dir.empty())
    throw UsageError{pick(l, "chỉ dùng một trong -o và --out-dir", "use either -o or --out-dir, not both") +
                     see_help(l)};
  if (options.output.empty() && options.out_dir.empty())
    throw UsageError{pick(l, "cần -o TỆP_SỬA.xlsx (hoặc --out-dir THƯ_MỤC khi sửa nhiều tệp)",
                          "-o FIXED.xlsx is required (or --out-dir FOLDER for several files)") +
                     see_help(l)};
  return options;
}

fs::path output_for(const std::string& input, const FixCommandOptions& options) {
  if (!options.output.empty()) return options.output;
  return fs::path(options.out_dir) / (fs::path(input).stem().string() + ".fixed.xlsx");
}

FixFileResult fix_one(const std::string& input, const FixCommandOptions& options) {
  FixFileResult result;
  result.path = input;
  Workbook workbook;
  try {
    workbook = read_workbook(input);
  } catch (const ReadError& error) {
    result.error = FileError{read_error_id(error.code()), error.code(), error.detail()};
    result.error_message = read_error_message(error.code(), options.lang);
    return result;
  }
  result.limitations = workbook.limitations;
  result.fix = fix_workbook(workbook, {options.formulas, options.lang});
  if (result.fix.error) {
    result.error = result.fix.error;
    result.error_message = file_error_text(*result.fix.error, options.lang);
    return result;
  }
  const fs::path output = output_for(input, options);
  XlsxWriteOptions write_options = fix_write_options(result.fix, options.mark, options.lang);
  write_options.inputs = {fs::path(input)};
  try {
    write_xlsx(workbook, output, write_options);
    result.output = output.string();
  } catch (const WriteError& error) {
    result.error = FileError{write_error_id(error.code()), std::nullopt, error.detail()};
    result.error_message = write_error_text(error, options.lang);
  }
  return result;
}

std::string logged_words(const LoggedValue& value, Lang lang) {
  if (const double* number = std::get_if<double>(&value)) return format_number(*number, decimals_of(*number, 6), lang);
  if (const std::string* text = std::get_if<std::string>(&value)) return "\"" + *text + "\"";
  return pick(lang, "(trống)", "(empty)");
}

std::string where(const std::string& sheet, const std::optional<CellRef>& cell) {
  return "'" + sheet + "'!" + (cell ? to_a1(*cell) : std::string{});
}

void print_file(std::ostream& out, const FixFileResult& file, const FixCommandOptions& options) {
  const Lang lang = options.lang;
  if (!options.quiet) {
    if (file.output) out << file.path << " → " << *file.output << '\n';
    for (const FixedCell& fixed : file.fix.corrections)
      out << "  " << where(fixed.sheet, fixed.cell) << "  " << logged_words(fixed.old_value, lang) << " → "
          << logged_words(fixed.new_value, lang) << "  (" << fixed.code << ")\n      " << fixed.reason << '\n';
    for (const UnresolvedCell& cell : file.fix.unresolved)
      out << "  " << where(cell.sheet, cell.cell) << "  [" << pick(lang, "chưa sửa", "not corrected") << "] "
          << cell.code << "\n      " << cell.message << '\n';
    for (const ReaderLimitation& limitation : file.limitations)
      out << "  " << pick(lang, "không mang theo được: ", "not carried: ") << limitation.code
          << (limitation.sheet.empty() ? "" : " ('" + limitation.sheet + "')") << '\n';
  }
  out << file.path << ": ";
  if (file.error) {
    out << pick(lang, "không sửa được (", "not corrected (") << file.error->id << ").\n";
    return;
  }
  const std::size_t fixed = file.fix.corrections.size();
  const std::size_t left = file.fix.unresolved.size();
  out << pick(lang, "đã sửa ", "") << fixed
      << pick(lang, " ô; ", fixed == 1 ? " cell corrected; " : " cells corrected; ");
  if (left == 0)
    out << pick(lang, "không còn lỗi.", "nothing left wrong.") << '\n';
  else
    out << pick(lang, "còn ", "") << left << pick(lang, " chỗ chưa sửa được.", " left unresolved.") << '\n';
}

}  // namespace

int run_fix(const std::vector<std::string>& args, Console& console) {
  const FixCommandOptions options = parse_options(args, console.lang);
  if (options.help) {
    console.out << (options.lang == Lang::vi ? kHelpVi : kHelpEn);
    return kExitOk;
  }
  const std::vector<std::string> inputs = files_to_read(options.inputs, console, "fix", options.lang);
  if (inputs.size() != 1 && !options.output.empty())
    throw UsageError{pick(options.lang, "nhiều tệp đầu vào cần --out-dir THƯ_MỤC thay cho -o",
                          "several inputs need --out-dir FOLDER instead of -o") +
                     see_help(options.lang)};
  if (inputs.empty())
    throw UsageError{pick(options.lang, "thư mục không có tệp .xlsx, .xlsm, .xls hay .csv nào",
                          "the folder holds no .xlsx, .xlsm, .xls or .csv file") +
                     see_help(options.lang)};

  std::vector<FixFileResult> results;
  for (const std::string& input : inputs) results.push_back(fix_one(input, options));
  const int exit_code = fix_exit_code(results);
  if (options.json) {
    write_fix_json(console.out, results, options.lang, exit_code);
    return exit_code;
  }
  for (const FixFileResult& file : results) {
    if (file.error) console.err << "phuluc fix: " << file.path << ": " << file.error_message << '\n';
    print_file(console.out, file, options);
  }
  console.out.flush();
  return exit_code;
}

}  // namespace phuluc::tools
