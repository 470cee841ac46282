// libFuzzer target: the XLS (BIFF8) reader on bytes in memory (FreeXL through a memfd, then our scan).
#include <cstddef>
#include <cstdint>
#include <span>

#include "fuzz/fuzz_limits.hpp"
#include "readers/read_error.hpp"
#include "readers/xls/xls_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  try {
    (void)phuluc::read_xls_bytes(std::as_bytes(std::span(data, size)), phuluc::fuzz::fuzz_limits());
  } catch (const phuluc::ReadError&) {
  }
  return 0;
}
