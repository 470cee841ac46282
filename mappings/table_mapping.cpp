#include "mappings/table_mapping.hpp"

#include <cstdio>

#include "mappings/legacy_encoding.hpp"
#include "mappings/text_normalize.hpp"

namespace phuluc {
namespace {

bool is_program_like(const TableRow& row) {
  if (row.kind == RowKind::program) return true;
  const auto stt = row.stt.find_first_not_of(" \t");
  return stt != std::string::npos && row.stt.size() - stt >= 1 &&
         row.stt.find_first_not_of(" \t.", stt + 1) == std::string::npos && row.stt[stt] >= 'A' && row.stt[stt] <= 'H';
}

// A row an investment table lists below the catalogue: no children, numbered locally ("1", "-",
// none) and naming no level ("Nội dung 2", "Tiểu dự án 1") in its label.
bool is_work_item(const TableRow& row) {
  if (!row.children.empty() || label_names_level(row.label)) return false;
  const auto first = row.stt.find_first_not_of(" \t");
  if (first == std::string::npos) return true;
  const char lead = row.stt[first];
  return (lead >= '0' && lead <= '9') || lead == '-' || lead == '+' || lead == '*' || (lead >= 'a' && lead <= 'z');
}

std::optional<CellRef> label_cell(const Table& table, const TableRow& row) {
  if (table.label_col) return CellRef{row.sheet_row, *table.label_col};
  if (table.stt_col) return CellRef{row.sheet_row, *table.stt_col};
  return std::nullopt;
}

std::string candidates_text(const RowMatch& match) {
  std::string text;
  for (const auto& candidate : match.candidates) {
    if (!text.empty()) text += ", ";
    char score[16];
    std::snprintf(score, sizeof score, "%.2f", candidate.score);
    text += candidate.key + " (" + candidate.via + ", " + score + ")";
  }
  return text;
}

// The title says which criteria set the table follows; otherwise the rows decide.
std::string criteria_set_from_title(const Table& table) {
  std::string titles = table.title;
  for (const auto& line : table.titles) titles += " " + line;
  const auto bare = normalized_text(titles, true);
  const bool new_set = bare.find("2026") != std::string::npos || bare.find("2030") != std::string::npos;
  const bool old_set = bare.find("2021") != std::string::npos || bare.find("2025") != std::string::npos;
  if (new_set && !old_set) return "ntm.tc2030";
  if (old_set && !new_set) return "ntm.tc2021";
  return {};
}

// The label to match: the table's, or the cell as stored when that is legacy-encoded text.
std::string label_to_match(const Table& table, const TableRow& row, const Sheet* sheet) {
  if (sheet == nullptr || !table.label_col) return row.label;
  const Cell* cell = sheet->find(CellRef{row.sheet_row, *table.label_col});
  if (cell == nullptr || cell->kind != CellKind::text) return row.label;
  return detect_legacy_encoding(cell->text).encoding != LegacyEncoding::none ? cell->text : row.label;
}

// The row as the table gives it, before it is matched.
RowMapping unmatched_mapping(const Table& table, std::size_t index) {
  const auto& row = table.rows[index];
  RowMapping mapping;
  mapping.row_index = index;
  mapping.sheet_row = row.sheet_row;
  mapping.cell = label_cell(table, row);
  mapping.stt = row.stt;
  mapping.label = row.label;
  mapping.kind = row.kind;
  return mapping;
}

std::vector<RowMapping> map_rows_under(const Table& table, const RowMatcher& matcher, const std::string& scope,
                                       const Sheet* sheet) {
  std::vector<RowMapping> rows;
  for (std::size_t i = 0; i < table.rows.size(); ++i) {
    const auto& row = table.rows[i];
    RowMapping mapping = unmatched_mapping(table, i);
    mapping.context_key = scope;
    const std::string label = label_to_match(table, row, sheet);
    mapping.match = matcher.match({row.stt, label, scope, row.kind});
    rows.push_back(std::move(mapping));
  }
  return rows;
}

double total_confidence(const std::vector<RowMapping>& rows) {
  double total = 0.0;
  for (const auto& row : rows) total += row.match.confidence;
  return total;
}

}  // namespace

bool needs_attention(MatchStatus status) {
  return status == MatchStatus::unmapped || status == MatchStatus::ambiguous || status == MatchStatus::conflict;
}

const char* finding_code(MatchStatus status) {
  switch (status) {
    case MatchStatus::unmapped: return "unmapped-row";
    case MatchStatus::ambiguous: return "ambiguous-row";
    case MatchStatus::conflict: return "label-stt-conflict";
    default: return nullptr;
  }
}

TableMapping map_table(const Table& table, const RowMatcher& matcher, const Sheet* sheet) {
  TableMapping mapping;
  if (table.kind == TableKind::documents) return mapping;

  if (table.kind == TableKind::criteria) {
    mapping.scope_key = criteria_set_from_title(table);
    if (mapping.scope_key.empty() || matcher.catalogue().find(mapping.scope_key) == nullptr) {
      auto old_set = map_rows_under(table, matcher, "ntm.tc2021", sheet);
      auto new_set = map_rows_under(table, matcher, "ntm.tc2030", sheet);
      const bool take_new = total_confidence(new_set) >= total_confidence(old_set);
      mapping.scope_key = take_new ? "ntm.tc2030" : "ntm.tc2021";
      mapping.rows = take_new ? std::move(new_set) : std::move(old_set);
    } else {
      mapping.rows = map_rows_under(table, matcher, mapping.scope_key, sheet);
    }
    for (auto& row : mapping.rows) {
      // Rows without a TT under a criterion are its indicators ("2.4. Tỷ lệ hộ ..."): below the catalogue.
      const bool no_stt = row.stt.find_first_not_of(" \t") == std::string::npos;
      if (no_stt && needs_attention(row.match.status)) {
        row.match.status = MatchStatus::detail;
        row.match.reason = "an indicator row of a criterion";
        row.match.candidates.clear();
      }
    }
  } else {
    // The last program row seen above, for rows the table gives no mapped ancestor; at first the
    // program the title names (an NTM-only table has no program row).
    std::string title = table.title;
    for (const auto& line : table.titles) title += " " + line;
    const auto titled = matcher.program_named_in(title);
    std::string program = titled.value_or(std::string());
    for (std::size_t i = 0; i < table.rows.size(); ++i) {
      const auto& row = table.rows[i];
      RowMapping item = unmatched_mapping(table, i);
      for (int up = row.parent; up >= 0 && static_cast<std::size_t>(up) < mapping.rows.size();
           up = table.rows[static_cast<std::size_t>(up)].parent) {
        const auto& above = mapping.rows[static_cast<std::size_t>(up)].match;
        if (above.status == MatchStatus::mapped) {
          item.context_key = above.key;
          break;
        }
        if (up == table.rows[static_cast<std::size_t>(up)].parent) break;  // a malformed self-link
      }
      if (item.context_key.empty() && !is_program_like(row)) item.context_key = program;
      if (table.kind == TableKind::investment && is_work_item(row)) {
        // A leaf of an investment table with a local number and no level word is a công trình.
        item.match.status = MatchStatus::detail;
        item.match.reason = "a work item (công trình) of an investment table";
        mapping.rows.push_back(std::move(item));
        continue;
      }
      const std::string label = label_to_match(table, row, sheet);
      item.match = matcher.match({row.stt, label, item.context_key, row.kind});
      if (item.match.status == MatchStatus::mapped) {
        const auto* entry = matcher.catalogue().find(item.match.key);
        if (entry != nullptr && entry->level == EntryLevel::program) program = entry->key;
      } else if (row.kind == RowKind::program) {
        program.clear();  // an unknown program: its rows must not be read as the previous one's
      }
      mapping.rows.push_back(std::move(item));
    }
  }

  std::optional<Finding> legacy;
  int legacy_rows = 0;
  for (const auto& row : mapping.rows) {
    if (row.match.legacy != LegacyEncoding::none) {
      ++legacy_rows;
      if (!legacy) {
        legacy = Finding{};
        legacy->code = "legacy-encoding";
        legacy->severity = Severity::warning;
        legacy->sheet = table.sheet;
        legacy->cell = row.cell;
        legacy->stt = row.stt;
        legacy->row_label = row.label;
        legacy->found_text = label_to_match(table, table.rows[row.row_index], sheet);
        legacy->detail = std::string(legacy_encoding_id(row.match.legacy)) + "; reads \"" +
                         legacy_to_unicode(legacy->found_text, row.match.legacy) + "\"";
      }
    }
    const char* code = finding_code(row.match.status);
    if (code == nullptr) continue;
    Finding finding;
    finding.code = code;
    finding.severity = Severity::warning;
    finding.sheet = table.sheet;
    finding.cell = row.cell;
    finding.stt = row.stt;
    finding.row_label = row.label;
    finding.detail = row.match.reason;
    if (!row.match.candidates.empty()) finding.detail += "; candidates: " + candidates_text(row.match);
    mapping.findings.push_back(std::move(finding));
  }
  if (legacy) {
    legacy->detail += "; " + std::to_string(legacy_rows) + " label(s) in this table";
    mapping.findings.insert(mapping.findings.begin(), std::move(*legacy));
  }
  return mapping;
}

}  // namespace phuluc
