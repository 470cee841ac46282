#include "templates/conversion.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "consolidation/unit_conversion.hpp"
#include "mappings/table_mapping.hpp"
#include "table/cell_text.hpp"
#include "table/text_fold.hpp"

namespace phuluc {
namespace {

bool has_amounts(const Table& table) {
  return std::any_of(table.columns.begin(), table.columns.end(),
                     [](const TableColumn& column) { return column.role == ColumnRole::amount; });
}

// Kinds of input table a template takes, best first.
std::vector<TableKind> accepted_kinds(TableKind kind) {
  switch (kind) {
    case TableKind::funds: return {TableKind::funds, TableKind::unknown};
    case TableKind::investment: return {TableKind::investment, TableKind::funds, TableKind::unknown};
    default: return {kind};
  }
}

class Converter {
 public:
  Converter(const Table& input, const Workbook& workbook, const ConversionContext& context)
      : input_(input), workbook_(workbook), context_(context), definition_(context.definition) {}

  ConversionResult run() {
    result_.input = &input_;
    TemplateDefinition skeleton_definition = definition_;
    skeleton_definition.detail_rows = 0;  // rows to type into: the commune's own rows take their place
    skeleton_definition.blank_rows = 0;
    result_.table = template_skeleton(skeleton_definition, context_.catalogue, context_.programs);
    link();
    unit();
    mapping_ = map_table(input_, context_.matcher,
                         input_.sheet_index < workbook_.sheets.size() ? &workbook_.sheets[input_.sheet_index] : nullptr);
    for (const auto& row : mapping_.rows) match_of_[row.row_index] = &row;
    output_of_.assign(input_.rows.size(), -1);
    for (std::size_t i = 0; i < input_.rows.size(); ++i) place(i);
    return std::move(result_);
  }

 private:
  // Template columns (definition indices) ← input columns (Table::columns indices).
  void link() {
    for (const ColumnLink& link : link_columns(context_.official, input_)) {
      const std::size_t column = context_.official.columns[link.template_column].col;
      if (column >= definition_.columns.size()) continue;
      result_.links.push_back({column, link.input_column});
    }
    std::set<std::size_t> used;
    for (const auto& link : result_.links) used.insert(link.input_column);
    for (std::size_t i = 0; i < input_.columns.size(); ++i) {
      const TableColumn& column = input_.columns[i];
      const bool stt = input_.stt_col && column.col == *input_.stt_col;
      if (!used.count(i) && !stt && column_has_content(i)) result_.unused_columns.push_back(i);
    }
  }

  bool column_has_content(std::size_t column) const {
    for (std::size_t row = 0; row < input_.rows.size(); ++row)
      if (!cell_shown(row, column).empty()) return true;
    return false;
  }

  void unit() {
    if (context_.output_unit == Unit::unknown || input_.unit == Unit::unknown) return;
    const auto shift = unit_shift(input_.unit, context_.output_unit);
    if (shift && *shift != 0) result_.unit_shift = shift;
  }

  std::string cell_shown(std::size_t row, std::size_t column) const {
    const Sheet& sheet = workbook_.sheets[input_.sheet_index];
    const Cell* cell = sheet.find(CellRef{input_.rows[row].sheet_row, input_.columns[column].col});
    return cell ? cell_display_text(*cell, workbook_) : std::string();
  }

  bool row_has_content(std::size_t row) const {
    for (std::size_t column = 0; column < input_.columns.size(); ++column)
      if (!cell_shown(row, column).empty()) return true;
    return false;
  }

  // Copies the linked cells of input row `row` into output row `output`.
  void fill(std::size_t row, int output) {
    OfficialRow& target = result_.table.rows[static_cast<std::size_t>(output)];
    const TableRow& source = input_.rows[row];
    for (const auto& link : result_.links) {
      const TemplateColumn& column = definition_.columns[link.template_column];
      switch (column.role) {
        case TemplateColumnRole::amount:
        case TemplateColumnRole::rate: fill_value(source, row, link, target); break;
        case TemplateColumnRole::text:
        case TemplateColumnRole::note: {
          // A total row often repeats its own words ("Tổng") in another column: the label says them once.
          std::string text = cell_shown(row, link.input_column);
          if (target.key == kTotalRowKey && fold_text(text) == fold_text(target.label)) text.clear();
          target.texts[link.template_column] = std::move(text);
          break;
        }
        case TemplateColumnRole::stt:
        case TemplateColumnRole::label: break;  // keyed rows keep the official STT and name; details set theirs
      }
    }
  }

  void fill_value(const TableRow& source, std::size_t row, const ColumnLink& link, OfficialRow& target) {
    if (link.input_column >= source.values.size()) return;
    const TableValue& value = source.values[link.input_column];
    const bool rate = definition_.columns[link.template_column].role == TemplateColumnRole::rate;
    if (value.state == ValueState::blank) return;
    if (!value.is_numeric()) {
      const std::string text = cell_shown(row, link.input_column);
      target.texts[link.template_column] = text;
      result_.unread.push_back({source.sheet_row, input_.columns[link.input_column].col, text});
      return;
    }
    double number = value.number;
    if (rate && value.percent_format) number *= 100.0;
    if (!rate && result_.unit_shift) number = convert_amount(number, *result_.unit_shift);
    target.numbers[link.template_column] = number;
    target.decimals[link.template_column] = value.decimals;
  }

