// Template definitions as data: the built-in ones load and say what the issue asks of them; a
// malformed file is refused with its line and reason.
#include <catch2/catch.hpp>

#include "templates/template_test_support.hpp"

#include <filesystem>
#include <fstream>

#include "mappings/catalogue.hpp"
#include "templates/official_table.hpp"
#include "templates/template_definition.hpp"
#include "templates/template_texts.hpp"

namespace {

using namespace phuluc;
using template_test::builtin_templates;

const auto& builtin() { return builtin_templates(); }
const Catalogue& catalogue() { return template_test::builtin_catalogue(); }

std::string refusal(const std::string& text) {
  try {
    parse_template(text, "bad.tpl");
  } catch (const TemplateError& error) {
    return error.what();
  }
  return "accepted";
}

constexpr const char* kMinimal =
    "[template]\nname = x\nkind = funds\ntitle = T\nprograms = dtts\n[columns]\n"
    "stt | 5 | stt | | STT\nlabel | 40 | label | | Nội dung\n";

}  // namespace

TEST_CASE("the built-in templates are the five the issue asks for, sorted by name", "[templates][definition]") {
  std::vector<std::string> names;
  for (const auto& definition : builtin()) names.push_back(definition.name);
  CHECK(names == std::vector<std::string>{"tieu-chi-ntm-2021", "tieu-chi-ntm-2030", "van-ban", "von-dau-tu", "von-su-nghiep"});
  for (const auto& definition : builtin()) {
    INFO(definition.name);
    CHECK_FALSE(definition.summary_vi.empty());
    CHECK_FALSE(definition.summary_en.empty());
    CHECK(definition.first_of(TemplateColumnRole::stt).has_value());
    CHECK(definition.first_of(TemplateColumnRole::label).has_value());
  }
  CHECK(find_template(builtin(), "VON-SU-NGHIEP") == &builtin()[4]);
  CHECK(find_template(builtin(), "von-su") == nullptr);
}

TEST_CASE("the funds template is seed 000's: two blocks, five groups, Tổng số = NSTW + NSĐP, rates", "[templates][definition]") {
  const TemplateDefinition& funds = *find_template(builtin(), "von-su-nghiep");
  CHECK(funds.columns.size() == 33);  // STT, Nội dung, 2 × 5 × 3, Ghi chú
  CHECK(funds.header_depth() == 3);
  std::size_t amounts = 0, rates = 0, totals = 0;
  for (const auto& column : funds.columns) {
    if (column.role == TemplateColumnRole::amount) ++amounts;
    if (column.role == TemplateColumnRole::rate) ++rates;
    if (!column.parts.empty()) ++totals;
  }
  CHECK(amounts == 18);
  CHECK(rates == 12);
  CHECK(totals == 6);
  const TemplateColumn& plan_total = funds.columns[2];
  REQUIRE(plan_total.parts.size() == 2);
  CHECK(funds.columns[plan_total.parts[0]].header.back() == "NSTW");
  CHECK(funds.columns[plan_total.parts[1]].header.back() == "NSĐP");
  const TemplateColumn& rate = funds.columns[8];  // block 1, first rate, Tổng số
  REQUIRE(rate.role == TemplateColumnRole::rate);
  CHECK(funds.columns[*rate.numerator].id == "k.disb");
  CHECK(funds.columns[*rate.plan].id == "k.plan");
  CHECK(std::find(funds.rules.begin(), funds.rules.end(), "rate-mismatch") != funds.rules.end());
}

TEST_CASE("the criteria templates list 19 and 10 criteria and the criteria rules", "[templates][definition]") {
  const auto* old_set = find_template(builtin(), "tieu-chi-ntm-2021");
  const auto* new_set = find_template(builtin(), "tieu-chi-ntm-2030");
  REQUIRE(old_set);
  REQUIRE(new_set);
  const OfficialTable old_rows = template_skeleton(*old_set, catalogue(), {});
  const OfficialTable new_rows = template_skeleton(*new_set, catalogue(), {});
  CHECK(old_rows.rows.size() == 1 + 19);
  CHECK(new_rows.rows.size() == 1 + 10);
  CHECK(new_rows.rows[0].key == kTotalRowKey);
  CHECK(new_rows.rows[0].label == "Tổng");
  CHECK(new_rows.rows[10].stt == "10");
  CHECK(new_set->rules == std::vector<std::string>{"criteria-count-mismatch", "criteria-verdict-mismatch", "target-holds-verdict"});
}

