#include "consolidation/read_input.hpp"

#include <algorithm>
#include <cstdint>
#include <exception>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <new>
#include <set>
#include <tuple>

#include "consolidation/commune_name.hpp"
#include "consolidation/sha256.hpp"
#include "consolidation/template_match.hpp"
#include "corrections/fix_workbook.hpp"
#include "mappings/table_mapping.hpp"
#include "readers/read_error.hpp"
#include "readers/workbook_reader.hpp"
#include "rules/rule_set.hpp"
#include "table/table_finder.hpp"

namespace phuluc {
namespace {

namespace fs = std::filesystem;

// The file's bytes, or nullopt when it cannot be opened or read.
std::optional<std::vector<std::byte>> read_bytes(const std::string& path) {
  std::ifstream in(fs::path(path), std::ios::binary);
  if (!in) return std::nullopt;
  std::vector<std::byte> bytes;
  in.seekg(0, std::ios::end);
  const auto size = in.tellg();
  if (size < 0) return std::nullopt;
  bytes.resize(static_cast<std::size_t>(size));
  in.seekg(0, std::ios::beg);
  in.read(reinterpret_cast<char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
  if (!in && !bytes.empty()) return std::nullopt;
  return bytes;
}

bool has_amounts(const Table& table) {
  return std::any_of(table.columns.begin(), table.columns.end(),
                     [](const TableColumn& column) { return column.role == ColumnRole::amount; });
}

// The first table with amount columns (a workbook may also hold documents and criteria sheets).
const Table* amounts_table(const TableScan& scan) {
  for (const Table& table : scan.tables)
    if (has_amounts(table)) return &table;
  return nullptr;
}

const Table* table_on_sheet(const TableScan& scan, std::size_t sheet_index) {
  for (const Table& table : scan.tables)
    if (table.sheet_index == sheet_index && has_amounts(table)) return &table;
  return amounts_table(scan);
}

// Whether an amount cell cannot be added: text that is no number, an error value, or a formula
// without a cached result. An ambiguous text number ("38.996") is read the Vietnamese way.
bool not_summable(const TableValue& value) {
  return !value.is_numeric() && value.state != ValueState::ambiguous_text;
}

std::size_t count_ambiguous(const Table& table, const std::vector<std::size_t>& amounts) {
  std::size_t count = 0;
  for (const TableRow& row : table.rows)
    for (const std::size_t col_idx : amounts)
      if (col_idx < row.values.size() && row.values[col_idx].state == ValueState::ambiguous_text) ++count;
  return count;
}

std::size_t count_not_summable(const Table& table, const std::vector<std::size_t>& amounts) {
  std::size_t count = 0;
  for (const TableRow& row : table.rows)
    for (const std::size_t col_idx : amounts)
      if (col_idx < row.values.size() && not_summable(row.values[col_idx])) ++count;
  return count;
}

// The table's findings, as `phuluc check` gives them for this sheet, plus the catalogue's; each
// (code, cell, reason) once.
std::vector<Finding> findings_of(const TableScan& scan, const Table& table, const TableMapping& mapping) {
  std::vector<Finding> all;
  for (const Finding& finding : scan.findings)
    if (finding.sheet == table.sheet) all.push_back(finding);
  for (Finding& finding : check_table(table)) all.push_back(std::move(finding));
  all.insert(all.end(), mapping.findings.begin(), mapping.findings.end());
  std::set<std::tuple<std::string, std::int64_t, std::string>> seen;
  std::vector<Finding> kept;
  for (Finding& finding : all) {
    const std::int64_t cell =
        finding.cell ? static_cast<std::int64_t>(finding.cell->row) * kMaxCols + finding.cell->col : -1;
    if (seen.emplace(finding.code, cell, finding.reason).second) kept.push_back(std::move(finding));
  }
  return kept;
}

void summarize_findings(InputSummary& summary, const std::vector<Finding>& findings) {
  summary.counts = {};
  summary.errors.clear();
  for (const Finding& finding : findings) {
    switch (finding.severity) {
      case Severity::error:
        ++summary.counts.errors;
        if (summary.errors.size() < InputSummary::kMaxErrorsListed)
          summary.errors.push_back({finding.code, finding.cell ? to_a1(*finding.cell) : std::string()});
        break;
      case Severity::warning: ++summary.counts.warnings; break;
      case Severity::notice: ++summary.counts.notices; break;
    }
  }
}

void refuse(InputSummary& summary, const char* reason, std::string detail) {
  summary.status = InputStatus::refused;
  summary.reason = reason;
  summary.detail = std::move(detail);
}

// An amount as a number in the input's unit: NaN for an empty cell or one that cannot be added
// (--force), 0 for "-", the first (Vietnamese) reading of an ambiguous text.
double amount_of(const TableValue& value) {
  switch (value.state) {
    case ValueState::blank: return InputTable::kEmpty;
    case ValueState::dash: return 0.0;
    case ValueState::number:
    case ValueState::text_number: return value.number;
    case ValueState::ambiguous_text: return value.readings.empty() ? InputTable::kEmpty : value.readings.front();
    default: return InputTable::kEmpty;
  }
}

InputTable reduce(const Table& table, const TableMapping& mapping) {
  const auto amounts = amount_columns(table);
  InputTable data;
  data.width = amounts.size();
  data.rows.reserve(table.rows.size());
  data.amounts.reserve(table.rows.size() * amounts.size());
  for (std::size_t i = 0; i < table.rows.size(); ++i) {
    const TableRow& row = table.rows[i];
    InputRow out;
    out.sheet_row = row.sheet_row;
    out.parent = row.parent;
    out.kind = row.kind;
    out.stt = row.stt;
    out.label = row.label;
    out.grand_total = row.kind == RowKind::grand_total;
    data.rows.push_back(std::move(out));
    for (const std::size_t col_idx : amounts)
      data.amounts.push_back(col_idx < row.values.size() ? amount_of(row.values[col_idx]) : InputTable::kEmpty);
  }
  for (const RowMapping& mapped : mapping.rows) {
    if (mapped.row_index >= data.rows.size()) continue;
    InputRow& out = data.rows[mapped.row_index];
    out.match = mapped.match.status;
    if (mapped.match.status == MatchStatus::mapped) out.key = mapped.match.key;
    if (mapped.match.status == MatchStatus::total) out.grand_total = true;
  }
  return data;
}

bool anything_mapped(const InputTable& data) {
  return std::any_of(data.rows.begin(), data.rows.end(), [](const InputRow& row) { return !row.key.empty(); });
}

std::string fix_left_text(const WorkbookFix& fix) {
  if (fix.error) return "no table the fix could correct: " + fix.error->id;
  std::string text = std::to_string(fix.unresolved.size()) + " error(s) left after correcting";
  for (std::size_t i = 0; i < fix.unresolved.size() && i < 5; ++i) {
    const UnresolvedCell& left = fix.unresolved[i];
    text += (i == 0 ? ": " : ", ") + left.code + (left.cell ? " " + to_a1(*left.cell) : std::string());
  }
  return text;
}

struct Judged {
  Workbook workbook;
  TableScan scan;
  const Table* table = nullptr;
};

// Reads and judges the workbook; fills `summary`; on success the input's table is judged.table.
void judge(ParsedInput& parsed, Judged& judged, const RowMatcher& matcher, const ReadInputOptions& options) {
  InputSummary& summary = parsed.summary;
  judged.scan = find_tables(judged.workbook);
  judged.table = amounts_table(judged.scan);
  if (judged.table == nullptr) {
    refuse(summary, refusal::kNoTable, "no table with amount columns on any visible sheet");
    return;
  }
  summary.sheet = judged.table->sheet;
  summary.unit = judged.table->unit;
  if (std::string commune = commune_from_attached(judged.table->attached_to); !commune.empty())
    summary.commune = std::move(commune);

  TableMapping mapping = map_table(*judged.table, matcher, &judged.workbook.sheets[judged.table->sheet_index]);
  summarize_findings(summary, findings_of(judged.scan, *judged.table, mapping));
  std::size_t blocked = count_not_summable(*judged.table, amount_columns(*judged.table));

  if ((summary.counts.errors > 0 || blocked > 0) && options.fix) {
    const WorkbookFix fix = fix_workbook(judged.workbook, FixOptions{});
    const std::size_t sheet_index = judged.table->sheet_index;
    judged.scan = find_tables(judged.workbook);
    judged.table = table_on_sheet(judged.scan, sheet_index);
    if (fix.error || !fix.unresolved.empty() || judged.table == nullptr) {
      refuse(summary, refusal::kFixFailed, fix_left_text(fix));
      return;
    }
    summary.status = InputStatus::fixed;
    summary.corrections = fix.corrections.size();
    mapping = map_table(*judged.table, matcher, &judged.workbook.sheets[judged.table->sheet_index]);
    summarize_findings(summary, findings_of(judged.scan, *judged.table, mapping));
    blocked = count_not_summable(*judged.table, amount_columns(*judged.table));
  }
  if (summary.counts.errors > 0 || blocked > 0) {
    if (!options.force) {
      if (summary.counts.errors > 0)
        refuse(summary, refusal::kHasErrors, std::to_string(summary.counts.errors) + " error(s) found by the check");
      else
        refuse(summary, refusal::kNotSummable, std::to_string(blocked) + " amount cell(s) that are no number");
      return;
    }
    summary.status = InputStatus::forced;
    summary.skipped_cells = blocked;
  } else if (summary.status != InputStatus::fixed) {
    summary.status = InputStatus::merged;
  }

  summary.ambiguous_read = count_ambiguous(*judged.table, amount_columns(*judged.table));
  parsed.data = reduce(*judged.table, mapping);
  if (!anything_mapped(parsed.data)) {
    parsed.data = {};
    refuse(summary, refusal::kNothingMapped, "no row of the table matched the catalogue");
    return;
  }
  for (const std::size_t col_idx : value_columns(*judged.table))
    parsed.decimals.push_back(judged.table->columns[col_idx].decimals);
  if (options.want_layout) parsed.layout = extract_layout(judged.workbook, *judged.table, summary.path);
  Table shape = *judged.table;
  shape.rows.clear();
  shape.rows.shrink_to_fit();
  parsed.shape = std::move(shape);
}

}  // namespace

const char* input_status_id(InputStatus status) {
  switch (status) {
    case InputStatus::merged: return "merged";
    case InputStatus::fixed: return "fixed";
    case InputStatus::forced: return "forced";
    case InputStatus::refused: return "refused";
  }
  return "refused";
}

ParsedInput read_input(std::size_t index, const std::string& path, const RowMatcher& matcher,
                       const ReadInputOptions& options) {
  ParsedInput parsed;
  InputSummary& summary = parsed.summary;
  summary.index = index;
  summary.path = path;
  summary.commune = commune_from_path(path);
  try {
    const auto bytes = read_bytes(path);
    if (!bytes) {
      refuse(summary, refusal::kUnreadable, "cannot open or read the file");
      summary.read_error = ReadErrorCode::io_error;
      return parsed;
    }
    summary.sha256 = sha256_hex(*bytes);
    Judged judged;
    judged.workbook = read_workbook_bytes(*bytes, {}, fs::path(path).filename().string());
    judge(parsed, judged, matcher, options);
  } catch (const ReadError& error) {
    refuse(summary, refusal::kUnreadable, error.detail());
    summary.read_error = error.code();
  } catch (const std::bad_alloc&) {
    refuse(summary, refusal::kUnreadable, "out of memory");
    summary.read_error = ReadErrorCode::too_large;
  } catch (const std::exception& failure) {
    refuse(summary, refusal::kUnreadable, std::string("internal error: ") + failure.what());
  }
  if (!summary.accepted()) {
    parsed.data = {};
    parsed.layout.reset();
    parsed.shape.reset();
  }
  return parsed;
}

}  // namespace phuluc
