#pragma once
// The one exception a writer throws when an output cannot be written.
#include <filesystem>
#include <stdexcept>
#include <string>

namespace phuluc {

/// Why an output could not be written. Stable: tools map each to a translated message and exit code 2.
enum class WriteErrorCode {
  directory_missing,  ///< the folder the output should go to does not exist
  not_writable,       ///< no permission to create a file there (or a read-only file system)
  is_directory,       ///< the output path names an existing folder
  same_as_input,      ///< the output would overwrite one of the inputs (inputs are never modified)
  io_error,           ///< creating, writing, syncing or renaming the file failed (disk full, ...)
  invalid_workbook,   ///< the workbook holds something the format cannot store (e.g. over 65,535 formats)
};

/// Stable identifier for a code, used in JSON output ("same-as-input").
const char* write_error_id(WriteErrorCode code);

/// Thrown by writers and AtomicFile. what() is an English technical detail for logs; people see the
/// translated message for code() plus path().
///   try { write_xlsx(workbook, "out.xlsx"); }
///   catch (const WriteError& error) { console.err << write_error_id(error.code()) << error.path(); }
class WriteError : public std::runtime_error {
 public:
  WriteError(WriteErrorCode code, std::filesystem::path path, std::string detail)
      : std::runtime_error(detail + ": " + path.string()), code_(code), path_(std::move(path)),
        detail_(std::move(detail)) {}
  WriteErrorCode code() const { return code_; }
  /// The output (or folder) the error is about.
  const std::filesystem::path& path() const { return path_; }
  const std::string& detail() const { return detail_; }

 private:
  WriteErrorCode code_;
  std::filesystem::path path_;
  std::string detail_;
};

}  // namespace phuluc
