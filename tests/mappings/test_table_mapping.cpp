// Whole tables read from real workbooks (made by openpyxl, LibreOffice, gnumeric and an Excel-style
// CSV export), found by find_tables and mapped row by row under their parents.
#include <catch2/catch.hpp>

#include <map>

#include "mapping_test_support.hpp"
#include "mappings/table_mapping.hpp"
#include "readers/workbook_reader.hpp"
#include "table/table_finder.hpp"

using namespace phuluc;

namespace {

struct MappedFile {
  std::vector<Table> tables;
  std::vector<TableMapping> mappings;

  const TableMapping& on_sheet(const std::string& sheet) const {
    for (std::size_t i = 0; i < tables.size(); ++i)
      if (tables[i].sheet == sheet) return mappings[i];
    throw std::runtime_error("no table on sheet " + sheet);
  }
};

MappedFile map_file(const std::filesystem::path& path, const RowMatcher& matcher = test::builtin_matcher()) {
  MappedFile file;
  const Workbook workbook = read_workbook(path);
  file.tables = find_tables(workbook).tables;
  for (const auto& table : file.tables)
    file.mappings.push_back(map_table(table, matcher, &workbook.sheets[table.sheet_index]));
  return file;
}

// 1-based Excel row → the key (or "!status" when not mapped).
std::map<std::uint32_t, std::string> keys_by_row(const TableMapping& mapping) {
  std::map<std::uint32_t, std::string> keys;
  for (const auto& row : mapping.rows)
    keys[row.sheet_row + 1] = row.match.status == MatchStatus::mapped ? row.match.key
                                                                       : std::string("!") + match_status_id(row.match.status);
  return keys;
}

const std::map<std::uint32_t, std::string>& muong_kim_funds_keys() {
  // seed 000's funds table, rows 8..33 of the sheet as the sample builder lays them out
  static const std::map<std::uint32_t, std::string> expected = {
      {8, "!total"},       {9, "dtts"},          {10, "dtts.1"},       {11, "dtts.2"},       {12, "dtts.3"},
      {13, "dtts.3.2"},    {14, "dtts.4.1.nd1"}, {15, "dtts.5"},       {16, "dtts.5.1"},     {17, "dtts.5.1.nd1"},
      {18, "dtts.5.1.nd2"}, {19, "dtts.5.2"},    {20, "dtts.5.3"},     {21, "dtts.5.3.nd1"}, {22, "dtts.5.3.nd2"},
      {23, "dtts.6"},      {24, "dtts.7"},       {25, "dtts.8"},       {26, "dtts.9"},       {27, "dtts.9.1"},
      {28, "dtts.9.2"},    {29, "dtts.10"},      {30, "dtts.10.1"},    {31, "!conflict"},    {32, "gnbv"},
      {33, "ntm"},
  };
  return expected;
}

}  // namespace

TEST_CASE("seed 000's funds table (openpyxl) maps every row, and X.2 is the one conflict", "[mappings][table]") {
  const auto file = map_file(test::sample_file("muong_kim_2026.xlsx"));
  const auto& mapping = file.on_sheet("PL II - Vốn sự nghiệp");
  CHECK(keys_by_row(mapping) == muong_kim_funds_keys());
  REQUIRE(mapping.findings.size() == 1);
  const auto& finding = mapping.findings[0];
  CHECK(finding.code == "label-stt-conflict");
  CHECK(finding.severity == Severity::warning);
  CHECK(finding.sheet == "PL II - Vốn sự nghiệp");
  REQUIRE(finding.cell);
  CHECK(to_a1(*finding.cell) == "B31");
  CHECK(finding.stt == "X.2");
  CHECK(finding.row_label.rfind("Tiểu dự án 3", 0) == 0);
  CHECK(finding.detail.find("dtts.10.2 (stt") != std::string::npos);
  CHECK(finding.detail.find("dtts.10.3 (label-number") != std::string::npos);
}

TEST_CASE("the same table saved as .xls by LibreOffice maps the same way", "[mappings][table]") {
  const auto file = map_file(test::sample_file("muong_kim_2026.xls"));
  CHECK(keys_by_row(file.on_sheet("PL II - Vốn sự nghiệp")) == muong_kim_funds_keys());
}

TEST_CASE("the criteria table maps each TT to the 2026-2030 set its title names", "[mappings][table]") {
  const auto file = map_file(test::sample_file("muong_kim_2026.xlsx"));
  const auto& mapping = file.on_sheet("PL IV - Tiêu chí NTM");
  CHECK(mapping.scope_key == "ntm.tc2030");
  std::map<std::string, std::string> by_stt;
  for (const auto& row : mapping.rows)
    if (row.match.status == MatchStatus::mapped) by_stt[row.stt] = row.match.key;
  REQUIRE(by_stt.size() == 10);
  for (int tt = 1; tt <= 10; ++tt) CHECK(by_stt[std::to_string(tt)] == "ntm.tc2030." + std::to_string(tt));
  CHECK(mapping.findings.empty());  // the indicator rows are below the catalogue
}

TEST_CASE("a documents table lists no program rows", "[mappings][table]") {
  const auto file = map_file(test::sample_file("muong_kim_2026.xlsx"));
  const auto& mapping = file.on_sheet("PL I - Văn bản");
  CHECK(mapping.rows.empty());
  CHECK(mapping.findings.empty());
}

