// phuluc merge: adds the appendices of many communes up into one, by catalogue key (never by the
// label's exact text), and writes it in the template's official layout with a breakdown per commune
// and the list of sources.
#include <signal.h>

#include <algorithm>
#include <atomic>
#include <boost/program_options.hpp>
#include <cctype>
#include <filesystem>
#include <iostream>
#include <optional>
#include <string>
#include <system_error>
#include <vector>

#include "consolidation/cancellation.hpp"
#include "consolidation/merge_json.hpp"
#include "consolidation/merge_messages.hpp"
#include "consolidation/merge_run.hpp"
#include "mappings/catalogue.hpp"
#include "mappings/row_matcher.hpp"
#include "tools/command.hpp"
#include "tools/catalogue_option.hpp"
#include "tools/command_line.hpp"
#include "tools/input_files.hpp"
#include "tools/write_error_text.hpp"
#include "writers/write_error.hpp"

namespace phuluc::tools {
namespace {

namespace fs = std::filesystem;
namespace po = boost::program_options;

/// Exit code after Ctrl-C (128 + SIGINT, as shells report it).
constexpr int kExitInterrupted = 130;

struct Options {
  std::vector<std::string> inputs;
  std::string output;
  bool fix = false;
  bool force = false;
  bool json = false;
  bool quiet = false;
  bool help = false;
  unsigned jobs = 2;
  std::string title;
  std::string attached_to;
  std::vector<std::string> catalogues;
  Lang lang = Lang::vi;
};

constexpr const char* kHelpVi = R"(Cách dùng: phuluc merge [TÙY CHỌN] TỆP_HOẶC_THƯ_MỤC... -o TONG_HOP.xlsx

Cộng phụ lục của nhiều xã (cùng một mẫu biểu) thành một phụ lục tổng hợp. Các dòng được ghép theo mã
danh mục (chương trình, dự án, tiểu dự án, nội dung: dtts.5.1...) và vị trí trong cây, không theo chữ:
"Mở lớp xóa mù chữ" và "Mơ lớp xoá mù chữ" là một dòng; thứ tự dòng khác nhau, dòng trống bị bỏ bớt
cũng không sao. Số tiền được cộng; dòng cha tính lại từ dòng con; Tổng số = NSTW + NSĐP; tỷ lệ tính
lại từ số đã cộng (không cộng, không lấy trung bình tỷ lệ). Dòng không khớp danh mục không bị bỏ,
không bị ghép đoán: giữ riêng dưới dòng cha, ghi tên xã, và được liệt kê.

Mỗi tệp được kiểm tra trước (như phuluc check). Tệp có lỗi bị từ chối, trừ khi dùng --fix (sửa như
phuluc fix rồi tổng hợp) hoặc --force (tổng hợp nguyên trạng, có ghi lại). Tệp khác mẫu, khác cột,
khác kỳ báo cáo, hoặc không rõ đơn vị tính bị từ chối với lý do; đồng, nghìn đồng, triệu đồng, tỷ
đồng được quy đổi về đơn vị của mẫu. Tệp đầu tiên đạt yêu cầu là mẫu (bố cục, tiêu đề, cột).

Tệp kết quả có ba trang: "Tổng hợp" (đúng bố cục của mẫu, dòng cha, Tổng số, tỷ lệ là công thức),
"Chi tiết theo xã" (dưới mỗi dòng là số liệu từng xã, nhóm lại được) và "Nguồn" (mỗi tệp: xã,
SHA-256, kết quả kiểm tra, cách xử lý). Tệp được ghi trọn vẹn hoặc không ghi (Ctrl-C không để lại tệp dở).

Tùy chọn:
  -o, --output TỆP     tệp .xlsx kết quả (bắt buộc)
  --fix                sửa tệp có lỗi rồi mới tổng hợp
  --force              vẫn tổng hợp tệp có lỗi, nguyên trạng
  --title CHỮ          tiêu đề của bảng tổng hợp (mặc định: tiêu đề của mẫu, có "TỔNG HỢP" ở đầu)
  --attached-to CHỮ    dòng "Kèm theo ..." (không cần ngoặc), ví dụ "Kèm theo Báo cáo số 15/BC-UBND ..."
  --catalogue TỆP      thêm hoặc sửa mục danh mục bằng tệp CSV của mình (dùng nhiều lần được)
  --json               in một tài liệu JSON (các trường: docs/merge.md)
  --lang vi|en         ngôn ngữ của thông báo (mặc định: vi)
  -q, --quiet          chỉ in dòng tóm tắt
  -j, --jobs N         số tệp đọc cùng lúc (mặc định: 2)
  -h, --help           in hướng dẫn này

Mã thoát: 0 mọi tệp được tổng hợp; 1 đã ghi tệp kết quả nhưng có tệp bị từ chối hoặc tổng hợp dù có
lỗi (--force); 2 không tổng hợp được tệp nào, không ghi được kết quả, hoặc dùng sai lệnh; 130 bị
ngắt bằng Ctrl-C (không có tệp kết quả).

Ví dụ:
  $ phuluc merge bao_cao_cac_xa/ -o tong_hop_tinh.xlsx
  bao_cao_cac_xa/xa_0026.xlsx (Xã Trung Lềnh): không tổng hợp. Có 3 lỗi số học (sum-mismatch M45, ...)
  Đã ghi tong_hop_tinh.xlsx: 37/38 tệp, 53 dòng; 1 tệp không tổng hợp; 9 dòng ngoài danh mục.
  $ phuluc merge --fix --json bao_cao_cac_xa/ -o tong_hop_tinh.xlsx > tong_hop.json
)";

constexpr const char* kHelpEn = R"(Usage: phuluc merge [OPTIONS] FILE_OR_FOLDER... -o CONSOLIDATED.xlsx

Adds up the appendices of many communes (of one template) into one consolidated appendix. Rows are
aligned by catalogue key (program, project, sub-project, content: dtts.5.1...) and their place in
the tree, never by their text: "Mở lớp xóa mù chữ" and "Mơ lớp xoá mù chữ" are one row; other row
orders and omitted empty rows do not matter. Amounts are summed; parents are recomputed from their
children; Tổng số = NSTW + NSĐP; rates are recomputed from the summed amounts (never summed or
averaged). A row that matches no catalogue entry is never dropped nor merged by guess: it is kept
under its parent, labelled with its commune, and listed.

Each file is checked first (as phuluc check does). A file with errors is refused, unless --fix
(corrected as phuluc fix does, then merged) or --force (merged as it is, and said so). Files of
another template, other columns, another period or an unknown unit are refused with the reason;
đồng, nghìn đồng, triệu đồng and tỷ đồng are converted to the template's unit. The first file that
passes is the template (layout, title, columns).

The output has three sheets: "Tổng hợp" (the template's layout; parents, Tổng số and rates as
formulas), "Chi tiết theo xã" (under each row every commune's numbers, grouped) and "Nguồn" (each
file: commune, SHA-256, findings, how it was treated). It is written whole or not at all (Ctrl-C
leaves no partial file).

Options:
  -o, --output FILE    the consolidated .xlsx (required)
  --fix                correct files with errors, then merge them
  --force              merge files with errors as they are
  --title TEXT         the consolidated title (default: the template's, starting with "TỔNG HỢP")
  --attached-to TEXT   the "Kèm theo ..." line (without parentheses)
  --catalogue FILE     add or override catalogue entries with your own CSV file (may be repeated)
  --json               print one JSON document (fields: docs/merge.md)
  --lang vi|en         language of the messages (default: vi)
  -q, --quiet          print only the summary line
  -j, --jobs N         files read at once (default: 2)
  -h, --help           print this help

Exit codes: 0 every file merged; 1 the output was written but a file was refused or merged despite
errors (--force); 2 no file could be merged, the output could not be written, or bad usage;
130 interrupted by Ctrl-C (no output).

Example:
  $ phuluc merge --lang en commune_reports/ -o province.xlsx
  commune_reports/xa_0026.xlsx (Xã Trung Lềnh): not merged. 3 arithmetic error(s) (sum-mismatch M45, ...)
  Wrote province.xlsx: 37/38 files, 53 rows; 1 file refused; 9 rows outside the catalogue.
  $ phuluc merge --fix --json commune_reports/ -o province.xlsx > province.json
)";

std::string see_help(Lang lang) { return tools::see_help("merge", lang); }

Options parse_options(const std::vector<std::string>& args, Lang lang) {
  po::options_description visible;
  visible.add_options()("help,h", po::bool_switch())("json", po::bool_switch())("quiet,q", po::bool_switch())(
      "fix", po::bool_switch())("force", po::bool_switch())("lang", po::value<std::string>())(
      "output,o", po::value<std::string>())("jobs,j", po::value<unsigned>())("title", po::value<std::string>())(
      "attached-to", po::value<std::string>())("catalogue", po::value<std::vector<std::string>>());
  const po::variables_map vm = parse_command_line(args, visible, "merge", lang);

  Options options;
  options.lang = lang_option(vm, lang, "merge");
  options.help = vm["help"].as<bool>();
  options.json = vm["json"].as<bool>();
  options.quiet = vm["quiet"].as<bool>();
  options.fix = vm["fix"].as<bool>();
  options.force = vm["force"].as<bool>();
  if (vm.count("jobs")) options.jobs = std::max(1u, vm["jobs"].as<unsigned>());
  if (vm.count("output")) options.output = vm["output"].as<std::string>();
  if (vm.count("title")) options.title = vm["title"].as<std::string>();
  if (vm.count("attached-to")) options.attached_to = vm["attached-to"].as<std::string>();
  if (vm.count("catalogue")) options.catalogues = vm["catalogue"].as<std::vector<std::string>>();
  if (vm.count("inputs")) options.inputs = vm["inputs"].as<std::vector<std::string>>();
  if (options.help) return options;
  if (options.inputs.empty())
    throw UsageError{pick(options.lang, "chưa nêu tệp nào cần tổng hợp", "no file to merge was given") + see_help(options.lang)};
  if (options.output.empty())
    throw UsageError{pick(options.lang, "thiếu tệp kết quả -o TỆP.xlsx", "the output -o FILE.xlsx is missing") +
                     see_help(options.lang)};
  return options;
}

// Ctrl-C sets the flag; the merge stops at its next check and removes its temporary files.
std::atomic<bool> g_interrupted{false};
extern "C" void on_interrupt(int) { g_interrupted.store(true); }

class InterruptGuard {
 public:
  InterruptGuard() {
    g_interrupted = false;
    struct sigaction action {};
    action.sa_handler = on_interrupt;
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, &previous_int_);
    sigaction(SIGTERM, &action, &previous_term_);
  }
  ~InterruptGuard() {
    sigaction(SIGINT, &previous_int_, nullptr);
    sigaction(SIGTERM, &previous_term_, nullptr);
  }
  InterruptGuard(const InterruptGuard&) = delete;
  InterruptGuard& operator=(const InterruptGuard&) = delete;

