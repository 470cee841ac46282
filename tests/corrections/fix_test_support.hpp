#pragma once
// Helpers for the `phuluc fix` tests: samples, temp folders, running programs (the built binary,
// /usr/bin/python3 with openpyxl, LibreOffice), and the fix --json document read by Python's json
// module (an independent parser: a malformed document fails the test).
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "corrections/localizer.hpp"
#include "model/workbook.hpp"
#include "readers/workbook_reader.hpp"
#include "rules/rule_support.hpp"
#include "support/process_support.hpp"
#include "table/table_finder.hpp"

namespace phuluc::fixtest {

namespace fs = std::filesystem;

inline const fs::path kSource = PHULUC_SOURCE_DIR;
inline const fs::path kSamples = kSource / "samples" / "appendices";
inline const char* kPython = "/usr/bin/python3";  // the Debian python, which has openpyxl
inline const char* kFundsSheet = "PL II - Vốn sự nghiệp";

using test::read_file;
using test::run_program;
using test::RunResult;
using test::shell_quote;
using test::split_tabs;
using test::TempDir;
using test::write_file;

/// Runs the built `phuluc fix` with arguments.
inline RunResult run_fix(std::vector<std::string> args) {
  args.insert(args.begin(), "fix");
  return run_program(PHULUC_BINARY, args);
}

/// Runs a Python script (text) with /usr/bin/python3; the script is written into `dir`.
inline RunResult run_python(const TempDir& dir, const std::string& script, const std::vector<std::string>& args = {}) {
  static int counter = 0;
  const fs::path file = dir / ("script_" + std::to_string(++counter) + ".py");
  write_file(file, script);
  std::vector<std::string> all{file.string()};
  all.insert(all.end(), args.begin(), args.end());
  return run_program(kPython, all);
}

/// One correction of the JSON document.
struct JsonCorrection {
  std::string sheet, cell, old_value, new_value, code, basis, slip, reason_code, reason, together;
};

/// One unresolved entry: candidates as "L21+M21;L22+M22".
struct JsonUnresolved {
  std::string sheet, cell, code, candidates, message;
};

struct JsonFixFile {
  std::string path, output, error_code;
  std::size_t formulas = 0;
  std::vector<JsonCorrection> corrections;
  std::vector<JsonUnresolved> unresolved;
  std::vector<std::string> limitations;
};

struct JsonFixReport {
  bool parsed = false;
  std::string schema;
  int exit_code = -1;
  std::vector<JsonFixFile> files;
};

/// Reads the fix --json document; values are printed by Python (repr of floats, "" for null).
inline JsonFixReport parse_fix_json(const std::string& json) {
  TempDir dir;
  write_file(dir / "report.json", json);
  const RunResult flat = run_python(dir, R"PY(
import json, sys
doc = json.load(open(sys.argv[1], encoding='utf-8'))
def val(v):
    if v is None: return ''
    if isinstance(v, str): return 'text:' + v
    return repr(float(v))
def clean(s):
    return (s or '').replace('\t', ' ').replace('\n', ' ')
print('DOC', doc['schema'], doc['summary']['exit_code'], sep='\t')
for f in doc['files']:
    err = f['error'] or {}
    print('FILE', clean(f['path']), clean(f['output']), err.get('code', ''), f['formulas'], sep='\t')
    for x in f['corrections']:
        print('CORR', clean(x['sheet']), x['cell'], val(x['old']), val(x['new']), x['code'], x['basis'], x['slip'],
              x['reason_code'], clean(x['reason']), '+'.join(x['together']), sep='\t')
    for x in f['unresolved']:
        print('UNRES', clean(x['sheet']), x['cell'] or '', x['code'], ';'.join('+'.join(c) for c in x['candidates']),
              clean(x['message']), sep='\t')
    for x in f['limitations']:
        print('LIMIT', x['code'], sep='\t')
)PY",
                                    {(dir / "report.json").string()});
  JsonFixReport report;
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
      report.files.push_back({f[1], f[2], f[3], static_cast<std::size_t>(std::stoul(f[4])), {}, {}, {}});
    } else if (f[0] == "CORR" && f.size() >= 11 && !report.files.empty()) {
      report.files.back().corrections.push_back({f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8], f[9], f[10]});
    } else if (f[0] == "UNRES" && f.size() >= 6 && !report.files.empty()) {
      report.files.back().unresolved.push_back({f[1], f[2], f[3], f[4], f[5]});
    } else if (f[0] == "LIMIT" && f.size() >= 2 && !report.files.empty()) {
      report.files.back().limitations.push_back(f[1]);
    }
  }
  return report;
}

/// The correction of a cell ("L22") in a parsed file, or nullptr.
inline const JsonCorrection* correction_at(const JsonFixFile& file, const std::string& cell) {
  for (const auto& correction : file.corrections)
    if (correction.cell == cell) return &correction;
  return nullptr;
}

/// The part names of a zip package, sorted (unzip -Z1).
inline std::vector<std::string> zip_parts(const fs::path& package) {
  const RunResult listing = run_program("unzip", {"-Z1", package.string()});
  std::vector<std::string> names;
  std::istringstream lines(listing.out);
  for (std::string line; std::getline(lines, line);)
    if (!line.empty()) names.push_back(line);
  std::sort(names.begin(), names.end());
  return names;
}

/// One part of a zip package (unzip -p); empty when absent.
inline std::string zip_part(const fs::path& package, const std::string& part) {
  return run_program("unzip", {"-p", package.string(), part}).out;
}

/// The table found on sheet `sheet` of `workbook`; throws when there is none.
inline Table table_on(const Workbook& workbook, const std::string& sheet) {
  for (Table& table : find_tables(workbook).tables)
    if (table.sheet == sheet) return std::move(table);
  throw std::runtime_error("no table on sheet " + sheet);
}

/// Corrections of a localization keyed by A1 cell.
inline std::map<std::string, Correction> by_cell(const Table& table, const Localization& result) {
  std::map<std::string, Correction> out;
  for (const Correction& fix : result.corrections) out[data_cell_a1(table, fix.cell.row, fix.cell.col)] = fix;
  return out;
}

/// Writes `cells` (A1 → Python literal, e.g. "187.5", "None", "'-'") into a copy of `source`
/// with openpyxl, on sheet `sheet`.
inline RunResult openpyxl_copy(const TempDir& dir, const fs::path& source, const fs::path& target,
                               const std::string& sheet, const std::map<std::string, std::string>& cells) {
  std::string script = "import openpyxl, sys\nwb = openpyxl.load_workbook(sys.argv[1])\nws = wb[sys.argv[3]]\n";
  for (const auto& [cell, literal] : cells) script += "ws['" + cell + "'].value = " + literal + "\n";
  script += "wb.save(sys.argv[2])\n";
  return run_python(dir, script, {source.string(), target.string(), sheet});
}

}  // namespace phuluc::fixtest
