#include "templates/input_texts.hpp"

#include <regex>
#include <string>

#include "table/text_fold.hpp"
#include "templates/vietnamese_case.hpp"

namespace phuluc {
namespace {

int last_year_in(const std::string& text) {
  static const std::regex year(R"((^|[^0-9])((19|20)[0-9]{2})([^0-9]|$))");
  int found = 0;
  for (auto it = std::sregex_iterator(text.begin(), text.end(), year); it != std::sregex_iterator(); ++it)
    found = std::stoi((*it)[2].str());
  return found;
}

// The period a title names: "06 tháng đầu năm 2026", "9 tháng năm 2025", "năm 2025" (the first one).
std::string period_in(const std::string& title) {
  static const std::regex period(R"(([0-9]{1,2} tháng( đầu| cuối)? )?năm [0-9]{4})");
  const std::string lower = lower_case(tidy_text(title));
  std::smatch match;
  return std::regex_search(lower, match, period) ? match.str() : std::string();
}

std::string first_date_in(const std::string& text) {
  static const std::regex date(R"([0-9]{1,2}/[0-9]{1,2}/[0-9]{4})");
  std::smatch match;
  return std::regex_search(text, match, date) ? match.str() : std::string();
}

}  // namespace

void complete_from_input(TemplateTexts& texts, const Table& input, bool keep_unit) {
  if (texts.attached.empty()) texts.attached = tidy_text(input.attached_to);
  if (texts.year == 0 && !texts.date) texts.year = last_year_in(input.title);
  if (texts.period.empty() && texts.title.empty()) texts.period = period_in(input.title);
  if (texts.disbursed_to.empty())
    for (const TableColumn& column : input.columns)
      if (column.measure == Measure::disbursed && column.role == ColumnRole::amount) {
        texts.disbursed_to = first_date_in(column.path_text);
        if (!texts.disbursed_to.empty()) break;
      }
  if (!keep_unit && input.unit != Unit::unknown) texts.unit = input.unit;
}

}  // namespace phuluc
