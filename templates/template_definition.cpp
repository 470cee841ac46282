#include "templates/template_definition.hpp"

#include <algorithm>
#include <charconv>
#include <fstream>
#include <map>
#include <sstream>

#include "mappings/text_normalize.hpp"
#include "rules/check_workbook.hpp"
#include "table/text_fold.hpp"

namespace phuluc {
namespace {

std::string_view trim(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \t\r");
  return text.substr(first, last - first + 1);
}

std::vector<std::string> split(std::string_view text, std::string_view separator) {
  std::vector<std::string> pieces;
  std::size_t start = 0;
  while (true) {
    const auto end = text.find(separator, start);
    pieces.emplace_back(trim(text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start)));
    if (end == std::string_view::npos) break;
    start = end + separator.size();
  }
  return pieces;
}

std::vector<std::string> split_list(std::string_view text) {
  std::vector<std::string> items;
  for (auto& item : split(text, ","))
    if (!item.empty()) items.push_back(std::move(item));
  return items;
}

std::optional<TemplateColumnRole> parse_role(std::string_view text) {
  for (const auto role : {TemplateColumnRole::stt, TemplateColumnRole::label, TemplateColumnRole::amount,
                          TemplateColumnRole::rate, TemplateColumnRole::text, TemplateColumnRole::note})
    if (text == template_column_role_id(role)) return role;
  return std::nullopt;
}

std::optional<TableKind> parse_kind(std::string_view text) {
  for (const auto kind : {TableKind::funds, TableKind::investment, TableKind::criteria, TableKind::documents})
    if (text == table_kind_id(kind)) return kind;
  return std::nullopt;
}

std::optional<std::size_t> parse_count(std::string_view text) {
  std::size_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value > 1000) return std::nullopt;
  return value;
}

// A column line before its formula is resolved (formulas may name columns defined later).
struct PendingColumn {
  TemplateColumn column;
  std::string formula;
  int line = 0;
};

class Parser {
 public:
  explicit Parser(const std::string& source) { definition_.source = source; }

  void line(std::string_view raw, int number) {
    line_ = number;
    const auto text = trim(raw);
    if (text.empty() || text.front() == '#') return;
    if (text.front() == '[') return section(text);
    if (section_ == "template") return setting(text);
    if (section_ == "columns") return column(text);
    fail("text outside a [template] or [columns] section");
  }

  TemplateDefinition finish() {
    line_ = 0;
    if (definition_.name.empty()) fail("no name");
    if (definition_.title.empty()) fail("no title");
    if (!seen_kind_) fail("no kind");
    if (pending_.empty()) fail("no columns");
    for (auto& pending : pending_) definition_.columns.push_back(pending.column);
    for (std::size_t i = 0; i < pending_.size(); ++i) resolve_formula(i);
    line_ = 0;
    const auto labels = std::count_if(definition_.columns.begin(), definition_.columns.end(),
                                      [](const TemplateColumn& c) { return c.role == TemplateColumnRole::label; });
    if (labels != 1) fail("exactly one label column is needed");
    if (definition_.rows == RowSource::criteria && definition_.criteria_set.empty()) fail("rows = criteria needs criteria_set");
    if (definition_.rows == RowSource::programs && definition_.programs.empty()) fail("rows = programs needs programs");
    return std::move(definition_);
  }

 private:
  [[noreturn]] void fail(const std::string& reason) const { throw TemplateError(definition_.source, line_, reason); }

  void section(std::string_view text) {
    if (text.back() != ']') fail("a section line must end with ']'");
    section_ = std::string(trim(text.substr(1, text.size() - 2)));
    if (section_ != "template" && section_ != "columns") fail("unknown section [" + section_ + "]");
  }

  void setting(std::string_view text) {
    const auto equals = text.find('=');
    if (equals == std::string_view::npos) fail("expected 'name = value'");
    const std::string key(trim(text.substr(0, equals)));
    const std::string value = to_nfc(trim(text.substr(equals + 1)));
    if (!seen_keys_.insert({key, line_}).second) fail("'" + key + "' given twice");
    if (key == "name") definition_.name = value;
    else if (key == "kind") {
      const auto kind = parse_kind(value);
      if (!kind) fail("unknown kind '" + value + "' (funds, investment, criteria, documents)");
      definition_.kind = *kind;
      seen_kind_ = true;
    } else if (key == "appendix") definition_.appendix = value;
    else if (key == "title") definition_.title = value;
    else if (key == "summary_vi") definition_.summary_vi = value;
    else if (key == "summary_en") definition_.summary_en = value;
    else if (key == "rows") rows(value);
    else if (key == "programs") definition_.programs = split_list(value);
    else if (key == "depth") {
      const auto level = parse_entry_level(value);
      if (!level) fail("unknown depth '" + value + "'");
      definition_.depth = *level;
    } else if (key == "detail_rows") definition_.detail_rows = count(value);
    else if (key == "blank_rows") definition_.blank_rows = count(value);
    else if (key == "criteria_set") definition_.criteria_set = value;
    else if (key == "total") definition_.total_label = value;
    else if (key == "rules") definition_.rules = split_list(value);
    else fail("unknown setting '" + key + "'");
  }

  void rows(const std::string& value) {
    if (value == "programs") definition_.rows = RowSource::programs;
    else if (value == "criteria") definition_.rows = RowSource::criteria;
    else if (value == "numbered") definition_.rows = RowSource::numbered;
    else fail("unknown rows '" + value + "' (programs, criteria, numbered)");
  }

  std::size_t count(const std::string& value) {
    const auto parsed = parse_count(value);
    if (!parsed) fail("'" + value + "' is not a count from 0 to 1000");
    return *parsed;
  }

