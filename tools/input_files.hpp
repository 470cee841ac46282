#pragma once
// The FILE|FOLDER arguments every command takes: a file stands for itself, a folder for the
// spreadsheets directly in it, in name order (office lock files and our own temporaries skipped).
#include <filesystem>
#include <string>
#include <vector>

#include "tools/command.hpp"

namespace phuluc::tools {

/// One argument, or one spreadsheet of a folder argument.
struct InputEntry {
  enum class Kind {
    file,               ///< a path to read (it may not exist: the reader says so)
    empty_folder,       ///< a folder without any .xlsx, .xlsm, .xls or .csv
    unlistable_folder,  ///< a folder that could not be listed; `detail` says why
  };
  std::string path;
  Kind kind = Kind::file;
  std::string detail;
};

/// .xlsx, .xlsm, .xls or .csv (any case), and not "~$x.xlsx", ".~lock.x#" nor ".phuluc-*" (ours).
bool is_spreadsheet_name(const std::filesystem::path& path);

/// The arguments in order, folders expanded. `skip` (e.g. the output of merge, which may sit in a
/// folder from an earlier run) is left out wherever it turns up in a folder.
///   for (const auto& input : expand_inputs(options.inputs)) if (input.kind == InputEntry::Kind::file) ...
std::vector<InputEntry> expand_inputs(const std::vector<std::string>& arguments,
                                      const std::filesystem::path& skip = {});

/// The files of expand_inputs, for commands that go on past a bad folder: each folder without
/// spreadsheets, or that cannot be listed, is named on console.err ("phuluc COMMAND: FOLDER: ...").
std::vector<std::string> files_to_read(const std::vector<std::string>& arguments, Console& console,
                                       const char* command, Lang lang, const std::filesystem::path& skip = {});

}  // namespace phuluc::tools
