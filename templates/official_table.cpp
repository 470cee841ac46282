#include "templates/official_table.hpp"

#include <functional>

#include "templates/vietnamese_case.hpp"

namespace phuluc {
namespace {

// Depth of a catalogue level in the program tree, to compare with a template's depth.
int level_rank(EntryLevel level) {
  switch (level) {
    case EntryLevel::program: return 0;
    case EntryLevel::component:
    case EntryLevel::project: return 1;
    case EntryLevel::subproject: return 2;
    case EntryLevel::content: return 3;
    case EntryLevel::criteria_set:
    case EntryLevel::criterion: return 99;
  }
  return 99;
}

}  // namespace

OfficialRow blank_official_row(const TemplateDefinition& definition) {
  OfficialRow row;
  row.numbers.resize(definition.columns.size());
  row.texts.resize(definition.columns.size());
  row.decimals.resize(definition.columns.size());
  return row;
}

namespace {

std::string number_text(const CatalogueEntry& entry) {
  const auto number = entry.number();
  return number ? std::to_string(*number) : std::string();
}

// STT, label and kind of a catalogue entry's row; `project_stt` is the roman numeral of the Dự án above.
void describe_entry(const CatalogueEntry& entry, const std::string& project_stt, OfficialRow& row) {
  const auto number = entry.number();
  switch (entry.level) {
    case EntryLevel::component:
      row.kind = RowKind::project;
      row.stt = number ? roman_numeral(*number) : "";
      row.label = "Nội dung thành phần số " + std::string(number && *number < 10 ? "0" : "") + number_text(entry) + ": " + entry.name;
      break;
    case EntryLevel::project:
      row.kind = RowKind::project;
      row.stt = number ? roman_numeral(*number) : "";
      row.label = "Dự án " + number_text(entry) + ": " + entry.name;
      break;
    case EntryLevel::subproject:
      row.kind = RowKind::subproject;
      row.stt = project_stt.empty() || !number ? "" : project_stt + "." + std::to_string(*number);
      row.label = "Tiểu dự án " + number_text(entry) + ": " + entry.name;
      break;
    default:
      row.kind = RowKind::content;
      row.label = entry.name;
      break;
  }
}

void add_program_rows(const TemplateDefinition& definition, const Catalogue& catalogue, const std::string& program_key,
                      int letter, int total, OfficialTable& table) {
  const CatalogueEntry* program = catalogue.find(program_key);
  if (!program) return;
  OfficialRow row = blank_official_row(definition);
  row.key = program->key;
  row.kind = RowKind::program;
  row.stt = std::string(1, static_cast<char>('A' + letter % 26));
  row.label = upper_case(program->name);
  const int program_row = table.add(std::move(row), total);
  const int deepest = level_rank(definition.depth);

  std::function<void(const std::string&, int, const std::string&)> add_children = [&](const std::string& key, int parent,
                                                                                       const std::string& project_stt) {
    const auto children = catalogue.children(key);
    bool any = false;
    for (const CatalogueEntry* child : children) {
      if (level_rank(child->level) > deepest) continue;
      any = true;
      OfficialRow child_row = blank_official_row(definition);
      child_row.key = child->key;
      describe_entry(*child, project_stt, child_row);
      const std::string stt = child_row.kind == RowKind::project ? child_row.stt : project_stt;
      const int index = table.add(std::move(child_row), parent);
      add_children(child->key, index, stt);
    }
    if (!any && parent != program_row) {
      for (std::size_t i = 0; i < definition.detail_rows; ++i) {
        OfficialRow detail = blank_official_row(definition);
        detail.stt = std::to_string(i + 1);
        table.add(std::move(detail), parent);
      }
    }
  };
  add_children(program->key, program_row, "");
}

}  // namespace

int OfficialTable::add(OfficialRow row, int parent) {
  const int index = static_cast<int>(rows.size());
  row.parent = parent;
  rows.push_back(std::move(row));
  if (parent < 0) roots.push_back(index);
  else rows[static_cast<std::size_t>(parent)].children.push_back(index);
  return index;
}

int OfficialTable::find_key(const std::string& key) const {
  if (key.empty()) return -1;
  for (std::size_t i = 0; i < rows.size(); ++i)
    if (rows[i].key == key) return static_cast<int>(i);
  return -1;
}

std::vector<int> OfficialTable::display_order() const {
  std::vector<int> order;
  order.reserve(rows.size());
  std::function<void(int)> visit = [&](int index) {
    order.push_back(index);
    for (const int child : rows[static_cast<std::size_t>(index)].children) visit(child);
  };
  for (const int root : roots) visit(root);
  return order;
}

std::string roman_numeral(int number) {
  if (number < 1 || number > 39) return std::to_string(number);
  static const char* const kTens[] = {"", "X", "XX", "XXX"};
  static const char* const kOnes[] = {"", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"};
  return std::string(kTens[number / 10]) + kOnes[number % 10];
}

OfficialTable template_skeleton(const TemplateDefinition& definition, const Catalogue& catalogue,
                                const std::vector<std::string>& programs) {
  OfficialTable table;
  int total = -1;
  if (!definition.total_label.empty()) {
    OfficialRow row = blank_official_row(definition);
    row.key = kTotalRowKey;
    row.kind = RowKind::grand_total;
    row.label = definition.total_label;
    total = table.add(std::move(row), -1);
  }
  switch (definition.rows) {
    case RowSource::programs: {
      const auto& keys = programs.empty() ? definition.programs : programs;
      for (std::size_t i = 0; i < keys.size(); ++i)
        add_program_rows(definition, catalogue, keys[i], static_cast<int>(i), total, table);
      break;
    }
    case RowSource::criteria:
      for (const CatalogueEntry* criterion : catalogue.children(definition.criteria_set)) {
        OfficialRow row = blank_official_row(definition);
        row.key = criterion->key;
        row.stt = number_text(*criterion);
        row.label = criterion->name;
        table.add(std::move(row), -1);  // criteria are not added up under "Tổng": it counts them
      }
      break;
    case RowSource::numbered:
      for (std::size_t i = 0; i < definition.blank_rows; ++i) {
        OfficialRow row = blank_official_row(definition);
        row.stt = std::to_string(i + 1);
        table.add(std::move(row), -1);
      }
      break;
  }
  return table;
}

}  // namespace phuluc
