#pragma once
// Capital and small letters for Vietnamese text (titles, program rows): ICU's full case mapping, NFC out.
#include <string>
#include <string_view>

namespace phuluc {

/// The text in capitals, NFC: upper_case("Chương trình mục tiêu quốc gia") == "CHƯƠNG TRÌNH MỤC TIÊU QUỐC GIA".
std::string upper_case(std::string_view utf8);

/// The text in small letters, NFC: lower_case("06 THÁNG ĐẦU NĂM 2026") == "06 tháng đầu năm 2026".
std::string lower_case(std::string_view utf8);

}  // namespace phuluc
