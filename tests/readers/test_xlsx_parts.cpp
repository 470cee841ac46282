// The small pure helpers under the XLSX reader: part names, escapes, text caps, the XML wrapper.
#include <catch2/catch.hpp>

#include <stdexcept>

#include "readers/read_error.hpp"
#include "readers/xlsx/ooxml_escapes.hpp"
#include "readers/xlsx/read_budget.hpp"
#include "readers/xlsx/relationships.hpp"
#include "readers/xml_stream.hpp"
#include "test_xlsx_support.hpp"

using namespace phuluc;
using phuluc::test::read_error_code;

namespace {

// Records start tags as "depth:name" and the text it saw.
class RecordingHandler : public XmlHandler {
 public:
  std::vector<std::string> starts;
  std::string text;
  void start_element(std::string_view name, const XmlAttributes& attrs, std::uint32_t depth) override {
    starts.push_back(std::to_string(depth) + ":" + std::string(name));
    if (const auto id = attrs.get("id")) starts.back() += "#" + std::string(*id);
  }
  void end_element(std::string_view, std::uint32_t) override {}
  void characters(std::string_view piece) override { text.append(piece); }
};

class ThrowingHandler : public XmlHandler {
 public:
  void start_element(std::string_view name, const XmlAttributes&, std::uint32_t) override {
    if (name == "stop") throw std::logic_error("stopped by the handler");
  }
  void end_element(std::string_view, std::uint32_t) override {}
};

}  // namespace

TEST_CASE("relationship targets resolve against the source part's folder", "[readers][xlsx][relationships]") {
  CHECK(resolve_part_target("xl/workbook.xml", "worksheets/sheet1.xml") == "xl/worksheets/sheet1.xml");
  CHECK(resolve_part_target("xl/workbook.xml", "/xl/worksheets/sheet1.xml") == "xl/worksheets/sheet1.xml");
  CHECK(resolve_part_target("xl/worksheets/sheet1.xml", "../drawings/drawing1.xml") == "xl/drawings/drawing1.xml");
  CHECK(resolve_part_target("xl/workbook.xml", "./styles.xml") == "xl/styles.xml");
  CHECK(resolve_part_target("", "xl/workbook.xml") == "xl/workbook.xml");
  CHECK(resolve_part_target("xl/workbook.xml", "../../../../etc/passwd") == "etc/passwd");  // never above the root
  CHECK(relationships_part_for("xl/workbook.xml") == "xl/_rels/workbook.xml.rels");
  CHECK(relationships_part_for("") == "_rels/.rels");
}

TEST_CASE("OOXML escapes decode to characters, and _x005F_ protects a literal", "[readers][xlsx][strings]") {
  std::string text = "A_x000D__x000A_B";
  decode_ooxml_escapes(text);
  CHECK(text == "A\r\nB");
  text = "_x005F_x000D_";
  decode_ooxml_escapes(text);
  CHECK(text == "_x000D_");
  text = "_xD83D__xDE00_";  // a surrogate pair: U+1F600
  decode_ooxml_escapes(text);
  CHECK(text == "\xF0\x9F\x98\x80");
  text = "_x00E1_ _xZZZZ_ _x12_";  // á, then two things that only look like escapes
  decode_ooxml_escapes(text);
  CHECK(text == "á _xZZZZ_ _x12_");
}

TEST_CASE("text is cut by UTF-16 units at a character boundary", "[readers][xlsx][limits]") {
  std::string text = "Việt Nam";
  CHECK(cut_to_utf16_units(text, 3));
  CHECK(text == "Việ");
  std::string emoji = "a\xF0\x9F\x98\x80" "b";  // the emoji counts as two units
  CHECK(cut_to_utf16_units(emoji, 2));
  CHECK(emoji == "a");
  std::string short_text = "ok";
  CHECK_FALSE(cut_to_utf16_units(short_text, 5));
}

TEST_CASE("the XML wrapper strips prefixes, reports depth and joins text pieces", "[readers][xml]") {
  RecordingHandler handler;
  parse_xml(R"(<x:root xmlns:x="urn:x" xmlns:r="urn:r"><x:a r:id="rId7">one &amp; two</x:a><b/></x:root>)", handler,
            "test.xml", 8);
  CHECK(handler.starts == std::vector<std::string>{"1:root", "2:a#rId7", "2:b"});
  CHECK(handler.text == "one & two");
}

TEST_CASE("the XML wrapper refuses a DOCTYPE even without entities", "[readers][xml][errors]") {
  RecordingHandler handler;
  try {
    parse_xml("<?xml version=\"1.0\"?>\n<!DOCTYPE root>\n<root/>", handler, "doc.xml", 8);
    FAIL("a DOCTYPE was accepted");
  } catch (const ReadError& error) {
    CHECK(error.code() == ReadErrorCode::malformed_xml);
    CHECK(error.detail() == "doc.xml line 2: DOCTYPE declarations are not allowed (possible XML bomb)");
  }
  CHECK(handler.starts.empty());
}

TEST_CASE("an exception from an XML handler propagates unchanged", "[readers][xml]") {
  ThrowingHandler handler;
  CHECK_THROWS_AS(parse_xml("<root><stop/></root>", handler, "t.xml", 8), std::logic_error);
}

TEST_CASE("XML that ends too early is malformed", "[readers][xml][errors]") {
  RecordingHandler handler;
  CHECK(read_error_code([&] { parse_xml("<root><a>", handler, "t.xml", 8); }) == ReadErrorCode::malformed_xml);
  CHECK(read_error_code([&] { parse_xml("", handler, "t.xml", 8); }) == ReadErrorCode::malformed_xml);
}
