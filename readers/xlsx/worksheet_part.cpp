#include "readers/xlsx/worksheet_part.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <type_traits>

#include "readers/read_error.hpp"
#include "readers/xlsx/ooxml_escapes.hpp"
#include "readers/xlsx/read_budget.hpp"
#include "readers/xlsx/shared_strings.hpp"
#include "readers/xlsx/styles_part.hpp"
#include "readers/xml_stream.hpp"
#include "readers/zip_archive.hpp"

namespace phuluc {
namespace {

// Longest formula Excel stores is 8,192 characters; anything past this is junk we need not keep.
constexpr std::size_t kMaxFormulaBytes = 64 * 1024;
constexpr std::size_t kMaxHeaderFooterBytes = 4 * 1024;

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t' || text.front() == '\n' || text.front() == '\r'))
    text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\n' || text.back() == '\r'))
    text.remove_suffix(1);
  return text;
}

template <class Number>
std::optional<Number> parse_number(std::string_view text) {
  text = trim(text);
  if (text.starts_with('+')) text.remove_prefix(1);
  Number value{};
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc{} || end != text.data() + text.size() || text.empty()) return std::nullopt;
  if constexpr (std::is_floating_point_v<Number>) {
    if (!std::isfinite(value)) return std::nullopt;
  }
  return value;
}

// Attributes such as "0"/"1" and "false"/"true".
bool xml_true(std::optional<std::string_view> value) { return value && (*value == "1" || *value == "true"); }

// Days from 1970-01-01 to a civil date (proleptic Gregorian); H. Hinnant's well-known algorithm.
std::int64_t days_from_civil(std::int64_t year, unsigned month, unsigned day) {
  year -= month <= 2 ? 1 : 0;
  const std::int64_t era = (year >= 0 ? year : year - 399) / 400;
  const auto year_of_era = static_cast<unsigned>(year - era * 400);
  const unsigned day_of_year = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  const unsigned day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + static_cast<std::int64_t>(day_of_era) - 719468;
}

enum class CellType : std::uint8_t { number, shared_string, inline_string, boolean, error, formula_string, iso_date };

CellType cell_type(std::optional<std::string_view> t) {
  if (!t || *t == "n") return CellType::number;
  if (*t == "s") return CellType::shared_string;
  if (*t == "inlineStr") return CellType::inline_string;
  if (*t == "b") return CellType::boolean;
  if (*t == "e") return CellType::error;
  if (*t == "str") return CellType::formula_string;
  if (*t == "d") return CellType::iso_date;
  return CellType::number;
}

// Where character data goes at the moment.
enum class Capture : std::uint8_t { none, value, formula, inline_text, header, footer };

class WorksheetHandler : public XmlHandler {
 public:
  WorksheetHandler(const WorksheetContext& context, ReadBudget& budget, Sheet& sheet)
      : context_(context), budget_(budget), sheet_(sheet) {
    text_cap_ = std::size_t{budget.limits().max_string_length} * 4 + 8;
  }

  void start_element(std::string_view name, const XmlAttributes& attrs, std::uint32_t depth) override {
    if (in_cell_) {
      start_in_cell(name);
      return;
    }
    if (name == "c" && in_row_) start_cell(attrs);
    else if (name == "row" && depth == 3) start_row(attrs);
    else if (name == "col" && depth == 3) read_column(attrs);
    else if (name == "mergeCell") read_merge(attrs);
    else if (name == "sheetView" && depth == 3) ++sheet_views_;
    else if (name == "pane" && depth == 4 && sheet_views_ == 1) read_pane(attrs);
    else if (depth == 2) start_sheet_level(name, attrs);
    else if (name == "pageSetUpPr" && depth == 3) sheet_.print.fit_to_page = xml_true(attrs.get("fitToPage"));
    else if (name == "oddHeader" && depth == 3) capture_ = Capture::header;
    else if (name == "oddFooter" && depth == 3) capture_ = Capture::footer;
  }

