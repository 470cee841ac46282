#include "table/number_text.hpp"

#include <algorithm>
#include <charconv>
#include <optional>
#include <string>
#include <vector>

namespace phuluc {
namespace {

// Byte sequences that stand for a space inside a typed number: NBSP, narrow NBSP, thin and figure space.
constexpr std::string_view kSpaceLike[] = {"\xC2\xA0", "\xE2\x80\xAF", "\xE2\x80\x89", "\xE2\x80\x87"};
// Dashes typed alone for zero: en dash, em dash, figure dash, minus sign.
constexpr std::string_view kDashLike[] = {"\xE2\x80\x93", "\xE2\x80\x94", "\xE2\x80\x92", "\xE2\x88\x92"};
constexpr std::string_view kMinusSign = "\xE2\x88\x92";

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Replaces the space-like sequences with ' ' so the rest works on ASCII.
std::string normalise_spaces(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    if (text[i] != '\xC2' && text[i] != '\xE2') {  // the lead bytes of every space-like sequence
      out += text[i++];
      continue;
    }
    bool replaced = false;
    for (std::string_view space : kSpaceLike) {
      if (text.substr(i, space.size()) == space) {
        out += ' ';
        i += space.size();
        replaced = true;
        break;
      }
    }
    if (!replaced) out += text[i++];
  }
  return out;
}

std::string_view trim(std::string_view text) {
  const auto is_blank = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'; };
  while (!text.empty() && is_blank(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_blank(text.back())) text.remove_suffix(1);
  return text;
}

bool is_dash_text(std::string_view text) {
  if (text == "-") return true;
  for (std::string_view dash : kDashLike)
    if (text == dash) return true;
  return false;
}

// A number made of digit groups: integer digits, then fraction digits (possibly none).
struct Reading {
  std::string integer;
  std::string fraction;
  /// nullopt when the digits are beyond a double (over about 1.8e308): such text is no number a
  /// cell can hold, and reading it as 0 would be a silently wrong amount. A fraction too small for
  /// a double reads 0, as Excel types it.
  std::optional<double> value() const {
    const std::string ascii = (integer.empty() ? "0" : integer) + (fraction.empty() ? "" : "." + fraction);
    double value = 0.0;
    const auto [end, error] = std::from_chars(ascii.data(), ascii.data() + ascii.size(), value);
    if (error == std::errc::result_out_of_range)
      return integer.find_first_not_of('0') == std::string::npos ? std::optional<double>(0.0) : std::nullopt;
    if (error != std::errc{} || end != ascii.data() + ascii.size()) return std::nullopt;
    return value;
  }
  int decimals() const { return static_cast<int>(fraction.size()); }
};

// Whether digit groups read as thousands grouping: the first 1-3 digits, each next exactly 3.
bool valid_grouping(const std::vector<std::string>& groups, std::size_t count) {
  if (count == 0 || groups[0].empty() || groups[0].size() > 3) return false;
  for (std::size_t i = 1; i < count; ++i)
    if (groups[i].size() != 3) return false;
  return true;
}

std::string join(const std::vector<std::string>& groups, std::size_t count) {
  std::string out;
  for (std::size_t i = 0; i < count; ++i) out += groups[i];
  return out;
}

struct Body {
  std::vector<std::string> groups;  // digit runs
  std::string separators;           // the separator between groups[i] and groups[i+1]
};

// Splits "1.234,5" into {1, 234, 5} and ".,"; nullopt when any other character shows up.
std::optional<Body> split_body(std::string_view text) {
  if (text.empty() || !is_digit(text.front()) || !is_digit(text.back())) return std::nullopt;
  Body body;
  body.groups.emplace_back();
  for (char c : text) {
    if (is_digit(c)) {
      body.groups.back() += c;
    } else if (c == '.' || c == ',' || c == ' ') {
      if (body.groups.back().empty()) return std::nullopt;  // two separators in a row
      body.separators += c;
      body.groups.emplace_back();
    } else {
      return std::nullopt;
    }
  }
  return body;
}

NumberText not_a_number() { return NumberText{}; }

NumberText one_reading(const Reading& reading) {
  const auto value = reading.value();
  if (!value) return not_a_number();
  NumberText out;
  out.kind = NumberTextKind::number;
  out.readings = {*value};
  out.decimals = reading.decimals();
  return out;
}

// Reads the unsigned body; the sign and '%' are handled by the caller.
NumberText read_body(std::string_view text) {
  const auto body = split_body(text);
  if (!body) return not_a_number();
  const auto& groups = body->groups;
  const std::string& seps = body->separators;
  if (seps.empty()) return one_reading({groups[0], ""});

  const bool has_space = seps.find(' ') != std::string::npos;
  const bool has_dot = seps.find('.') != std::string::npos;
  const bool has_comma = seps.find(',') != std::string::npos;
  const char last = seps.back();

  // Spaces group thousands; a final '.' or ',' is then the decimal separator.
  if (has_space) {
    const bool has_decimal = last != ' ';
    if (seps.find_first_not_of(' ') != (has_decimal ? seps.size() - 1 : std::string::npos)) return not_a_number();
    const std::size_t integer_groups = has_decimal ? groups.size() - 1 : groups.size();
    if (!valid_grouping(groups, integer_groups)) return not_a_number();
    return one_reading({join(groups, integer_groups), has_decimal ? groups.back() : ""});
  }
  // Both separators: the last one is the decimal separator and appears once.
  if (has_dot && has_comma) {
    const char thousands = last == ',' ? '.' : ',';
    if (seps.find_first_not_of(thousands) != seps.size() - 1) return not_a_number();
    if (!valid_grouping(groups, groups.size() - 1)) return not_a_number();
    return one_reading({join(groups, groups.size() - 1), groups.back()});
  }
  // One kind of separator, several times: thousands grouping.
  if (seps.size() > 1) {
    if (!valid_grouping(groups, groups.size())) return not_a_number();
    return one_reading({join(groups, groups.size()), ""});
  }
  // One separator. Vietnamese: ',' decimal, '.' thousands. It is ambiguous when it could also be
  // the other separator: 1-3 digits (not starting with 0) and exactly 3 after.
  const Reading as_decimal{groups[0], groups[1]};
  const Reading as_thousands{groups[0] + groups[1], ""};
  const bool could_be_thousands = valid_grouping(groups, 2) && groups[0][0] != '0';
  if (!could_be_thousands) return one_reading(as_decimal);
  NumberText out;
  out.kind = NumberTextKind::ambiguous;
  const Reading& vietnamese = last == ',' ? as_decimal : as_thousands;
  const Reading& other = last == ',' ? as_thousands : as_decimal;
  out.readings = {*vietnamese.value(), *other.value()};  // at most 6 digits: always in range
  out.decimals = vietnamese.decimals();
  out.other_decimals = other.decimals();
  return out;
}

}  // namespace

// A number starts with a digit, a sign, a parenthesis or a space; anything else is refused at once
// (labels and long texts reach this parser too).
bool may_be_number(std::string_view text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f') continue;
    // NBSP and the other spaces, dashes and the minus sign all start with these lead bytes.
    return is_digit(c) || c == '-' || c == '+' || c == '(' || c == '\xC2' || c == '\xE2';
  }
  return true;  // blank
}

