#include "mappings/row_matcher.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <set>
#include <unordered_map>

#include "mappings/text_normalize.hpp"

namespace phuluc {
namespace {

// ---------------------------------------------------------------------------------------------
// Tuning. Scores are F-measures of weighted word overlap (1 = the same words); see docs/map.md.

constexpr double kStopWeight = 0.1;           // "và", "của", "các": carry almost no meaning
constexpr double kGenericWeight = 0.3;        // "chương trình mục tiêu quốc gia": in every program's name
constexpr double kNumericFactor = 1.0;        // years inside names (2021 - 2025 against 2026 - 2030) count fully
constexpr double kUnknownFactor = 0.55;       // weight of a label word no catalogue entry uses, × the largest idf
constexpr double kRecallWeight = 0.75;        // β of the F-measure: below 1 favours precision
constexpr double kBareCredit = 0.92;          // the same word once diacritics are removed ("mơ" for "mở")
constexpr double kFuzzyCredit = 0.75;         // one typing slip in a word of 4+ letters
constexpr double kShortFuzzyCredit = 0.65;    // one slip in a 3-letter word
constexpr double kLongFuzzyCredit = 0.6;      // two slips in a word of 7+ letters
constexpr double kAcceptScore = 0.55;         // least label score that can name an entry on its own
constexpr double kAmbiguousScore = 0.45;      // two entries at least this good and close: ambiguous
constexpr double kClearMargin = 0.25;         // a lead this large over the runner-up is fully clear
constexpr double kTextOverrulesNumber = 0.2;  // words beat a "Tiểu dự án N" prefix by this much: a rival
constexpr double kNumberNeedsWords = 0.3;     // a numbered label's words must fit its entry this well...
constexpr double kWordsBelong = 0.85;         // ...or this share of them must be the entry's (a shortened name)

const std::set<std::string>& stop_words() {
  static const std::set<std::string> words = {"va",  "cua", "cho", "cac", "nhung", "trong", "theo", "voi",
                                              "co",  "de",  "duoc", "o",  "tai",  "tren",  "ve",   "la",
                                              "mot", "nham", "gan", "doi", "den",  "tu",    "nam",  "giai",
                                              "doan", "thuc", "hien", "nhu", "nay", "khac"};
  return words;
}

const std::set<std::string>& generic_words() {
  static const std::set<std::string> words = {"chuong", "trinh", "muc", "tieu", "quoc", "gia"};
  return words;
}

// The words of "Tiểu dự án", "Nội dung thành phần", "Hợp phần": a label made only of them (a
// prefix typed out of order, "Tiểu dự 1 án") says nothing about which entry it is.
const std::set<std::string>& level_words() {
  static const std::set<std::string> words = {"tieu", "du", "an", "noi", "dung", "thanh", "phan", "hop", "tda", "nd", "da"};
  return words;
}

// Optimal string alignment distance (Damerau-Levenshtein without repeated edits), capped: returns
// cap + 1 as soon as the distance must exceed cap. Words longer than 31 bytes are never close.
int edit_distance(std::string_view a, std::string_view b, int cap) {
  constexpr std::size_t kMax = 32;
  const auto n = a.size();
  const auto m = b.size();
  if (n >= kMax || m >= kMax) return cap + 1;
  if (static_cast<int>(n > m ? n - m : m - n) > cap) return cap + 1;
  int rows[3][kMax];
  int* prev2 = rows[0];
  int* prev = rows[1];
  int* cur = rows[2];
  for (std::size_t j = 0; j <= m; ++j) prev[j] = static_cast<int>(j);
  for (std::size_t i = 1; i <= n; ++i) {
    cur[0] = static_cast<int>(i);
    int row_min = cur[0];
    for (std::size_t j = 1; j <= m; ++j) {
      const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) cur[j] = std::min(cur[j], prev2[j - 2] + 1);
      row_min = std::min(row_min, cur[j]);
    }
    if (row_min > cap) return cap + 1;
    int* spare = prev2;
    prev2 = prev;
    prev = cur;
    cur = spare;
  }
  return prev[m];
}

// ---------------------------------------------------------------------------------------------
// Numbers in a label: "Tiểu dự án 3", "Dự án 4 - Tiểu dự án 1; Nội dung 1", "TDA1", "Tiêu chí số 6".

enum class NumberedLevel { project, subproject, content, component, criterion };

struct LabelNumbers {
  std::optional<int> project, subproject, content, component, criterion;
  bool any() const { return project || subproject || content || component || criterion; }
  /// The most specific level the label names, with its number.
  std::optional<std::pair<NumberedLevel, int>> deepest() const {
    if (criterion) return std::pair{NumberedLevel::criterion, *criterion};
    if (content) return std::pair{NumberedLevel::content, *content};
    if (subproject) return std::pair{NumberedLevel::subproject, *subproject};
    if (component) return std::pair{NumberedLevel::component, *component};
    if (project) return std::pair{NumberedLevel::project, *project};
    return std::nullopt;
  }
};

std::optional<int> roman_value(std::string_view text) {
  if (text.empty() || text.size() > 6) return std::nullopt;
  int total = 0;
  int prev = 0;
  for (auto it = text.rbegin(); it != text.rend(); ++it) {
    int value = 0;
    switch (*it) {
      case 'i': case 'I': value = 1; break;
      case 'v': case 'V': value = 5; break;
      case 'x': case 'X': value = 10; break;
      default: return std::nullopt;
    }
    total += value < prev ? -value : value;
    prev = std::max(prev, value);
  }
  if (total <= 0 || total > 39) return std::nullopt;
  return total;
}

std::optional<int> parse_int(std::string_view text) {
  int value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

struct NumberPattern {
  std::vector<std::string> words;  // bare
  NumberedLevel level;
};

const std::vector<NumberPattern>& number_patterns() {
  static const std::vector<NumberPattern> patterns = {
      {{"du", "an", "thanh", "phan"}, NumberedLevel::project},
      {{"noi", "dung", "thanh", "phan"}, NumberedLevel::component},
      {{"tieu", "du", "an"}, NumberedLevel::subproject},
      {{"du", "an"}, NumberedLevel::project},
      {{"noi", "dung"}, NumberedLevel::content},
      {{"tieu", "chi"}, NumberedLevel::criterion},
      {{"hop", "phan"}, NumberedLevel::component},
      {{"tda"}, NumberedLevel::subproject},
      {{"da"}, NumberedLevel::project},
      {{"ndtp"}, NumberedLevel::component},
      {{"nd"}, NumberedLevel::content},
      {{"tc"}, NumberedLevel::criterion},
  };
  return patterns;
}

// Whether the words from `at` on spell `prefix`. A slip in one word of a two- to four-word prefix
// ("Tiể dự án", "Nộm dung") still spells it when the other words are exact; the exact words are
// compared first because nearly every word of a label is no prefix at all.
bool spells_prefix(const std::vector<NormalToken>& words, std::size_t at, const std::vector<std::string>& prefix) {
  const std::size_t none = prefix.size();
  std::size_t slip = none;
  for (std::size_t k = 0; k < prefix.size(); ++k) {
    if (words[at + k].bare == prefix[k]) continue;
    if (slip != none) return false;
    slip = k;
  }
  if (slip == none) return true;
  const auto& want = prefix[slip];
  return prefix.size() >= 2 && want.size() >= 3 && edit_distance(words[at + slip].bare, want, 1) <= 1;
}

// Removes every "<level words> [số|thứ] <number>" group from the words and returns the numbers.
LabelNumbers take_label_numbers(std::vector<NormalToken>& words) {
  LabelNumbers numbers;
  std::vector<NormalToken> kept;
  kept.reserve(words.size());
  for (std::size_t i = 0; i < words.size();) {
    bool taken = false;
    for (const auto& pattern : number_patterns()) {
      const auto size = pattern.words.size();
      if (i + size >= words.size()) continue;
      if (!spells_prefix(words, i, pattern.words)) continue;
      std::size_t at = i + size;
      if ((words[at].bare == "so" || words[at].bare == "thu") && at + 1 < words.size()) ++at;
      const auto& word = words[at];
      const auto value = word.numeric ? parse_int(word.text) : roman_value(word.bare);
      if (!value) continue;
      std::optional<int>* slot = nullptr;
      switch (pattern.level) {
        case NumberedLevel::project: slot = &numbers.project; break;
        case NumberedLevel::subproject: slot = &numbers.subproject; break;
        case NumberedLevel::content: slot = &numbers.content; break;
        case NumberedLevel::component: slot = &numbers.component; break;
        case NumberedLevel::criterion: slot = &numbers.criterion; break;
      }
      if (!*slot) *slot = *value;
      i = at + 1;
      taken = true;
      break;
    }
    if (!taken) kept.push_back(std::move(words[i++]));
  }
  words = std::move(kept);
  return numbers;
}

// ---------------------------------------------------------------------------------------------
// STT: "V.1", "IX", "A", "1", "2.3", "-".

enum class SttForm { none, letter, roman, roman_sub, arabic, arabic_sub };

struct SttParts {
  SttForm form = SttForm::none;
  std::vector<int> numbers;
};

SttParts parse_stt(std::string_view raw) {
  std::string text = to_nfc(raw);
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return {};
  const auto last = text.find_last_not_of(" \t\r\n.):");
  if (last == std::string::npos || last < first) return {};
  text = text.substr(first, last - first + 1);
  SttParts parts;
  if (text.size() == 1 && text[0] >= 'A' && text[0] <= 'H') {
    parts.form = SttForm::letter;
    return parts;
  }
  std::vector<std::string> pieces;
  std::size_t start = 0;
  while (true) {
    const auto dot = text.find('.', start);
    pieces.push_back(text.substr(start, dot == std::string::npos ? std::string::npos : dot - start));
    if (dot == std::string::npos) break;
    start = dot + 1;
  }
  if (pieces.empty() || pieces.size() > 3) return {};
  std::vector<int> numbers;
  bool head_roman = false;
  for (std::size_t i = 0; i < pieces.size(); ++i) {
    const auto& piece = pieces[i];
    if (piece.empty()) return {};
    if (i == 0) {
      const bool upper = std::all_of(piece.begin(), piece.end(), [](char c) { return c == 'I' || c == 'V' || c == 'X'; });
      if (upper) {
        const auto value = roman_value(piece);
        if (!value) return {};
        numbers.push_back(*value);
        head_roman = true;
        continue;
      }
    }
    const auto value = parse_int(piece);
    if (!value) return {};
    numbers.push_back(*value);
  }
  parts.numbers = numbers;
  if (head_roman) parts.form = numbers.size() == 1 ? SttForm::roman : SttForm::roman_sub;
  else parts.form = numbers.size() == 1 ? SttForm::arabic : SttForm::arabic_sub;
  return parts;
}

std::string trimmed(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  return std::string(text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1));
}

// "V.1. Tiểu dự án 1: ...", "1. Nâng cao ...", "A - Chương trình ...": a row number typed into the
// label, then punctuation and a space. Returns the number and the rest; nullopt when there is none.
std::optional<std::pair<std::string, std::string>> split_leading_stt(const std::string& label) {
  std::size_t at = label.find_first_not_of(" \t\r\n");
  if (at == std::string::npos) return std::nullopt;
  const std::size_t start = at;
  const auto is_roman = [](char c) { return c == 'I' || c == 'V' || c == 'X'; };
  const auto is_digit = [](char c) { return c >= '0' && c <= '9'; };
  if (is_roman(label[at])) {
    while (at < label.size() && is_roman(label[at])) ++at;
  } else if (is_digit(label[at])) {
    while (at < label.size() && is_digit(label[at])) ++at;
  } else if (label[at] >= 'A' && label[at] <= 'H') {
    ++at;
  } else {
    return std::nullopt;
  }
  while (at + 1 < label.size() && label[at] == '.' && is_digit(label[at + 1]))
    for (++at; at < label.size() && is_digit(label[at]);) ++at;
  const std::size_t end = at;
  if (at >= label.size() || (label[at] != '.' && label[at] != ')' && label[at] != ':' && label[at] != '-')) return std::nullopt;
  ++at;
  if (at >= label.size() || (label[at] != ' ' && label[at] != '\t' && label[at] != '\n')) return std::nullopt;
  return std::pair{label.substr(start, end - start), label.substr(at + 1)};
}

std::string first_segment(std::string_view key) { return std::string(key.substr(0, key.find('.'))); }

bool is_total_label(const std::vector<NormalToken>& words) {
  if (words.empty() || words.size() > 5) return false;
  if (words[0].bare != "tong" && words[0].bare != "cong") return false;
  if (words.size() == 1) return true;
  const auto& second = words[1].bare;
  return second == "cong" || second == "so" || second == "von" || second == "toan" || second == "chung";
}

std::string format_score(double value) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%.2f", value);
  return buffer;
}

}  // namespace

