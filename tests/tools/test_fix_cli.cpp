// `phuluc fix` as people run it: the built binary on the sample appendices, its JSON read by Python,
// its output read back by our reader and by openpyxl.
#include <catch2/catch.hpp>
#include <regex>
#include <set>

#include "corrections/fix_test_support.hpp"
#include "rules/check_workbook.hpp"

namespace phuluc {
namespace {

namespace fs = std::filesystem;
using fixtest::kFundsSheet;
using fixtest::kSamples;
using fixtest::read_file;
using fixtest::run_fix;
using fixtest::run_python;
using fixtest::TempDir;

std::size_t error_count(const Workbook& workbook) {
  std::size_t errors = 0;
  for (const Finding& finding : check_workbook(workbook, "").findings)
    errors += finding.severity == Severity::error ? 1 : 0;
  return errors;
}

std::set<std::string> leftovers(const fs::path& folder) {
  std::set<std::string> names;
  for (const auto& entry : fs::directory_iterator(folder)) names.insert(entry.path().filename().string());
  return names;
}

TEST_CASE("fix corrects seed 000, lists each change in JSON and leaves the input as it was", "[tools][fix]") {
  TempDir dir;
  const fs::path input = kSamples / "muong_kim_2026.xlsx";
  const std::string before = read_file(input);
  const auto run = run_fix({"--json", input.string(), "-o", (dir / "sua.xlsx").string()});
  INFO(run.err);
  CHECK(run.exit_code == 0);
  CHECK(run.err.empty());
  const auto report = fixtest::parse_fix_json(run.out);
  REQUIRE(report.parsed);
  CHECK(report.schema == "phuluc-fix/1");
  CHECK(report.exit_code == 0);
  REQUIRE(report.files.size() == 1);
  const auto& file = report.files[0];
  CHECK(file.output == (dir / "sua.xlsx").string());
  CHECK(file.error_code.empty());
  CHECK(file.unresolved.empty());
  REQUIRE(file.corrections.size() == 6);
  struct Expected {
    const char* cell;
    const char* old_value;
    const char* new_value;
    const char* code;
    const char* basis;
  };
  for (const Expected& e : {Expected{"L22", "187.0", "187.09", "sum-mismatch", "provable"},
                            Expected{"M22", "187.0", "187.09", "sum-mismatch", "provable"},
                            Expected{"AD9", "200.0", "100.0", "rate-mismatch", "rate"},
                            Expected{"AE9", "200.0", "100.0", "rate-mismatch", "rate"},
                            Expected{"AD14", "100.0", "", "rate-without-base", "rate-no-base"},
                            Expected{"AE14", "100.0", "", "rate-without-base", "rate-no-base"}}) {
    INFO(e.cell);
    const auto* fix = fixtest::correction_at(file, e.cell);
    REQUIRE(fix != nullptr);
    CHECK(fix->sheet == kFundsSheet);
    CHECK(fix->old_value == e.old_value);
    CHECK(fix->new_value == e.new_value);
    CHECK(fix->code == e.code);
    CHECK(fix->basis == e.basis);
  }
  // The reason says why, in Vietnamese by default, with the old and new values.
  CHECK(fixtest::correction_at(file, "L22")->reason ==
        "Đã sửa 187,00 thành 187,09: chênh lệch nằm trong phần làm tròn của số đang hiển thị; ghi đủ chữ số thập "
        "phân thì mọi phép cộng có ô này đều đúng. Đối chiếu với: L20.");
  CHECK(fixtest::correction_at(file, "AD14")->reason ==
        "Đã sửa 100 thành (trống): kế hoạch vốn bằng 0 nên không có tỷ lệ; ô để trống. Đối chiếu với: AA14, R14.");
  CHECK(read_file(input) == before);

  // Read back through our reader: nothing left to report, L22 shown with the decimals it needs.
  const Workbook fixed = read_workbook(dir / "sua.xlsx");
  CHECK(error_count(fixed) == 0);
  const Sheet& funds = fixed.sheets[1];
  CHECK(funds.name == kFundsSheet);
  const Cell* l22 = funds.find(*parse_a1("L22"));
  REQUIRE(l22 != nullptr);
  CHECK(l22->number == Approx(187.09));
  CHECK(fixed.style_of(*l22).number_format == "#,##0.00");
}

TEST_CASE("the corrected seed 000 equals the hand-corrected sample cell for cell", "[tools][fix]") {
  TempDir dir;
  REQUIRE(run_fix({"--no-mark", (kSamples / "muong_kim_2026.xlsx").string(), "-o", (dir / "sua.xlsx").string()})
              .exit_code == 0);
  // openpyxl reads both: same sheets, same values everywhere.
  const auto compare = run_python(dir, R"PY(
import openpyxl, sys
a = openpyxl.load_workbook(sys.argv[1]); b = openpyxl.load_workbook(sys.argv[2])
assert a.sheetnames == b.sheetnames, (a.sheetnames, b.sheetnames)
diffs = 0
for ws in a.worksheets:
    other = b[ws.title]
    for r in range(1, max(ws.max_row, other.max_row) + 1):
        for c in range(1, max(ws.max_column, other.max_column) + 1):
            x, y = ws.cell(r, c).value, other.cell(r, c).value
            same = abs(x - y) < 1e-9 if isinstance(x, (int, float)) and isinstance(y, (int, float)) else x == y
            if not same:
                diffs += 1
                print(ws.title, ws.cell(r, c).coordinate, repr(x), repr(y))
print('differences', diffs)
)PY",
                                  {(kSamples / "muong_kim_2026_corrected.xlsx").string(), (dir / "sua.xlsx").string()});
  INFO(compare.out << compare.err);
  CHECK(compare.exit_code == 0);
  CHECK(compare.out == "differences 0\n");
}

TEST_CASE("corrected cells are highlighted with a note, and a Kiểm tra sheet links every change", "[tools][fix]") {
  TempDir dir;
  REQUIRE(run_fix({(kSamples / "muong_kim_2026.xlsx").string(), "-o", (dir / "sua.xlsx").string()}).exit_code == 0);
  const auto read = run_python(dir, R"PY(
import openpyxl, sys
wb = openpyxl.load_workbook(sys.argv[1])
print('sheets', '|'.join(wb.sheetnames))
ws = wb['PL II - Vốn sự nghiệp']
for ref in ('L22', 'AD14', 'L20'):
    c = ws[ref]
    print(ref, c.fill.fgColor.rgb if c.fill.fill_type == 'solid' else 'none', (c.comment.text if c.comment else '').replace('\n', ' '))
check = wb['Kiểm tra']
for row in check.iter_rows(min_row=1, max_row=check.max_row):
    link = row[1].hyperlink.location if row[1].hyperlink else ''
    print('row', '|'.join('' if v.value is None else str(v.value) for v in row[:5]), link, sep='\t')
)PY",
                               {(dir / "sua.xlsx").string()});
  INFO(read.out << read.err);
  REQUIRE(read.exit_code == 0);
  const std::string& out = read.out;
  CHECK(out.find("sheets PL I - Văn bản|PL II - Vốn sự nghiệp|PL IV - Tiêu chí NTM|Kiểm tra\n") != std::string::npos);
  CHECK(out.find("L22 FFFFFF00 phuluc đã sửa ô này. Đã sửa 187,00 thành 187,09: chênh lệch nằm trong phần làm tròn") !=
        std::string::npos);
  CHECK(out.find("AD14 FFFFFF00 phuluc đã sửa ô này. Đã sửa 100 thành (trống)") != std::string::npos);
  CHECK(out.find("L20 none \n") != std::string::npos);  // not corrected: no fill, no note
  CHECK(out.find("row\tPL II - Vốn sự nghiệp|L22|187|187.09|sum-mismatch\t'PL II - Vốn sự nghiệp'!L22\n") !=
        std::string::npos);
  CHECK(out.find("row\tPL II - Vốn sự nghiệp|AD9|200|100|rate-mismatch\t'PL II - Vốn sự nghiệp'!AD9\n") !=
        std::string::npos);
  std::size_t rows = 0;
  for (std::size_t at = out.find("row\t"); at != std::string::npos; at = out.find("row\t", at + 1)) ++rows;
  CHECK(rows == 7);  // the header and six changes
}

