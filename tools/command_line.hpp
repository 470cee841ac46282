#pragma once
// Option parsing shared by every command: positional inputs, translated usage errors, --lang.
#include <boost/program_options.hpp>
#include <string>
#include <vector>

#include "report/lang.hpp"

namespace phuluc::tools {

/// "; xem 'phuluc check --help'." (or the English), appended to every usage error.
std::string see_help(const char* command, Lang lang);

/// Parses `args` with the command's visible options plus positional "inputs" (a vector of strings).
/// Throws UsageError with a translated message naming the option when the line is wrong.
///   po::options_description visible;
///   visible.add_options()("json", po::bool_switch());
///   const auto vm = parse_command_line(args, visible, "check", lang);
boost::program_options::variables_map parse_command_line(const std::vector<std::string>& args,
                                                         const boost::program_options::options_description& visible,
                                                         const char* command, Lang lang);

/// The --lang value when given (UsageError when it is neither vi nor en), else `fallback`.
Lang lang_option(const boost::program_options::variables_map& vm, Lang fallback, const char* command);

}  // namespace phuluc::tools
