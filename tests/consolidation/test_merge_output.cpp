// The consolidated workbook as other programs see it: read back by our reader and checked, its
// layout, formulas, breakdown and sources sheets, and LibreOffice recalculating it.
#include <catch2/catch.hpp>

#include <cmath>
#include <set>

#include "consolidation/consolidated_sheet.hpp"
#include "consolidation/merge_run_support.hpp"
#include "consolidation/row_formulas.hpp"
#include "consolidation/sha256.hpp"
#include "readers/workbook_reader.hpp"
#include "rules/check_workbook.hpp"
#include "table/table_finder.hpp"
#include "table/text_fold.hpp"
#include "writers/xlsx_writer.hpp"

namespace {

namespace fs = std::filesystem;
using namespace phuluc;
using namespace phuluc::merge_test;

struct Output {
  fs::path path;
  MergeResult result;
  Workbook workbook;  ///< the output read back by our reader
};

const Output& merged_output() {
  static const Output output = [] {
    Output out;
    out.path = make_temp_dir("phuluc-merge-output") / "tong_hop.xlsx";
    out.result = merge_files(path_strings(commune_set_38().files), out.path);
    out.workbook = read_workbook(out.path);
    return out;
  }();
  return output;
}

const Sheet& sheet_named(const Workbook& workbook, const std::string& name) {
  for (const Sheet& sheet : workbook.sheets)
    if (sheet.name == name) return sheet;
  FAIL("no sheet " << name);
  throw std::logic_error("unreachable");
}

std::string text_at(const Sheet& sheet, std::uint32_t row, std::uint32_t col) {
  const Cell* cell = sheet.find({row, col});
  return cell && cell->kind == CellKind::text ? cell->text : std::string();
}

// A LibreOffice profile that recalculates every formula when it loads a file.
fs::path recalculating_profile() {
  static const fs::path profile = [] {
    const fs::path dir = make_temp_dir("lo_merge_profile");
    fs::create_directories(dir / "user");
    std::ofstream(dir / "user" / "registrymodifications.xcu")
        << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
           "<oor:items xmlns:oor=\"http://openoffice.org/2001/registry\" xmlns:xs=\"http://www.w3.org/2001/XMLSchema\" "
           "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\n"
           "<item oor:path=\"/org.openoffice.Office.Calc/Formula/Load\"><prop oor:name=\"OOXMLRecalcMode\" "
           "oor:op=\"fuse\"><value>0</value></prop></item>\n"
           "</oor:items>\n";
    return dir;
  }();
  return profile;
}

// Every sheet of `xlsx` as CSV lines (values unformatted), converted by LibreOffice headless.
std::map<std::string, std::vector<std::vector<std::string>>> libreoffice_csv(const fs::path& xlsx) {
  const fs::path out = make_temp_dir("phuluc-merge-lo");
  const std::string command = "cd " + quoted(out) + " && soffice --headless -env:UserInstallation=file://" +
                              recalculating_profile().string() +
                              " --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1,,1033,false,true,false,false,false,-1' "
                              "--outdir " + quoted(out) + " " + quoted(xlsx);
  const CommandResult converted = run_command(command);
  REQUIRE(converted.exit_code == 0);
  std::map<std::string, std::vector<std::vector<std::string>>> sheets;
  for (const auto& entry : fs::directory_iterator(out)) {
    const std::string name = entry.path().stem().string();
    const auto dash = name.find('-');
    std::istringstream lines(read_text(entry.path()));
    std::string line;
    auto& rows = sheets[dash == std::string::npos ? name : name.substr(dash + 1)];
    while (std::getline(lines, line)) rows.push_back(csv_fields(line));
  }
  return sheets;
}

}  // namespace

TEST_CASE("the consolidated workbook read back through our reader checks clean", "[consolidation][output]") {
  const Output& output = merged_output();
  REQUIRE(output.result.written);
  const FileReport report = check_workbook(output.workbook, output.path.string());
  REQUIRE_FALSE(report.error.has_value());
  CHECK(count_findings(report).errors == 0);
  CHECK(count_findings(report).warnings == 0);
  // Both the consolidated table and the breakdown are appendix tables the checker judged.
  CHECK(report.tables.size() == 2);
  CHECK_FALSE(fs::exists(output.path.parent_path() / "tong_hop.xlsx.tmp"));
  for (const auto& entry : fs::directory_iterator(output.path.parent_path()))
    CHECK(entry.path().filename().string().rfind(".phuluc", 0) != 0);
}