// ---------------------------------------------------------------------------------------------

struct RowMatcher::Index {
  const Catalogue* catalogue = nullptr;
  std::unordered_map<std::string, int> vocabulary;  // bare word → id
  std::vector<std::string> words;                   // id → bare word
  std::vector<std::vector<int>> words_by_length;    // byte length → ids, for the typo search
  std::vector<std::vector<std::string>> accents;    // id → accented spellings in the catalogue
  std::vector<double> weight;                       // id → weight
  double unknown_weight = 1.0;

  struct Text {
    std::size_t entry = 0;
    std::vector<int> ids;  // sorted, distinct
    double total = 0.0;
  };
  std::vector<Text> texts;
  std::vector<std::vector<std::uint32_t>> postings;   // word id → texts that contain it
  std::vector<std::vector<std::size_t>> entry_texts;  // entry index → text indices
  std::unordered_map<std::string, std::size_t> entry_of_key;

  const CatalogueEntry& entry(std::size_t index) const { return catalogue->entries()[index]; }
  const CatalogueEntry* find(std::string_view key) const {
    const auto found = entry_of_key.find(std::string(key));
    return found == entry_of_key.end() ? nullptr : &entry(found->second);
  }
};

namespace {

using Index = RowMatcher::Index;

struct WordRef {
  int id;
  double credit;
};

struct LabelWord {
  std::vector<WordRef> refs;
  double weight = 0.0;
};

struct LabelWords {
  std::vector<LabelWord> words;
  double total = 0.0;
  bool meaningful = false;      // at least one word that is neither a stop word nor a number
  std::vector<double> credit;   // catalogue word id → the best credit any label word gives it
};

std::vector<WordRef> lookup_word(const Index& index, const NormalToken& token) {
  std::vector<WordRef> refs;
  if (const auto found = index.vocabulary.find(token.bare); found != index.vocabulary.end()) {
    const auto& spellings = index.accents[static_cast<std::size_t>(found->second)];
    const bool accent_same = std::find(spellings.begin(), spellings.end(), token.text) != spellings.end();
    refs.push_back({found->second, accent_same ? 1.0 : kBareCredit});
    return refs;
  }
  if (token.numeric || token.bare.size() < 3) return refs;
  const int length = static_cast<int>(token.bare.size());
  for (int other = std::max(3, length - 2); other <= length + 2; ++other) {
    if (static_cast<std::size_t>(other) >= index.words_by_length.size()) break;
    for (const int id : index.words_by_length[static_cast<std::size_t>(other)]) {
      const auto& word = index.words[static_cast<std::size_t>(id)];
      const int shortest = std::min(length, other);
      const int cap = shortest >= 7 ? 2 : 1;
      const int distance = edit_distance(token.bare, word, cap);
      if (distance > cap) continue;
      const double credit = distance == 1 ? (shortest >= 4 ? kFuzzyCredit : kShortFuzzyCredit) : kLongFuzzyCredit;
      refs.push_back({id, credit});
    }
  }
  return refs;
}

// Two catalogue words typed without the space between them ("nôngthôn").
std::optional<std::pair<NormalToken, NormalToken>> split_glued(const Index& index, const NormalToken& token) {
  if (token.numeric || token.bare.size() < 5 || index.vocabulary.count(token.bare)) return std::nullopt;
  for (std::size_t cut = 2; cut + 2 <= token.bare.size(); ++cut) {
    const auto left = token.bare.substr(0, cut);
    const auto right = token.bare.substr(cut);
    if (!index.vocabulary.count(left) || !index.vocabulary.count(right)) continue;
    if (stop_words().count(left) || stop_words().count(right)) continue;
    return std::pair{NormalToken{left, left, false}, NormalToken{right, right, false}};
  }
  return std::nullopt;
}

LabelWords read_label_words(const Index& index, const std::vector<NormalToken>& tokens) {
  LabelWords label;
  std::vector<std::string_view> seen;
  const auto add = [&](const NormalToken& token, std::vector<WordRef> refs) {
    if (std::find(seen.begin(), seen.end(), token.bare) != seen.end()) return;
    seen.push_back(token.bare);
    const bool stop = stop_words().count(token.bare) > 0;
    LabelWord word;
    if (refs.empty()) {
      word.weight = token.numeric ? 0.3 : stop ? kStopWeight : index.unknown_weight;
    } else {
      const auto best = std::max_element(refs.begin(), refs.end(),
                                         [](const WordRef& a, const WordRef& b) { return a.credit < b.credit; });
      word.weight = index.weight[static_cast<std::size_t>(best->id)];
    }
    word.refs = std::move(refs);
    if (!token.numeric && !stop && !level_words().count(token.bare)) label.meaningful = true;
    label.total += word.weight;
    label.words.push_back(std::move(word));
  };
  std::vector<std::pair<NormalToken, NormalToken>> halves_kept;  // keeps split words alive for `seen`
  halves_kept.reserve(tokens.size());
  for (const auto& token : tokens) {
    auto refs = lookup_word(index, token);
    // A typing slip is likelier than two glued words: split only what no word is close to.
    if (refs.empty()) {
      if (auto halves = split_glued(index, token)) {
        halves_kept.push_back(std::move(*halves));
        add(halves_kept.back().first, lookup_word(index, halves_kept.back().first));
        add(halves_kept.back().second, lookup_word(index, halves_kept.back().second));
        continue;
      }
    }
    add(token, std::move(refs));
  }
  label.credit.assign(index.words.size(), 0.0);
  for (const auto& word : label.words)
    for (const auto& ref : word.refs) {
      auto& credit = label.credit[static_cast<std::size_t>(ref.id)];
      credit = std::max(credit, ref.credit);
    }
  return label;
}

// F-measure leaning to precision: a label that is a shortened official name (all its words in the
// entry) fits better than one that names the entry plus words the entry never uses.
double fit_score(double precision, double recall) {
  constexpr double beta2 = kRecallWeight * kRecallWeight;
  const double denominator = beta2 * precision + recall;
  return denominator > 0.0 ? (1.0 + beta2) * precision * recall / denominator : 0.0;
}

struct EntryFit {
  double score = 0.0;      // the F-measure, best over the entry's name and aliases
  double precision = 0.0;  // the share of the label's words the entry uses (1: a shortened name)
};

// Scores every entry at once through the word → texts postings, so the cost follows the label's
// words, not the size of the catalogue. Returns entry index → its fit.
std::vector<EntryFit> entry_scores(const Index& index, const LabelWords& label) {
  std::vector<EntryFit> scores(index.entry_texts.size());
  if (label.total <= 0.0) return scores;
  const std::size_t text_count = index.texts.size();
  std::vector<double> precision(text_count, 0.0);
  std::vector<double> recall(text_count, 0.0);
  std::vector<double> best_for_word(text_count, 0.0);
  std::vector<std::uint32_t> touched;
  for (const auto& word : label.words) {
    touched.clear();
    for (const auto& ref : word.refs)
      for (const auto text : index.postings[static_cast<std::size_t>(ref.id)]) {
        if (best_for_word[text] == 0.0) touched.push_back(text);
        best_for_word[text] = std::max(best_for_word[text], ref.credit);
      }
    for (const auto text : touched) {
      precision[text] += word.weight * best_for_word[text];
      best_for_word[text] = 0.0;
    }
  }
  for (std::size_t id = 0; id < label.credit.size(); ++id) {
    const double credit = label.credit[id];
    if (credit <= 0.0) continue;
    for (const auto text : index.postings[id]) recall[text] += index.weight[id] * credit;
  }
  for (std::size_t t = 0; t < text_count; ++t) {
    if (precision[t] <= 0.0) continue;
    const auto& text = index.texts[t];
    const double share = precision[t] / label.total;
    const double score = fit_score(share, std::min(1.0, recall[t] / text.total));
    auto& fit = scores[text.entry];
    fit.score = std::max(fit.score, score);
    fit.precision = std::max(fit.precision, share);
  }
  return scores;
}

bool level_fits(NumberedLevel level, EntryLevel entry_level) {
  switch (level) {
    case NumberedLevel::project: return entry_level == EntryLevel::project;
    case NumberedLevel::subproject: return entry_level == EntryLevel::subproject;
    case NumberedLevel::content: return entry_level == EntryLevel::content || entry_level == EntryLevel::component;
    case NumberedLevel::component: return entry_level == EntryLevel::component;
    case NumberedLevel::criterion: return entry_level == EntryLevel::criterion;
  }
  return false;
}

// Whether an entry carries the numbers a label names: "Dự án 4 - Tiểu dự án 1; Nội dung 1" fits
// dtts.4.1.nd1 (content 1 under sub-project 1 under project 4).
bool numbers_fit(const Index& index, const CatalogueEntry& entry, const LabelNumbers& numbers) {
  const auto deepest = numbers.deepest();
  if (!deepest || !level_fits(deepest->first, entry.level) || entry.number() != deepest->second) return false;
  bool project_seen = entry.level == EntryLevel::project || entry.level == EntryLevel::component;
  bool subproject_seen = entry.level == EntryLevel::subproject;
  for (const CatalogueEntry* up = index.find(entry.parent); up != nullptr; up = index.find(up->parent)) {
    if (up->level == EntryLevel::project || up->level == EntryLevel::component) {
      project_seen = true;
      if (numbers.project && deepest->first != NumberedLevel::project && up->number() != numbers.project) return false;
    }
    if (up->level == EntryLevel::subproject) {
      subproject_seen = true;
      if (numbers.subproject && deepest->first != NumberedLevel::subproject && up->number() != numbers.subproject) return false;
    }
  }
  if (numbers.project && !project_seen) return false;
  if (numbers.subproject && deepest->first != NumberedLevel::subproject && !subproject_seen) return false;
  return true;
}

bool kind_fits(RowKind kind, EntryLevel level) {
  switch (kind) {
    case RowKind::program: return level == EntryLevel::program;
    case RowKind::project: return level == EntryLevel::project || level == EntryLevel::component || level == EntryLevel::criterion;
    case RowKind::subproject: return level == EntryLevel::subproject;
    case RowKind::content: return level == EntryLevel::content || level == EntryLevel::criterion;
    default: return false;
  }
}

struct Scored {
  std::size_t entry;
  double score;
};

bool related(const std::string& a, const std::string& b) { return Catalogue::is_below(a, b) || Catalogue::is_below(b, a); }

// What the label alone says: an entry (with a confidence), or rivals it cannot choose between.
struct LabelVerdict {
  std::optional<std::size_t> target;
  double confidence = 0.0;
  std::string via;
  std::vector<MatchCandidate> rivals;
  std::string reason;
  bool words_disagree = false;  // the label's number names the target but its words do not fit it
};

// One call of RowMatcher::match(): reads the row, weighs the STT and the label, then decides.
class Matching {
 public:
  Matching(const Index& index, const RowQuery& query)
      : index_(index), query_(query), entries_(index.catalogue->entries()) {}

