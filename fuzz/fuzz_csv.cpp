// libFuzzer target: the CSV reader on any text (it must refuse what is not strict UTF-8 itself).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz/fuzz_limits.hpp"
#include "readers/csv/csv_reader.hpp"
#include "readers/read_error.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  try {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    (void)phuluc::read_csv(text, "CSV", phuluc::fuzz::fuzz_limits());
  } catch (const phuluc::ReadError&) {
  }
  return 0;
}
