#pragma once
// Helpers for the writer tests: temporary folders, running other programs, zip parts, a workbook
// with every layout feature, and a comparison of two workbook models that names each difference.
#include <catch2/catch.hpp>

#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "model/cell_ref.hpp"
#include "model/workbook.hpp"

namespace phuluc::test {

/// A fresh folder under the system temp folder, removed with everything in it at scope exit.
class TempDir {
 public:
  TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "phuluc_writer_XXXXXX").string();
    REQUIRE(mkdtemp(pattern.data()) != nullptr);
    path_ = pattern;
  }
  ~TempDir() {
    std::error_code error;
    std::filesystem::permissions(path_, std::filesystem::perms::owner_all, std::filesystem::perm_options::add, error);
    std::filesystem::remove_all(path_, error);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(std::string_view name) const { return path_ / name; }

  /// Names of the files in the folder, sorted.
  std::vector<std::string> entries() const {
    std::vector<std::string> names;
    for (const auto& entry : std::filesystem::directory_iterator(path_)) names.push_back(entry.path().filename());
    std::sort(names.begin(), names.end());
    return names;
  }

 private:
  std::filesystem::path path_;
};

/// Single-quotes a path for /bin/sh.
inline std::string shell_quote(const std::string& text) {
  std::string out = "'";
  for (const char c : text) {
    if (c == '\'') out += "'\\''";
    else out += c;
  }
  return out + "'";
}

/// Runs a shell command; returns its exit status and puts its standard output in `output`.
inline int run_command(const std::string& command, std::string* output = nullptr) {
  FILE* pipe = popen(command.c_str(), "r");
  REQUIRE(pipe != nullptr);
  std::string text;
  char buffer[4096];
  std::size_t got = 0;
  while ((got = fread(buffer, 1, sizeof buffer, pipe)) > 0) text.append(buffer, got);
  const int status = pclose(pipe);
  if (output != nullptr) *output = std::move(text);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

inline std::string file_text(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  REQUIRE(in.good());
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

/// One part of a zip package, as text (unzip -p); empty when absent.
inline std::string zip_part(const std::filesystem::path& package, const std::string& part) {
  std::string text;
  run_command("unzip -p " + shell_quote(package.string()) + " " + shell_quote(part) + " 2>/dev/null", &text);
  return text;
}

/// The part names of a zip package, sorted.
inline std::vector<std::string> zip_parts(const std::filesystem::path& package) {
  std::string listing;
  REQUIRE(run_command("unzip -Z1 " + shell_quote(package.string()), &listing) == 0);
  std::vector<std::string> names;
  std::istringstream lines(listing);
  for (std::string line; std::getline(lines, line);)
    if (!line.empty()) names.push_back(line);
  std::sort(names.begin(), names.end());
  return names;
}

/// The Debian python, the one with openpyxl (the python3 on PATH has none).
inline const char* kPython = "/usr/bin/python3";

/// Runs a python script (text) with arguments; returns its standard output; fails the test on a non-zero exit.
inline std::string run_python(const TempDir& dir, const std::string& script, const std::vector<std::string>& args) {
  const auto script_path = dir / "script.py";
  std::ofstream(script_path) << script;
  std::string command = std::string(kPython) + " " + shell_quote(script_path.string());
  for (const auto& arg : args) command += " " + shell_quote(arg);
  std::string output;
  const int status = run_command(command + " 2>&1", &output);
  INFO(output);
  REQUIRE(status == 0);
  return output;
}

/// The row with a 0-based index, created (in order) when missing.
inline SheetRow& row_at(Sheet& sheet, std::uint32_t index) {
  auto it = std::lower_bound(sheet.rows.begin(), sheet.rows.end(), index,
                             [](const SheetRow& row, std::uint32_t wanted) { return row.index < wanted; });
  if (it == sheet.rows.end() || it->index != index) {
    SheetRow row;
    row.index = index;
    it = sheet.rows.insert(it, std::move(row));
  }
  return *it;
}

/// Puts a cell at an A1 position, keeping the row's cells sorted.
inline void put(Sheet& sheet, std::string_view a1, Cell cell) {
  const auto ref = parse_a1(a1);
  REQUIRE(ref.has_value());
  cell.col = ref->col;
  auto& cells = row_at(sheet, ref->row).cells;
  auto it = std::lower_bound(cells.begin(), cells.end(), cell.col,
                             [](const Cell& c, std::uint32_t col) { return c.col < col; });
  if (it != cells.end() && it->col == cell.col) *it = std::move(cell);
  else cells.insert(it, std::move(cell));
}

/// A workbook with every feature the writer reproduces: an appendix-like funds table with a
/// three-row merged header, styles of every kind, formulas with cached results, hidden and grouped
/// rows and columns, frozen panes, A4 landscape print setup, a second sheet with custom default
/// sizes and a hidden third sheet, all with Vietnamese names.
Workbook feature_workbook();

/// Differences between two workbook models, one line each ("Biểu 01!C5: number 1 vs 2"); empty when
/// they match. Compares what a reader of the written file sees: sheet names and order,
/// visibility, values, formulas, each cell's look (font, fill, border, alignment, number format
/// code, protection; not style indices), merged ranges, per-column width/hidden/outline, per-row
/// height/hidden/outline, frozen panes and print setup, with unset fields read as their defaults.
/// Known gaps of the writer are accounted for (see xlsx_writer.hpp): shared-formula dependants
/// become values, formulas without a cached value get an empty text result, literal errors become
/// formulas, 1904 dates shift, widths round to the pixel, heights equal to 15 gain 1e-6.
/// With `formula_results` false, formula cells are compared by formula text alone (for producers
/// such as openpyxl that store no results).
std::vector<std::string> model_differences(const Workbook& expected, const Workbook& actual,
                                           bool formula_results = true);

/// Joins differences for a failure message (at most `limit` lines).
inline std::string joined(const std::vector<std::string>& lines, std::size_t limit = 40) {
  std::string out;
  for (std::size_t i = 0; i < lines.size() && i < limit; ++i) out += lines[i] + "\n";
  if (lines.size() > limit) out += "... " + std::to_string(lines.size() - limit) + " more\n";
  return out;
}

}  // namespace phuluc::test
