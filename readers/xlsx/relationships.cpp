#include "readers/xlsx/relationships.hpp"

#include "readers/xml_stream.hpp"
#include "readers/zip_archive.hpp"

namespace phuluc {
namespace {

class RelationshipsHandler : public XmlHandler {
 public:
  RelationshipsHandler(std::string_view source_part, std::vector<Relationship>& out)
      : source_part_(source_part), out_(out) {}

  void start_element(std::string_view name, const XmlAttributes& attrs, std::uint32_t) override {
    if (name != "Relationship") return;
    Relationship rel;
    rel.id = attrs.get("Id").value_or("");
    rel.type = attrs.get("Type").value_or("");
    rel.external = attrs.get("TargetMode").value_or("") == "External";
    const std::string_view target = attrs.get("Target").value_or("");
    rel.target = rel.external ? std::string(target) : resolve_part_target(source_part_, target);
    out_.push_back(std::move(rel));
  }
  void end_element(std::string_view, std::uint32_t) override {}

 private:
  std::string_view source_part_;
  std::vector<Relationship>& out_;
};

}  // namespace

bool Relationship::is(std::string_view kind) const {
  return type.size() > kind.size() && type.ends_with(kind) && type[type.size() - kind.size() - 1] == '/';
}

std::string relationships_part_for(std::string_view part) {
  const auto slash = part.rfind('/');
  const std::string_view folder = slash == std::string_view::npos ? std::string_view{} : part.substr(0, slash + 1);
  const std::string_view file = slash == std::string_view::npos ? part : part.substr(slash + 1);
  return std::string(folder) + "_rels/" + std::string(file) + ".rels";
}

std::string resolve_part_target(std::string_view source_part, std::string_view target) {
  std::vector<std::string_view> segments;
  if (!target.starts_with('/')) {
    // Relative: start from the folder that holds the source part.
    const auto last_slash = source_part.rfind('/');
    std::string_view folder = last_slash == std::string_view::npos ? std::string_view{} : source_part.substr(0, last_slash);
    while (!folder.empty()) {
      const auto slash = folder.find('/');
      segments.push_back(folder.substr(0, slash));
      folder = slash == std::string_view::npos ? std::string_view{} : folder.substr(slash + 1);
    }
  }
  std::string_view rest = target;
  while (!rest.empty()) {
    const auto slash = rest.find('/');
    const std::string_view segment = rest.substr(0, slash);
    rest = slash == std::string_view::npos ? std::string_view{} : rest.substr(slash + 1);
    if (segment.empty() || segment == ".") continue;
    if (segment == "..") {
      if (!segments.empty()) segments.pop_back();
      continue;
    }
    segments.push_back(segment);
  }
  std::string out;
  for (const auto segment : segments) {
    if (!out.empty()) out += '/';
    out += segment;
  }
  return out;
}

std::vector<Relationship> read_relationships(ZipArchive& zip, std::string_view source_part, const ReadLimits& limits) {
  std::vector<Relationship> out;
  const std::string rels_part = relationships_part_for(source_part);
  if (!zip.contains(rels_part)) return out;
  ZipPartReader part = zip.open(rels_part);
  RelationshipsHandler handler(source_part, out);
  parse_xml([&](char* buffer, std::size_t size) { return part.read(buffer, size); }, handler, part.name(),
            limits.max_xml_depth);
  return out;
}

const Relationship* find_relationship(const std::vector<Relationship>& rels, std::string_view id) {
  for (const auto& rel : rels)
    if (rel.id == id) return &rel;
  return nullptr;
}

const Relationship* first_relationship_of(const std::vector<Relationship>& rels, std::string_view kind) {
  for (const auto& rel : rels)
    if (rel.is(kind)) return &rel;
  return nullptr;
}

}  // namespace phuluc
