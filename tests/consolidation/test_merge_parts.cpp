// The small parts of a merge: commune names, units, template comparison on real files, SUM formulas.
#include <catch2/catch.hpp>

#include "consolidation/commune_name.hpp"
#include "consolidation/merge_input.hpp"
#include "consolidation/merge_test_support.hpp"
#include "consolidation/row_formulas.hpp"
#include "consolidation/template_match.hpp"
#include "consolidation/unit_conversion.hpp"
#include "readers/workbook_reader.hpp"
#include "table/table_finder.hpp"

namespace {

namespace fs = std::filesystem;
using namespace phuluc;

const fs::path kSamples = fs::path(PHULUC_SOURCE_DIR) / "samples" / "appendices";

// The first table with amount columns of a workbook read by our reader.
Table amounts_table(const fs::path& path) {
  const TableScan scan = find_tables(read_workbook(path));
  for (const Table& table : scan.tables)
    for (const TableColumn& column : table.columns)
      if (column.role == ColumnRole::amount) return table;
  FAIL("no amounts table in " << path);
  return {};
}

}  // namespace

TEST_CASE("the commune comes from the Kèm theo line, with its level word", "[consolidation][commune]") {
  CHECK(commune_from_attached("Kèm theo Báo cáo số 3397/BC-UBND ngày 19 tháng 6 năm 2026 của Ủy ban nhân dân xã Mường Kim") ==
        "Xã Mường Kim");
  CHECK(commune_from_attached("Kèm theo Báo cáo số 12/BC-UBND ngày 12/6/2026 của UBND xã Tà Hừa, tỉnh Lai Châu") == "Xã Tà Hừa");
  CHECK(commune_from_attached("Kèm theo Báo cáo số 5/BC-UBND của UBND phường Tân Phong tỉnh Lai Châu") == "Phường Tân Phong");
  CHECK(commune_from_attached("Kèm theo Báo cáo của UBND đặc khu Côn Đảo") == "Đặc khu Côn Đảo");
  CHECK(commune_from_attached("Kèm theo Báo cáo của UBND thị trấn Tam Đường, huyện Tam Đường") == "Thị trấn Tam Đường");
  // "Thanh", "Tĩnh" capitalised belong to the name; lower-case "tỉnh" starts the next unit.
  CHECK(commune_from_attached("của UBND xã Thanh Sơn tỉnh Phú Thọ") == "Xã Thanh Sơn");
  CHECK(commune_from_attached("của UBND xã Tĩnh Túc") == "Xã Tĩnh Túc");
  // "kinh tế - xã hội" names no commune.
  CHECK(commune_from_attached("Kèm theo Báo cáo tình hình kinh tế - xã hội của UBND tỉnh Lai Châu").empty());
  CHECK(commune_from_path("/data/bao cao/muong_kim_2026.xlsx") == "muong_kim_2026.xlsx");
}

TEST_CASE("the commune of real appendices is read from their Kèm theo line", "[consolidation][commune]") {
  CHECK(commune_from_attached(amounts_table(kSamples / "muong_kim_2026.xlsx").attached_to) == "Xã Mường Kim");
  CHECK(commune_from_attached(amounts_table(kSamples / "muong_kim_2026.xls").attached_to) == "Xã Mường Kim");
  CHECK(commune_from_attached(amounts_table(kSamples / "lung_phinh_2025_von_su_nghiep.xlsx").attached_to) == "Xã Lùng Phình");
  CHECK(commune_from_attached(amounts_table(kSamples / "muong_khoa_2025_nguon_luc_ntm.xlsx").attached_to) == "Xã Mường Khoa");
}

TEST_CASE("units convert by exact powers of ten, and an unknown unit converts to nothing", "[consolidation][unit]") {
  CHECK(unit_shift(Unit::dong, Unit::million_dong) == -6);
  CHECK(unit_shift(Unit::billion_dong, Unit::million_dong) == 3);
  CHECK(unit_shift(Unit::thousand_dong, Unit::thousand_dong) == 0);
  CHECK_FALSE(unit_shift(Unit::unknown, Unit::million_dong).has_value());
  CHECK_FALSE(unit_shift(Unit::dong, Unit::unknown).has_value());
  CHECK(convert_amount(1234567.0, -6) == 1.234567);
  CHECK(convert_amount(82262000.0, -6) == 82.262);
  CHECK(convert_amount(1.5, 3) == 1500.0);
  CHECK(std::string(unit_name(Unit::million_dong, Lang::vi)) == "triệu đồng");
}

