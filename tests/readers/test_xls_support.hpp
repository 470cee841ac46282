#pragma once
// Helpers for the XLS and CSV reader tests: paths, temporary folders, and independent oracles
// (LibreOffice + openpyxl for .xls, Python's csv module for .csv) run as separate programs.
#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <random>
#include <sstream>
#include <stdexcept>
#include <string>
#include <tuple>
#include <vector>

namespace phuluc::test {

inline std::filesystem::path source_path(const std::string& relative) { return std::filesystem::path(PHULUC_SOURCE_DIR) / relative; }
inline std::filesystem::path corpus_path(const std::string& relative) {
  return std::filesystem::path(PHULUC_SHARED_DIR) / "corpus" / relative;
}

/// A fresh folder under the system temp folder, removed with everything in it at scope end.
class TempFolder {
 public:
  TempFolder() {
    std::random_device seed;
    path_ = std::filesystem::temp_directory_path() / ("phuluc-test-" + std::to_string(seed()) + std::to_string(seed()));
    std::filesystem::create_directories(path_);
  }
  ~TempFolder() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  TempFolder(const TempFolder&) = delete;
  TempFolder& operator=(const TempFolder&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

 private:
  std::filesystem::path path_;
};

inline std::string read_text_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot open " + path.string());
  return std::string(std::istreambuf_iterator<char>(in), {});
}

inline void write_text_file(const std::filesystem::path& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!out) throw std::runtime_error("cannot write " + path.string());
}

/// Single-quotes a string for /bin/sh.
inline std::string shell_quote(const std::string& text) {
  std::string quoted = "'";
  for (const char c : text) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return quoted + "'";
}

/// Runs a shell command and returns its standard output; throws when it exits non-zero.
inline std::string run_command(const std::string& command) {
  FILE* pipe = ::popen(command.c_str(), "r");
  if (!pipe) throw std::runtime_error("cannot run: " + command);
  std::string output;
  std::array<char, 4096> buffer{};
  std::size_t n = 0;
  while ((n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0) output.append(buffer.data(), n);
  const int status = ::pclose(pipe);
  if (status != 0) throw std::runtime_error("command failed (" + std::to_string(status) + "): " + command);
  return output;
}

/// Undoes the oracle scripts' escaping of backslash, tab, CR and LF.
inline std::string unescape(const std::string& text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\\' || i + 1 == text.size()) {
      out += text[i];
      continue;
    }
    const char next = text[++i];
    out += next == 'n' ? '\n' : next == 't' ? '\t' : next == 'r' ? '\r' : next;
  }
  return out;
}

inline std::vector<std::string> split_tabs(const std::string& line) {
  std::vector<std::string> parts;
  std::string part;
  std::istringstream in(line);
  while (std::getline(in, part, '\t')) parts.push_back(part);
  return parts;
}

/// One cell as another program read it. `type`: n number, d date/time serial, s text, b boolean,
/// e error. Row and column are 0-based.
struct OracleCell {
  std::string sheet;
  std::uint32_t row = 0;
  std::uint32_t col = 0;
  char type = 's';
  std::string value;  ///< text, error literal, "0"/"1", or the number as Python's repr
};

/// Python (Debian's, with openpyxl) printing every cell of some .xlsx files, one tab-separated line each.
inline constexpr const char* kOpenpyxlDump = R"PY(
import datetime, sys, openpyxl
from openpyxl.utils.datetime import CALENDAR_MAC_1904
def esc(s): return s.replace('\\', '\\\\').replace('\t', '\\t').replace('\r', '\\r').replace('\n', '\\n')
for path in sys.argv[1:]:
    wb = openpyxl.load_workbook(path, data_only=True)
    epoch = datetime.datetime(1904, 1, 1) if wb.epoch == CALENDAR_MAC_1904 else datetime.datetime(1899, 12, 30)
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                v = c.value
                if v is None: continue
                if isinstance(v, bool): t, out = 'b', str(int(v))
                elif isinstance(v, datetime.datetime): t, out = 'd', repr((v - epoch).total_seconds() / 86400)
                elif isinstance(v, datetime.date): t, out = 'd', repr(float((v - epoch.date()).days))
                elif isinstance(v, datetime.time): t, out = 'd', repr((v.hour * 3600 + v.minute * 60 + v.second + v.microsecond / 1e6) / 86400)
                elif isinstance(v, datetime.timedelta): t, out = 'd', repr(v.total_seconds() / 86400)
                elif isinstance(v, (int, float)): t, out = 'n', repr(float(v))
                elif c.data_type == 'e': t, out = 'e', str(v)
                else: t, out = 's', str(v)
                print('\t'.join([path, esc(ws.title), str(c.row - 1), str(c.column - 1), t, esc(out)]))
)PY";

/// Every cell of each .xls as LibreOffice reads it: LibreOffice converts the files to .xlsx (one
/// run, its own profile) and openpyxl lists the cells. Keyed by the input path.
inline std::map<std::filesystem::path, std::vector<OracleCell>> libreoffice_cells(const std::vector<std::filesystem::path>& files) {
  TempFolder folder;
  std::string command = "soffice --headless -env:UserInstallation=file://" + (folder / "profile").string() +
                        " --convert-to xlsx --outdir " + shell_quote((folder / "out").string());
  for (const auto& file : files) command += " " + shell_quote(file.string());
  run_command(command + " >/dev/null 2>&1");
  std::map<std::filesystem::path, std::filesystem::path> converted;
  std::string dump = "/usr/bin/python3 -c " + shell_quote(kOpenpyxlDump);
  for (const auto& file : files) {
    const auto out = folder / "out" / (file.stem().string() + ".xlsx");
    converted[out] = file;
    dump += " " + shell_quote(out.string());
  }
  std::map<std::filesystem::path, std::vector<OracleCell>> cells;
  std::istringstream lines(run_command(dump));
  std::string line;
  while (std::getline(lines, line)) {
    const auto parts = split_tabs(line);
    if (parts.size() != 6) continue;
    OracleCell cell{unescape(parts[1]), static_cast<std::uint32_t>(std::stoul(parts[2])),
                    static_cast<std::uint32_t>(std::stoul(parts[3])), parts[4][0], unescape(parts[5])};
    cells[converted.at(parts[0])].push_back(std::move(cell));
  }
  return cells;
}

/// Python's csv module reading a file with a given delimiter (the file's BOM removed): the
/// records, each a list of fields.
inline std::vector<std::vector<std::string>> python_csv_records(const std::filesystem::path& file, char delimiter) {
  const std::string script = R"PY(
import csv, sys
def esc(s): return s.replace('\\', '\\\\').replace('\t', '\\t').replace('\r', '\\r').replace('\n', '\\n')
with open(sys.argv[1], newline='', encoding='utf-8-sig') as f:
    for record in csv.reader(f, delimiter=sys.argv[2]):
        print('\t'.join(esc(field) for field in record))
)PY";
  const std::string output = run_command("/usr/bin/python3 -c " + shell_quote(script) + " " + shell_quote(file.string()) +
                                         " " + shell_quote(std::string(1, delimiter)));
  std::vector<std::vector<std::string>> records;
  std::istringstream lines(output);
  std::string line;
  while (std::getline(lines, line)) {
    std::vector<std::string> fields;
    std::size_t start = 0;
    while (true) {
      const std::size_t tab = line.find('\t', start);
      fields.push_back(unescape(line.substr(start, tab == std::string::npos ? std::string::npos : tab - start)));
      if (tab == std::string::npos) break;
      start = tab + 1;
    }
    records.push_back(std::move(fields));
  }
  return records;
}

}  // namespace phuluc::test