TEST_CASE("the marked output matches the reviewed reference part by part", "[tools][fix][reference]") {
  // tests/corrections/reference/README.md says what was reviewed and how to renew it.
  TempDir dir;
  REQUIRE(run_fix({(kSamples / "muong_kim_2026.xlsx").string(), "-o", (dir / "sua.xlsx").string()}).exit_code == 0);
  const fs::path reference = fixtest::kSource / "tests/corrections/reference/muong_kim_2026_fixed.xlsx";
  const auto parts = fixtest::zip_parts(reference);
  REQUIRE(parts.size() >= 10);
  CHECK(fixtest::zip_parts(dir / "sua.xlsx") == parts);
  const std::regex date(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)");
  for (const std::string& part : parts) {
    INFO(part);
    std::string expected = fixtest::zip_part(reference, part);
    std::string actual = fixtest::zip_part(dir / "sua.xlsx", part);
    if (part == "docProps/core.xml") {
      expected = std::regex_replace(expected, date, "<date>");
      actual = std::regex_replace(actual, date, "<date>");
    }
    CHECK(actual == expected);
  }
}

TEST_CASE("--no-mark writes a clean copy: no fill, no note, no extra sheet", "[tools][fix]") {
  TempDir dir;
  REQUIRE(run_fix({"--no-mark", (kSamples / "muong_kim_2026.xlsx").string(), "-o", (dir / "sach.xlsx").string()})
              .exit_code == 0);
  const auto read = run_python(dir, R"PY(
import openpyxl, sys
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb['PL II - Vốn sự nghiệp']
notes = sum(1 for row in ws.iter_rows() for c in row if c.comment)
print(len(wb.sheetnames), notes, ws['L22'].fill.fill_type, ws['L22'].value)
)PY",
                               {(dir / "sach.xlsx").string()});
  INFO(read.err);
  CHECK(read.out == "3 0 None 187.09\n");
}

