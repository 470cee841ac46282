// Robustness over the shared corpus of real spreadsheets (Excel, LibreOffice, fuzzers): every file
// either reads into a well-formed workbook or fails with a ReadError, each within 10 seconds.
// Run a quick sample with:  test_corpus "[quick]"
#include <catch2/catch.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <map>
#include <mutex>
#include <thread>

#include "readers/read_error.hpp"
#include "readers/workbook_reader.hpp"

namespace phuluc {
namespace {

namespace fs = std::filesystem;

constexpr double kMaxSecondsPerFile = 10.0;
// A file still running after this long is a hang: the watchdog names it and aborts, rather than
// letting ctest wait for its own timeout without saying which file.
constexpr auto kHangAfter = std::chrono::seconds(120);

bool is_spreadsheet_candidate(const fs::path& path) {
  const std::string name = path.filename().string();
  const std::string extension = path.extension().string();
  if (name == "LICENSE" || name == "NOTICE" || name.rfind("README", 0) == 0) return false;
  return extension != ".txt" && extension != ".md";
}

std::vector<fs::path> corpus_files() {
  std::vector<fs::path> files;
  const fs::path root = fs::path(PHULUC_SHARED_DIR) / "corpus";
  for (const auto& entry : fs::recursive_directory_iterator(root))
    if (entry.is_regular_file() && is_spreadsheet_candidate(entry.path())) files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  return files;
}

/// What a reader hands back must hold the model's promises, whatever the file was.
std::string structural_problem(const Workbook& workbook) {
  for (const auto& sheet : workbook.sheets) {
    std::int64_t previous_row = -1;
    for (const auto& row : sheet.rows) {
      if (static_cast<std::int64_t>(row.index) <= previous_row) return sheet.name + ": rows out of order";
      if (row.index >= kMaxRows) return sheet.name + ": row beyond the sheet";
      previous_row = row.index;
      std::int64_t previous_col = -1;
      for (const auto& cell : row.cells) {
        if (static_cast<std::int64_t>(cell.col) <= previous_col) return sheet.name + ": cells out of order in a row";
        if (cell.col >= kMaxCols) return sheet.name + ": column beyond XFD";
        if ((cell.kind == CellKind::number || cell.kind == CellKind::boolean) && !std::isfinite(cell.number))
          return sheet.name + ": a non-finite number";
        previous_col = cell.col;
      }
    }
  }
  return {};
}

/// Aborts the process, naming the file, if one file runs past kHangAfter.
class Watchdog {
 public:
  Watchdog() : thread_([this] { watch(); }) {}
  ~Watchdog() {
    {
      std::lock_guard lock(mutex_);
      stop_ = true;
    }
    wake_.notify_all();
    thread_.join();
  }
  void start(const fs::path& file) {
    std::lock_guard lock(mutex_);
    file_ = file;
    started_ = std::chrono::steady_clock::now();
    busy_ = true;
  }
  void done() {
    std::lock_guard lock(mutex_);
    busy_ = false;
  }

 private:
  void watch() {
    std::unique_lock lock(mutex_);
    while (!stop_) {
      wake_.wait_for(lock, std::chrono::seconds(1));
      if (busy_ && std::chrono::steady_clock::now() - started_ > kHangAfter) {
        std::cerr << "corpus: " << file_ << " is still being read after " << kHangAfter.count() << " s: a hang\n";
        std::abort();
      }
    }
  }
  std::mutex mutex_;
  std::condition_variable wake_;
  fs::path file_;
  std::chrono::steady_clock::time_point started_;
  bool busy_ = false;
  bool stop_ = false;
  std::thread thread_;
};

void read_every_file(const std::vector<fs::path>& files, const char* label) {
  REQUIRE_FALSE(files.empty());
  Watchdog watchdog;
  std::size_t read = 0;
  std::map<std::string, std::size_t> refused;
  double slowest = 0;
  fs::path slowest_file;
  for (const auto& file : files) {
    INFO(file.string());
    watchdog.start(file);
    const auto start = std::chrono::steady_clock::now();
    try {
      const Workbook workbook = read_workbook(file);
      CHECK(structural_problem(workbook) == "");
      ++read;
    } catch (const ReadError& error) {
      ++refused[read_error_id(error.code())];
    } catch (const std::exception& error) {
      FAIL_CHECK("not a ReadError: " << error.what());
    } catch (...) {
      FAIL_CHECK("a non-standard exception");
    }
    watchdog.done();
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    CHECK(seconds <= kMaxSecondsPerFile);
    if (seconds > slowest) {
      slowest = seconds;
      slowest_file = file;
    }
  }
  std::cout << "corpus (" << label << "): " << files.size() << " files, " << read << " read, refused:";
  for (const auto& [code, count] : refused) std::cout << ' ' << code << '=' << count;
  std::cout << "; slowest " << slowest << " s (" << slowest_file.filename().string() << ")\n";
}

}  // namespace

TEST_CASE("every corpus file reads or fails with a ReadError, each within 10 s", "[corpus][full]") {
  read_every_file(corpus_files(), "full");
}

TEST_CASE("a sample of the corpus reads or fails with a ReadError", "[.quick][corpus]") {
  const auto all = corpus_files();
  std::vector<fs::path> sample;
  for (std::size_t i = 0; i < all.size(); i += 25) sample.push_back(all[i]);
  read_every_file(sample, "quick");
}

}  // namespace phuluc
