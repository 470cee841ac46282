#include "consolidation/template_match.hpp"

#include <algorithm>
#include <set>

#include "consolidation/merge_input.hpp"
#include "model/cell_ref.hpp"
#include "table/text_fold.hpp"

namespace phuluc {
namespace {

bool is_word_char(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80 || c == '/'; }

// fold_text, then every character that is no letter, digit or '/' (dates) becomes a space.
std::string fold_words(const std::string& text) {
  const std::string folded = fold_text(text);
  std::string out;
  out.reserve(folded.size());
  bool space = false;
  for (const char c : folded) {
    if (is_word_char(static_cast<unsigned char>(c))) {
      if (space && !out.empty()) out += ' ';
      out += c;
      space = false;
    } else {
      space = true;
    }
  }
  return out;
}

const char* role_id(ColumnRole role) { return role == ColumnRole::rate ? "rate" : "amount"; }

const char* split_id(Split split) {
  switch (split) {
    case Split::total: return "<total>";
    case Split::central: return "<nstw>";
    case Split::local: return "<nsdp>";
    case Split::none: return "";
  }
  return "";
}

const char* kind_id(TableKind kind) {
  switch (kind) {
    case TableKind::funds: return "funds";
    case TableKind::investment: return "investment";
    case TableKind::criteria: return "criteria";
    case TableKind::documents: return "documents";
    case TableKind::unknown: return "unknown";
  }
  return "unknown";
}

std::string path_text(const TableColumn& column) {
  if (!column.path_text.empty()) return column.path_text;
  std::string text;
  for (const auto& part : column.path) text += (text.empty() ? "" : " › ") + part;
  return text;
}

// The years (1900-2099) a title names, as a sorted set.
std::set<int> years_in(const std::string& title) {
  std::set<int> years;
  std::size_t at = 0;
  while (at < title.size()) {
    if (title[at] < '0' || title[at] > '9') {
      ++at;
      continue;
    }
    std::size_t end = at;
    while (end < title.size() && title[end] >= '0' && title[end] <= '9') ++end;
    if (end - at == 4) {
      const int year = std::stoi(title.substr(at, 4));
      if (year >= 1900 && year <= 2099) years.insert(year);
    }
    at = end;
  }
  return years;
}

std::string years_text(const std::set<int>& years) {
  std::string text;
  for (const int year : years) text += (text.empty() ? "" : ", ") + std::to_string(year);
  return text.empty() ? "-" : text;
}

}  // namespace

std::vector<std::size_t> value_columns(const Table& table) {
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < table.columns.size(); ++i)
    if (table.columns[i].role == ColumnRole::amount || table.columns[i].role == ColumnRole::rate) out.push_back(i);
  return out;
}

std::vector<std::size_t> amount_columns(const Table& table) {
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < table.columns.size(); ++i)
    if (table.columns[i].role == ColumnRole::amount) out.push_back(i);
  return out;
}

std::string column_identity(const TableColumn& column) {
  std::vector<std::string> parts;
  for (const auto& text : column.path) {
    std::string folded = fold_words(text);
    if (folded.empty() || (!parts.empty() && parts.back() == folded)) continue;
    parts.push_back(std::move(folded));
  }
  if (column.split != Split::none && !parts.empty()) parts.back() = split_id(column.split);
  std::string identity = role_id(column.role);
  for (const auto& part : parts) identity += "|" + part;
  return identity;
}

std::optional<TemplateDifference> compare_with_template(const Table& reference, const Table& input) {
  if (reference.kind != input.kind) {
    TemplateDifference difference{refusal::kDifferentTemplate, "", kind_id(input.kind), kind_id(reference.kind), ""};
    difference.detail = std::string("the table is of kind '") + kind_id(input.kind) + "', the template's of kind '" +
                        kind_id(reference.kind) + "'";
    return difference;
  }
  const auto ours = value_columns(reference);
  const auto theirs = value_columns(input);
  for (std::size_t i = 0; i < std::max(ours.size(), theirs.size()); ++i) {
    const TableColumn* expected = i < ours.size() ? &reference.columns[ours[i]] : nullptr;
    const TableColumn* found = i < theirs.size() ? &input.columns[theirs[i]] : nullptr;
    if (expected && found && column_identity(*expected) == column_identity(*found)) continue;
    TemplateDifference difference;
    difference.reason = refusal::kDifferentColumns;
    difference.found = found ? path_text(*found) : "";
    difference.expected = expected ? path_text(*expected) : "";
    if (found) difference.column = column_letters(found->col);
    else if (!theirs.empty()) difference.column = column_letters(input.columns[theirs.back()].col + 1);
    difference.detail = "column " + difference.column + ": '" + difference.found + "' where the template has '" +
                        difference.expected + "'";
    return difference;
  }
  const auto reference_years = years_in(reference.title);
  const auto input_years = years_in(input.title);
  if (reference_years != input_years) {
    TemplateDifference difference{refusal::kDifferentPeriod, "", years_text(input_years), years_text(reference_years), ""};
    difference.detail = "the title names the years " + difference.found + ", the template's " + difference.expected;
    return difference;
  }
  return std::nullopt;
}

}  // namespace phuluc
