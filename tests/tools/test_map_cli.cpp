// `phuluc map`: the built binary run on the sample appendices (made by openpyxl, LibreOffice,
// gnumeric), its text lines, its JSON (read back by Python's json module), options and exit codes.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "support/process_support.hpp"

namespace {

namespace fs = std::filesystem;

const fs::path kSamples = fs::path(PHULUC_SOURCE_DIR) / "samples" / "appendices";
const fs::path kFixtures = fs::path(PHULUC_SOURCE_DIR) / "tests" / "mappings" / "fixtures";

using phuluc::test::read_file;
using phuluc::test::run_program;
using phuluc::test::RunResult;
using phuluc::test::TempDir;
using phuluc::test::shell_quote;

// Runs `phuluc map ARGS...`, with `environment` ("NAME=value ...") set for it when given.
RunResult run_map(std::vector<std::string> args, const std::string& environment = "") {
  args.insert(args.begin(), "map");
  return run_program(PHULUC_BINARY, args, environment);
}

// Reads a JSON document with the Debian python's json module and prints what `script` selects
// (the document is in the variable `d`). An invalid document makes python fail.
std::string query_json(const std::string& json, const std::string& script) {
  TempDir work;
  {
    std::ofstream(work / "doc.json", std::ios::binary) << json;
    std::ofstream(work / "query.py", std::ios::binary)
        << "import json, sys\nd = json.load(open(sys.argv[1], encoding='utf-8'))\n" << script << "\n";
  }
  const std::string command = "/usr/bin/python3 " + shell_quote((work / "query.py").string()) + " " +
                              shell_quote((work / "doc.json").string()) + " >" + shell_quote((work / "out").string()) + " 2>&1";
  const int status = std::system(command.c_str());
  const std::string out = read_file(work / "out");
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) return "python failed: " + out;
  return out;
}

std::string line_with(const std::string& text, const std::string& needle) {
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);)
    if (line.find(needle) != std::string::npos) return line;
  return {};
}

}  // namespace

TEST_CASE("map prints cell, STT, label, key, official name and confidence for each row", "[tools][map]") {
  const auto run = run_map({"--lang", "en", (kSamples / "muong_kim_2026.xlsx").string()});
  CHECK(run.exit_code == 1);  // X.2 captioned "Tiểu dự án 3"
  CHECK(run.err.empty());
  const auto v1 = line_with(run.out, "    B16 ");
  CHECK(v1.find("V.1") != std::string::npos);
  CHECK(v1.find("Tiểu dự án 1: Đổi mới hoạt động") != std::string::npos);
  CHECK(v1.find("→ dtts.5.1 ") != std::string::npos);
  CHECK(v1.find("Đổi mới hoạt động, củng cố") != std::string::npos);  // the official name
  CHECK(v1.find("0.99") != std::string::npos);
  const auto typo = line_with(run.out, "    B18 ");
  CHECK(typo.find("Mơ lớp") != std::string::npos);
  CHECK(typo.find("→ dtts.5.1.nd2") != std::string::npos);
  const auto conflict = line_with(run.out, "    B31 ");
  CHECK(conflict.find("X.2") != std::string::npos);
  CHECK(conflict.find("STT and label disagree: dtts.10.2 (STT) | dtts.10.3 (number in label)") != std::string::npos);
  CHECK(line_with(run.out, "muong_kim_2026.xlsx: ").find("1 STT/label conflicts") != std::string::npos);
}

TEST_CASE("map speaks Vietnamese by default", "[tools][map]") {
  const auto run = run_map({(kSamples / "muong_kim_2026.xlsx").string()});
  CHECK(run.exit_code == 1);
  CHECK(line_with(run.out, "    B31 ").find("STT và tên không khớp") != std::string::npos);
  CHECK(line_with(run.out, "muong_kim_2026.xlsx: ").find(" dòng; ") != std::string::npos);
  CHECK(line_with(run.out, "    B16 ").find("0,99") != std::string::npos);
}