TEST_CASE("the same input gives the same bytes", "[tools][fix]") {
  TempDir dir;
  for (const char* name : {"a.xlsx", "b.xlsx"})
    REQUIRE(run_fix({(kSamples / "muong_kim_2026.xlsx").string(), "-o", (dir / name).string()}).exit_code == 0);
  const std::string a = read_file(dir / "a.xlsx");
  CHECK(a.size() > 1000);
  CHECK(a == read_file(dir / "b.xlsx"));
}

TEST_CASE("fix never writes over its input, even through a link", "[tools][fix]") {
  TempDir dir;
  const fs::path copy = dir / "muong_kim_2026.xlsx";
  fs::copy_file(kSamples / "muong_kim_2026.xlsx", copy);
  fs::create_symlink(copy, dir / "link.xlsx");
  const std::string before = read_file(copy);
  for (const fs::path& output : {copy, dir / "link.xlsx"}) {
    INFO(output);
    const auto run = run_fix({copy.string(), "-o", output.string()});
    CHECK(run.exit_code == 2);
    CHECK(run.err.find("phuluc không bao giờ ghi đè tệp đầu vào") != std::string::npos);
    CHECK(read_file(copy) == before);
  }
  CHECK(leftovers(dir.path()) == std::set<std::string>{"muong_kim_2026.xlsx", "link.xlsx"});  // no temp file left
}

TEST_CASE("a failed write leaves no file, and an existing output is untouched", "[tools][fix]") {
  TempDir dir;
  const fs::path input = kSamples / "muong_kim_2026.xlsx";
  // The folder does not exist: nothing is created.
  auto run = run_fix({"--json", input.string(), "-o", (dir / "khong_co" / "sua.xlsx").string()});
  CHECK(run.exit_code == 2);
  auto report = fixtest::parse_fix_json(run.out);
  REQUIRE(report.files.size() == 1);
  CHECK(report.files[0].error_code == "directory-missing");
  CHECK(report.files[0].output.empty());
  CHECK(leftovers(dir.path()).empty());
  // The output path is a folder: refused, the folder as it was.
  fs::create_directory(dir / "thu_muc.xlsx");
  run = run_fix({input.string(), "-o", (dir / "thu_muc.xlsx").string()});
  CHECK(run.exit_code == 2);
  CHECK(fs::is_empty(dir / "thu_muc.xlsx"));
  // An unreadable input: the old output stays as it was.
  fixtest::write_file(dir / "old.xlsx", "previous output");
  fixtest::write_file(dir / "empty.xlsx", "");
  run = run_fix({(dir / "empty.xlsx").string(), "-o", (dir / "old.xlsx").string()});
  CHECK(run.exit_code == 2);
  CHECK(read_file(dir / "old.xlsx") == "previous output");
  CHECK(leftovers(dir.path()) == std::set<std::string>{"thu_muc.xlsx", "old.xlsx", "empty.xlsx"});
}