 private:
  struct sigaction previous_int_ {};
  struct sigaction previous_term_ {};
};

// A one-line progress bar on stderr, redrawn at each whole percent.
class ProgressBar {
 public:
  ProgressBar(std::ostream& err, Lang lang, bool enabled) : err_(err), lang_(lang), enabled_(enabled) {}
  ~ProgressBar() { clear(); }
  void operator()(const MergeProgress& progress) {
    if (!enabled_ || progress.total == 0) return;
    const std::size_t percent = progress.done * 100 / progress.total;
    if (progress.phase == MergeProgress::Phase::reading && percent == last_percent_) return;
    last_percent_ = percent;
    constexpr std::size_t kWidth = 30;
    const std::size_t filled = percent * kWidth / 100;
    err_ << '\r'
         << (progress.phase == MergeProgress::Phase::reading ? pick(lang_, "Đọc và kiểm tra ", "Reading and checking ")
                                                             : pick(lang_, "Ghi tệp kết quả ", "Writing the output "))
         << progress.done << '/' << progress.total << " [" << std::string(filled, '#') << std::string(kWidth - filled, '.')
         << "] " << percent << "%  " << std::flush;
    shown_ = true;
  }
  void clear() {
    if (!shown_) return;
    err_ << '\r' << std::string(72, ' ') << '\r' << std::flush;
    shown_ = false;
  }

