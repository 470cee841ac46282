// find_tables on real workbooks made by other programs: openpyxl, LibreOffice, gnumeric, a Vietnamese
// Excel CSV export (samples/appendices, samples/quirks, tests/table/data) and the spreadsheet corpus.
#include <catch2/catch.hpp>

#include <cmath>
#include <filesystem>
#include <string>

#include "readers/read_error.hpp"
#include "readers/workbook_reader.hpp"
#include "seed_expectations.hpp"
#include "table/table_finder.hpp"

using namespace phuluc;
namespace fs = std::filesystem;

namespace {

fs::path appendix(const std::string& name) { return fs::path(PHULUC_SOURCE_DIR) / "samples" / "appendices" / name; }

std::vector<const Finding*> findings_with(const TableScan& scan, const std::string& code) {
  std::vector<const Finding*> out;
  for (const Finding& finding : scan.findings)
    if (finding.code == code) out.push_back(&finding);
  return out;
}

const Table& table_on(const TableScan& scan, const std::string& sheet) {
  for (const Table& table : scan.tables)
    if (table.sheet == sheet) return table;
  FAIL("no table on sheet " << sheet);
  throw std::logic_error("unreachable");
}

// The value as a number when it takes part in arithmetic, for comparing two renditions of one table.
std::optional<double> numeric(const TableValue& value) {
  if (value.state == ValueState::number || value.state == ValueState::text_number) return value.number;
  return std::nullopt;
}

// Every parent above its child and listing it; values parallel to columns.
void check_consistent(const Table& table) {
  for (std::size_t i = 0; i < table.rows.size(); ++i) {
    const TableRow& row = table.rows[i];
    CHECK(row.values.size() == table.columns.size());
    if (row.parent >= 0) {
      CHECK(row.parent < static_cast<int>(i));
      const auto& siblings = table.rows[static_cast<std::size_t>(row.parent)].children;
      CHECK(std::count(siblings.begin(), siblings.end(), static_cast<int>(i)) == 1);
    }
    for (int child : row.children) CHECK(table.rows[static_cast<std::size_t>(child)].parent == static_cast<int>(i));
    CHECK(row.sheet_row > table.header_last);
    CHECK(row.sheet_row <= table.data_last);
  }
}

}  // namespace

TEST_CASE("the Mường Kim workbook from openpyxl holds its three appendices", "[table][real][muong_kim]") {
  const Workbook workbook = read_workbook(appendix("muong_kim_2026.xlsx"));
  const TableScan scan = find_tables(workbook);
  REQUIRE(scan.tables.size() == 3);
  CHECK(scan.findings.empty());

  const Table& documents = scan.tables[0];
  CHECK(documents.sheet == "PL I - Văn bản");
  CHECK(documents.kind == TableKind::documents);
  CHECK(documents.rows.size() == 36);
  CHECK(documents.titles.front() == "Phụ lục I");
  CHECK(documents.title.rfind("CÁC CƠ CHẾ, CHÍNH SÁCH DO ĐỊA PHƯƠNG BAN HÀNH", 0) == 0);
  CHECK(documents.rows.back().stt == "36");

  const Table& funds = scan.tables[1];
  CHECK(funds.sheet == "PL II - Vốn sự nghiệp");
  CHECK(funds.kind == TableKind::funds);
  CHECK(funds.title ==
        "TỔNG HỢP TÌNH HÌNH THỰC HIỆN VỐN SỰ NGHIỆP CÁC CHƯƠNG TRÌNH MỤC TIÊU QUỐC GIA 06 THÁNG ĐẦU NĂM 2026");
  CHECK(funds.attached_to ==
        "Kèm theo Báo cáo số 3397/BC-UBND ngày 19 tháng 6 năm 2026 của Ủy ban nhân dân xã Mường Kim");
  CHECK(funds.unit == Unit::million_dong);
  CHECK(funds.header_first == 4);  // Excel rows 5-7
  CHECK(funds.header_last == 6);
  CHECK(funds.data_last == 32);    // Excel row 33: the notes line and the signature block are not data

  const Table& criteria = scan.tables[2];
  CHECK(criteria.sheet == "PL IV - Tiêu chí NTM");
  CHECK(criteria.kind == TableKind::criteria);
  REQUIRE(criteria.rows.size() == 46);  // the "Tổng 4/10" row and 45 indicators on 45 rows
  CHECK(criteria.rows[0].kind == RowKind::grand_total);
  CHECK(std::count_if(criteria.rows.begin(), criteria.rows.end(),
                      [](const TableRow& row) { return row.kind == RowKind::content; }) == 10);
  CHECK(std::count_if(criteria.rows.begin(), criteria.rows.end(),
                      [](const TableRow& row) { return row.kind == RowKind::item; }) == 35);
  for (const Table& table : scan.tables) check_consistent(table);
}

