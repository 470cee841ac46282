#include "consolidation/style_book.hpp"

namespace phuluc {

StyleBook::StyleBook(std::vector<CellStyle> styles) : styles_(std::move(styles)) {
  if (styles_.empty()) styles_.emplace_back();
}

std::uint32_t StyleBook::variant(std::uint32_t base, const StyleChange& change) {
  if (base >= styles_.size()) base = 0;
  if (change == StyleChange{}) return base;
  const auto key = std::make_pair(base, change);
  if (const auto found = made_.find(key); found != made_.end()) return found->second;
  CellStyle style = styles_[base];
  if (!change.number_format.empty()) {
    style.number_format = change.number_format;
    style.num_fmt_id = 164;  // a custom code: written as its text
  }
  if (change.italic) style.font.italic = true;
  if (change.bold) style.font.bold = true;
  if (change.not_bold) style.font.bold = false;
  if (change.border) {
    for (BorderEdge* edge : {&style.border.left, &style.border.right, &style.border.top, &style.border.bottom})
      if (edge->style.empty()) edge->style = "thin";
  }
  if (!change.horizontal.empty()) style.alignment.horizontal = change.horizontal;
  if (change.wrap) style.alignment.wrap = true;
  styles_.push_back(std::move(style));
  const auto index = static_cast<std::uint32_t>(styles_.size() - 1);
  made_.emplace(key, index);
  return index;
}

std::string amount_format(int decimals) {
  return decimals > 0 ? "#,##0." + std::string(static_cast<std::size_t>(decimals), '0') : "#,##0";
}

std::string rate_format(int decimals) {
  return decimals > 0 ? "0." + std::string(static_cast<std::size_t>(decimals), '0') : "0";
}

}  // namespace phuluc
