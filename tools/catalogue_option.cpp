#include "tools/catalogue_option.hpp"

#include <filesystem>
#include <ostream>

namespace phuluc::tools {

std::optional<Catalogue> load_catalogue_option(const std::vector<std::string>& user_files, Console& console,
                                               const char* command, Lang lang) {
  try {
    const std::vector<std::filesystem::path> files(user_files.begin(), user_files.end());
    return load_catalogue(data_directory(PHULUC_DATA_DIR), files);
  } catch (const CatalogueError& error) {
    console.err << "phuluc " << command << ": " << pick(lang, "danh mục không dùng được: ", "unusable catalogue: ")
                << error.file();
    if (error.line() > 0) console.err << pick(lang, ", dòng ", ", line ") << error.line();
    console.err << ": " << error.reason() << '\n';
    return std::nullopt;
  }
}

}  // namespace phuluc::tools
