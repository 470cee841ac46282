#include "report/lang.hpp"

namespace phuluc {

std::optional<Lang> parse_lang(std::string_view text) {
  if (text == "vi" || text == "VI" || text == "vi-VN") return Lang::vi;
  if (text == "en" || text == "EN" || text == "en-US" || text == "en-GB") return Lang::en;
  return std::nullopt;
}

}  // namespace phuluc
