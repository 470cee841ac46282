// phuluc template: writes a blank appendix in the official layout (NĐ 30/2020), its rows from the
// catalogue, its totals and rates as formulas, so the officer only types the leaves.
#include <boost/program_options.hpp>
#include <ostream>
#include <string>
#include <vector>

#include "mappings/catalogue.hpp"
#include "templates/official_table.hpp"
#include "templates/official_workbook.hpp"
#include "tools/catalogue_option.hpp"
#include "tools/command.hpp"
#include "tools/command_line.hpp"
#include "tools/template_options.hpp"
#include "tools/write_error_text.hpp"
#include "writers/xlsx_writer.hpp"

namespace phuluc::tools {
namespace {

namespace po = boost::program_options;

constexpr const char* kHelpVi = R"HELP(Cách dùng: phuluc template TÊN_MẪU -o TỆP.xlsx [TÙY CHỌN]
          phuluc template --list

Ghi một phụ lục trống theo thể thức chính thức (Nghị định 30/2020/NĐ-CP): dòng "Phụ lục II", tiêu đề
chữ in hoa đậm, dòng "(Kèm theo Báo cáo số ... ngày ... của ...)" in nghiêng, "ĐVT: Triệu đồng" căn phải,
tiêu đề cột gộp ô, các dòng chương trình › dự án › tiểu dự án › nội dung lấy từ danh mục (A, B, C chữ in
hoa đậm; I, II đậm; tiểu dự án chữ thường; nội dung in nghiêng), số có số chữ số thập phân của đơn vị,
phông Times New Roman, khổ A4 nằm ngang vừa chiều rộng trang, lặp dòng tiêu đề cột, số trang, khối chữ
ký. Dòng cha, Tổng số và tỷ lệ giải ngân là công thức: cán bộ chỉ gõ các dòng lá.

Tùy chọn:
  -o, --output TỆP        tệp .xlsx cần ghi (ghi trọn vẹn hoặc không ghi gì)
  --list                  liệt kê các mẫu, mỗi dòng một mẫu, tên mẫu đứng đầu
  --body TÊN              cơ quan ban hành ("Ủy ban nhân dân xã Mường Kim")
  --commune TÊN           địa danh ghi ở dòng ngày tháng ("Mường Kim")
  --report-number SỐ      số báo cáo ("3397/BC-UBND")
  --date NGÀY             ngày báo cáo (19/6/2026)
  --year NĂM              năm báo cáo số liệu (mặc định: năm của --date)
  --period KỲ             kỳ báo cáo ("06 tháng đầu năm 2026"; mặc định "năm NĂM")
  --disbursed-to NGÀY     mốc giải ngân ghi ở tiêu đề cột ("15/6/2026")
  --unit ĐƠN_VỊ           trieu-dong (mặc định), nghin-dong, dong, ty-dong
  --programs MÃ,...       các chương trình đưa vào, theo thứ tự (mặc định của mẫu: dtts,gnbv,ntm)
  --appendix SỐ           số phụ lục (La Mã, ví dụ II)
  --title CHỮ             tiêu đề thay cho tiêu đề của mẫu
  --signer TÊN            người ký
  --catalogue TỆP         thêm hoặc sửa mục danh mục (CSV, như phuluc map)
  --lang vi|en            ngôn ngữ thông báo (phụ lục luôn bằng tiếng Việt)
  -h, --help              in hướng dẫn này

Các mẫu nằm trong mappings/templates/ (định dạng: docs/template.md).
Mã thoát: 0 đã ghi; 2 tên mẫu không có, tùy chọn sai hoặc không ghi được tệp.

Ví dụ:
  $ phuluc template --list
  tieu-chi-ntm-2021  tiêu chí xã nông thôn mới giai đoạn 2021 - 2025 (19 tiêu chí): tiêu chí, chỉ tiêu, kết quả, dòng Tổng
  ...
  von-su-nghiep      vốn sự nghiệp: khối kéo dài và khối năm nay × kế hoạch, giải ngân, tỷ lệ, ước giải ngân, tỷ lệ × ...
  $ phuluc template von-su-nghiep -o phu_luc_II.xlsx --body "Ủy ban nhân dân xã Mường Kim" \
      --commune "Mường Kim" --report-number 3397/BC-UBND --date 19/6/2026 \
      --period "06 tháng đầu năm 2026" --disbursed-to 15/6/2026 --signer "Vũ Văn Nội"
  phuluc template: đã ghi phu_luc_II.xlsx (mẫu von-su-nghiep, 69 dòng).
)HELP";

constexpr const char* kHelpEn = R"HELP(Usage: phuluc template NAME -o FILE.xlsx [OPTIONS]
       phuluc template --list

Writes a blank appendix in the official layout (Decree 30/2020/NĐ-CP): the "Phụ lục II" line, the
title in bold capitals, the "(Kèm theo Báo cáo số ... ngày ... của ...)" line in italics, "ĐVT: Triệu
đồng" right-aligned, the merged column header, the program › project › sub-project › content rows from
the catalogue (A, B, C bold capitals; I, II bold; sub-projects regular; contents italic), numbers with
the unit's decimals, Times New Roman, A4 landscape fitted to the page width, header rows repeated, page
numbers, the signature block. Parents, Tổng số and rates are formulas: the officer types the leaves.

Options:
  -o, --output FILE       the .xlsx to write (written whole or not at all)
  --list                  list the templates, one a line, the name first
  --body NAME             the issuing body ("Ủy ban nhân dân xã Mường Kim")
  --commune NAME          the place on the date line ("Mường Kim")
  --report-number NUMBER  the report's number ("3397/BC-UBND")
  --date DATE             the report's date (19/6/2026)
  --year YEAR             the year reported on (default: the year of --date)
  --period PERIOD         the period ("06 tháng đầu năm 2026"; default "năm YEAR")
  --disbursed-to DATE     the disbursement cut-off in the header ("15/6/2026")
  --unit UNIT             trieu-dong (default), nghin-dong, dong, ty-dong
  --programs KEY,...      the programs to include, in order (template default: dtts,gnbv,ntm)
  --appendix NUMBER       the appendix number (Roman, e.g. II)
  --title TEXT            a title instead of the template's
  --signer NAME           the signer
  --catalogue FILE        extra or overriding catalogue entries (CSV, as for phuluc map)
  --lang vi|en            language of messages (the appendix is always Vietnamese)
  -h, --help              print this help

The templates are in mappings/templates/ (format: docs/template.md).
Exit codes: 0 written; 2 unknown template, bad options, or the file could not be written.

Example:
  $ phuluc template --list --lang en
  tieu-chi-ntm-2021  NTM commune criteria 2021 - 2025 (19 criteria): criterion, indicator, target, result, the Tổng row
  ...
  von-su-nghiep      recurrent funds (vốn sự nghiệp): carried-over and current blocks × plan, disbursed, rate, ...
  $ phuluc template von-su-nghiep -o phu_luc_II.xlsx --body "Ủy ban nhân dân xã Mường Kim" \
      --commune "Mường Kim" --report-number 3397/BC-UBND --date 19/6/2026 \
      --period "06 tháng đầu năm 2026" --disbursed-to 15/6/2026 --signer "Vũ Văn Nội" --lang en
  phuluc template: wrote phu_luc_II.xlsx (template von-su-nghiep, 69 rows).
)HELP";