TEST_CASE("map --json gives every row with sheet, 1-based row, STT, label, key and confidence", "[tools][map]") {
  const auto run = run_map({"--json", (kSamples / "muong_kim_2026.xlsx").string()});
  CHECK(run.exit_code == 1);
  CHECK(query_json(run.out, "print(d['schema'])") == "phuluc-map/1\n");
  CHECK(query_json(run.out,
                   "r = [x for x in d['files'][0]['rows'] if x['row'] == 16][0]\n"
                   "print(r['sheet'], r['cell'], r['stt'], r['key'], r['status'], r['confidence'] >= 0.95, r['level'])") ==
        "PL II - Vốn sự nghiệp B16 V.1 dtts.5.1 mapped True subproject\n");
  CHECK(query_json(run.out,
                   "r = [x for x in d['files'][0]['rows'] if x['stt'] == 'X.2'][0]\n"
                   "print(r['row'], r['key'], r['status'], r['confidence'], [(c['key'], c['via']) for c in r['candidates']])") ==
        "31 None conflict 0 [('dtts.10.2', 'stt'), ('dtts.10.3', 'label-number')]\n");
  CHECK(query_json(run.out,
                   "f = [x for x in d['files'][0]['findings'] if x['code'] == 'label-stt-conflict']\n"
                   "print(len(f), f[0]['cell'], f[0]['severity'], f[0]['stt'])") == "1 B31 warning X.2\n");
  CHECK(query_json(run.out, "print(d['summary']['exit_code'], d['summary']['conflict'], d['files'][0]['error'])") ==
        "1 1 None\n");
  CHECK(query_json(run.out, "print(sorted(set(t['kind'] for t in d['files'][0]['tables'])))") ==
        "['criteria', 'documents', 'funds']\n");
}

TEST_CASE("map exits 0 when every row is recognised", "[tools][map]") {
  const auto run = run_map({"--lang", "en", (kSamples / "lung_phinh_2025_von_su_nghiep.xlsx").string(),
                            (kSamples / "muong_khoa_2025_nguon_luc_ntm.xlsx").string()});
  CHECK(run.exit_code == 0);
  CHECK(line_with(run.out, "lung_phinh_2025_von_su_nghiep.xlsx: ") ==
        (kSamples / "lung_phinh_2025_von_su_nghiep.xlsx").string() + ": 36 rows; 36 mapped.");
  CHECK(line_with(run.out, "Nội dung 8:").find("→ ntm.8") != std::string::npos);  // Mường Khoa's row B20
}

TEST_CASE("map reads the LibreOffice .xls and the Excel-style CSV", "[tools][map]") {
  const auto xls = run_map({"--lang", "en", (kSamples / "muong_kim_2026.xls").string()});
  CHECK(xls.exit_code == 1);
  CHECK(line_with(xls.out, "    B16 ").find("→ dtts.5.1 ") != std::string::npos);
  const auto csv = run_map({"--lang", "en", (kSamples / "lung_phinh_2025_dau_tu.csv").string()});
  CHECK(csv.exit_code == 0);
  CHECK(line_with(csv.out, "Đường bê tông nội bản Sín Chải").find("(detail row, below the catalogue)") != std::string::npos);
}

TEST_CASE("a user's catalogue maps a row the built-in one does not know", "[tools][map]") {
  const auto file = (kFixtures / "province_contents.xlsx").string();
  const auto without = run_map({"--lang", "en", file});
  CHECK(without.exit_code == 1);
  CHECK(line_with(without.out, "    B10 ").find("not in the catalogue") != std::string::npos);
  const auto with = run_map({"--lang", "en", "--catalogue", (kFixtures / "user_catalogue.csv").string(), file});
  CHECK(with.exit_code == 0);
  CHECK(line_with(with.out, "    B10 ").find("→ dtts.9.1.nd1") != std::string::npos);
}

