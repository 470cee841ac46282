#pragma once
// One file's check from a workbook already read: find its tables, run the rules, gather the report.
#include <string>

#include "mappings/row_matcher.hpp"
#include "model/workbook.hpp"
#include "report/file_report.hpp"
#include "table/table.hpp"

namespace phuluc {

/// Finds the appendix tables of `workbook` (table/table_finder.hpp), runs the default rules on
/// each and returns the file's report: a summary per table, the finder's findings and the rules',
/// each (code, sheet, cell, column) once, sorted by sheet order, then row, then column.
/// No table at all → error kNoTableId; only tables of no known kind with no amount or rate column
/// → error kWrongTemplateId; either way without findings.
/// With a `matcher`, every table's rows are also mapped to the catalogue and the doubtful ones are
/// reported as warnings (unmapped-row, ambiguous-row, label-stt-conflict, legacy-encoding).
///   FileReport report = check_workbook(read_workbook(path), path.string(), &matcher);
FileReport check_workbook(const Workbook& workbook, std::string path, const RowMatcher* matcher = nullptr);

/// What the report says about a table: sheet, title, kind, unit, header and data rows.
TableSummary summarize_table(const Table& table);

/// "funds", "investment", "criteria", "documents", "unknown".
const char* table_kind_id(TableKind kind);

/// "dong", "thousand-dong", "million-dong", "billion-dong"; "" for Unit::unknown.
const char* unit_id(Unit unit);

}  // namespace phuluc
