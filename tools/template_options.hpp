#pragma once
// What `phuluc template` and `phuluc convert` share: the options that fill a template's texts
// (issuing body, commune, report number and date, period, unit, programs, signer), loading the
// built-in templates.
#include <boost/program_options.hpp>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "mappings/catalogue.hpp"
#include "templates/official_workbook.hpp"
#include "templates/template_definition.hpp"
#include "templates/template_texts.hpp"
#include "tools/command.hpp"

namespace phuluc::tools {

/// Adds --body, --commune, --report-number, --date, --year, --period, --disbursed-to, --unit,
/// --programs, --appendix, --title, --signer.
void add_text_options(boost::program_options::options_description& options);

/// The texts the options give. Throws UsageError (translated) for a malformed --date or --year,
/// or an unknown --unit.
TemplateTexts texts_from_options(const boost::program_options::variables_map& vm, Lang lang, const char* command);

/// Whether the user gave --unit (convert keeps the input's unit otherwise).
bool unit_given(const boost::program_options::variables_map& vm);

/// The --programs keys ("dtts,gnbv"), empty when not given. Throws UsageError naming a key that is
/// not a program of the catalogue.
std::vector<std::string> programs_option(const boost::program_options::variables_map& vm, const Catalogue& catalogue,
                                         Lang lang, const char* command);

/// The built-in templates (PHULUC_DATA_DIR/templates); on a malformed file prints
/// "phuluc COMMAND: unusable template: FILE:LINE: reason" and returns nothing (exit 2).
std::optional<std::vector<TemplateDefinition>> load_templates_option(Console& console, const char* command);

/// The template called `name`, or prints "unknown template NAME; the templates are: ..." and returns nullptr.
const TemplateDefinition* template_named(const std::vector<TemplateDefinition>& templates, const std::string& name,
                                         Console& console, const char* command);

/// Parses the options `phuluc template` and `phuluc convert` share (-h, --lang, -o, --catalogue and
/// the text options) plus the command's own `extra` ones; sets console.lang. Returns nothing when
/// --help was asked for (and printed). Throws UsageError as parse_command_line does.
std::optional<boost::program_options::variables_map> parse_template_command(
    const std::vector<std::string>& args, boost::program_options::options_description extra, const char* command,
    const char* help_vi, const char* help_en, Console& console);

}  // namespace phuluc::tools