TEST_CASE("a malformed catalogue is refused with its file, line and reason", "[tools][map]") {
  TempDir dir;
  const auto bad = (dir / "danh_muc.csv").string();
  std::ofstream(bad, std::ios::binary) << "key,parent,level,name,certainty\n"
                                       << "dtts.5.9,dtts.5,subproject,Tiểu dự án mới,seen\n"
                                       << "x.1,x,project,Không có cha,seen\n";
  const auto run = run_map({"--lang", "en", "--catalogue", bad, (kSamples / "muong_kim_2026.xlsx").string()});
  CHECK(run.exit_code == 2);
  CHECK(run.out.empty());
  CHECK(run.err == "phuluc map: unusable catalogue: " + bad + ", line 3: parent 'x' of 'x.1' is not in the catalogue\n");
}

TEST_CASE("PHULUC_DATA_DIR points map at another catalogue", "[tools][map]") {
  TempDir dir;
  fs::create_directories(dir / "catalogue");
  std::ofstream(dir / "catalogue" / "small.csv", std::ios::binary)
      << "key,parent,level,name,certainty\n"
      << "dtts,,program,Chương trình DTTS&MN,official\n"
      << "dtts.5,dtts,project,Giáo dục đào tạo,official\n"
      << "dtts.5.1,dtts.5,subproject,Trường dân tộc nội trú và xóa mù chữ,official\n";
  const auto run = run_map({"--lang", "en", (kSamples / "muong_kim_2026.xlsx").string()},
                           "PHULUC_DATA_DIR=" + shell_quote((dir / "").string()));
  CHECK(run.exit_code == 1);
  CHECK(line_with(run.out, "    B16 ").find("Trường dân tộc nội trú và xóa mù") != std::string::npos);
  CHECK(line_with(run.out, "    B32 ").find("not in the catalogue") != std::string::npos);  // no gnbv in it
}

TEST_CASE("map exits 2 on unreadable files and bad usage", "[tools][map]") {
  TempDir dir;
  const auto junk = (dir / "bao_cao.xlsx").string();
  std::ofstream(junk, std::ios::binary) << "this is not a spreadsheet\x01\x02";
  const auto unreadable = run_map({"--lang", "en", junk});
  CHECK(unreadable.exit_code == 2);
  CHECK(unreadable.err.rfind("phuluc map: " + junk + ": ", 0) == 0);

  const auto missing = run_map({"--lang", "en", (dir / "khong_co.xlsx").string()});
  CHECK(missing.exit_code == 2);

  const auto no_file = run_map({"--lang", "en"});
  CHECK(no_file.exit_code == 2);
  CHECK(no_file.err == "phuluc map: no file was given; see 'phuluc map --help'.\n");

  const auto unknown = run_map({"--lang", "en", "--fast", (kSamples / "muong_kim_2026.xlsx").string()});
  CHECK(unknown.exit_code == 2);
  CHECK(unknown.err == "phuluc map: no option '--fast'; see 'phuluc map --help'.\n");
}

TEST_CASE("map --json reports an unreadable file with its error code", "[tools][map]") {
  TempDir dir;
  const auto empty = (dir / "rong.xlsx").string();
  std::ofstream(empty, std::ios::binary).flush();
  const auto run = run_map({"--json", empty});
  CHECK(run.exit_code == 2);
  CHECK(query_json(run.out, "print(d['files'][0]['error']['code'], len(d['files'][0]['rows']), d['summary']['exit_code'])") ==
        "empty-file 0 2\n");
}

TEST_CASE("map --help shows a worked example in both languages", "[tools][map]") {
  const auto vi = run_map({"--help"});
  CHECK(vi.exit_code == 0);
  CHECK(vi.out.find("Cách dùng: phuluc map") != std::string::npos);
  CHECK(vi.out.find("$ phuluc map muong_kim_2026.xlsx") != std::string::npos);
  CHECK(vi.out.find("--catalogue") != std::string::npos);
  const auto en = run_map({"-h", "--lang", "en"});
  CHECK(en.exit_code == 0);
  CHECK(en.out.find("Usage: phuluc map") != std::string::npos);
  CHECK(en.out.find("label-stt-conflict") != std::string::npos);
}