  RowMatch run() {
    read_row();
    if (query_.kind == RowKind::grand_total || is_total_label(words_) ||
        (words_.empty() && is_total_label(normalize_words(stt_source_))))
      return finish(MatchStatus::total, "grand total row");
    if (words_.empty() && trimmed(stt_source_).empty()) return finish(MatchStatus::blank, "no STT and no label");
    read_label();
    read_stt();
    score_entries();
    judge_label();
    look_outside_scope();
    if (auto mapped = decide_with_label()) return *mapped;
    if (auto mapped = decide_by_stt()) return *mapped;
    explain_unmapped();
    if (result_.status == MatchStatus::mapped) return result_;
    return finish(result_.status, result_.reason);
  }

 private:
  // --- Reading the row ----------------------------------------------------------------------

  void read_row() {
    label_ = std::string(query_.label);
    const auto legacy = detect_legacy_encoding(label_);
    result_.legacy = legacy.encoding;
    if (legacy.encoding != LegacyEncoding::none) label_ = legacy_to_unicode(label_, legacy.encoding);
    // A table whose STT column is empty may carry the number in the label: "V.1. Tiểu dự án 1: ...".
    stt_source_ = std::string(query_.stt);
    if (trimmed(stt_source_).empty()) {
      if (auto split = split_leading_stt(label_)) {
        stt_source_ = std::move(split->first);
        label_ = std::move(split->second);
      }
    }
    stt_text_ = trimmed(stt_source_);
    words_ = normalize_words(label_);
    stt_ = parse_stt(stt_source_);
  }

