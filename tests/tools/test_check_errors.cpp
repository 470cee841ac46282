// `phuluc check` on input it cannot read, and on bad usage: a clear message naming the file, in
// Vietnamese or English, exit code 2, never a crash.
#include <catch2/catch.hpp>

#include "test_check_support.hpp"

using namespace phuluc::test;

namespace {

const fs::path kCorpus = fs::path(PHULUC_SHARED_DIR) / "corpus";

struct BadInput {
  const char* id;
  const char* vi;
  const char* en;
};

// Pins the whole user-facing text for one unreadable file, in both languages and in JSON.
void check_unreadable(const fs::path& path, const BadInput& bad) {
  const std::string p = path.string();
  const auto vi = run_check({p});
  CHECK(vi.exit_code == 2);
  CHECK(vi.err == "phuluc check: " + p + ": " + bad.vi + "\n");
  CHECK(vi.out == p + ": không đọc được (" + bad.id + ").\n");

  const auto en = run_check({"--lang", "en", p});
  CHECK(en.exit_code == 2);
  CHECK(en.err == "phuluc check: " + p + ": " + bad.en + "\n");
  CHECK(en.out == p + ": cannot be read (" + bad.id + ").\n");

  const auto json = run_check({"--json", "--lang", "en", p});
  CHECK(json.exit_code == 2);
  CHECK(json.err.empty());
  const auto report = parse_json_report(json.out);
  REQUIRE(report.parsed);
  REQUIRE(report.files.size() == 1);
  CHECK(report.files[0].path == p);
  CHECK(report.files[0].error_code == bad.id);
  CHECK(report.files[0].error_message == bad.en);
  CHECK(report.files[0].tables == 0);
  CHECK(report.files[0].findings.empty());
}

}  // namespace

TEST_CASE("an empty file is named with a clear message and exit code 2", "[tools][check][errors]") {
  TempDir dir;
  write_file(dir / "bao_cao.xlsx", "");
  check_unreadable(dir / "bao_cao.xlsx", {"empty-file", "Tệp rỗng (0 byte); hãy gửi lại tệp đầy đủ.",
                                          "The file is empty (0 bytes); send the complete file again."});
}

