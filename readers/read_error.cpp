#include "readers/read_error.hpp"

namespace phuluc {

const char* read_error_id(ReadErrorCode code) {
  switch (code) {
    case ReadErrorCode::io_error: return "io-error";
    case ReadErrorCode::empty_file: return "empty-file";
    case ReadErrorCode::not_a_spreadsheet: return "not-a-spreadsheet";
    case ReadErrorCode::truncated: return "truncated";
    case ReadErrorCode::encrypted: return "encrypted";
    case ReadErrorCode::zip_bomb: return "zip-bomb";
    case ReadErrorCode::too_large: return "too-large";
    case ReadErrorCode::malformed_xml: return "malformed-xml";
    case ReadErrorCode::missing_part: return "missing-part";
    case ReadErrorCode::unsupported: return "unsupported";
  }
  return "unknown";
}

}  // namespace phuluc
