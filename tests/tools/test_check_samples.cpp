// `phuluc check` on the sample appendices (made by openpyxl, LibreOffice, gnumeric and a CSV
// writer), compared with the findings the samples' independent checker expects.
#include <catch2/catch.hpp>
#include <cmath>
#include <set>
#include <tuple>

#include "test_check_support.hpp"

using namespace phuluc::test;

namespace {

// The codes expected_findings.csv covers: the arithmetic and value rules (not the notices).
const std::set<std::string> kRuleCodes = {"sum-mismatch",   "split-mismatch", "rate-mismatch",  "rate-without-base",
                                          "total-mismatch", "not-a-number",   "negative-amount"};

double to_number(const std::string& text) { return std::stod(text); }

bool same_number(double a, double b) { return std::fabs(a - b) <= 1e-9 * std::max(1.0, std::fabs(a)); }

double round_to(double value, int decimals) {
  const double scale = std::pow(10.0, decimals);
  return std::round(value * scale) / scale;
}

struct Expected {
  std::string file, sheet, cell, code, found, expected;
};

std::vector<Expected> expected_findings() {
  std::vector<Expected> out;
  const auto rows = read_csv(kSamples / "expected_findings.csv");
  for (std::size_t i = 1; i < rows.size(); ++i) {
    const auto& r = rows[i];
    if (r.size() >= 6) out.push_back({r[0], r[1], r[2], r[3], r[4], r[5]});
  }
  return out;
}

using Key = std::tuple<std::string, std::string, std::string>;  // sheet, cell, code

}  // namespace

TEST_CASE("check reports exactly the expected findings of every sample appendix", "[tools][check][samples]") {
  const auto expected = expected_findings();
  REQUIRE(expected.size() >= 30);
  std::set<std::string> files = {"muong_kim_2026_corrected.xlsx"};  // expects none
  for (const auto& e : expected) files.insert(e.file);

  for (const auto& file : files) {
    DYNAMIC_SECTION(file) {
      const auto run = run_check({"--json", (kSamples / file).string()});
      const auto report = parse_json_report(run.out);
      REQUIRE(report.parsed);
      REQUIRE(report.files.size() == 1);
      INFO(report.files[0].error_code << " " << report.files[0].error_message);
      REQUIRE(report.files[0].error_code.empty());

      std::map<Key, JsonFinding> found;
      for (const auto& f : report.files[0].findings)
        if (kRuleCodes.count(f.code)) found.emplace(Key{f.sheet, f.cell, f.code}, f);
      std::set<Key> wanted;
      for (const auto& e : expected) {
        if (e.file != file) continue;
        const Key key{e.sheet, e.cell, e.code};
        wanted.insert(key);
        const auto it = found.find(key);
        INFO(e.sheet << "!" << e.cell << " " << e.code);
        CHECK(it != found.end());
        if (it == found.end()) continue;
        const JsonFinding& f = it->second;
        if (e.code == "not-a-number") {
          CHECK(f.found_text == e.found);
        } else {
          REQUIRE_FALSE(f.found.empty());
          CHECK(same_number(to_number(f.found), to_number(e.found)));
        }
        if (e.expected.empty()) {
          CHECK(f.expected.empty());
        } else {
          REQUIRE_FALSE(f.expected.empty());
          CHECK(same_number(round_to(to_number(f.expected), f.decimals), to_number(e.expected)));
        }
      }
      for (const auto& [key, f] : found) {
        INFO("unexpected: " << std::get<0>(key) << "!" << std::get<1>(key) << " " << std::get<2>(key) << " "
                            << f.message);
        CHECK(wanted.count(key) == 1);
      }
      const bool has_errors = std::any_of(report.files[0].findings.begin(), report.files[0].findings.end(),
                                          [](const JsonFinding& f) { return f.severity == "error"; });
      CHECK(run.exit_code == (has_errors ? 1 : 0));
      CHECK(report.exit_code == run.exit_code);
    }
  }
}

