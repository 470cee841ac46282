#pragma once
// What the template tests share: the built-in templates and catalogue, loaded once.
#include <vector>

#include "mappings/mapping_test_support.hpp"
#include "templates/template_definition.hpp"

namespace phuluc::template_test {

using test::builtin_catalogue;
using test::builtin_matcher;

inline const std::vector<TemplateDefinition>& builtin_templates() {
  static const auto templates = load_templates(PHULUC_DATA_DIR);
  return templates;
}

}  // namespace phuluc::template_test