TEST_CASE("the Mường Kim funds table from openpyxl has its 30 value columns and its hierarchy",
          "[table][real][muong_kim]") {
  const TableScan scan = find_tables(read_workbook(appendix("muong_kim_2026.xlsx")));
  const Table& funds = table_on(scan, "PL II - Vốn sự nghiệp");
  test::check_seed_funds_columns(funds);
  test::check_seed_funds_hierarchy(funds);
  // Number formats give the printed decimals: 660,862 (#,##0.000), 77,15 (0.00), 98 (0).
  const TableRow& total = funds.rows[0];
  CHECK(total.values[2].state == ValueState::number);
  CHECK(total.values[2].number == Approx(660.862));
  CHECK(total.values[2].decimals == 3);
  CHECK(total.values[8].number == Approx(77.15));
  CHECK(total.values[8].decimals == 2);
  CHECK(total.values[14].decimals == 0);
  CHECK(funds.columns[2].decimals == 3);
  CHECK(funds.columns[8].decimals == 2);
}

TEST_CASE("numbers typed as text read as the numbers of the numeric workbook, each with a notice",
          "[table][real][muong_kim][values]") {
  const TableScan numbers = find_tables(read_workbook(appendix("muong_kim_2026.xlsx")));
  const TableScan texts = find_tables(read_workbook(appendix("muong_kim_2026_text_numbers.xlsx")));
  const Table& expected = table_on(numbers, "PL II - Vốn sự nghiệp");
  REQUIRE(texts.tables.size() == 1);
  const Table& typed = texts.tables[0];
  test::check_seed_funds_columns(typed);
  test::check_seed_funds_hierarchy(typed);
  REQUIRE(typed.rows.size() == expected.rows.size());

  std::size_t text_numbers = 0;
  for (std::size_t r = 0; r < typed.rows.size(); ++r)
    for (std::size_t c = 2; c < 32; ++c) {
      const TableValue& value = typed.rows[r].values[c];
      INFO("cell " << to_a1(CellRef{typed.rows[r].sheet_row, static_cast<std::uint32_t>(c)}) << " raw " << value.raw);
      if (value.state == ValueState::text_number) ++text_numbers;
      CHECK(value.state != ValueState::ambiguous_text);
      CHECK(value.state != ValueState::not_a_number);
      const auto want = numeric(expected.rows[r].values[c]);
      if (value.state == ValueState::dash) CHECK((!want || *want == 0.0));
      else if (want) CHECK(numeric(value) == Approx(*want));
      else CHECK(value.state == ValueState::blank);
    }
  const auto notices = findings_with(texts, "text-number");
  CHECK(notices.size() == text_numbers);
  CHECK(notices.size() == 351);  // samples/appendices/README.md: every typed number but the "-" cells
  CHECK(findings_with(texts, "ambiguous-number").empty());
  CHECK(texts.findings.size() == notices.size());

  // "77,15%" in the first rate group of TỔNG CỘNG: a percentage typed as text, value as typed.
  const TableValue& rate = typed.rows[0].values[8];
  CHECK(rate.typed_percent);
  CHECK(rate.number == Approx(77.15));
  // "660,862" could be 660862; the column's "272,50" shows ',' is the decimal comma.
  const auto plan = std::find_if(notices.begin(), notices.end(), [](const Finding* f) { return f->cell == CellRef{7, 2}; });
  REQUIRE(plan != notices.end());
  CHECK((*plan)->found_text == "660,862");
  CHECK((*plan)->found == Approx(660.862));
  CHECK((*plan)->reason == "resolved-by-column");
  CHECK((*plan)->stt == "TỔNG CỘNG");
}

