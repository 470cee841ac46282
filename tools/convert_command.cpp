// phuluc convert: lays a commune's appendix (any layout; .xlsx, .xls, .csv) out in an official
// template, rows placed by catalogue key; what cannot be placed is listed, never dropped.
#include <boost/program_options.hpp>
#include <exception>
#include <new>
#include <ostream>
#include <string>
#include <vector>

#include "mappings/row_matcher.hpp"
#include "mappings/text_normalize.hpp"
#include "readers/read_error.hpp"
#include "readers/workbook_reader.hpp"
#include "report/messages.hpp"
#include "report/number_format.hpp"
#include "report/report_json.hpp"
#include "rules/check_workbook.hpp"
#include "rules/rule_set.hpp"
#include "table/table_finder.hpp"
#include "templates/conversion.hpp"
#include "templates/input_texts.hpp"
#include "templates/official_workbook.hpp"
#include "tools/catalogue_option.hpp"
#include "tools/command.hpp"
#include "tools/command_line.hpp"
#include "tools/template_options.hpp"
#include "tools/write_error_text.hpp"
#include "writers/json_writer.hpp"
#include "writers/xlsx_writer.hpp"

namespace phuluc::tools {
namespace {

namespace po = boost::program_options;

/// Value of the top-level "schema" field of `phuluc convert --json` (docs/template.md).
constexpr const char* kConvertJsonSchema = "phuluc-convert/1";

constexpr const char* kHelpVi = R"HELP(Cách dùng: phuluc convert TỆP --template TÊN_MẪU -o KẾT_QUẢ.xlsx [TÙY CHỌN]

Chuyển phụ lục xã gửi lên (mẫu nào cũng được; .xlsx, .xlsm, .xls, .csv) sang mẫu chính thức: các cột
được ghép theo nghĩa của tiêu đề (khối, kế hoạch / giải ngân / ước giải ngân / tỷ lệ, Tổng số / NSTW /
NSĐP), không theo vị trí; các dòng được xếp theo mã danh mục (như phuluc map), dù xã viết tên dòng thế
nào. Dòng cha, Tổng số và tỷ lệ được viết lại thành công thức. Dòng nào không xếp được (không có trong
danh mục, STT và tên không khớp, trùng mã, chương trình không có trong mẫu) được liệt kê trong báo cáo
và trong trang "Không xếp được" của tệp kết quả, kèm mọi ô của nó: không dòng nào bị bỏ.
Số báo cáo, ngày, năm, kỳ báo cáo và mốc giải ngân lấy từ tệp gốc nếu không nêu bằng tùy chọn.

Tùy chọn:
  -t, --template TÊN      mẫu cần chuyển sang (xem phuluc template --list)
  -o, --output TỆP        tệp .xlsx cần ghi (không bao giờ ghi đè tệp gốc)
  --json                  in một tài liệu JSON (các trường: docs/template.md)
  --unit ĐƠN_VỊ           đổi số tiền sang đơn vị này (mặc định: đơn vị của tệp gốc)
  --body, --commune, --report-number, --date, --year, --period, --disbursed-to, --programs,
  --appendix, --title, --signer   như phuluc template
  --catalogue TỆP         thêm hoặc sửa mục danh mục (CSV, như phuluc map)
  --lang vi|en            ngôn ngữ thông báo
  -h, --help              in hướng dẫn này

Mã thoát: 0 mọi dòng đều được xếp và phụ lục kết quả không có lỗi; 1 đã ghi tệp nhưng có dòng không xếp
được hoặc phụ lục kết quả còn lỗi; 2 tệp không đọc được, không có bảng hợp với mẫu, tên mẫu không có,
không ghi được tệp hoặc dùng sai lệnh.

Ví dụ:
  $ phuluc convert muong_kim_2026_corrected.xlsx --template von-su-nghiep -o phu_luc_II.xlsx
  muong_kim_2026_corrected.xlsx → phu_luc_II.xlsx (mẫu von-su-nghiep, bảng 'PL II - Vốn sự nghiệp')
    30 cột số liệu, 1 cột chữ được ghép.
    Không xếp được 1 dòng (trang "Không xếp được"):
      dòng 31  X.2  Tiểu dự án 3: Kiểm tra, giám sát đánh giá, đào t…  STT và tên dòng chỉ hai mục khác nhau
  Đã xếp 25 dòng, 1 dòng không xếp được.
  $ phuluc convert bao_cao_xa.csv --template von-dau-tu -o phu_bieu_02.xlsx --json > ket_qua.json
)HELP";

constexpr const char* kHelpEn = R"HELP(Usage: phuluc convert FILE --template NAME -o OUTPUT.xlsx [OPTIONS]

Lays a commune's appendix (any layout; .xlsx, .xlsm, .xls, .csv) out in an official template: columns
are linked by what their headers mean (block, plan / disbursed / estimate / rate, Tổng số / NSTW /
NSĐP), never by position; rows are placed by catalogue key (as phuluc map finds it), however the commune
spelled them. Parents, Tổng số and rates are written back as formulas. A row that cannot be placed (not
in the catalogue, STT and label disagreeing, a key met twice, a program the template does not list) is
listed in the report and on the "Không xếp được" sheet of the output with all its cells: none is dropped.
The report number, date, year, period and disbursement cut-off come from the input unless given.

Options:
  -t, --template NAME     the template to convert to (see phuluc template --list)
  -o, --output FILE       the .xlsx to write (never the input itself)
  --json                  print one JSON document (fields: docs/template.md)
  --unit UNIT             convert amounts to this unit (default: the input's)
  --body, --commune, --report-number, --date, --year, --period, --disbursed-to, --programs,
  --appendix, --title, --signer   as for phuluc template
  --catalogue FILE        extra or overriding catalogue entries (CSV, as for phuluc map)
  --lang vi|en            language of messages
  -h, --help              print this help

Exit codes: 0 every row placed and the resulting appendix has no error; 1 written, but rows could not be
placed or the resulting appendix has errors; 2 the input cannot be read or has no table fitting the
template, an unknown template, the output could not be written, or bad usage.

Example:
  $ phuluc convert muong_kim_2026_corrected.xlsx --template von-su-nghiep -o phu_luc_II.xlsx --lang en
  muong_kim_2026_corrected.xlsx → phu_luc_II.xlsx (template von-su-nghiep, table 'PL II - Vốn sự nghiệp')
    30 value column(s), 1 text column(s) linked.
    1 row(s) could not be placed (sheet "Không xếp được"):
      row 31  X.2  Tiểu dự án 3: Kiểm tra, giám sát đánh giá, đào t…  the STT and the label name different entries
  25 rows placed, 1 not placed.
  $ phuluc convert commune_report.csv --template von-dau-tu -o phu_bieu_02.xlsx --json > result.json
)HELP";

struct ConvertOptions {
  std::string input;
  std::string output;
  std::string template_name;
  std::vector<std::string> catalogues;
  bool json = false;
};

/// Everything one run found, for the text and JSON reports.
struct ConvertRun {
  const TemplateDefinition* definition = nullptr;
  std::optional<Table> input_table;
  ConversionResult result;
  std::vector<RecomputedCell> recomputed;
  std::vector<std::uint32_t> output_rows;  ///< per output table row, its 0-based sheet row
  std::vector<Finding> findings;           ///< the template's rules on the written appendix
  bool written = false;
  std::string error_id;                    ///< why nothing was written
  std::string error_message;               ///< in the run's language
};

// Why a row was not placed, in words.
std::string reason_text(const std::string& reason, Lang lang) {
  struct Words {
    const char* id;
    const char* vi;
    const char* en;
  };
  static const Words kWords[] = {
      {"unmapped", "không nhận ra dòng trong danh mục", "the row is no catalogue entry"},
      {"ambiguous", "dòng khớp nhiều mục danh mục", "the row fits several catalogue entries"},
      {"conflict", "STT và tên dòng chỉ hai mục khác nhau", "the STT and the label name different entries"},
      {unplaced_reason::kNotInTemplate, "mục thuộc chương trình không có trong mẫu", "an entry of a program the template does not list"},
      {unplaced_reason::kDuplicateKey, "mục này đã được xếp từ một dòng trước", "this entry was placed from an earlier row"},
      {unplaced_reason::kUnderUnplaced, "nằm dưới một dòng không xếp được", "under a row that could not be placed"},
      {unplaced_reason::kNoLabel, "dòng có số liệu nhưng không có STT và tên", "numbers on a row without STT or label"},
      {unplaced_reason::kExtraTotal, "dòng tổng thứ hai", "a second total row"},
  };
  for (const auto& words : kWords)
    if (reason == words.id) return pick(lang, words.vi, words.en);
  return reason;
}

bool has_errors(const std::vector<Finding>& findings) {
  for (const auto& finding : findings)
    if (finding.severity == Severity::error) return true;
  return false;
}

int exit_code(const ConvertRun& run) {
  if (!run.written) return kExitFailure;
  return run.result.unplaced.empty() && !has_errors(run.findings) ? kExitOk : kExitFindings;
}

// The blank template's own table as the table finder reads it: the columns conversion fills.
std::optional<Table> official_table(const TemplateDefinition& definition, const Catalogue& catalogue) {
  const OfficialTable skeleton = template_skeleton(definition, catalogue, {});
  const OfficialWorkbook blank = official_workbook(definition, TemplateTexts{}, skeleton, FillMode::blank_template, nullptr);
  TableScan scan = find_tables(blank.workbook);
  if (scan.tables.empty()) return std::nullopt;
  return std::move(scan.tables.front());
}

// The template's rules on the appendix we wrote, read back from the model.
std::vector<Finding> template_findings(const TemplateDefinition& definition, const Workbook& workbook) {
  std::vector<Finding> kept;
  const TableScan scan = find_tables(workbook);
  for (const Table& table : scan.tables) {
    if (table.sheet_index != 0) continue;
    for (Finding& finding : check_table(table))
      if (std::find(definition.rules.begin(), definition.rules.end(), finding.code) != definition.rules.end())
        kept.push_back(std::move(finding));
  }
  return kept;
}

void fail(ConvertRun& run, std::string id, std::string message) {
  run.error_id = std::move(id);
  run.error_message = std::move(message);
}

void convert_file(const ConvertOptions& options, const po::variables_map& vm, const Catalogue& catalogue,
                  const std::vector<std::string>& programs, ConvertRun& run, Lang lang) {
  const TemplateDefinition& definition = *run.definition;
  Workbook workbook;
  try {
    workbook = read_workbook(options.input);
  } catch (const ReadError& error) {
    return fail(run, read_error_id(error.code()), read_error_message(error.code(), lang));
  } catch (const std::bad_alloc&) {
    return fail(run, read_error_id(ReadErrorCode::too_large), read_error_message(ReadErrorCode::too_large, lang));
  }
  TableScan scan = find_tables(workbook);
  try {
    run.input_table = choose_table(scan.tables, definition);
  } catch (const ConversionError& error) {
    if (error.code() == "no-table") return fail(run, std::string(kNoTableId), file_error_message(kNoTableId, lang));
    return fail(run, std::string(kWrongTemplateId),
                pick(lang, "tệp không có bảng nào hợp với mẫu ", "the file has no table that fits the template ") +
                    definition.name + " (" + table_kind_id(definition.kind) + ")");
  }
  const auto official = official_table(definition, catalogue);
  if (!official) return fail(run, std::string(kInternalErrorId), file_error_message(kInternalErrorId, lang));

  TemplateTexts texts = texts_from_options(vm, lang, "convert");
  complete_from_input(texts, *run.input_table, unit_given(vm));
  const RowMatcher matcher(catalogue);
  const ConversionContext context{definition, *official, catalogue, matcher, programs, texts.unit};
  run.result = convert_table(*run.input_table, workbook, context);
  run.result.input = &*run.input_table;

  OfficialWorkbook out = official_workbook(definition, texts, run.result.table, FillMode::filled, &run.result);
  run.recomputed = out.layout.recomputed;
  run.output_rows = out.layout.sheet_row;
  run.findings = template_findings(definition, out.workbook);
  try {
    XlsxWriteOptions write_options;
    write_options.title = out.workbook.sheets.front().name;
    write_options.inputs = {options.input};
    write_xlsx(out.workbook, options.output, write_options);
    run.written = true;
  } catch (const WriteError& error) {
    fail(run, write_error_id(error.code()), write_error_text(error, lang));
  }
}

std::string column_a1(std::uint32_t col) { return column_letters(col); }

void print_text(const ConvertOptions& options, const ConvertRun& run, Console& console) {
  const Lang lang = console.lang;
  auto& out = console.out;
  if (!run.written) {
    console.err << "phuluc convert: " << options.input << ": " << run.error_message << '\n';
    return;
  }
  const ConversionResult& result = run.result;
  out << options.input << " → " << options.output << " (" << pick(lang, "mẫu ", "template ") << run.definition->name
      << pick(lang, ", bảng '", ", table '") << run.input_table->sheet << "')\n";
  std::size_t values = 0, words = 0;
  for (const auto& link : result.links) {
    const auto role = run.definition->columns[link.template_column].role;
    if (role == TemplateColumnRole::amount || role == TemplateColumnRole::rate) ++values;
    else if (role == TemplateColumnRole::text || role == TemplateColumnRole::note) ++words;
  }
  out << "  " << values << pick(lang, " cột số liệu, ", " value column(s), ") << words
      << pick(lang, " cột chữ được ghép.", " text column(s) linked.") << '\n';
  for (const std::size_t column : result.unused_columns)
    out << "  " << pick(lang, "Cột không dùng: ", "Column not used: ") << column_a1(run.input_table->columns[column].col)
        << " " << run.input_table->columns[column].path_text << '\n';
  if (result.unit_shift)
    out << "  " << pick(lang, "Số tiền đã đổi đơn vị: × 10^", "Amounts converted: × 10^") << *result.unit_shift << '\n';
  if (!result.unplaced.empty()) {
    out << "  " << pick(lang, "Không xếp được ", "") << result.unplaced.size()
        << pick(lang, " dòng (trang \"", " row(s) could not be placed (sheet \"") << kUnplacedSheetName << "\"):\n";
    for (const auto& row : result.unplaced)
      out << "    " << pick(lang, "dòng ", "row ") << row.input_row + 1 << "  " << row.stt << "  "
          << utf8_shorten(row.label, 48) << "  " << reason_text(row.reason, lang)
          << (row.key.empty() ? "" : " (" + row.key + ")") << '\n';
  }
  for (const auto& cell : result.unread)
    out << "  " << pick(lang, "Ô không phải số, ghi nguyên chữ: ", "Cell holding no number, written as text: ")
        << to_a1(CellRef{cell.input_row, cell.input_col}) << " \"" << cell.text << "\"\n";
  for (const auto& cell : run.recomputed) {
    const CellRef ref{run.output_rows[static_cast<std::size_t>(cell.row)], static_cast<std::uint32_t>(cell.column)};
    out << "  " << pick(lang, "Tính lại ", "Recomputed ") << to_a1(ref) << ": "
        << format_number(cell.typed, 3, lang) << " → " << (cell.shown ? format_number(*cell.shown, 3, lang) : "") << '\n';
  }
  for (const auto& finding : run.findings)
    out << "  " << cell_text(finding, true) << "  [" << severity_word(finding.severity, lang) << "] " << finding.code
        << " · " << finding_message(finding, lang) << '\n';
  out << pick(lang, "Đã xếp ", "") << result.placed.size() << pick(lang, " dòng, ", " rows placed, ")
      << result.unplaced.size() << pick(lang, " dòng không xếp được.", " not placed.") << '\n';
}

void write_json(const ConvertOptions& options, const ConvertRun& run, Lang lang, std::ostream& stream) {
  JsonWriter json(stream);
  json.begin_object();
  json.key("schema").value(kConvertJsonSchema);
  json.key("lang").value(lang == Lang::vi ? "vi" : "en");
  json.key("input").value(options.input);
  json.key("template").value(run.definition ? run.definition->name : options.template_name);
  if (run.written) json.key("output").value(options.output);
  else json.key("output").null();
  json.key("exit_code").value(exit_code(run));
  if (!run.written) {
    json.key("error").begin_object().key("code").value(run.error_id).key("message").value(run.error_message).end_object();
    json.end_object();
    return;
  }
  const ConversionResult& result = run.result;
  const Table& input = *run.input_table;
  json.key("error").null();
  json.key("table");
  report_json_detail::write_table(json, summarize_table(input));
  if (result.unit_shift) json.key("unit_shift").value(*result.unit_shift);
  else json.key("unit_shift").null();
  json.key("columns").begin_array();
  for (const auto& link : result.links) {
    const TemplateColumn& column = run.definition->columns[link.template_column];
    json.begin_object();
    json.key("template").value(column_letters(static_cast<std::uint32_t>(link.template_column)));
    json.key("template_id").value(column.id);
    json.key("input").value(column_letters(input.columns[link.input_column].col));
    json.key("input_header").value(input.columns[link.input_column].path_text);
    json.end_object();
  }
  json.end_array();
  json.key("unused_columns").begin_array();
  for (const std::size_t column : result.unused_columns)
    json.begin_object().key("input").value(column_letters(input.columns[column].col)).key("input_header")
        .value(input.columns[column].path_text).end_object();
  json.end_array();
  json.key("placed").begin_array();
  for (const auto& row : result.placed) {
    json.begin_object();
    json.key("row").value(row.input_row + 1);
    json.key("stt").value(row.stt);
    json.key("label").value(row.label);
    if (row.key.empty()) json.key("key").null();
    else json.key("key").value(row.key);
    json.key("output_row").value(run.output_rows[static_cast<std::size_t>(row.output)] + 1);
    json.end_object();
  }
  json.end_array();
  json.key("not_placed").begin_array();
  for (const auto& row : result.unplaced) {
    json.begin_object();
    json.key("row").value(row.input_row + 1);
    json.key("stt").value(row.stt);
    json.key("label").value(row.label);
    json.key("reason").value(row.reason);
    if (row.key.empty()) json.key("key").null();
    else json.key("key").value(row.key);
    json.end_object();
  }
  json.end_array();
  json.key("unread_cells").begin_array();
  for (const auto& cell : result.unread)
    json.begin_object().key("cell").value(to_a1(CellRef{cell.input_row, cell.input_col})).key("text").value(cell.text).end_object();
  json.end_array();
  json.key("recomputed").begin_array();
  for (const auto& cell : run.recomputed) {
    const CellRef ref{run.output_rows[static_cast<std::size_t>(cell.row)], static_cast<std::uint32_t>(cell.column)};
    json.begin_object().key("cell").value(to_a1(ref)).key("typed").value(cell.typed).key("shown").value(cell.shown).end_object();
  }
  json.end_array();
  json.key("findings").begin_array();
  for (const auto& finding : run.findings) report_json_detail::write_finding(json, finding, lang);
  json.end_array();
  json.key("summary").begin_object();
  json.key("placed").value(static_cast<std::int64_t>(result.placed.size()));
  json.key("not_placed").value(static_cast<std::int64_t>(result.unplaced.size()));
  json.key("recomputed").value(static_cast<std::int64_t>(run.recomputed.size()));
  json.end_object();
  json.end_object();
}

}  // namespace