 private:
  std::ostream& err_;
  Lang lang_;
  bool enabled_;
  bool shown_ = false;
  std::size_t last_percent_ = 101;
};

int exit_code_for(const MergeResult& result) {
  if (!result.written) return kExitFailure;
  for (const InputSummary& input : result.inputs)
    if (input.status == InputStatus::refused || input.status == InputStatus::forced) return kExitFindings;
  return kExitOk;
}

void print_inputs(std::ostream& out, const MergeResult& result, Lang lang, bool quiet) {
  for (const InputSummary& input : result.inputs) {
    const std::string reason = input_reason_text(input, lang);
    if (quiet || (input.status == InputStatus::merged && reason.empty())) continue;
    out << input.path << " (" << input.commune << "): " << input_status_text(input.status, lang);
    if (!reason.empty()) out << ". " << reason;
    out << '\n';
  }
  if (quiet || !result.table || result.table->unmatched.empty()) return;
  out << pick(lang, "Dòng ngoài danh mục, giữ riêng theo xã:\n", "Rows outside the catalogue, kept per commune:\n");
  for (const UnmatchedRow& row : result.table->unmatched) {
    const InputSummary& input = result.inputs[row.input];
    out << "  " << input.path << " '" << input.sheet << "' " << pick(lang, "dòng ", "row ") << row.sheet_row + 1 << ": "
        << (row.stt.empty() ? "" : row.stt + " ") << row.label << " → "
        << (row.parent_key.empty() ? pick(lang, "(trên cùng)", "(top)") : row.parent_key.c_str()) << " ("
        << unmatched_reason_text(row.reason, lang) << ")\n";
  }
}

