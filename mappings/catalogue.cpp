#include "mappings/catalogue.hpp"

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <fstream>
#include <set>
#include <sstream>

#include "mappings/text_normalize.hpp"

namespace phuluc {
namespace {

// One CSV record and the 1-based line it starts on.
struct CsvRecord {
  int line = 0;
  std::vector<std::string> fields;
};

bool valid_utf8(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    const auto lead = static_cast<unsigned char>(text[i]);
    const int extra = lead < 0x80 ? 0 : (lead >= 0xC2 && lead <= 0xDF) ? 1 : (lead >> 4) == 0xE ? 2 : (lead >= 0xF0 && lead <= 0xF4) ? 3 : -1;
    if (extra < 0 || i + static_cast<std::size_t>(extra) >= text.size()) return false;
    for (int k = 1; k <= extra; ++k)
      if ((static_cast<unsigned char>(text[i + static_cast<std::size_t>(k)]) & 0xC0) != 0x80) return false;
    i += static_cast<std::size_t>(extra) + 1;
  }
  return true;
}

std::string trim(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \t\r\n");
  return std::string(text.substr(first, last - first + 1));
}

// RFC 4180 records: comma-separated, fields in double quotes may hold commas, quotes ("") and line
// breaks. Lines starting with '#' and blank lines are skipped (comments in the data files).
std::vector<CsvRecord> parse_csv(std::string_view text, const std::string& source) {
  std::vector<CsvRecord> records;
  std::size_t i = 0;
  int line = 1;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") i = 3;  // Excel's UTF-8 BOM
  while (i < text.size()) {
    if (text[i] == '#' || text[i] == '\n' || text[i] == '\r') {
      while (i < text.size() && text[i] != '\n') ++i;
      if (i < text.size()) ++i;
      ++line;
      continue;
    }
    CsvRecord record;
    record.line = line;
    std::string field;
    bool quoted = false;
    bool field_was_quoted = false;
    bool done = false;
    while (!done) {
      if (i >= text.size()) {
        if (quoted) throw CatalogueError(source, record.line, "a quoted field is not closed");
        record.fields.push_back(field_was_quoted ? field : trim(field));
        break;
      }
      const char c = text[i++];
      if (quoted) {
        if (c == '"') {
          if (i < text.size() && text[i] == '"') {
            field += '"';
            ++i;
          } else {
            quoted = false;
          }
        } else {
          if (c == '\n') ++line;
          field += c;
        }
        continue;
      }
      switch (c) {
        case '"':
          if (!trim(field).empty()) throw CatalogueError(source, line, "a quote inside an unquoted field");
          field.clear();
          quoted = true;
          field_was_quoted = true;
          break;
        case ',':
          record.fields.push_back(field_was_quoted ? field : trim(field));
          field.clear();
          field_was_quoted = false;
          break;
        case '\r': break;
        case '\n':
          record.fields.push_back(field_was_quoted ? field : trim(field));
          ++line;
          done = true;
          break;
        default:
          if (field_was_quoted && c != ' ' && c != '\t')
            throw CatalogueError(source, line, "text after a closing quote");
          if (!field_was_quoted) field += c;
      }
    }
    records.push_back(std::move(record));
  }
  return records;
}

const std::vector<std::string>& known_columns() {
  static const std::vector<std::string> columns = {"key",         "parent",    "level",   "name", "legal_basis",
                                                   "budget_code", "certainty", "aliases", "note"};
  return columns;
}

bool valid_key(std::string_view key) {
  if (key.empty() || key.front() == '.' || key.back() == '.') return false;
  char prev = '.';
  for (const char c : key) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c == '.' && prev != '.');
    if (!ok) return false;
    prev = c;
  }
  return true;
}

std::string key_parent(std::string_view key) {
  const auto dot = key.rfind('.');
  return dot == std::string_view::npos ? std::string() : std::string(key.substr(0, dot));
}

std::vector<std::string> split_aliases(std::string_view text) {
  std::vector<std::string> aliases;
  std::size_t start = 0;
  while (start <= text.size()) {
    auto end = text.find('|', start);
    if (end == std::string_view::npos) end = text.size();
    auto alias = trim(text.substr(start, end - start));
    if (!alias.empty()) aliases.push_back(to_nfc(alias));
    start = end + 1;
  }
  return aliases;
}

}  // namespace

const char* entry_level_id(EntryLevel level) {
  switch (level) {
    case EntryLevel::program: return "program";
    case EntryLevel::component: return "component";
    case EntryLevel::project: return "project";
    case EntryLevel::subproject: return "subproject";
    case EntryLevel::content: return "content";
    case EntryLevel::criteria_set: return "criteria_set";
    case EntryLevel::criterion: return "criterion";
  }
  return "program";
}

