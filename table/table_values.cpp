#include "table/table_values.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <optional>

#include "model/style.hpp"
#include "table/cell_text.hpp"
#include "table/number_text.hpp"

namespace phuluc {
namespace {

struct Resolution {
  std::size_t reading = 0;  // index into TableValue::readings
  std::string reason;       // "resolved-by-column" or "resolved-by-total"
  std::string detail;
};

bool is_value_column(const TableColumn& column) {
  return column.role == ColumnRole::amount || column.role == ColumnRole::rate;
}

std::string print(double value) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.10g", value);
  return buffer;
}

std::string readings_text(const TableValue& value) {
  std::string out;
  for (std::size_t i = 0; i < value.readings.size(); ++i) {
    if (i) out += " or ";
    out += print(value.readings[i]);
  }
  return out;
}

// Decimals of the i-th reading of an ambiguous text ("38.996": 0 for 38996, 3 for 38.996).
int reading_decimals(const TableValue& value, std::size_t reading) {
  const NumberText parsed = parse_number_text(value.raw);
  return reading == 0 ? parsed.decimals : parsed.other_decimals;
}

// The column's other text numbers, when they all use one separator convention beyond doubt.
std::optional<Resolution> resolve_by_column(const Table& table, std::size_t column) {
  int vietnamese = 0;
  int english = 0;
  for (const TableRow& row : table.rows) {
    const TableValue& value = row.values[column];
    if (value.state != ValueState::text_number) continue;
    const SeparatorStyle style = separator_style(value.raw);
    if (style == SeparatorStyle::vietnamese) ++vietnamese;
    if (style == SeparatorStyle::english) ++english;
  }
  if (vietnamese > 0 && english == 0)
    return Resolution{0, "resolved-by-column",
                      "the column's other text numbers use ',' for decimals and '.' for thousands"};
  if (english > 0 && vietnamese == 0)
    return Resolution{1, "resolved-by-column",
                      "the column's other text numbers use '.' for decimals and ',' for thousands"};
  return std::nullopt;
}

// Cells of one row that must agree: Tổng số = NSTW + NSĐP (slots total, central, local), or
// Tỷ lệ = numerator / Kế hoạch × 100 (slots rate, numerator, plan), all in one block.
struct Relation {
  enum class Kind { sum, rate } kind;
  std::size_t slots[3];
};

// The unique amount column of a block, measure and split, or nullopt.
std::optional<std::size_t> amount_column(const Table& table, int block, Measure measure, Split split) {
  std::optional<std::size_t> found;
  for (std::size_t i = 0; i < table.columns.size(); ++i) {
    const TableColumn& column = table.columns[i];
    if (column.role != ColumnRole::amount || column.block != block || column.measure != measure || column.split != split)
      continue;
    if (found) return std::nullopt;  // two columns claim the same place: nothing certain
    found = i;
  }
  return found;
}

std::vector<Relation> table_relations(const Table& table) {
  std::vector<Relation> relations;
  std::vector<std::pair<int, Measure>> seen;
  for (std::size_t i = 0; i < table.columns.size(); ++i) {
    const TableColumn& column = table.columns[i];
    if (column.role == ColumnRole::amount && column.split != Split::none) {
      const std::pair<int, Measure> key{column.block, column.measure};
      if (std::find(seen.begin(), seen.end(), key) != seen.end()) continue;
      seen.push_back(key);
      const auto total = amount_column(table, column.block, column.measure, Split::total);
      const auto central = amount_column(table, column.block, column.measure, Split::central);
      const auto local = amount_column(table, column.block, column.measure, Split::local);
      if (total && central && local) relations.push_back({Relation::Kind::sum, {*total, *central, *local}});
    } else if (column.role == ColumnRole::rate && column.measure != Measure::plan && column.measure != Measure::none) {
      // A rate with no split of its own rates the Tổng số columns.
      const Split split = column.split == Split::none ? Split::total : column.split;
      const auto numerator = amount_column(table, column.block, column.measure, split);
      const auto plan = amount_column(table, column.block, Measure::plan, split);
      if (numerator && plan) relations.push_back({Relation::Kind::rate, {i, *numerator, *plan}});
    }
  }
  return relations;
}

struct Candidate {
  double value;
  double half_unit;  // half a unit of the last displayed digit: how far the shown value may be off
};

// The readings a value may take: one for a number, two for an ambiguous text; none when it is no
// number at all. Rates stored as fractions under a '%' format count in percent.
std::vector<Candidate> candidates(const TableValue& value) {
  const auto half = [](std::optional<int> decimals) { return 0.5 * std::pow(10.0, -decimals.value_or(3)); };
  switch (value.state) {
    case ValueState::blank:
    case ValueState::dash: return {{0.0, 0.0}};
    case ValueState::number:
      if (value.percent_format) return {{value.number * 100.0, half(value.decimals)}};
      return {{value.number, half(value.decimals)}};
    case ValueState::text_number: return {{value.number, half(value.decimals)}};
    case ValueState::ambiguous_text: {
      std::vector<Candidate> out;
      for (std::size_t i = 0; i < value.readings.size(); ++i)
        out.push_back({value.readings[i], half(reading_decimals(value, i))});
      return out;
    }
    default: return {};
  }
}

bool relation_holds(Relation::Kind kind, const Candidate& a, const Candidate& b, const Candidate& c) {
  if (kind == Relation::Kind::sum)
    return std::fabs(a.value - (b.value + c.value)) <= a.half_unit + b.half_unit + c.half_unit + 1e-9;
  // a = rate, b = numerator, c = plan. A plan of 0 says nothing about the readings.
  if (std::fabs(c.value) < 1e-12) return false;
  const double computed = b.value / c.value * 100.0;
  const double tolerance =
      a.half_unit + 100.0 * (b.half_unit / std::fabs(c.value) + std::fabs(b.value) * c.half_unit / (c.value * c.value));
  return std::fabs(a.value - computed) <= tolerance + 1e-9;
}

// The one reading of the cell at `column` that makes the relation hold, whatever the relation's
// other ambiguous cells read as; nullopt when none or both fit.
std::optional<std::size_t> certain_reading(const TableRow& row, const Relation& relation, std::size_t column) {
  std::vector<Candidate> options[3];
  int self = -1;
  for (int i = 0; i < 3; ++i) {
    options[i] = candidates(row.values[relation.slots[i]]);
    if (options[i].empty()) return std::nullopt;
    if (relation.slots[i] == column) self = i;
  }
  if (self < 0) return std::nullopt;
  std::optional<std::size_t> chosen;
  for (std::size_t a = 0; a < options[0].size(); ++a)
    for (std::size_t b = 0; b < options[1].size(); ++b)
      for (std::size_t c = 0; c < options[2].size(); ++c) {
        if (!relation_holds(relation.kind, options[0][a], options[1][b], options[2][c])) continue;
        const std::size_t mine = self == 0 ? a : self == 1 ? b : c;
        if (chosen && *chosen != mine) return std::nullopt;  // two readings both fit
        chosen = mine;
      }
  return chosen;
}

// Resolves the cell from the relations it takes part in, when they agree on one reading.
std::optional<Resolution> resolve_by_relations(const std::vector<Relation>& relations, const TableRow& row,
                                               std::size_t column) {
  std::optional<Resolution> found;
  for (const Relation& relation : relations) {
    const auto reading = certain_reading(row, relation, column);
    if (!reading) continue;
    if (found && found->reading != *reading) return std::nullopt;  // the relations disagree
    if (found) continue;
    if (relation.kind == Relation::Kind::sum)
      found = Resolution{*reading, "resolved-by-total", "only this reading makes Tổng số = NSTW + NSĐP hold on the row"};
    else
      found = Resolution{*reading, "resolved-by-rate",
                         "only this reading makes the row's rate = amount / Kế hoạch × 100 hold"};
  }
  return found;
}

void apply(TableValue& value, const Resolution& resolution) {
  const double chosen = value.readings[resolution.reading];
  value.decimals = reading_decimals(value, resolution.reading);
  if (resolution.reading != 0) std::swap(value.readings[0], value.readings[resolution.reading]);
  value.state = ValueState::text_number;
  value.number = chosen;
}

Finding finding_for(const Table& table, const TableRow& row, std::size_t column, const char* code,
                    Severity severity) {
  const TableValue& value = row.values[column];
  Finding finding;
  finding.code = code;
  finding.severity = severity;
  finding.sheet = table.sheet;
  finding.cell = CellRef{row.sheet_row, table.columns[column].col};
  finding.stt = row.stt;
  finding.row_label = row.label;
  finding.column = table.columns[column].path_text;
  finding.found_text = value.raw;
  if (value.decimals) finding.decimals = *value.decimals;
  return finding;
}

std::optional<int> most_common_decimals(const Table& table, std::size_t column) {
  std::map<int, int> counts;
  for (const TableRow& row : table.rows) {
    const TableValue& value = row.values[column];
    if (!value.decimals) continue;
    if (value.state == ValueState::number) {
      // A zero under General prints "0" whatever the column's precision: it tells nothing.
      if (value.number == 0.0 && *value.decimals == 0 && !value.percent_format) continue;
    } else if (value.state != ValueState::text_number) {
      continue;
    }
    ++counts[*value.decimals];
  }
  std::optional<int> best;
  int best_count = 0;
  for (const auto& [decimals, count] : counts)
    if (count >= best_count) {
      best = decimals;
      best_count = count;
    }
  return best;
}

}  // namespace

