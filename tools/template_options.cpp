#include "tools/template_options.hpp"

#include <charconv>
#include <ostream>

#include "mappings/text_normalize.hpp"
#include "tools/command_line.hpp"

namespace phuluc::tools {
namespace po = boost::program_options;

namespace {

std::string text_option(const po::variables_map& vm, const char* name) {
  return vm.count(name) ? to_nfc(vm[name].as<std::string>()) : std::string();
}

[[noreturn]] void bad_value(Lang lang, const char* command, const std::string& vi, const std::string& en) {
  throw UsageError{(lang == Lang::vi ? vi : en) + see_help(command, lang)};
}

}  // namespace

void add_text_options(po::options_description& options) {
  options.add_options()("body", po::value<std::string>())("commune", po::value<std::string>())(
      "report-number", po::value<std::string>())("date", po::value<std::string>())("year", po::value<std::string>())(
      "period", po::value<std::string>())("disbursed-to", po::value<std::string>())("unit", po::value<std::string>())(
      "programs", po::value<std::string>())("appendix", po::value<std::string>())("title", po::value<std::string>())(
      "signer", po::value<std::string>());
}

bool unit_given(const po::variables_map& vm) { return vm.count("unit") > 0; }

TemplateTexts texts_from_options(const po::variables_map& vm, Lang lang, const char* command) {
  TemplateTexts texts;
  texts.body = text_option(vm, "body");
  texts.commune = text_option(vm, "commune");
  texts.report_number = text_option(vm, "report-number");
  texts.period = text_option(vm, "period");
  texts.disbursed_to = text_option(vm, "disbursed-to");
  texts.appendix = text_option(vm, "appendix");
  texts.title = text_option(vm, "title");
  texts.signer = text_option(vm, "signer");
  if (vm.count("date")) {
    const std::string date = vm["date"].as<std::string>();
    texts.date = parse_report_date(date);
    if (!texts.date)
      bad_value(lang, command, "--date \"" + date + "\" không phải một ngày (viết 19/6/2026)",
                "--date \"" + date + "\" is not a date (write 19/6/2026)");
  }
  if (vm.count("year")) {
    const std::string year = vm["year"].as<std::string>();
    int value = 0;
    const auto [end, error] = std::from_chars(year.data(), year.data() + year.size(), value);
    if (error != std::errc() || end != year.data() + year.size() || value < 1900 || value > 2200)
      bad_value(lang, command, "--year \"" + year + "\" không phải một năm", "--year \"" + year + "\" is not a year");
    texts.year = value;
  }
  if (vm.count("unit")) {
    const std::string unit = vm["unit"].as<std::string>();
    const auto parsed = parse_unit_name(unit);
    if (!parsed)
      bad_value(lang, command, "--unit \"" + unit + "\" không phải đơn vị đã biết (dong, nghin-dong, trieu-dong, ty-dong)",
                "--unit \"" + unit + "\" is no known unit (dong, nghin-dong, trieu-dong, ty-dong)");
    texts.unit = *parsed;
  }
  return texts;
}

std::vector<std::string> programs_option(const po::variables_map& vm, const Catalogue& catalogue, Lang lang,
                                         const char* command) {
  std::vector<std::string> keys;
  if (!vm.count("programs")) return keys;
  std::string list = vm["programs"].as<std::string>();
  std::size_t start = 0;
  while (start <= list.size()) {
    auto end = list.find(',', start);
    if (end == std::string::npos) end = list.size();
    std::string key = list.substr(start, end - start);
    key.erase(0, key.find_first_not_of(' '));
    key.erase(key.find_last_not_of(' ') + 1);
    start = end + 1;
    if (key.empty()) continue;
    const CatalogueEntry* entry = catalogue.find(key);
    if (!entry || entry->level != EntryLevel::program)
      bad_value(lang, command, "--programs: \"" + key + "\" không phải mã chương trình trong danh mục (ví dụ dtts, gnbv, ntm)",
                "--programs: \"" + key + "\" is no program key of the catalogue (e.g. dtts, gnbv, ntm)");
    keys.push_back(key);
  }
  return keys;
}

std::optional<std::vector<TemplateDefinition>> load_templates_option(Console& console, const char* command) {
  try {
    return load_templates(data_directory(PHULUC_DATA_DIR));
  } catch (const TemplateError& error) {
    console.err << "phuluc " << command << ": " << pick(console.lang, "mẫu không dùng được: ", "unusable template: ")
                << error.what() << '\n';
    return std::nullopt;
  }
}

const TemplateDefinition* template_named(const std::vector<TemplateDefinition>& templates, const std::string& name,
                                         Console& console, const char* command) {
  if (const TemplateDefinition* found = find_template(templates, name)) return found;
  std::string names;
  for (const auto& definition : templates) names += (names.empty() ? "" : ", ") + definition.name;
  console.err << "phuluc " << command << ": "
              << pick(console.lang, "không có mẫu tên \"", "there is no template called \"") << name << "\"; "
              << pick(console.lang, "các mẫu có: ", "the templates are: ") << names << '\n';
  return nullptr;
}

std::optional<po::variables_map> parse_template_command(const std::vector<std::string>& args,
                                                         po::options_description extra, const char* command,
                                                         const char* help_vi, const char* help_en, Console& console) {
  extra.add_options()("help,h", po::bool_switch())("lang", po::value<std::string>())("output,o", po::value<std::string>())(
      "catalogue", po::value<std::vector<std::string>>());
  add_text_options(extra);
  auto vm = parse_command_line(args, extra, command, console.lang);
  console.lang = lang_option(vm, console.lang, command);
  if (!vm["help"].as<bool>()) return vm;
  console.out << pick(console.lang, help_vi, help_en);
  return std::nullopt;
}

}  // namespace phuluc::tools
