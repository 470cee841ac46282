// `phuluc convert` as people run it: seed 000 reproduced cell for cell by catalogue key (checked by
// an openpyxl script, not by our reader), the .xls and .csv samples, the rows not placed in the
// report and on their own sheet, the JSON, the criteria rules, and the errors that write nothing.
#include <catch2/catch.hpp>

#include "tools/template_cli_support.hpp"

namespace {

using namespace phuluc::template_test;

const fs::path kCompare = fs::path(PHULUC_SOURCE_DIR) / "tests" / "templates" / "compare_by_key.py";

RunResult convert(const fs::path& input, const std::string& name, const fs::path& output, std::vector<std::string> more = {}) {
  std::vector<std::string> args = {"convert", input.string(), "--template", name, "-o", output.string()};
  args.insert(args.end(), more.begin(), more.end());
  return run_phuluc(args);
}

// What python's json module reads at `expression` of a JSON document (the variable d).
std::string json_at(const TempDir& dir, const std::string& json, const std::string& expression) {
  std::ofstream(dir / "doc.json", std::ios::binary) << json;
  const auto run = python(dir, "import json, sys\nd = json.load(open(sys.argv[1], encoding='utf-8'))\nprint(" + expression + ")\n",
                          {(dir / "doc.json").string()});
  return run.exit_code == 0 ? run.out.substr(0, run.out.size() - 1) : "python failed: " + run.err;
}

}  // namespace

TEST_CASE("converting seed 000 into the funds template reproduces its values cell for cell by catalogue key",
          "[tools][convert]") {
  TempDir dir("phuluc_convert_cli");
  const fs::path source = kSamples / "muong_kim_2026_corrected.xlsx";
  const fs::path output = dir / "phu_luc_II.xlsx";
  const auto run = convert(source, "von-su-nghiep", output);
  INFO(run.out << run.err);
  CHECK(run.exit_code == 1);  // X.2 (captioned "Tiểu dự án 3") cannot be placed: listed, exit 1
  REQUIRE(fs::exists(output));
  CHECK(run.out.find("dòng 31  X.2  Tiểu dự án 3: Kiểm tra") != std::string::npos);
  CHECK(run.out.find("Đã xếp 25 dòng, 1 dòng không xếp được.") != std::string::npos);

  std::ofstream(dir / "source_map.json") << run_phuluc({"map", "--json", source.string()}).out;
  std::ofstream(dir / "output_map.json") << run_phuluc({"map", "--json", output.string()}).out;
  const auto compared = phuluc::test::run_program(
      "/usr/bin/python3", {kCompare.string(), source.string(), (dir / "source_map.json").string(), output.string(),
                           (dir / "output_map.json").string()});
  REQUIRE(compared.exit_code == 0);
  CHECK(json_at(dir, compared.out, "d['keys'], d['columns'], d['cells'], d['equal'], d['different'], d['missing_keys']") ==
        "25 30 750 750 [] []");

  const auto check = run_phuluc({"check", output.string()});
  CHECK(check.exit_code == 0);
  CHECK(check.out.find("0 lỗi, 0 cảnh báo") != std::string::npos);
}

TEST_CASE("a row that cannot be placed is on the \"Không xếp được\" sheet with all its cells", "[tools][convert]") {
  TempDir dir("phuluc_convert_cli");
  const fs::path output = dir / "out.xlsx";
  convert(kSamples / "muong_kim_2026_corrected.xlsx", "von-su-nghiep", output);
  const auto sheet = python(dir,
                            "import openpyxl, sys\n"
                            "wb = openpyxl.load_workbook(sys.argv[1])\n"
                            "print(wb.sheetnames)\n"
                            "ws = wb['Không xếp được']\n"
                            "row = [c.value for c in ws[4]]\n"
                            "print(row[0], row[1], row[2][:12], row[3])\n"
                            "print(ws.cell(3, 6).value, '|', row[20], '|', row[-1].startswith('Chuyển nguồn 106tr đồng'))\n",
                            {output.string()});
  REQUIRE(sheet.exit_code == 0);
  CHECK(sheet.out ==
        "['Phụ lục II', 'Không xếp được']\n"
        "31 X.2 Tiểu dự án 3 conflict\n"
        "Cột C: Tình hình thực hiện kế hoạch vốn sự nghiệp kéo dài năm 2025 sang năm 2026 › Kế hoạch vốn › Tổng số | 0 | "
        "True\n");  // R31 = 0, and the Ghi chú
}

