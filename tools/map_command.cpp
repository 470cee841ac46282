// phuluc map: tells, for every data row of the appendix tables, which program / project /
// sub-project / content it is (a catalogue key such as dtts.5.1), however the commune spelled it.
#include <boost/program_options.hpp>
#include <cstdint>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <iostream>
#include <new>
#include <optional>
#include <string>
#include <vector>

#include "mappings/catalogue.hpp"
#include "mappings/row_matcher.hpp"
#include "mappings/table_mapping.hpp"
#include "mappings/text_normalize.hpp"
#include "readers/read_error.hpp"
#include "readers/workbook_reader.hpp"
#include "report/file_report.hpp"
#include "report/messages.hpp"
#include "report/report_json.hpp"
#include "rules/check_workbook.hpp"
#include "table/table_finder.hpp"
#include "tools/command.hpp"
#include "tools/catalogue_option.hpp"
#include "tools/command_line.hpp"
#include "writers/json_writer.hpp"

namespace phuluc::tools {
namespace {

namespace po = boost::program_options;

/// Value of the top-level "schema" field of `phuluc map --json` (docs/map.md).
constexpr const char* kMapJsonSchema = "phuluc-map/1";

struct MapOptions {
  std::vector<std::string> inputs;
  std::vector<std::string> catalogues;  ///< user catalogue files, applied after the built-in one
  bool json = false;
  bool help = false;
  Lang lang = Lang::vi;
};

constexpr const char* kHelpVi = R"(Cách dùng: phuluc map [TÙY CHỌN] TỆP...

Đọc từng phụ lục (.xlsx, .xlsm, .xls, .csv), tìm các bảng và cho biết mỗi dòng số liệu là chương trình,
dự án, tiểu dự án hay nội dung nào trong danh mục (một mã ổn định như dtts.5.1 = Chương trình DTTS&MN ›
Dự án 5 › Tiểu dự án 1), dù xã viết tên dòng thế nào: sai chính tả, không dấu, viết tắt, xuống dòng, đảo
từ. Số thứ tự (V.1), tên dòng và dòng cha được xét cùng nhau. Dòng không chắc chắn thì không gán mã:
  unmapped-row        không nhận ra dòng là mục nào trong danh mục
  ambiguous-row       dòng khớp nhiều mục gần như nhau
  label-stt-conflict  số thứ tự chỉ một mục, tên dòng chỉ mục khác (ví dụ X.2 ghi "Tiểu dự án 3")
  legacy-encoding     chữ gõ bằng bảng mã cũ TCVN3 (ABC, .VnTime) hoặc VNI
Mỗi dòng in: ô, STT, tên dòng → mã, tên chính thức, độ tin cậy (0–1).

Tùy chọn:
  --json              in một tài liệu JSON (các trường: docs/map.md)
  --catalogue TỆP     thêm hoặc sửa mục danh mục bằng tệp CSV của mình (dùng nhiều lần được;
                      định dạng: docs/map.md)
  --lang vi|en        ngôn ngữ (mặc định: vi)
  -h, --help          in hướng dẫn này

Danh mục có sẵn nằm trong thư mục mappings/catalogue/ (biến môi trường PHULUC_DATA_DIR chỉ nơi khác).
Mã thoát: 0 mọi dòng đều nhận ra; 1 có dòng không nhận ra, khớp nhiều mục hoặc STT/tên không khớp;
2 có tệp không đọc được, không có bảng, danh mục sai hoặc dùng sai lệnh.

Ví dụ:
  $ phuluc map muong_kim_2026.xlsx
  muong_kim_2026.xlsx
    'PL II - Vốn sự nghiệp' (vốn sự nghiệp)
      B9    A       Chương trình MTQG phát triển kinh tế -XH vùng…  → dtts          Chương trình mục tiêu quốc gia p… 0,87
      B16   V.1     Tiểu dự án 1: Đổi mới hoạt động, củng cố phát…  → dtts.5.1      Đổi mới hoạt động, củng cố phát…  0,99
      B18           Mơ lớp xóa mù chữ cho người dân vùng đồng bào…  → dtts.5.1.nd2  Xóa mù chữ cho người dân vùng đồ… 0,97
      B31   X.2     Tiểu dự án 3: Kiểm tra, giám sát đánh giá, đào… ⚠ STT và tên không khớp: dtts.10.2 (STT) | dtts.10.3 (số trong tên)
      ...
  muong_kim_2026.xlsx: 35 dòng; 34 nhận ra, 1 STT/tên không khớp.
  $ phuluc map --json --catalogue danh_muc_tinh.csv bao_cao_xa.xlsx > ma_dong.json
)";

constexpr const char* kHelpEn = R"(Usage: phuluc map [OPTIONS] FILE...

Reads each appendix (.xlsx, .xlsm, .xls, .csv), finds its tables and tells, for every data row, which
program, project, sub-project or content of the catalogue it is (a stable key such as dtts.5.1 = the
DTTS&MN program › Dự án 5 › Tiểu dự án 1), however the commune spelled it: typos, no diacritics,
abbreviations, line breaks, words in another order. The STT (V.1), the label and the parent row are
read together. A row that is not certain gets no key:
  unmapped-row        the row is no entry of the catalogue
  ambiguous-row       the row fits several entries about equally
  label-stt-conflict  the STT names one entry and the label another (X.2 captioned "Tiểu dự án 3")
  legacy-encoding     text typed in the old TCVN3 (ABC, .VnTime) or VNI encodings
Each row prints: cell, STT, label → key, official name, confidence (0-1).

Options:
  --json              print one JSON document (fields: docs/map.md)
  --catalogue FILE    add or override catalogue entries with your own CSV file (may be repeated;
                      format: docs/map.md)
  --lang vi|en        language (default: vi)
  -h, --help          print this help

The built-in catalogue is mappings/catalogue/ (the environment variable PHULUC_DATA_DIR points elsewhere).
Exit codes: 0 every row recognised; 1 some rows unmapped, ambiguous or with STT and label disagreeing;
2 a file could not be read or holds no table, a bad catalogue, or bad usage.

Example:
  $ phuluc map --lang en muong_kim_2026.xlsx
  muong_kim_2026.xlsx
    'PL II - Vốn sự nghiệp' (funds)
      B9    A       Chương trình MTQG phát triển kinh tế -XH vùng…  → dtts          Chương trình mục tiêu quốc gia p… 0.87
      B16   V.1     Tiểu dự án 1: Đổi mới hoạt động, củng cố phát…  → dtts.5.1      Đổi mới hoạt động, củng cố phát…  0.99
      B18           Mơ lớp xóa mù chữ cho người dân vùng đồng bào…  → dtts.5.1.nd2  Xóa mù chữ cho người dân vùng đồ… 0.97
      B31   X.2     Tiểu dự án 3: Kiểm tra, giám sát đánh giá, đào… ⚠ STT and label disagree: dtts.10.2 (STT) | dtts.10.3 (number in label)
      ...
  muong_kim_2026.xlsx: 35 rows; 34 mapped, 1 STT/label conflicts.
  $ phuluc map --json --catalogue province_entries.csv commune_report.xlsx > row_keys.json
)";

