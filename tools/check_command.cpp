// phuluc check: reads appendix workbooks, finds their tables and reports where the arithmetic does
// not hold, in Vietnamese (default) or English, for people or as one JSON document.
#include <algorithm>
#include <atomic>
#include <boost/program_options.hpp>
#include <cctype>
#include <exception>
#include <filesystem>
#include <future>
#include <iostream>
#include <new>
#include <optional>
#include <string>
#include <system_error>
#include <thread>
#include <vector>

#include "readers/read_error.hpp"
#include "readers/workbook_reader.hpp"
#include "report/file_report.hpp"
#include "report/messages.hpp"
#include "report/report_json.hpp"
#include "rules/check_workbook.hpp"
#include "tools/command.hpp"
#include "tools/catalogue_option.hpp"
#include "tools/command_line.hpp"
#include "tools/input_files.hpp"

namespace phuluc::tools {
namespace {

namespace fs = std::filesystem;
namespace po = boost::program_options;

struct CheckOptions {
  std::vector<std::string> inputs;  ///< files and directories, as given
  bool json = false;
  bool quiet = false;
  bool help = false;
  unsigned jobs = 0;  ///< 0: one per core
  Lang lang = Lang::vi;
  std::vector<std::string> catalogues;  ///< user catalogue files, applied after the built-in one
};

constexpr const char* kHelpVi = R"(Cách dùng: phuluc check [TÙY CHỌN] TỆP_HOẶC_THƯ_MỤC...

Đọc từng phụ lục (.xlsx, .xlsm, .xls, .csv), tìm các bảng số liệu và báo mọi chỗ số học không khớp:
  sum-mismatch       dòng cha khác tổng các dòng con
  split-mismatch     Tổng số khác NSTW + NSĐP
  rate-mismatch      tỷ lệ giải ngân khác giải ngân ÷ kế hoạch × 100
  rate-without-base  có tỷ lệ khi kế hoạch vốn bằng 0
  total-mismatch     dòng TỔNG CỘNG khác tổng các dòng cấp trên cùng
  not-a-number       ô số liệu chứa chữ không phải là số
  negative-amount    kế hoạch, giải ngân hoặc ước giải ngân nhỏ hơn 0
và cảnh báo các dòng không nhận ra trong danh mục (unmapped-row, ambiguous-row, label-stt-conflict,
như 'phuluc map').
Số được so ở độ chính xác đang hiển thị của ô (ví dụ 187,09 so đến 0,005). Một thư mục là mọi tệp
.xlsx, .xlsm, .xls, .csv trong đó, theo thứ tự tên. Tệp chỉ được đọc, không bao giờ bị sửa.

Tùy chọn:
  --json          in một tài liệu JSON (các trường: docs/check.md)
  --lang vi|en    ngôn ngữ của báo cáo (mặc định: vi)
  -q, --quiet     chỉ in dòng tóm tắt của mỗi tệp
  -j, --jobs N    số tệp kiểm tra cùng lúc (mặc định: số nhân CPU)
  --catalogue TỆP thêm hoặc sửa mục danh mục bằng tệp CSV của mình (dùng nhiều lần được)
  -h, --help      in hướng dẫn này

Mã thoát: 0 không có lỗi; 1 có lỗi số liệu; 2 có tệp không đọc được hoặc dùng sai lệnh.

Ví dụ:
  $ phuluc check muong_kim_2026.xlsx
  muong_kim_2026.xlsx: 'PL II - Vốn sự nghiệp'!AD9  [lỗi] rate-mismatch · Tỷ lệ giải ngân tính sai
      Dòng A "Chương trình MTQG phát triển kinh tế -XH vùng ĐBDTTS và miền núi" · Cột: Tình hình thực
      hiện kế hoạch vốn sự nghiệp năm 2026 › Tỷ lệ giải ngân › Tổng số
      Tỷ lệ ghi 200, nhưng giải ngân ÷ kế hoạch × 100 (AA9, R9) là 100; chênh lệch 100.
    ...
  muong_kim_2026.xlsx: 3 bảng; 6 lỗi, 0 cảnh báo, 0 ghi chú.
  $ phuluc check --json --quiet bao_cao_cac_xa/ > ket_qua.json
)";

constexpr const char* kHelpEn = R"(Usage: phuluc check [OPTIONS] FILE_OR_FOLDER...

Reads each appendix (.xlsx, .xlsm, .xls, .csv), finds its tables and reports every place where the
arithmetic does not hold:
  sum-mismatch       a parent row differs from the sum of its children
  split-mismatch     Tổng số (total) differs from NSTW + NSĐP
  rate-mismatch      a disbursement rate differs from disbursed ÷ plan × 100
  rate-without-base  a rate given on a plan of 0
  total-mismatch     the TỔNG CỘNG row differs from the sum of the top-level rows
  not-a-number       a numeric cell holds text that is no number
  negative-amount    a plan, disbursement or estimate below 0
and warns of the rows the catalogue does not recognise (unmapped-row, ambiguous-row,
label-stt-conflict, as 'phuluc map' does).
Numbers are compared at the precision each cell displays (187.09 is compared to within 0.005). A
folder means every .xlsx, .xlsm, .xls, .csv file in it, in name order. Files are only read, never changed.

Options:
  --json          print one JSON document (fields: docs/check.md)
  --lang vi|en    language of the report (default: vi)
  -q, --quiet     print only each file's summary line
  -j, --jobs N    files checked at once (default: one per CPU core)
  --catalogue FILE add or override catalogue entries with your own CSV file (may be repeated)
  -h, --help      print this help

Exit codes: 0 no error found; 1 errors found in the data; 2 a file could not be read, or bad usage.

Example:
  $ phuluc check --lang en muong_kim_2026.xlsx
  muong_kim_2026.xlsx: 'PL II - Vốn sự nghiệp'!AD9  [error] rate-mismatch · Disbursement rate is wrong
      Row A "Chương trình MTQG phát triển kinh tế -XH vùng ĐBDTTS và miền núi" · Column: Tình hình thực
      hiện kế hoạch vốn sự nghiệp năm 2026 › Tỷ lệ giải ngân › Tổng số
      The rate shows 200, but disbursed ÷ plan × 100 (AA9, R9) is 100; difference 100.
    ...
  muong_kim_2026.xlsx: 3 tables; 6 errors, 0 warnings, 0 notices.
  $ phuluc check --json --quiet commune_reports/ > results.json
)";

