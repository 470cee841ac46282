#pragma once
// What every subcommand gets and returns; main() alone turns failures into exit codes.
#include <iosfwd>
#include <string>
#include <vector>

#include "report/lang.hpp"

namespace phuluc::tools {

/// Exit codes shared by every command.
enum ExitCode : int {
  kExitOk = 0,        ///< done, no error found
  kExitFindings = 1,  ///< done, errors found in the data
  kExitFailure = 2,   ///< unreadable input, bad usage, or the work could not be done
};

/// Streams and language for one run. Library code never prints; commands print through this.
struct Console {
  std::ostream& out;
  std::ostream& err;
  Lang lang = Lang::vi;
  bool out_is_tty = false;
  bool err_is_tty = false;
};

/// Thrown for bad usage (unknown option, missing file argument); main prints it and exits 2.
struct UsageError {
  std::string message;  ///< already in the console's language
};

using CommandFn = int (*)(const std::vector<std::string>& args, Console& console);

struct CommandInfo {
  const char* name;
  CommandFn run;
  const char* summary_vi;
  const char* summary_en;
};

/// The table of commands (tools/commands.cpp): one line per command.
const std::vector<CommandInfo>& commands();

}  // namespace phuluc::tools