StyleFacts::StyleFacts(const Workbook& workbook) {
  facts_.reserve(workbook.styles.size());
  for (const CellStyle& style : workbook.styles)
    facts_.push_back({displayed_decimals(style.number_format), style.number_format.find('%') != std::string::npos});
}

std::optional<int> StyleFacts::format_decimals(std::uint32_t index) const {
  return index < facts_.size() ? facts_[index].decimals : std::nullopt;
}

bool StyleFacts::percent(std::uint32_t index) const { return index < facts_.size() && facts_[index].percent; }

TableValue read_table_value(const Cell* cell, const Workbook& workbook) {
  return read_table_value(cell, StyleFacts(workbook));
}

TableValue read_table_value(const Cell* cell, const StyleFacts& styles) {
  TableValue value;
  if (!cell) return value;
  value.has_formula = cell->has_formula;
  if (cell->has_formula) value.raw = cell->formula;
  if (cell->formula_without_value) {
    value.state = ValueState::no_cached_value;
    return value;
  }
  switch (cell->kind) {
    case CellKind::empty:
      return value;
    case CellKind::error:
      value.state = ValueState::error;
      value.raw = cell->text;
      return value;
    case CellKind::number:
    case CellKind::boolean:
      value.state = ValueState::number;
      value.number = cell->number;
      value.decimals = styles.format_decimals(cell->style);
      if (!value.decimals && cell->kind == CellKind::number) value.decimals = general_decimals(cell->number);
      value.percent_format = styles.percent(cell->style);
      return value;
    case CellKind::text:
      break;
  }
  value.raw = cell->text;
  const NumberText parsed = parse_number_text(cell->text);
  value.typed_percent = parsed.percent;
  switch (parsed.kind) {
    case NumberTextKind::blank: value.state = ValueState::blank; break;
    case NumberTextKind::dash: value.state = ValueState::dash; break;
    case NumberTextKind::number:
      value.state = ValueState::text_number;
      value.number = parsed.readings[0];
      value.decimals = parsed.decimals;
      break;
    case NumberTextKind::ambiguous:
      value.state = ValueState::ambiguous_text;
      value.readings = parsed.readings;
      value.decimals = parsed.decimals;
      break;
    case NumberTextKind::not_number: value.state = ValueState::not_a_number; break;
  }
  return value;
}

