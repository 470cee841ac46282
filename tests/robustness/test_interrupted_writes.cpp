// Outputs appear whole or not at all: `phuluc fix` and `phuluc merge` are killed with SIGKILL at
// several moments after their temporary file appears (mid-write), and the folder then holds either
// no output or the complete one, byte for byte the output of an uninterrupted run. SIGKILL leaves
// no chance to clean up, so the temporary file can stay: it must carry the atomic writer's name
// (".phuluc-" and six characters, no spreadsheet extension) and `phuluc check FOLDER` must pass it by.
#include <catch2/catch.hpp>

#include <chrono>
#include <filesystem>
#include <regex>
#include <string>
#include <thread>
#include <vector>

#include "robustness/child_process.hpp"
#include "support/process_support.hpp"

namespace phuluc {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

const fs::path kAppendices = fs::path(PHULUC_SOURCE_DIR) / "samples" / "appendices";

/// Seed 000 with a 5,000 × 40 sheet of numbers added (openpyxl): about a second of writing.
constexpr const char* kMakeBigWorkbook = R"PY(
import sys, random, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb.create_sheet("Số liệu")
rng = random.Random(7)
for r in range(5000):
    ws.append([rng.randint(0, 10**6) / 100 for _ in range(40)])
wb.save(sys.argv[2])
)PY";

fs::path make_big_workbook(const test::TempDir& dir) {
  const fs::path script = dir / "make_big.py";
  test::write_file(script, kMakeBigWorkbook);
  const fs::path big = dir / "lon.xlsx";
  const auto run = test::run_program("/usr/bin/python3", {script.string(), (kAppendices / "muong_kim_2026.xlsx").string(), big.string()});
  if (run.exit_code != 0) throw std::runtime_error("make_big.py failed: " + run.err);
  return big;
}

// The atomic writer's temporary output (writers/atomic_file.cpp) and merge's spliced breakdown sheet
// (consolidation/sheet_splice.cpp): both beside the output, both skipped when a folder is read.
bool is_atomic_temp_name(const std::string& name) {
  static const std::regex pattern(R"(\.phuluc-(sheet-)?[A-Za-z0-9]{6})");
  return std::regex_match(name, pattern);
}

std::vector<std::string> temp_files(const fs::path& folder) {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(folder)) {
    const std::string name = entry.path().filename().string();
    if (name.rfind(".phuluc-", 0) == 0) names.push_back(name);
  }
  return names;
}

/// Waits (up to 60 s) until a temporary file shows in `folder` or the child ends; true if it showed.
bool wait_for_temp_file(const fs::path& folder, const test::ChildProcess& child) {
  const auto deadline = Clock::now() + std::chrono::seconds(60);
  while (Clock::now() < deadline && child.running()) {
    if (!temp_files(folder).empty()) return true;
    std::this_thread::sleep_for(std::chrono::microseconds(500));
  }
  return !temp_files(folder).empty();
}

/// Runs `args` (with "OUT" for the output path) once to the end, then killed at each delay after
/// its temporary file appears; checks the output folder after each kill.
void kill_while_writing(const std::vector<std::string>& args) {
  test::TempDir reference_dir("phuluc_whole");
  const auto with_output = [&](const fs::path& output) {
    std::vector<std::string> expanded = args;
    for (auto& arg : expanded)
      if (arg == "OUT") arg = output.string();
    return expanded;
  };
  const auto whole = test::run_program(PHULUC_BINARY, with_output(reference_dir / "out.xlsx"));
  REQUIRE(whole.exit_code <= 1);
  const std::string reference = test::read_file(reference_dir / "out.xlsx");
  REQUIRE_FALSE(reference.empty());

  std::size_t killed_mid_write = 0;
  for (const int delay_ms : {0, 1, 3, 10, 30, 100, 300, 1000}) {
    INFO("killed " << delay_ms << " ms after the temporary file appeared");
    test::TempDir out_dir("phuluc_killed");
    const fs::path output = out_dir / "out.xlsx";
    test::ChildProcess child(PHULUC_BINARY, with_output(output));
    const bool writing = wait_for_temp_file(out_dir.path(), child);
    std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms));
    const bool was_running = child.running();
    child.send(SIGKILL);
    const int status = child.wait();
    if (writing && was_running && status == 128 + SIGKILL) ++killed_mid_write;

    if (fs::exists(output)) CHECK((test::read_file(output) == reference));  // no binary dump on failure
    for (const auto& entry : fs::directory_iterator(out_dir.path())) {
      const std::string name = entry.path().filename().string();
      if (name != "out.xlsx") CHECK(is_atomic_temp_name(name));
    }
    // What SIGKILL left behind is not taken for an input: check sees only the real workbook.
    const auto leftovers = temp_files(out_dir.path());
    if (!leftovers.empty()) {
      fs::copy_file(kAppendices / "muong_kim_2026.xlsx", out_dir / "xa.xlsx");
      const auto check = test::run_program(PHULUC_BINARY, {"check", "--json", out_dir.path().string()});
      CHECK(check.out.find("xa.xlsx") != std::string::npos);
      CHECK(check.out.find(".phuluc-") == std::string::npos);
    }
  }
  // Most kills must land while the output was being written, or this test proves nothing.
  CHECK(killed_mid_write >= 4);
}

}  // namespace

TEST_CASE("fix killed while writing leaves no partial output", "[robustness][atomic]") {
  test::TempDir dir("phuluc_big");
  const fs::path big = make_big_workbook(dir);
  kill_while_writing({"fix", big.string(), "-o", "OUT"});
}

TEST_CASE("merge killed while writing leaves no partial output", "[robustness][atomic]") {
  test::TempDir dir("phuluc_big");
  const fs::path big = make_big_workbook(dir);
  kill_while_writing({"merge", "--force", big.string(), (kAppendices / "muong_kim_2026_corrected.xlsx").string(), "-o", "OUT"});
}

}  // namespace phuluc