TEST_CASE("check finds seed 000's three real errors in the Mường Kim appendix", "[tools][check][samples]") {
  const auto run = run_check({"--json", (kSamples / "muong_kim_2026.xlsx").string()});
  CHECK(run.exit_code == 1);
  const auto report = parse_json_report(run.out);
  REQUIRE(report.parsed);
  REQUIRE(report.files.size() == 1);
  CHECK(report.files[0].tables == 3);
  std::map<std::string, JsonFinding> by_cell;
  for (const auto& f : report.files[0].findings)
    if (f.severity == "error") by_cell.emplace(f.cell, f);
  REQUIRE(by_cell.size() == 6);

  // Program A's 2026 year-end rate: 200 where 255 / 255 gives 100.
  for (const char* cell : {"AD9", "AE9"}) {
    const auto& f = by_cell.at(cell);
    CHECK(f.code == "rate-mismatch");
    CHECK(f.stt == "A");
    CHECK(to_number(f.found) == 200.0);
    CHECK(to_number(f.expected) == Approx(100.0));
  }
  // V.3's year-end estimate 187,09 against its only child with money, 187.
  for (const char* cell : {"L20", "M20"}) {
    const auto& f = by_cell.at(cell);
    CHECK(f.code == "sum-mismatch");
    CHECK(f.stt == "V.3");
    CHECK(to_number(f.found) == Approx(187.09));
    CHECK(to_number(f.expected) == Approx(187.0));
    CHECK(f.decimals == 2);
  }
  // Row IV's rate of 100 on a plan of 0.
  for (const char* cell : {"AD14", "AE14"}) {
    const auto& f = by_cell.at(cell);
    CHECK(f.code == "rate-without-base");
    CHECK(f.stt == "IV");
    CHECK(to_number(f.found) == 100.0);
    CHECK(f.expected.empty());
  }
}

TEST_CASE("check finds no arithmetic in the corrected Mường Kim appendix, only seed 000's X.2 and 3.2 doubts",
          "[tools][check][samples]") {
  const auto run = run_check({"--json", (kSamples / "muong_kim_2026_corrected.xlsx").string()});
  CHECK(run.exit_code == 0);
  CHECK(run.err.empty());
  const auto report = parse_json_report(run.out);
  REQUIRE(report.parsed);
  REQUIRE(report.files.size() == 1);
  CHECK(report.files[0].error_code.empty());
  CHECK(report.files[0].tables == 3);
  // Row "X.2" captioned "Tiểu dự án 3": the catalogue says X.2 is dtts.10.2, the label dtts.10.3.
  const auto& findings = report.files[0].findings;
  for (const auto& f : findings) INFO(f.code << " " << f.cell << " " << f.message);
  REQUIRE(findings.size() == 2);
  CHECK(findings[0].code == "label-stt-conflict");
  CHECK(findings[0].severity == "warning");
  CHECK(findings[0].cell == "B31");
  CHECK(findings[0].stt == "X.2");
  // Criteria indicator 3.2 has "K. Đạt" in its target column (rules/target_verdict_rule.hpp).
  CHECK(findings[1].code == "target-holds-verdict");
  CHECK(findings[1].severity == "warning");
  CHECK(findings[1].cell == "D15");

  const auto text = run_check({(kSamples / "muong_kim_2026_corrected.xlsx").string()});
  CHECK(text.exit_code == 0);
  CHECK(text.out.find(": 3 bảng; 0 lỗi, 2 cảnh báo, 0 ghi chú.\n") != std::string::npos);
}

TEST_CASE("the human report names file, sheet, cell, row, column, found, expected and difference",
          "[tools][check][text]") {
  const std::string path = (kSamples / "muong_kim_2026.xlsx").string();
  const auto vi = run_check({path});
  CHECK(vi.exit_code == 1);
  CHECK(vi.out.rfind(path + ": 'PL II - Vốn sự nghiệp'!AD9  [lỗi] rate-mismatch · Tỷ lệ giải ngân tính sai\n", 0) == 0);
  CHECK(vi.out.find(
            path +
            ": 'PL II - Vốn sự nghiệp'!L20  [lỗi] sum-mismatch · Dòng cha khác tổng các dòng con\n"
            "    Dòng V.3 \"Tiểu dự án 3: Dự án phát triển giáo dục nghề nghiệp (GDNN) và giải quyết việc là…\" · "
            "Cột: Tình hình thực hiện kế hoạch vốn sự nghiệp kéo dài năm 2025 sang năm 2026 › Ước giải ngân "
            "đến hết năm 2026 › Tổng số\n"
            "    Ghi 187,09, nhưng tổng các dòng con (L21, L22) là 187,00; chênh lệch 0,09.\n") != std::string::npos);
  CHECK(vi.out.find("    Tỷ lệ ghi 200, nhưng giải ngân ÷ kế hoạch × 100 (AA9, R9) là 100; chênh lệch 100.\n") !=
        std::string::npos);
  CHECK(vi.out.find(path + ": 3 bảng; 6 lỗi, 2 cảnh báo, 0 ghi chú.\n") != std::string::npos);

  const auto en = run_check({"--lang", "en", path});
  CHECK(en.exit_code == 1);
  CHECK(en.out.find(path + ": 'PL II - Vốn sự nghiệp'!L20  [error] sum-mismatch · Parent row differs from the sum of "
                           "its children\n") != std::string::npos);
  CHECK(en.out.find("    Shows 187.09, but its child rows (L21, L22) add up to 187.00; difference 0.09.\n") !=
        std::string::npos);
  CHECK(en.out.find("    The plan (R14) is 0, so the rate must be blank, 0 or \"-\", but the cell shows 100.\n") !=
        std::string::npos);
  CHECK(en.out.find(path + ": 3 tables; 6 errors, 2 warnings, 0 notices.\n") != std::string::npos);

  const auto quiet = run_check({"--quiet", "--lang=en", path});
  CHECK(quiet.out == path + ": 3 tables; 6 errors, 2 warnings, 0 notices.\n");
}