  void read_label() {
    program_hint_ = query_.kind == RowKind::program || stt_.form == SttForm::letter ||
                    (words_.size() >= 2 && words_[0].bare == "chuong" && words_[1].bare == "trinh");
    numbers_ = take_label_numbers(words_);
    label_words_ = read_label_words(index_, words_);
    has_text_ = label_words_.meaningful;
    parent_ = std::string(query_.parent_key);
    parent_entry_ = index_.find(parent_);
    program_ = parent_entry_ ? first_segment(parent_) : std::string();
  }

  // What the STT says: official numbering ("V.1" under any row of dtts → dtts.5.1, "7" under a
  // criteria set) is strong; local numbering that often follows the official one is weak.
  void read_stt() {
    if (program_.empty()) return;
    const auto at = [&](const std::string& key) { return index_.find(key); };
    switch (stt_.form) {
      case SttForm::roman:
        if (auto found = at(program_ + "." + std::to_string(stt_.numbers[0]));
            found && (found->level == EntryLevel::project || found->level == EntryLevel::component))
          stt_strong_ = found;
        break;
      case SttForm::roman_sub:
        if (stt_.numbers.size() == 2)
          stt_strong_ = at(program_ + "." + std::to_string(stt_.numbers[0]) + "." + std::to_string(stt_.numbers[1]));
        break;
      case SttForm::arabic: {
        const auto n = std::to_string(stt_.numbers[0]);
        if (parent_entry_->level == EntryLevel::criteria_set) stt_strong_ = at(parent_ + "." + n);
        else if (parent_entry_->level == EntryLevel::criterion) stt_strong_ = at(parent_entry_->parent + "." + n);
        else if (parent_entry_->level == EntryLevel::program) stt_weak_ = at(parent_ + "." + n);
        else stt_weak_ = at(parent_ + ".nd" + n);
        break;
      }
      case SttForm::arabic_sub:
        if (parent_entry_->level == EntryLevel::program && stt_.numbers.size() == 2)
          stt_weak_ = at(parent_ + "." + std::to_string(stt_.numbers[0]) + "." + std::to_string(stt_.numbers[1]));
        break;
      default: break;
    }
    if (stt_strong_) stt_entry_ = index_.entry_of_key.at(stt_strong_->key);
  }

