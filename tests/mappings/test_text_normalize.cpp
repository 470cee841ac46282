// Vietnamese text normalization: NFC, case folding, spacing and punctuation, diacritics, abbreviations.
#include <catch2/catch.hpp>

#include "mappings/text_normalize.hpp"

using namespace phuluc;

namespace {

std::vector<std::string> words_of(std::string_view text, bool bare = false) {
  std::vector<std::string> out;
  for (const auto& token : normalize_words(text)) out.push_back(bare ? token.bare : token.text);
  return out;
}

}  // namespace

TEST_CASE("decomposed input becomes NFC", "[mappings][normalize]") {
  // "Tiểu" typed with combining marks (as some Mac and web sources store it)
  const std::string decomposed = "Ti\x65\xCC\x82\xCC\x89u";
  CHECK(to_nfc(decomposed) == "Tiểu");
  CHECK(to_nfc(decomposed).size() < decomposed.size());
}

TEST_CASE("case folding lowers Vietnamese capitals with their marks", "[mappings][normalize]") {
  CHECK(fold_case("ĐỔI MỚI Hoạt Động") == "đổi mới hoạt động");
  CHECK(fold_case("TỔNG CỘNG") == "tổng cộng");
}

TEST_CASE("diacritics are removed and đ becomes d", "[mappings][normalize]") {
  CHECK(strip_diacritics("Đổi mới hoạt động") == "Doi moi hoat dong");
  CHECK(strip_diacritics("Tiểu dự án") == "Tieu du an");
  CHECK(strip_diacritics("ĐBKK đặc biệt") == "DBKK dac biet");
}

TEST_CASE("white space, line breaks and punctuation only separate words", "[mappings][normalize]") {
  CHECK(normalized_text("  Mở   LỚP\nxóa\tmù chữ; ") == "mở lớp xóa mù chữ");
  CHECK(normalized_text("Dự án 2 - Quy hoạch, sắp xếp") == normalized_text("Dự án 2: Quy hoạch sắp xếp"));
  CHECK(words_of("TDA1") == std::vector<std::string>{"tda", "1"});
  CHECK(words_of("Dự án số 05") == std::vector<std::string>{"dự", "án", "số", "5"});
}

TEST_CASE("diacritic-insensitive comparison is a fallback, exact comparison stays strict", "[mappings][normalize]") {
  CHECK(same_text("Mơ lớp xoá mù chữ", "MỞ LỚP XÓA MÙ CHỮ", true));
  CHECK_FALSE(same_text("Mơ lớp", "Mở lớp", false));
  CHECK(normalized_text("Mở lớp xóa mù chữ", true) == "mo lop xoa mu chu");
}

TEST_CASE("the common abbreviations are expanded", "[mappings][normalize]") {
  struct Case {
    const char* abbreviated;
    const char* expanded;
  };
  const Case cases[] = {
      {"CT MTQG", "chương trình mục tiêu quốc gia"},
      {"MTQG", "mục tiêu quốc gia"},
      {"DTTS&MN", "dân tộc thiểu số miền núi"},
      {"ĐBDTTS", "đồng bào dân tộc thiểu số"},
      {"KT-XH", "kinh tế xã hội"},
      {"KTXH", "kinh tế xã hội"},
      {"NTM", "nông thôn mới"},
      {"GNBV", "giảm nghèo bền vững"},
      {"PTDTNT", "phổ thông dân tộc nội trú"},
      {"PTDTBT", "phổ thông dân tộc bán trú"},
      {"HSBT", "học sinh bán trú"},
      {"GDNN", "giáo dục nghề nghiệp"},
      {"GD&ĐT", "giáo dục đào tạo"},
      {"ĐBKK", "đặc biệt khó khăn"},
      {"MTTQ", "mặt trận tổ quốc"},
      {"dbkk", "đặc biệt khó khăn"},  // typed without diacritics and in lower case
  };
  for (const auto& item : cases) {
    INFO(item.abbreviated);
    CHECK(normalized_text(item.abbreviated) == item.expanded);
  }
}

TEST_CASE("an abbreviation with one slip is still read", "[mappings][normalize]") {
  CHECK(normalized_text("TMQG") == "mục tiêu quốc gia");
  CHECK(normalized_text("MTG") == "mục tiêu quốc gia");
}

TEST_CASE("words typed without diacritics are never taken for abbreviations", "[mappings][normalize]") {
  // "da dang" is "đa dạng", "an ninh" is a word: neither is DA (dự án) nor anything else.
  CHECK(normalized_text("da dang hoa sinh ke", true) == "da dang hoa sinh ke");
  CHECK(normalized_text("an ninh trat tu", true) == "an ninh trat tu");
  CHECK(normalized_text("ma tuy", true) == "ma tuy");
}

TEST_CASE("labels are shortened by code points, not bytes", "[mappings][normalize]") {
  CHECK(utf8_length("Đổi mới") == 7);
  CHECK(utf8_shorten("Đổi mới hoạt động", 7) == "Đổi mới…");
  CHECK(utf8_shorten("Đổi", 7) == "Đổi");
}
