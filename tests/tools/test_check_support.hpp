#pragma once
// Helpers for the `phuluc check` CLI tests: run the built binary, make temp folders, read its JSON
// (through the Debian python's json module, an independent parser) and the samples' expected CSV.
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "support/process_support.hpp"

namespace phuluc::test {

namespace fs = std::filesystem;

inline const fs::path kSamples = fs::path(PHULUC_SOURCE_DIR) / "samples" / "appendices";

/// Runs the built `phuluc check` with arguments.
inline RunResult run_check(std::vector<std::string> args) {
  args.insert(args.begin(), "check");
  return run_program(PHULUC_BINARY, args);
}

/// One finding of the JSON output, flattened.
struct JsonFinding {
  std::string path, code, severity, sheet, cell, stt, found, expected, found_text, message;
  int decimals = 0;
};

/// One file of the JSON output.
struct JsonFile {
  std::string path;
  std::string error_code;  ///< empty when the file was read
  std::string error_message;
  std::size_t tables = 0;
  std::vector<JsonFinding> findings;
};

/// The JSON document, read by Python's json module (so a malformed document fails the test).
struct JsonReport {
  bool parsed = false;
  std::string schema;
  int exit_code = -1;
  std::vector<JsonFile> files;
};

inline JsonReport parse_json_report(const std::string& json) {
  TempDir dir;
  write_file(dir / "report.json", json);
  write_file(dir / "flatten.py", R"PY(
import json, sys
doc = json.load(open(sys.argv[1], encoding='utf-8'))
def num(v):
    return '' if v is None else repr(float(v))
def clean(s):
    return s.replace('\t', ' ').replace('\n', ' ')
print('DOC', doc['schema'], doc['summary']['exit_code'], sep='\t')
for f in doc['files']:
    err = f['error'] or {}
    print('FILE', clean(f['path']), err.get('code', ''), clean(err.get('message', '')), len(f['tables']), sep='\t')
    for x in f['findings']:
        print('FINDING', x['code'], x['severity'], clean(x['sheet']), x['cell'] or '', clean(x['stt']),
              num(x['found']), num(x['expected']), clean(x['found_text']), x['decimals'], clean(x['message']), sep='\t')
)PY");
  const RunResult flat =
      run_program("/usr/bin/python3", {(dir / "flatten.py").string(), (dir / "report.json").string()});
  JsonReport report;
  if (flat.exit_code != 0) return report;
  std::istringstream lines(flat.out);
  std::string line;
  while (std::getline(lines, line)) {
    const auto f = split_tabs(line);
    if (f.empty()) continue;
    if (f[0] == "DOC" && f.size() >= 3) {
      report.schema = f[1];
      report.exit_code = std::stoi(f[2]);
      report.parsed = true;
    } else if (f[0] == "FILE" && f.size() >= 5) {
      report.files.push_back(JsonFile{f[1], f[2], f[3], std::stoul(f[4]), {}});
    } else if (f[0] == "FINDING" && f.size() >= 11 && !report.files.empty()) {
      JsonFinding finding{report.files.back().path, f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8], f[10], 0};
      finding.decimals = std::stoi(f[9]);
      report.files.back().findings.push_back(finding);
    }
  }
  return report;
}

/// A CSV record reader for the samples' expected_findings.csv (quotes, doubled quotes).
inline std::vector<std::vector<std::string>> read_csv(const fs::path& path) {
  std::vector<std::vector<std::string>> rows;
  const std::string text = read_file(path);
  std::vector<std::string> row;
  std::string field;
  bool quoted = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"')
        field += '"', ++i;
      else if (c == '"')
        quoted = false;
      else
        field += c;
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      row.push_back(field), field.clear();
    } else if (c == '\n') {
      if (!field.empty() && field.back() == '\r') field.pop_back();
      row.push_back(field), field.clear();
      rows.push_back(row), row.clear();
    } else {
      field += c;
    }
  }
  if (!field.empty() || !row.empty()) row.push_back(field), rows.push_back(row);
  return rows;
}

}  // namespace phuluc::test
