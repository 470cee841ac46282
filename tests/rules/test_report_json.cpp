// The --json document as written by report/report_json.hpp, read back by Python's json module.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "report/report_json.hpp"

using namespace phuluc;

namespace {

// Runs a Python snippet over the JSON text; returns what it prints (empty when the JSON is invalid).
std::string python_reads(const std::string& json, const std::string& snippet) {
  const auto dir = std::filesystem::temp_directory_path() / ("phuluc_json_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "doc.json", std::ios::binary) << json;
  std::ofstream(dir / "read.py") << "import json, sys\n"
                                    "doc = json.load(open(sys.argv[1], encoding='utf-8'))\n"
                                 << snippet << "\n";
  const std::string command = "/usr/bin/python3 " + (dir / "read.py").string() + " " + (dir / "doc.json").string() +
                              " > " + (dir / "out.txt").string() + " 2>/dev/null";
  const int status = std::system(command.c_str());
  std::ifstream in(dir / "out.txt");
  std::stringstream out;
  out << in.rdbuf();
  std::filesystem::remove_all(dir);
  return status == 0 ? out.str() : std::string{};
}

}  // namespace

TEST_CASE("the JSON report is valid JSON even for control characters and broken UTF-8", "[report][json]") {
  FileReport report;
  report.path = "xã \"Mường Kim\"\\2026.xlsx";
  report.tables.push_back(
      TableSummary{"PL II", "TỔNG HỢP", "funds", "million-dong", "ĐVT: Triệu đồng", 4, 6, 32, 26, 33});
  Finding finding;
  finding.code = "not-a-number";
  finding.sheet = "PL II";
  finding.cell = CellRef{20, 8};
  finding.found_text = std::string("12,O00\t\x01\xC3(\xFF end");
  finding.related = {"I22"};
  report.findings.push_back(finding);

  std::ostringstream out;
  write_check_json(out, {report}, Lang::en, 1);
  const std::string printed = python_reads(out.str(),
                                           "f = doc['files'][0]\n"
                                           "x = f['findings'][0]\n"
                                           "print(doc['schema'], doc['summary']['exit_code'], f['path'])\n"
                                           "print(repr(x['found_text']), x['cell'], x['found'], x['related'])\n"
                                           "print(f['tables'][0]['header_rows'], f['tables'][0]['unit'], f['error'])");
  CHECK(printed ==
        "phuluc-check/1 1 xã \"Mường Kim\"\\2026.xlsx\n"
        "'12,O00\\t\\x01\uFFFD(\uFFFD end' I21 None ['I22']\n"
        "[5, 7] million-dong None\n");
}

TEST_CASE("the JSON report gives a read error its code and translated message, and no findings", "[report][json]") {
  FileReport report;
  report.path = "cut.xlsx";
  report.error = FileError{"truncated", ReadErrorCode::truncated, "central directory missing"};
  std::ostringstream out;
  write_check_json(out, {report}, Lang::vi, 2);
  const std::string printed = python_reads(out.str(),
                                           "f = doc['files'][0]\n"
                                           "print(f['error']['code'], '|', f['error']['message'], '|', "
                                           "f['error']['detail'], '|', f['findings'], f['tables'])\n"
                                           "print(doc['summary'])");
  CHECK(printed ==
        "truncated | Tệp bị cắt cụt hoặc bị hỏng, không đọc hết được; hãy lấy lại bản gốc rồi gửi lại. | central "
        "directory missing | [] []\n"
        "{'files': 1, 'unreadable': 1, 'errors': 0, 'warnings': 0, 'notices': 0, 'exit_code': 2}\n");
}