TEST_CASE("formulas saved by LibreOffice read as their cached values", "[table][real][muong_kim][values]") {
  const TableScan numbers = find_tables(read_workbook(appendix("muong_kim_2026.xlsx")));
  const TableScan formulas = find_tables(read_workbook(appendix("muong_kim_2026_formulas.xlsx")));
  const Table& expected = table_on(numbers, "PL II - Vốn sự nghiệp");
  REQUIRE(formulas.tables.size() == 1);
  const Table& computed = formulas.tables[0];
  test::check_seed_funds_columns(computed);
  test::check_seed_funds_hierarchy(computed);
  CHECK(formulas.findings.empty());  // every formula has a cached value: no warning
  std::size_t with_formula = 0;
  for (std::size_t r = 0; r < computed.rows.size(); ++r)
    for (std::size_t c = 2; c < 32; ++c) {
      const TableValue& value = computed.rows[r].values[c];
      INFO("cell " << to_a1(CellRef{computed.rows[r].sheet_row, static_cast<std::uint32_t>(c)}));
      if (value.has_formula) ++with_formula;
      CHECK(value.state != ValueState::no_cached_value);
      const auto got = numeric(value);
      const auto want = numeric(expected.rows[r].values[c]);
      // LibreOffice caches the full quotient (46.668...); the typed file shows 46,67: compare at
      // the decimals the cell displays.
      const double half_unit = 0.5 * std::pow(10.0, -value.decimals.value_or(3)) + 1e-9;
      if (got && want) CHECK(*got == Approx(*want).margin(half_unit));
    }
  CHECK(with_formula == 306);  // samples/appendices/README.md
}

TEST_CASE("the .xls copy made by LibreOffice gives the same tables without its merged cells",
          "[table][real][muong_kim][xls]") {
  const TableScan xlsx = find_tables(read_workbook(appendix("muong_kim_2026.xlsx")));
  const TableScan xls = find_tables(read_workbook(appendix("muong_kim_2026.xls")));
  REQUIRE(xls.tables.size() == xlsx.tables.size());
  for (std::size_t t = 0; t < xls.tables.size(); ++t) {
    const Table& a = xlsx.tables[t];
    const Table& b = xls.tables[t];
    INFO("sheet " << b.sheet);
    CHECK(b.sheet == a.sheet);
    CHECK(b.kind == a.kind);
    CHECK(b.title == a.title);
    CHECK(b.header_first == a.header_first);
    CHECK(b.header_last == a.header_last);
    REQUIRE(b.columns.size() == a.columns.size());
    for (std::size_t c = 0; c < b.columns.size(); ++c) {
      CHECK(b.columns[c].path_text == a.columns[c].path_text);
      CHECK(b.columns[c].role == a.columns[c].role);
      CHECK(b.columns[c].measure == a.columns[c].measure);
      CHECK(b.columns[c].split == a.columns[c].split);
      CHECK(b.columns[c].block == a.columns[c].block);
    }
    REQUIRE(b.rows.size() == a.rows.size());
    for (std::size_t r = 0; r < b.rows.size(); ++r) {
      CHECK(b.rows[r].stt == a.rows[r].stt);
      CHECK(b.rows[r].label == a.rows[r].label);
      CHECK(b.rows[r].kind == a.rows[r].kind);
      CHECK(b.rows[r].parent == a.rows[r].parent);
    }
  }
  test::check_seed_funds_columns(table_on(xls, "PL II - Vốn sự nghiệp"));
}

TEST_CASE("the Lùng Phình funds table saved by LibreOffice splits by year, not by budget", "[table][real][lung_phinh]") {
  const TableScan scan = find_tables(read_workbook(appendix("lung_phinh_2025_von_su_nghiep.xlsx")));
  REQUIRE(scan.tables.size() == 1);
  const Table& table = scan.tables[0];
  CHECK(table.sheet == "Phụ biểu 01");
  CHECK(table.kind == TableKind::funds);
  CHECK(table.unit == Unit::million_dong);
  REQUIRE(table.columns.size() == 12);
  const std::string sep = test::path_separator();
  CHECK(table.columns[3].path_text == "Kế hoạch vốn năm 2025" + sep + "Vốn năm 2024 chuyển sang");
  CHECK(table.columns[3].role == ColumnRole::amount);
  CHECK(table.columns[3].measure == Measure::plan);
  CHECK(table.columns[3].split == Split::none);
  CHECK(table.columns[6].path_text == "Giải ngân đến ngày 15/11/2025" + sep + "Vốn năm 2024 chuyển sang");
  CHECK(table.columns[6].measure == Measure::disbursed);
  CHECK(table.columns[8].path_text == "Tỷ lệ giải ngân (%)" + sep + "Tổng số");
  CHECK(table.columns[8].role == ColumnRole::rate);
  CHECK(table.columns[8].measure == Measure::disbursed);
  CHECK(table.columns[8].split == Split::total);
  REQUIRE(table.rows.size() == 37);
  const int b = test::row_index(table, "B");
  REQUIRE(b > 0);
  CHECK(table.rows[static_cast<std::size_t>(b)].kind == RowKind::program);
  CHECK(table.rows[static_cast<std::size_t>(b)].children.size() == 7);  // Dự án 1 to 7 of GNBV
  // Whole triệu shown "20.336" by a #,##0 format: a number cell, no decimals.
  CHECK(table.rows[0].values[2].state == ValueState::number);
  CHECK(table.rows[0].values[2].number == Approx(20336));
  CHECK(table.rows[0].values[2].decimals == 0);
  CHECK(scan.findings.empty());
  check_consistent(table);
}

