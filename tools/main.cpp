// phuluc: the command-line entry point. Dispatches to one command and maps failures to exit codes.
#include <unistd.h>

#include <algorithm>
#include <csignal>
#include <iomanip>
#include <exception>
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

#include "tools/command.hpp"

namespace {

using namespace phuluc;
using namespace phuluc::tools;

// --lang may come anywhere; read it before the command parses, so even usage errors are translated.
Lang lang_from_args(const std::vector<std::string>& args) {
  for (std::size_t i = 0; i < args.size(); ++i) {
    std::string value;
    if (args[i] == "--lang" && i + 1 < args.size()) value = args[i + 1];
    else if (args[i].rfind("--lang=", 0) == 0) value = args[i].substr(7);
    else continue;
    if (const auto lang = parse_lang(value)) return *lang;
  }
  return Lang::vi;
}

void print_overview(Console& console) {
  console.out << pick(console.lang, "Cách dùng: phuluc LỆNH [TÙY CHỌN] TỆP...\n\nCác lệnh:\n",
                      "Usage: phuluc COMMAND [OPTIONS] FILE...\n\nCommands:\n");
  std::size_t width = 0;
  for (const auto& command : commands()) width = std::max(width, std::string_view(command.name).size());
  for (const auto& command : commands())
    console.out << "  " << std::left << std::setw(static_cast<int>(width)) << command.name << "  "
                << pick(console.lang, command.summary_vi, command.summary_en) << '\n';
  console.out << pick(console.lang, "\n'phuluc LỆNH --help' cho biết chi tiết một lệnh. Thêm --lang en để xem tiếng Anh.\n",
                      "\n'phuluc COMMAND --help' describes one command. Add --lang vi for Vietnamese.\n");
}

}  // namespace

int main(int argc, char** argv) {
  std::signal(SIGPIPE, SIG_IGN);  // a closed pipe (phuluc check | head) is not a crash
  std::vector<std::string> args(argv + 1, argv + argc);
  Console console{std::cout, std::cerr, lang_from_args(args), isatty(STDOUT_FILENO) == 1, isatty(STDERR_FILENO) == 1};
  // "phuluc --lang en check ...": the language is already taken; the command comes next.
  if (args.size() >= 2 && args[0] == "--lang") args.erase(args.begin(), args.begin() + 2);
  if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
    print_overview(console);
    return args.empty() ? kExitFailure : kExitOk;
  }
  if (args[0] == "--version") {
    console.out << "phuluc " << PHULUC_VERSION << '\n';
    return kExitOk;
  }
  for (const auto& command : commands()) {
    if (args[0] != command.name) continue;
    try {
      return command.run(std::vector<std::string>(args.begin() + 1, args.end()), console);
    } catch (const UsageError& usage) {
      console.err << "phuluc " << command.name << ": " << usage.message << '\n';
      return kExitFailure;
    } catch (const std::bad_alloc&) {
      console.err << "phuluc: " << pick(console.lang, "không đủ bộ nhớ để hoàn thành.", "out of memory.") << '\n';
      return kExitFailure;
    } catch (const std::exception& failure) {
      console.err << "phuluc: " << pick(console.lang, "lỗi không xử lý được: ", "unexpected failure: ") << failure.what() << '\n';
      return kExitFailure;
    }
  }
  console.err << "phuluc: " << pick(console.lang, "không có lệnh '", "no command '") << args[0] << "'\n";
  print_overview(console);
  return kExitFailure;
}
