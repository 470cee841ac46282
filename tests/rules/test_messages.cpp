#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <catch2/catch.hpp>
#include <set>
#include <sstream>
#include <string>

#include "readers/read_error.hpp"
#include "report/file_report.hpp"
#include "report/messages.hpp"
#include "report/number_format.hpp"

using namespace phuluc;

namespace {

bool is_nfc(std::string_view text) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  REQUIRE(U_SUCCESS(status));
  const bool normalized = nfc->isNormalized(
      icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size()))), status);
  REQUIRE(U_SUCCESS(status));
  return normalized;
}

const ReadErrorCode kAllReadErrors[] = {ReadErrorCode::io_error,          ReadErrorCode::empty_file,
                                        ReadErrorCode::not_a_spreadsheet, ReadErrorCode::truncated,
                                        ReadErrorCode::encrypted,         ReadErrorCode::zip_bomb,
                                        ReadErrorCode::too_large,         ReadErrorCode::malformed_xml,
                                        ReadErrorCode::missing_part,      ReadErrorCode::unsupported};

Finding sum_finding() {
  Finding finding;
  finding.code = "sum-mismatch";
  finding.sheet = "Phụ lục II";
  finding.cell = CellRef{16, 12};
  finding.stt = "V.3";
  finding.row_label = "Tiểu dự án 3";
  finding.column = "Ước giải ngân › Tổng số";
  finding.found = 1187.09;
  finding.expected = 1187.0;
  finding.decimals = 2;
  finding.related = {"M18"};
  return finding;
}

}  // namespace

TEST_CASE("numbers are written the Vietnamese way in vi and the English way in en", "[report][format]") {
  CHECK(format_number(187.09, 2, Lang::vi) == "187,09");
  CHECK(format_number(187.09, 2, Lang::en) == "187.09");
  CHECK(format_number(1234.567, 3, Lang::vi) == "1.234,567");
  CHECK(format_number(1234.567, 3, Lang::en) == "1,234.567");
  CHECK(format_number(5844299.5, 0, Lang::vi) == "5.844.300");
  CHECK(format_number(999.9996, 3, Lang::en) == "1,000.000");
  CHECK(format_number(-1234.5, 1, Lang::vi) == "-1.234,5");
  CHECK(format_number(-0.0004, 3, Lang::vi) == "0,000");
  CHECK(format_number(100, 0, Lang::vi) == "100");
  CHECK(format_number(0.09000000000003, 2, Lang::vi) == "0,09");
}

TEST_CASE("every finding code has a title and a message in both languages, in NFC", "[report][messages]") {
  std::set<std::string_view> codes;
  for (const auto& entry : message_templates()) {
    INFO(entry.code);
    CHECK(codes.insert(entry.code).second);
    CHECK_FALSE(entry.title_vi.empty());
    CHECK_FALSE(entry.title_en.empty());
    CHECK_FALSE(entry.text_vi.empty());
    CHECK_FALSE(entry.text_en.empty());
    CHECK(entry.title_vi != entry.title_en);
    CHECK(is_nfc(entry.title_vi));
    CHECK(is_nfc(entry.text_vi));
  }
  for (const char* code :
       {"sum-mismatch", "split-mismatch", "rate-mismatch", "rate-without-base", "total-mismatch", "not-a-number",
        "negative-amount", "structure-unclear", "check-skipped", "text-number", "ambiguous-number",
        "formula-without-value", "unmapped-row", "ambiguous-row", "label-stt-conflict"}) {
    INFO(code);
    CHECK(find_message_template(code) != nullptr);
  }
}

TEST_CASE("a message fills every placeholder with numbers in the language's style", "[report][messages]") {
  const Finding finding = sum_finding();
  CHECK(finding_title(finding, Lang::vi) == "Dòng cha khác tổng các dòng con");
  CHECK(finding_message(finding, Lang::vi) ==
        "Ghi 1.187,09, nhưng tổng các dòng con (M18) là 1.187,00; chênh lệch 0,09.");
  CHECK(finding_message(finding, Lang::en) ==
        "Shows 1,187.09, but its child rows (M18) add up to 1,187.00; difference 0.09.");

  for (const auto& entry : message_templates()) {
    Finding any = finding;
    any.code = std::string(entry.code);
    any.found_text = "abc";
    for (const Lang lang : {Lang::vi, Lang::en}) {
      const std::string text = finding_message(any, lang);
      INFO(entry.code << ": " << text);
      CHECK(text.find('{') == std::string::npos);
      CHECK(text.find('}') == std::string::npos);
    }
  }
}