TEST_CASE("an appendix of the same template differs in nothing, though its labels are spelled otherwise",
          "[consolidation][template]") {
  // The seed's own workbook and its LibreOffice .xls copy: "NSDP" against "NSĐP" makes no difference.
  const Table mk = amounts_table(kSamples / "muong_kim_2026_corrected.xlsx");
  CHECK_FALSE(compare_with_template(mk, amounts_table(kSamples / "muong_kim_2026.xls")).has_value());
  CHECK_FALSE(compare_with_template(mk, amounts_table(kSamples / "muong_kim_2026_text_numbers.xlsx")).has_value());
  const auto& set = phuluc::merge_test::commune_set_38();
  for (std::size_t i = 0; i < 6; ++i) CHECK_FALSE(compare_with_template(mk, amounts_table(set.files[i])).has_value());
}

TEST_CASE("another template is named by its first differing column", "[consolidation][template]") {
  const Table mk = amounts_table(kSamples / "muong_kim_2026_corrected.xlsx");
  const auto lung_phinh = compare_with_template(mk, amounts_table(kSamples / "lung_phinh_2025_von_su_nghiep.xlsx"));
  REQUIRE(lung_phinh.has_value());
  CHECK(lung_phinh->reason == refusal::kDifferentColumns);
  CHECK(lung_phinh->column == "C");
  CHECK(lung_phinh->found == "Kế hoạch vốn năm 2025 › Tổng số");
  CHECK(lung_phinh->expected.find("Kế hoạch vốn › Tổng số") != std::string::npos);

  const auto investment = compare_with_template(mk, amounts_table(kSamples / "lung_phinh_2025_dau_tu.csv"));
  REQUIRE(investment.has_value());
  CHECK(investment->reason == refusal::kDifferentTemplate);
  CHECK(investment->found == "investment");
  CHECK(investment->expected == "funds");
}

TEST_CASE("another period is told by the years of the title", "[consolidation][template]") {
  Table reference = amounts_table(kSamples / "muong_kim_2026_corrected.xlsx");
  Table other = reference;
  other.title = "TỔNG HỢP TÌNH HÌNH THỰC HIỆN VỐN SỰ NGHIỆP CÁC CHƯƠNG TRÌNH MỤC TIÊU QUỐC GIA NĂM 2025";
  const auto difference = compare_with_template(reference, other);
  REQUIRE(difference.has_value());
  CHECK(difference->reason == refusal::kDifferentPeriod);
  CHECK(difference->found == "2025");
  CHECK(difference->expected == "2026");
}

TEST_CASE("column identities fold spelling but keep dates", "[consolidation][template]") {
  TableColumn a;
  a.role = ColumnRole::amount;
  a.split = Split::local;
  a.path = {"Kế hoạch vốn", "NSĐP"};
  TableColumn b = a;
  b.path = {"KẾ HOẠCH  VỐN", "NS địa phương"};
  CHECK(column_identity(a) == column_identity(b));
  TableColumn c = a;
  c.path = {"Giải ngân đến 15/6/2026", "NSĐP"};
  TableColumn d = a;
  d.path = {"Giải ngân đến 31/12/2026", "NSĐP"};
  CHECK(column_identity(c) != column_identity(d));
  TableColumn rate = a;
  rate.role = ColumnRole::rate;
  CHECK(column_identity(rate) != column_identity(a));
}

TEST_CASE("SUM formulas join consecutive rows into ranges and nest past 255 arguments", "[consolidation][formula]") {
  const auto ranges = row_ranges({20, 12, 13, 14, 13});
  REQUIRE(ranges.size() == 2);
  CHECK(ranges[0].first == 12);
  CHECK(ranges[0].last == 14);
  CHECK(ranges[1].first == 20);
  CHECK(sum_formula(2, ranges) == "SUM(C13:C15,C21)");
  CHECK(sum_formula(27, {{7, 7}}) == "SUM(AB8)");

  std::vector<std::uint32_t> scattered;
  for (std::uint32_t row = 0; row < 600; ++row) scattered.push_back(row * 2);
  const std::string nested = sum_formula(0, row_ranges(scattered));
  CHECK(nested.rfind("SUM(SUM(A1,A3,", 0) == 0);
  // 600 arguments: three groups of at most 255.
  std::size_t groups = 0;
  for (std::size_t at = nested.find("SUM(", 1); at != std::string::npos; at = nested.find("SUM(", at + 1)) ++groups;
  CHECK(groups == 3);
  CHECK(nested.find("A1199") != std::string::npos);
}