TEST_CASE("check never changes the file it reads", "[tools][check]") {
  TempDir dir;
  for (const char* name : {"muong_kim_2026.xlsx", "muong_kim_2026.xls", "lung_phinh_2025_dau_tu.csv"}) {
    const auto copy = dir / name;
    fs::copy_file(kSamples / name, copy);
    const std::string before = read_file(copy);
    const auto time_before = fs::last_write_time(copy);
    const auto run = run_check({copy.string()});
    CHECK(run.exit_code == 1);
    CHECK(read_file(copy) == before);
    CHECK(fs::last_write_time(copy) == time_before);
  }
  CHECK(std::distance(fs::directory_iterator(dir.path()), fs::directory_iterator{}) ==
        3);  // nothing written beside them
}

TEST_CASE("check takes many files and folders in one call, in order", "[tools][check][many]") {
  TempDir dir;
  fs::create_directory(dir / "xa");
  fs::copy_file(kSamples / "muong_kim_2026_corrected.xlsx", dir / "xa" / "b_corrected.xlsx");
  fs::copy_file(kSamples / "muong_kim_2026.xlsx", dir / "xa" / "a_errors.XLSX");
  fs::copy_file(kSamples / "lung_phinh_2025_dau_tu.csv", dir / "xa" / "c.csv");
  write_file(dir / "xa" / "notes.txt", "not a spreadsheet");
  write_file(dir / "xa" / "~$a_errors.xlsx", "owner lock file");
  const std::string corrected = (kSamples / "muong_kim_2026_corrected.xlsx").string();

  SECTION("all readable: the errors give exit code 1") {
    const auto run = run_check({"--json", corrected, (dir / "xa").string()});
    CHECK(run.exit_code == 1);
    const auto report = parse_json_report(run.out);
    REQUIRE(report.parsed);
    REQUIRE(report.files.size() == 4);
    CHECK(report.files[0].path == corrected);
    CHECK(report.files[1].path == (dir / "xa" / "a_errors.XLSX").string());
    CHECK(report.files[2].path == (dir / "xa" / "b_corrected.xlsx").string());
    CHECK(report.files[3].path == (dir / "xa" / "c.csv").string());
    CHECK(report.files[0].findings.size() == 2);  // the X.2 label-stt-conflict and 3.2 target-holds-verdict warnings
    CHECK(report.files[1].findings.size() == 8);  // 6 errors and the two warnings
    CHECK(report.files[2].findings.size() == 2);
  }
  SECTION("an unreadable file among them: exit code 2 wins, the others are still checked") {
    write_file(dir / "empty.xlsx", "");
    const auto run = run_check({"--json", (dir / "empty.xlsx").string(), (dir / "xa").string()});
    CHECK(run.exit_code == 2);
    const auto report = parse_json_report(run.out);
    REQUIRE(report.parsed);
    CHECK(report.exit_code == 2);
    REQUIRE(report.files.size() == 4);
    CHECK(report.files[0].error_code == "empty-file");
    CHECK(report.files[0].findings.empty());
    CHECK(report.files[1].error_code.empty());
    CHECK(report.files[1].findings.size() == 8);  // 6 errors and the two warnings

    const auto text = run_check({(dir / "empty.xlsx").string(), (dir / "xa").string()});
    CHECK(text.exit_code == 2);
    CHECK(text.out.find((dir / "xa" / "a_errors.XLSX").string() + ": 3 bảng; 6 lỗi, 2 cảnh báo, 0 ghi chú.\n") !=
          std::string::npos);
    CHECK(text.out.find("Tổng cộng 4 tệp, 1 không đọc được; ") != std::string::npos);
  }
  SECTION("every number of jobs gives the same report") {
    const auto one = run_check({"--json", "-j", "1", corrected, (dir / "xa").string()});
    const auto four = run_check({"--json", "--jobs=4", corrected, (dir / "xa").string()});
    CHECK(one.out == four.out);
  }
}
