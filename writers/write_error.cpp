#include "writers/write_error.hpp"

namespace phuluc {

const char* write_error_id(WriteErrorCode code) {
  switch (code) {
    case WriteErrorCode::directory_missing: return "directory-missing";
    case WriteErrorCode::not_writable: return "not-writable";
    case WriteErrorCode::is_directory: return "is-directory";
    case WriteErrorCode::same_as_input: return "same-as-input";
    case WriteErrorCode::io_error: return "io-error";
    case WriteErrorCode::invalid_workbook: return "invalid-workbook";
  }
  return "unknown";
}

}  // namespace phuluc
