// `phuluc merge` as people run it: the built binary, its exit codes, messages, JSON (read by
// Python's json module, an independent parser), the progress bar on a terminal, and Ctrl-C.
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cmath>
#include <thread>

#include "consolidation/merge_test_support.hpp"

namespace {

namespace fs = std::filesystem;
using namespace phuluc::merge_test;

const fs::path kSamples = fs::path(PHULUC_SOURCE_DIR) / "samples" / "appendices";

std::string phuluc_binary() { return quoted(PHULUC_BINARY); }

std::string files_of(const CommuneSet& set) {
  std::string list;
  for (const auto& file : set.files) list += " " + quoted(file);
  return list;
}

// The JSON document summarised by Python, one line per item, after checking the documented fields:
//   INPUT <file> <status> <reason or -> <commune>
//   ROW <key or -> <origin> <value;value;...> (values empty for null)
//   UNMATCHED <file> <sheet> <row> <label>
std::vector<std::vector<std::string>> json_lines(const fs::path& json) {
  const char* script = R"PY(
import json, sys, os
d = json.load(open(sys.argv[1], encoding='utf-8'))
for k in ('output', 'exit_code', 'template', 'columns', 'inputs', 'rows', 'unmatched'):
    assert k in d, k
assert d['schema'] == 'phuluc-merge/1', d['schema']
for i in d['inputs']:
    for k in ('path', 'commune', 'status', 'sha256', 'reason', 'message', 'findings'):
        assert k in i, k
    assert i['status'] in ('merged', 'refused', 'fixed', 'forced')
    print('INPUT', os.path.basename(i['path']), i['status'], i['reason'] or '-', i['commune'], sep='\t')
for r in d['rows']:
    assert len(r['values']) == len(d['columns'])
    vals = ';'.join('' if v is None else repr(float(v)) for v in r['values'])
    print('ROW', r['key'] or '-', r['origin'], vals, sep='\t')
for u in d['unmatched']:
    for k in ('path', 'sheet', 'row', 'label'):
        assert k in u, k
    print('UNMATCHED', os.path.basename(u['path']), u['sheet'], u['row'], u['label'], sep='\t')
)PY";
  const fs::path script_path = json.parent_path() / "summary.py";
  std::ofstream(script_path) << script;
  const CommandResult result = run_command("/usr/bin/python3 " + quoted(script_path) + " " + quoted(json));
  REQUIRE(result.exit_code == 0);
  std::vector<std::vector<std::string>> lines;
  std::istringstream in(result.out);
  std::string line;
  while (std::getline(in, line)) {
    std::vector<std::string> fields(1);
    for (const char c : line) {
      if (c == '\t') fields.emplace_back();
      else fields.back() += c;
    }
    lines.push_back(std::move(fields));
  }
  return lines;
}

std::vector<fs::path> temp_leftovers(const fs::path& dir) {
  std::vector<fs::path> found;
  for (const auto& entry : fs::directory_iterator(dir))
    if (entry.path().filename().string().rfind(".phuluc", 0) == 0) found.push_back(entry.path());
  return found;
}

}  // namespace

TEST_CASE("merge without an output file is a usage error", "[tools][merge]") {
  const CommandResult result = run_command(phuluc_binary() + " merge " + quoted(kSamples / "muong_kim_2026_corrected.xlsx"));
  CHECK(result.exit_code == 2);
  CHECK(result.err == "phuluc merge: thiếu tệp kết quả -o TỆP.xlsx; xem 'phuluc merge --help'.\n");
  const CommandResult english = run_command(phuluc_binary() + " merge --lang en " + quoted(kSamples / "muong_kim_2026_corrected.xlsx"));
  CHECK(english.err == "phuluc merge: the output -o FILE.xlsx is missing; see 'phuluc merge --help'.\n");
}