NumberText parse_number_text(std::string_view text) {
  if (!may_be_number(text)) return not_a_number();
  const std::string spaced = normalise_spaces(text);
  std::string_view rest = trim(spaced);
  if (rest.empty()) return NumberText{NumberTextKind::blank, {}, 0, false, 0};
  if (is_dash_text(rest)) return NumberText{NumberTextKind::dash, {}, 0, false, 0};

  bool negative = false;
  if (rest.size() >= 2 && rest.front() == '(' && rest.back() == ')') {
    negative = true;
    rest = trim(rest.substr(1, rest.size() - 2));
  }
  if (!rest.empty() && (rest.front() == '+' || rest.front() == '-')) {
    if (rest.front() == '-') negative = !negative;
    rest = trim(rest.substr(1));
  } else if (rest.substr(0, kMinusSign.size()) == kMinusSign) {
    negative = !negative;
    rest = trim(rest.substr(kMinusSign.size()));
  }
  bool percent = false;
  if (!rest.empty() && rest.back() == '%') {
    percent = true;
    rest = trim(rest.substr(0, rest.size() - 1));
  }
  NumberText out = read_body(rest);
  if (out.kind == NumberTextKind::not_number) return out;
  out.percent = percent;
  if (negative)
    for (double& reading : out.readings) reading = -reading;
  return out;
}

SeparatorStyle separator_style(std::string_view text) {
  if (parse_number_text(text).kind != NumberTextKind::number) return SeparatorStyle::unknown;
  const auto dots = std::count(text.begin(), text.end(), '.');
  const auto commas = std::count(text.begin(), text.end(), ',');
  if (dots > 0 && commas > 0) return text.rfind(',') > text.rfind('.') ? SeparatorStyle::vietnamese : SeparatorStyle::english;
  if (commas == 1 || dots > 1) return SeparatorStyle::vietnamese;
  if (dots == 1 || commas > 1) return SeparatorStyle::english;
  return SeparatorStyle::unknown;
}

}  // namespace phuluc
