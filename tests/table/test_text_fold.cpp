#include <catch2/catch.hpp>

#include <string>

#include "table/text_fold.hpp"

using namespace phuluc;

TEST_CASE("fold_text drops case, diacritics and extra white space", "[table][fold]") {
  struct Case {
    const char* text;
    const char* folded;
  };
  const Case cases[] = {
      {"  Tổng\nSỐ ", "tong so"},
      {"NSĐP", "nsdp"},
      {"Ngân sách địa phương", "ngan sach dia phuong"},
      {"Ước giải ngân đến hết năm 2026", "uoc giai ngan den het nam 2026"},
      {"Tỷ lệ\u00A0giải   ngân", "ty le giai ngan"},
      {"Kế hoạch vốn", "ke hoach von"},
      {"ỨNG DỤNG ƯU TIÊN", "ung dung uu tien"},
      {"Dự án 2 \u2013 Quy hoạch", "du an 2 - quy hoach"},
      {"\u00D0VT: Triệu đồng", "dvt: trieu dong"},  // Icelandic eth typed for Đ
      {"", ""},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    CHECK(fold_text(c.text) == c.folded);
  }
}

TEST_CASE("fold_text reads decomposed Vietnamese like precomposed", "[table][fold]") {
  // "Tổng số" typed as base letters plus combining marks (o + circumflex + hook above, o + acute).
  const std::string decomposed = "To\u0302\u0309ng so\u0302\u0301";
  CHECK(fold_text(decomposed) == "tong so");
  CHECK(fold_text(decomposed) == fold_text("Tổng số"));
}

TEST_CASE("compose_vietnamese turns combining marks into precomposed letters", "[table][fold]") {
  CHECK(compose_vietnamese("To\u0302\u0309ng so\u0302\u0301") == "Tổng số");
  CHECK(compose_vietnamese("a\u0323\u0302") == "ậ");           // dot below and circumflex, either order
  CHECK(compose_vietnamese("a\u0302\u0323") == "ậ");
  CHECK(compose_vietnamese("o\u031B\u0301") == "ớ");           // horn then acute
  CHECK(compose_vietnamese("U\u031B\u0323") == "Ự");
  CHECK(compose_vietnamese("Kế hoạch") == "Kế hoạch");         // already NFC: unchanged
  CHECK(compose_vietnamese("x\u0301") == "x\u0301");           // nothing to compose with
}

TEST_CASE("tidy_text folds white space and keeps the letters", "[table][fold]") {
  CHECK(tidy_text(" Kế hoạch\n vốn ") == "Kế hoạch vốn");
  CHECK(tidy_text("Tỷ\u00A0lệ\u200B giải ngân\t") == "Tỷ lệ giải ngân");
  CHECK(tidy_text("Gia\u0309i ngân") == "Giải ngân");
  CHECK(tidy_text("\n\n") == "");
}

TEST_CASE("is_blank_text sees only white space as blank", "[table][fold]") {
  CHECK(is_blank_text(""));
  CHECK(is_blank_text(" \u00A0\n\t\u200B"));
  CHECK_FALSE(is_blank_text(" - "));
  CHECK_FALSE(is_blank_text("đ"));
}

TEST_CASE("count_letters tells capitals from small letters", "[table][fold]") {
  const LetterCount title = count_letters("TỔNG HỢP TÌNH HÌNH");
  CHECK(title.letters == 15);
  CHECK(title.upper == 15);
  const LetterCount mixed = count_letters("Vũ Văn Nội");
  CHECK(mixed.letters == 8);
  CHECK(mixed.upper == 3);
  CHECK(count_letters("123 - 4,5").letters == 0);
}
