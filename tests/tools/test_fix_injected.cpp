// Single errors injected by openpyxl into clean workbooks (bench/fix_inject.py, fixed seed): each is
// put back exactly or reported, never corrected wrongly; clean workbooks come out unchanged.
#include <catch2/catch.hpp>
#include <sstream>

#include "corrections/fix_test_support.hpp"

namespace phuluc {
namespace {

namespace fs = std::filesystem;
using fixtest::kSource;
using fixtest::run_program;
using fixtest::TempDir;

struct Outcomes {
  int exact = 0, ambiguous = 0, not_found = 0, missed = 0, wrong = 0;
  int total() const { return exact + ambiguous + not_found + missed + wrong; }
};

// The "total" line of bench/fix_score.py: total<TAB>exact<TAB>ambiguous<TAB>not-found<TAB>missed<TAB>wrong.
Outcomes totals_of(const std::string& score) {
  Outcomes outcomes;
  std::istringstream lines(score);
  std::string line;
  while (std::getline(lines, line)) {
    if (line.rfind("total\t", 0) != 0) continue;
    std::istringstream fields(line.substr(6));
    fields >> outcomes.exact >> outcomes.ambiguous >> outcomes.not_found >> outcomes.missed >> outcomes.wrong;
  }
  return outcomes;
}

TEST_CASE("single injected errors are corrected to the exact value or reported, never wrongly",
          "[tools][fix][inject]") {
  TempDir dir;
  const fs::path injected = dir / "injected";
  const fs::path out = dir / "out";
  fs::create_directory(out);
  // 12 generated communes (3 errors each) and 12 errors in the clean seed 000.
  auto make = run_program(fixtest::kPython, {(kSource / "bench/fix_inject.py").string(), injected.string(),
                                             "--communes", "12", "--per-file", "3", "--seed", "31"});
  INFO(make.err);
  REQUIRE(make.exit_code == 0);
  make = run_program(fixtest::kPython, {(kSource / "bench/fix_inject.py").string(), (dir / "seed").string(), "--clean",
                                        (fixtest::kSamples / "muong_kim_2026_corrected.xlsx").string(), "--per-file",
                                        "12", "--seed", "31"});
  REQUIRE(make.exit_code == 0);

  for (const fs::path& set : {injected, dir / "seed"}) {
    INFO(set.filename().string());
    std::vector<std::string> args{"--json", "--no-mark", "--out-dir", (set / "out").string()};
    fs::create_directory(set / "out");
    std::size_t files = 0;
    for (const auto& entry : fs::directory_iterator(set))
      if (entry.path().filename().string().rfind("inj_", 0) == 0) args.push_back(entry.path().string()), ++files;
    REQUIRE(files >= 12);
    const auto fixed = fixtest::run_fix(args);
    REQUIRE(fixed.exit_code != 2);
    fixtest::write_file(set / "out" / "fix.json", fixed.out);
    const auto score = run_program(fixtest::kPython, {(kSource / "bench/fix_score.py").string(), set.string(),
                                                      (set / "out").string(), "--details"});
    INFO(score.out << score.err);
    const Outcomes outcomes = totals_of(score.out);
    CHECK(outcomes.total() == static_cast<int>(files));
    CHECK(outcomes.wrong == 0);
    CHECK(score.exit_code == 0);
    CHECK(outcomes.exact >= 0.95 * outcomes.total());
  }
}

TEST_CASE("clean generated communes come out with the same values", "[tools][fix][inject]") {
  TempDir dir;
  const fs::path clean = dir / "clean";
  const auto make = run_program(fixtest::kPython,
                                {(kSource / "bench/make_communes.py").string(), "20", clean.string(), "--seed", "5"});
  REQUIRE(make.exit_code == 0);
  // make_communes.py injects an error into about 2% of its files (manifest.csv): keep the clean ones.
  std::istringstream manifest(fixtest::read_file(clean / "manifest.csv"));
  std::string line;
  std::getline(manifest, line);  // header
  while (std::getline(manifest, line)) {
    const std::string name = line.substr(0, line.find(','));
    const std::string code = line.substr(0, line.rfind(',')).substr(line.substr(0, line.rfind(',')).rfind(',') + 1);
    if (!code.empty()) fs::remove(clean / name);
  }
  fs::remove(clean / "manifest.csv");
  fs::create_directory(dir / "out");
  const auto run = fixtest::run_fix({"--json", "--out-dir", (dir / "out").string(), clean.string()});
  CHECK(run.exit_code == 0);
  const auto report = fixtest::parse_fix_json(run.out);
  REQUIRE(report.files.size() >= 18);
  for (const auto& file : report.files) {
    INFO(file.path);
    CHECK(file.corrections.empty());
    CHECK(file.unresolved.empty());
  }
  const auto score = run_program(fixtest::kPython, {(kSource / "bench/fix_score.py").string(), clean.string(),
                                                    (dir / "out").string(), "--clean-check"});
  INFO(score.out << score.err);
  CHECK(score.exit_code == 0);
  CHECK(score.out.find(", changed: 0\n") != std::string::npos);
}

}  // namespace
}  // namespace phuluc