TEST_CASE("the Lùng Phình investment CSV: flattened header, numbering row, text as shown", "[table][real][csv]") {
  const TableScan scan = find_tables(read_workbook(appendix("lung_phinh_2025_dau_tu.csv")));
  REQUIRE(scan.tables.size() == 1);
  const Table& table = scan.tables[0];
  CHECK(table.kind == TableKind::investment);
  CHECK(table.unit == Unit::million_dong);
  CHECK(table.header_first == 4);
  CHECK(table.header_last == 6);  // "1;2;3;4=5+6;..." closes the header
  const std::string sep = test::path_separator();
  CHECK(table.columns[4].path_text == "Kế hoạch vốn năm 2025" + sep + "NSTW");
  CHECK(table.columns[8].path_text == "Giải ngân đến ngày 15/11/2025" + sep + "NSĐP");
  CHECK(table.columns[9].role == ColumnRole::rate);
  REQUIRE(table.rows.size() == 31);
  CHECK(table.rows[0].kind == RowKind::grand_total);
  // A công trình numbered 3 under project I is a content of I.
  const int project_one = test::row_index(table, "I");
  const TableRow& works = table.rows[static_cast<std::size_t>(project_one) + 3];
  CHECK(works.stt == "3");
  CHECK(works.parent == project_one);
  CHECK(works.values[5].number == Approx(-15));  // "-15,000": Tổng số = NSTW + NSĐP decides
  // "12,O00" (a letter O) is no number; the rules report it, not the finder.
  const auto typo = std::find_if(table.rows.begin(), table.rows.end(),
                                 [](const TableRow& row) { return row.sheet_row == 20; });
  REQUIRE(typo != table.rows.end());
  CHECK(typo->values[8].state == ValueState::not_a_number);
  CHECK(typo->values[8].raw == "12,O00");
  // Every CSV field is text: no text-number notices; nothing stays ambiguous.
  CHECK(scan.findings.empty());
  check_consistent(table);
}

TEST_CASE("the Mường Khoa resources table from gnumeric has dash items under its nội dung", "[table][real][gnumeric]") {
  const TableScan scan = find_tables(read_workbook(appendix("muong_khoa_2025_nguon_luc_ntm.xlsx")));
  REQUIRE(scan.tables.size() == 1);
  const Table& table = scan.tables[0];
  CHECK(table.sheet == "Biểu 02");
  CHECK(table.kind == TableKind::funds);
  REQUIRE(table.rows.size() == 17);
  const int second = test::row_index(table, "2");
  REQUIRE(second > 0);
  CHECK(table.rows[static_cast<std::size_t>(second)].kind == RowKind::content);
  CHECK(table.rows[static_cast<std::size_t>(second)].children.size() == 3);
  for (int child : table.rows[static_cast<std::size_t>(second)].children) {
    CHECK(table.rows[static_cast<std::size_t>(child)].stt == "-");
    CHECK(table.rows[static_cast<std::size_t>(child)].kind == RowKind::item);
  }
  // "10 tr": the unit typed into a cell stays text for the rules to report.
  const auto typo = std::find_if(table.rows.begin(), table.rows.end(),
                                 [](const TableRow& row) { return row.sheet_row == 21; });
  REQUIRE(typo != table.rows.end());
  CHECK(typo->values[6].state == ValueState::not_a_number);
  CHECK(typo->values[6].raw == "10 tr");
  check_consistent(table);
}

TEST_CASE("a LibreOffice funds table with formulas keeps cached values and error cells", "[table][real][quirks]") {
  const TableScan scan =
      find_tables(read_workbook(fs::path(PHULUC_SOURCE_DIR) / "samples" / "quirks" / "xlsx" / "merged_header_3_rows.xlsx"));
  REQUIRE(scan.tables.size() == 1);
  const Table& table = scan.tables[0];
  CHECK(table.header_first == 1);
  CHECK(table.header_last == 3);
  CHECK(table.columns[2].path_text ==
        std::string("Vốn năm 2026") + test::path_separator() + "Kế hoạch vốn" + test::path_separator() + "Tổng số");
  REQUIRE(table.rows.size() == 4);
  CHECK(table.rows[0].kind == RowKind::grand_total);
  CHECK(table.rows[0].values[2].has_formula);
  CHECK(table.rows[0].values[2].number == Approx(300.5));
  CHECK(table.rows[1].parent == 0);
  CHECK(table.rows[3].values[2].state == ValueState::error);  // =C5/0
  CHECK(scan.findings.empty());
}

