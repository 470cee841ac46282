#pragma once
// OPC relationship parts ("_rels/*.rels"): which part a workbook or sheet points to, by id.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "readers/read_limits.hpp"

namespace phuluc {

class ZipArchive;

/// One <Relationship>. `target` is already resolved to a part name inside the package
/// ("xl/worksheets/sheet1.xml", no leading '/'), except for external targets, kept as written.
struct Relationship {
  std::string id;      ///< "rId1"
  std::string type;    ///< full type URI (transitional or strict)
  std::string target;  ///< resolved part name
  bool external = false;

  /// Whether the type URI ends with "/" + `kind` ("worksheet", "officeDocument", "sharedStrings"),
  /// which matches both the transitional and the strict (ISO) namespaces.
  bool is(std::string_view kind) const;
};

/// The relationships part that belongs to a part: "xl/workbook.xml" → "xl/_rels/workbook.xml.rels",
/// "" (the package) → "_rels/.rels".
std::string relationships_part_for(std::string_view part);

/// Resolves a relationship target against the part that holds the relationship:
/// ("xl/workbook.xml", "worksheets/sheet1.xml") → "xl/worksheets/sheet1.xml";
/// ("xl/workbook.xml", "/xl/styles.xml") → "xl/styles.xml"; "../" steps up a folder.
std::string resolve_part_target(std::string_view source_part, std::string_view target);

/// Reads the relationships of `source_part` ("" for the package root). A missing .rels part gives
/// an empty list. Throws ReadError malformed_xml when the part does not parse.
///   auto rels = read_relationships(zip, "xl/workbook.xml", limits);
///   for (const auto& rel : rels) if (rel.is("worksheet")) ...
std::vector<Relationship> read_relationships(ZipArchive& zip, std::string_view source_part, const ReadLimits& limits);

/// The relationship with id `id`, or nullptr.
const Relationship* find_relationship(const std::vector<Relationship>& rels, std::string_view id);

/// The first relationship of a kind (see Relationship::is), or nullptr.
const Relationship* first_relationship_of(const std::vector<Relationship>& rels, std::string_view kind);

}  // namespace phuluc
