#include "report/file_report.hpp"

#include <cctype>

#include "model/cell_ref.hpp"
#include "report/messages.hpp"

namespace phuluc {
namespace {

// Labels are long ("Tiểu dự án 1: Đổi mới hoạt động, ..."); the human report shows their start.
constexpr std::size_t kLabelCodePoints = 80;

// Cuts UTF-8 text after `limit` code points, never inside one, and marks the cut with "…".
std::string shorten(const std::string& text, std::size_t limit) {
  std::size_t code_points = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if ((byte & 0xC0) == 0x80) continue;  // a continuation byte
    if (code_points == limit) return text.substr(0, i) + "…";
    ++code_points;
  }
  return text;
}

// Excel quotes a sheet name in a reference when it holds anything but letters, digits and '_'.
std::string sheet_reference(const std::string& sheet) {
  bool plain = !sheet.empty() && !std::isdigit(static_cast<unsigned char>(sheet[0]));
  for (const char c : sheet) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x80 && !std::isalnum(byte) && c != '_') plain = false;
  }
  if (plain) return sheet;
  std::string quoted = "'";
  for (const char c : sheet) {
    quoted += c;
    if (c == '\'') quoted += '\'';
  }
  return quoted + "'";
}

std::string counted(std::size_t count, const char* vi_noun, const char* en_singular, const char* en_plural, Lang lang) {
  const std::string number = std::to_string(count);
  if (lang == Lang::vi) return number + " " + vi_noun;
  return number + " " + (count == 1 ? en_singular : en_plural);
}

std::string severity_counts_text(const SeverityCounts& counts, Lang lang) {
  return counted(counts.errors, "lỗi", "error", "errors", lang) + ", " +
         counted(counts.warnings, "cảnh báo", "warning", "warnings", lang) + ", " +
         counted(counts.notices, "ghi chú", "notice", "notices", lang);
}

void print_finding(std::ostream& out, const std::string& path, const Finding& finding, Lang lang) {
  out << path << ": " << cell_text(finding, true) << "  [" << severity_word(finding.severity, lang) << "] "
      << finding.code << " · " << finding_title(finding, lang) << '\n';
  std::string where;
  if (!finding.stt.empty() || !finding.row_label.empty()) {
    where += pick(lang, "Dòng", "Row");
    if (!finding.stt.empty()) where += " " + finding.stt;
    // The grand total's STT is often its label ("TỔNG CỘNG"): say it once.
    if (!finding.row_label.empty() && finding.row_label != finding.stt)
      where += " \"" + shorten(finding.row_label, kLabelCodePoints) + "\"";
  }
  if (!finding.column.empty()) {
    if (!where.empty()) where += " · ";
    where += std::string(pick(lang, "Cột: ", "Column: ")) + finding.column;
  }
  if (!where.empty()) out << "    " << where << '\n';
  out << "    " << finding_message(finding, lang) << '\n';
}

}  // namespace

SeverityCounts count_findings(const FileReport& report) {
  SeverityCounts counts;
  for (const auto& finding : report.findings) {
    switch (finding.severity) {
      case Severity::error:
        ++counts.errors;
        break;
      case Severity::warning:
        ++counts.warnings;
        break;
      case Severity::notice:
        ++counts.notices;
        break;
    }
  }
  return counts;
}

std::string file_error_text(const FileError& error, Lang lang) {
  if (error.read_code) return read_error_message(*error.read_code, lang);
  return file_error_message(error.id, lang);
}

std::string cell_text(const Finding& finding, bool with_sheet) {
  std::string text;
  if (with_sheet && !finding.sheet.empty()) text = sheet_reference(finding.sheet) + "!";
  if (finding.cell)
    text += to_a1(*finding.cell);
  else if (!text.empty())
    text.pop_back();  // no cell: the sheet name alone
  return text;
}

std::string summary_line(const FileReport& report, Lang lang) {
  if (report.error)
    return report.path + pick(lang, ": không đọc được (", ": cannot be read (") + report.error->id + ").";
  return report.path + ": " + counted(report.tables.size(), "bảng", "table", "tables", lang) + "; " +
         severity_counts_text(count_findings(report), lang) + ".";
}

void print_text_report(std::ostream& out, const FileReport& report, Lang lang, bool quiet) {
  if (!quiet)
    for (const auto& finding : report.findings) print_finding(out, report.path, finding, lang);
  out << summary_line(report, lang) << '\n';
}

void print_text_total(std::ostream& out, const std::vector<FileReport>& reports, Lang lang) {
  SeverityCounts total;
  std::size_t unreadable = 0;
  for (const auto& report : reports) {
    if (report.error) ++unreadable;
    const auto counts = count_findings(report);
    total.errors += counts.errors;
    total.warnings += counts.warnings;
    total.notices += counts.notices;
  }
  out << pick(lang, "Tổng cộng ", "Total: ") << counted(reports.size(), "tệp", "file", "files", lang) << ", "
      << unreadable << pick(lang, " không đọc được; ", " unreadable; ") << severity_counts_text(total, lang) << ".\n";
}

}  // namespace phuluc
