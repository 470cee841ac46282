// `phuluc fix` output opened by other programs: printed by LibreOffice, pixels compared; converted by
// LibreOffice and gnumeric; read back by our reader with nothing left to report.
#include <catch2/catch.hpp>

#include "corrections/cell_edit.hpp"
#include "corrections/fix_test_support.hpp"
#include "rules/check_workbook.hpp"
#include "writers/xlsx_writer.hpp"

namespace phuluc {
namespace {

using fixtest::kSamples;
using fixtest::run_fix;
using fixtest::run_program;
using fixtest::TempDir;
namespace fs = std::filesystem;

// The input written back by our writer with the corrected cells filled black: printed, the black
// boxes are where the corrected cells are on the page.
void write_probe(const fs::path& input, const fixtest::JsonFixFile& fixed, const fs::path& probe) {
  Workbook workbook = read_workbook(input);
  for (const auto& correction : fixed.corrections) {
    for (Sheet& sheet : workbook.sheets) {
      if (sheet.name != correction.sheet) continue;
      Cell& cell = cell_at(sheet, *parse_a1(correction.cell));
      CellStyle style = workbook.style_of(cell);
      style.fill = Fill{"solid", "FF000000", "FF000000"};
      workbook.styles.push_back(style);
      cell.style = static_cast<std::uint32_t>(workbook.styles.size() - 1);
    }
  }
  write_xlsx(workbook, probe);
}

// Fidelity: LibreOffice prints the input as our writer writes it back (baseline), the --no-mark
// output and the probe; tests/corrections/fix_render_diff.py counts the pixels that changed outside
// the corrected cells' boxes. Slow (three LibreOffice conversions): tagged [render].
TEST_CASE("the corrected workbook prints like the input except in the corrected cells", "[tools][fix][render]") {
  TempDir dir;
  const fs::path input = kSamples / "muong_kim_2026.xlsx";
  const auto run = run_fix({"--no-mark", "--json", input.string(), "-o", (dir / "output.xlsx").string()});
  REQUIRE(run.exit_code == 0);
  const auto report = fixtest::parse_fix_json(run.out);
  REQUIRE(report.files.size() == 1);
  REQUIRE(report.files[0].corrections.size() == 6);
  write_xlsx(read_workbook(input), dir / "baseline.xlsx");
  write_probe(input, report.files[0], dir / "probe.xlsx");
  const auto diff = run_program(fixtest::kPython, {(fixtest::kSource / "tests/corrections/fix_render_diff.py").string(),
                                                   (dir / "baseline.xlsx").string(), (dir / "output.xlsx").string(),
                                                   (dir / "probe.xlsx").string()});
  INFO(diff.out << diff.err);
  CHECK(diff.exit_code == 0);
  CHECK(diff.out.find("changed outside corrected cells: 0\n") != std::string::npos);
  CHECK(diff.out.find("changed inside corrected cells: 0\n") == std::string::npos);  // the corrections show
  CHECK(diff.out.find("pages 7 / 7 / 7") != std::string::npos);
}

TEST_CASE("the corrected workbook opens in LibreOffice and gnumeric with the corrected values",
          "[tools][fix][other-programs]") {
  TempDir dir;
  const fs::path output = dir / "sua.xlsx";
  REQUIRE(run_fix({(kSamples / "muong_kim_2026.xlsx").string(), "-o", output.string()}).exit_code == 0);

  // gnumeric: the funds sheet (index 1) as CSV.
  const fs::path gnumeric_csv = dir / "gnumeric.csv";
  const auto ssconvert =
      run_program("ssconvert", {"--export-type=Gnumeric_stf:stf_csv", "--export-options=sheet='PL II - Vốn sự nghiệp'",
                                output.string(), gnumeric_csv.string()});
  INFO(ssconvert.err);
  REQUIRE(ssconvert.exit_code == 0);
  const std::string gnumeric = fixtest::read_file(gnumeric_csv);
  CHECK(gnumeric.find("187.09") != std::string::npos);  // L22, M22 shown with two decimals

  // LibreOffice: to .ods and back to .xlsx, then our reader and our rules find nothing wrong.
  const std::string profile = "-env:UserInstallation=file://" + (dir / "lo_profile").string();
  const auto soffice = run_program(
      "soffice", {profile, "--headless", "--convert-to", "ods", "--outdir", (dir / "lo").string(), output.string()});
  INFO(soffice.err);
  REQUIRE(soffice.exit_code == 0);
  REQUIRE(fs::exists(dir / "lo" / "sua.ods"));
  const auto back = run_program("soffice", {profile, "--headless", "--convert-to", "xlsx", "--outdir",
                                            (dir / "lo2").string(), (dir / "lo" / "sua.ods").string()});
  REQUIRE(back.exit_code == 0);
  const Workbook resaved = read_workbook(dir / "lo2" / "sua.xlsx");
  const FileReport report = check_workbook(resaved, "sua.xlsx");
  std::size_t errors = 0;
  for (const Finding& finding : report.findings) errors += finding.severity == Severity::error ? 1 : 0;
  CHECK(errors == 0);
  const Sheet& funds = resaved.sheets[1];
  REQUIRE(funds.find(*parse_a1("AD9")) != nullptr);
  CHECK(funds.find(*parse_a1("AD9"))->number == 100);
  CHECK((funds.find(*parse_a1("AD14")) == nullptr || funds.find(*parse_a1("AD14"))->kind == CellKind::empty));
}

}  // namespace
}  // namespace phuluc
