#pragma once
// The `phuluc check --json` document. Its schema is documented field by field in docs/check.md and
// is an interface: add fields, never rename or remove them.
//
// Header-only on purpose: JsonWriter lives in phuluc_writers, which the linker sees after
// phuluc_report, so the code that calls it is compiled into the caller (tools/, tests).
#include <cstdint>
#include <ostream>
#include <vector>

#include "model/cell_ref.hpp"
#include "report/file_report.hpp"
#include "report/finding.hpp"
#include "report/lang.hpp"
#include "report/messages.hpp"
#include "writers/json_writer.hpp"

namespace phuluc {

/// Value of the top-level "schema" field; bumped only if a field ever changes meaning.
inline constexpr const char* kCheckJsonSchema = "phuluc-check/1";

namespace report_json_detail {

inline void write_counts(JsonWriter& json, const SeverityCounts& counts) {
  json.key("errors").value(static_cast<std::int64_t>(counts.errors));
  json.key("warnings").value(static_cast<std::int64_t>(counts.warnings));
  json.key("notices").value(static_cast<std::int64_t>(counts.notices));
}

inline void write_table(JsonWriter& json, const TableSummary& table) {
  json.begin_object();
  json.key("sheet").value(table.sheet);
  json.key("title").value(table.title);
  json.key("kind").value(table.kind);
  if (table.unit.empty())
    json.key("unit").null();
  else
    json.key("unit").value(table.unit);
  json.key("unit_text").value(table.unit_text);
  // Rows are 1-based here, as people and Excel number them.
  json.key("header_rows").begin_array().value(table.header_first + 1).value(table.header_last + 1).end_array();
  json.key("last_row").value(table.data_last + 1);
  json.key("rows").value(static_cast<std::int64_t>(table.rows));
  json.key("columns").value(static_cast<std::int64_t>(table.columns));
  json.end_object();
}

inline void write_finding(JsonWriter& json, const Finding& finding, Lang lang) {
  json.begin_object();
  json.key("code").value(finding.code);
  json.key("severity").value(severity_id(finding.severity));
  json.key("title").value(finding_title(finding, lang));
  json.key("message").value(finding_message(finding, lang));
  json.key("sheet").value(finding.sheet);
  if (finding.cell)
    json.key("cell").value(to_a1(*finding.cell));
  else
    json.key("cell").null();
  json.key("stt").value(finding.stt);
  json.key("row_label").value(finding.row_label);
  json.key("column").value(finding.column);
  json.key("found").value(finding.found);
  json.key("expected").value(finding.expected);
  json.key("difference").value(finding.difference());
  json.key("found_text").value(finding.found_text);
  json.key("decimals").value(finding.decimals);
  json.key("related").begin_array();
  for (const auto& cell : finding.related) json.value(cell);
  json.end_array();
  json.key("reason").value(finding.reason);
  json.key("detail").value(finding.detail);
  json.end_object();
}

inline void write_file(JsonWriter& json, const FileReport& report, Lang lang) {
  json.begin_object();
  json.key("path").value(report.path);
  if (report.error) {
    json.key("error").begin_object();
    json.key("code").value(report.error->id);
    json.key("message").value(file_error_text(*report.error, lang));
    json.key("detail").value(report.error->detail);
    json.end_object();
  } else {
    json.key("error").null();
  }
  json.key("tables").begin_array();
  for (const auto& table : report.tables) write_table(json, table);
  json.end_array();
  json.key("findings").begin_array();
  for (const auto& finding : report.findings) write_finding(json, finding, lang);
  json.end_array();
  json.key("limitations").begin_array();
  for (const auto& limitation : report.limitations) {
    json.begin_object();
    json.key("code").value(limitation.code);
    json.key("sheet").value(limitation.sheet);
    json.end_object();
  }
  json.end_array();
  json.key("summary").begin_object();
  json.key("tables").value(static_cast<std::int64_t>(report.tables.size()));
  write_counts(json, count_findings(report));
  json.end_object();
  json.end_object();
}

}  // namespace report_json_detail

/// Writes the whole --json document for a run: every file in order, then the run's summary.
/// @param exit_code the exit code the run ends with (0, 1 or 2), repeated in "summary.exit_code"
///   std::vector<FileReport> reports = ...;
///   write_check_json(std::cout, reports, Lang::en, 1);
inline void write_check_json(std::ostream& out, const std::vector<FileReport>& reports, Lang lang, int exit_code) {
  JsonWriter json(out);
  json.begin_object();
  json.key("schema").value(kCheckJsonSchema);
  json.key("lang").value(lang == Lang::vi ? "vi" : "en");
  json.key("files").begin_array();
  SeverityCounts total;
  std::int64_t unreadable = 0;
  for (const auto& report : reports) {
    report_json_detail::write_file(json, report, lang);
    if (report.error) ++unreadable;
    const auto counts = count_findings(report);
    total.errors += counts.errors;
    total.warnings += counts.warnings;
    total.notices += counts.notices;
  }
  json.end_array();
  json.key("summary").begin_object();
  json.key("files").value(static_cast<std::int64_t>(reports.size()));
  json.key("unreadable").value(unreadable);
  report_json_detail::write_counts(json, total);
  json.key("exit_code").value(exit_code);
  json.end_object();
  json.end_object();
}

}  // namespace phuluc
