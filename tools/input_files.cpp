#include "tools/input_files.hpp"

#include <algorithm>
#include <cctype>
#include <ostream>
#include <system_error>

namespace phuluc::tools {

namespace fs = std::filesystem;

bool is_spreadsheet_name(const fs::path& path) {
  const std::string name = path.filename().string();
  // Office and LibreOffice lock files, and the temporaries of our atomic writes.
  if (name.rfind("~$", 0) == 0 || name.rfind(".~lock", 0) == 0 || name.rfind(".phuluc-", 0) == 0) return false;
  std::string extension = path.extension().string();
  std::transform(extension.begin(), extension.end(), extension.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return extension == ".xlsx" || extension == ".xlsm" || extension == ".xls" || extension == ".csv";
}

namespace {

void add_folder(const std::string& folder, const fs::path& skip, std::vector<InputEntry>& entries) {
  std::error_code error;
  std::vector<std::string> found;
  for (fs::directory_iterator it(folder, error), end; !error && it != end; it.increment(error)) {
    std::error_code ignored;
    if (!it->is_regular_file(ignored) || !is_spreadsheet_name(it->path())) continue;
    if (!skip.empty() && fs::weakly_canonical(it->path(), ignored) == skip) continue;
    found.push_back(it->path().string());
  }
  if (error) {
    entries.push_back({folder, InputEntry::Kind::unlistable_folder, error.message()});
    return;
  }
  if (found.empty()) {
    entries.push_back({folder, InputEntry::Kind::empty_folder, {}});
    return;
  }
  std::sort(found.begin(), found.end());
  for (auto& path : found) entries.push_back({std::move(path), InputEntry::Kind::file, {}});
}

}  // namespace

std::vector<InputEntry> expand_inputs(const std::vector<std::string>& arguments, const fs::path& skip) {
  std::error_code ignored;
  const fs::path skipped = skip.empty() ? fs::path{} : fs::weakly_canonical(skip, ignored);
  std::vector<InputEntry> entries;
  for (const auto& argument : arguments) {
    std::error_code error;
    if (fs::is_directory(argument, error))
      add_folder(argument, skipped, entries);
    else
      entries.push_back({argument, InputEntry::Kind::file, {}});
  }
  return entries;
}

std::vector<std::string> files_to_read(const std::vector<std::string>& arguments, Console& console,
                                       const char* command, Lang lang, const fs::path& skip) {
  std::vector<std::string> files;
  for (auto& entry : expand_inputs(arguments, skip)) {
    if (entry.kind == InputEntry::Kind::file) {
      files.push_back(std::move(entry.path));
      continue;
    }
    console.err << "phuluc " << command << ": " << entry.path;
    if (entry.kind == InputEntry::Kind::empty_folder)
      console.err << pick(lang, ": thư mục không có tệp .xlsx, .xlsm, .xls, .csv nào\n",
                          ": no .xlsx, .xlsm, .xls or .csv file in the folder\n");
    else
      console.err << pick(lang, ": không đọc được thư mục (", ": the folder cannot be listed (") << entry.detail << ")\n";
  }
  return files;
}

}  // namespace phuluc::tools
