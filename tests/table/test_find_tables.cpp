// find_tables on workbooks built in memory, modelled on seed 000's funds table and its neighbours.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <ctime>
#include <string>

#include "seed_expectations.hpp"
#include "seed_funds.hpp"
#include "table/table_finder.hpp"
#include "workbook_builder.hpp"

using namespace phuluc;
using phuluc::test::SheetDraft;

namespace {

const Table& only_table(const TableScan& scan) {
  REQUIRE(scan.tables.size() == 1);
  return scan.tables.front();
}

std::vector<const Finding*> findings_with(const TableScan& scan, const std::string& code) {
  std::vector<const Finding*> out;
  for (const Finding& finding : scan.findings)
    if (finding.code == code) out.push_back(&finding);
  return out;
}

// A small funds sheet: STT | Nội dung | Kế hoạch vốn (Tổng số, NSTW, NSĐP) | Giải ngân (Tổng số, NSTW,
// NSĐP), header rows 1-2, data from row 3.
SheetDraft small_funds_sheet() {
  SheetDraft sheet("Vốn");
  sheet.text("A1", "STT").merge("A1:A2");
  sheet.text("B1", "Nội dung").merge("B1:B2");
  sheet.text("C1", "Kế hoạch vốn").merge("C1:E1");
  sheet.text("F1", "Giải ngân").merge("F1:H1");
  const char* splits[] = {"Tổng số", "NSTW", "NSĐP"};
  for (int i = 0; i < 6; ++i) sheet.text(std::string(1, static_cast<char>('C' + i)) + "2", splits[i % 3]);
  return sheet;
}

Workbook workbook_of(const SheetDraft& draft) {
  Workbook workbook;
  workbook.styles.emplace_back();
  workbook.sheets.push_back(draft.sheet());
  return workbook;
}

}  // namespace

TEST_CASE("the seed funds table is found with its title, attachment line and unit", "[table][finder]") {
  const TableScan scan = find_tables(test::seed_funds_workbook());
  const Table& table = only_table(scan);
  CHECK(table.sheet == "Vốn sự nghiệp");
  CHECK(table.sheet_index == 0);
  CHECK(table.kind == TableKind::funds);
  CHECK(table.title ==
        "TỔNG HỢP TÌNH HÌNH THỰC HIỆN VỐN SỰ NGHIỆP CÁC CHƯƠNG TRÌNH MỤC TIÊU QUỐC GIA 06 THÁNG ĐẦU NĂM 2026");
  CHECK(table.titles == std::vector<std::string>{table.title});
  CHECK(table.attached_to ==
        "Kèm theo Báo cáo số 3397/BC-UBND ngày 19 tháng 6 năm 2026 của Ủy ban nhân dân xã Mường Kim");
  CHECK(table.unit_text == "ĐVT: Triệu đồng");
  CHECK(table.unit == Unit::million_dong);
  CHECK(table.header_first == 3);
  CHECK(table.header_last == 5);
  CHECK(table.stt_col == 0u);
  CHECK(table.label_col == 1u);
  CHECK(scan.findings.empty());
}

TEST_CASE("the 3-row merged header gives each of the 33 columns its path, role, measure, split and block",
          "[table][finder][header]") {
  const TableScan scan = find_tables(test::seed_funds_workbook());
  test::check_seed_funds_columns(only_table(scan));
}

TEST_CASE("seed rows follow the STT hierarchy from TỔNG CỘNG down to unnumbered contents", "[table][finder][rows]") {
  const TableScan scan = find_tables(test::seed_funds_workbook());
  const Table& table = only_table(scan);
  const auto& seed = test::seed_funds_rows();
  REQUIRE(table.rows.size() == seed.size());
  for (std::size_t i = 0; i < seed.size(); ++i) {
    INFO("row " << i);
    CHECK(table.rows[i].stt == seed[i].stt);
    if (!seed[i].label.empty()) CHECK(table.rows[i].label == seed[i].label);
  }
  test::check_seed_funds_hierarchy(table);
}

