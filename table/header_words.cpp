#include "table/header_words.hpp"

#include <initializer_list>

namespace phuluc {
namespace {

bool is_word_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || static_cast<unsigned char>(c) >= 0x80;
}

bool any_words(std::string_view folded, std::initializer_list<std::string_view> phrases) {
  for (std::string_view phrase : phrases)
    if (has_words(folded, phrase)) return true;
  return false;
}

bool any_start(std::string_view folded, std::initializer_list<std::string_view> phrases) {
  for (std::string_view phrase : phrases)
    if (starts_with_words(folded, phrase)) return true;
  return false;
}

bool any_prefix(std::string_view folded, std::initializer_list<std::string_view> prefixes) {
  for (std::string_view prefix : prefixes)
    if (folded.substr(0, prefix.size()) == prefix) return true;
  return false;
}

// The text without surrounding punctuation that does not change its meaning: "STT." → "stt".
std::string_view strip_punctuation(std::string_view folded) {
  const auto is_punct = [](char c) { return c == '.' || c == ':' || c == '(' || c == ')' || c == ' ' || c == '*'; };
  while (!folded.empty() && is_punct(folded.front())) folded.remove_prefix(1);
  while (!folded.empty() && is_punct(folded.back())) folded.remove_suffix(1);
  return folded;
}

}  // namespace

bool has_words(std::string_view folded, std::string_view phrase) {
  if (phrase.empty()) return false;
  for (std::size_t pos = folded.find(phrase); pos != std::string_view::npos; pos = folded.find(phrase, pos + 1)) {
    const bool starts = pos == 0 || !is_word_char(folded[pos - 1]);
    const std::size_t end = pos + phrase.size();
    const bool ends = end == folded.size() || !is_word_char(folded[end]);
    if (starts && ends) return true;
  }
  return false;
}

bool starts_with_words(std::string_view folded, std::string_view phrase) {
  if (folded.substr(0, phrase.size()) != phrase) return false;
  return folded.size() == phrase.size() || !is_word_char(folded[phrase.size()]);
}

bool is_stt_header(std::string_view folded) {
  const std::string_view core = strip_punctuation(folded);
  return core == "stt" || core == "tt" || core == "so tt" || core == "so thu tu" || core == "s tt";
}

int label_header_strength(std::string_view folded) {
  const std::string_view core = strip_punctuation(folded);
  if (any_start(core, {"noi dung", "ten", "loai van ban", "danh muc", "hang muc", "dien giai", "chuong trinh, du an",
                       "chuong trinh/du an", "du an, cong trinh", "cong trinh, du an"}))
    return 2;
  if (starts_with_words(core, "chi tieu")) return 1;
  return 0;
}

bool is_note_header(std::string_view folded) { return starts_with_words(strip_punctuation(folded), "ghi chu"); }

bool is_rate_header(std::string_view folded) {
  const std::string_view core = strip_punctuation(folded);
  return has_words(folded, "ty le") || core == "%" || folded.find("(%)") != std::string_view::npos;
}

Measure measure_of_header(std::string_view folded) {
  if (has_words(folded, "uoc")) return Measure::estimate;
  if (any_words(folded, {"giai ngan", "thuc hien", "thanh toan", "luy ke"})) return Measure::disbursed;
  if (any_words(folded, {"ke hoach", "kh", "du toan"})) return Measure::plan;
  if (any_words(folded, {"kinh phi", "so tien", "von", "tong muc dau tu", "gia tri"})) return Measure::other;
  return Measure::none;
}

Split split_of_header(std::string_view folded) {
  const std::string_view core = strip_punctuation(folded);
  if (any_words(core, {"nstw", "ngan sach trung uong", "trung uong", "ns tw", "ns trung uong"}) || core == "tw")
    return Split::central;
  if (any_words(core, {"nsdp", "ngan sach dia phuong", "dia phuong", "ns dp", "ns dia phuong", "ngan sach tinh",
                       "ngan sach xa", "ns tinh", "ns xa"}) ||
      core == "dp")
    return Split::local;
  if (any_start(core, {"tong so", "tong cong", "tong von"}) || core == "tong" || core == "cong") return Split::total;
  return Split::none;
}

bool is_header_word(std::string_view folded) {
  if (is_stt_header(folded) || label_header_strength(folded) > 0 || is_note_header(folded) || is_rate_header(folded))
    return true;
  if (measure_of_header(folded) != Measure::none || split_of_header(folded) != Split::none) return true;
  return any_words(folded, {"trich yeu", "tieu chi", "ket qua", "so, ngay", "so ngay", "ngay ban hanh", "trong do",
                            "don vi", "nam", "ma so", "so luong", "thoi gian", "dia diem", "quy mo",
                            "ngan sach", "dau tu", "su nghiep", "co quan", "tinh hinh", "muc tieu", "danh gia"});
}

bool is_signature_line(std::string_view folded) {
  if (any_prefix(folded, {"tm.", "tm ", "t/m", "kt.", "kt ", "tl.", "ttl.", "q.", "ghi chu:", "ghi chu :", "(ky"}))
    return true;
  return any_start(folded, {"chu tich", "pho chu tich", "nguoi lap", "nguoi lap bieu", "nguoi ky", "noi nhan",
                            "thu truong", "giam doc", "pho giam doc", "ke toan truong", "xac nhan",
                            "truong phong", "chanh van phong"});
}

bool is_date_line(std::string_view folded) {
  if (folded.size() > 90) return false;
  const auto day = folded.find("ngay");
  if (day == std::string_view::npos) return false;
  const auto month = folded.find("thang", day);
  if (month == std::string_view::npos) return false;
  return folded.find("nam", month) != std::string_view::npos;
}

Unit unit_of(std::string_view folded) {
  if (has_words(folded, "ty dong")) return Unit::billion_dong;
  if (any_words(folded, {"trieu dong", "trieu", "trd", "tr.d", "tr.dong"})) return Unit::million_dong;
  if (any_words(folded, {"nghin dong", "ngan dong", "nghin", "ngan d"})) return Unit::thousand_dong;
  if (any_words(folded, {"dong", "vnd"})) return Unit::dong;
  return Unit::unknown;
}

bool is_unit_line(std::string_view folded) {
  std::string_view core = folded;
  while (!core.empty() && (core.front() == '(' || core.front() == ' ')) core.remove_prefix(1);
  return any_start(core, {"dvt", "don vi tinh", "don vi"}) && unit_of(core) != Unit::unknown;
}

bool is_attached_line(std::string_view folded) {
  std::string_view core = folded;
  while (!core.empty() && (core.front() == '(' || core.front() == ' ')) core.remove_prefix(1);
  return starts_with_words(core, "kem theo");
}

bool starts_like_title(std::string_view folded) {
  if (is_unit_line(folded) || is_attached_line(folded)) return true;
  return any_start(folded, {"phu luc", "bieu", "bieu so", "phu bieu", "tong hop", "bao cao", "ket qua", "tinh hinh",
                            "danh muc", "danh sach", "cac co che", "bang tong hop", "thuc hien"});
}

}  // namespace phuluc