std::string see_help(Lang lang) { return tools::see_help("map", lang); }

MapOptions parse_options(const std::vector<std::string>& args, Lang lang) {
  po::options_description visible;
  visible.add_options()("help,h", po::bool_switch())("json", po::bool_switch())("lang", po::value<std::string>())(
      "catalogue", po::value<std::vector<std::string>>());
  const po::variables_map vm = parse_command_line(args, visible, "map", lang);

  MapOptions options;
  options.help = vm["help"].as<bool>();
  options.json = vm["json"].as<bool>();
  options.lang = lang_option(vm, lang, "map");
  if (vm.count("catalogue")) options.catalogues = vm["catalogue"].as<std::vector<std::string>>();
  if (vm.count("inputs")) options.inputs = vm["inputs"].as<std::vector<std::string>>();
  if (!options.help && options.inputs.empty())
    throw UsageError{pick(options.lang, "chưa nêu tệp nào cần đọc", "no file was given") + see_help(options.lang)};
  return options;
}

/// One file's tables and their row mappings, or why the file could not be mapped.
struct FileMapping {
  std::string path;
  std::vector<Table> tables;
  std::vector<TableMapping> mappings;  ///< parallel to tables
  std::optional<std::string> error_id;
  std::string error_message;           ///< in the run's language
  std::string error_detail;            ///< English, for logs
};

/// Rows that should get a key (`rows`) by outcome; `other` counts totals and detail rows.
struct RowCounts {
  std::size_t rows = 0, mapped = 0, unmapped = 0, ambiguous = 0, conflict = 0, other = 0;
};