TEST_CASE("a header repeated after a page break and the signature block are not data", "[table][finder][rows]") {
  const Workbook workbook = test::seed_funds_workbook();
  const TableScan table_scan = find_tables(workbook);
  const Table& table = only_table(table_scan);
  CHECK(table.rows.size() == 26);
  // 26 rows from row 6, plus 3 repeated header rows.
  CHECK(table.data_last == 6 + 26 + 3 - 1);
  for (const TableRow& row : table.rows) {
    CHECK(row.stt != "STT");
    CHECK(row.label.find("ỦY BAN") == std::string::npos);
    CHECK(row.label.find("Vũ Văn Nội") == std::string::npos);
    CHECK(row.sheet_row < 35);
  }
  const TableScan plain_scan = find_tables(test::seed_funds_workbook({false, false, false, "Vốn"}));
  const Table& plain = only_table(plain_scan);
  CHECK(plain.rows.size() == 26);
  CHECK(plain.data_last == 6 + 26 - 1);
}

TEST_CASE("number cells keep their value and the decimals their format shows", "[table][finder][values]") {
  const TableScan table_scan = find_tables(test::seed_funds_workbook());
  const Table& table = only_table(table_scan);
  const auto& seed = test::seed_funds_rows();
  for (std::size_t r = 0; r < seed.size(); ++r)
    for (std::size_t i = 0; i < 30; ++i) {
      const std::string& typed = seed[r].values[i];
      const TableValue& value = table.rows[r].values[2 + i];
      INFO("row " << r << " column " << column_letters(static_cast<std::uint32_t>(2 + i)) << " typed " << typed);
      if (typed.empty()) {
        CHECK(value.state == ValueState::blank);
      } else if (typed == "-") {
        CHECK(value.state == ValueState::dash);
        CHECK(value.is_numeric());
      } else {
        CHECK(value.state == ValueState::number);
        CHECK(value.number == Approx(test::vietnamese_value(typed)));
        CHECK(value.decimals == test::typed_decimals(typed));
      }
    }
  // The plan columns print 3 decimals (660,862), the disbursement rates 2 (77,15), the estimate rates 0 (98).
  CHECK(table.columns[2].decimals == 3);
  CHECK(table.columns[8].decimals == 2);
  CHECK(table.columns[14].decimals == 0);
}

TEST_CASE("numbers typed as text are read the Vietnamese way and reported as notices", "[table][finder][values]") {
  test::SeedFundsOptions options;
  options.values_as_text = true;
  const TableScan scan = find_tables(test::seed_funds_workbook(options));
  const Table& table = only_table(scan);
  const auto& seed = test::seed_funds_rows();
  std::size_t typed_numbers = 0;
  for (std::size_t r = 0; r < seed.size(); ++r)
    for (std::size_t i = 0; i < 30; ++i) {
      const std::string& typed = seed[r].values[i];
      const TableValue& value = table.rows[r].values[2 + i];
      INFO("row " << r << " typed " << typed);
      if (typed.empty() || typed == "-") continue;
      ++typed_numbers;
      REQUIRE(value.state == ValueState::text_number);
      CHECK(value.number == Approx(test::vietnamese_value(typed)));
      CHECK(value.raw == typed);
    }
  const auto notices = findings_with(scan, "text-number");
  CHECK(notices.size() == typed_numbers);
  CHECK(findings_with(scan, "ambiguous-number").empty());

  // The V.2 plan "272,50": the notice names the cell, the row and the column.
  const auto it = std::find_if(notices.begin(), notices.end(), [](const Finding* f) { return f->found_text == "272,50"; });
  REQUIRE(it != notices.end());
  const Finding& notice = **it;
  CHECK(notice.severity == Severity::notice);
  CHECK(notice.sheet == "Vốn sự nghiệp");
  CHECK(notice.stt == "V.2");
  CHECK(notice.row_label.rfind("Tiểu dự án 2: Bồi dưỡng", 0) == 0);
  CHECK(notice.column.find("Kế hoạch vốn") != std::string::npos);
  CHECK(notice.found == Approx(272.5));
  CHECK(notice.decimals == 2);
  REQUIRE(notice.cell);
  CHECK(table.rows[static_cast<std::size_t>(test::row_index(table, "V.2"))].sheet_row == notice.cell->row);
}