TEST_CASE("two tables on one openpyxl sheet: titles, uncached formulas, an ambiguity, a hidden row",
          "[table][real][fixtures]") {
  const TableScan scan =
      find_tables(read_workbook(fs::path(PHULUC_SOURCE_DIR) / "tests" / "table" / "data" / "two_tables_one_sheet.xlsx"));
  REQUIRE(scan.tables.size() == 2);
  const Table& documents = scan.tables[0];
  const Table& funds = scan.tables[1];
  CHECK(documents.kind == TableKind::documents);
  CHECK(documents.titles == std::vector<std::string>{"PHỤ LỤC I", "CÁC VĂN BẢN ĐÃ BAN HÀNH THỰC HIỆN CÁC CHƯƠNG TRÌNH MTQG"});
  CHECK(documents.attached_to == "Kèm theo Báo cáo số 12/BC-UBND ngày 5 tháng 7 năm 2026 của UBND xã Tà Tổng");
  CHECK(documents.rows.size() == 3);
  CHECK(documents.data_last == 6);

  CHECK(funds.kind == TableKind::funds);
  CHECK(funds.titles == std::vector<std::string>{"PHỤ LỤC II", "TỔNG HỢP KẾT QUẢ GIẢI NGÂN VỐN SỰ NGHIỆP NĂM 2026"});
  CHECK(funds.title == "TỔNG HỢP KẾT QUẢ GIẢI NGÂN VỐN SỰ NGHIỆP NĂM 2026");
  CHECK(funds.unit == Unit::thousand_dong);
  CHECK(funds.header_first == 11);
  CHECK(funds.header_last == 13);  // the column-number row
  CHECK(funds.columns[8].role == ColumnRole::rate);
  CHECK(funds.columns[8].measure == Measure::disbursed);
  REQUIRE(funds.rows.size() == 5);  // the notes line and the signature are not data
  CHECK(funds.data_last == 18);
  CHECK(funds.rows[3].kind == RowKind::item);
  CHECK(funds.rows[4].parent == 3);
  CHECK(funds.rows[4].hidden);

  const auto uncached = findings_with(scan, "formula-without-value");
  REQUIRE(uncached.size() == 7);  // C15:H15 and the rate I15
  CHECK(uncached[0]->cell == CellRef{14, 2});
  CHECK(uncached[0]->found_text == "=SUM(C16)");
  CHECK(uncached[0]->stt == "TỔNG CỘNG");
  CHECK(uncached[6]->cell == CellRef{14, 8});
  const auto ambiguous = findings_with(scan, "ambiguous-number");
  REQUIRE(ambiguous.size() == 2);
  CHECK(ambiguous[0]->cell == CellRef{17, 2});
  CHECK(ambiguous[1]->cell == CellRef{17, 3});
  CHECK(funds.rows[3].values[2].state == ValueState::ambiguous_text);
  CHECK(scan.findings.size() == 9);
}

TEST_CASE("every calamine regression workbook scans without failing", "[table][real][corpus]") {
  const fs::path folder = fs::path(PHULUC_SHARED_DIR) / "corpus" / "calamine";
  REQUIRE(fs::is_directory(folder));
  int scanned = 0;
  for (const auto& entry : fs::recursive_directory_iterator(folder)) {
    const std::string ext = entry.path().extension().string();
    if (!entry.is_regular_file() || (ext != ".xlsx" && ext != ".xls" && ext != ".xlsm")) continue;
    Workbook workbook;
    try {
      workbook = read_workbook(entry.path());
    } catch (const ReadError&) {
      continue;  // unreadable files are the readers' business
    }
    INFO(entry.path().filename().string());
    TableScan scan;
    CHECK_NOTHROW(scan = find_tables(workbook));
    for (const Table& table : scan.tables) check_consistent(table);
    ++scanned;
  }
  CHECK(scanned > 50);
}

TEST_CASE("every corpus workbook scans without failing", "[.][table][real][corpus]") {
  for (const char* part : {"poi", "libxlsxwriter", "calamine"}) {
    for (const auto& entry : fs::recursive_directory_iterator(fs::path(PHULUC_SHARED_DIR) / "corpus" / part)) {
      if (!entry.is_regular_file()) continue;
      Workbook workbook;
      try {
        workbook = read_workbook(entry.path());
      } catch (const std::exception&) {
        continue;
      }
      INFO(entry.path().string());
      TableScan scan;
      CHECK_NOTHROW(scan = find_tables(workbook));
      for (const Table& table : scan.tables) check_consistent(table);
    }
  }
}