TEST_CASE("merge --help explains the command with a worked example", "[tools][merge]") {
  const CommandResult vi = run_command(phuluc_binary() + " merge --help");
  CHECK(vi.exit_code == 0);
  CHECK(vi.out.find("Cách dùng: phuluc merge") == 0);
  CHECK(vi.out.find("$ phuluc merge bao_cao_cac_xa/ -o tong_hop_tinh.xlsx") != std::string::npos);
  const CommandResult en = run_command(phuluc_binary() + " merge --help --lang en");
  CHECK(en.out.find("Usage: phuluc merge") == 0);
  const CommandResult overview = run_command(phuluc_binary() + " --help");
  CHECK(overview.out.find("merge") != std::string::npos);
}

TEST_CASE("merge --json lists inputs, consolidated rows with their values, and the rows kept apart",
          "[tools][merge][json]") {
  const CommuneSet& set = commune_set_38();
  const fs::path dir = make_temp_dir("phuluc-merge-cli");
  const fs::path json = dir / "tong_hop.json";
  const CommandResult result =
      run_command(phuluc_binary() + " merge --json" + files_of(set) + " -o " + quoted(dir / "tong_hop.xlsx") + " > " + quoted(json));
  CHECK(result.exit_code == 1);  // one commune refused
  CHECK(result.err.empty());
  REQUIRE(fs::exists(dir / "tong_hop.xlsx"));

  std::vector<std::string> merged;
  std::map<std::string, std::vector<std::string>> rows;
  std::size_t unmatched = 0;
  for (const auto& line : json_lines(json)) {
    if (line[0] == "INPUT") {
      INFO(line[1]);
      const bool injected = !set.manifest.at(line[1]).injected_code.empty();
      CHECK(line[2] == (injected ? "refused" : "merged"));
      CHECK(line[3] == (injected ? "has-errors" : "-"));
      CHECK(line[4] == "Xã " + set.manifest.at(line[1]).commune);
      if (!injected) merged.push_back(line[1]);
    } else if (line[0] == "ROW" && line[2] == "keyed") {
      rows[line[1]] = line;
    } else if (line[0] == "UNMATCHED") {
      ++unmatched;
      CHECK(std::stoi(line[3]) >= 8);
    }
  }
  CHECK(merged.size() == 37);
  CHECK(unmatched >= 3);
  // values[] in the template's column order: C, D, ... skipping nothing but the rate columns' sums.
  const auto sums = expected_sums(set, merged);
  for (const auto& [key, expected] : sums) {
    if (key == "total") continue;
    REQUIRE(rows.count(key) == 1);
    const auto values = csv_fields([&] {
      std::string joined = rows[key][3];
      for (char& c : joined)
        if (c == ';') c = ',';
      return joined;
    }());
    REQUIRE(values.size() == 30);
    for (std::size_t v = 0; v < 30; ++v) {
      if (is_rate_index(v)) continue;
      INFO(key << " value " << v);
      const double got = values[v].empty() ? 0.0 : std::stod(values[v]);
      CHECK(std::abs(got - expected[v]) < 1e-6);
    }
  }
  // The output checks clean.
  CHECK(run_command(phuluc_binary() + " check --quiet " + quoted(dir / "tong_hop.xlsx")).exit_code == 0);
}

TEST_CASE("merge exits 0 when every file is merged and 2 when none can be", "[tools][merge]") {
  const CommuneSet& set = commune_set_38();
  const fs::path dir = make_temp_dir("phuluc-merge-exit");
  const CommandResult all = run_command(phuluc_binary() + " merge --quiet " + quoted(set.files[0]) + " " + quoted(set.files[1]) +
                                        " -o " + quoted(dir / "two.xlsx"));
  CHECK(all.exit_code == 0);
  CHECK(all.out.find("Đã ghi " + (dir / "two.xlsx").string() + ": 2/2 tệp") == 0);

  const CommandResult none = run_command(phuluc_binary() + " merge " + quoted(kSamples / "muong_kim_2026.xlsx") + " -o " +
                                         quoted(dir / "none.xlsx"));
  CHECK(none.exit_code == 2);
  CHECK_FALSE(fs::exists(dir / "none.xlsx"));
  CHECK(none.out.find("không tổng hợp. Có 6 lỗi số học") != std::string::npos);

  // The output may never be one of the inputs.
  const fs::path copy = dir / "copy.xlsx";
  fs::copy_file(set.files[0], copy);
  const CommandResult same = run_command(phuluc_binary() + " merge " + quoted(copy) + " -o " + quoted(copy));
  CHECK(same.exit_code == 2);
  CHECK(same.err.find("trùng với một tệp đầu vào") != std::string::npos);
}