  void end_element(std::string_view name, std::uint32_t) override {
    if (in_cell_) {
      end_in_cell(name);
      return;
    }
    if (name == "row" && in_row_) finish_row();
    else if (name == "oddHeader" || name == "oddFooter") capture_ = Capture::none;
  }

  void characters(std::string_view text) override {
    switch (capture_) {
      case Capture::none: return;
      case Capture::value: append_capped(value_text_, text, text_cap_); return;
      case Capture::formula: append_capped(cell_.formula, text, kMaxFormulaBytes); return;
      case Capture::inline_text: append_capped(inline_text_, text, text_cap_); return;
      case Capture::header: append_capped(sheet_.print.header, text, kMaxHeaderFooterBytes); return;
      case Capture::footer: append_capped(sheet_.print.footer, text, kMaxHeaderFooterBytes); return;
    }
  }

  void finish() {
    if (rows_unsorted_) sort_and_merge_rows();
    if (columns_unsorted_)
      std::stable_sort(sheet_.columns.begin(), sheet_.columns.end(),
                       [](const ColumnInfo& a, const ColumnInfo& b) { return a.first < b.first; });
  }

  const WorksheetReadStats& stats() const { return stats_; }

 private:
  static void append_capped(std::string& out, std::string_view text, std::size_t cap) {
    if (out.size() < cap) out.append(text.substr(0, cap - out.size()));
  }

  // ---- rows

  void start_row(const XmlAttributes& attrs) {
    in_row_ = true;
    row_ = SheetRow{};
    const auto number = parse_number<std::uint32_t>(attrs.get("r").value_or(""));
    row_.index = number && *number >= 1 && *number <= kMaxRows ? *number - 1 : next_row_index_;
    next_row_index_ = row_.index + 1;
    row_.height = parse_number<double>(attrs.get("ht").value_or(""));
    row_.hidden = xml_true(attrs.get("hidden"));
    if (xml_true(attrs.get("customFormat"))) row_.style = parse_number<std::uint32_t>(attrs.get("s").value_or(""));
    row_.outline_level = outline_level(attrs);
    row_.cells.reserve(cells_hint_);
    next_col_ = 0;
    cells_unsorted_ = false;
  }

  void finish_row() {
    in_row_ = false;
    if (cells_unsorted_) sort_cells(row_.cells);
    cells_hint_ = row_.cells.size();
    const bool has_layout = row_.height || row_.hidden || row_.style || row_.outline_level > 0;
    if (row_.cells.empty() && !has_layout) return;
    if (!sheet_.rows.empty() && sheet_.rows.back().index >= row_.index) rows_unsorted_ = true;
    sheet_.rows.push_back(std::move(row_));
  }

  // Sorts by column; of cells with the same column the last in the file wins.
  static void sort_cells(std::vector<Cell>& cells) {
    std::stable_sort(cells.begin(), cells.end(), [](const Cell& a, const Cell& b) { return a.col < b.col; });
    std::vector<Cell> unique;
    unique.reserve(cells.size());
    for (auto& cell : cells) {
      if (!unique.empty() && unique.back().col == cell.col) unique.back() = std::move(cell);
      else unique.push_back(std::move(cell));
    }
    cells = std::move(unique);
  }

  // Rows out of order or repeated: sort them, and merge repeats (their cells, last wins).
  void sort_and_merge_rows() {
    auto& rows = sheet_.rows;
    std::stable_sort(rows.begin(), rows.end(), [](const SheetRow& a, const SheetRow& b) { return a.index < b.index; });
    std::vector<SheetRow> merged;
    merged.reserve(rows.size());
    for (auto& row : rows) {
      if (merged.empty() || merged.back().index != row.index) {
        merged.push_back(std::move(row));
        continue;
      }
      SheetRow& into = merged.back();
      for (auto& cell : row.cells) into.cells.push_back(std::move(cell));
      sort_cells(into.cells);
      if (row.height) into.height = row.height;
      if (row.style) into.style = row.style;
      into.hidden = into.hidden || row.hidden;
      into.outline_level = std::max(into.outline_level, row.outline_level);
    }
    rows = std::move(merged);
  }