void review_values(Table& table, std::vector<Finding>& findings, bool report_text_numbers) {
  // Resolve ambiguities: first from the column's own convention, then from the sums and rates of
  // the row, again while a resolved cell lets another resolve. Findings then go in sheet order.
  std::map<std::pair<std::size_t, std::size_t>, Resolution> resolved;  // (row, column) → how
  const auto resolve = [&](std::size_t r, std::size_t column, const Resolution& resolution) {
    resolved[{r, column}] = resolution;
    apply(table.rows[r].values[column], resolution);
  };
  std::vector<std::optional<Resolution>> conventions(table.columns.size());
  for (std::size_t column = 0; column < table.columns.size(); ++column)
    if (is_value_column(table.columns[column])) conventions[column] = resolve_by_column(table, column);
  for (std::size_t column = 0; column < table.columns.size(); ++column) {
    if (!conventions[column]) continue;
    for (std::size_t r = 0; r < table.rows.size(); ++r)
      if (table.rows[r].values[column].state == ValueState::ambiguous_text) resolve(r, column, *conventions[column]);
  }
  const std::vector<Relation> relations = table_relations(table);
  for (bool changed = !relations.empty(); changed;) {
    changed = false;
    for (std::size_t r = 0; r < table.rows.size(); ++r)
      for (std::size_t column = 0; column < table.columns.size(); ++column) {
        if (!is_value_column(table.columns[column])) continue;
        if (table.rows[r].values[column].state != ValueState::ambiguous_text) continue;
        if (const auto resolution = resolve_by_relations(relations, table.rows[r], column)) {
          resolve(r, column, *resolution);
          changed = true;
        }
      }
  }

  for (std::size_t r = 0; r < table.rows.size(); ++r) {
    const TableRow& row = table.rows[r];
    for (std::size_t column = 0; column < table.columns.size(); ++column) {
      if (!is_value_column(table.columns[column])) continue;
      const TableValue& value = row.values[column];
      if (value.state == ValueState::text_number) {
        const auto it = resolved.find({r, column});
        if (!report_text_numbers) continue;
        Finding finding = finding_for(table, row, column, "text-number", Severity::notice);
        finding.found = value.number;
        if (it != resolved.end()) {
          finding.reason = it->second.reason;
          finding.detail = "ambiguous text, readings " + readings_text(value) + "; read as " + print(value.number) +
                           " because " + it->second.detail;
        }
        findings.push_back(std::move(finding));
      } else if (value.state == ValueState::ambiguous_text) {
        Finding finding = finding_for(table, row, column, "ambiguous-number", Severity::warning);
        finding.detail = "two readings: " + print(value.readings[0]) + " (Vietnamese: ',' decimal, '.' thousands) or " +
                         print(value.readings[1]) + " ('.' decimal, ',' thousands); left unread";
        findings.push_back(std::move(finding));
      } else if (value.state == ValueState::no_cached_value) {
        Finding finding = finding_for(table, row, column, "formula-without-value", Severity::warning);
        finding.found_text = value.raw.empty() ? std::string{} : "=" + value.raw;
        findings.push_back(std::move(finding));
      }
    }
  }
  for (std::size_t column = 0; column < table.columns.size(); ++column)
    table.columns[column].decimals = most_common_decimals(table, column);
}

}  // namespace phuluc