TEST_CASE("ambiguous text numbers are resolved only when the context makes one reading certain",
          "[table][finder][values]") {
  SECTION("the column's other text uses ',' for decimals") {
    SheetDraft sheet = small_funds_sheet();
    sheet.text("A3", "1").text("B3", "Dự án 1").text("C3", "1.234,567").text("C4", "38.996");
    sheet.text("A4", "2").text("B4", "Dự án 2");
    const TableScan scan = find_tables(workbook_of(sheet));
    const TableValue& value = only_table(scan).rows[1].values[2];
    CHECK(value.state == ValueState::text_number);
    CHECK(value.number == Approx(38996));
    CHECK(value.readings == std::vector<double>{38996, 38.996});
    const auto notices = findings_with(scan, "text-number");
    REQUIRE(notices.size() == 2);
    CHECK(notices[1]->found_text == "38.996");
    CHECK(notices[1]->reason == "resolved-by-column");
    CHECK(notices[1]->detail.find("38996") != std::string::npos);
  }
  SECTION("only one reading makes Tổng số = NSTW + NSĐP hold") {
    SheetDraft sheet = small_funds_sheet();
    sheet.text("A3", "1").text("B3", "Dự án 1").text("C3", "82,262").number("D3", 82.262).number("E3", 0);
    const TableScan scan = find_tables(workbook_of(sheet));
    const TableValue& value = only_table(scan).rows[0].values[2];
    CHECK(value.state == ValueState::text_number);
    CHECK(value.number == Approx(82.262));
    CHECK(value.decimals == 3);
    const auto notices = findings_with(scan, "text-number");
    REQUIRE(notices.size() == 1);
    CHECK(notices[0]->reason == "resolved-by-total");
  }
  SECTION("nothing decides: both readings are reported and the value stays unread") {
    SheetDraft sheet = small_funds_sheet();
    sheet.text("A3", "1").text("B3", "Dự án 1").text("C3", "38.996").text("D3", "38.996").number("E3", 0);
    const TableScan scan = find_tables(workbook_of(sheet));
    const TableValue& value = only_table(scan).rows[0].values[2];
    CHECK(value.state == ValueState::ambiguous_text);
    CHECK_FALSE(value.is_numeric());
    CHECK(value.readings == std::vector<double>{38996, 38.996});
    const auto warnings = findings_with(scan, "ambiguous-number");
    REQUIRE(warnings.size() == 2);  // C3 and D3: 38996 = 38996 + 0 and 38.996 = 38.996 + 0 both hold
    CHECK(warnings[0]->severity == Severity::warning);
    CHECK(warnings[0]->found_text == "38.996");
    CHECK_FALSE(warnings[0]->found);
    CHECK(warnings[0]->detail.find("38996") != std::string::npos);
    CHECK(warnings[0]->detail.find("38.996") != std::string::npos);
    CHECK(findings_with(scan, "text-number").empty());
  }
}

TEST_CASE("errors, formulas without a value and words in amount columns", "[table][finder][values]") {
  SheetDraft sheet = small_funds_sheet();
  sheet.text("A3", "1").text("B3", "Dự án 1").error("C3", "#REF!").formula_without_value("D3", "SUM(D4:D5)");
  sheet.text("E3", "Không").text("F3", "-").text("G3", "  ");
  const TableScan scan = find_tables(workbook_of(sheet));
  const TableRow& row = only_table(scan).rows.at(0);
  CHECK(row.values[2].state == ValueState::error);
  CHECK(row.values[2].raw == "#REF!");
  CHECK(row.values[3].state == ValueState::no_cached_value);
  CHECK(row.values[3].has_formula);
  CHECK(row.values[4].state == ValueState::not_a_number);
  CHECK(row.values[5].state == ValueState::dash);
  CHECK(row.values[6].state == ValueState::blank);
  const auto warnings = findings_with(scan, "formula-without-value");
  REQUIRE(warnings.size() == 1);
  CHECK(warnings[0]->cell == CellRef{2, 3});
  CHECK(warnings[0]->found_text == "=SUM(D4:D5)");
  CHECK(scan.findings.size() == 1);  // "Không" is left to the rules' not-a-number check
}