TEST_CASE("a message names at most six related cells and counts the rest", "[report][messages]") {
  Finding finding = sum_finding();
  finding.related = {"M18", "M19", "M20", "M21", "M22", "M23", "M24", "M25"};
  CHECK(finding_message(finding, Lang::vi).find("(M18, M19, M20, M21, M22, M23 và 2 ô khác)") != std::string::npos);
  CHECK(finding_message(finding, Lang::en).find("(M18, M19, M20, M21, M22, M23 and 2 more)") != std::string::npos);
}

TEST_CASE("structure-unclear words its reason in Vietnamese and falls back to the detail in English",
          "[report][messages]") {
  Finding finding;
  finding.code = "structure-unclear";
  finding.reason = "rate-no-plan";
  CHECK(finding_message(finding, Lang::vi) ==
        "Không áp dụng được phép kiểm tra vì không tìm thấy cột kế hoạch vốn cho tỷ lệ này; phuluc không đoán.");
  finding.reason.clear();
  finding.detail = "two header rows disagree";
  CHECK(finding_message(finding, Lang::en) ==
        "A check could not be applied because two header rows disagree; phuluc does not guess.");
  CHECK(finding_message(finding, Lang::vi).find("two header") == std::string::npos);
}

TEST_CASE("an unknown code falls back to its code and detail", "[report][messages]") {
  Finding finding;
  finding.code = "future-code";
  finding.detail = "something new";
  CHECK(finding_title(finding, Lang::vi) == "future-code");
  CHECK(finding_message(finding, Lang::en) == "something new");
}

TEST_CASE("every read error has its own message in both languages", "[report][messages]") {
  std::set<std::string> seen;
  for (const auto code : kAllReadErrors) {
    const auto vi = read_error_message(code, Lang::vi);
    const auto en = read_error_message(code, Lang::en);
    INFO(read_error_id(code));
    CHECK(seen.insert(vi).second);
    CHECK(seen.insert(en).second);
    CHECK(is_nfc(vi));
  }
  CHECK(read_error_message(ReadErrorCode::encrypted, Lang::vi) ==
        "Tệp đã bị mã hóa bằng mật khẩu; hãy gỡ mật khẩu rồi gửi lại.");
  CHECK(read_error_message(ReadErrorCode::encrypted, Lang::en) ==
        "The file is password-protected; remove the password and send it again.");
  for (const auto id : {kNoTableId, kWrongTemplateId, kNoSpreadsheetsId, kInternalErrorId}) {
    CHECK(seen.insert(file_error_message(id, Lang::vi)).second);
    CHECK(seen.insert(file_error_message(id, Lang::en)).second);
  }
}

TEST_CASE("the human report gives where, what and a summary line per file", "[report][text]") {
  FileReport report;
  report.path = "muong_kim.xlsx";
  report.tables.push_back(TableSummary{});
  report.findings.push_back(sum_finding());
  std::ostringstream vi;
  print_text_report(vi, report, Lang::vi, false);
  CHECK(vi.str() ==
        "muong_kim.xlsx: 'Phụ lục II'!M17  [lỗi] sum-mismatch · Dòng cha khác tổng các dòng con\n"
        "    Dòng V.3 \"Tiểu dự án 3\" · Cột: Ước giải ngân › Tổng số\n"
        "    Ghi 1.187,09, nhưng tổng các dòng con (M18) là 1.187,00; chênh lệch 0,09.\n"
        "muong_kim.xlsx: 1 bảng; 1 lỗi, 0 cảnh báo, 0 ghi chú.\n");
  std::ostringstream en;
  print_text_report(en, report, Lang::en, true);
  CHECK(en.str() == "muong_kim.xlsx: 1 table; 1 error, 0 warnings, 0 notices.\n");

  FileReport broken;
  broken.path = "x.xlsx";
  broken.error = FileError{"encrypted", ReadErrorCode::encrypted, "EncryptedPackage stream"};
  CHECK(summary_line(broken, Lang::vi) == "x.xlsx: không đọc được (encrypted).");
  CHECK(file_error_text(*broken.error, Lang::en) ==
        "The file is password-protected; remove the password and send it again.");
}
