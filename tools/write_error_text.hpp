#pragma once
// The translated words for an output that could not be written (writers/write_error.hpp), naming
// the file. Shared by the commands that write workbooks.
#include <string>

#include "report/lang.hpp"
#include "writers/write_error.hpp"

namespace phuluc::tools {

/// Why the output could not be written, in the language, ending with its path:
///   write_error_text(error, Lang::en)  // "the folder for the output does not exist: out/x.xlsx"
std::string write_error_text(const WriteError& error, Lang lang);

}  // namespace phuluc::tools