TEST_CASE("an STT typed as a number prints as the file shows it", "[table][finder][rows]") {
  Workbook workbook;
  workbook.styles.emplace_back();
  const std::uint32_t two_decimals = test::add_style(workbook, "0.00");
  SheetDraft sheet = small_funds_sheet();
  sheet.number("A3", 1).text("B3", "Nội dung 1").number("C3", 5);
  sheet.number("A4", 1.1).text("B4", "Xây dựng").number("C4", 2);
  sheet.number("A5", 1.1, two_decimals).text("B5", "Sửa chữa").number("C5", 3);
  workbook.sheets.push_back(sheet.sheet());
  const TableScan table_scan = find_tables(workbook);
  const Table& table = only_table(table_scan);
  REQUIRE(table.rows.size() == 3);
  CHECK(table.rows[0].stt == "1");
  CHECK(table.rows[1].stt == "1.1");
  CHECK(table.rows[2].stt == "1.10");
  CHECK(table.rows[1].parent == 0);
  CHECK(table.rows[2].parent == 0);
}

TEST_CASE("bullets nest under contents and a bold caption groups the plain rows under it", "[table][finder][rows]") {
  Workbook workbook;
  workbook.styles.emplace_back();
  const std::uint32_t bold = test::add_style(workbook, "General", true);
  SheetDraft sheet = small_funds_sheet();
  sheet.text("A3", "I", bold).text("B3", "Dự án 1", bold).number("C3", 10);
  sheet.text("B4", "Hỗ trợ sản xuất", bold);                     // caption: bold, no numbers
  sheet.text("B5", "Mô hình lúa").number("C5", 4);
  sheet.text("B6", "Mô hình ngô").number("C6", 6);
  sheet.text("A7", "1").text("B7", "Nội dung 1").number("C7", 10);
  sheet.text("A8", "-").text("B8", "Đường bê tông").number("C8", 7);
  sheet.text("A9", "+").text("B9", "Đoạn 1").number("C9", 7);
  sheet.text("A10", "-").text("B10", "Nhà văn hóa").number("C10", 3);
  workbook.sheets.push_back(sheet.sheet());
  const TableScan table_scan = find_tables(workbook);
  const Table& table = only_table(table_scan);
  REQUIRE(table.rows.size() == 8);
  CHECK(table.rows[0].kind == RowKind::project);
  CHECK(table.rows[1].parent == 0);
  CHECK(table.rows[2].parent == 1);
  CHECK(table.rows[3].parent == 1);
  CHECK(table.rows[4].kind == RowKind::content);
  CHECK(table.rows[4].parent == 0);
  CHECK(table.rows[5].kind == RowKind::item);
  CHECK(table.rows[5].parent == 4);
  CHECK(table.rows[6].kind == RowKind::item);
  CHECK(table.rows[6].parent == 5);
  CHECK(table.rows[7].parent == 4);
  CHECK(table.rows[0].depth == 1);
  CHECK(table.rows[6].depth == 4);
}