RowCounts count_rows(const FileMapping& file) {
  RowCounts counts;
  for (const auto& mapping : file.mappings) {
    for (const auto& row : mapping.rows) {
      switch (row.match.status) {
        case MatchStatus::mapped: ++counts.mapped; break;
        case MatchStatus::unmapped: ++counts.unmapped; break;
        case MatchStatus::ambiguous: ++counts.ambiguous; break;
        case MatchStatus::conflict: ++counts.conflict; break;
        case MatchStatus::total:
        case MatchStatus::detail: ++counts.other; continue;
        case MatchStatus::blank: continue;
      }
      ++counts.rows;
    }
  }
  return counts;
}

FileMapping map_file(const std::string& path, const RowMatcher& matcher, Lang lang) {
  FileMapping file;
  file.path = path;
  try {
    const Workbook workbook = read_workbook(path);
    TableScan scan = find_tables(workbook);
    if (scan.tables.empty()) {
      file.error_id = std::string(kNoTableId);
      file.error_message = file_error_message(kNoTableId, lang);
      return file;
    }
    file.tables = std::move(scan.tables);
    for (const auto& table : file.tables) {
      const Sheet* sheet = table.sheet_index < workbook.sheets.size() ? &workbook.sheets[table.sheet_index] : nullptr;
      file.mappings.push_back(map_table(table, matcher, sheet));
    }
  } catch (const ReadError& error) {
    file.error_id = read_error_id(error.code());
    file.error_message = read_error_message(error.code(), lang);
    file.error_detail = error.detail();
  } catch (const std::bad_alloc&) {
    file.error_id = read_error_id(ReadErrorCode::too_large);
    file.error_message = read_error_message(ReadErrorCode::too_large, lang);
  } catch (const std::exception& failure) {
    file.error_id = std::string(kInternalErrorId);
    file.error_message = file_error_message(kInternalErrorId, lang);
    file.error_detail = failure.what();
  }
  return file;
}

std::string confidence_text(double confidence, Lang lang) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%.2f", confidence);
  std::string text = buffer;
  if (lang == Lang::vi)
    for (auto& c : text)
      if (c == '.') c = ',';
  return text;
}

std::string pad(const std::string& text, std::size_t width) {
  const auto length = utf8_length(text);
  return length >= width ? text : text + std::string(width - length, ' ');
}

