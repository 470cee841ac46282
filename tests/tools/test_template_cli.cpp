// `phuluc template` as people run it: --list, the errors, and every template opened by LibreOffice
// and gnumeric, printed to PDF on A4 landscape one page wide, and checked clean by `phuluc check`.
#include <catch2/catch.hpp>

#include <sstream>

#include "tools/template_cli_support.hpp"

namespace {

using namespace phuluc::template_test;

const std::vector<std::string> kTemplates = {"tieu-chi-ntm-2021", "tieu-chi-ntm-2030", "van-ban", "von-dau-tu",
                                             "von-su-nghiep"};

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

std::vector<std::string> muong_kim_texts(const std::string& name, const fs::path& output) {
  return {"template", name, "-o", output.string(), "--body", "Ủy ban nhân dân xã Mường Kim", "--commune", "Mường Kim",
          "--report-number", "3397/BC-UBND", "--date", "19/6/2026", "--period", "06 tháng đầu năm 2026",
          "--disbursed-to", "15/6/2026", "--signer", "Vũ Văn Nội"};
}

}  // namespace

TEST_CASE("template --list prints one template a line, its name first", "[tools][template]") {
  const auto run = run_phuluc({"template", "--list"});
  CHECK(run.exit_code == 0);
  const auto lines = lines_of(run.out);
  REQUIRE(lines.size() == kTemplates.size());
  for (std::size_t i = 0; i < lines.size(); ++i) {
    CHECK(lines[i].rfind(kTemplates[i] + " ", 0) == 0);
    CHECK(lines[i].size() > kTemplates[i].size() + 10);
  }
  CHECK(lines[4].find("vốn sự nghiệp") != std::string::npos);
  const auto english = run_phuluc({"template", "--list", "--lang", "en"});
  CHECK(lines_of(english.out)[4].find("recurrent funds") != std::string::npos);
}

TEST_CASE("template --help is the guide in Vietnamese, or English with --lang en", "[tools][template]") {
  const auto vi = run_phuluc({"template", "--help"});
  CHECK(vi.exit_code == 0);
  CHECK(vi.out.rfind("Cách dùng: phuluc template", 0) == 0);
  const auto en = run_phuluc({"template", "--help", "--lang", "en"});
  CHECK(en.out.rfind("Usage: phuluc template", 0) == 0);
  CHECK(en.out.find("--disbursed-to") != std::string::npos);
}

TEST_CASE("template refuses an unknown name, bad options and an unwritable output, writing nothing",
          "[tools][template][errors]") {
  TempDir dir("phuluc_tpl_cli");
  const auto output = (dir / "out.xlsx").string();
  const auto unknown = run_phuluc({"template", "von", "-o", output});
  CHECK(unknown.exit_code == 2);
  CHECK(unknown.err == "phuluc template: không có mẫu tên \"von\"; các mẫu có: tieu-chi-ntm-2021, tieu-chi-ntm-2030, "
                       "van-ban, von-dau-tu, von-su-nghiep\n");
  const auto english = run_phuluc({"template", "von", "-o", output, "--lang", "en"});
  CHECK(english.err.find("there is no template called \"von\"") != std::string::npos);
  const auto bad_date = run_phuluc({"template", "van-ban", "-o", output, "--date", "31/2/2026"});
  CHECK(bad_date.exit_code == 2);
  CHECK(bad_date.err.find("--date \"31/2/2026\" không phải một ngày") != std::string::npos);
  const auto bad_program = run_phuluc({"template", "von-su-nghiep", "-o", output, "--programs", "dtts,xyz"});
  CHECK(bad_program.exit_code == 2);
  CHECK(bad_program.err.find("\"xyz\"") != std::string::npos);
  const auto bad_unit = run_phuluc({"template", "von-su-nghiep", "-o", output, "--unit", "usd"});
  CHECK(bad_unit.exit_code == 2);
  CHECK(run_phuluc({"template", "van-ban"}).exit_code == 2);  // no -o
  CHECK(run_phuluc({"template", "-o", output}).exit_code == 2);  // no name
  const auto no_folder = run_phuluc({"template", "van-ban", "-o", (dir / "missing" / "x.xlsx").string()});
  CHECK(no_folder.exit_code == 2);
  CHECK(no_folder.err.find("thư mục để ghi tệp kết quả không tồn tại") != std::string::npos);
  CHECK_FALSE(fs::exists(output));
}