  static std::uint8_t outline_level(const XmlAttributes& attrs) {
    const auto level = parse_number<std::uint32_t>(attrs.get("outlineLevel").value_or("")).value_or(0);
    return static_cast<std::uint8_t>(std::min<std::uint32_t>(level, 7));  // Excel allows 0..7
  }

  // ---- cells

  void start_cell(const XmlAttributes& attrs) {
    in_cell_ = true;
    cell_ = Cell{};
    value_text_.clear();
    inline_text_.clear();
    saw_value_ = false;
    saw_inline_ = false;
    in_inline_ = false;
    in_phonetic_ = false;
    const auto ref = attrs.get("r");
    const auto parsed = ref ? parse_a1(*ref) : std::nullopt;
    cell_.col = parsed ? parsed->col : next_col_;
    if (cell_.col >= kMaxCols) cell_.col = kMaxCols - 1;
    next_col_ = cell_.col + 1;
    if (!row_.cells.empty() && row_.cells.back().col >= cell_.col) cells_unsorted_ = true;
    type_ = cell_type(attrs.get("t"));
    cell_.style = parse_number<std::uint32_t>(attrs.get("s").value_or("")).value_or(0);
  }

  void start_in_cell(std::string_view name) {
    if (name == "v") {
      saw_value_ = true;
      capture_ = Capture::value;
    } else if (name == "f") {
      cell_.has_formula = true;
      capture_ = Capture::formula;
    } else if (name == "is") {
      in_inline_ = true;
      saw_inline_ = true;
    } else if (name == "rPh") {
      in_phonetic_ = true;
    } else if (name == "t" && in_inline_ && !in_phonetic_) {
      capture_ = Capture::inline_text;
    }
  }

  void end_in_cell(std::string_view name) {
    if (name == "c") {
      finish_cell();
      in_cell_ = false;
    } else if (name == "v" || name == "f" || name == "t") {
      capture_ = Capture::none;
    } else if (name == "is") {
      in_inline_ = false;
    } else if (name == "rPh") {
      in_phonetic_ = false;
    }
  }

  void set_text(std::string_view text, bool decode) {
    cell_.kind = CellKind::text;
    cell_.text.assign(text);
    if (decode) decode_ooxml_escapes(cell_.text);
    budget_.keep_text(cell_.text);
  }

  void set_number_or_text(std::string_view text) {
    if (trim(text).empty()) return;  // <v/>: no value
    if (const auto number = parse_number<double>(text)) {
      cell_.kind = CellKind::number;
      cell_.number = *number;
    } else {
      ++stats_.unreadable_numbers;
      set_text(text, false);
    }
  }

  void fill_value() {
    switch (type_) {
      case CellType::number:
        if (saw_value_) set_number_or_text(value_text_);
        break;
      case CellType::shared_string:
        if (!saw_value_) break;
        if (const auto index = parse_number<std::size_t>(value_text_); index && *index < context_.strings.size()) {
          set_text(context_.strings.at(*index), false);
        } else {
          ++stats_.bad_shared_string_refs;
        }
        break;
      case CellType::inline_string:
        // Some writers put the text of an inline string in <v> instead of <is>.
        if (saw_inline_) set_text(inline_text_, true);
        else if (saw_value_) set_text(value_text_, true);
        break;
      case CellType::boolean:
        if (!saw_value_) break;
        cell_.kind = CellKind::boolean;
        cell_.number = (trim(value_text_) == "1" || trim(value_text_) == "true") ? 1.0 : 0.0;
        break;
      case CellType::error:
        if (!saw_value_) break;
        set_text(trim(value_text_), false);
        cell_.kind = CellKind::error;
        break;
      case CellType::formula_string:
        if (saw_value_) set_text(value_text_, true);
        break;
      case CellType::iso_date:
        if (!saw_value_) break;
        if (const auto serial = iso_date_to_serial(trim(value_text_), context_.date1904)) {
          cell_.kind = CellKind::number;
          cell_.number = *serial;
          cell_.is_date = true;
        } else {
          set_text(value_text_, false);
        }
        break;
    }
  }