TEST_CASE("convert --json says what was placed, what was not, and what the formulas recomputed", "[tools][convert]") {
  TempDir dir("phuluc_convert_cli");
  const auto run = convert(kSamples / "muong_kim_2026.xlsx", "von-su-nghiep", dir / "out.xlsx", {"--json", "--lang", "en"});
  CHECK(run.exit_code == 1);
  CHECK(json_at(dir, run.out, "d['schema'], d['template'], d['exit_code'], d['error']") ==
        "phuluc-convert/1 von-su-nghiep 1 None");
  CHECK(json_at(dir, run.out, "len(d['columns']), d['unused_columns'], d['summary']") ==
        "33 [] {'placed': 25, 'not_placed': 1, 'recomputed': 12}");  // STT, Nội dung, 30 values, Ghi chú
  CHECK(json_at(dir, run.out, "d['not_placed']") ==
        "[{'row': 31, 'stt': 'X.2', 'label': 'Tiểu dự án 3: Kiểm tra, giám sát đánh giá, đào tạo, tập huấn, tổ chức "
        "thực hiện chương trình', 'reason': 'conflict', 'key': None}]");
  CHECK(json_at(dir, run.out, "[p for p in d['placed'] if p['key'] == 'dtts.5.1']") ==
        "[{'row': 16, 'stt': 'V.1', 'label': 'Tiểu dự án 1: Đổi mới hoạt động, củng cố phát triển các trường PTDTNT, "
        "trường PTDTBT, trường phổ thông có HSBT và xóa mù chữ cho người dân vùng đồng bào dân tộc thiểu số', "
        "'key': 'dtts.5.1', 'output_row': 28}]");
  // A's year-end rate 200 on 255/255 and V.3's 187,09 over its child's 187 are recomputed.
  CHECK(json_at(dir, run.out, "[r for r in d['recomputed'] if r['cell'] in ('AD9', 'L32')]") ==
        "[{'cell': 'L32', 'typed': 187.09, 'shown': 187}, {'cell': 'AD9', 'typed': 200, 'shown': 100}]");
  CHECK(json_at(dir, run.out, "d['table']['sheet'], d['table']['kind']") == "PL II - Vốn sự nghiệp funds");
}

TEST_CASE("the legacy .xls and the CSV export convert too", "[tools][convert]") {
  TempDir dir("phuluc_convert_cli");
  const auto xls = convert(kSamples / "muong_kim_2026.xls", "von-su-nghiep", dir / "xls.xlsx", {"--json"});
  CHECK(xls.exit_code == 1);
  CHECK(json_at(dir, xls.out, "d['summary']['placed'], d['summary']['not_placed']") == "25 1");
  CHECK(run_phuluc({"check", (dir / "xls.xlsx").string()}).exit_code == 0);  // the errors were recomputed

  const auto csv = convert(kSamples / "lung_phinh_2025_dau_tu.csv", "von-dau-tu", dir / "csv.xlsx", {"--json"});
  CHECK(csv.exit_code == 1);  // the "12,O00" typed with a letter O stays visible, and is an error
  CHECK(json_at(dir, csv.out, "d['summary']['placed'], d['summary']['not_placed'], d['unread_cells']") ==
        "31 0 [{'cell': 'I21', 'text': '12,O00'}]");
  CHECK(json_at(dir, csv.out, "[f['code'] for f in d['findings']]") == "['not-a-number', 'negative-amount']");
  const auto look = python(dir,
                           "import openpyxl, sys\nws = openpyxl.load_workbook(sys.argv[1]).active\n"
                           "print(ws['A1'].value, '|', ws['A2'].value, '|', ws['A4'].value)\n"
                           "print(ws['B9'].value[:8], ws['D9'].value, ws['E9'].value, ws['J9'].value)\n",
                           {(dir / "csv.xlsx").string()});
  CHECK(look.out ==
        "Phụ lục III | TÌNH HÌNH THỰC HIỆN, GIẢI NGÂN KẾ HOẠCH VỐN ĐẦU TƯ PHÁT TRIỂN CÁC CHƯƠNG TRÌNH MỤC TIÊU QUỐC GIA "
        "NĂM 2025 | ĐVT: Triệu đồng\nDự án 1: =E9+F9 =SUM(E10:E13) =IF(D9=0,\"\",G9/D9*100)\n");
}

TEST_CASE("seed 000's criteria table converts and keeps indicator 3.2's verdict for the rule to report",
          "[tools][convert][criteria]") {
  TempDir dir("phuluc_convert_cli");
  const auto run = convert(kSamples / "muong_kim_2026_corrected.xlsx", "tieu-chi-ntm-2030", dir / "tc.xlsx", {"--json"});
  CHECK(run.exit_code == 0);  // a warning only
  CHECK(json_at(dir, run.out, "d['summary']['placed'], [(f['code'], f['severity']) for f in d['findings']]") ==
        "46 [('target-holds-verdict', 'warning')]");
  const auto check = run_phuluc({"check", "--json", (dir / "tc.xlsx").string()});
  CHECK(json_at(dir, check.out, "[(f['code'], f['stt'] or f['row_label'][:4]) for f in d['files'][0]['findings']]") ==
        "[('target-holds-verdict', '3.2.')]");
}