TEST_CASE("--programs chooses the programs and their order", "[tools][template]") {
  TempDir dir("phuluc_tpl_cli");
  const auto output = (dir / "ntm.xlsx").string();
  const auto run = run_phuluc({"template", "von-su-nghiep", "-o", output, "--programs", "ntm"});
  REQUIRE(run.exit_code == 0);
  CHECK(run.out == "phuluc template: đã ghi " + output + " (mẫu von-su-nghiep, 13 dòng).\n");  // total, C, 11 nội dung
  const auto map = run_phuluc({"map", "--json", output});
  CHECK(map.out.find("\"ntm.11\"") != std::string::npos);
  CHECK(map.out.find("\"dtts") == std::string::npos);
}

// Slow-ish (one LibreOffice run for all five, gnumeric once per file): about 20 s.
TEST_CASE("every template opens in LibreOffice and gnumeric, prints A4 landscape one page wide, and checks clean",
          "[tools][template][render]") {
  TempDir dir("phuluc_tpl_cli");
  std::vector<fs::path> files;
  for (const auto& name : kTemplates) {
    const fs::path file = dir / (name + ".xlsx");
    const auto run = run_phuluc(muong_kim_texts(name, file));
    REQUIRE(run.exit_code == 0);
    files.push_back(file);
    const auto check = run_phuluc({"check", file.string()});
    INFO(name << ": " << check.out);
    CHECK(check.exit_code == 0);
    CHECK(check.out.find(": 1 bảng; 0 lỗi, 0 cảnh báo, 0 ghi chú.") != std::string::npos);

    const fs::path csv = dir / (name + ".csv");
    const auto gnumeric = phuluc::test::run_program("ssconvert", {file.string(), csv.string()});
    CHECK(gnumeric.exit_code == 0);
    CHECK(phuluc::test::read_file(csv).find("Phụ lục") != std::string::npos);
  }

  const fs::path pdf_dir = dir / "pdf";
  fs::create_directories(pdf_dir);
  const auto office = soffice_convert(dir, files, "pdf", pdf_dir);
  REQUIRE(office.exit_code == 0);
  for (const auto& name : kTemplates) {
    INFO(name);
    const fs::path pdf = pdf_dir / (name + ".pdf");
    REQUIRE(fs::exists(pdf));
    const auto info = phuluc::test::run_program("pdfinfo", {pdf.string()});
    CHECK(info.out.find("Page size:       841.89 x 595.") != std::string::npos);  // A4, landscape
    // One page wide: the first and the last column headers are on page 1 (fit to width).
    const auto page1 = phuluc::test::run_program("pdftotext", {"-f", "1", "-l", "1", "-layout", pdf.string(), "-"});
    CHECK(page1.out.find("Ghi chú") != std::string::npos);
    CHECK((page1.out.find("STT") != std::string::npos || page1.out.find("TT") != std::string::npos));
    CHECK(page1.out.find("Phụ lục") != std::string::npos);
  }
  // A table longer than a page: the header rows and a page number are on the next page too.
  const auto page2 = phuluc::test::run_program(
      "pdftotext", {"-f", "2", "-l", "2", "-layout", (pdf_dir / "von-su-nghiep.pdf").string(), "-"});
  CHECK(page2.out.find("Ghi chú") != std::string::npos);
  CHECK(page2.out.find("Tổng số") != std::string::npos);
  CHECK(lines_of(page2.out).size() > 3);
  bool numbered = false;
  for (const auto& line : lines_of(page2.out))
    if (line.find_first_not_of(' ') != std::string::npos) {
      numbered = line.substr(line.find_first_not_of(' ')) == "2";
      break;
    }
  CHECK(numbered);
}