TEST_CASE("a file that is no spreadsheet is refused with exit code 2", "[tools][check][errors]") {
  TempDir dir;
  write_file(dir / "anh.xlsx", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10", 20));
  check_unreadable(dir / "anh.xlsx",
                   {"not-a-spreadsheet", "Tệp không phải là bảng tính Excel (.xlsx, .xls) hay tệp CSV.",
                    "The file is not an Excel workbook (.xlsx, .xls) or a CSV file."});
}

TEST_CASE("a truncated workbook is refused with exit code 2", "[tools][check][errors]") {
  TempDir dir;
  const std::string whole = read_file(kSamples / "muong_kim_2026.xlsx");
  write_file(dir / "cut.xlsx", whole.substr(0, whole.size() / 2));
  check_unreadable(dir / "cut.xlsx",
                   {"truncated", "Tệp bị cắt cụt hoặc bị hỏng, không đọc hết được; hãy lấy lại bản gốc rồi gửi lại.",
                    "The file is truncated or damaged and cannot be read to the end; get the original again and send "
                    "it again."});
}

TEST_CASE("a password-protected workbook is refused with exit code 2", "[tools][check][errors]") {
  check_unreadable(kCorpus / "poi" / "58616.xlsx",
                   {"encrypted", "Tệp đã bị mã hóa bằng mật khẩu; hãy gỡ mật khẩu rồi gửi lại.",
                    "The file is password-protected; remove the password and send it again."});
}

TEST_CASE("a zip bomb is refused with exit code 2", "[tools][check][errors]") {
  check_unreadable(kCorpus / "calamine" / "issue252.xlsx",
                   {"zip-bomb",
                    "Nội dung nén của tệp giãn ra lớn bất thường; phuluc không mở tệp này để bảo vệ máy. Hãy lưu lại "
                    "tệp bằng Excel rồi gửi lại.",
                    "The file's compressed content expands to an abnormal size; phuluc does not open it, to protect "
                    "the machine. Save the file again with Excel and send it again."});
}

TEST_CASE("a workbook with malformed XML is refused with exit code 2", "[tools][check][errors]") {
  check_unreadable(
      kCorpus / "poi" / "54764.xlsx",
      {"malformed-xml", "Nội dung bên trong tệp bị hỏng (XML không hợp lệ); hãy mở bằng Excel, lưu lại rồi gửi lại.",
       "The file's content is damaged (malformed XML); open it in Excel, save it and send it again."});
}

TEST_CASE("a missing file is named with exit code 2", "[tools][check][errors]") {
  TempDir dir;
  check_unreadable(dir / "khong_co.xlsx",
                   {"io-error", "Không mở được tệp (tệp không tồn tại, không có quyền đọc hoặc đang bị khóa).",
                    "The file cannot be opened (it does not exist, it may not be read, or it is locked)."});
}

TEST_CASE("a workbook without any appendix table is refused with exit code 2", "[tools][check][errors]") {
  TempDir dir;
  write_file(dir / "make.py",
             "import openpyxl, sys\n"
             "wb = openpyxl.Workbook()\n"
             "ws = wb.active\n"
             "ws.title = 'Danh sách'\n"
             "ws.append(['Họ và tên', 'Năm sinh'])\n"
             "ws.append(['Nguyễn Văn A', 1980])\n"
             "wb.save(sys.argv[1])\n");
  REQUIRE(run_program("/usr/bin/python3", {(dir / "make.py").string(), (dir / "danh_sach.xlsx").string()}).exit_code ==
          0);
  check_unreadable(dir / "danh_sach.xlsx",
                   {"no-table", "Không tìm thấy bảng phụ lục nào trong tệp (không có dòng tiêu đề STT / Nội dung).",
                    "No appendix table was found in the file (no STT / Nội dung header row)."});
}

TEST_CASE("a table that follows no appendix template is refused with exit code 2", "[tools][check][errors]") {
  TempDir dir;
  write_file(dir / "make.py",
             "import openpyxl, sys\n"
             "wb = openpyxl.Workbook()\n"
             "ws = wb.active\n"
             "ws.append(['DANH SÁCH CÁN BỘ PHỤ TRÁCH'])\n"
             "ws.append(['STT', 'Nội dung', 'Ghi chú'])\n"
             "ws.append([1, 'Nguyễn Văn A', 'Trưởng bản'])\n"
             "ws.append([2, 'Lò Thị B', 'Phó bản'])\n"
             "wb.save(sys.argv[1])\n");
  REQUIRE(run_program("/usr/bin/python3", {(dir / "make.py").string(), (dir / "can_bo.xlsx").string()}).exit_code == 0);
  check_unreadable(
      dir / "can_bo.xlsx",
      {"wrong-template", "Tệp có bảng nhưng không theo mẫu phụ lục nào mà phuluc biết; không kiểm tra được.",
       "The file holds tables, but none follows an appendix template phuluc knows; it cannot be checked."});
}

TEST_CASE("a folder without spreadsheets is reported and the other inputs still checked", "[tools][check][errors]") {
  TempDir dir;
  fs::create_directory(dir / "trong");
  write_file(dir / "trong" / "ghi_chu.txt", "x");
  const auto run = run_check({(dir / "trong").string(), (kSamples / "muong_kim_2026_corrected.xlsx").string()});
  CHECK(run.exit_code == 2);
  CHECK(run.err ==
        "phuluc check: " + (dir / "trong").string() + ": Thư mục không có tệp .xlsx, .xlsm, .xls hay .csv nào.\n");
  CHECK(run.out.find((kSamples / "muong_kim_2026_corrected.xlsx").string() + ": 3 bảng; 0 lỗi") != std::string::npos);
}

TEST_CASE("check never crashes on the hostile corpus: every file ends with exit code 0, 1 or 2",
          "[tools][check][errors][corpus]") {
  // One call over three folders of real and fuzzed spreadsheets (Excel, LibreOffice, POI, calamine fuzzers).
  const auto run = run_check({"--json", "--quiet", (kCorpus / "poi").string(), (kCorpus / "calamine").string(),
                              (kCorpus / "libxlsxwriter").string()});
  CHECK(run.exit_code == 2);  // the corpus holds encrypted, truncated and broken files
  const auto report = parse_json_report(run.out);
  REQUIRE(report.parsed);
  CHECK(report.files.size() > 1000);
  std::size_t unreadable = 0;
  for (const auto& file : report.files) {
    if (file.error_code.empty()) continue;
    ++unreadable;
    INFO(file.path);
    CHECK(file.error_code != "internal-error");
    CHECK_FALSE(file.error_message.empty());
  }
  CHECK(unreadable > 0);
}

TEST_CASE("bad usage says what is wrong in the user's language and exits 2", "[tools][check][usage]") {
  const auto none = run_check({});
  CHECK(none.exit_code == 2);
  CHECK(none.out.empty());
  CHECK(none.err == "phuluc check: chưa nêu tệp nào cần kiểm tra; xem 'phuluc check --help'.\n");

  const auto none_en = run_check({"--lang", "en"});
  CHECK(none_en.exit_code == 2);
  CHECK(none_en.err == "phuluc check: no file to check was given; see 'phuluc check --help'.\n");

  const auto unknown = run_check({"--frobnicate", "x.xlsx"});
  CHECK(unknown.exit_code == 2);
  CHECK(unknown.err == "phuluc check: không có tùy chọn '--frobnicate'; xem 'phuluc check --help'.\n");

  const auto lang = run_check({"--lang", "fr", "x.xlsx"});
  CHECK(lang.exit_code == 2);
  CHECK(lang.err == "phuluc check: --lang chỉ nhận vi hoặc en; xem 'phuluc check --help'.\n");

  const auto jobs = run_check({"--lang=en", "--jobs", "many", "x.xlsx"});
  CHECK(jobs.exit_code == 2);
  CHECK(jobs.err == "phuluc check: a missing or invalid value for '--jobs'; see 'phuluc check --help'.\n");
}

TEST_CASE("check --help explains the command with a worked example in either language", "[tools][check][usage]") {
  const auto vi = run_check({"--help"});
  CHECK(vi.exit_code == 0);
  CHECK(vi.out.rfind("Cách dùng: phuluc check [TÙY CHỌN] TỆP_HOẶC_THƯ_MỤC...\n", 0) == 0);
  CHECK(vi.out.find("Ví dụ:\n  $ phuluc check muong_kim_2026.xlsx\n") != std::string::npos);
  CHECK(vi.out.find("Mã thoát: 0 không có lỗi; 1 có lỗi số liệu; 2 có tệp không đọc được hoặc dùng sai lệnh.") !=
        std::string::npos);
  const auto en = run_check({"-h", "--lang", "en"});
  CHECK(en.exit_code == 0);
  CHECK(en.out.rfind("Usage: phuluc check [OPTIONS] FILE_OR_FOLDER...\n", 0) == 0);
  CHECK(en.out.find("Example:\n") != std::string::npos);
}

TEST_CASE("a malformed user catalogue stops check with its line and exit code 2", "[tools][check][errors]") {
  TempDir dir;
  write_file(dir / "danh_muc.csv", "key,parent,level,name\ndtts.99,,du-an,\n");
  const std::string sample = (kSamples / "muong_kim_2026.xlsx").string();
  const auto vi = run_check({"--catalogue", (dir / "danh_muc.csv").string(), sample});
  CHECK(vi.exit_code == 2);
  CHECK(vi.out.empty());
  CHECK(vi.err.rfind("phuluc check: danh mục không dùng được: " + (dir / "danh_muc.csv").string(), 0) == 0);

  const auto en = run_check({"--lang", "en", "--catalogue", (dir / "missing.csv").string(), sample});
  CHECK(en.exit_code == 2);
  CHECK(en.err.rfind("phuluc check: unusable catalogue: " + (dir / "missing.csv").string(), 0) == 0);
}

TEST_CASE("--lang may stand before the command, and the overview lines up the commands", "[tools][main]") {
  const std::string sample = (kSamples / "muong_kim_2026_corrected.xlsx").string();
  const auto before = run_program(PHULUC_BINARY, {"--lang", "en", "check", "--quiet", sample});
  CHECK(before.exit_code == 0);
  CHECK(before.out.find(": 3 tables; 0 errors, ") != std::string::npos);

  const auto overview = run_program(PHULUC_BINARY, {"--lang", "en"});
  CHECK(overview.exit_code == 2);
  CHECK(overview.err.empty());
  CHECK(overview.out.find("\n  check     check the arithmetic") != std::string::npos);
  CHECK(overview.out.find("\n  template  write a blank appendix") != std::string::npos);
}
