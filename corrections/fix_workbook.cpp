#include "corrections/fix_workbook.hpp"

#include <algorithm>
#include <cmath>
#include <tuple>

#include "corrections/apply_corrections.hpp"
#include "corrections/localizer.hpp"
#include "corrections/table_formulas.hpp"
#include "report/messages.hpp"
#include "rules/check_workbook.hpp"
#include "rules/rule_support.hpp"
#include "rules/tolerance.hpp"
#include "table/table_finder.hpp"

namespace phuluc {
namespace {

// Decimals beyond which a corrected value is not written in a message.
constexpr int kMessageDecimals = 6;

std::optional<double> number_of(const LoggedValue& value) {
  if (const double* number = std::get_if<double>(&value)) return *number;
  return std::nullopt;
}

std::vector<std::string> a1_cells(const Table& table, const std::vector<TableCell>& cells) {
  std::vector<std::string> out;
  for (const TableCell& cell : cells) out.push_back(data_cell_a1(table, cell.row, cell.col));
  return out;
}

// The message of a correction: "Changed 187 to 187.09: <why>. Checked against: L20."
std::string correction_message(const FixedCell& fixed, const Correction& fix, Lang lang) {
  Finding finding;
  finding.code = "fix-applied";
  finding.found = number_of(fixed.old_value);
  if (const std::string* text = std::get_if<std::string>(&fixed.old_value)) finding.found_text = *text;
  finding.expected = number_of(fixed.new_value);
  const int old_decimals =
      fix.before.decimals.value_or(finding.found ? decimals_of(*finding.found, kMessageDecimals) : 0);
  const int new_decimals = finding.expected ? decimals_of(*finding.expected, kMessageDecimals) : 0;
  finding.decimals = std::min(std::max(old_decimals, new_decimals), kMessageDecimals);
  finding.reason = fixed.reason_code;
  finding.related = fixed.related;
  for (const std::string& cell : fixed.together) finding.related.push_back(cell);
  std::string message = finding_message(finding, lang);
  if (!fixed.old_formula.empty())
    message +=
        pick(lang, " Ô có công thức =", " The cell holds the formula =") + fixed.old_formula +
        pick(lang, "; công thức được giữ, kết quả lưu được cập nhật.", "; it is kept, with its stored result updated.");
  return message;
}

FixedCell to_fixed_cell(const Workbook& workbook, const Table& table, const AppliedCorrection& applied, Lang lang) {
  const Correction& fix = applied.fix;
  FixedCell fixed;
  fixed.sheet_index = applied.sheet_index;
  fixed.sheet = workbook.sheets[applied.sheet_index].name;
  fixed.cell = applied.cell;
  fixed.old_value = applied.old_value;
  fixed.new_value = applied.new_value;
  fixed.old_formula = applied.old_formula;
  fixed.code = fix.code;
  fixed.basis = fix_basis_id(fix.basis);
  fixed.slip = slip_id(fix.slip);
  fixed.reason_code = fix_reason_id(fix);
  fixed.related = a1_cells(table, fix.resolves);
  fixed.together = a1_cells(table, fix.together);
  fixed.reason = correction_message(fixed, fix, lang);
  return fixed;
}

UnresolvedCell to_unresolved(const Table& table, const UnresolvedEdits& edits, Lang lang) {
  UnresolvedCell cell;
  cell.sheet = table.sheet;
  cell.code = edits.code;
  if (!edits.judged.empty()) cell.cell = data_cell(table, edits.judged.front().row, edits.judged.front().col);
  cell.cells = a1_cells(table, edits.judged);
  Finding finding;
  finding.code = edits.code;
  finding.sheet = table.sheet;
  for (const auto& candidate : edits.candidates) {
    cell.candidates.push_back(a1_cells(table, candidate));
    std::string joined;
    for (const std::string& a1 : cell.candidates.back()) joined += (joined.empty() ? "" : "+") + a1;
    finding.related.push_back(joined);
  }
  if (edits.candidates.empty()) finding.related = cell.cells;
  cell.message = finding_message(finding, lang);
  return cell;
}

UnresolvedCell remaining_error(const Finding& finding, Lang lang) {
  UnresolvedCell cell;
  cell.sheet = finding.sheet;
  cell.cell = finding.cell;
  cell.code = finding.code;
  if (finding.cell) cell.cells.push_back(to_a1(*finding.cell));
  cell.message = finding_message(finding, lang);
  return cell;
}

// A TRUE / FALSE in a value column is no figure anyone typed: a fixed unknown, never rewritten.
Table without_booleans(const Workbook& workbook, Table table) {
  const Sheet& sheet = workbook.sheets[table.sheet_index];
  for (TableRow& row : table.rows)
    for (std::size_t col_idx = 0; col_idx < row.values.size() && col_idx < table.columns.size(); ++col_idx) {
      const Cell* cell = sheet.find({row.sheet_row, table.columns[col_idx].col});
      if (cell && cell->kind == CellKind::boolean) row.values[col_idx].state = ValueState::not_a_number;
    }
  return table;
}

std::string note_text(const FixedCell& fixed, Lang lang) {
  return std::string(pick(lang, "phuluc đã sửa ô này. ", "phuluc corrected this cell. ")) + fixed.reason;
}

}  // namespace

WorkbookFix fix_workbook(Workbook& workbook, const FixOptions& options) {
  WorkbookFix result;
  const FileReport before = check_workbook(workbook, {});
  if (before.error) {
    result.error = before.error;
    return result;
  }
  const TableScan scan = find_tables(workbook);
  result.tables = scan.tables.size();
  for (const Table& found : scan.tables) {
    const Table table = without_booleans(workbook, found);
    const Localization localization = localize_errors(table);
    for (const AppliedCorrection& applied : apply_corrections(workbook, table, localization.corrections))
      result.corrections.push_back(to_fixed_cell(workbook, table, applied, options.lang));
    for (const UnresolvedEdits& edits : localization.unresolved)
      result.unresolved.push_back(to_unresolved(table, edits, options.lang));
  }
  std::stable_sort(result.corrections.begin(), result.corrections.end(), [](const FixedCell& a, const FixedCell& b) {
    return std::tie(a.sheet_index, a.cell.row, a.cell.col) < std::tie(b.sheet_index, b.cell.row, b.cell.col);
  });
  if (options.formulas)
    for (const Table& table : find_tables(workbook).tables) result.formulas += write_table_formulas(workbook, table);

  const FileReport after = check_workbook(workbook, {});
  result.remaining = after.findings;
  for (const Finding& finding : after.findings)
    if (finding.severity == Severity::error) result.unresolved.push_back(remaining_error(finding, options.lang));
  return result;
}

XlsxWriteOptions fix_write_options(const WorkbookFix& fix, bool mark, Lang lang) {
  XlsxWriteOptions options;
  if (!mark || fix.corrections.empty()) return options;
  ChangeSheet changes;  // named "Kiểm tra" in both languages: the province looks for that name
  changes.lang = lang;
  for (const FixedCell& fixed : fix.corrections) {
    options.marks.push_back({static_cast<std::uint32_t>(fixed.sheet_index), fixed.cell, note_text(fixed, lang), true});
    changes.entries.push_back({static_cast<std::uint32_t>(fixed.sheet_index), fixed.cell, fixed.old_value,
                               fixed.new_value, fixed.code, fixed.reason});
  }
  options.change_sheet = std::move(changes);
  return options;
}

}  // namespace phuluc
