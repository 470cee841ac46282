// Memory stays bounded on hostile files: `phuluc check` on the shared-string and XML bombs of the
// corpus (poi/poc-*) refuses each, and its peak resident memory (getrusage of the child) stays
// under a fixed bound.
#include <catch2/catch.hpp>

#include <filesystem>

#include "robustness/child_process.hpp"

namespace phuluc {
namespace {

namespace fs = std::filesystem;

// The largest bomb (poc-shared-strings.xlsx) peaks at about 270 MB in a release build: the cap on
// text kept (ReadLimits::max_string_bytes, 256 MiB) is hit first. Under ASan every allocation
// carries red zones and freed memory sits in quarantine, about 1.5 times as much (420 MB measured).
#if defined(__SANITIZE_ADDRESS__)
constexpr long kMaxPeakMiB = 640;
#else
constexpr long kMaxPeakMiB = 300;
#endif

}  // namespace

TEST_CASE("check refuses each shared-string and XML bomb with bounded memory", "[robustness][memory]") {
  const fs::path poi = fs::path(PHULUC_SHARED_DIR) / "corpus" / "poi";
  std::size_t bombs = 0;
  for (const auto& entry : fs::directory_iterator(poi)) {
    if (entry.path().filename().string().rfind("poc-", 0) != 0) continue;
    ++bombs;
    INFO(entry.path().filename().string());
    test::ChildProcess child(PHULUC_BINARY, {"check", entry.path().string()});
    CHECK(child.wait() == 2);  // refused: too-large or malformed-xml, never read
    INFO("peak " << child.peak_rss_kib() / 1024 << " MiB");
    CHECK(child.peak_rss_kib() / 1024 < kMaxPeakMiB);
  }
  CHECK(bombs == 3);
}

}  // namespace phuluc