TEST_CASE("bad usage exits 2 with a message in the chosen language", "[tools][fix]") {
  const std::string input = (kSamples / "muong_kim_2026.xlsx").string();
  auto run = run_fix({input});
  CHECK(run.exit_code == 2);
  CHECK(run.err.find("cần -o TỆP_SỬA.xlsx") != std::string::npos);
  run = run_fix({"--lang", "en", input, (kSamples / "muong_kim_2026_corrected.xlsx").string(), "-o", "/tmp/x.xlsx"});
  CHECK(run.exit_code == 2);
  CHECK(run.err.find("several inputs need --out-dir FOLDER instead of -o") != std::string::npos);
  run = run_fix({"--frobnicate", input, "-o", "/tmp/x.xlsx"});
  CHECK(run.exit_code == 2);
  CHECK(run.err.find("không có tùy chọn '--frobnicate'") != std::string::npos);
  run = run_fix({"--help", "--lang", "en"});
  CHECK(run.exit_code == 0);
  CHECK(run.out.find("Usage: phuluc fix [OPTIONS] FILE -o FIXED.xlsx") != std::string::npos);
}

TEST_CASE("legacy .xls in, .xlsx out, with what could not be carried listed", "[tools][fix]") {
  TempDir dir;
  const auto run = run_fix({"--json", (kSamples / "muong_kim_2026.xls").string(), "-o", (dir / "sua.xlsx").string()});
  CHECK(run.exit_code == 0);
  const auto report = fixtest::parse_fix_json(run.out);
  REQUIRE(report.files.size() == 1);
  CHECK(report.files[0].corrections.size() == 6);
  const auto& limits = report.files[0].limitations;
  CHECK(std::find(limits.begin(), limits.end(), "xls-no-merges") != limits.end());
  const Workbook fixed = read_workbook(dir / "sua.xlsx");
  CHECK(fixed.format == SourceFormat::xlsx);
  CHECK(error_count(fixed) == 0);
  const auto text =
      run_fix({"--lang", "en", (kSamples / "muong_kim_2026.xls").string(), "-o", (dir / "b.xlsx").string()});
  CHECK(text.out.find("not carried: xls-no-merges") != std::string::npos);
}

TEST_CASE("errors fix cannot settle are listed and the run exits 1", "[tools][fix]") {
  TempDir dir;
  const auto run =
      run_fix({"--json", (kSamples / "lung_phinh_2025_dau_tu.csv").string(), "-o", (dir / "sua.xlsx").string()});
  CHECK(run.exit_code == 1);
  const auto report = fixtest::parse_fix_json(run.out);
  REQUIRE(report.files.size() == 1);
  const auto& file = report.files[0];
  CHECK(file.output == (dir / "sua.xlsx").string());
  REQUIRE(file.corrections.size() == 1);
  CHECK(file.corrections[0].cell == "J34");
  CHECK(file.corrections[0].new_value == "58.4");
  std::set<std::string> left;
  for (const auto& entry : file.unresolved) left.insert(entry.code + "@" + entry.cell);
  CHECK(left.count("ambiguous-fix@D16"));
  CHECK(left.count("not-a-number@I21"));
  CHECK(left.count("sum-mismatch@D16"));  // still wrong in the output
  for (const auto& entry : file.unresolved)
    if (entry.code == "ambiguous-fix") CHECK(entry.candidates.rfind("D30+E30;", 0) == 0);
}

