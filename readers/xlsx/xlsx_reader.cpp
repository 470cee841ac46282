#include "readers/xlsx/xlsx_reader.hpp"

#include <optional>

#include "readers/read_error.hpp"
#include "readers/xlsx/read_budget.hpp"
#include "readers/xlsx/relationships.hpp"
#include "readers/xlsx/shared_strings.hpp"
#include "readers/xlsx/styles_part.hpp"
#include "readers/xlsx/workbook_part.hpp"
#include "readers/xlsx/worksheet_part.hpp"
#include "readers/zip_archive.hpp"

namespace phuluc {
namespace {

constexpr std::string_view kDefaultWorkbookPart = "xl/workbook.xml";

// Other zip-based formats that look like a spreadsheet but are not OOXML SpreadsheetML.
void refuse_other_packages(ZipArchive& zip, std::string_view workbook_part) {
  if (zip.contains("mimetype")) {
    ZipPartReader part = zip.open("mimetype");
    char head[64] = {};
    const std::size_t got = part.read(head, sizeof head);
    if (std::string_view(head, got).starts_with("application/vnd.oasis.opendocument"))
      throw ReadError(ReadErrorCode::unsupported, "OpenDocument package (.ods), not OOXML");
  }
  if (workbook_part.ends_with(".bin") || zip.contains("xl/workbook.bin"))
    throw ReadError(ReadErrorCode::unsupported, "binary workbook (.xlsb)");
}

std::string find_workbook_part(ZipArchive& zip, const ReadLimits& limits) {
  const auto root = read_relationships(zip, "", limits);
  if (const auto* office = first_relationship_of(root, "officeDocument"); office && !office->external)
    return office->target;
  return std::string(kDefaultWorkbookPart);
}

// A part a relationship names, or the conventional location when the relationship is missing.
std::optional<std::string> related_part(ZipArchive& zip, const std::vector<Relationship>& rels, std::string_view kind,
                                        std::string_view fallback) {
  if (const auto* rel = first_relationship_of(rels, kind); rel && !rel->external) return rel->target;
  if (zip.contains(fallback)) return std::string(fallback);
  return std::nullopt;
}

void note(Workbook& workbook, std::string code, const std::string& sheet, std::string detail) {
  workbook.limitations.push_back(ReaderLimitation{std::move(code), sheet, std::move(detail)});
}

void note_stats(Workbook& workbook, const std::string& sheet, const WorksheetReadStats& stats) {
  if (stats.formulas_without_value > 0)
    note(workbook, "formula-without-value", sheet,
         std::to_string(stats.formulas_without_value) + " formula cell(s) have no cached value");
  if (stats.bad_shared_string_refs > 0)
    note(workbook, "xlsx-bad-shared-string-ref", sheet,
         std::to_string(stats.bad_shared_string_refs) + " string cell(s) point outside the shared-string table");
  if (stats.unreadable_numbers > 0)
    note(workbook, "xlsx-unreadable-number", sheet,
         std::to_string(stats.unreadable_numbers) + " numeric cell(s) hold text that is not a number; kept as text");
}

// The output sheet a print name belongs to: its localSheetId, else the sheet its formula names.
std::optional<std::size_t> defined_name_sheet(const DefinedName& name, const WorkbookPart& part,
                                              const std::vector<std::optional<std::size_t>>& entry_to_sheet) {
  std::optional<std::size_t> entry;
  if (name.local_sheet && *name.local_sheet < part.sheets.size()) {
    entry = *name.local_sheet;
  } else {
    const std::string sheet_name = formula_sheet_name(name.formula);
    for (std::size_t i = 0; i < part.sheets.size(); ++i)
      if (part.sheets[i].name == sheet_name) entry = i;
  }
  if (!entry) return std::nullopt;
  return entry_to_sheet[*entry];
}

void apply_print_names(const WorkbookPart& part, const std::vector<std::optional<std::size_t>>& entry_to_sheet,
                       Workbook& workbook) {
  for (const DefinedName& name : part.defined_names) {
    const bool titles = name.name == "_xlnm.Print_Titles";
    const bool area = name.name == "_xlnm.Print_Area";
    if (!titles && !area) continue;
    const auto sheet = defined_name_sheet(name, part, entry_to_sheet);
    if (!sheet) continue;
    PrintSetup& print = workbook.sheets[*sheet].print;
    if (titles) print.repeat_rows = print_title_rows(name.formula);
    else print.print_area = print_area_range(name.formula);
  }
}

}  // namespace

Workbook read_xlsx(std::span<const std::byte> bytes, const ReadLimits& limits) {
  ZipArchive zip(bytes, limits);
  const std::string workbook_part = find_workbook_part(zip, limits);
  refuse_other_packages(zip, workbook_part);
  if (!zip.contains(workbook_part)) {
    if (zip.contains("[Content_Types].xml") || zip.contains("_rels/.rels"))
      throw ReadError(ReadErrorCode::missing_part, "workbook part missing: " + workbook_part);
    throw ReadError(ReadErrorCode::not_a_spreadsheet, "zip archive without a workbook part");
  }

  ReadBudget budget(limits);
  Workbook workbook;
  workbook.format = SourceFormat::xlsx;
  const WorkbookPart part = read_workbook_part(zip, workbook_part, limits);
  workbook.date1904 = part.date1904;
  const auto rels = read_relationships(zip, workbook_part, limits);

  const auto styles_name = related_part(zip, rels, "styles", "xl/styles.xml");
  StylesPart styles = styles_name && zip.contains(*styles_name) ? read_styles_part(zip, *styles_name, limits)
                                                                : default_styles();
  SharedStrings strings;
  if (const auto strings_name = related_part(zip, rels, "sharedStrings", "xl/sharedStrings.xml")) {
    if (zip.contains(*strings_name)) strings = read_shared_strings(zip, *strings_name, budget);
    else note(workbook, "xlsx-missing-shared-strings", {}, "shared-string part missing: " + *strings_name);
  }

  const WorksheetContext context{strings, styles, part.date1904};
  std::vector<std::optional<std::size_t>> entry_to_sheet(part.sheets.size());
  workbook.sheets.reserve(part.sheets.size());
  for (std::size_t i = 0; i < part.sheets.size(); ++i) {
    const WorkbookSheetEntry& entry = part.sheets[i];
    const Relationship* rel = find_relationship(rels, entry.relationship_id);
    if (rel == nullptr || rel->external)
      throw ReadError(ReadErrorCode::missing_part, "no relationship for sheet '" + entry.name + "'");
    if (!rel->is("worksheet")) {
      note(workbook, "xlsx-non-worksheet-skipped", entry.name, "not a worksheet: " + rel->type);
      continue;
    }
    if (!zip.contains(rel->target))
      throw ReadError(ReadErrorCode::missing_part, "sheet '" + entry.name + "' part missing: " + rel->target);
    Sheet sheet;
    sheet.name = entry.name;
    sheet.hidden = entry.hidden;
    const WorksheetReadStats stats = read_worksheet_part(zip, rel->target, context, budget, sheet);
    note_stats(workbook, sheet.name, stats);
    entry_to_sheet[i] = workbook.sheets.size();
    workbook.sheets.push_back(std::move(sheet));
  }
  apply_print_names(part, entry_to_sheet, workbook);
  workbook.styles = std::move(styles.styles);
  return workbook;
}

}  // namespace phuluc
