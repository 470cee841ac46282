#pragma once
// The result of checking one file (its tables, its findings, or why it could not be read) and the
// human-readable printer. The JSON printer is report/report_json.hpp.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "model/workbook.hpp"
#include "readers/read_error.hpp"
#include "report/finding.hpp"
#include "report/lang.hpp"

namespace phuluc {

/// What a report says about one table found in the file.
struct TableSummary {
  std::string sheet;
  std::string title;               ///< the main title line, may be empty
  std::string kind;                ///< "funds", "investment", "criteria", "documents", "unknown"
  std::string unit;                ///< "dong", "thousand-dong", "million-dong", "billion-dong"; empty when unknown
  std::string unit_text;           ///< the unit line as printed ("ĐVT: Triệu đồng")
  std::uint32_t header_first = 0;  ///< 0-based sheet row of the header's first row, inclusive
  std::uint32_t header_last = 0;   ///< 0-based sheet row of the header's last row, inclusive
  std::uint32_t data_last = 0;     ///< 0-based sheet row of the last data row, inclusive
  std::size_t rows = 0;            ///< data rows
  std::size_t columns = 0;         ///< table columns (STT, label, amounts, rates, notes)
};

/// Why a file was not checked.
struct FileError {
  std::string id;                          ///< read_error_id() of a reader code ("zip-bomb"), or kNoTableId, ...
  std::optional<ReadErrorCode> read_code;  ///< set when a reader refused the file
  std::string detail;                      ///< English technical detail for logs; never the only message
};

/// One file's result. A file with `error` has no tables and no findings.
struct FileReport {
  std::string path;  ///< as given on the command line (or found in a directory)
  std::vector<TableSummary> tables;
  std::vector<Finding> findings;  ///< sorted by sheet order, then row, then column
  std::optional<FileError> error;
  std::vector<ReaderLimitation> limitations;  ///< what the reader could not carry (e.g. .xls merges)
};

struct SeverityCounts {
  std::size_t errors = 0;
  std::size_t warnings = 0;
  std::size_t notices = 0;
};

/// Counts the findings of one report by severity.
///   if (count_findings(report).errors > 0) ...
SeverityCounts count_findings(const FileReport& report);

/// The translated message for a file error (reader codes through read_error_message).
///   file_error_text(*report.error, Lang::vi)  // "Tệp rỗng (0 byte); hãy gửi lại tệp đầy đủ."
std::string file_error_text(const FileError& error, Lang lang);

/// The cell reference as people write it: "M17", or "'Phụ lục II'!M17" when `with_sheet`.
///   cell_text(finding, true)  // "'Biểu 01'!H14"
std::string cell_text(const Finding& finding, bool with_sheet);

/// One line: "muong_kim.xlsx: 1 bảng; 6 lỗi, 0 cảnh báo, 3 ghi chú." or, for an unreadable file,
/// "empty.xlsx: không đọc được (empty-file)." No trailing newline.
std::string summary_line(const FileReport& report, Lang lang);

/// Prints one file for people: unless `quiet`, every finding on three lines (where: "file: 'sheet'!cell",
/// severity, code and title; which row and column; what was found, expected and the difference),
/// then the summary line.
///   print_text_report(std::cout, report, Lang::vi, false);
void print_text_report(std::ostream& out, const FileReport& report, Lang lang, bool quiet);

/// The closing line when several files were checked: "Tổng cộng 3 tệp: 1 không đọc được; 6 lỗi, ...".
///   if (reports.size() > 1) print_text_total(std::cout, reports, lang);
void print_text_total(std::ostream& out, const std::vector<FileReport>& reports, Lang lang);

}  // namespace phuluc