TEST_CASE("the consolidated sheet keeps the template's official layout with a TỔNG HỢP title",
          "[consolidation][output][layout]") {
  const Output& output = merged_output();
  const Workbook template_workbook = read_workbook(output.result.layout->path);
  const Sheet& original = template_workbook.sheets.at(output.result.layout->table.sheet_index);
  const Sheet& sheet = sheet_named(output.workbook, kConsolidatedSheetName);
  CHECK(output.workbook.sheets.front().name == kConsolidatedSheetName);
  CHECK(output.workbook.sheets.size() == 3);

  const TableScan scan = find_tables(output.workbook);
  REQUIRE_FALSE(scan.tables.empty());
  const Table& table = scan.tables.front();
  CHECK(table.sheet == kConsolidatedSheetName);
  CHECK(fold_text(table.title).rfind("tong hop tinh hinh thuc hien von su nghiep", 0) == 0);
  CHECK(fold_text(table.attached_to).rfind("kem theo bao cao so", 0) == 0);
  CHECK(table.unit == Unit::million_dong);
  CHECK(table.header_first == output.result.layout->table.header_first);
  CHECK(table.header_last == output.result.layout->table.header_last);
  // The header: same texts, same merges as the template.
  for (std::uint32_t row = table.header_first; row <= table.header_last; ++row)
    for (std::uint32_t col = 0; col <= output.result.layout->last_col; ++col)
      CHECK(text_at(sheet, row, col) == text_at(original, row, col));
  for (const CellRange& range : original.merged)
    if (range.first.row >= table.header_first && range.last.row <= table.header_last)
      CHECK(std::find(sheet.merged.begin(), sheet.merged.end(), range) != sheet.merged.end());
  CHECK(sheet.print.landscape == original.print.landscape);
  CHECK(sheet.print.repeat_rows == original.print.repeat_rows);
  CHECK(sheet.frozen_rows == original.frozen_rows);
  // Every consolidated row, in order.
  REQUIRE(table.rows.size() == output.result.table->rows.size());
  for (std::size_t i = 0; i < table.rows.size(); ++i) CHECK(table.rows[i].stt == output.result.table->rows[i].stt);
}

TEST_CASE("parents, Tổng số and rates are formulas whose cached values are the consolidated numbers",
          "[consolidation][output][formula]") {
  const Output& output = merged_output();
  const ConsolidatedTable& table = *output.result.table;
  const Sheet& sheet = sheet_named(output.workbook, kConsolidatedSheetName);
  const std::uint32_t first = output.result.layout->table.header_last + 1;
  const MergedRow* program = row_with_key(table, "dtts");
  REQUIRE(program != nullptr);
  const auto program_row = first + static_cast<std::uint32_t>(program - table.rows.data());

  // NSTW of the plan (column D) of program A: the SUM of its Dự án rows.
  const Cell* nstw = sheet.find({program_row, 3});
  REQUIRE(nstw != nullptr);
  CHECK(nstw->has_formula);
  CHECK(nstw->formula.rfind("SUM(", 0) == 0);
  std::vector<std::uint32_t> children;
  double children_sum = 0.0;
  for (const int child : program->children) {
    children.push_back(first + static_cast<std::uint32_t>(child));
    const Cell* cell = sheet.find({children.back(), 3});
    if (cell && cell->kind == CellKind::number) children_sum += cell->number;
  }
  CHECK(nstw->formula == sum_formula(3, row_ranges(children)));
  CHECK(std::abs(nstw->number - children_sum) < 1e-6);
  CHECK(std::abs(nstw->number - program->values[static_cast<std::size_t>(value_column_at(table, 3))].value()) < 1e-9);

  // Tổng số (column C) = NSTW + NSĐP of the same row.
  const Cell* total = sheet.find({program_row, 2});
  REQUIRE(total != nullptr);
  CHECK(total->formula == to_a1(CellRef{program_row, 3}) + "+" + to_a1(CellRef{program_row, 4}));

  // The disbursement rate (column I) over the plan (C).
  const Cell* rate = sheet.find({program_row, 8});
  REQUIRE(rate != nullptr);
  const std::string c = to_a1(CellRef{program_row, 2});
  const std::string f = to_a1(CellRef{program_row, 5});
  CHECK(rate->formula == "IF(" + c + "=0,\"\"," + f + "/" + c + "*100)");
  CHECK(std::abs(rate->number - sheet.find({program_row, 5})->number / total->number * 100.0) < 1e-9);
}

