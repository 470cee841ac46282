#include "tools/command_line.hpp"

#include "tools/command.hpp"

namespace phuluc::tools {

namespace po = boost::program_options;

std::string see_help(const char* command, Lang lang) {
  return pick(lang, "; xem 'phuluc ", "; see 'phuluc ") + std::string(command) + " --help'.";
}

po::variables_map parse_command_line(const std::vector<std::string>& args, const po::options_description& visible,
                                     const char* command, Lang lang) {
  po::options_description all;
  all.add(visible).add_options()("inputs", po::value<std::vector<std::string>>());
  po::positional_options_description positional;
  positional.add("inputs", -1);

  po::variables_map vm;
  try {
    po::store(po::command_line_parser(args).options(all).positional(positional).run(), vm);
    po::notify(vm);
  } catch (const po::unknown_option& error) {
    throw UsageError{pick(lang, "không có tùy chọn '", "no option '") + error.get_option_name() + "'" +
                     see_help(command, lang)};
  } catch (const po::error_with_option_name& error) {
    throw UsageError{pick(lang, "giá trị không hợp lệ hoặc thiếu cho tùy chọn '", "a missing or invalid value for '") +
                     error.get_option_name() + "'" + see_help(command, lang)};
  } catch (const po::error& error) {
    throw UsageError{pick(lang, "sai cách dùng (", "bad usage (") + std::string(error.what()) + ")" +
                     see_help(command, lang)};
  }
  return vm;
}

Lang lang_option(const po::variables_map& vm, Lang fallback, const char* command) {
  if (!vm.count("lang")) return fallback;
  const auto parsed = parse_lang(vm["lang"].as<std::string>());
  if (!parsed)
    throw UsageError{pick(fallback, "--lang chỉ nhận vi hoặc en", "--lang takes vi or en") + see_help(command, fallback)};
  return *parsed;
}

}  // namespace phuluc::tools