  // --- Scoring the catalogue ----------------------------------------------------------------

  void score_entries() {
    fits_ = has_text_ ? entry_scores(index_, label_words_) : std::vector<EntryFit>(entries_.size());
    score_by_entry_.assign(entries_.size(), 0.0);
    for (std::size_t e = 0; e < entries_.size(); ++e) {
      const auto& entry = entries_[e];
      const double score = fits_[e].score;
      if (in_scope(entry)) {
        if (numbers_.any() && numbers_fit(index_, entry, numbers_)) by_number_.push_back(e);
        // A row-kind hint settles a near tie between an entry and its own parent or child.
        if (score > 0.0) scored_.push_back({e, std::min(1.0, score + kind_bonus(e))});
      } else if (score >= kAcceptScore) {
        outside_.push_back({e, score});
      }
    }
    const auto by_score = [](const Scored& a, const Scored& b) { return a.score > b.score; };
    std::stable_sort(scored_.begin(), scored_.end(), by_score);
    std::stable_sort(outside_.begin(), outside_.end(), by_score);
    for (const auto& item : scored_) score_by_entry_[item.entry] = item.score;
    // A program row (letter STT, "Chương trình ..." label) is one of the programs: their parts
    // share its words but are never it.
    if (program_hint_ && !numbers_.any()) {
      std::vector<Scored> programs;
      for (const auto& item : scored_)
        if (entries_[item.entry].level == EntryLevel::program) programs.push_back(item);
      if (!programs.empty() && programs.front().score >= kAmbiguousScore) scored_ = std::move(programs);
    }
  }

  bool in_scope(const CatalogueEntry& entry) const {
    return parent_entry_ == nullptr || Catalogue::is_below(entry.key, parent_);
  }
  double kind_bonus(std::size_t e) const {
    return has_text_ && query_.kind && kind_fits(*query_.kind, entries_[e].level) ? 0.04 : 0.0;
  }
  const std::string& key_of(std::size_t e) const { return entries_[e].key; }
  double score_of(std::size_t e) const { return score_by_entry_[e]; }
  // A label whose words all belong to the entry ("Tiểu dự án 1: Đổi mới hoạt động", a shortened
  // name) agrees with it, however short it is.
  bool words_belong_to(std::size_t e) const { return has_text_ && fits_[e].precision >= kWordsBelong; }

  // The best score among the other entries. The parent or child of the best entry shares most of
  // its words; it only competes when the level hints (row kind, "Tiểu dự án" prefix) do not tell
  // them apart.
  double runner_up(std::size_t best, const std::vector<Scored>& list) const {
    double second = 0.0;
    for (const auto& item : list) {
      if (item.entry == best) continue;
      double score = item.score;
      if (related(key_of(item.entry), key_of(best))) {
        const bool hinted = (query_.kind && kind_fits(*query_.kind, entries_[best].level)) ||
                            (numbers_.deepest() && level_fits(numbers_.deepest()->first, entries_[best].level));
        if (hinted) score -= 0.15;
      }
      second = std::max(second, score);
    }
    return second;
  }

  // Confidence from the label's words alone: the fit itself, discounted when a rival is close.
  // Under a known parent only its few children compete, so a looser fit is enough.
  double text_confidence(double best, double second) const {
    const double lead = std::clamp((best - second) / kClearMargin, 0.0, 1.0);
    const double fit = parent_entry_ ? 0.25 + 0.75 * best : 0.1 + 0.85 * best;
    return std::min(0.97, fit * (0.6 + 0.4 * lead));
  }

  // An entry also fits through its parts: "Tiểu dự án 3: <the words of one of its contents>".
  double fit_with_parts(std::size_t e) const {
    double best = score_of(e);
    for (const auto& item : scored_)
      if (Catalogue::is_below(key_of(item.entry), key_of(e))) best = std::max(best, item.score * 0.8);
    return best;
  }

  // --- What the label says ------------------------------------------------------------------

  void judge_label() {
    if (!by_number_.empty()) judge_numbered_label();
    else if (has_text_ && !scored_.empty()) judge_words();
  }