void print_summary(std::ostream& out, const MergeResult& result, const std::string& output, Lang lang) {
  if (!result.written) {
    out << pick(lang, "Không tổng hợp được tệp nào; không ghi ", "No file could be merged; nothing written to ") << output
        << ".\n";
    return;
  }
  out << pick(lang, "Đã ghi ", "Wrote ") << output << ": " << result.merged() << '/' << result.inputs.size()
      << pick(lang, " tệp, ", " files, ") << result.table->rows.size() << pick(lang, " dòng", " rows");
  if (result.refused() > 0) out << "; " << result.refused() << pick(lang, " tệp không tổng hợp", " file(s) refused");
  if (!result.table->unmatched.empty())
    out << "; " << result.table->unmatched.size() << pick(lang, " dòng ngoài danh mục", " row(s) outside the catalogue");
  out << ".\n";
}

}  // namespace

int run_merge(const std::vector<std::string>& args, Console& console) {
  const Options options = parse_options(args, console.lang);
  const Lang lang = options.lang;
  if (options.help) {
    console.out << (lang == Lang::vi ? kHelpVi : kHelpEn);
    return kExitOk;
  }
  const std::optional<Catalogue> catalogue = load_catalogue_option(options.catalogues, console, "merge", lang);
  if (!catalogue) return kExitFailure;
  const RowMatcher matcher(*catalogue);

  MergeOptions merge;
  // The output may sit in an input folder from an earlier run: never read it back.
  merge.inputs = files_to_read(options.inputs, console, "merge", lang, options.output);
  if (merge.inputs.empty()) return kExitFailure;
  merge.output = options.output;
  merge.fix = options.fix;
  merge.force = options.force;
  merge.texts.title = options.title;
  merge.texts.attached_to = options.attached_to;
  merge.threads = options.jobs;
  merge.cancel = &g_interrupted;
  ProgressBar bar(console.err, lang, console.err_is_tty && !options.quiet);
  merge.progress = [&bar](const MergeProgress& progress) { bar(progress); };

  MergeResult result;
  try {
    const InterruptGuard guard;
    result = run_merge(merge, *catalogue, matcher);
  } catch (const MergeCancelled&) {
    bar.clear();
    console.err << "phuluc merge: " << pick(lang, "đã dừng theo yêu cầu (Ctrl-C); không ghi tệp kết quả.\n",
                                            "stopped (Ctrl-C); no output written.\n");
    return kExitInterrupted;
  } catch (const WriteError& error) {
    bar.clear();
    console.err << "phuluc merge: " << write_error_text(error, lang) << '\n';
    return kExitFailure;
  }
  bar.clear();
  const int exit_code = exit_code_for(result);
  if (options.json) {
    write_merge_json(console.out, result, options.output, exit_code, lang);
    return exit_code;
  }
  print_inputs(console.out, result, lang, options.quiet);
  print_summary(console.out, result, options.output, lang);
  console.out.flush();
  return exit_code;
}

}  // namespace phuluc::tools
