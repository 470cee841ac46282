// libFuzzer target: the XLSX reader on bytes in memory. A ReadError is an expected outcome;
// anything else (a crash, a sanitizer report, another exception) is a bug.
#include <cstddef>
#include <cstdint>
#include <span>

#include "fuzz/fuzz_limits.hpp"
#include "readers/read_error.hpp"
#include "readers/xlsx/xlsx_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  try {
    (void)phuluc::read_xlsx(std::as_bytes(std::span(data, size)), phuluc::fuzz::fuzz_limits());
  } catch (const phuluc::ReadError&) {
  }
  return 0;
}
