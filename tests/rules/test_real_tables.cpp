// The rules on tables read from real workbooks written by other programs (openpyxl, LibreOffice,
// gnumeric): the column groups they find in real headers, and the findings they give.
#include <catch2/catch.hpp>
#include <filesystem>
#include <map>
#include <set>

#include "model/cell_ref.hpp"
#include "readers/workbook_reader.hpp"
#include "rules/check_workbook.hpp"
#include "rules/header_tree.hpp"
#include "rules/rate_rule.hpp"
#include "rules/split_rule.hpp"
#include "table/table_finder.hpp"

using namespace phuluc;

namespace {

const std::filesystem::path kSamples = std::filesystem::path(PHULUC_SOURCE_DIR) / "samples" / "appendices";

const Table& funds_table(const TableScan& scan, const std::string& sheet) {
  for (const auto& table : scan.tables)
    if (table.sheet == sheet) return table;
  FAIL("no table on sheet " << sheet);
  throw std::logic_error("unreachable");
}

std::string letters(const Table& table, std::size_t col_idx) { return column_letters(table.columns[col_idx].col); }

// "X→U/R": each rate column with its numerator and plan columns, by sheet column letters.
std::map<std::string, std::string> rate_pairs(const Table& table) {
  const HeaderTree tree(table);
  std::map<std::string, std::string> pairs;
  for (std::size_t c = 0; c < table.columns.size(); ++c) {
    if (table.columns[c].role != ColumnRole::rate) continue;
    const auto basis = rate_basis(tree, table, c);
    pairs[letters(table, c)] = basis.unclear_reason.empty()
                                   ? letters(table, *basis.numerator) + "/" + letters(table, *basis.denominator)
                                   : basis.unclear_reason;
  }
  return pairs;
}

std::set<std::string> split_sums(const Table& table) {
  std::vector<std::size_t> unclear;
  std::set<std::string> sums;
  for (const auto& group : split_groups(table, unclear)) {
    std::string text = letters(table, group.total) + "=";
    for (std::size_t i = 0; i < group.parts.size(); ++i) text += (i ? "+" : "") + letters(table, group.parts[i]);
    sums.insert(text);
  }
  CHECK(unclear.empty());
  return sums;
}

}  // namespace

TEST_CASE("the rules read the Mường Kim funds header (openpyxl) as its 2 blocks of 5 groups",
          "[rules][real][muong-kim]") {
  const auto scan = find_tables(read_workbook(kSamples / "muong_kim_2026.xlsx"));
  const Table& table = funds_table(scan, "PL II - Vốn sự nghiệp");
  CHECK(rate_pairs(table) == std::map<std::string, std::string>{{"I", "F/C"},
                                                                {"J", "G/D"},
                                                                {"K", "H/E"},  // disbursed 15/6 ÷ plan, carried over
                                                                {"O", "L/C"},
                                                                {"P", "M/D"},
                                                                {"Q", "N/E"},  // year-end estimate ÷ plan
                                                                {"X", "U/R"},
                                                                {"Y", "V/S"},
                                                                {"Z", "W/T"},  // the same in the 2026 block
                                                                {"AD", "AA/R"},
                                                                {"AE", "AB/S"},
                                                                {"AF", "AC/T"}});
  CHECK(split_sums(table) == std::set<std::string>{"C=D+E", "F=G+H", "L=M+N", "R=S+T", "U=V+W", "AA=AB+AC"});
}

TEST_CASE("the rules read Lùng Phình's split by year and Mường Khoa's nested sources (LibreOffice, gnumeric)",
          "[rules][real]") {
  const auto lung_phinh = find_tables(read_workbook(kSamples / "lung_phinh_2025_von_su_nghiep.xlsx"));
  const Table& funds = funds_table(lung_phinh, "Phụ biểu 01");
  CHECK(rate_pairs(funds) == std::map<std::string, std::string>{{"I", "F/C"}, {"J", "G/D"}, {"K", "H/E"}});
  CHECK(split_sums(funds) == std::set<std::string>{"C=D+E", "F=G+H"});

  const auto muong_khoa = find_tables(read_workbook(kSamples / "muong_khoa_2025_nguon_luc_ntm.xlsx"));
  const Table& sources = funds_table(muong_khoa, "Biểu 02");
  CHECK(rate_pairs(sources).empty());
  CHECK(split_sums(sources) == std::set<std::string>{"C=D+G+H", "D=E+F", "H=I+J"});
}

TEST_CASE("check_workbook gives the same errors for formulas cached by LibreOffice as for typed values",
          "[rules][real]") {
  auto errors_of = [](const char* name) {
    const auto path = kSamples / name;
    const FileReport report = check_workbook(read_workbook(path), path.string());
    REQUIRE_FALSE(report.error);
    std::set<std::pair<std::string, std::string>> errors;
    for (const auto& finding : report.findings)
      if (finding.severity == Severity::error) errors.emplace(to_a1(*finding.cell), finding.code);
    return errors;
  };
  const auto typed = errors_of("muong_kim_2026.xlsx");
  CHECK(typed.size() == 6);
  CHECK(errors_of("muong_kim_2026_formulas.xlsx") == typed);
  CHECK(errors_of("muong_kim_2026_text_numbers.xlsx") == typed);
}