  // openpyxl writes formulas as <f>..</f><v></v>: an empty <v> is no result, except for a
  // string result (t="str"), where it is the empty string.
  bool has_cached_result() const {
    if (saw_inline_) return true;
    if (!saw_value_) return false;
    return type_ == CellType::formula_string || !trim(value_text_).empty();
  }

  void finish_cell() {
    capture_ = Capture::none;
    fill_value();
    if (cell_.has_formula && !has_cached_result()) {
      cell_.formula_without_value = true;
      ++stats_.formulas_without_value;
    }
    if (cell_.kind == CellKind::number && context_.styles.is_date(cell_.style)) cell_.is_date = true;
    if (cell_.kind == CellKind::empty && cell_.style == 0 && !cell_.has_formula) return;  // nothing to keep
    budget_.add_cell();
    row_.cells.push_back(std::move(cell_));
  }

  // ---- sheet-level elements

  void start_sheet_level(std::string_view name, const XmlAttributes& attrs) {
    PrintSetup& print = sheet_.print;
    if (name == "sheetFormatPr") {
      sheet_.default_row_height = parse_number<double>(attrs.get("defaultRowHeight").value_or(""));
      sheet_.default_col_width = parse_number<double>(attrs.get("defaultColWidth").value_or(""));
    } else if (name == "printOptions") {
      print.center_horizontally = xml_true(attrs.get("horizontalCentered"));
    } else if (name == "pageMargins") {
      print.margin_left = parse_number<double>(attrs.get("left").value_or(""));
      print.margin_right = parse_number<double>(attrs.get("right").value_or(""));
      print.margin_top = parse_number<double>(attrs.get("top").value_or(""));
      print.margin_bottom = parse_number<double>(attrs.get("bottom").value_or(""));
      print.margin_header = parse_number<double>(attrs.get("header").value_or(""));
      print.margin_footer = parse_number<double>(attrs.get("footer").value_or(""));
    } else if (name == "pageSetup") {
      if (const auto orientation = attrs.get("orientation"); orientation && *orientation != "default")
        print.landscape = *orientation == "landscape";
      print.paper_size = parse_number<std::uint32_t>(attrs.get("paperSize").value_or(""));
      print.scale = parse_number<std::uint32_t>(attrs.get("scale").value_or(""));
      print.fit_to_width = parse_number<std::uint32_t>(attrs.get("fitToWidth").value_or(""));
      print.fit_to_height = parse_number<std::uint32_t>(attrs.get("fitToHeight").value_or(""));
    }
  }

  void read_column(const XmlAttributes& attrs) {
    const auto min = parse_number<std::uint32_t>(attrs.get("min").value_or(""));
    const auto max = parse_number<std::uint32_t>(attrs.get("max").value_or(""));
    if (!min || *min < 1 || *min > kMaxCols) return;
    ColumnInfo info;
    info.first = *min - 1;
    info.last = std::clamp<std::uint32_t>(max.value_or(*min), *min, kMaxCols) - 1;
    info.width = parse_number<double>(attrs.get("width").value_or(""));
    info.hidden = xml_true(attrs.get("hidden"));
    if (const auto style = parse_number<std::uint32_t>(attrs.get("style").value_or("")); style && *style != 0)
      info.style = style;
    info.outline_level = outline_level(attrs);
    if (!sheet_.columns.empty() && sheet_.columns.back().first > info.first) columns_unsorted_ = true;
    sheet_.columns.push_back(info);
  }

  void read_merge(const XmlAttributes& attrs) {
    if (const auto range = parse_a1_range(attrs.get("ref").value_or("")); range && !(range->first == range->last))
      sheet_.merged.push_back(*range);
  }

