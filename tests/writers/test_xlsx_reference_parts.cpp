// Our output compared part by part with reviewed reference workbooks in samples/quirks/writer/
// (see the README there), masking only what may change from run to run.
#include <catch2/catch.hpp>

#include <regex>

#include "readers/workbook_reader.hpp"
#include "writer_test_support.hpp"
#include "writers/xlsx_writer.hpp"

namespace phuluc {
namespace {

using test::TempDir;

const std::filesystem::path kReferenceDir = std::filesystem::path(PHULUC_SOURCE_DIR) / "samples/quirks/writer";

XlsxWriteOptions marked_options() {
  XlsxWriteOptions options;
  options.marks.push_back({0, *parse_a1("F6"), "Giá trị cũ: 200\nLý do: tỷ lệ = giải ngân / kế hoạch × 100", true});
  options.marks.push_back({0, *parse_a1("C8"), "Giá trị cũ: \"255,262\" (chữ)\nLý do: số nhập dạng chữ", true});
  ChangeSheet changes;
  changes.entries.push_back({0, *parse_a1("F6"), 200.0, 17.735617, "rate-mismatch",
                             "Tỷ lệ giải ngân phải bằng giải ngân / kế hoạch × 100"});
  changes.entries.push_back({0, *parse_a1("C8"), std::string("255,262"), 255.262, "text-number",
                             "Số nhập dạng chữ được đổi thành số"});
  options.change_sheet = changes;
  return options;
}

struct Reference {
  const char* file;
  bool marked;
};
constexpr Reference kReferences[] = {{"writer_features.xlsx", false}, {"writer_marks.xlsx", true}};

void write_reference(const Reference& reference, const std::filesystem::path& path) {
  write_xlsx(test::feature_workbook(), path, reference.marked ? marked_options() : XlsxWriteOptions{});
}

// docProps/core.xml carries dates; everything else must match byte for byte.
std::string masked(const std::string& part, std::string text) {
  if (part != "docProps/core.xml") return text;
  static const std::regex kDate(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)");
  return std::regex_replace(text, kDate, "<date>");
}

TEST_CASE("our output matches the reviewed reference workbooks part by part", "[writers][xlsx][reference]") {
  TempDir dir;
  for (const Reference& reference : kReferences) {
    INFO(reference.file);
    const auto expected = kReferenceDir / reference.file;
    REQUIRE(std::filesystem::exists(expected));
    const auto actual = dir / reference.file;
    write_reference(reference, actual);
    const auto parts = test::zip_parts(expected);
    CHECK(test::zip_parts(actual) == parts);
    for (const auto& part : parts) {
      INFO(part);
      CHECK(masked(part, test::zip_part(actual, part)) == masked(part, test::zip_part(expected, part)));
    }
  }
}

// The review itself, automated: the same workbook built with openpyxl (make_equivalents.py) reads
// the same as our reference through our reader.
TEST_CASE("the reference workbook reads the same as its openpyxl-made equivalent", "[writers][xlsx][reference]") {
  const Workbook ours = read_workbook(kReferenceDir / "writer_features.xlsx");
  const Workbook theirs = read_workbook(kReferenceDir / "writer_features_openpyxl.xlsx");
  // openpyxl stores formulas without results: compare their text (results: test_xlsx_other_programs.cpp).
  const auto differences = test::model_differences(theirs, ours, /*formula_results=*/false);
  INFO(test::joined(differences));
  CHECK(differences.empty());
}

// Run by hand after a deliberate change, then review the diff of the parts:
//   build-writer/tests/test_writers "[regenerate]"
TEST_CASE("regenerate the writer reference workbooks", "[writers][.][regenerate]") {
  for (const Reference& reference : kReferences) write_reference(reference, kReferenceDir / reference.file);
  SUCCEED("written to " << kReferenceDir);
}

}  // namespace
}  // namespace phuluc
