// Inputs are opened read-only and never changed: each command runs on copies of the samples while
// the test holds a read lease on every input (broken by the kernel on any open for writing), and
// afterwards the bytes, the inode, the size and the modification and change times are the same.
#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "robustness/read_lease.hpp"
#include "support/process_support.hpp"

namespace phuluc {
namespace {

namespace fs = std::filesystem;

const fs::path kAppendices = fs::path(PHULUC_SOURCE_DIR) / "samples" / "appendices";

/// What must not change about an input file.
struct FileState {
  std::string bytes;
  ino_t inode = 0;
  timespec modified{};
  timespec changed{};

  static FileState of(const fs::path& path) {
    struct stat info {};
    if (stat(path.c_str(), &info) != 0) throw std::runtime_error("cannot stat " + path.string());
    return {test::read_file(path), info.st_ino, info.st_mtim, info.st_ctim};
  }
  bool operator==(const FileState& other) const {
    return bytes == other.bytes && inode == other.inode && modified.tv_sec == other.modified.tv_sec &&
           modified.tv_nsec == other.modified.tv_nsec && changed.tv_sec == other.changed.tv_sec &&
           changed.tv_nsec == other.changed.tv_nsec;
  }
};

/// Copies the named samples into `dir` (so their times are ours to watch) and returns the copies.
std::vector<fs::path> copy_samples(const test::TempDir& dir, const std::vector<std::string>& names) {
  std::vector<fs::path> copies;
  for (const auto& name : names) {
    copies.push_back(dir / name);
    fs::copy_file(kAppendices / name, copies.back());
  }
  return copies;
}

/// Runs phuluc with `args` (where "{0}", "{1}"... name the inputs) and checks every input is untouched.
void check_inputs_untouched(const std::vector<std::string>& samples, const std::vector<std::string>& args,
                            const std::vector<int>& expected_exit_codes) {
  test::TempDir dir("phuluc_inputs");
  const auto inputs = copy_samples(dir, samples);
  std::vector<FileState> before;
  std::vector<std::unique_ptr<test::ReadLease>> leases;
  for (const auto& input : inputs) {
    before.push_back(FileState::of(input));
    leases.push_back(std::make_unique<test::ReadLease>(input));
  }
  std::vector<std::string> expanded;
  for (const auto& arg : args) {
    if (arg.size() == 3 && arg.front() == '{' && arg.back() == '}')
      expanded.push_back(inputs.at(static_cast<std::size_t>(arg[1] - '0')).string());
    else
      expanded.push_back(arg == "OUT" ? (dir / "out.xlsx").string() : arg);
  }
  const auto run = test::run_program(PHULUC_BINARY, expanded);
  INFO(run.out << run.err);
  CHECK_THAT(expected_exit_codes, Catch::Matchers::VectorContains(run.exit_code));
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    INFO(inputs[i].filename().string());
    CHECK_FALSE(leases[i]->broken());
    CHECK(FileState::of(inputs[i]) == before[i]);
  }
}

}  // namespace

TEST_CASE("check, map, fix, merge and convert open their inputs read-only and leave them as they were",
          "[robustness][inputs]") {
  SECTION("check") {
    check_inputs_untouched({"muong_kim_2026.xlsx", "muong_kim_2026.xls", "lung_phinh_2025_dau_tu.csv"},
                           {"check", "{0}", "{1}", "{2}"}, {1});
  }
  SECTION("map") { check_inputs_untouched({"muong_kim_2026.xlsx"}, {"map", "{0}"}, {0, 1}); }
  SECTION("fix") { check_inputs_untouched({"muong_kim_2026.xlsx"}, {"fix", "{0}", "-o", "OUT"}, {0}); }
  SECTION("fix of a legacy .xls") { check_inputs_untouched({"muong_kim_2026.xls"}, {"fix", "{0}", "-o", "OUT"}, {0}); }
  SECTION("merge") {
    check_inputs_untouched({"muong_kim_2026.xlsx", "muong_kim_2026_corrected.xlsx"},
                           {"merge", "--force", "{0}", "{1}", "-o", "OUT"}, {0, 1});
  }
  SECTION("convert") {
    check_inputs_untouched({"lung_phinh_2025_dau_tu.csv"}, {"convert", "{0}", "--template", "von-dau-tu", "-o", "OUT"},
                           {0, 1});
  }
}

TEST_CASE("a read lease notices a program that opens the file for writing", "[robustness][inputs]") {
  // The proof above is only as good as the lease: here a writer must break it.
  test::TempDir dir("phuluc_lease");
  const fs::path file = dir / "f.xlsx";
  test::write_file(file, "bytes");
  test::ReadLease lease(file);
  const auto run = test::run_program("/bin/sh", {"-c", "exec 3>>\"$0\"", file.string()});
  CHECK(run.exit_code == 0);
  CHECK(lease.broken());
}

}  // namespace phuluc
