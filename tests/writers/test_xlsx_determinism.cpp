// The same input gives the same bytes: a fixed creation time and fixed zip entry times.
#include <catch2/catch.hpp>

#include "writer_test_support.hpp"
#include "writers/xlsx_writer.hpp"

namespace phuluc {
namespace {

using test::TempDir;

XlsxWriteOptions options_with_marks() {
  XlsxWriteOptions options;
  options.marks.push_back({0, *parse_a1("F6"), "Giá trị cũ: 200", true});
  ChangeSheet changes;
  changes.entries.push_back({0, *parse_a1("F6"), 200.0, 17.735617, "rate-mismatch", "Tỷ lệ sai"});
  options.change_sheet = changes;
  options.title = "Phụ lục II";
  options.author = "UBND xã Mường Kim";
  return options;
}

TEST_CASE("two writes of the same workbook are byte-identical", "[writers][xlsx][determinism]") {
  TempDir dir;
  const Workbook workbook = test::feature_workbook();
  const auto options = GENERATE(as<bool>{}, false, true) ? options_with_marks() : XlsxWriteOptions{};
  write_xlsx(workbook, dir / "first.xlsx", options);
  write_xlsx(workbook, dir / "second.xlsx", options);
  CHECK(test::run_command("cmp -s " + test::shell_quote((dir / "first.xlsx").string()) + " " +
                          test::shell_quote((dir / "second.xlsx").string())) == 0);
}

TEST_CASE("the creation time is 2000-01-01 unless another is given", "[writers][xlsx][determinism]") {
  TempDir dir;
  write_xlsx(test::feature_workbook(), dir / "fixed.xlsx", options_with_marks());
  const std::string core = test::zip_part(dir / "fixed.xlsx", "docProps/core.xml");
  CHECK_THAT(core, Catch::Contains("<dcterms:created xsi:type=\"dcterms:W3CDTF\">2000-01-01T00:00:00Z</dcterms:created>"));
  CHECK_THAT(core, Catch::Contains("<dc:title>Phụ lục II</dc:title>"));
  CHECK_THAT(core, Catch::Contains("<dc:creator>UBND xã Mường Kim</dc:creator>"));

  XlsxWriteOptions later;
  later.created = 1781827200;  // 2026-06-19T00:00:00Z
  write_xlsx(test::feature_workbook(), dir / "later.xlsx", later);
  CHECK_THAT(test::zip_part(dir / "later.xlsx", "docProps/core.xml"), Catch::Contains("2026-06-19T00:00:00Z"));
  CHECK(test::run_command("cmp -s " + test::shell_quote((dir / "fixed.xlsx").string()) + " " +
                          test::shell_quote((dir / "later.xlsx").string())) != 0);
}

}  // namespace
}  // namespace phuluc
