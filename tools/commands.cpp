#include "tools/command.hpp"

namespace phuluc::tools {

int run_check(const std::vector<std::string>& args, Console& console);

const std::vector<CommandInfo>& commands() {
  static const std::vector<CommandInfo> table = {
      {"check", run_check, "kiểm tra số học của các phụ lục (tổng, tỷ lệ, Tổng số = NSTW + NSĐP)",
       "check the arithmetic of appendices (sums, rates, total = NSTW + NSĐP)"},
  };
  return table;
}

}  // namespace phuluc::tools
