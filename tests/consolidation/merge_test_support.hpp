#pragma once
// Fixtures of the merge tests: commune workbooks made at test time by bench/make_communes.py
// (openpyxl, a fixed seed, with label variants, shuffled rows, omitted empty rows, rows of their
// own, communes in đồng and injected errors) and the generator's own record of every value
// (truth.csv), so expected sums never come from our merge code. Also: running commands.
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace phuluc::merge_test {

namespace fs = std::filesystem;

/// A shell command's exit code and output.
struct CommandResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

inline std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

/// Folders made by make_temp_dir, removed with their contents when the test program ends.
class TempDirs {
 public:
  ~TempDirs() {
    for (const auto& dir : dirs_) {
      std::error_code ignored;
      fs::remove_all(dir, ignored);
    }
  }
  void add(const fs::path& dir) { dirs_.push_back(dir); }

 private:
  std::vector<fs::path> dirs_;
};

/// A new empty folder under the system's temporary folder, removed at the end of the program.
inline fs::path make_temp_dir(const std::string& stem) {
  static TempDirs dirs;
  std::string pattern = (fs::temp_directory_path() / (stem + "-XXXXXX")).string();
  if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
  dirs.add(pattern);
  return pattern;
}

/// Runs `command` with /bin/sh; stdout and stderr are captured.
inline CommandResult run_command(const std::string& command) {
  static int counter = 0;
  const fs::path err_file = fs::temp_directory_path() / ("phuluc-merge-test-" + std::to_string(getpid()) + "-" +
                                                         std::to_string(counter++) + ".err");
  CommandResult result;
  std::FILE* pipe = popen((command + " 2>'" + err_file.string() + "'").c_str(), "r");
  if (pipe == nullptr) return result;
  char buffer[4096];
  std::size_t got = 0;
  while ((got = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) result.out.append(buffer, got);
  const int status = pclose(pipe);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  result.err = read_text(err_file);
  fs::remove(err_file);
  return result;
}

inline std::string quoted(const fs::path& path) { return "'" + path.string() + "'"; }

/// Splits one CSV line (the generator writes no line breaks inside fields).
inline std::vector<std::string> csv_fields(const std::string& line) {
  std::vector<std::string> fields(1);
  bool quoted_field = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quoted_field) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
        fields.back() += '"';
        ++i;
      } else if (c == '"') {
        quoted_field = false;
      } else {
        fields.back() += c;
      }
    } else if (c == '"') {
      quoted_field = true;
    } else if (c == ',') {
      fields.emplace_back();
    } else if (c != '\r') {
      fields.back() += c;
    }
  }
  return fields;
}

inline std::optional<double> number_or_empty(const std::string& text) {
  if (text.empty()) return std::nullopt;
  double value = 0.0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc{} || end != text.data() + text.size()) throw std::runtime_error("not a number: " + text);
  return value;
}

/// One data row of one generated file, as the generator wrote it.
struct TruthRow {
  std::string file;            ///< "xa_0001.xlsx"
  std::uint32_t sheet_row = 0; ///< 1-based
  std::string key;             ///< catalogue key; "total" for TỔNG CỘNG; empty for a commune's own row
  std::string stt;
  std::string label;
  bool extra = false;          ///< a row of the commune's own (no key)
  bool in_dong = false;        ///< the file reports in đồng
  std::array<std::optional<double>, 30> values;  ///< C..AF as written (the file's unit); empty cells unset
};

struct ManifestRow {
  std::string file;
  std::string commune;
  std::string injected_code;  ///< empty for a clean file
  std::string injected_cell;  ///< A1 of the changed cell
};

/// A generated set of commune workbooks.
struct CommuneSet {
  fs::path dir;
  std::vector<fs::path> files;  ///< the workbooks, in name order
  std::vector<TruthRow> truth;
  std::map<std::string, ManifestRow> manifest;  ///< by file name
};

/// Generates `count` communes with bench/make_communes.py (options: its command line flags).
inline CommuneSet generate_communes(int count, const std::string& options, const std::string& stem) {
  CommuneSet set;
  set.dir = make_temp_dir(stem);
  const std::string command = "/usr/bin/python3 " + quoted(fs::path(PHULUC_SOURCE_DIR) / "bench" / "make_communes.py") +
                              " " + std::to_string(count) + " " + quoted(set.dir) + " " + options + " --truth";
  const CommandResult generated = run_command(command);
  if (generated.exit_code != 0) throw std::runtime_error("make_communes.py failed: " + generated.err);
  for (const auto& entry : fs::directory_iterator(set.dir))
    if (entry.path().extension() == ".xlsx") set.files.push_back(entry.path());
  std::sort(set.files.begin(), set.files.end());

  std::istringstream manifest(read_text(set.dir / "manifest.csv"));
  std::string line;
  std::getline(manifest, line);  // header
  while (std::getline(manifest, line)) {
    const auto fields = csv_fields(line);
    set.manifest[fields.at(0)] = ManifestRow{fields.at(0), fields.at(1), fields.at(4), fields.at(5)};
  }
  std::istringstream truth(read_text(set.dir / "truth.csv"));
  std::getline(truth, line);
  while (std::getline(truth, line)) {
    const auto fields = csv_fields(line);
    TruthRow row;
    row.file = fields.at(0);
    row.sheet_row = static_cast<std::uint32_t>(std::stoul(fields.at(1)));
    row.key = fields.at(2);
    row.stt = fields.at(3);
    row.label = fields.at(4);
    row.extra = fields.at(5) == "1";
    row.in_dong = fields.at(6) == "dong";
    for (std::size_t v = 0; v < 30; ++v) row.values[v] = number_or_empty(fields.at(7 + v));
    set.truth.push_back(std::move(row));
  }
  return set;
}

/// The 38-commune set most merge tests use, made once per test program: fixed seed, half the
/// communes listing rows in another order, some adding rows of their own, some in đồng, one
/// injected error (xa_0035.xlsx, a Tổng số changed: split-mismatch).
inline const CommuneSet& commune_set_38() {
  static const CommuneSet set =
      generate_communes(38, "--seed 38 --shuffle 0.5 --extra-rows 0.15 --dong 0.1 --error-rate 0.08", "phuluc-merge-38");
  return set;
}

/// Value index (0..29, columns C..AF) of a rate column: "Tỷ lệ giải ngân" groups 3 and 5 of each block.
inline bool is_rate_index(std::size_t v) { return (v % 15) / 3 == 2 || (v % 15) / 3 == 4; }

/// The expected consolidated amount of every catalogue key: the sum over `files` of the values the
/// generator wrote, in triệu đồng (đồng divided by 1,000,000). Rates are left out (recomputed).
inline std::map<std::string, std::array<double, 30>> expected_sums(const CommuneSet& set,
                                                                   const std::vector<std::string>& files) {
  std::map<std::string, std::array<double, 30>> sums;
  for (const TruthRow& row : set.truth) {
    if (row.extra || std::find(files.begin(), files.end(), row.file) == files.end()) continue;
    auto& sum = sums.try_emplace(row.key).first->second;
    for (std::size_t v = 0; v < 30; ++v)
      if (row.values[v] && !is_rate_index(v)) sum[v] += row.in_dong ? *row.values[v] / 1e6 : *row.values[v];
  }
  return sums;
}

}  // namespace phuluc::merge_test
