// The same input and options give byte-identical output: fix, merge, template and convert each run
// twice into two folders, and the two files are compared byte for byte (the writer fixes the
// creation time and the zip timestamps, so nothing may differ, not even in another folder later).
#include <catch2/catch.hpp>

#include <chrono>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "support/process_support.hpp"

namespace phuluc {
namespace {

namespace fs = std::filesystem;

const fs::path kAppendices = fs::path(PHULUC_SOURCE_DIR) / "samples" / "appendices";

std::string sample(const std::string& name) { return (kAppendices / name).string(); }

/// Runs phuluc twice with `args` ("OUT" stands for the output), into two folders and more than two
/// seconds apart (a zip timestamp has a resolution of two seconds), and returns both outputs' bytes.
std::pair<std::string, std::string> run_twice(const std::vector<std::string>& args) {
  std::string outputs[2];
  for (std::string& bytes : outputs) {
    if (&bytes == &outputs[1]) std::this_thread::sleep_for(std::chrono::milliseconds(2100));
    test::TempDir dir("phuluc_same");
    std::vector<std::string> expanded = args;
    for (auto& arg : expanded)
      if (arg == "OUT") arg = (dir / "out.xlsx").string();
    const auto run = test::run_program(PHULUC_BINARY, expanded);
    INFO(run.out << run.err);
    REQUIRE(run.exit_code <= 1);
    bytes = test::read_file(dir / "out.xlsx");
    REQUIRE_FALSE(bytes.empty());
  }
  return {outputs[0], outputs[1]};
}

}  // namespace

TEST_CASE("fix, merge, template and convert write byte-identical files for the same input", "[robustness][determinism]") {
  std::vector<std::string> args;
  SECTION("fix") { args = {"fix", sample("muong_kim_2026.xlsx"), "-o", "OUT"}; }
  SECTION("fix --formulas of the .xls") { args = {"fix", "--formulas", sample("muong_kim_2026.xls"), "-o", "OUT"}; }
  SECTION("merge") {
    args = {"merge", "--force", sample("muong_kim_2026.xlsx"), sample("muong_kim_2026_corrected.xlsx"), "-o", "OUT"};
  }
  SECTION("template") { args = {"template", "von-su-nghiep", "--commune", "Mường Kim", "--year", "2026", "-o", "OUT"}; }
  SECTION("convert") { args = {"convert", sample("lung_phinh_2025_dau_tu.csv"), "--template", "von-dau-tu", "-o", "OUT"}; }
  const auto [first, second] = run_twice(args);
  CHECK(first.size() == second.size());
  CHECK((first == second));  // double parentheses: no binary dump on failure
}

}  // namespace phuluc
