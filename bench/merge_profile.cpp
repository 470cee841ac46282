// Where the time of `phuluc merge` goes, per input: reading, finding the table, checking it, mapping
// its rows to the catalogue (single-threaded, so the numbers add up); with --merge OUT.xlsx, the
// whole merge (2 threads) split into judging the inputs and writing the output.
//   cmake --build build --target bench_merge_profile && build/bench_merge_profile /tmp/communes/xa_*.xlsx
//   build/bench_merge_profile --merge /tmp/out.xlsx /tmp/communes/xa_*.xlsx
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "consolidation/merge_run.hpp"
#include "mappings/catalogue.hpp"
#include "mappings/row_matcher.hpp"
#include "mappings/table_mapping.hpp"
#include "readers/workbook_reader.hpp"
#include "rules/rule_set.hpp"
#include "table/table_finder.hpp"

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

}  // namespace

int main(int argc, char** argv) {
  using namespace phuluc;
  const auto catalogue = load_catalogue(data_directory(PHULUC_DATA_DIR));
  const RowMatcher matcher(catalogue);
  if (argc > 2 && std::string(argv[1]) == "--merge") {
    MergeOptions options;
    options.output = argv[2];
    for (int i = 3; i < argc; ++i) options.inputs.push_back(argv[i]);
    const auto start = Clock::now();
    double judged = 0;
    options.progress = [&](const MergeProgress& progress) {
      if (progress.phase == MergeProgress::Phase::writing) judged = seconds_since(start);
    };
    const MergeResult result = run_merge(options, catalogue, matcher);
    const double total = seconds_since(start);
    std::printf("%zu inputs, %zu merged, %zu rows\n", result.inputs.size(), result.merged(),
                result.table ? result.table->rows.size() : 0);
    std::printf("judge inputs %7.3f s\nwrite output %7.3f s\ntotal        %7.3f s\n", judged, total - judged, total);
    return 0;
  }
  double read = 0, find = 0, check = 0, map = 0;
  std::size_t rows = 0;
  for (int i = 1; i < argc; ++i) {
    auto start = Clock::now();
    const Workbook workbook = read_workbook(argv[i]);
    read += seconds_since(start);
    start = Clock::now();
    const TableScan scan = find_tables(workbook);
    find += seconds_since(start);
    for (const Table& table : scan.tables) {
      start = Clock::now();
      const auto findings = check_table(table);
      check += seconds_since(start);
      start = Clock::now();
      const TableMapping mapping = map_table(table, matcher);
      map += seconds_since(start);
      rows += mapping.rows.size();
    }
  }
  const double files = argc > 1 ? argc - 1 : 1;
  std::printf("%d files, %zu rows\n", argc - 1, rows);
  std::printf("read  %7.3f s  %6.3f ms/file\n", read, read * 1000 / files);
  std::printf("find  %7.3f s  %6.3f ms/file\n", find, find * 1000 / files);
  std::printf("check %7.3f s  %6.3f ms/file\n", check, check * 1000 / files);
  std::printf("map   %7.3f s  %6.3f ms/file\n", map, map * 1000 / files);
  return 0;
}
