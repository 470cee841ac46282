#pragma once
// The catalogue a command works with: the built-in one (PHULUC_DATA_DIR) extended by the user's
// --catalogue files, loaded once per run, with a translated message when it cannot be used.
#include <optional>
#include <string>
#include <vector>

#include "mappings/catalogue.hpp"
#include "tools/command.hpp"

namespace phuluc::tools {

/// Loads the catalogue; on a malformed or missing file prints "phuluc COMMAND: unusable catalogue:
/// FILE, line N: reason" to console.err and returns nothing (the command then exits 2).
///   const auto catalogue = load_catalogue_option(options.catalogues, console, "map", lang);
///   if (!catalogue) return kExitFailure;
std::optional<Catalogue> load_catalogue_option(const std::vector<std::string>& user_files, Console& console,
                                               const char* command, Lang lang);

}  // namespace phuluc::tools