  // The label names numbers ("Tiểu dự án 3"): the entries they fit, then the words decide.
  void judge_numbered_label() {
    std::stable_sort(by_number_.begin(), by_number_.end(),
                     [&](std::size_t a, std::size_t b) { return fit_with_parts(a) > fit_with_parts(b); });
    const std::size_t numbered = by_number_.front();
    const double numbered_score = score_of(numbered);
    const double other_numbered = by_number_.size() > 1 ? fit_with_parts(by_number_[1]) : 0.0;
    const std::optional<Scored> best_text = scored_.empty() ? std::nullopt : std::optional<Scored>(scored_.front());
    const bool best_is_part = best_text && Catalogue::is_below(key_of(best_text->entry), key_of(numbered));
    const bool words_fit_a_part = has_text_ && best_is_part && numbered_score < kNumberNeedsWords &&
                                  best_text->score >= kAcceptScore;
    const bool text_elsewhere = has_text_ && best_text && best_text->entry != numbered && !best_is_part &&
                                best_text->score >= kAcceptScore &&
                                best_text->score - numbered_score >= kTextOverrulesNumber;
    const bool same_number_other_level =
        text_elsewhere && entries_[best_text->entry].number() == numbers_.deepest()->second && best_text->score >= 0.8;
    if (same_number_other_level) {
      // "Dự án 3: <the words of Tiểu dự án 3>": the level word slipped, the number and words agree.
      verdict_.target = best_text->entry;
      verdict_.via = "label";
      verdict_.confidence = text_confidence(best_text->score, runner_up(best_text->entry, scored_));
      verdict_.reason = "the label's words fit " + key_of(best_text->entry) + ", which carries its number";
    } else if (words_fit_a_part && (by_number_.size() == 1 || fit_with_parts(numbered) - other_numbered >= 0.1)) {
      // "Tiểu dự án 3: <the words of one of its contents>": the number names the entry, the words
      // say what it does. Consistent, but less sure than words that fit the entry itself.
      verdict_.target = numbered;
      verdict_.via = "label-number";
      verdict_.confidence = parent_entry_ ? 0.8 : 0.75;
      verdict_.reason = "the label names " + key_of(numbered) + " by its number and its words fit its part " +
                        key_of(best_text->entry);
    } else if (text_elsewhere) {
      verdict_.rivals = {{key_of(numbered), numbered_score, "label-number"},
                         {key_of(best_text->entry), best_text->score, "label"}};
      verdict_.reason = "the label's number names " + key_of(numbered) + " but its words fit " + key_of(best_text->entry);
    } else if (by_number_.size() > 1 && numbered_score - other_numbered < 0.1) {
      for (std::size_t i = 0; i < by_number_.size() && i < 4; ++i)
        verdict_.rivals.push_back({key_of(by_number_[i]), score_of(by_number_[i]), "label-number"});
      verdict_.reason = "the label's number fits several entries";
    } else {
      verdict_.target = numbered;
      verdict_.via = "label-number";
      if (!has_text_) {
        verdict_.confidence = parent_entry_ ? 0.9 : 0.0;
        verdict_.reason = "the label names " + key_of(numbered) + " by its number";
        return;
      }
      const double fit = std::max(numbered_score, best_is_part ? best_text->score * 0.8 : 0.0);
      if (fit < kNumberNeedsWords && !words_belong_to(numbered)) {
        // "Dự án 6: <words of something else>": the number alone is not trusted against the words.
        verdict_.confidence = 0.5;
        verdict_.words_disagree = true;
        verdict_.reason = "the label names " + key_of(numbered) + " by its number but its words do not fit it";
        return;
      }
      verdict_.confidence = std::min(0.98, 0.82 + 0.16 * fit);
      // Without a parent the number alone places nothing, unless one entry in the whole catalogue
      // carries it ("Nội dung 8" is only ntm.8).
      if (!parent_entry_ && by_number_.size() > 1)
        verdict_.confidence = std::min(verdict_.confidence, text_confidence(fit, other_numbered) + 0.1);
      else if (!parent_entry_)
        verdict_.confidence = fit >= 0.4 ? std::min(verdict_.confidence, 0.7 + 0.25 * fit) : 0.6;
      verdict_.reason = "the label names " + key_of(numbered) + " by its number and its words fit (" + format_score(fit) + ")";
    }
  }

  // No numbers: the words alone, with a clear lead over the runner-up.
  void judge_words() {
    const auto& best = scored_.front();
    const double second = runner_up(best.entry, scored_);
    const double confidence = text_confidence(best.score, second);
    if (best.score >= kAcceptScore && confidence >= RowMatcher::kMinConfidence) {
      verdict_.target = best.entry;
      verdict_.via = "label";
      verdict_.confidence = confidence;
      verdict_.reason = "the label fits " + key_of(best.entry) + " (" + format_score(best.score) + ")";
    } else if (best.score >= kAmbiguousScore && second >= best.score - 0.12) {
      for (const auto& item : scored_) {
        if (verdict_.rivals.size() >= 4 || item.score < best.score - 0.12) break;
        verdict_.rivals.push_back({key_of(item.entry), item.score, "label"});
      }
      if (verdict_.rivals.size() < 2) verdict_.rivals.clear();
      else verdict_.reason = "the label fits several entries about equally";
    }
  }

  // A label that clearly names an entry outside the parent's part of the tree.
  void look_outside_scope() {
    if (!parent_entry_ || !has_text_ || verdict_.target || outside_.empty()) return;
    const auto& best = outside_.front();
    const double second = std::max(runner_up(best.entry, outside_), scored_.empty() ? 0.0 : scored_.front().score);
    if (text_confidence(best.score, second) >= RowMatcher::kMinConfidence) elsewhere_ = best;
  }

  // --- STT and label together ---------------------------------------------------------------

  MatchCandidate candidate(const CatalogueEntry& entry, double score, std::string via) const {
    return MatchCandidate{entry.key, score, std::move(via)};
  }
  MatchCandidate stt_candidate() const { return candidate(*stt_strong_, score_of(stt_entry_), "stt"); }

  RowMatch map_to(const std::string& key, double confidence, std::string reason, std::vector<MatchCandidate> evidence) {
    result_.status = MatchStatus::mapped;
    result_.key = key;
    result_.confidence = std::round(confidence * 100.0) / 100.0;
    result_.reason = std::move(reason);
    result_.candidates = std::move(evidence);
    for (auto& item : result_.candidates) item.score = std::round(item.score * 100.0) / 100.0;
    return result_;
  }

  // The label names an entry: it agrees with the STT, is a part of what the STT names, or conflicts.
  std::optional<RowMatch> decide_with_label() {
    if (!verdict_.target || verdict_.words_disagree) return std::nullopt;
    const auto& target = entries_[*verdict_.target];
    const double target_score = score_of(*verdict_.target);
    if (stt_strong_) {
      if (stt_strong_->key == target.key)
        return map_to(target.key, std::max(verdict_.confidence, has_text_ ? 0.99 : 0.95),
                      "STT " + stt_text_ + " and the label agree", {candidate(target, target_score, "stt+label")});
      const double stt_fit = score_of(stt_entry_);
      const bool part_of_stt = Catalogue::is_below(target.key, stt_strong_->key);
      if (part_of_stt && verdict_.via == "label" && (stt_fit >= 0.5 || !has_text_))
        return map_to(stt_strong_->key, std::min(0.95, 0.7 + 0.25 * stt_fit),
                      "STT " + stt_text_ + " points to it and the label fits it (" + format_score(stt_fit) +
                          ") and its part " + target.key,
                      {candidate(*stt_strong_, stt_fit, "stt+label"), candidate(target, target_score, "label")});
      if (part_of_stt && verdict_.via == "label-number")
        return map_to(target.key, std::min(0.95, std::max(verdict_.confidence, 0.85)),
                      "the label names " + target.key + ", a part of " + stt_strong_->key + " the STT points to",
                      {candidate(target, target_score, verdict_.via), stt_candidate()});
      result_.status = MatchStatus::conflict;
      result_.reason = "STT " + stt_text_ + " points to " + stt_strong_->key + " but the label names " + target.key;
      result_.candidates = {stt_candidate(), candidate(target, target_score, verdict_.via)};
      return finish(MatchStatus::conflict, result_.reason);
    }
    double confidence = verdict_.confidence;
    std::string reason = verdict_.reason;
    if (stt_weak_ && stt_weak_->key == target.key) {
      confidence = std::min(0.98, confidence + 0.03);
      reason += "; STT " + stt_text_ + " agrees";
    }
    if (confidence >= RowMatcher::kMinConfidence)
      return map_to(target.key, confidence, reason, {candidate(target, target_score, verdict_.via)});
    return std::nullopt;
  }

