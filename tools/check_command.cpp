// Placeholder until the check command lands (issue 2): always fails with usage text.
#include "tools/command.hpp"

namespace phuluc::tools {
int run_check(const std::vector<std::string>&, Console& console) {
  throw UsageError{pick(console.lang, "chưa có", "not yet available")};
}
}  // namespace phuluc::tools