std::string see_help(Lang lang) { return tools::see_help("check", lang); }

CheckOptions parse_options(const std::vector<std::string>& args, Lang lang) {
  po::options_description visible;
  visible.add_options()("help,h", po::bool_switch())("json", po::bool_switch())("quiet,q", po::bool_switch())(
      "lang", po::value<std::string>())("jobs,j", po::value<unsigned>())(
      "catalogue", po::value<std::vector<std::string>>());
  const po::variables_map vm = parse_command_line(args, visible, "check", lang);

  CheckOptions options;
  options.help = vm["help"].as<bool>();
  options.json = vm["json"].as<bool>();
  options.quiet = vm["quiet"].as<bool>();
  if (vm.count("jobs")) options.jobs = vm["jobs"].as<unsigned>();
  options.lang = lang_option(vm, lang, "check");
  if (vm.count("catalogue")) options.catalogues = vm["catalogue"].as<std::vector<std::string>>();
  if (vm.count("inputs")) options.inputs = vm["inputs"].as<std::vector<std::string>>();
  if (!options.help && options.inputs.empty())
    throw UsageError{pick(options.lang, "chưa nêu tệp nào cần kiểm tra", "no file to check was given") +
                     see_help(options.lang)};
  return options;
}

FileReport unreadable(std::string path, FileError error) {
  FileReport report;
  report.path = std::move(path);
  report.error = std::move(error);
  return report;
}

FileError reader_error(ReadErrorCode code, std::string detail) {
  return FileError{read_error_id(code), code, std::move(detail)};
}

// One thing to check: a file path, or a report already known (an empty or unlistable folder, a
// missing file).
struct Job {
  std::string path;
  std::optional<FileReport> known;
};

Job job_for(InputEntry entry) {
  switch (entry.kind) {
    case InputEntry::Kind::unlistable_folder:
      return {entry.path, unreadable(entry.path, reader_error(ReadErrorCode::io_error, entry.detail))};
    case InputEntry::Kind::empty_folder:
      return {entry.path, unreadable(entry.path, FileError{std::string(kNoSpreadsheetsId), std::nullopt,
                                                           "no .xlsx, .xlsm, .xls or .csv file in the folder"})};
    case InputEntry::Kind::file:
      break;
  }
  std::error_code error;
  if (!fs::exists(entry.path, error))
    return {entry.path, unreadable(entry.path, reader_error(ReadErrorCode::io_error, "no such file"))};
  return {std::move(entry.path), std::nullopt};
}