TEST_CASE("the breakdown shows every commune's amounts under each leaf row, one outline level down",
          "[consolidation][output][breakdown]") {
  const Output& output = merged_output();
  const CommuneSet& set = commune_set_38();
  const Sheet& sheet = sheet_named(output.workbook, kBreakdownSheetName);
  const std::uint32_t label_col = *output.result.layout->table.label_col;
  // Find the row of "Mở lớp xóa mù chữ" (dtts.5.1.nd2) and the commune rows under it.
  const MergedRow* literacy = row_with_key(*output.result.table, "dtts.5.1.nd2");
  REQUIRE(literacy != nullptr);
  std::optional<std::uint32_t> summary;
  for (const SheetRow& row : sheet.rows)
    if (text_at(sheet, row.index, label_col) == literacy->label) summary = row.index;
  REQUIRE(summary.has_value());
  std::map<std::string, double> plan_by_commune;  // NSTW of the 2026 plan (column S), by commune label
  std::uint32_t row_index = *summary + 1;
  for (const SheetRow* row = sheet.find_row(row_index); row && row->outline_level == 1; row = sheet.find_row(++row_index)) {
    const Cell* plan = sheet.find({row_index, 18});
    plan_by_commune[text_at(sheet, row_index, label_col)] = plan && plan->kind == CellKind::number ? plan->number : 0.0;
  }
  // One commune row for each commune that wrote a number in that row, with its number.
  std::size_t expected_rows = 0;
  const auto accepted = accepted_files(output.result);
  for (const TruthRow& row : set.truth) {
    if (row.key != "dtts.5.1.nd2" || std::find(accepted.begin(), accepted.end(), row.file) == accepted.end()) continue;
    const bool any = std::any_of(row.values.begin(), row.values.end(), [](const auto& v) { return v.has_value(); });
    if (!any) continue;
    ++expected_rows;
    std::string commune = "Xã " + set.manifest.at(row.file).commune;
    if (!plan_by_commune.count(commune)) commune += " (" + row.file + ")";
    INFO(commune);
    REQUIRE(plan_by_commune.count(commune) == 1);
    const double written = row.values[16].value_or(0.0) / (row.in_dong ? 1e6 : 1.0);
    CHECK(std::abs(plan_by_commune[commune] - written) < 1e-9);
  }
  CHECK(plan_by_commune.size() == expected_rows);
  CHECK(expected_rows > 5);
  // The row above the group adds exactly the group up.
  const Cell* sum = sheet.find({*summary, 18});
  REQUIRE(sum != nullptr);
  CHECK(sum->formula == "SUM(" + to_a1(CellRef{*summary + 1, 18}) + ":" +
                            to_a1(CellRef{*summary + static_cast<std::uint32_t>(expected_rows), 18}) + ")");
}

