#include "templates/column_match.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <tuple>

#include "table/text_fold.hpp"

namespace phuluc {
namespace {

std::set<std::string> header_words(const std::string& text) {
  std::string folded = fold_text(text);
  for (char& c : folded)
    if (!std::isalnum(static_cast<unsigned char>(c))) c = ' ';
  std::set<std::string> words;
  std::istringstream in(folded);
  for (std::string word; in >> word;)
    if (std::any_of(word.begin(), word.end(), [](unsigned char c) { return std::isalpha(c); })) words.insert(word);
  return words;
}

bool is_value(ColumnRole role) { return role == ColumnRole::amount || role == ColumnRole::rate; }

// A column's split as a link compares it: no split is the Tổng số.
Split split_of(const TableColumn& column) { return column.split == Split::none ? Split::total : column.split; }

// Top header text of each block of value columns.
std::map<int, std::string> block_tops(const Table& table) {
  std::map<int, std::string> tops;
  for (const auto& column : table.columns)
    if (is_value(column.role) && !column.path.empty() && !tops.count(column.block)) tops[column.block] = column.path.front();
  return tops;
}

// Input block → template block, best header words first, each template block once while there are enough.
std::map<int, int> link_blocks(const Table& official, const Table& input) {
  const auto official_tops = block_tops(official);
  const auto input_tops = block_tops(input);
  std::vector<std::tuple<double, int, int>> pairs;  // (score, input block, template block)
  for (const auto& [input_block, input_top] : input_tops)
    for (const auto& [official_block, official_top] : official_tops)
      pairs.emplace_back(header_similarity(input_top, official_top), input_block, official_block);
  std::stable_sort(pairs.begin(), pairs.end(), [](const auto& a, const auto& b) { return std::get<0>(a) > std::get<0>(b); });
  std::map<int, int> links;
  std::set<int> used;
  for (const auto& [score, input_block, official_block] : pairs) {
    if (links.count(input_block)) continue;
    if (used.count(official_block) && used.size() < official_tops.size()) continue;
    links[input_block] = official_block;
    used.insert(official_block);
  }
  return links;
}

void link_values(const Table& official, const Table& input, std::vector<ColumnLink>& links) {
  const auto blocks = link_blocks(official, input);
  std::set<std::size_t> taken;
  for (std::size_t in = 0; in < input.columns.size(); ++in) {
    const TableColumn& column = input.columns[in];
    if (!is_value(column.role) || !blocks.count(column.block)) continue;
    const int block = blocks.at(column.block);
    for (std::size_t out = 0; out < official.columns.size(); ++out) {
      const TableColumn& target = official.columns[out];
      if (taken.count(out) || target.role != column.role || target.block != block || target.measure != column.measure ||
          split_of(target) != split_of(column))
        continue;
      links.push_back({out, in});
      taken.insert(out);
      break;
    }
  }
}

void link_words(const Table& official, const Table& input, std::vector<ColumnLink>& links) {
  std::set<std::size_t> official_done, input_done;
  for (const auto& link : links) official_done.insert(link.template_column), input_done.insert(link.input_column);
  const auto wordy = [](const Table& table, std::size_t i) {
    const TableColumn& column = table.columns[i];
    return !is_value(column.role) && column.role != ColumnRole::stt && !(table.stt_col && column.col == *table.stt_col);
  };
  std::vector<std::tuple<double, std::size_t, std::size_t>> pairs;
  for (std::size_t out = 0; out < official.columns.size(); ++out) {
    if (!wordy(official, out)) continue;
    for (std::size_t in = 0; in < input.columns.size(); ++in)
      if (wordy(input, in)) pairs.emplace_back(header_similarity(official.columns[out].path_text, input.columns[in].path_text), out, in);
  }
  std::stable_sort(pairs.begin(), pairs.end(), [](const auto& a, const auto& b) { return std::get<0>(a) > std::get<0>(b); });
  for (const auto& [score, out, in] : pairs) {
    if (score < 0.5 || official_done.count(out) || input_done.count(in)) continue;
    links.push_back({out, in});
    official_done.insert(out), input_done.insert(in);
  }
  // The label column is the label column, whatever its header says ("Nội dung", "Danh mục công trình").
  if (official.label_col && input.label_col) {
    const int out = official.column_index(*official.label_col);
    const int in = input.column_index(*input.label_col);
    if (out >= 0 && in >= 0 && !official_done.count(static_cast<std::size_t>(out)) && !input_done.count(static_cast<std::size_t>(in)))
      links.push_back({static_cast<std::size_t>(out), static_cast<std::size_t>(in)});
  }
}

}  // namespace

double header_similarity(const std::string& a, const std::string& b) {
  const auto words_a = header_words(a);
  const auto words_b = header_words(b);
  if (words_a.empty() || words_b.empty()) return 0.0;
  std::size_t common = 0;
  for (const auto& word : words_a) common += words_b.count(word);
  return 2.0 * static_cast<double>(common) / static_cast<double>(words_a.size() + words_b.size());
}

std::vector<ColumnLink> link_columns(const Table& official, const Table& input) {
  std::vector<ColumnLink> links;
  if (official.stt_col && input.stt_col) {
    const int out = official.column_index(*official.stt_col);
    const int in = input.column_index(*input.stt_col);
    if (out >= 0 && in >= 0) links.push_back({static_cast<std::size_t>(out), static_cast<std::size_t>(in)});
  }
  link_values(official, input, links);
  link_words(official, input, links);
  std::sort(links.begin(), links.end(), [](const ColumnLink& a, const ColumnLink& b) { return a.template_column < b.template_column; });
  return links;
}

}  // namespace phuluc
