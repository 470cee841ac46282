#pragma once
// An official appendix template as data: its header block, its columns (with the arithmetic that ties
// them: Tổng số = NSTW + NSĐP, rate = amount ÷ plan × 100), which rules apply to it and where its row
// skeleton comes from (the catalogue's programs, an NTM criteria set, or numbered blank rows).
// Parsed from the text files in mappings/templates/ (format: docs/template.md).
#include <cstddef>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "mappings/catalogue.hpp"
#include "table/table.hpp"

namespace phuluc {

/// What a template column holds.
enum class TemplateColumnRole { stt, label, amount, rate, text, note };

/// One column, left to right. Formulas name other columns by id.
struct TemplateColumn {
  std::string id;                   ///< unique within the template ("k.plan.c")
  double width = 10.0;              ///< Excel character units
  TemplateColumnRole role = TemplateColumnRole::text;
  std::vector<std::string> header;  ///< header texts top to bottom, placeholders unfilled ("Kế hoạch vốn", "Tổng số")
  std::vector<std::size_t> parts;   ///< amount: the columns it adds up (Tổng số = NSTW + NSĐP); indices into columns
  std::optional<std::size_t> numerator;  ///< rate: the amount column it is a rate of
  std::optional<std::size_t> plan;       ///< rate: the plan column
};

/// Where the data rows of the blank template come from.
enum class RowSource {
  programs,  ///< catalogue programs (TemplateDefinition::programs) and their entries down to `depth`
  criteria,  ///< the criteria of one NTM criteria set (TemplateDefinition::criteria_set)
  numbered   ///< `blank_rows` rows numbered 1, 2, ... (documents)
};

struct TemplateDefinition {
  std::string name;                 ///< "von-su-nghiep": what `phuluc template NAME` takes
  TableKind kind = TableKind::funds;
  std::string appendix;             ///< the Phụ lục number in Roman numerals ("II")
  std::string title;                ///< with placeholders ("... {PERIOD}")
  std::string summary_vi, summary_en;  ///< one line for `phuluc template --list`
  RowSource rows = RowSource::programs;
  std::vector<std::string> programs;   ///< default catalogue program keys, in order ("dtts", "gnbv", "ntm")
  EntryLevel depth = EntryLevel::content;  ///< deepest catalogue level the skeleton lists
  std::size_t detail_rows = 0;      ///< empty rows to type into under each deepest skeleton row (công trình)
  std::string criteria_set;         ///< "ntm.tc2030"
  std::size_t blank_rows = 0;       ///< numbered rows of a documents list
  std::string total_label;          ///< the grand total row's words ("TỔNG CỘNG", "Tổng"); empty: none
  std::vector<std::string> rules;   ///< finding codes of the rules that judge this template
  std::vector<TemplateColumn> columns;
  std::string source;               ///< the file it came from

  /// Index of the column with `id`, or nullopt.
  std::optional<std::size_t> column_index(std::string_view id) const;
  /// Index of the first column with `role`, or nullopt.
  std::optional<std::size_t> first_of(TemplateColumnRole role) const;
  /// Rows the header spans: the longest column header.
  std::size_t header_depth() const;
};

/// A malformed template file: what() reads "FILE:LINE: REASON" (English).
class TemplateError : public std::runtime_error {
 public:
  TemplateError(const std::string& file, int line, const std::string& reason);
};

/// "stt", "label", "amount", "rate", "text", "note".
const char* template_column_role_id(TemplateColumnRole role);

/// Parses one template text (sections [template] and [columns]; '#' comments). Validates that the
/// name, kind, title and columns are there, ids are unique, formulas name known columns of the right
/// role, and that there is one label column. Throws TemplateError naming `source` and the line.
///   const TemplateDefinition definition = parse_template(text, "von_su_nghiep.tpl");
TemplateDefinition parse_template(std::string_view text, const std::string& source);

/// Every *.tpl file in `data_dir`/templates, sorted by template name. Throws TemplateError on the
/// first malformed file, or when two files define the same name.
///   const auto templates = load_templates(data_directory(PHULUC_DATA_DIR));
std::vector<TemplateDefinition> load_templates(const std::filesystem::path& data_dir);

/// The template called `name` (case-insensitive), or nullptr.
const TemplateDefinition* find_template(const std::vector<TemplateDefinition>& templates, std::string_view name);

}  // namespace phuluc