  // The label alone named nothing: the STT may, if the label does not speak against it.
  std::optional<RowMatch> decide_by_stt() {
    if (!stt_strong_) return std::nullopt;
    const double fit = score_of(stt_entry_);
    const double best_other = scored_.empty() || scored_.front().entry == stt_entry_ ? 0.0 : scored_.front().score;
    const bool rival_listed = std::any_of(verdict_.rivals.begin(), verdict_.rivals.end(),
                                          [&](const MatchCandidate& c) { return c.key == stt_strong_->key; });
    if (!has_text_ && !numbers_.any())
      return map_to(stt_strong_->key, 0.8, "only the STT " + stt_text_ + " names it: the label has no words to compare",
                    {candidate(*stt_strong_, 0.0, "stt")});
    if (rival_listed)
      return map_to(stt_strong_->key, 0.85, "STT " + stt_text_ + " settles between entries the label fits equally",
                    {candidate(*stt_strong_, fit, "stt+label")});
    if (has_text_ && ((fit >= 0.3 && fit >= best_other - 0.1) || words_belong_to(stt_entry_)))
      return map_to(stt_strong_->key, std::min(0.95, 0.72 + 0.25 * fit),
                    "STT " + stt_text_ + " points to it and the label fits it loosely (" + format_score(fit) + ")",
                    {candidate(*stt_strong_, fit, "stt+label")});
    if (elsewhere_ && key_of(elsewhere_->entry) == stt_strong_->key)
      return map_to(stt_strong_->key, 0.9, "STT " + stt_text_ + " and the label agree",
                    {candidate(*stt_strong_, elsewhere_->score, "stt+label")});
    return std::nullopt;
  }

  // Not mapped: say why, with the evidence.
  void explain_unmapped() {
    if (verdict_.target && verdict_.rivals.empty() && !elsewhere_) {
      const std::string& key = key_of(*verdict_.target);
      const bool stt_agrees = stt_strong_ && stt_strong_->key == key;
      result_.status = MatchStatus::unmapped;
      if (verdict_.words_disagree)
        result_.reason = (stt_agrees ? "STT " + stt_text_ + " and the label's number name " : std::string("the label's number names ")) +
                         key + " but its words do not fit it";
      else if (verdict_.confidence > 0.0)
        result_.reason = "the label fits " + key + " too loosely";
      else
        result_.reason = "the label names " + key + " only by its number and no parent row places it";
      if (stt_strong_ && !stt_agrees) result_.candidates.push_back(stt_candidate());
      result_.candidates.push_back({key, score_of(*verdict_.target), stt_agrees ? "stt" : verdict_.via});
    } else if (!verdict_.rivals.empty()) {
      result_.status = MatchStatus::ambiguous;
      result_.reason = verdict_.reason;
      result_.candidates = verdict_.rivals;
      if (stt_strong_) result_.candidates.insert(result_.candidates.begin(), stt_candidate());
    } else if (elsewhere_) {
      const auto& entry = entries_[elsewhere_->entry];
      if (entry.level == EntryLevel::program && !stt_strong_) {  // a program row under the wrong context
        map_to(entry.key, text_confidence(elsewhere_->score, 0.0),
               "the label fits " + entry.key + " (" + format_score(elsewhere_->score) + ")",
               {candidate(entry, elsewhere_->score, "label")});
        return;
      }
      result_.status = stt_strong_ ? MatchStatus::conflict : MatchStatus::ambiguous;
      result_.reason = "the label fits " + entry.key + ", which is not under " + parent_;
      if (stt_strong_) {
        result_.reason = "STT " + stt_text_ + " points to " + stt_strong_->key + " but the label names " + entry.key;
        result_.candidates.push_back(stt_candidate());
      }
      result_.candidates.push_back(candidate(entry, elsewhere_->score, "label"));
    } else {
      result_.status = MatchStatus::unmapped;
      if (stt_strong_) {
        result_.reason = "STT " + stt_text_ + " points to " + stt_strong_->key + " but the label does not fit it";
        result_.candidates.push_back(stt_candidate());
      } else if (!scored_.empty() && scored_.front().score >= 0.3) {
        result_.reason = "no entry fits the label well enough (best " + key_of(scored_.front().entry) + ", " +
                         format_score(scored_.front().score) + ")";
        result_.candidates.push_back({key_of(scored_.front().entry), scored_.front().score, "label"});
      } else if (numbers_.any() && by_number_.empty()) {
        result_.reason = "no entry carries the number the label names" + (parent_.empty() ? std::string() : " under " + parent_);
      } else {
        result_.reason = "no catalogue entry fits the label";
      }
    }
  }

  // Sets the final status; a bullet, công trình or caption row that fits nothing in its part of
  // the tree is a detail row, not a finding.
  RowMatch finish(MatchStatus status, std::string reason) {
    result_.status = status;
    result_.reason = std::move(reason);
    result_.key.clear();
    result_.confidence = 0.0;
    const bool rivals_in_scope = status == MatchStatus::ambiguous && !verdict_.rivals.empty();
    if ((status == MatchStatus::unmapped || (status == MatchStatus::ambiguous && !rivals_in_scope)) &&
        (query_.kind == RowKind::item || query_.kind == RowKind::other)) {
      result_.status = MatchStatus::detail;
      result_.reason = "a row below or beside the catalogue: " + result_.reason;
    }
    for (auto& item : result_.candidates) item.score = std::round(item.score * 100.0) / 100.0;
    return result_;
  }

  const Index& index_;
  const RowQuery& query_;
  const std::vector<CatalogueEntry>& entries_;
  RowMatch result_;

  std::string label_;        // the label as matched: decoded from TCVN3/VNI, without a typed-in STT
  std::string stt_source_;   // the STT as given, or as found at the start of the label
  std::string stt_text_;     // the same, trimmed, for reasons
  std::vector<NormalToken> words_;
  SttParts stt_;
  bool program_hint_ = false;
  LabelNumbers numbers_;
  LabelWords label_words_;
  bool has_text_ = false;
  std::string parent_;
  const CatalogueEntry* parent_entry_ = nullptr;
  std::string program_;

