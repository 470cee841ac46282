// libFuzzer target: the table recognizer over whatever workbook the input reads as (XLSX, XLS or
// CSV, chosen from the bytes as the tools do). find_tables must never throw on a read workbook.
#include <cstddef>
#include <cstdint>
#include <span>

#include "fuzz/fuzz_limits.hpp"
#include "readers/read_error.hpp"
#include "readers/workbook_reader.hpp"
#include "table/table_finder.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  phuluc::Workbook workbook;
  try {
    workbook = phuluc::read_workbook_bytes(std::as_bytes(std::span(data, size)), phuluc::fuzz::fuzz_limits(), "fuzz.csv");
  } catch (const phuluc::ReadError&) {
    return 0;
  }
  (void)phuluc::find_tables(workbook);
  return 0;
}
