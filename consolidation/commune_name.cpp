#include "consolidation/commune_name.hpp"

#include <optional>
#include <vector>

#include "table/text_fold.hpp"

namespace phuluc {
namespace {

constexpr std::size_t kMaxNameWords = 6;

std::vector<std::string> split_words(std::string_view text) {
  std::vector<std::string> words;
  std::string word;
  for (const char c : text) {
    if (c == ' ') {
      if (!word.empty()) words.push_back(std::move(word));
      word.clear();
    } else {
      word += c;
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

// The level a word (and maybe the next) starts, with the number of words it takes: "xã" → 1,
// "thị trấn" → 2; nullopt for other words.
struct Level {
  const char* display;
  std::size_t words;
};
std::optional<Level> level_at(const std::vector<std::string>& folded, std::size_t at) {
  const std::string& word = folded[at];
  const std::string next = at + 1 < folded.size() ? folded[at + 1] : std::string();
  if (word == "xa") return Level{"Xã", 1};
  if (word == "phuong") return Level{"Phường", 1};
  if (word == "thi" && next == "tran") return Level{"Thị trấn", 2};
  if (word == "dac" && next == "khu") return Level{"Đặc khu", 2};
  return std::nullopt;
}

bool starts_upper(std::string_view word) {
  std::size_t length = 1;  // bytes of the first UTF-8 character
  const auto lead = static_cast<unsigned char>(word.empty() ? 0 : word[0]);
  if (lead >= 0xF0) length = 4;
  else if (lead >= 0xE0) length = 3;
  else if (lead >= 0xC0) length = 2;
  const LetterCount count = count_letters(word.substr(0, length));
  return count.letters == 1 && count.upper == 1;
}

// A lower-case "tỉnh", "huyện" or "thành phố" starts the next unit; a capitalised "Tĩnh" or
// "Thanh" is part of a name ("Tĩnh Túc", "Thanh Sơn").
bool starts_next_unit(const std::vector<std::string>& words, const std::vector<std::string>& folded, std::size_t at) {
  if (starts_upper(words[at])) return false;
  const std::string& word = folded[at];
  return word == "tinh" || word == "huyen" || (word == "thanh" && at + 1 < folded.size() && folded[at + 1] == "pho");
}

// Strips the punctuation that closes a name ("Kim," → "Kim"); true when it closed it.
bool strip_closing(std::string& word) {
  bool closed = false;
  while (!word.empty() && (word.back() == ',' || word.back() == ';' || word.back() == ')' || word.back() == '.')) {
    word.pop_back();
    closed = true;
  }
  return closed;
}

}  // namespace

std::string commune_from_attached(std::string_view attached_to) {
  const std::vector<std::string> words = split_words(tidy_text(attached_to));
  std::vector<std::string> folded;
  folded.reserve(words.size());
  for (const auto& word : words) folded.push_back(fold_text(word));

  std::string best;
  for (std::size_t at = 0; at < words.size(); ++at) {
    const auto level = level_at(folded, at);
    if (!level) continue;
    std::size_t next = at + level->words;
    if (next >= words.size() || !starts_upper(words[next])) continue;
    std::string name;
    for (std::size_t count = 0; next < words.size() && count < kMaxNameWords; ++next, ++count) {
      if (count > 0 && starts_next_unit(words, folded, next)) break;
      std::string word = words[next];
      const bool closed = strip_closing(word);
      if (!word.empty()) name += (name.empty() ? "" : " ") + word;
      if (closed) break;
    }
    if (!name.empty()) best = std::string(level->display) + " " + name;
  }
  return best;
}

std::string commune_from_path(const std::filesystem::path& path) { return path.filename().string(); }

}  // namespace phuluc
