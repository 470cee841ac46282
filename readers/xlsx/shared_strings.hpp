#pragma once
// xl/sharedStrings.xml: the workbook's string table, stored once; string cells refer to it by index.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace phuluc {

class ZipArchive;
class ReadBudget;

/// The shared-string table: every string in one buffer, addressed by 0-based index.
/// Rich-text runs are joined (phonetic runs left out) and "_xHHHH_" escapes decoded.
class SharedStrings {
 public:
  /// Number of strings actually read (never the count the file declares).
  std::size_t size() const { return ends_.size(); }

  /// The string at a 0-based index; check index < size() first.
  std::string_view at(std::size_t index) const {
    const std::size_t begin = index == 0 ? 0 : ends_[index - 1];
    return std::string_view(text_).substr(begin, ends_[index] - begin);
  }

  /// Appends one string (used by the parser).
  void push_back(std::string_view text) {
    text_.append(text);
    ends_.push_back(text_.size());
  }

 private:
  std::string text_;
  std::vector<std::size_t> ends_;  // one past each string's last byte in text_
};

/// Parses a shared-strings part, counting its text against `budget` (strings over Excel's
/// 32,767-unit limit are cut). Throws ReadError malformed_xml, too_large, zip_bomb.
///   SharedStrings strings = read_shared_strings(zip, "xl/sharedStrings.xml", budget);
///   if (index < strings.size()) cell.text = strings.at(index);
SharedStrings read_shared_strings(ZipArchive& zip, const std::string& part_name, ReadBudget& budget);

}  // namespace phuluc