TEST_CASE("check runs the criteria rules: seed 000's 3.2, and a Tổng row that miscounts", "[tools][check][criteria]") {
  TempDir dir("phuluc_convert_cli");
  const auto seed = run_phuluc({"check", "--json", (kSamples / "muong_kim_2026_corrected.xlsx").string()});
  CHECK(json_at(dir, seed.out, "[(f['code'], f['cell']) for f in d['files'][0]['findings'] if f['sheet'].startswith('PL IV')]") ==
        "[('target-holds-verdict', 'D15')]");
  const fs::path changed = dir / "tong_5.xlsx";
  const auto edit = python(dir,
                           "import openpyxl, sys\nwb = openpyxl.load_workbook(sys.argv[1])\nws = wb['PL IV - Tiêu chí NTM']\n"
                           "cells = [c for row in ws.iter_rows() for c in row if c.value == '4/10']\n"
                           "cells[0].value = '5/10'\nwb.save(sys.argv[2])\nprint(cells[0].coordinate)\n",
                           {(kSamples / "muong_kim_2026_corrected.xlsx").string(), changed.string()});
  REQUIRE(edit.exit_code == 0);
  const auto run = run_phuluc({"check", "--json", changed.string()});
  CHECK(run.exit_code == 1);
  CHECK(json_at(dir, run.out,
                "[(f['code'], f['cell'], f['found'], f['expected']) for f in d['files'][0]['findings'] if f['code'].startswith('criteria')]") ==
        "[('criteria-count-mismatch', '" + edit.out.substr(0, edit.out.size() - 1) + "', 5, 4)]");
  const auto text = run_phuluc({"check", changed.string(), "--lang", "en"});
  CHECK(text.out.find("The Tổng row shows \"5/10\", but the number of criteria whose every indicator is met is 4 "
                      "(TT 1, TT 4, TT 7, TT 9).") != std::string::npos);
}

TEST_CASE("convert refuses what it cannot read or place at all, writing nothing", "[tools][convert][errors]") {
  TempDir dir("phuluc_convert_cli");
  const fs::path output = dir / "out.xlsx";
  std::ofstream(dir / "note.xlsx") << "not a spreadsheet";
  const auto unreadable = convert(dir / "note.xlsx", "von-su-nghiep", output);
  CHECK(unreadable.exit_code == 2);
  CHECK(unreadable.err.rfind("phuluc convert: " + (dir / "note.xlsx").string() + ": ", 0) == 0);

  std::ofstream(dir / "empty.csv") << "a;b\n1;2\n";
  const auto no_table = convert(dir / "empty.csv", "von-su-nghiep", output, {"--json"});
  CHECK(no_table.exit_code == 2);
  CHECK(json_at(dir, no_table.out, "d['error']['code'], d['output']") == "no-table None");

  std::ofstream(dir / "docs.csv") << "TT;Loại văn bản;Số, ngày, tháng ban hành;Trích yếu;Ghi chú\n1;Quyết định;1/QĐ-UBND;Về việc;\n";
  const auto wrong = convert(dir / "docs.csv", "von-su-nghiep", output, {"--json", "--lang", "en"});
  CHECK(wrong.exit_code == 2);
  CHECK(json_at(dir, wrong.out, "d['error']['code'], d['error']['message']") ==
        "wrong-template the file has no table that fits the template von-su-nghiep (funds)");

  const auto unknown = convert(kSamples / "muong_kim_2026.xlsx", "phu-luc-9", output);
  CHECK(unknown.exit_code == 2);
  CHECK(unknown.err.find("không có mẫu tên \"phu-luc-9\"") != std::string::npos);
  CHECK(run_phuluc({"convert", (kSamples / "muong_kim_2026.xlsx").string(), "-o", output.string()}).exit_code == 2);
  CHECK_FALSE(fs::exists(output));

  const fs::path copy = dir / "copy.xlsx";
  fs::copy_file(kSamples / "muong_kim_2026.xlsx", copy);
  const auto onto_input = convert(copy, "von-su-nghiep", copy);
  CHECK(onto_input.exit_code == 2);
  CHECK(onto_input.err.find("phuluc không bao giờ ghi đè tệp đầu vào") != std::string::npos);
  CHECK(phuluc::test::read_file(copy) == phuluc::test::read_file(kSamples / "muong_kim_2026.xlsx"));
}
