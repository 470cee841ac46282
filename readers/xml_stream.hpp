#pragma once
// A streaming XML parser over expat: SAX callbacks, no DOM, no DTD and no entity expansion.
// Element and attribute names are given without their namespace prefix ("x:c" → "c"), so
// files that spell SpreadsheetML with an unusual prefix read the same as ordinary ones.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace phuluc {

/// The attributes of one start tag, as expat gives them (name, value pairs, null-terminated).
class XmlAttributes {
 public:
  explicit XmlAttributes(const char** pairs) : pairs_(pairs) {}

  /// The value of the attribute whose local name (prefix removed) is `local_name`, if present.
  ///   if (auto ref = attrs.get("r")) cell_ref = parse_a1(*ref);
  std::optional<std::string_view> get(std::string_view local_name) const;

  /// Calls fn(local_name, value) for every attribute in document order.
  template <class Fn>
  void for_each(Fn&& fn) const {
    for (const char** p = pairs_; p != nullptr && *p != nullptr; p += 2) fn(local_name(p[0]), std::string_view(p[1]));
  }

  /// "x:c" → "c"; a name without a prefix is returned as is.
  static std::string_view local_name(std::string_view qualified);

 private:
  const char** pairs_;
};

/// Receives the events of one parse. Text may arrive in several pieces for one element.
class XmlHandler {
 public:
  virtual ~XmlHandler() = default;
  /// A start tag; `name` is the local name. `depth` is 1 for the root element.
  virtual void start_element(std::string_view name, const XmlAttributes& attrs, std::uint32_t depth) = 0;
  /// An end tag; `depth` is the same as at the matching start.
  virtual void end_element(std::string_view name, std::uint32_t depth) = 0;
  /// Character data (entities already decoded) inside the current element.
  virtual void characters(std::string_view text) { (void)text; }
};

/// Fills `buffer` with up to `size` bytes and returns how many; 0 at the end of the input.
using XmlByteSource = std::function<std::size_t(char* buffer, std::size_t size)>;

/// Parses an XML document pulled from `source` in chunks, calling `handler` for every event.
/// Rejects DOCTYPE and entity declarations (XML bombs) and elements nested deeper than
/// `max_depth`. An exception thrown by the handler stops the parse and propagates unchanged.
/// Throws ReadError malformed_xml naming `part_name` and the 1-based line of the problem.
///   SheetHandler handler(sheet);
///   ZipPartReader part = zip.open("xl/worksheets/sheet1.xml");
///   parse_xml([&](char* b, std::size_t n) { return part.read(b, n); }, handler, part.name(), 256);
void parse_xml(const XmlByteSource& source, XmlHandler& handler, const std::string& part_name,
               std::uint32_t max_depth);

/// Same for a document already in memory (small parts, tests).
void parse_xml(std::string_view document, XmlHandler& handler, const std::string& part_name,
               std::uint32_t max_depth);

}  // namespace phuluc
