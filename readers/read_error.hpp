#pragma once
// The one exception a reader throws when a file cannot be read at all.
#include <stdexcept>
#include <string>

namespace phuluc {

/// Why a file could not be read. Stable: tools map each to a translated message and exit code 2.
enum class ReadErrorCode {
  io_error,           ///< cannot open or read the file
  empty_file,         ///< zero bytes
  not_a_spreadsheet,  ///< neither zip/XLSX, OLE2/XLS nor text CSV
  truncated,          ///< a zip or OLE2 container cut short or with a broken directory
  encrypted,          ///< password-protected (OLE2 EncryptedPackage, zip encryption, BIFF FILEPASS)
  zip_bomb,           ///< a part's uncompressed size or compression ratio is over the cap
  too_large,          ///< over a cap on file size, cells or string bytes
  malformed_xml,      ///< a required XML part does not parse
  missing_part,       ///< a required part (workbook.xml, a sheet) is absent
  unsupported,        ///< a real spreadsheet kind we do not read (BIFF5 and older, .xlsb, .ods)
};

/// Stable identifier for a code, used in JSON output ("zip-bomb").
const char* read_error_id(ReadErrorCode code);

/// Thrown by readers. what() is an English technical detail for logs; people see the translated
/// message for code() plus file(); detail() may name the part and the XML line.
class ReadError : public std::runtime_error {
 public:
  ReadError(ReadErrorCode code, std::string detail)
      : std::runtime_error(detail), code_(code), detail_(std::move(detail)) {}
  ReadErrorCode code() const { return code_; }
  const std::string& detail() const { return detail_; }

 private:
  ReadErrorCode code_;
  std::string detail_;
};

}  // namespace phuluc