std::string one_line(const std::string& text) {
  std::string out;
  bool space = false;
  for (const char c : text) {
    if (c == '\n' || c == '\r' || c == '\t' || c == ' ') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

const char* table_kind_text(TableKind kind, Lang lang) {
  switch (kind) {
    case TableKind::funds: return pick(lang, "vốn sự nghiệp", "funds");
    case TableKind::investment: return pick(lang, "vốn đầu tư", "investment");
    case TableKind::criteria: return pick(lang, "tiêu chí nông thôn mới", "NTM criteria");
    case TableKind::documents: return pick(lang, "văn bản đã ban hành", "documents issued");
    case TableKind::unknown: break;
  }
  return pick(lang, "bảng", "table");
}

std::string candidate_list(const RowMatch& match, Lang lang) {
  std::string text;
  for (const auto& candidate : match.candidates) {
    if (!text.empty()) text += " | ";
    std::string via = candidate.via == "stt" ? "STT" : pick(lang, "tên", "label");
    if (candidate.via == "label-number") via = pick(lang, "số trong tên", "number in label");
    text += candidate.key + " (" + via + ")";
  }
  return text;
}

std::string status_text(const RowMatch& match, Lang lang) {
  const std::string candidates = candidate_list(match, lang);
  std::string text;
  switch (match.status) {
    case MatchStatus::unmapped: text = pick(lang, "không có trong danh mục", "not in the catalogue"); break;
    case MatchStatus::ambiguous: text = pick(lang, "khớp nhiều mục", "fits several entries"); break;
    case MatchStatus::conflict: text = pick(lang, "STT và tên không khớp", "STT and label disagree"); break;
    default: break;
  }
  return candidates.empty() ? text : text + ": " + candidates;
}

void print_row(std::ostream& out, const RowMapping& row, const Catalogue& catalogue, Lang lang) {
  const std::string cell = row.cell ? to_a1(*row.cell) : "row " + std::to_string(row.sheet_row + 1);
  // Columns: cell, STT, label (shortened to one line), then what it is.
  out << "    " << pad(cell, 5) << ' ' << pad(utf8_shorten(one_line(row.stt), 6), 7) << ' '
      << pad(utf8_shorten(one_line(row.label), 46), 48);
  const auto& match = row.match;
  switch (match.status) {
    case MatchStatus::mapped: {
      const auto* entry = catalogue.find(match.key);
      out << "→ " << pad(match.key, 13) << ' ' << pad(utf8_shorten(entry ? entry->name : std::string(), 32), 34)
          << confidence_text(match.confidence, lang);
      break;
    }
    case MatchStatus::total: out << "  " << pick(lang, "(dòng tổng cộng)", "(grand total)"); break;
    case MatchStatus::detail: out << "  " << pick(lang, "(dòng chi tiết, ngoài danh mục)", "(detail row, below the catalogue)"); break;
    default: out << "⚠ " << status_text(match, lang); break;
  }
  out << '\n';
}

std::string summary_text(const FileMapping& file, Lang lang) {
  if (file.error_id) return file.path + ": " + pick(lang, "không đọc được (", "not read (") + *file.error_id + ").";
  const auto counts = count_rows(file);
  std::string text = file.path + ": " + std::to_string(counts.rows) + pick(lang, " dòng; ", " rows; ") +
                     std::to_string(counts.mapped) + pick(lang, " nhận ra", " mapped");
  if (counts.unmapped) text += ", " + std::to_string(counts.unmapped) + pick(lang, " không nhận ra", " unmapped");
  if (counts.ambiguous) text += ", " + std::to_string(counts.ambiguous) + pick(lang, " khớp nhiều mục", " ambiguous");
  if (counts.conflict) text += ", " + std::to_string(counts.conflict) + pick(lang, " STT/tên không khớp", " STT/label conflicts");
  return text + ".";
}

void print_text(std::ostream& out, const FileMapping& file, const Catalogue& catalogue, Lang lang) {
  out << file.path << '\n';
  for (std::size_t t = 0; t < file.tables.size(); ++t) {
    const auto& table = file.tables[t];
    const auto& mapping = file.mappings[t];
    out << "  '" << table.sheet << "' (" << table_kind_text(table.kind, lang);
    if (!mapping.scope_key.empty()) out << ", " << mapping.scope_key;
    out << ")\n";
    if (table.kind == TableKind::documents) {
      out << "    " << pick(lang, "(bảng văn bản: không có dòng chương trình để ánh xạ)", "(a documents table: no program rows to map)") << '\n';
      continue;
    }
    for (const auto& row : mapping.rows)
      if (row.match.status != MatchStatus::blank) print_row(out, row, catalogue, lang);
    for (const auto& finding : mapping.findings)
      if (finding.code == "legacy-encoding")
        out << "    ⚠ " << cell_text(finding, false) << ' ' << finding_title(finding, lang) << ": " << finding_message(finding, lang) << '\n';
  }
  out << summary_text(file, lang) << '\n';
}

void write_candidate(JsonWriter& json, const MatchCandidate& candidate, const Catalogue& catalogue) {
  json.begin_object();
  json.key("key").value(candidate.key);
  const auto* entry = catalogue.find(candidate.key);
  json.key("name").value(entry ? entry->name : std::string());
  json.key("score").value(candidate.score);
  json.key("via").value(candidate.via);
  json.end_object();
}

void write_row(JsonWriter& json, const Table& table, const RowMapping& row, const Catalogue& catalogue) {
  const auto& match = row.match;
  json.begin_object();
  json.key("sheet").value(table.sheet);
  json.key("row").value(row.sheet_row + 1);  // 1-based, as Excel shows it
  if (row.cell) json.key("cell").value(to_a1(*row.cell));
  else json.key("cell").null();
  json.key("stt").value(row.stt);
  json.key("label").value(row.label);
  json.key("status").value(match_status_id(match.status));
  const auto* entry = match.status == MatchStatus::mapped ? catalogue.find(match.key) : nullptr;
  if (entry) {
    json.key("key").value(entry->key);
    json.key("name").value(entry->name);
    json.key("level").value(entry_level_id(entry->level));
    json.key("certainty").value(certainty_id(entry->certainty));
  } else {
    json.key("key").null();
    json.key("name").null();
    json.key("level").null();
    json.key("certainty").null();
  }
  json.key("confidence").value(match.confidence);
  json.key("reason").value(match.reason);
  json.key("parent_key").value(row.context_key);
  json.key("candidates").begin_array();
  for (const auto& candidate : match.candidates) write_candidate(json, candidate, catalogue);
  json.end_array();
  json.end_object();
}

void write_json(std::ostream& out, const std::vector<FileMapping>& files, const Catalogue& catalogue, Lang lang,
                int exit_code) {
  JsonWriter json(out);
  json.begin_object();
  json.key("schema").value(kMapJsonSchema);
  json.key("lang").value(lang == Lang::vi ? "vi" : "en");
  json.key("catalogue").begin_object();
  json.key("entries").value(static_cast<std::int64_t>(catalogue.entries().size()));
  json.end_object();
  json.key("files").begin_array();
  RowCounts total;
  for (const auto& file : files) {
    json.begin_object();
    json.key("path").value(file.path);
    if (file.error_id) {
      json.key("error").begin_object();
      json.key("code").value(*file.error_id);
      json.key("message").value(file.error_message);
      json.key("detail").value(file.error_detail);
      json.end_object();
    } else {
      json.key("error").null();
    }
    json.key("tables").begin_array();
    for (std::size_t t = 0; t < file.tables.size(); ++t) {
      json.begin_object();
      json.key("sheet").value(file.tables[t].sheet);
      json.key("title").value(file.tables[t].title);
      json.key("kind").value(table_kind_id(file.tables[t].kind));
      if (file.mappings[t].scope_key.empty()) json.key("criteria_set").null();
      else json.key("criteria_set").value(file.mappings[t].scope_key);
      json.end_object();
    }
    json.end_array();
    json.key("rows").begin_array();
    for (std::size_t t = 0; t < file.tables.size(); ++t)
      for (const auto& row : file.mappings[t].rows) write_row(json, file.tables[t], row, catalogue);
    json.end_array();
    json.key("findings").begin_array();
    for (const auto& mapping : file.mappings)
      for (const auto& finding : mapping.findings) report_json_detail::write_finding(json, finding, lang);
    json.end_array();
    const auto counts = count_rows(file);
    json.key("summary").begin_object();
    json.key("rows").value(static_cast<std::int64_t>(counts.rows));
    json.key("mapped").value(static_cast<std::int64_t>(counts.mapped));
    json.key("unmapped").value(static_cast<std::int64_t>(counts.unmapped));
    json.key("ambiguous").value(static_cast<std::int64_t>(counts.ambiguous));
    json.key("conflict").value(static_cast<std::int64_t>(counts.conflict));
    json.key("other").value(static_cast<std::int64_t>(counts.other));
    json.end_object();
    json.end_object();
    total.rows += counts.rows;
    total.mapped += counts.mapped;
    total.unmapped += counts.unmapped;
    total.ambiguous += counts.ambiguous;
    total.conflict += counts.conflict;
    total.other += counts.other;
  }
  json.end_array();
  json.key("summary").begin_object();
  json.key("files").value(static_cast<std::int64_t>(files.size()));
  json.key("rows").value(static_cast<std::int64_t>(total.rows));
  json.key("mapped").value(static_cast<std::int64_t>(total.mapped));
  json.key("unmapped").value(static_cast<std::int64_t>(total.unmapped));
  json.key("ambiguous").value(static_cast<std::int64_t>(total.ambiguous));
  json.key("conflict").value(static_cast<std::int64_t>(total.conflict));
  json.key("other").value(static_cast<std::int64_t>(total.other));
  json.key("exit_code").value(exit_code);
  json.end_object();
  json.end_object();
}

int exit_code_for(const std::vector<FileMapping>& files) {
  int code = kExitOk;
  for (const auto& file : files) {
    if (file.error_id) return kExitFailure;
    const auto counts = count_rows(file);
    if (counts.unmapped + counts.ambiguous + counts.conflict > 0) code = kExitFindings;
  }
  return code;
}

}  // namespace

int run_map(const std::vector<std::string>& args, Console& console) {
  const MapOptions options = parse_options(args, console.lang);
  const Lang lang = options.lang;
  if (options.help) {
    console.out << (lang == Lang::vi ? kHelpVi : kHelpEn);
    return kExitOk;
  }
  const std::optional<Catalogue> catalogue = load_catalogue_option(options.catalogues, console, "map", lang);
  if (!catalogue) return kExitFailure;
  const RowMatcher matcher(*catalogue);

  std::vector<FileMapping> files;
  for (const auto& input : options.inputs) files.push_back(map_file(input, matcher, lang));
  const int exit_code = exit_code_for(files);

  if (options.json) {
    write_json(console.out, files, *catalogue, lang, exit_code);
    return exit_code;
  }
  for (std::size_t i = 0; i < files.size(); ++i) {
    const auto& file = files[i];
    if (file.error_id) console.err << "phuluc map: " << file.path << ": " << file.error_message << '\n';
    if (i > 0) console.out << '\n';
    print_text(console.out, file, *catalogue, lang);
  }
  console.out.flush();
  return exit_code;
}

}  // namespace phuluc::tools
