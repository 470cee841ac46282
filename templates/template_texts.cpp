#include "templates/template_texts.hpp"

#include <charconv>
#include <vector>

#include "table/text_fold.hpp"
#include "templates/vietnamese_case.hpp"

namespace phuluc {
namespace {

constexpr const char* kDots = "......";

std::optional<int> parse_int(std::string_view text) {
  int value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

bool real_date(const ReportDate& date) {
  static const int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (date.year < 1900 || date.year > 2200 || date.month < 1 || date.month > 12 || date.day < 1) return false;
  const bool leap = (date.year % 4 == 0 && date.year % 100 != 0) || date.year % 400 == 0;
  if (date.month == 2 && date.day == 29) return leap;
  return date.day <= kDays[date.month - 1];
}

std::vector<std::string_view> split_on(std::string_view text, char separator) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  while (true) {
    const auto end = text.find(separator, start);
    parts.push_back(text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
    if (end == std::string_view::npos) return parts;
    start = end + 1;
  }
}

std::string or_dots(const std::string& value) { return value.empty() ? kDots : value; }

std::string number_or_dots(int value) { return value > 0 ? std::to_string(value) : kDots; }

// The value of one placeholder name in lower case; nullopt for names we do not know.
std::optional<std::string> placeholder_value(std::string_view name, const TemplateTexts& texts) {
  const int year = reported_year(texts);
  if (name == "year") return number_or_dots(year);
  if (name == "prev_year") return number_or_dots(year > 0 ? year - 1 : 0);
  if (name == "period") return texts.period.empty() ? "năm " + number_or_dots(year) : texts.period;
  if (name == "disbursed_to") return or_dots(texts.disbursed_to);
  if (name == "commune") return or_dots(texts.commune);
  if (name == "body") return or_dots(texts.body);
  return std::nullopt;
}

std::string lower_ascii(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return out;
}

}  // namespace

std::optional<ReportDate> parse_report_date(std::string_view text) {
  ReportDate date;
  const auto slashed = split_on(text, '/');
  const auto dashed = split_on(text, '-');
  std::optional<int> day, month, year;
  if (slashed.size() == 3) {
    day = parse_int(slashed[0]), month = parse_int(slashed[1]), year = parse_int(slashed[2]);
  } else if (dashed.size() == 3) {
    year = parse_int(dashed[0]), month = parse_int(dashed[1]), day = parse_int(dashed[2]);
  }
  if (!day || !month || !year) return std::nullopt;
  date = {*day, *month, *year};
  if (!real_date(date)) return std::nullopt;
  return date;
}

int reported_year(const TemplateTexts& texts) {
  if (texts.year > 0) return texts.year;
  return texts.date ? texts.date->year : 0;
}

std::string fill_placeholders(std::string_view text, const TemplateTexts& texts) {
  std::string out;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const auto open = text.find('{', pos);
    const auto close = open == std::string_view::npos ? open : text.find('}', open);
    if (close == std::string_view::npos) {
      out += text.substr(pos);
      break;
    }
    out += text.substr(pos, open - pos);
    const std::string_view name = text.substr(open + 1, close - open - 1);
    const std::string lower = lower_ascii(name);
    const auto value = placeholder_value(lower, texts);
    if (!value) out += text.substr(open, close - open + 1);  // not ours: kept as written
    else out += lower == name ? *value : upper_case(*value);
    pos = close + 1;
  }
  return out;
}

std::string attached_line(const TemplateTexts& texts) {
  if (!texts.attached.empty() && texts.report_number.empty() && !texts.date && texts.body.empty())
    return "(" + texts.attached + ")";
  const ReportDate date = texts.date.value_or(ReportDate{});
  return "(Kèm theo Báo cáo số " + (texts.report_number.empty() ? std::string("........./BC-UBND") : texts.report_number) +
         " ngày " + number_or_dots(date.day) + " tháng " + number_or_dots(date.month) + " năm " +
         number_or_dots(date.year) + " của " + or_dots(texts.body) + ")";
}

std::string unit_line(Unit unit) {
  switch (unit) {
    case Unit::dong: return "ĐVT: Đồng";
    case Unit::thousand_dong: return "ĐVT: Nghìn đồng";
    case Unit::billion_dong: return "ĐVT: Tỷ đồng";
    case Unit::million_dong:
    case Unit::unknown: break;
  }
  return "ĐVT: Triệu đồng";
}

int unit_decimals(Unit unit) {
  return unit == Unit::dong || unit == Unit::thousand_dong ? 0 : 3;
}

std::optional<Unit> parse_unit_name(std::string_view text) {
  std::string folded = fold_text(text);
  for (char& c : folded)
    if (c == ' ' || c == '_') c = '-';
  if (folded == "dong") return Unit::dong;
  if (folded == "nghin-dong" || folded == "ngan-dong") return Unit::thousand_dong;
  if (folded == "trieu-dong") return Unit::million_dong;
  if (folded == "ty-dong") return Unit::billion_dong;
  return std::nullopt;
}

std::string place_and_date_line(const TemplateTexts& texts) {
  const ReportDate date = texts.date.value_or(ReportDate{});
  return or_dots(texts.commune) + ", ngày " + number_or_dots(date.day) + " tháng " + number_or_dots(date.month) +
         " năm " + number_or_dots(date.year);
}

std::string on_behalf_line(const TemplateTexts& texts) {
  if (texts.body.empty() || fold_text(texts.body).rfind("uy ban nhan dan", 0) == 0) return "TM. ỦY BAN NHÂN DÂN";
  return "TM. " + upper_case(texts.body);
}

}  // namespace phuluc