TEST_CASE("a criteria table puts indicators under their criterion and a documents table is flat",
          "[table][finder][rows]") {
  Workbook workbook;
  workbook.styles.emplace_back();
  SheetDraft criteria("Tiêu chí");
  criteria.text("A1", "TỔNG HỢP HIỆN TRẠNG THEO BỘ TIÊU CHÍ QUỐC GIA XÃ NÔNG THÔN MỚI").merge("A1:F1");
  const char* header[] = {"TT", "Tên tiêu chí", "Nội dung tiêu chí", "Chỉ tiêu", "Kết quả 06 tháng đầu năm 2026", "Ghi chú"};
  for (int i = 0; i < 6; ++i) criteria.text(std::string(1, static_cast<char>('A' + i)) + "3", header[i]);
  criteria.text("C4", "Tổng").text("E4", "4/10");
  criteria.text("A5", "1").text("B5", "Quy hoạch").text("C5", "1.1. Có quy hoạch chung xã").text("D5", "Đạt").text("E5", "Đạt");
  criteria.text("A6", "2").text("B6", "Hạ tầng kinh tế - xã hội").text("C6", "2.1. Hệ thống đường giao thông");
  criteria.merge("A6:A7").merge("B6:B7");
  criteria.text("C7", "2.2. Các công trình thủy lợi").text("D7", "≥ 98%").text("E7", "99,82");
  workbook.sheets.push_back(criteria.sheet());

  SheetDraft documents("Văn bản");
  const char* doc_header[] = {"TT", "Loại văn bản", "Số, ngày, tháng ban hành", "Trích yếu", "Ghi chú"};
  for (int i = 0; i < 5; ++i) documents.text(std::string(1, static_cast<char>('A' + i)) + "2", doc_header[i]);
  documents.number("A3", 1).text("B3", "Quyết định").text("C3", "944/QĐ-UBND ngày 18/5/2026").text("D3", "thành lập Ban Chỉ đạo");
  documents.number("A4", 2).text("B4", "Kế hoạch").text("C4", "Số 1110/KH-UBND ngày 05/3/2026").text("D4", "Thực hiện Chương trình");
  workbook.sheets.push_back(documents.sheet());

  const TableScan scan = find_tables(workbook);
  REQUIRE(scan.tables.size() == 2);
  const Table& crit = scan.tables[0];
  CHECK(crit.kind == TableKind::criteria);
  CHECK(crit.header_first == 2);
  CHECK(crit.header_last == 2);  // the "Tổng 4/10" row is data, not a header row
  CHECK(crit.label_col == 1u);   // "Tên tiêu chí", right of TT, over "Nội dung tiêu chí"
  REQUIRE(crit.rows.size() == 4);
  CHECK(crit.rows[0].kind == RowKind::grand_total);
  CHECK(crit.rows[0].label == "Tổng");
  CHECK(crit.rows[0].children.empty());
  CHECK(crit.rows[1].kind == RowKind::content);
  CHECK(crit.rows[2].kind == RowKind::content);
  CHECK(crit.rows[3].kind == RowKind::item);
  CHECK(crit.rows[3].parent == 2);
  CHECK(crit.rows[3].label == "2.2. Các công trình thủy lợi");
  CHECK(scan.findings.empty());  // criteria text is no amount: no text-number notice for "99,82"

  const Table& docs = scan.tables[1];
  CHECK(docs.kind == TableKind::documents);
  CHECK(docs.sheet_index == 1);
  REQUIRE(docs.rows.size() == 2);
  for (const TableRow& row : docs.rows) {
    CHECK(row.kind == RowKind::content);
    CHECK(row.parent == -1);
    CHECK(row.depth == 1);
  }
  CHECK(docs.rows[1].stt == "2");
  CHECK(docs.rows[1].label == "Kế hoạch");
}

TEST_CASE("two tables one under another are told apart by the second one's titles", "[table][finder]") {
  SheetDraft sheet("PL");
  sheet.text("A1", "CÁC CƠ CHẾ, CHÍNH SÁCH DO ĐỊA PHƯƠNG BAN HÀNH").merge("A1:E1");
  const char* doc_header[] = {"TT", "Loại văn bản", "Số, ngày, tháng ban hành", "Trích yếu", "Ghi chú"};
  for (int i = 0; i < 5; ++i) sheet.text(std::string(1, static_cast<char>('A' + i)) + "3", doc_header[i]);
  sheet.text("A4", "1").text("B4", "Quyết định").text("C4", "944/QĐ-UBND").text("D4", "thành lập Ban Chỉ đạo");
  sheet.text("A5", "2").text("B5", "Công văn").text("C5", "341/UBND-KT").text("D5", "triển khai Bộ tiêu chí");
  sheet.text("A6", "TỔNG HỢP TÌNH HÌNH THỰC HIỆN VỐN SỰ NGHIỆP").merge("A6:H6");
  sheet.text("A7", "(Kèm theo Báo cáo số 3397/BC-UBND)").merge("A7:H7");
  sheet.text("G8", "ĐVT: nghìn đồng");
  sheet.text("A9", "STT").merge("A9:A10").text("B9", "Nội dung").merge("B9:B10");
  sheet.text("C9", "Kế hoạch vốn").merge("C9:E9").text("F9", "Giải ngân").merge("F9:H9");
  const char* splits[] = {"Tổng số", "NSTW", "NSĐP"};
  for (int i = 0; i < 6; ++i) sheet.text(std::string(1, static_cast<char>('C' + i)) + "10", splits[i % 3]);
  sheet.text("A11", "A").text("B11", "Chương trình MTQG giảm nghèo bền vững").number("C11", 100);
  const TableScan scan = find_tables(workbook_of(sheet));
  REQUIRE(scan.tables.size() == 2);
  const Table& docs = scan.tables[0];
  const Table& funds = scan.tables[1];
  CHECK(docs.kind == TableKind::documents);
  CHECK(docs.rows.size() == 2);
  CHECK(docs.data_last == 4);
  CHECK(funds.kind == TableKind::funds);
  CHECK(funds.title == "TỔNG HỢP TÌNH HÌNH THỰC HIỆN VỐN SỰ NGHIỆP");
  CHECK(funds.attached_to == "Kèm theo Báo cáo số 3397/BC-UBND");
  CHECK(funds.unit == Unit::thousand_dong);
  CHECK(funds.header_first == 8);
  CHECK(funds.header_last == 9);
  REQUIRE(funds.rows.size() == 1);
  CHECK(funds.rows[0].kind == RowKind::program);
}

