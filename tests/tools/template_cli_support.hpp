#pragma once
// What the `phuluc template` and `phuluc convert` CLI tests share: running phuluc and the Debian
// python (openpyxl, json: independent readers of what we wrote), and LibreOffice headless in a
// profile of its own so concurrent runs do not collide.
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "support/process_support.hpp"

namespace phuluc::template_test {

namespace fs = std::filesystem;
using test::RunResult;
using test::TempDir;

inline const fs::path kSamples = fs::path(PHULUC_SOURCE_DIR) / "samples" / "appendices";

/// Runs the built `phuluc ARGS...`.
inline RunResult run_phuluc(const std::vector<std::string>& args) { return test::run_program(PHULUC_BINARY, args); }

/// Runs a python script (its text) with arguments; the script prints what the test compares.
inline RunResult python(const TempDir& dir, const std::string& script, std::vector<std::string> args = {}) {
  const fs::path file = dir / "script.py";
  std::ofstream(file, std::ios::binary) << script;
  args.insert(args.begin(), file.string());
  return test::run_program("/usr/bin/python3", args);
}

/// Converts files to `format` ("pdf", "xlsx") into `out_dir` with LibreOffice headless, one run for all.
inline RunResult soffice_convert(const TempDir& dir, const std::vector<fs::path>& files, const std::string& format,
                                 const fs::path& out_dir) {
  std::vector<std::string> args = {"-env:UserInstallation=file://" + (dir / "lo_profile").string(), "--headless",
                                   "--convert-to", format, "--outdir", out_dir.string()};
  for (const auto& file : files) args.push_back(file.string());
  return test::run_program("soffice", args);
}

}  // namespace phuluc::template_test