void print_list(const std::vector<TemplateDefinition>& templates, Console& console) {
  std::size_t width = 0;
  for (const auto& definition : templates) width = std::max(width, definition.name.size());
  for (const auto& definition : templates)
    console.out << definition.name << std::string(width + 2 - definition.name.size(), ' ')
                << (console.lang == Lang::vi ? definition.summary_vi : definition.summary_en) << '\n';
}

}  // namespace

int run_template(const std::vector<std::string>& args, Console& console) {
  po::options_description own;
  own.add_options()("list", po::bool_switch());
  const auto parsed = parse_template_command(args, own, "template", kHelpVi, kHelpEn, console);
  if (!parsed) return kExitOk;
  const po::variables_map& vm = *parsed;
  const Lang lang = console.lang;
  const auto templates = load_templates_option(console, "template");
  if (!templates) return kExitFailure;
  if (vm["list"].as<bool>()) {
    print_list(*templates, console);
    return kExitOk;
  }
  const auto names = vm.count("inputs") ? vm["inputs"].as<std::vector<std::string>>() : std::vector<std::string>{};
  if (names.size() != 1)
    throw UsageError{pick(lang, "cần đúng một tên mẫu (xem --list)", "give exactly one template name (see --list)") +
                     see_help("template", lang)};
  if (!vm.count("output"))
    throw UsageError{pick(lang, "chưa nêu tệp kết quả (-o TỆP.xlsx)", "no output file was given (-o FILE.xlsx)") +
                     see_help("template", lang)};
  const TemplateTexts texts = texts_from_options(vm, lang, "template");
  const TemplateDefinition* definition = template_named(*templates, names[0], console, "template");
  if (!definition) return kExitFailure;
  const auto user_catalogues = vm.count("catalogue") ? vm["catalogue"].as<std::vector<std::string>>() : std::vector<std::string>{};
  const auto catalogue = load_catalogue_option(user_catalogues, console, "template", lang);
  if (!catalogue) return kExitFailure;
  const auto programs = programs_option(vm, *catalogue, lang, "template");

  const OfficialTable table = template_skeleton(*definition, *catalogue, programs);
  const OfficialWorkbook out = official_workbook(*definition, texts, table, FillMode::blank_template, nullptr);
  const std::string output = vm["output"].as<std::string>();
  try {
    XlsxWriteOptions options;
    options.title = out.workbook.sheets.front().name;
    write_xlsx(out.workbook, output, options);
  } catch (const WriteError& error) {
    console.err << "phuluc template: " << write_error_text(error, lang) << '\n';
    return kExitFailure;
  }
  console.out << "phuluc template: " << pick(lang, "đã ghi ", "wrote ") << output << " ("
              << pick(lang, "mẫu ", "template ") << definition->name << ", " << table.rows.size()
              << pick(lang, " dòng).", " rows).") << '\n';
  return kExitOk;
}

}  // namespace phuluc::tools
