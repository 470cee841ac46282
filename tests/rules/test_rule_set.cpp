#include <algorithm>
#include <catch2/catch.hpp>
#include <set>

#include "model/cell_ref.hpp"
#include "rules/rule_set.hpp"
#include "table_builder.hpp"

using namespace phuluc;
using namespace phuluc::test;

TEST_CASE("the default rule set has one rule per code", "[rules][set]") {
  std::set<std::string_view> codes;
  for (const auto& rule : default_rules()) CHECK(codes.insert(rule->code()).second);
  CHECK(codes == std::set<std::string_view>{"not-a-number", "negative-amount", "split-mismatch", "sum-mismatch",
                                            "total-mismatch", "rate-mismatch", "criteria-count-mismatch",
                                            "criteria-verdict-mismatch", "target-holds-verdict"});
}

// The three arithmetic errors of seed 000's funds table (block "vốn năm 2026" and the carried-over
// block reduced to what they need), with the rows that are right around them.
TEST_CASE("check_table finds seed 000's rate, sum and rate-without-base errors and nothing else", "[rules][set]") {
  TableBuilder b;
  b.add_triple(ColumnRole::amount, Measure::estimate, 0, "Ước giải ngân đến hết năm 2026");  // C D E
  b.add_triple(ColumnRole::amount, Measure::plan, 1, "Kế hoạch vốn");                        // F G H
  b.add_triple(ColumnRole::amount, Measure::estimate, 1, "Ước giải ngân đến hết năm 2026");  // I J K
  b.add_triple(ColumnRole::rate, Measure::estimate, 1, "Tỷ lệ giải ngân", 0);                // L M N
  const int total = b.add_row("", "TỔNG CỘNG", RowKind::grand_total, -1,
                              {num(650.862), num(650.862), num(0), num(255), num(255), num(0), num(255), num(255),
                               num(0), num(100), num(100), num(0)});
  const int a = b.add_row("A", "Chương trình MTQG phát triển KT-XH vùng ĐBDTTS và miền núi", RowKind::program, total,
                          {num(579.503), num(579.503), num(0), num(255), num(255), num(0), num(255), num(255), num(0),
                           num(200), num(200), num(0)});
  b.add_row(
      "IV", "Dự án 4", RowKind::project, a,
      {blank(), blank(), blank(), num(0), blank(), num(0), blank(), blank(), blank(), num(100), num(100), blank()});
  const int v = b.add_row(
      "V", "Dự án 5", RowKind::project, a,
      {num(531.852), num(531.852), num(0), num(0), num(0), num(0), num(0), num(0), num(0), num(0), num(0), num(0)});
  const int v1 = b.add_row(
      "V.1", "Tiểu dự án 1", RowKind::subproject, v,
      {num(82.262), num(82.262), num(0), num(0), num(0), num(0), num(0), num(0), num(0), num(0), num(0), num(0)});
  b.add_row(
      "", "Mở lớp xóa mù chữ", RowKind::content, v1,
      {num(82.262), num(82.262), blank(), num(0), blank(), num(0), blank(), num(0), blank(), blank(), num(0), num(0)});
  b.add_row("V.2", "Tiểu dự án 2", RowKind::subproject, v,
            {text_num("262,50", 262.5, 2), text_num("262,50", 262.5, 2), blank(), text_num("0,0", 0, 1), blank(),
             blank(), blank(), blank(), blank(), blank(), blank(), blank()});
  const int v3 = b.add_row("V.3", "Tiểu dự án 3", RowKind::subproject, v,
                           {text_num("187,09", 187.09, 2), text_num("187,09", 187.09, 2), text_num("0,00", 0, 2),
                            num(0), num(0), num(0), num(0), num(0), num(0), num(0), num(0), num(0)});
  b.add_row(
      "", "Hỗ trợ chi phí đào tạo nghề", RowKind::content, v3,
      {num(187, 0), num(187, 0), blank(), num(0), num(0), num(0), num(0), num(0), num(0), num(0), num(0), num(0)});
  b.add_row(
      "VIII", "Dự án 8", RowKind::project, a,
      {num(47.651), num(47.651), blank(), num(0), num(0), num(0), num(0), num(0), num(0), num(0), num(0), num(0)});
  b.add_row(
      "IX", "Dự án 9", RowKind::project, a,
      {blank(), blank(), blank(), num(255), num(255), num(0), num(255), num(255), num(0), num(100), num(100), num(0)});
  b.add_row("C", "Chương trình MTQG xây dựng nông thôn mới", RowKind::program, total,
            {num(71.359), num(71.359), dash(), dash(), dash(), dash(), dash(), dash(), dash(), dash(), dash(), dash()});

  const auto findings = check_table(b.table());
  std::set<std::pair<std::string, std::string>> errors;
  for (const auto& finding : findings)
    if (finding.severity == Severity::error) errors.emplace(to_a1(*finding.cell), finding.code);
  CHECK(errors == std::set<std::pair<std::string, std::string>>{
                      {"L9", "rate-mismatch"},  // A: 200 where 255 / 255 gives 100
                      {"M9", "rate-mismatch"},
                      {"L10", "rate-without-base"},  // IV: 100 on a plan of 0
                      {"M10", "rate-without-base"},
                      {"C15", "sum-mismatch"},  // V.3: 187,09 against its only child's 187
                      {"D15", "sum-mismatch"},
                  });
  CHECK(std::none_of(findings.begin(), findings.end(),
                     [](const Finding& f) { return f.code == "structure-unclear" || f.code == "check-skipped"; }));
}
