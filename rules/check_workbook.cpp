#include "rules/check_workbook.hpp"

#include <algorithm>
#include <limits>
#include <set>
#include <tuple>

#include "mappings/table_mapping.hpp"
#include "report/messages.hpp"
#include "rules/rule_set.hpp"
#include "table/table_finder.hpp"

namespace phuluc {
namespace {

bool has_numbers(const Table& table) {
  return std::any_of(table.columns.begin(), table.columns.end(), [](const TableColumn& column) {
    return column.role == ColumnRole::amount || column.role == ColumnRole::rate;
  });
}

bool is_known_template(const Table& table) { return table.kind != TableKind::unknown || has_numbers(table); }

// Findings sort by the sheet's place in the workbook, then row, then column; findings about a
// whole sheet (no cell) come first in their sheet.
void sort_findings(std::vector<Finding>& findings, const Workbook& workbook) {
  auto sheet_order = [&](const std::string& name) {
    for (std::size_t i = 0; i < workbook.sheets.size(); ++i)
      if (workbook.sheets[i].name == name) return i;
    return workbook.sheets.size();
  };
  auto key = [&](const Finding& finding) {
    const std::int64_t row = finding.cell ? static_cast<std::int64_t>(finding.cell->row) : -1;
    const std::int64_t col = finding.cell ? static_cast<std::int64_t>(finding.cell->col) : -1;
    return std::make_tuple(sheet_order(finding.sheet), row, col);
  };
  std::stable_sort(findings.begin(), findings.end(),
                   [&](const Finding& a, const Finding& b) { return key(a) < key(b); });
}

// The finder and a rule may both notice the same cell (e.g. not-a-number): keep the first of each
// (code, sheet, cell, reason).
void drop_duplicates(std::vector<Finding>& findings) {
  std::set<std::tuple<std::string, std::string, std::int64_t, std::string, std::string>> seen;
  std::vector<Finding> kept;
  kept.reserve(findings.size());
  for (auto& finding : findings) {
    const std::int64_t cell =
        finding.cell ? static_cast<std::int64_t>(finding.cell->row) * kMaxCols + finding.cell->col : -1;
    const auto where = finding.cell ? std::string{} : finding.column + "\n" + finding.detail;
    if (seen.emplace(finding.code, finding.sheet, cell, where, finding.reason).second)
      kept.push_back(std::move(finding));
  }
  findings = std::move(kept);
}

void append(std::vector<Finding>& to, std::vector<Finding>&& from) {
  to.insert(to.end(), std::make_move_iterator(from.begin()), std::make_move_iterator(from.end()));
}

}  // namespace

const char* table_kind_id(TableKind kind) {
  switch (kind) {
    case TableKind::funds:
      return "funds";
    case TableKind::investment:
      return "investment";
    case TableKind::criteria:
      return "criteria";
    case TableKind::documents:
      return "documents";
    case TableKind::unknown:
      return "unknown";
  }
  return "unknown";
}

const char* unit_id(Unit unit) {
  switch (unit) {
    case Unit::dong:
      return "dong";
    case Unit::thousand_dong:
      return "thousand-dong";
    case Unit::million_dong:
      return "million-dong";
    case Unit::billion_dong:
      return "billion-dong";
    case Unit::unknown:
      return "";
  }
  return "";
}

TableSummary summarize_table(const Table& table) {
  TableSummary summary;
  summary.sheet = table.sheet;
  summary.title = table.title;
  summary.kind = table_kind_id(table.kind);
  summary.unit = unit_id(table.unit);
  summary.unit_text = table.unit_text;
  summary.header_first = table.header_first;
  summary.header_last = table.header_last;
  summary.data_last = table.data_last;
  summary.rows = table.rows.size();
  summary.columns = table.columns.size();
  return summary;
}

FileReport check_workbook(const Workbook& workbook, std::string path, const RowMatcher* matcher) {
  FileReport report;
  report.path = std::move(path);
  report.limitations = workbook.limitations;
  TableScan scan = find_tables(workbook);
  if (scan.tables.empty()) {
    report.error = FileError{std::string(kNoTableId), std::nullopt, "no table header found on any visible sheet"};
    return report;
  }
  if (std::none_of(scan.tables.begin(), scan.tables.end(), is_known_template)) {
    report.error = FileError{std::string(kWrongTemplateId), std::nullopt,
                             std::to_string(scan.tables.size()) + " table(s) of no known kind, without numbers"};
    return report;
  }
  report.findings = std::move(scan.findings);
  for (const Table& table : scan.tables) {
    report.tables.push_back(summarize_table(table));
    append(report.findings, check_table(table));
    if (matcher) append(report.findings, map_table(table, *matcher, &workbook.sheets[table.sheet_index]).findings);
  }
  drop_duplicates(report.findings);
  sort_findings(report.findings, workbook);
  return report;
}

}  // namespace phuluc