TEST_CASE("a header without merged cells spreads group labels over the columns below them", "[table][finder][header]") {
  // As FreeXL reads an .xls, or a CSV export: each group label sits over its first column only,
  // and a row of column numbers closes the header.
  SheetDraft sheet("lung_phinh");
  const char* top[] = {"STT", "Danh mục công trình", "Kế hoạch vốn năm 2025", "", "", "Giải ngân đến ngày 15/11/2025", "", "",
                       "Tỷ lệ giải ngân (%)", "Ghi chú"};
  const char* second[] = {"", "", "Tổng số", "NSTW", "NSĐP", "Tổng số", "NSTW", "NSĐP", "", ""};
  const char* numbers[] = {"1", "2", "3=4+5", "4", "5", "6=7+8", "7", "8", "9=6/3", "10"};
  for (int i = 0; i < 10; ++i) {
    const std::string col(1, static_cast<char>('A' + i));
    if (*top[i]) sheet.text(col + "5", top[i]);
    if (*second[i]) sheet.text(col + "6", second[i]);
    sheet.text(col + "7", numbers[i]);
  }
  sheet.text("A8", "I").text("B8", "Dự án 1").text("C8", "2.036,600").text("D8", "2.026,600").text("E8", "10,000");
  sheet.text("F8", "1.075,565").text("G8", "1.050,565").text("H8", "25,000").text("I8", "52,8");
  const TableScan scan = find_tables(workbook_of(sheet));
  const Table& table = only_table(scan);
  CHECK(table.kind == TableKind::investment);
  CHECK(table.header_first == 4);
  CHECK(table.header_last == 6);
  REQUIRE(table.columns.size() == 10);
  CHECK(table.columns[3].path_text == std::string("Kế hoạch vốn năm 2025") + test::path_separator() + "NSTW");
  CHECK(table.columns[4].path_text == std::string("Kế hoạch vốn năm 2025") + test::path_separator() + "NSĐP");
  CHECK(table.columns[7].path_text == std::string("Giải ngân đến ngày 15/11/2025") + test::path_separator() + "NSĐP");
  CHECK(table.columns[7].measure == Measure::disbursed);
  CHECK(table.columns[7].split == Split::local);
  CHECK(table.columns[8].path_text == "Tỷ lệ giải ngân (%)");
  CHECK(table.columns[8].role == ColumnRole::rate);
  CHECK(table.columns[8].measure == Measure::disbursed);
  REQUIRE(table.rows.size() == 1);
  // "10,000" and "25,000" have two readings; Tổng số = NSTW + NSĐP decides for 10 and 25.
  CHECK(table.rows[0].values[4].number == Approx(10));
  CHECK(table.rows[0].values[7].number == Approx(25));
  CHECK(findings_with(scan, "ambiguous-number").empty());
}