TEST_CASE("Lùng Phình's shortened labels (LibreOffice round trip) all map", "[mappings][table]") {
  const auto file = map_file(test::sample_file("lung_phinh_2025_von_su_nghiep.xlsx"));
  REQUIRE(file.tables.size() == 1);
  const auto& mapping = file.mappings[0];
  const auto keys = keys_by_row(mapping);
  CHECK(keys.at(8) == "dtts");
  CHECK(keys.at(14) == "dtts.4");  // "Dự án 4: Duy tu, bảo dưỡng công trình ..." under STT IV
  CHECK(keys.at(18) == "dtts.5.3");
  CHECK(keys.at(27) == "dtts.10.2");
  CHECK(keys.at(29) == "gnbv");
  CHECK(keys.at(37) == "gnbv.4.2");
  CHECK(keys.at(43) == "gnbv.7");
  CHECK(mapping.findings.empty());
  for (const auto& row : mapping.rows) {
    INFO(row.stt << " " << row.label);
    CHECK((row.match.status == MatchStatus::mapped || row.match.status == MatchStatus::total));
  }
}

TEST_CASE("an NTM-only table without program rows maps its nội dung by the program its title names",
          "[mappings][table]") {
  // re-saved by gnumeric; STT 1..11 under TỔNG CỘNG, "-" bullets for the works
  const auto file = map_file(test::sample_file("muong_khoa_2025_nguon_luc_ntm.xlsx"));
  REQUIRE(file.tables.size() == 1);
  const auto& mapping = file.mappings[0];
  std::size_t components = 0;
  for (const auto& row : mapping.rows) {
    INFO(row.stt << " " << row.label << " → " << row.match.key << " (" << row.match.reason << ")");
    if (row.stt == "-") {
      CHECK(row.match.status == MatchStatus::detail);
    } else if (row.match.status != MatchStatus::total) {
      CHECK(row.match.status == MatchStatus::mapped);
      CHECK(row.match.key == "ntm." + row.stt);
      ++components;
    }
  }
  CHECK(components == 11);
  CHECK(mapping.findings.empty());
}

TEST_CASE("the works of an investment table (CSV export) are detail rows, their parents map", "[mappings][table]") {
  const auto file = map_file(test::sample_file("lung_phinh_2025_dau_tu.csv"));
  REQUIRE(file.tables.size() == 1);
  const auto& mapping = file.mappings[0];
  std::size_t works = 0;
  for (const auto& row : mapping.rows) {
    INFO(row.stt << " " << row.label);
    const bool numbered_work = !row.stt.empty() && row.stt[0] >= '0' && row.stt[0] <= '9';
    if (numbered_work) {
      CHECK(row.match.status == MatchStatus::detail);
      ++works;
    }
  }
  CHECK(works == 23);  // the seed's 23 công trình
  const auto keys = keys_by_row(mapping);
  CHECK(keys.at(9) == "dtts");
  CHECK(keys.at(16) == "dtts.4.1");
  CHECK(keys.at(32) == "dtts.5.1");
  CHECK(mapping.findings.empty());
}

TEST_CASE("TCVN3 labels are decoded, mapped and reported once as legacy-encoding", "[mappings][table]") {
  for (const char* name : {"fixtures/tcvn3_labels.xlsx", "fixtures/tcvn3_labels.xls"}) {
    INFO(name);
    const auto file = map_file(test::mapping_test_file(name));
    REQUIRE(file.tables.size() == 1);
    const auto keys = keys_by_row(file.mappings[0]);
    CHECK(keys.at(7) == "dtts");
    CHECK(keys.at(8) == "dtts.5");
    CHECK(keys.at(9) == "dtts.5.1");
    CHECK(keys.at(10) == "dtts.5.1.nd2");
    REQUIRE(file.mappings[0].findings.size() == 1);
    CHECK(file.mappings[0].findings[0].code == "legacy-encoding");
    INFO(file.mappings[0].findings[0].detail);
    CHECK(file.mappings[0].findings[0].detail.find("tcvn3; reads \"chương trình mtqg") == 0);
  }
}

TEST_CASE("a row only a user's catalogue knows is unmapped without it and mapped with it", "[mappings][table]") {
  const auto without = map_file(test::mapping_test_file("fixtures/province_contents.xlsx"));
  CHECK(keys_by_row(without.mappings[0]).at(10) == "!unmapped");
  REQUIRE(without.mappings[0].findings.size() == 1);
  CHECK(without.mappings[0].findings[0].code == "unmapped-row");
  CHECK(to_a1(*without.mappings[0].findings[0].cell) == "B10");

  const auto catalogue = load_catalogue(PHULUC_DATA_DIR, {test::mapping_test_file("fixtures/user_catalogue.csv")});
  const RowMatcher matcher(catalogue);
  const auto with = map_file(test::mapping_test_file("fixtures/province_contents.xlsx"), matcher);
  CHECK(keys_by_row(with.mappings[0]).at(10) == "dtts.9.1.nd1");
  CHECK(keys_by_row(with.mappings[0]).at(12) == "dtts.5.2");
  CHECK(with.mappings[0].findings.empty());
}

TEST_CASE("finding codes follow the match status", "[mappings][table]") {
  CHECK(std::string(finding_code(MatchStatus::unmapped)) == "unmapped-row");
  CHECK(std::string(finding_code(MatchStatus::ambiguous)) == "ambiguous-row");
  CHECK(std::string(finding_code(MatchStatus::conflict)) == "label-stt-conflict");
  CHECK(finding_code(MatchStatus::mapped) == nullptr);
  CHECK(finding_code(MatchStatus::detail) == nullptr);
  CHECK(needs_attention(MatchStatus::conflict));
  CHECK_FALSE(needs_attention(MatchStatus::total));
}