  void column(std::string_view text) {
    const auto fields = split(text, "|");
    if (fields.size() != 5) fail("a column line has 5 fields: id | width | role | formula | header");
    PendingColumn pending;
    pending.line = line_;
    pending.column.id = fields[0];
    if (pending.column.id.empty()) fail("a column needs an id");
    for (const auto& other : pending_)
      if (other.column.id == pending.column.id) fail("column id '" + pending.column.id + "' used twice");
    double width = 0;
    const auto [end, error] = std::from_chars(fields[1].data(), fields[1].data() + fields[1].size(), width);
    if (error != std::errc() || end != fields[1].data() + fields[1].size() || width <= 0 || width > 255)
      fail("width '" + fields[1] + "' is not a number from 0 to 255");
    pending.column.width = width;
    const auto role = parse_role(fields[2]);
    if (!role) fail("unknown role '" + fields[2] + "' (stt, label, amount, rate, text, note)");
    pending.column.role = *role;
    pending.formula = fields[3];
    for (auto& text_piece : split(fields[4], "›")) {
      if (text_piece.empty()) fail("an empty header text");
      pending.column.header.push_back(to_nfc(text_piece));
    }
    pending_.push_back(std::move(pending));
  }

  std::size_t column_named(const std::string& id, TemplateColumnRole role) {
    const auto index = definition_.column_index(id);
    if (!index) fail("the formula names '" + id + "', which is no column");
    if (definition_.columns[*index].role != role)
      fail("the formula names '" + id + "', which is not an " + template_column_role_id(role) + " column");
    return *index;
  }

  void resolve_formula(std::size_t index) {
    const PendingColumn& pending = pending_[index];
    line_ = pending.line;
    TemplateColumn& column = definition_.columns[index];
    if (pending.formula.empty()) {
      if (column.role == TemplateColumnRole::rate) fail("a rate column needs 'amount/plan'");
      return;
    }
    if (column.role == TemplateColumnRole::amount) {
      for (const auto& part : split(pending.formula, "+")) column.parts.push_back(column_named(part, TemplateColumnRole::amount));
      if (column.parts.size() < 2) fail("a total adds at least two columns: 'a+b'");
    } else if (column.role == TemplateColumnRole::rate) {
      const auto operands = split(pending.formula, "/");
      if (operands.size() != 2) fail("a rate is 'amount/plan'");
      column.numerator = column_named(operands[0], TemplateColumnRole::amount);
      column.plan = column_named(operands[1], TemplateColumnRole::amount);
    } else {
      fail("only amount and rate columns take a formula");
    }
  }

  TemplateDefinition definition_;
  std::vector<PendingColumn> pending_;
  std::map<std::string, int> seen_keys_;
  std::string section_;
  bool seen_kind_ = false;
  int line_ = 0;
};

}  // namespace

TemplateError::TemplateError(const std::string& file, int line, const std::string& reason)
    : std::runtime_error(file + ":" + std::to_string(line) + ": " + reason) {}

const char* template_column_role_id(TemplateColumnRole role) {
  switch (role) {
    case TemplateColumnRole::stt: return "stt";
    case TemplateColumnRole::label: return "label";
    case TemplateColumnRole::amount: return "amount";
    case TemplateColumnRole::rate: return "rate";
    case TemplateColumnRole::text: return "text";
    case TemplateColumnRole::note: return "note";
  }
  return "text";
}

std::optional<std::size_t> TemplateDefinition::column_index(std::string_view id) const {
  for (std::size_t i = 0; i < columns.size(); ++i)
    if (columns[i].id == id) return i;
  return std::nullopt;
}

std::optional<std::size_t> TemplateDefinition::first_of(TemplateColumnRole role) const {
  for (std::size_t i = 0; i < columns.size(); ++i)
    if (columns[i].role == role) return i;
  return std::nullopt;
}

std::size_t TemplateDefinition::header_depth() const {
  std::size_t depth = 1;
  for (const auto& column : columns) depth = std::max(depth, column.header.size());
  return depth;
}

TemplateDefinition parse_template(std::string_view text, const std::string& source) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  Parser parser(source);
  int number = 0;
  std::size_t start = 0;
  while (start <= text.size()) {
    auto end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    parser.line(text.substr(start, end - start), ++number);
    start = end + 1;
  }
  return parser.finish();
}

std::vector<TemplateDefinition> load_templates(const std::filesystem::path& data_dir) {
  std::vector<std::filesystem::path> files;
  std::error_code error;
  for (const auto& item : std::filesystem::directory_iterator(data_dir / "templates", error))
    if (item.is_regular_file() && item.path().extension() == ".tpl") files.push_back(item.path());
  if (error) throw TemplateError((data_dir / "templates").string(), 0, "cannot list the folder: " + error.message());
  std::vector<TemplateDefinition> templates;
  for (const auto& file : files) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    if (!in && !in.eof()) throw TemplateError(file.string(), 0, "cannot be read");
    templates.push_back(parse_template(text.str(), file.string()));
  }
  std::sort(templates.begin(), templates.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
  for (std::size_t i = 1; i < templates.size(); ++i)
    if (templates[i].name == templates[i - 1].name)
      throw TemplateError(templates[i].source, 0, "template name '" + templates[i].name + "' also in " + templates[i - 1].source);
  return templates;
}

const TemplateDefinition* find_template(const std::vector<TemplateDefinition>& templates, std::string_view name) {
  const std::string wanted = fold_text(name);
  for (const auto& definition : templates)
    if (fold_text(definition.name) == wanted) return &definition;
  return nullptr;
}

}  // namespace phuluc