TEST_CASE("--out-dir corrects several files, each into NAME.fixed.xlsx", "[tools][fix]") {
  TempDir dir;
  const auto run =
      run_fix({"-q", "--lang", "en", (kSamples / "muong_kim_2026.xlsx").string(),
               (kSamples / "lung_phinh_2025_von_su_nghiep.xlsx").string(), "--out-dir", dir.path().string()});
  CHECK(run.exit_code == 0);
  CHECK(leftovers(dir.path()) ==
        std::set<std::string>{"muong_kim_2026.fixed.xlsx", "lung_phinh_2025_von_su_nghiep.fixed.xlsx"});
  CHECK(run.out.find("lung_phinh_2025_von_su_nghiep.xlsx: 5 cells corrected; nothing left wrong.\n") !=
        std::string::npos);
  const Workbook lung_phinh = read_workbook(dir / "lung_phinh_2025_von_su_nghiep.fixed.xlsx");
  CHECK(lung_phinh.sheets[0].find(*parse_a1("E7"))->number == 15879);
  CHECK(error_count(lung_phinh) == 0);
}

TEST_CASE("--formulas writes sums and rates as formulas that recompute when the workbook is edited",
          "[tools][fix][formulas]") {
  TempDir dir;
  const auto run = run_fix(
      {"--formulas", "--json", (kSamples / "muong_kim_2026.xlsx").string(), "-o", (dir / "cong_thuc.xlsx").string()});
  REQUIRE(run.exit_code == 0);
  CHECK(fixtest::parse_fix_json(run.out).files.at(0).formulas == 200);
  CHECK(error_count(read_workbook(dir / "cong_thuc.xlsx")) == 0);  // cached values hold

  // openpyxl reads the formulas (commas, English names) and their cached values; then one child is
  // edited and gnumeric (which recalculates on load) shows its parents and rates following it.
  const auto read =
      run_python(dir, R"PY(
import openpyxl, sys, subprocess, csv
path = sys.argv[1]
ws = openpyxl.load_workbook(path)['PL II - Vốn sự nghiệp']
cached = openpyxl.load_workbook(path, data_only=True)['PL II - Vốn sự nghiệp']
for ref in ('L20', 'M15', 'E8', 'AD9', 'AD14', 'X8'):
    print(ref, ws[ref].value, cached[ref].value)
wb = openpyxl.load_workbook(path)
wb['PL II - Vốn sự nghiệp']['M22'] = 200
wb.save(sys.argv[2])
subprocess.run(['ssconvert', '--export-type=Gnumeric_stf:stf_csv', "--export-options=sheet='PL II - Vốn sự nghiệp'",
                sys.argv[2], sys.argv[3]], check=True, capture_output=True)
rows = list(csv.reader(open(sys.argv[3], encoding='utf-8')))
for r in (20, 15, 8):
    l, m, o = (float(rows[r - 1][k]) for k in (11, 12, 14))
    print('edited', r, f'{l:.3f} {m:.3f} {o:.2f}')
)PY",
                 {(dir / "cong_thuc.xlsx").string(), (dir / "edited.xlsx").string(), (dir / "edited.csv").string()});
  INFO(read.out << read.err);
  REQUIRE(read.exit_code == 0);
  CHECK(read.out.find("L20 =SUM(M20:N20) 187.09\n") != std::string::npos);
  CHECK(read.out.find("M15 =SUM(M16,M19:M20) 531.852\n") != std::string::npos);
  CHECK(read.out.find("E8 =SUM(E9,E32:E33) 0\n") != std::string::npos);
  CHECK(read.out.find("AD9 =IF(R9=0,\"\",AA9/R9*100) 100\n") != std::string::npos);
  CHECK(read.out.find("AD14 None None\n") != std::string::npos);  // no rate on a plan of 0: stays empty
  CHECK(read.out.find("X8 - -\n") != std::string::npos);          // "-" keeps its look
  // V.3 (row 20), V (15), TỔNG CỘNG (8) follow the edited child: L, M, and the estimate rate O.
  CHECK(read.out.find("edited 20 200.000 200.000 106.90\n") != std::string::npos);  // 200 / 187,09
  CHECK(read.out.find("edited 15 544.762 544.762 100.54\n") != std::string::npos);
  CHECK(read.out.find("edited 8 663.772 663.772 100.44\n") != std::string::npos);
}

}  // namespace
}  // namespace phuluc
