// Text typed in the pre-Unicode Vietnamese encodings (TCVN3/ABC, VNI) is detected and decoded;
// Unicode Vietnamese and foreign text with Latin-1 letters are left alone.
#include <catch2/catch.hpp>

#include <filesystem>

#include "mapping_test_support.hpp"
#include "mappings/legacy_encoding.hpp"
#include "mappings/row_matcher.hpp"
#include "readers/workbook_reader.hpp"

using namespace phuluc;

TEST_CASE("TCVN3 text read as Latin-1 is detected and decoded", "[mappings][legacy]") {
  const std::string tcvn3 = "Ch\u00ad\u00acng tr\u00d7nh ph\u00b8t tri\u00d3n kinh t\u00d5 - x\u00b7 h\u00e9i";
  const auto guess = detect_legacy_encoding(tcvn3);
  CHECK(guess.encoding == LegacyEncoding::tcvn3);
  CHECK(guess.evidence >= 4);
  CHECK(tcvn3_to_unicode(tcvn3) == "Chương trình phát triển kinh tế - xã hội");
  CHECK(tcvn3_to_unicode("\u00ae\u00e5ng b\u00b5o d\u00a9n t\u00e9c thi\u00d3u s\u00e8") == "đồng bào dân tộc thiểu số");
}

TEST_CASE("VNI text read as Latin-1 is detected and decoded", "[mappings][legacy]") {
  const std::string vni = "Chöông trình phaùt trieån kinh teá - xaõ hoäi";
  CHECK(detect_legacy_encoding(vni).encoding == LegacyEncoding::vni);
  CHECK(vni_to_unicode(vni) == "Chương trình phát triển kinh tế - xã hội");
  CHECK(vni_to_unicode("ñoàng baøo daân toäc") == "đồng bào dân tộc");
}

TEST_CASE("Unicode Vietnamese and foreign Latin-1 text are not legacy text", "[mappings][legacy]") {
  for (const char* text : {"Chương trình phát triển kinh tế - xã hội vùng đồng bào dân tộc thiểu số", "TỔNG CỘNG",
                           "Fondsvermögen", "São Paulo, Brazil", "Reyes Peña", "Berguvsvägen 8", "Jean-François",
                           "Annual Sales (in ¥ or US$):", "© 2017 All Rights Reserved", "£012.30", "×",
                           "De plus, ce périmètre permet d'identifier, à moindre coût, le détail", "82,262", ""}) {
    INFO(text);
    CHECK(detect_legacy_encoding(text).encoding == LegacyEncoding::none);
  }
}

TEST_CASE("legacy labels in a workbook made by openpyxl are reported once per sheet", "[mappings][legacy]") {
  const auto workbook = read_workbook(test::mapping_test_file("fixtures/tcvn3_labels.xlsx"));
  const auto findings = find_legacy_text(workbook);
  REQUIRE(findings.size() == 1);
  const auto& finding = findings[0];
  CHECK(finding.code == "legacy-encoding");
  CHECK(finding.severity == Severity::warning);
  CHECK(finding.sheet == "PL II");
  REQUIRE(finding.cell);
  CHECK(to_a1(*finding.cell) == "B7");
  CHECK(finding.detail.rfind("tcvn3: 4 text cell(s)", 0) == 0);
  CHECK(finding.detail.find("chương trình mtqg phát triển kinh tế") != std::string::npos);
}

TEST_CASE("legacy labels survive LibreOffice's .xls export and are still detected", "[mappings][legacy]") {
  const auto workbook = read_workbook(test::mapping_test_file("fixtures/tcvn3_labels.xls"));
  const auto findings = find_legacy_text(workbook);
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].detail.rfind("tcvn3: 4 text cell(s)", 0) == 0);
}

TEST_CASE("VNI labels in a workbook are reported as VNI", "[mappings][legacy]") {
  const auto findings = find_legacy_text(read_workbook(test::mapping_test_file("fixtures/vni_labels.xlsx")));
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].detail.rfind("vni: 4 text cell(s)", 0) == 0);
}

TEST_CASE("the Unicode sample appendices hold no legacy text", "[mappings][legacy]") {
  for (const char* name : {"muong_kim_2026.xlsx", "muong_kim_2026.xls", "lung_phinh_2025_von_su_nghiep.xlsx",
                           "muong_khoa_2025_nguon_luc_ntm.xlsx", "lung_phinh_2025_dau_tu.csv"}) {
    INFO(name);
    CHECK(find_legacy_text(read_workbook(test::sample_file(name))).empty());
  }
}

TEST_CASE("foreign-language spreadsheets of the corpus raise no legacy-encoding finding", "[mappings][legacy][.slow]") {
  // Apache POI's and calamine's test files: German, French, Portuguese, Swedish text, currency signs.
  int files = 0;
  for (const auto& item : std::filesystem::recursive_directory_iterator(std::string(PHULUC_SHARED_DIR) + "/corpus")) {
    const auto extension = item.path().extension().string();
    if (!item.is_regular_file() || (extension != ".xlsx" && extension != ".xls")) continue;
    Workbook workbook;
    try {
      workbook = read_workbook(item.path());
    } catch (const std::exception&) {
      continue;  // fuzzed and broken files are the readers' business
    }
    ++files;
    INFO(item.path().string());
    CHECK(find_legacy_text(workbook).empty());
  }
  CHECK(files > 1000);
}

TEST_CASE("the matcher decodes a TCVN3 or VNI label before matching it", "[mappings][legacy]") {
  const auto& matcher = test::builtin_matcher();
  const auto tcvn3 = matcher.match({"V.1", "Ti\u00d3u d\u00f9 \u00b8n 1: \u00ae\u00e6i m\u00edi ho\u00b9t \u00ae\u00e9ng", "dtts.5", RowKind::subproject});
  CHECK(tcvn3.legacy == LegacyEncoding::tcvn3);
  CHECK(tcvn3.status == MatchStatus::mapped);
  CHECK(tcvn3.key == "dtts.5.1");
  const auto vni = matcher.match({"", "Môû lôùp xoùa muø chöõ cho ngöôøi daân", "dtts.5.1", RowKind::content});
  CHECK(vni.legacy == LegacyEncoding::vni);
  CHECK(vni.key == "dtts.5.1.nd2");
}
