#include "readers/xlsx/shared_strings.hpp"

#include "readers/xlsx/ooxml_escapes.hpp"
#include "readers/xlsx/read_budget.hpp"
#include "readers/xml_stream.hpp"
#include "readers/zip_archive.hpp"

namespace phuluc {
namespace {

class SharedStringsHandler : public XmlHandler {
 public:
  SharedStringsHandler(SharedStrings& out, ReadBudget& budget) : out_(out), budget_(budget) {
    // Stop collecting well past the longest string a cell may keep (4 bytes per UTF-16 unit
    // covers any UTF-8), so one enormous <t> cannot take the memory.
    collect_cap_ = std::size_t{budget.limits().max_string_length} * 4 + 8;
  }

  // Excel 2007 beta 2 files (namespace .../office/excel/2006/2) name a string item <sstItem>.
  static bool is_item(std::string_view name) { return name == "si" || name == "sstItem"; }

  void start_element(std::string_view name, const XmlAttributes&, std::uint32_t) override {
    if (is_item(name)) {
      in_item_ = true;
      current_.clear();
    } else if (name == "rPh") {
      in_phonetic_ = true;
    } else if (name == "t" && in_item_ && !in_phonetic_) {
      in_text_ = true;
    }
  }

  void end_element(std::string_view name, std::uint32_t) override {
    if (name == "t") {
      in_text_ = false;
    } else if (name == "rPh") {
      in_phonetic_ = false;
    } else if (is_item(name) && in_item_) {
      in_item_ = false;
      decode_ooxml_escapes(current_);
      budget_.keep_text(current_);
      out_.push_back(current_);
    }
  }

  void characters(std::string_view text) override {
    if (in_text_ && current_.size() < collect_cap_) current_.append(text.substr(0, collect_cap_ - current_.size()));
  }

 private:
  SharedStrings& out_;
  ReadBudget& budget_;
  std::size_t collect_cap_ = 0;
  std::string current_;
  bool in_item_ = false;
  bool in_phonetic_ = false;
  bool in_text_ = false;
};

}  // namespace

SharedStrings read_shared_strings(ZipArchive& zip, const std::string& part_name, ReadBudget& budget) {
  SharedStrings out;
  SharedStringsHandler handler(out, budget);
  ZipPartReader part = zip.open(part_name);
  parse_xml([&](char* buffer, std::size_t size) { return part.read(buffer, size); }, handler, part.name(),
            budget.limits().max_xml_depth);
  return out;
}

}  // namespace phuluc