TEST_CASE("doubts about the structure are warnings, never guesses", "[table][finder][structure]") {
  SECTION("two columns could hold the labels") {
    SheetDraft sheet("Doubt");
    sheet.text("A1", "Nội dung").text("B1", "Tên đơn vị").text("C1", "Kế hoạch vốn").text("D1", "Giải ngân");
    sheet.text("A2", "Xã Mường Kim").text("B2", "UBND xã").number("C2", 5).number("D2", 3);
    const TableScan scan = find_tables(workbook_of(sheet));
    const Table& table = only_table(scan);
    CHECK_FALSE(table.label_col);
    const auto warnings = findings_with(scan, "structure-unclear");
    REQUIRE(warnings.size() == 1);
    CHECK(warnings[0]->reason == "two-label-columns");
    CHECK(warnings[0]->severity == Severity::warning);
    CHECK(warnings[0]->detail.find("A (Nội dung)") != std::string::npos);
  }
  SECTION("header blocks that do not line up") {
    SheetDraft sheet("Blocks");
    sheet.text("A1", "STT").merge("A1:A3").text("B1", "Nội dung").merge("B1:B3");
    sheet.text("C1", "Năm 2025").merge("C1:F1").text("G1", "Năm 2026").merge("G1:I1");
    sheet.text("C2", "Kế hoạch").merge("C2:D2").text("E2", "Giải ngân").merge("E2:F2");
    sheet.text("G2", "Kế hoạch").merge("G2:H2").text("I2", "Giải ngân");
    const char* splits[] = {"Tổng số", "NSTW", "Tổng số", "NSTW", "Tổng số", "NSTW", "Tổng số"};
    for (int i = 0; i < 7; ++i) sheet.text(std::string(1, static_cast<char>('C' + i)) + "3", splits[i]);
    sheet.text("A4", "A").text("B4", "Chương trình").number("C4", 1);
    const TableScan scan = find_tables(workbook_of(sheet));
    const Table& table = only_table(scan);
    CHECK(table.columns[6].block == 1);
    const auto warnings = findings_with(scan, "structure-unclear");
    REQUIRE(warnings.size() == 1);
    CHECK(warnings[0]->reason == "blocks-misaligned");
    CHECK(warnings[0]->cell == CellRef{0, 6});
  }
}

TEST_CASE("past an empty row only table-like rows carry the table on", "[table][finder][rows]") {
  SheetDraft sheet = small_funds_sheet();
  sheet.text("A3", "I").text("B3", "Dự án 1").number("C3", 10);
  sheet.text("A5", "II").text("B5", "Dự án 2").number("C5", 5);         // after one empty row: still data
  sheet.text("A7", "Số liệu do bộ phận Tài chính - Kế hoạch cung cấp.").merge("A7:H7");  // free text
  sheet.text("A8", "III").text("B8", "Dự án 3").number("C8", 1);
  const TableScan scan = find_tables(workbook_of(sheet));
  const Table& table = only_table(scan);
  REQUIRE(table.rows.size() == 2);
  CHECK(table.rows[1].stt == "II");
  CHECK(table.data_last == 4);
}

TEST_CASE("hidden sheets and sheets without a header give no table and no finding", "[table][finder]") {
  Workbook workbook;
  workbook.styles.emplace_back();
  SheetDraft hidden = small_funds_sheet();
  hidden.text("A3", "1").text("B3", "Dự án 1").text("C3", "1,5");
  hidden.hide();
  workbook.sheets.push_back(hidden.sheet());
  SheetDraft notes("Ghi chú");
  notes.text("A1", "Báo cáo kết quả thực hiện").text("A2", "STT").number("B2", 1);
  workbook.sheets.push_back(notes.sheet());
  workbook.sheets.emplace_back();  // an empty sheet
  const TableScan scan = find_tables(workbook);
  CHECK(scan.tables.empty());
  CHECK(scan.findings.empty());
}

TEST_CASE("find_tables reads a 100-row, 33-column appendix well under a millisecond", "[table][finder][perf]") {
  // The seed table grown to 104 data rows: 4 copies of its 26 rows.
  Workbook workbook = test::seed_funds_workbook({false, false, false, "Vốn"});
  Sheet& sheet = workbook.sheets[0];
  const std::vector<SheetRow> data(sheet.rows.begin() + 6, sheet.rows.end());
  for (std::uint32_t copy = 1; copy < 4; ++copy)
    for (SheetRow row : data) {
      row.index += copy * 26;
      sheet.rows.push_back(row);
    }
  REQUIRE(find_tables(workbook).tables.at(0).rows.size() == 104);
  // Processor time, not wall time: the machine running the tests may be busy with other work.
  const int runs = 200;
  const std::clock_t start = std::clock();
  std::size_t rows = 0;
  for (int i = 0; i < runs; ++i) rows += find_tables(workbook).tables[0].rows.size();
  const double ms = 1000.0 * static_cast<double>(std::clock() - start) / CLOCKS_PER_SEC / runs;
  CHECK(rows == 104u * runs);
  INFO("find_tables on 104 rows x 33 columns: " << ms << " ms of processor time");
#if defined(__OPTIMIZE__) && !defined(__SANITIZE_ADDRESS__)
  CHECK(ms < 1.0);
#else
  CHECK(ms < 20.0);  // unoptimised or sanitised builds: only a guard against quadratic scans
#endif
}