// The catalogue and its index, made on a thread of their own: the index costs about as much as
// reading a small appendix, so a one-file check reads while it is built rather than after.
class CatalogueInBackground {
 public:
  CatalogueInBackground(const CheckOptions& options, Console& console) {
    auto load = [this, &options, &console] {
      catalogue_ = load_catalogue_option(options.catalogues, console, "check", options.lang);
      if (catalogue_) matcher_.emplace(*catalogue_);
    };
    try {
      ready_ = std::async(std::launch::async, load).share();
    } catch (const std::system_error&) {  // no thread to be had: load it here
      ready_ = std::async(std::launch::deferred, load).share();
      ready_.wait();
    }
  }

  /// Waits for the index; null when the catalogue could not be loaded. Safe from any thread.
  const RowMatcher* matcher() const {
    ready_.wait();
    return matcher_ ? &*matcher_ : nullptr;
  }

  /// Waits for the catalogue; false when it could not be loaded (the message is printed).
  bool loaded() const {
    ready_.get();  // an exception while building the index surfaces here, on the main thread
    return catalogue_.has_value();
  }

 private:
  std::optional<Catalogue> catalogue_;
  std::optional<RowMatcher> matcher_;  // refers to *catalogue_
  std::shared_future<void> ready_;     // last: destroyed first, so the loader is done before the rest
};

// Never lets an exception out: whatever happens to one file, the others are still checked.
FileReport check_file(const std::string& path, const CatalogueInBackground& catalogue) {
  try {
    const Workbook workbook = read_workbook(path);
    return check_workbook(workbook, path, catalogue.matcher());
  } catch (const ReadError& error) {
    return unreadable(path, reader_error(error.code(), error.detail()));
  } catch (const std::bad_alloc&) {
    return unreadable(path, reader_error(ReadErrorCode::too_large, "out of memory while checking"));
  } catch (const std::exception& failure) {
    return unreadable(path, FileError{std::string(kInternalErrorId), std::nullopt, failure.what()});
  } catch (...) {
    return unreadable(path, FileError{std::string(kInternalErrorId), std::nullopt, "unknown exception"});
  }
}

// Checks every job on up to `jobs_wanted` threads; reports come back in input order.
std::vector<FileReport> run_jobs(std::vector<Job>& jobs, unsigned jobs_wanted, const CatalogueInBackground& catalogue) {
  std::vector<FileReport> reports(jobs.size());
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    for (std::size_t i = next++; i < jobs.size(); i = next++)
      reports[i] = jobs[i].known ? std::move(*jobs[i].known) : check_file(jobs[i].path, catalogue);
  };
  unsigned threads = jobs_wanted != 0 ? jobs_wanted : std::max(1u, std::thread::hardware_concurrency());
  threads = static_cast<unsigned>(std::min<std::size_t>(threads, jobs.size()));
  std::vector<std::thread> pool;
  try {
    for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work);
  } catch (const std::system_error&) {
    // No more threads to be had: the ones started and this one share the work.
  }
  work();
  for (auto& thread : pool) thread.join();
  return reports;
}

int exit_code_for(const std::vector<FileReport>& reports) {
  int code = kExitOk;
  for (const auto& report : reports) {
    if (report.error) return kExitFailure;
    if (count_findings(report).errors > 0) code = kExitFindings;
  }
  return code;
}

}  // namespace

int run_check(const std::vector<std::string>& args, Console& console) {
  const CheckOptions options = parse_options(args, console.lang);
  if (options.help) {
    console.out << (options.lang == Lang::vi ? kHelpVi : kHelpEn);
    return kExitOk;
  }
  const CatalogueInBackground catalogue(options, console);
  std::vector<Job> jobs;
  for (auto& entry : expand_inputs(options.inputs)) jobs.push_back(job_for(std::move(entry)));
  const std::vector<FileReport> reports = run_jobs(jobs, options.jobs, catalogue);
  if (!catalogue.loaded()) return kExitFailure;
  const int exit_code = exit_code_for(reports);

  if (options.json) {
    write_check_json(console.out, reports, options.lang, exit_code);
    return exit_code;
  }
  for (std::size_t i = 0; i < reports.size(); ++i) {
    const FileReport& report = reports[i];
    if (report.error)
      console.err << "phuluc check: " << report.path << ": " << file_error_text(*report.error, options.lang) << '\n';
    if (i > 0 && !options.quiet && (!report.findings.empty() || !reports[i - 1].findings.empty())) console.out << '\n';
    print_text_report(console.out, report, options.lang, options.quiet);
  }
  if (reports.size() > 1) print_text_total(console.out, reports, options.lang);
  console.out.flush();
  return exit_code;
}

}  // namespace phuluc::tools