  // Only a frozen pane fixes rows and columns; a split pane (state="split") scrolls both ways.
  void read_pane(const XmlAttributes& attrs) {
    const auto state = attrs.get("state").value_or("split");
    if (state != "frozen" && state != "frozenSplit") return;
    const double cols = parse_number<double>(attrs.get("xSplit").value_or("")).value_or(0.0);
    const double rows = parse_number<double>(attrs.get("ySplit").value_or("")).value_or(0.0);
    sheet_.frozen_cols = static_cast<std::uint32_t>(std::clamp(cols, 0.0, double{kMaxCols}));
    sheet_.frozen_rows = static_cast<std::uint32_t>(std::clamp(rows, 0.0, double{kMaxRows}));
  }

  const WorksheetContext& context_;
  ReadBudget& budget_;
  Sheet& sheet_;
  WorksheetReadStats stats_;
  std::size_t text_cap_ = 0;

  Capture capture_ = Capture::none;
  std::uint32_t sheet_views_ = 0;
  bool columns_unsorted_ = false;

  bool in_row_ = false;
  bool rows_unsorted_ = false;
  SheetRow row_;
  std::uint32_t next_row_index_ = 0;
  std::size_t cells_hint_ = 0;

  bool in_cell_ = false;
  bool cells_unsorted_ = false;
  Cell cell_;
  CellType type_ = CellType::number;
  std::uint32_t next_col_ = 0;
  std::string value_text_;   // reused across cells to avoid an allocation per cell
  std::string inline_text_;
  bool saw_value_ = false;
  bool saw_inline_ = false;
  bool in_inline_ = false;
  bool in_phonetic_ = false;
};

}  // namespace

namespace {

// "HH:MM[:SS[.fff]]" as a fraction of a day; nullopt when malformed.
std::optional<double> iso_time_fraction(std::string_view text) {
  if (text.size() < 5 || text[2] != ':') return std::nullopt;
  const auto hours = parse_number<unsigned>(text.substr(0, 2));
  const auto minutes = parse_number<unsigned>(text.substr(3, 2));
  if (!hours || !minutes || *hours > 24 || *minutes > 59) return std::nullopt;
  double seconds = 0.0;
  if (text.size() >= 8 && text[5] == ':') {
    std::size_t end = 6;
    while (end < text.size() && (std::isdigit(static_cast<unsigned char>(text[end])) || text[end] == '.')) ++end;
    seconds = parse_number<double>(text.substr(6, end - 6)).value_or(0.0);
  }
  return (*hours * 3600.0 + *minutes * 60.0 + seconds) / 86400.0;
}

}  // namespace

std::optional<double> iso_date_to_serial(std::string_view text, bool date1904) {
  // A time alone ("10:10:10") is a fraction of a day, as Excel stores it.
  if (text.size() >= 5 && text[2] == ':') return iso_time_fraction(text);
  // YYYY-MM-DD, optionally followed by THH:MM[:SS[.fff]] and a zone we ignore.
  if (text.size() < 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  const auto year = parse_number<int>(text.substr(0, 4));
  const auto month = parse_number<unsigned>(text.substr(5, 2));
  const auto day = parse_number<unsigned>(text.substr(8, 2));
  if (!year || !month || !day || *month < 1 || *month > 12 || *day < 1 || *day > 31) return std::nullopt;
  const std::int64_t epoch = date1904 ? days_from_civil(1904, 1, 1) : days_from_civil(1899, 12, 30);
  const double days = static_cast<double>(days_from_civil(*year, *month, *day) - epoch);
  if (text.size() == 10) return days;
  if (text[10] != 'T') return std::nullopt;
  const auto fraction = iso_time_fraction(text.substr(11));
  if (!fraction) return std::nullopt;
  return days + *fraction;
}

WorksheetReadStats read_worksheet_part(ZipArchive& zip, const std::string& part_name, const WorksheetContext& context,
                                       ReadBudget& budget, Sheet& sheet) {
  WorksheetHandler handler(context, budget, sheet);
  ZipPartReader part = zip.open(part_name);
  parse_xml([&](char* buffer, std::size_t size) { return part.read(buffer, size); }, handler, part.name(),
            budget.limits().max_xml_depth);
  handler.finish();
  return handler.stats();
}

}  // namespace phuluc