std::optional<EntryLevel> parse_entry_level(std::string_view text) {
  for (const auto level : {EntryLevel::program, EntryLevel::component, EntryLevel::project, EntryLevel::subproject,
                           EntryLevel::content, EntryLevel::criteria_set, EntryLevel::criterion})
    if (text == entry_level_id(level)) return level;
  return std::nullopt;
}

const char* certainty_id(Certainty certainty) {
  switch (certainty) {
    case Certainty::official: return "official";
    case Certainty::seen: return "seen";
    case Certainty::uncertain: return "uncertain";
  }
  return "uncertain";
}

std::optional<Certainty> parse_certainty(std::string_view text) {
  for (const auto certainty : {Certainty::official, Certainty::seen, Certainty::uncertain})
    if (text == certainty_id(certainty)) return certainty;
  return std::nullopt;
}

std::optional<int> CatalogueEntry::number() const {
  const auto dot = key.rfind('.');
  std::string_view last = dot == std::string::npos ? std::string_view(key) : std::string_view(key).substr(dot + 1);
  if (last.size() > 2 && last.substr(0, 2) == "nd") last.remove_prefix(2);
  if (last.empty() || last.find_first_not_of("0123456789") != std::string_view::npos) return std::nullopt;
  int value = 0;
  const auto [end, error] = std::from_chars(last.data(), last.data() + last.size(), value);
  if (error != std::errc() || end != last.data() + last.size()) return std::nullopt;
  return value;
}

CatalogueError::CatalogueError(std::string file, int line, std::string reason)
    : std::runtime_error(file + ":" + std::to_string(line) + ": " + reason),
      file_(std::move(file)),
      line_(line),
      reason_(std::move(reason)) {}

void Catalogue::add_csv(std::string_view text, const std::string& source_name) {
  if (!valid_utf8(text)) {
    // Name the first line with a bad byte: a catalogue saved in a legacy code page.
    int line = 1;
    std::size_t start = 0;
    while (start < text.size()) {
      auto end = text.find('\n', start);
      if (end == std::string_view::npos) end = text.size();
      if (!valid_utf8(text.substr(start, end - start))) break;
      start = end + 1;
      ++line;
    }
    throw CatalogueError(source_name, line, "the file is not UTF-8 text (save it as CSV UTF-8)");
  }
  const auto records = parse_csv(text, source_name);
  if (records.empty()) throw CatalogueError(source_name, 0, "the file is empty: a header line is required");

  const auto& header = records.front();
  std::map<std::string, std::size_t> column;
  for (std::size_t i = 0; i < header.fields.size(); ++i) {
    const auto name = fold_case(header.fields[i]);
    if (std::find(known_columns().begin(), known_columns().end(), name) == known_columns().end())
      throw CatalogueError(source_name, header.line, "unknown column '" + header.fields[i] + "'");
    if (!column.emplace(name, i).second)
      throw CatalogueError(source_name, header.line, "column '" + name + "' appears twice");
  }
  if (!column.count("key")) throw CatalogueError(source_name, header.line, "the header has no 'key' column");

  Catalogue next = *this;
  std::map<std::string, int> seen_in_file;
  std::vector<std::pair<std::string, int>> to_check;  // key, line
  for (std::size_t r = 1; r < records.size(); ++r) {
    const auto& record = records[r];
    const auto line = record.line;
    if (record.fields.size() == 1 && record.fields[0].empty()) continue;
    if (record.fields.size() != header.fields.size())
      throw CatalogueError(source_name, line,
                           "expected " + std::to_string(header.fields.size()) + " fields, found " +
                               std::to_string(record.fields.size()));
    const auto get = [&](const char* name) -> std::string {
      const auto found = column.find(name);
      return found == column.end() ? std::string() : record.fields[found->second];
    };
    const auto key = get("key");
    if (!valid_key(key))
      throw CatalogueError(source_name, line,
                           "key '" + key + "' is not lowercase ASCII letters and digits in dot-separated segments");
    if (const auto [it, inserted] = seen_in_file.emplace(key, line); !inserted)
      throw CatalogueError(source_name, line, "key '" + key + "' appears twice (first on line " + std::to_string(it->second) + ")");

    const auto found = next.index_.find(key);
    const bool is_new = found == next.index_.end();
    CatalogueEntry entry = is_new ? CatalogueEntry{} : next.entries_[found->second];
    entry.key = key;
    entry.source = source_name + ":" + std::to_string(line);

    const auto parent = get("parent");
    if (!parent.empty() || is_new) {
      if (parent != key_parent(key))
        throw CatalogueError(source_name, line,
                             parent.empty() ? "key '" + key + "' needs parent '" + key_parent(key) + "'"
                                            : "parent '" + parent + "' does not match key '" + key +
                                                  "' (the parent is the key without its last segment)");
      entry.parent = parent;
    }
    if (const auto level_text = get("level"); !level_text.empty()) {
      const auto level = parse_entry_level(level_text);
      if (!level)
        throw CatalogueError(source_name, line,
                             "level '" + level_text +
                                 "' is not one of program, component, project, subproject, content, criteria_set, criterion");
      entry.level = *level;
    } else if (is_new) {
      throw CatalogueError(source_name, line, "new key '" + key + "' needs a level");
    }
    if (const auto name = get("name"); !name.empty()) entry.name = to_nfc(name);
    else if (is_new) throw CatalogueError(source_name, line, "new key '" + key + "' needs a name");
    if (const auto certainty_text = get("certainty"); !certainty_text.empty()) {
      const auto certainty = parse_certainty(certainty_text);
      if (!certainty)
        throw CatalogueError(source_name, line, "certainty '" + certainty_text + "' is not one of official, seen, uncertain");
      entry.certainty = *certainty;
    } else if (is_new) {
      throw CatalogueError(source_name, line, "new key '" + key + "' needs a certainty (official, seen or uncertain)");
    }
    if (const auto legal = get("legal_basis"); !legal.empty()) entry.legal_basis = to_nfc(legal);
    if (const auto code = get("budget_code"); !code.empty()) entry.budget_code = code;
    if (const auto note = get("note"); !note.empty()) entry.note = to_nfc(note);
    for (auto& alias : split_aliases(get("aliases")))
      if (std::find(entry.aliases.begin(), entry.aliases.end(), alias) == entry.aliases.end())
        entry.aliases.push_back(std::move(alias));

    if (entry.level == EntryLevel::program && !entry.parent.empty())
      throw CatalogueError(source_name, line, "a program has no parent; '" + key + "' has one");
    if (entry.level != EntryLevel::program && entry.parent.empty())
      throw CatalogueError(source_name, line, "only programs are top-level; '" + key + "' needs a parent");

    if (is_new) {
      next.index_.emplace(key, next.entries_.size());
      next.entries_.push_back(std::move(entry));
    } else {
      next.entries_[found->second] = std::move(entry);
    }
    to_check.emplace_back(key, line);
  }
  for (const auto& [key, line] : to_check) {
    const auto& entry = next.entries_[next.index_.at(key)];
    if (!entry.parent.empty() && !next.index_.count(entry.parent))
      throw CatalogueError(source_name, line, "parent '" + entry.parent + "' of '" + key + "' is not in the catalogue");
  }
  *this = std::move(next);
}

