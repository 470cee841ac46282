#pragma once
// The words a user gives a template (issuing body, commune, report number and date, period, unit,
// signer) and the filling of the template's placeholders with them.
#include <optional>
#include <string>
#include <string_view>

#include "table/table.hpp"

namespace phuluc {

/// A report date as written in Vietnamese appendices ("ngày 19 tháng 6 năm 2026").
struct ReportDate {
  int day = 0;
  int month = 0;
  int year = 0;
};

/// Parses "19/6/2026", "19/06/2026" or "2026-06-19"; nullopt when malformed or not a real date.
///   parse_report_date("19/6/2026") → {19, 6, 2026}
std::optional<ReportDate> parse_report_date(std::string_view text);

/// What the user said about the report the appendix goes with. Empty fields print as dots to fill in.
struct TemplateTexts {
  std::string body;            ///< the issuing body: "Ủy ban nhân dân xã Mường Kim"
  std::string commune;         ///< the place of the date line: "Mường Kim"
  std::string report_number;   ///< "3397/BC-UBND"
  std::optional<ReportDate> date;  ///< the report's date
  int year = 0;                ///< the year reported on; 0: the date's year
  std::string period;          ///< "06 tháng đầu năm 2026"; empty: "năm {year}"
  std::string disbursed_to;    ///< the disbursement cut-off written in the header ("15/6/2026")
  Unit unit = Unit::million_dong;
  std::string appendix;        ///< overrides the template's Phụ lục number
  std::string title;           ///< overrides the template's title
  std::string signer;          ///< the signer's name
  std::string attached;        ///< a whole Kèm theo line without parentheses (a converted file's own), used
                               ///< when none of report_number, date and body is given
};

/// The year reported on: `year`, else the date's, else 0 (unknown).
int reported_year(const TemplateTexts& texts);

/// The template text with its placeholders filled: {year}, {prev_year}, {period}, {disbursed_to},
/// {commune}, {body}; a placeholder spelled in capitals ({PERIOD}) gives the value in capitals.
/// Unknown values become dots ("......").
///   fill_placeholders("Kế hoạch vốn năm {year}", texts) == "Kế hoạch vốn năm 2026"
std::string fill_placeholders(std::string_view text, const TemplateTexts& texts);

/// "(Kèm theo Báo cáo số 3397/BC-UBND ngày 19 tháng 6 năm 2026 của Ủy ban nhân dân xã Mường Kim)",
/// with dots where a value is missing; "(" + attached + ")" when only `attached` is given.
std::string attached_line(const TemplateTexts& texts);

/// "ĐVT: Triệu đồng" (and Đồng, Nghìn đồng, Tỷ đồng).
std::string unit_line(Unit unit);

/// Decimals amounts show in a unit: 3 in triệu and tỷ đồng (1,000 đồng), 0 in đồng and nghìn đồng.
int unit_decimals(Unit unit);

/// Parses "trieu-dong", "nghin-dong", "dong", "ty-dong" (or the Vietnamese with diacritics and
/// spaces: "triệu đồng"); nullopt otherwise.
std::optional<Unit> parse_unit_name(std::string_view text);

/// "Mường Kim, ngày 19 tháng 6 năm 2026", with dots where a value is missing.
std::string place_and_date_line(const TemplateTexts& texts);

/// The first signature line: "TM. ỦY BAN NHÂN DÂN" for a people's committee, else "TM. " and the body in capitals.
std::string on_behalf_line(const TemplateTexts& texts);

}  // namespace phuluc