int run_convert(const std::vector<std::string>& args, Console& console) {
  po::options_description own;
  own.add_options()("json", po::bool_switch())("template,t", po::value<std::string>());
  const auto parsed = parse_template_command(args, own, "convert", kHelpVi, kHelpEn, console);
  if (!parsed) return kExitOk;
  const po::variables_map& vm = *parsed;
  const Lang lang = console.lang;
  ConvertOptions options;
  options.json = vm["json"].as<bool>();
  const auto inputs = vm.count("inputs") ? vm["inputs"].as<std::vector<std::string>>() : std::vector<std::string>{};
  if (inputs.size() != 1)
    throw UsageError{pick(lang, "cần đúng một tệp cần chuyển", "give exactly one file to convert") + see_help("convert", lang)};
  if (!vm.count("template"))
    throw UsageError{pick(lang, "chưa nêu mẫu (--template TÊN; xem phuluc template --list)",
                          "no template was given (--template NAME; see phuluc template --list)") + see_help("convert", lang)};
  if (!vm.count("output"))
    throw UsageError{pick(lang, "chưa nêu tệp kết quả (-o TỆP.xlsx)", "no output file was given (-o FILE.xlsx)") +
                     see_help("convert", lang)};
  options.input = inputs[0];
  options.output = vm["output"].as<std::string>();
  options.template_name = vm["template"].as<std::string>();
  if (vm.count("catalogue")) options.catalogues = vm["catalogue"].as<std::vector<std::string>>();
  texts_from_options(vm, lang, "convert");  // bad --date, --year, --unit are usage errors before any work

  const auto templates = load_templates_option(console, "convert");
  if (!templates) return kExitFailure;
  ConvertRun run;
  run.definition = template_named(*templates, options.template_name, console, "convert");
  if (!run.definition) return kExitFailure;
  const auto catalogue = load_catalogue_option(options.catalogues, console, "convert", lang);
  if (!catalogue) return kExitFailure;
  const auto programs = programs_option(vm, *catalogue, lang, "convert");

  convert_file(options, vm, *catalogue, programs, run, lang);
  if (options.json) write_json(options, run, lang, console.out);
  else print_text(options, run, console);
  return exit_code(run);
}

}  // namespace phuluc::tools
