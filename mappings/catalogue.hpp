#pragma once
// The catalogue of programs, projects, sub-projects, contents and NTM criteria: what a row of an
// appendix can BE. Data, not code: CSV files in mappings/catalogue/ (format in docs/map.md), loaded
// and validated at run time; a user's own file extends or overrides the built-in entries.
#include <filesystem>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace phuluc {

/// The level of an entry in the program tree.
enum class EntryLevel {
  program,       ///< a national target program (dtts, gnbv, ntm, mtqg2026, ...)
  component,     ///< a nội dung thành phần (ntm.7) or hợp phần of a program: numbered like a Dự án
  project,       ///< a Dự án (dtts.5)
  subproject,    ///< a Tiểu dự án (dtts.5.1)
  content,       ///< a Nội dung under a project or sub-project (dtts.5.1.nd2)
  criteria_set,  ///< an NTM criteria set (ntm.tc2030)
  criterion      ///< one criterion of a set (ntm.tc2030.6)
};

/// "program", "component", "project", "subproject", "content", "criteria_set", "criterion".
const char* entry_level_id(EntryLevel level);
/// Parses the spelling of entry_level_id(); nullopt otherwise.
std::optional<EntryLevel> parse_entry_level(std::string_view text);

/// How sure we are of an entry's wording and numbering.
enum class Certainty {
  official,  ///< wording and number from the legal text
  seen,      ///< wording seen in real reports; number official or seen with it
  uncertain  ///< believed right but not confirmed: keep it editable, never present it as official
};

/// "official", "seen", "uncertain".
const char* certainty_id(Certainty certainty);
/// Parses the spelling of certainty_id(); nullopt otherwise.
std::optional<Certainty> parse_certainty(std::string_view text);

/// One row of the catalogue.
struct CatalogueEntry {
  std::string key;          ///< stable key from the official numbering: "dtts.5.1", "ntm.tc2030.6"
  std::string parent;       ///< key of the parent entry; empty for programs
  EntryLevel level = EntryLevel::program;
  std::string name;         ///< official name, without its "Dự án 5:" prefix, NFC
  std::string legal_basis;  ///< "QĐ 1719/QĐ-TTg ngày 14/10/2021"
  std::string budget_code;  ///< Mục lục NSNN code; empty where unknown (never invented)
  Certainty certainty = Certainty::official;
  std::vector<std::string> aliases;  ///< other wordings seen in reports, NFC
  std::string note;
  std::string source;       ///< "file:line" the entry (or its last override) came from

  /// The official number the key ends with: 5 for dtts.5, 2 for dtts.5.1.nd2, 6 for ntm.tc2030.6;
  /// nullopt for keys that end in letters only ("dtts", "tc2030").
  std::optional<int> number() const;
};

/// A malformed catalogue: the file, the 1-based line and the reason, in English.
/// what() reads "FILE:LINE: REASON".
class CatalogueError : public std::runtime_error {
 public:
  CatalogueError(std::string file, int line, std::string reason);
  const std::string& file() const { return file_; }
  int line() const { return line_; }  ///< 1-based; 0 when the error is about the whole file
  const std::string& reason() const { return reason_; }

 private:
  std::string file_;
  int line_;
  std::string reason_;
};

/// The entries, indexed by key. Filled from CSV text; validated on every add.
class Catalogue {
 public:
  /// Adds the entries of one CSV text. A key already present is overridden: its non-blank fields
  /// replace the old ones and its aliases are added to the old ones. New keys need level, name
  /// and certainty; every key needs a parent that exists (in this text or before) and that equals
  /// the key without its last segment. Throws CatalogueError naming `source_name` and the line.
  ///   Catalogue catalogue;
  ///   catalogue.add_csv("key,parent,level,name,certainty\ndtts,,program,Chương trình ...,official\n", "x.csv");
  void add_csv(std::string_view text, const std::string& source_name);

  /// Reads a CSV file (UTF-8, an optional BOM) and adds it with add_csv().
  /// Throws CatalogueError when the file cannot be read or is malformed.
  void add_file(const std::filesystem::path& path);

  /// The entry with a key, or nullptr.
  const CatalogueEntry* find(std::string_view key) const;

  /// All entries in the order first added (programs before their children in the built-in data).
  const std::vector<CatalogueEntry>& entries() const { return entries_; }

  /// Direct children of a key, in order added. An empty key gives the top-level entries.
  std::vector<const CatalogueEntry*> children(std::string_view key) const;

  /// Whether `key` lies strictly below `ancestor` ("dtts.5.1" is below "dtts" and "dtts.5").
  static bool is_below(std::string_view key, std::string_view ancestor);

 private:
  std::vector<CatalogueEntry> entries_;
  std::map<std::string, std::size_t, std::less<>> index_;
};

/// The built-in catalogue: every *.csv in `data_dir`/catalogue, in file-name order, then each of
/// `user_files` in order. Throws CatalogueError on the first malformed file.
///   const auto catalogue = load_catalogue(data_directory(PHULUC_DATA_DIR), {"my_entries.csv"});
Catalogue load_catalogue(const std::filesystem::path& data_dir,
                         const std::vector<std::filesystem::path>& user_files = {});

/// The data directory to use: the environment variable PHULUC_DATA_DIR when set and not empty
/// (an installed copy), otherwise `built_in` (the source tree's mappings/ the build was made from).
std::filesystem::path data_directory(const std::filesystem::path& built_in);

}  // namespace phuluc