TEST_CASE("the Nguồn sheet lists every input with its commune, status, reason and SHA-256",
          "[consolidation][output][sources]") {
  const Output& output = merged_output();
  const Sheet& sheet = sheet_named(output.workbook, kSourcesSheetName);
  REQUIRE(text_at(sheet, 3, 11) == "SHA-256");
  for (std::size_t i = 0; i < output.result.inputs.size(); ++i) {
    const InputSummary& input = output.result.inputs[i];
    const auto row = static_cast<std::uint32_t>(4 + i);
    CHECK(text_at(sheet, row, 1) == input.path);
    CHECK(text_at(sheet, row, 2) == input.commune);
    CHECK(text_at(sheet, row, 11) == sha256_hex(read_text(input.path)));
    CHECK(text_at(sheet, row, 3) == (input.accepted() ? "đã tổng hợp" : "không tổng hợp"));
    if (!input.accepted()) CHECK(text_at(sheet, row, 4).find("lỗi số học") != std::string::npos);
  }
  // Then every row carried without a key: file, sheet, 1-based row, text, the key it went under.
  const auto first = static_cast<std::uint32_t>(4 + output.result.inputs.size() + 1);
  CHECK(text_at(sheet, first, 0) == "CÁC DÒNG KHÔNG KHỚP DANH MỤC, GIỮ RIÊNG TRONG BẢNG TỔNG HỢP");
  const auto& unmatched = output.result.table->unmatched;
  REQUIRE_FALSE(unmatched.empty());
  for (std::size_t i = 0; i < unmatched.size(); ++i) {
    const auto row = first + 2 + static_cast<std::uint32_t>(i);
    const InputSummary& input = output.result.inputs[unmatched[i].input];
    CHECK(text_at(sheet, row, 1) == input.path);
    CHECK(text_at(sheet, row, 3) == input.sheet);
    const Cell* number = sheet.find({row, 4});
    REQUIRE(number != nullptr);
    CHECK(number->number == unmatched[i].sheet_row + 1);
    CHECK(text_at(sheet, row, 6) == unmatched[i].label);
    CHECK(text_at(sheet, row, 7) == unmatched[i].parent_key);
  }
  // Neither list reads as an appendix table.
  for (const Table& table : find_tables(output.workbook).tables) CHECK(table.sheet != kSourcesSheetName);
}

TEST_CASE("LibreOffice opens the consolidated workbook and recalculates the same numbers",
          "[consolidation][output][libreoffice]") {
  // First make sure the profile recalculates: a cached 999 for =A1*3 must come out as 6.
  Workbook probe;
  probe.styles.emplace_back();
  Sheet probe_sheet;
  probe_sheet.name = "Probe";
  SheetRow probe_row;
  Cell two;
  two.kind = CellKind::number;
  two.number = 2;
  Cell times;
  times.col = 1;
  times.kind = CellKind::number;
  times.number = 999;
  times.has_formula = true;
  times.formula = "A1*3";
  probe_row.cells = {two, times};
  probe_sheet.rows.push_back(probe_row);
  probe.sheets.push_back(probe_sheet);
  const fs::path probe_path = make_temp_dir("phuluc-merge-probe") / "probe.xlsx";
  write_xlsx(probe, probe_path);
  const auto probe_csv = libreoffice_csv(probe_path);
  REQUIRE(probe_csv.count("Probe") == 1);
  REQUIRE(probe_csv.at("Probe").at(0).at(1) == "6");

  const Output& output = merged_output();
  const auto sheets = libreoffice_csv(output.path);
  REQUIRE(sheets.count(kConsolidatedSheetName) == 1);
  REQUIRE(sheets.count(kBreakdownSheetName) == 1);
  REQUIRE(sheets.count(kSourcesSheetName) == 1);
  const auto& lines = sheets.at(kConsolidatedSheetName);
  const ConsolidatedTable& table = *output.result.table;
  const std::uint32_t first = output.result.layout->table.header_last + 1;
  std::size_t compared = 0;
  for (std::size_t i = 0; i < table.rows.size(); ++i) {
    const auto& fields = lines.at(first + i);
    for (std::size_t v = 0; v < table.columns.size(); ++v) {
      const std::string& text = fields.at(table.columns[v].sheet_col);
      const auto& ours = table.rows[i].values[v];
      INFO("row " << first + i + 1 << " column " << column_letters(table.columns[v].sheet_col) << ": '" << text << "'");
      if (!ours) {
        CHECK(text.empty());
        continue;
      }
      REQUIRE_FALSE(text.empty());
      const double theirs = std::stod(text);
      CHECK(std::abs(theirs - *ours) <= 1e-9 * std::max(1.0, std::abs(*ours)));
      ++compared;
    }
  }
  CHECK(compared > 500);
}
