#include <catch2/catch.hpp>

#include "table/header_words.hpp"
#include "table/row_hierarchy.hpp"
#include "table/text_fold.hpp"

using namespace phuluc;

namespace {
Measure measure(const char* text) { return measure_of_header(fold_text(text)); }
Split split(const char* text) { return split_of_header(fold_text(text)); }
}  // namespace

TEST_CASE("header words name the measure, checking the estimate before disbursement", "[table][header]") {
  CHECK(measure("Kế hoạch vốn") == Measure::plan);
  CHECK(measure("KH 2026") == Measure::plan);
  CHECK(measure("Giải ngân kế hoạch vốn kéo dài đến 15/6/2026") == Measure::disbursed);
  CHECK(measure("Ước giải ngân đến hết năm 2026") == Measure::estimate);
  CHECK(measure("Ước thực hiện") == Measure::estimate);
  CHECK(measure("Thực hiện") == Measure::disbursed);
  CHECK(measure("Nước sạch") == Measure::none);  // "uoc" inside a word is no estimate
  CHECK(measure("Tổng nguồn vốn") == Measure::other);
  CHECK(measure("Tổng số") == Measure::none);
}

TEST_CASE("header words name the funding split", "[table][header]") {
  CHECK(split("Tổng số") == Split::total);
  CHECK(split("Tổng cộng") == Split::total);
  CHECK(split("Cộng") == Split::total);
  CHECK(split("NSTW") == Split::central);
  CHECK(split("Vốn NSTW") == Split::central);
  CHECK(split("Ngân sách trung ương") == Split::central);
  CHECK(split("NSĐP") == Split::local);
  CHECK(split("NSDP") == Split::local);
  CHECK(split("Ngân sách địa phương") == Split::local);
  CHECK(split("Vốn năm 2024 chuyển sang") == Split::none);
}

TEST_CASE("header words name the STT, label, note and rate columns", "[table][header]") {
  CHECK(is_stt_header(fold_text("STT")));
  CHECK(is_stt_header(fold_text("TT")));
  CHECK(is_stt_header(fold_text("Số TT")));
  CHECK_FALSE(is_stt_header(fold_text("Tổng số")));
  CHECK(label_header_strength(fold_text("Nội dung")) == 2);
  CHECK(label_header_strength(fold_text("Tên tiêu chí")) == 2);
  CHECK(label_header_strength(fold_text("Loại văn bản")) == 2);
  CHECK(label_header_strength(fold_text("Chỉ tiêu")) == 1);
  CHECK(label_header_strength(fold_text("Tiến độ")) == 0);
  CHECK(is_note_header(fold_text("Ghi chú")));
  CHECK(is_rate_header(fold_text("Tỷ lệ giải ngân (%)")));
  CHECK(is_rate_header(fold_text("%")));
  CHECK_FALSE(is_rate_header(fold_text("Kế hoạch vốn")));
}

TEST_CASE("unit, attachment, signature and date lines are recognised", "[table][header]") {
  CHECK(unit_of(fold_text("ĐVT: Triệu đồng")) == Unit::million_dong);
  CHECK(unit_of(fold_text("Đơn vị tính: nghìn đồng")) == Unit::thousand_dong);
  CHECK(unit_of(fold_text("ĐVT: đồng")) == Unit::dong);
  CHECK(unit_of(fold_text("ĐVT: Tỷ đồng")) == Unit::billion_dong);
  CHECK(is_unit_line(fold_text("(ĐVT: Triệu đồng)")));
  CHECK_FALSE(is_unit_line(fold_text("Tỷ lệ giải ngân")));
  CHECK(is_attached_line(fold_text("(Kèm theo Báo cáo số 3397/BC-UBND ngày 19 tháng 6 năm 2026)")));
  CHECK(is_signature_line(fold_text("TM. ỦY BAN NHÂN DÂN")));
  CHECK(is_signature_line(fold_text("KT. CHỦ TỊCH")));
  CHECK(is_signature_line(fold_text("CHỦ TỊCH")));
  CHECK(is_signature_line(fold_text("Người lập biểu")));
  CHECK(is_signature_line(fold_text("Ghi chú: số liệu đến 15/6")));
  CHECK_FALSE(is_signature_line(fold_text("Ghi chú")));
  CHECK(is_date_line(fold_text("Mường Kim, ngày 19 tháng 6 năm 2026")));
  CHECK_FALSE(is_date_line(fold_text("Dự án 5: Phát triển giáo dục")));
}

TEST_CASE("STT shapes follow the appendix numbering", "[table][stt]") {
  struct Case {
    const char* stt;
    Numbering numbering;
    int segments;
  };
  const Case cases[] = {
      {"", Numbering::none, 0},          {"TỔNG CỘNG", Numbering::total_words, 0},
      {"Tổng số", Numbering::total_words, 0}, {"A", Numbering::letter, 0},
      {"C.", Numbering::letter, 0},      {"I", Numbering::roman, 0},
      {"IV", Numbering::roman, 0},       {"XIX.", Numbering::roman, 0},
      {"V.1", Numbering::roman_sub, 1},  {"III.2", Numbering::roman_sub, 1},
      {"IX.1.2", Numbering::roman_sub, 2}, {"1", Numbering::arabic, 1},
      {"2.", Numbering::arabic, 1},      {"1.1", Numbering::arabic, 2},
      {"(3)", Numbering::arabic, 1},     {"1.2.3", Numbering::arabic, 3},
      {"a)", Numbering::lower_letter, 0}, {"-", Numbering::dash, 0},
      {"\u2013", Numbering::dash, 0},    {"+", Numbering::plus, 0},
      {"*", Numbering::star, 0},         {"IIII", Numbering::other, 0},
      {"1a", Numbering::other, 0},
  };
  for (const auto& c : cases) {
    INFO(c.stt);
    const SttShape shape = classify_stt(c.stt);
    CHECK(shape.numbering == c.numbering);
    CHECK(shape.segments == c.segments);
  }
}

TEST_CASE("label words name the level of a row", "[table][stt]") {
  CHECK(kind_from_label(fold_text("Tiểu dự án 2: Bồi dưỡng kiến thức dân tộc")) == RowKind::subproject);
  CHECK(kind_from_label(fold_text("Dự án 5: Phát triển giáo dục")) == RowKind::project);
  CHECK(kind_from_label(fold_text("Dự án 4 - Tiểu dự án 1; Nội dung 1")) == RowKind::project);
  CHECK(kind_from_label(fold_text("Chương trình MTQG giảm nghèo bền vững")) == RowKind::program);
  CHECK(kind_from_label(fold_text("Nội dung 1: Nâng cao hiệu quả quản lý")) == RowKind::content);
  CHECK(kind_from_label(fold_text("TỔNG CỘNG")) == RowKind::grand_total);
  CHECK_FALSE(kind_from_label(fold_text("Dự án phát triển giáo dục nghề nghiệp")));
  CHECK_FALSE(kind_from_label(fold_text("Mở lớp xóa mù chữ")));
}
