#include "readers/xlsx/workbook_part.hpp"

#include <charconv>

#include "readers/read_error.hpp"
#include "readers/xml_stream.hpp"
#include "readers/zip_archive.hpp"

namespace phuluc {
namespace {

bool xml_true(std::string_view value) { return value == "1" || value == "true"; }

class WorkbookHandler : public XmlHandler {
 public:
  WorkbookHandler(WorkbookPart& out, const ReadLimits& limits) : out_(out), limits_(limits) {}

  void start_element(std::string_view name, const XmlAttributes& attrs, std::uint32_t) override {
    if (name == "sheet") {
      if (out_.sheets.size() >= limits_.max_sheets)
        throw ReadError(ReadErrorCode::too_large, "more than " + std::to_string(limits_.max_sheets) + " sheets");
      WorkbookSheetEntry entry;
      entry.name = attrs.get("name").value_or("");
      entry.relationship_id = attrs.get("id").value_or("");
      const auto state = attrs.get("state").value_or("visible");
      entry.hidden = state == "hidden" || state == "veryHidden";
      out_.sheets.push_back(std::move(entry));
    } else if (name == "workbookPr") {
      out_.date1904 = xml_true(attrs.get("date1904").value_or(""));
    } else if (name == "definedName") {
      in_defined_name_ = true;
      DefinedName defined;
      defined.name = attrs.get("name").value_or("");
      if (const auto local = attrs.get("localSheetId")) {
        std::uint32_t index = 0;
        const auto [end, error] = std::from_chars(local->data(), local->data() + local->size(), index);
        if (error == std::errc{} && end == local->data() + local->size()) defined.local_sheet = index;
      }
      out_.defined_names.push_back(std::move(defined));
    }
  }

  void end_element(std::string_view name, std::uint32_t) override {
    if (name == "definedName") in_defined_name_ = false;
  }

  void characters(std::string_view text) override {
    // Print ranges are short; a huge defined name is junk, not worth keeping.
    if (in_defined_name_ && out_.defined_names.back().formula.size() < 4096)
      out_.defined_names.back().formula.append(text);
  }

 private:
  WorkbookPart& out_;
  const ReadLimits& limits_;
  bool in_defined_name_ = false;
};

// Splits a formula at commas outside single quotes (sheet names may hold commas).
std::vector<std::string_view> split_areas(std::string_view formula) {
  std::vector<std::string_view> areas;
  bool quoted = false;
  std::size_t start = 0;
  for (std::size_t i = 0; i < formula.size(); ++i) {
    if (formula[i] == '\'') quoted = !quoted;
    else if (formula[i] == ',' && !quoted) {
      areas.push_back(formula.substr(start, i - start));
      start = i + 1;
    }
  }
  areas.push_back(formula.substr(start));
  return areas;
}

// The part after the sheet name: "'A'!$1:$3" → "1:3" (dollar signs removed).
std::string area_reference(std::string_view area) {
  const auto bang = area.rfind('!');
  if (bang != std::string_view::npos) area = area.substr(bang + 1);
  std::string out;
  for (char c : area)
    if (c != '$' && c != ' ') out += c;
  return out;
}

std::optional<std::uint32_t> parse_row_number(std::string_view text) {
  std::uint32_t row = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), row);
  if (error != std::errc{} || end != text.data() + text.size() || row == 0 || row > kMaxRows) return std::nullopt;
  return row - 1;
}

// "3:5" → rows {2, 4}; nullopt when the area is not whole rows.
std::optional<std::pair<std::uint32_t, std::uint32_t>> whole_rows(std::string_view reference) {
  const auto colon = reference.find(':');
  if (colon == std::string_view::npos) return std::nullopt;
  const auto first = parse_row_number(reference.substr(0, colon));
  const auto last = parse_row_number(reference.substr(colon + 1));
  if (!first || !last || *last < *first) return std::nullopt;
  return std::pair{*first, *last};
}

// "A:F" → columns {0, 5}; nullopt when the area is not whole columns.
std::optional<std::pair<std::uint32_t, std::uint32_t>> whole_columns(std::string_view reference) {
  const auto colon = reference.find(':');
  if (colon == std::string_view::npos) return std::nullopt;
  const auto first = parse_column_letters(reference.substr(0, colon));
  const auto last = parse_column_letters(reference.substr(colon + 1));
  if (!first || !last || *last < *first) return std::nullopt;
  return std::pair{*first, *last};
}

}  // namespace

WorkbookPart read_workbook_part(ZipArchive& zip, const std::string& part_name, const ReadLimits& limits) {
  WorkbookPart out;
  WorkbookHandler handler(out, limits);
  ZipPartReader part = zip.open(part_name);
  parse_xml([&](char* buffer, std::size_t size) { return part.read(buffer, size); }, handler, part.name(),
            limits.max_xml_depth);
  return out;
}

std::optional<std::pair<std::uint32_t, std::uint32_t>> print_title_rows(std::string_view formula) {
  for (const auto area : split_areas(formula))
    if (const auto rows = whole_rows(area_reference(area))) return rows;
  return std::nullopt;
}

std::optional<CellRange> print_area_range(std::string_view formula) {
  const std::string reference = area_reference(split_areas(formula).front());
  if (const auto rows = whole_rows(reference))
    return CellRange{{rows->first, 0}, {rows->second, kMaxCols - 1}};
  if (const auto cols = whole_columns(reference))
    return CellRange{{0, cols->first}, {kMaxRows - 1, cols->second}};
  return parse_a1_range(reference);
}

std::string formula_sheet_name(std::string_view formula) {
  const std::string_view first_area = split_areas(formula).front();
  const auto bang = first_area.rfind('!');
  if (bang == std::string_view::npos) return {};
  std::string_view name = first_area.substr(0, bang);
  if (name.size() >= 2 && name.front() == '\'' && name.back() == '\'') {
    std::string unquoted;
    for (std::size_t i = 1; i + 1 < name.size(); ++i) {
      unquoted += name[i];
      if (name[i] == '\'' && name[i + 1] == '\'') ++i;  // '' inside quotes is one quote
    }
    return unquoted;
  }
  return std::string(name);
}

}  // namespace phuluc