TEST_CASE("the funds skeleton numbers programs A, B, C, Dự án in Roman numerals and Tiểu dự án as V.1",
          "[templates][definition]") {
  const TemplateDefinition& funds = *find_template(builtin(), "von-su-nghiep");
  const OfficialTable table = template_skeleton(funds, catalogue(), {"dtts", "ntm"});
  const auto row = [&](const std::string& key) -> const OfficialRow& { return table.rows.at(static_cast<std::size_t>(table.find_key(key))); };
  CHECK(row("total").label == "TỔNG CỘNG");
  CHECK(row("dtts").stt == "A");
  CHECK(row("dtts").label.rfind("CHƯƠNG TRÌNH MỤC TIÊU QUỐC GIA PHÁT TRIỂN KINH TẾ - XÃ HỘI", 0) == 0);
  CHECK(row("ntm").stt == "B");
  CHECK(row("dtts.5").stt == "V");
  CHECK(row("dtts.5").label.rfind("Dự án 5: Phát triển giáo dục", 0) == 0);
  CHECK(row("dtts.5.1").stt == "V.1");
  CHECK(row("dtts.5.1").label.rfind("Tiểu dự án 1: ", 0) == 0);
  CHECK(row("dtts.5.1.nd2").stt.empty());
  CHECK(row("dtts.5.1.nd2").kind == RowKind::content);
  CHECK(row("ntm.7").stt == "VII");
  CHECK(table.find_key("gnbv") < 0);  // not chosen
  const auto order = table.display_order();
  CHECK(order.front() == table.find_key("total"));
  CHECK(order[1] == table.find_key("dtts"));
}

TEST_CASE("placeholders are filled from the user's texts, in capitals where spelled so", "[templates][definition]") {
  TemplateTexts texts;
  texts.date = parse_report_date("19/6/2026");
  texts.period = "06 tháng đầu năm 2026";
  texts.disbursed_to = "15/6/2026";
  CHECK(fill_placeholders("kéo dài năm {prev_year} sang năm {year}", texts) == "kéo dài năm 2025 sang năm 2026");
  CHECK(fill_placeholders("VỐN SỰ NGHIỆP {PERIOD}", texts) == "VỐN SỰ NGHIỆP 06 THÁNG ĐẦU NĂM 2026");
  CHECK(fill_placeholders("đến {disbursed_to} {unknown}", texts) == "đến 15/6/2026 {unknown}");
  CHECK(attached_line(texts) == "(Kèm theo Báo cáo số ........./BC-UBND ngày 19 tháng 6 năm 2026 của ......)");
  CHECK(place_and_date_line(texts) == "......, ngày 19 tháng 6 năm 2026");
  CHECK(on_behalf_line(texts) == "TM. ỦY BAN NHÂN DÂN");
  texts.body = "Ban Chỉ đạo các Chương trình MTQG xã";
  CHECK(on_behalf_line(texts) == "TM. BAN CHỈ ĐẠO CÁC CHƯƠNG TRÌNH MTQG XÃ");
  CHECK_FALSE(parse_report_date("31/2/2026"));
  CHECK_FALSE(parse_report_date("19-6"));
  CHECK(parse_report_date("2026-06-19")->month == 6);
  CHECK(parse_unit_name("triệu đồng") == Unit::million_dong);
  CHECK(parse_unit_name("nghin-dong") == Unit::thousand_dong);
  CHECK_FALSE(parse_unit_name("usd"));
  CHECK(unit_decimals(Unit::million_dong) == 3);
  CHECK(unit_decimals(Unit::dong) == 0);
}

TEST_CASE("a malformed template is refused with its line and reason", "[templates][definition][errors]") {
  CHECK(refusal(kMinimal) == "accepted");
  CHECK(refusal("[template]\nname = x\n") == "bad.tpl:0: no title");
  CHECK(refusal("name = x\n") == "bad.tpl:1: text outside a [template] or [columns] section");
  CHECK(refusal("[tpl]\n") == "bad.tpl:1: unknown section [tpl]");
  CHECK(refusal("[template]\nkind = money\n") == "bad.tpl:2: unknown kind 'money' (funds, investment, criteria, documents)");
  CHECK(refusal("[template]\nname = x\nname = y\n") == "bad.tpl:3: 'name' given twice");
  CHECK(refusal(std::string(kMinimal) + "a | 9 | amount | b+c | A\n") == "bad.tpl:9: the formula names 'b', which is no column");
  CHECK(refusal(std::string(kMinimal) + "r | 9 | rate | | Tỷ lệ\n") == "bad.tpl:9: a rate column needs 'amount/plan'");
  CHECK(refusal(std::string(kMinimal) + "t | 9 | text | x/y | T\n") ==
        "bad.tpl:9: only amount and rate columns take a formula");
  CHECK(refusal(std::string(kMinimal) + "w | 0 | text | | T\n") == "bad.tpl:9: width '0' is not a number from 0 to 255");
  CHECK(refusal(std::string(kMinimal) + "stt | 9 | text | | T\n") == "bad.tpl:9: column id 'stt' used twice");
  CHECK(refusal(std::string(kMinimal) + "x | 9 | text | T\n") ==
        "bad.tpl:9: a column line has 5 fields: id | width | role | formula | header");
  CHECK(refusal(std::string(kMinimal) + "l2 | 9 | label | | T\n") == "bad.tpl:0: exactly one label column is needed");
}

TEST_CASE("two template files with one name are refused", "[templates][definition][errors]") {
  const auto dir = std::filesystem::temp_directory_path() / "phuluc_tpl_dup";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir / "templates");
  for (const char* file : {"a.tpl", "b.tpl"}) {
    std::ofstream out(dir / "templates" / file);
    out << kMinimal;
  }
  CHECK_THROWS_AS(load_templates(dir), TemplateError);
  std::filesystem::remove_all(dir);
}