void Catalogue::add_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw CatalogueError(path.string(), 0, "cannot open the file");
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) throw CatalogueError(path.string(), 0, "cannot read the file");
  add_csv(text.str(), path.string());
}

const CatalogueEntry* Catalogue::find(std::string_view key) const {
  const auto found = index_.find(key);
  return found == index_.end() ? nullptr : &entries_[found->second];
}

std::vector<const CatalogueEntry*> Catalogue::children(std::string_view key) const {
  std::vector<const CatalogueEntry*> out;
  for (const auto& entry : entries_)
    if (entry.parent == key) out.push_back(&entry);
  return out;
}

bool Catalogue::is_below(std::string_view key, std::string_view ancestor) {
  if (ancestor.empty()) return !key.empty();
  return key.size() > ancestor.size() + 1 && key.substr(0, ancestor.size()) == ancestor && key[ancestor.size()] == '.';
}

Catalogue load_catalogue(const std::filesystem::path& data_dir, const std::vector<std::filesystem::path>& user_files) {
  const auto directory = data_dir / "catalogue";
  std::error_code error;
  if (!std::filesystem::is_directory(directory, error))
    throw CatalogueError(directory.string(), 0, "the catalogue directory does not exist");
  std::vector<std::filesystem::path> files;
  for (const auto& item : std::filesystem::directory_iterator(directory, error))
    if (item.is_regular_file() && item.path().extension() == ".csv") files.push_back(item.path());
  if (error) throw CatalogueError(directory.string(), 0, "cannot list the catalogue directory");
  std::sort(files.begin(), files.end());
  Catalogue catalogue;
  for (const auto& file : files) catalogue.add_file(file);
  for (const auto& file : user_files) catalogue.add_file(file);
  return catalogue;
}

std::filesystem::path data_directory(const std::filesystem::path& built_in) {
  if (const char* env = std::getenv("PHULUC_DATA_DIR"); env != nullptr && *env != '\0') return env;
  return built_in;
}

}  // namespace phuluc