  const CatalogueEntry* stt_strong_ = nullptr;  // official numbering: "V.1" under dtts → dtts.5.1
  const CatalogueEntry* stt_weak_ = nullptr;    // local numbering that often follows the official one
  std::size_t stt_entry_ = 0;                   // index of stt_strong_

  std::vector<EntryFit> fits_;           // every entry's fit, in catalogue order
  std::vector<double> score_by_entry_;   // in scope, kind bonus included; 0 elsewhere
  std::vector<Scored> scored_;           // entries in scope with some score, best first
  std::vector<Scored> outside_;          // entries outside the parent's scope that fit well
  std::vector<std::size_t> by_number_;   // entries in scope whose numbering fits the label's numbers
  LabelVerdict verdict_;
  std::optional<Scored> elsewhere_;
};

}  // namespace

// ---------------------------------------------------------------------------------------------

const char* match_status_id(MatchStatus status) {
  switch (status) {
    case MatchStatus::mapped: return "mapped";
    case MatchStatus::unmapped: return "unmapped";
    case MatchStatus::ambiguous: return "ambiguous";
    case MatchStatus::conflict: return "conflict";
    case MatchStatus::total: return "total";
    case MatchStatus::detail: return "detail";
    case MatchStatus::blank: return "blank";
  }
  return "unmapped";
}

RowMatcher::RowMatcher(const Catalogue& catalogue) : index_(std::make_unique<Index>()) {
  auto& index = *index_;
  index.catalogue = &catalogue;
  const auto& entries = catalogue.entries();
  index.entry_texts.resize(entries.size());
  std::vector<std::set<int>> ids_of_entry(entries.size());
  std::vector<bool> numeric;
  for (std::size_t e = 0; e < entries.size(); ++e) {
    index.entry_of_key.emplace(entries[e].key, e);
    std::vector<std::string> sources = {entries[e].name};
    sources.insert(sources.end(), entries[e].aliases.begin(), entries[e].aliases.end());
    for (const auto& source : sources) {
      auto words = normalize_words(source);
      take_label_numbers(words);  // an alias may keep its "Dự án 5:" prefix
      Index::Text text;
      text.entry = e;
      for (const auto& word : words) {
        auto [it, inserted] = index.vocabulary.emplace(word.bare, static_cast<int>(index.words.size()));
        if (inserted) {
          index.words.push_back(word.bare);
          index.accents.emplace_back();
          numeric.push_back(word.numeric);
        }
        auto& spellings = index.accents[static_cast<std::size_t>(it->second)];
        if (std::find(spellings.begin(), spellings.end(), word.text) == spellings.end()) spellings.push_back(word.text);
        text.ids.push_back(it->second);
        ids_of_entry[e].insert(it->second);
      }
      std::sort(text.ids.begin(), text.ids.end());
      text.ids.erase(std::unique(text.ids.begin(), text.ids.end()), text.ids.end());
      if (text.ids.empty()) continue;
      index.entry_texts[e].push_back(index.texts.size());
      index.texts.push_back(std::move(text));
    }
  }
  // Rare words name an entry; words every entry shares ("dân tộc", "chương trình") hardly do.
  std::vector<int> document_frequency(index.words.size(), 0);
  for (const auto& ids : ids_of_entry)
    for (const int id : ids) ++document_frequency[static_cast<std::size_t>(id)];
  const double count = static_cast<double>(std::max<std::size_t>(entries.size(), 1));
  index.weight.resize(index.words.size());
  double max_idf = 1.0;
  for (std::size_t id = 0; id < index.words.size(); ++id) {
    const double idf = std::log(1.0 + count / std::max(1, document_frequency[id]));
    max_idf = std::max(max_idf, idf);
    index.weight[id] = stop_words().count(index.words[id])      ? kStopWeight
                       : generic_words().count(index.words[id]) ? kGenericWeight
                       : numeric[id]                            ? idf * kNumericFactor
                                                                : idf;
  }
  index.unknown_weight = max_idf * kUnknownFactor;
  for (std::size_t id = 0; id < index.words.size(); ++id) {
    const auto length = index.words[id].size();
    if (length >= index.words_by_length.size()) index.words_by_length.resize(length + 1);
    index.words_by_length[length].push_back(static_cast<int>(id));
  }
  index.postings.resize(index.words.size());
  for (std::size_t t = 0; t < index.texts.size(); ++t) {
    auto& text = index.texts[t];
    for (const int id : text.ids) {
      text.total += index.weight[static_cast<std::size_t>(id)];
      index.postings[static_cast<std::size_t>(id)].push_back(static_cast<std::uint32_t>(t));
    }
  }
}

RowMatcher::~RowMatcher() = default;
RowMatcher::RowMatcher(RowMatcher&&) noexcept = default;
RowMatcher& RowMatcher::operator=(RowMatcher&&) noexcept = default;

const Catalogue& RowMatcher::catalogue() const { return *index_->catalogue; }

bool label_names_level(std::string_view label) {
  auto words = normalize_words(label);
  return take_label_numbers(words).any();
}

std::optional<std::string> RowMatcher::program_named_in(std::string_view text) const {
  const Index& index = *index_;
  auto words = normalize_words(text);
  std::set<int> present;
  for (const auto& word : words)
    if (const auto found = index.vocabulary.find(word.bare); found != index.vocabulary.end()) present.insert(found->second);
  // Recall only: a title holds the program's name among other words ("tình hình thực hiện ... năm 2025").
  const auto covered = [&](const Index::Text& text_entry) {
    double found = 0.0;
    double total = 0.0;
    for (const int id : text_entry.ids) {
      const double weight = index.weight[static_cast<std::size_t>(id)];
      if (weight <= kGenericWeight || index.words[static_cast<std::size_t>(id)].find_first_not_of("0123456789") == std::string::npos)
        continue;  // boilerplate and years say nothing about which program
      total += weight;
      if (present.count(id)) found += weight;
    }
    return total > 0.0 ? found / total : 0.0;
  };
  std::string best_key;
  double best = 0.0;
  double second = 0.0;
  for (std::size_t e = 0; e < index.entry_texts.size(); ++e) {
    const auto& entry = index.entry(e);
    if (entry.level != EntryLevel::program) continue;
    double score = 0.0;
    for (const auto t : index.entry_texts[e]) score = std::max(score, covered(index.texts[t]));
    if (score > best) {
      second = best;
      best = score;
      best_key = entry.key;
    } else {
      second = std::max(second, score);
    }
  }
  if (best >= 0.95 && second <= best - 0.2) return best_key;
  return std::nullopt;
}

RowMatch RowMatcher::match(const RowQuery& query) const { return Matching(*index_, query).run(); }

}  // namespace phuluc