  void unplaced(std::size_t row, std::string reason, std::string key = {}) {
    const TableRow& source = input_.rows[row];
    UnplacedRow out{source.sheet_row, source.stt, source.label, std::move(reason), std::move(key), {}};
    for (std::size_t column = 0; column < input_.columns.size(); ++column) out.cells.push_back(cell_shown(row, column));
    result_.unplaced.push_back(std::move(out));
  }

  void placed(std::size_t row, int output, const std::string& key) {
    output_of_[row] = output;
    const TableRow& source = input_.rows[row];
    result_.placed.push_back({source.sheet_row, source.stt, source.label, key, output});
    fill(row, output);
  }

  // The output row of the nearest input ancestor that was placed, or -1.
  int placed_ancestor(std::size_t row) const {
    for (int parent = input_.rows[row].parent; parent >= 0; parent = input_.rows[static_cast<std::size_t>(parent)].parent)
      if (output_of_[static_cast<std::size_t>(parent)] >= 0) return output_of_[static_cast<std::size_t>(parent)];
    return -1;
  }

  // A row below the catalogue (a công trình, an indicator, a document) under the row it sat under.
  void place_detail(std::size_t row, int parent) {
    const TableRow& source = input_.rows[row];
    OfficialRow detail = blank_official_row(definition_);
    detail.stt = source.stt;
    detail.label = label_text(row);
    detail.kind = RowKind::item;  // below the catalogue: a công trình, an indicator, a document
    placed(row, result_.table.add(std::move(detail), parent), "");
  }

  // The label as the linked label column shows it (criteria: the indicator's own text is elsewhere).
  std::string label_text(std::size_t row) const {
    for (const auto& link : result_.links)
      if (definition_.columns[link.template_column].role == TemplateColumnRole::label) return cell_shown(row, link.input_column);
    return input_.rows[row].label;
  }

  // The output row a catalogue key goes to: its skeleton row, or a new row under its nearest
  // ancestor the output has; -1 when the template has no ancestor of it.
  int row_for_key(const std::string& key) {
    const int existing = result_.table.find_key(key);
    if (existing >= 0) return existing;
    const CatalogueEntry* entry = context_.catalogue.find(key);
    if (!entry || entry->parent.empty()) return -1;
    const int parent = row_for_key(entry->parent);
    if (parent < 0) return -1;
    OfficialRow row = blank_official_row(definition_);
    row.key = key;
    row.label = entry->name;
    row.kind = RowKind::content;
    return result_.table.add(std::move(row), parent);
  }

  void place(std::size_t row) {
    const TableRow& source = input_.rows[row];
    if (definition_.kind == TableKind::documents) {
      if (row_has_content(row)) place_detail(row, -1);
      return;
    }
    const auto found = match_of_.find(row);
    const MatchStatus status = found == match_of_.end() ? MatchStatus::unmapped : found->second->match.status;
    if (source.kind == RowKind::grand_total || status == MatchStatus::total) return place_total(row);
    if (status == MatchStatus::mapped) return place_keyed(row, found->second->match.key);
    const int parent = placed_ancestor(row);
    const bool detail = status == MatchStatus::detail || (definition_.kind == TableKind::criteria && source.kind == RowKind::item);
    if (detail && parent >= 0) return place_detail(row, parent);
    if (!row_has_content(row)) return;  // an empty row: nothing to place
    if (status == MatchStatus::blank) return unplaced(row, unplaced_reason::kNoLabel);
    if (detail) return unplaced(row, unplaced_reason::kUnderUnplaced);
    unplaced(row, match_status_id(status));
  }

  void place_total(std::size_t row) {
    const int total = result_.table.find_key(kTotalRowKey);
    if (total < 0 || total_taken_) return unplaced(row, unplaced_reason::kExtraTotal);
    total_taken_ = true;
    placed(row, total, kTotalRowKey);
  }

  void place_keyed(std::size_t row, const std::string& key) {
    if (keys_placed_.count(key)) return unplaced(row, unplaced_reason::kDuplicateKey, key);
    const int output = row_for_key(key);
    if (output < 0) return unplaced(row, unplaced_reason::kNotInTemplate, key);
    keys_placed_.insert(key);
    placed(row, output, key);
  }

  const Table& input_;
  const Workbook& workbook_;
  const ConversionContext& context_;
  const TemplateDefinition& definition_;
  ConversionResult result_;
  TableMapping mapping_;
  std::map<std::size_t, const RowMapping*> match_of_;
  std::vector<int> output_of_;  ///< per input row, its output row or -1
  std::set<std::string> keys_placed_;
  bool total_taken_ = false;
};

}  // namespace

const Table& choose_table(const std::vector<Table>& tables, const TemplateDefinition& definition) {
  if (tables.empty()) throw ConversionError("no-table");
  for (const TableKind kind : accepted_kinds(definition.kind))
    for (const Table& table : tables)
      if (table.kind == kind && (kind != TableKind::unknown || has_amounts(table))) return table;
  throw ConversionError("wrong-template");
}

ConversionResult convert_table(const Table& input, const Workbook& workbook, const ConversionContext& context) {
  return Converter(input, workbook, context).run();
}

}  // namespace phuluc