TEST_CASE("merge refuses another template naming the column, and --force says what it merged", "[tools][merge]") {
  const CommuneSet& set = commune_set_38();
  const fs::path dir = make_temp_dir("phuluc-merge-force");
  const CommandResult result =
      run_command(phuluc_binary() + " merge --force " + quoted(set.files[0]) + " " + quoted(kSamples / "muong_kim_2026.xlsx") + " " +
                  quoted(kSamples / "lung_phinh_2025_von_su_nghiep.xlsx") + " -o " + quoted(dir / "out.xlsx"));
  CHECK(result.exit_code == 1);
  CHECK(result.out.find("muong_kim_2026.xlsx (Xã Mường Kim): tổng hợp dù có lỗi. Vẫn tổng hợp dù có 6 lỗi (--force)") !=
        std::string::npos);
  CHECK(result.out.find("lung_phinh_2025_von_su_nghiep.xlsx (Xã Lùng Phình): không tổng hợp. Khác cột với mẫu: cột C là "
                        "'Kế hoạch vốn năm 2025 › Tổng số'") != std::string::npos);
}

TEST_CASE("the progress bar shows on a terminal and not when stderr is redirected", "[tools][merge][progress]") {
  const CommuneSet& set = commune_set_38();
  const fs::path dir = make_temp_dir("phuluc-merge-tty");
  const std::string command = phuluc_binary() + " merge" + files_of(set) + " -o " + quoted(dir / "out.xlsx");
  const CommandResult redirected = run_command(command);
  CHECK(redirected.err.find("Đọc và kiểm tra") == std::string::npos);
  // `script` gives the command a terminal; what it prints comes back in the typescript.
  const CommandResult terminal = run_command("script -qec \"" + command + " > /dev/null\" /dev/null");
  CHECK(terminal.out.find("Đọc và kiểm tra 38/38") != std::string::npos);
}

TEST_CASE("Ctrl-C during a long merge leaves no output and no temporary file", "[tools][merge][interrupt]") {
  const CommuneSet& set = commune_set_38();
  const fs::path inputs = make_temp_dir("phuluc-merge-many");
  // 1,520 inputs (hard links of the 38): long enough to be interrupted while reading.
  for (int copy = 0; copy < 40; ++copy)
    for (const auto& file : set.files)
      fs::create_hard_link(file, inputs / (std::to_string(copy) + "_" + file.filename().string()));
  const fs::path out_dir = make_temp_dir("phuluc-merge-interrupted");
  const fs::path output = out_dir / "tong_hop.xlsx";

  const pid_t child = fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    const int null = open("/dev/null", O_WRONLY);
    dup2(null, STDOUT_FILENO);
    dup2(null, STDERR_FILENO);
    execl(PHULUC_BINARY, PHULUC_BINARY, "merge", inputs.c_str(), "-o", output.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(1500));
  int status = 0;
  REQUIRE(waitpid(child, &status, WNOHANG) == 0);  // still running: the interruption comes mid-way
  kill(child, SIGINT);
  REQUIRE(waitpid(child, &status, 0) == child);
  REQUIRE(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 130);
  CHECK_FALSE(fs::exists(output));
  CHECK(temp_leftovers(out_dir).empty());
}
