#include "writer_test_support.hpp"

#include <cctype>
#include <map>
#include <optional>

#include "model/style.hpp"
#include "writers/xlsx/merge_ranges.hpp"

namespace phuluc::test {

// ------------------------------------------------------------------------------------------------
// The feature workbook
// ------------------------------------------------------------------------------------------------

namespace {

constexpr const char* kTimes = "Times New Roman";

Font times(double size, bool bold = false, bool italic = false) {
  Font font;
  font.name = kTimes;
  font.size = size;
  font.bold = bold;
  font.italic = italic;
  return font;
}

Border thin_box() {
  Border border;
  border.left.style = border.right.style = border.top.style = border.bottom.style = "thin";
  return border;
}

// Style indices of the feature workbook, in the order they are pushed.
enum StyleIndex : std::uint32_t {
  kDefault,
  kTitle,
  kHeader,
  kAmount,
  kRate,
  kDecorated,
  kRotated,
  kDate,
  kUnlocked,
  kPattern,
  kPercent,
  kWrappedText,
  kRowStyle,
};

std::vector<CellStyle> feature_styles() {
  std::vector<CellStyle> styles;
  CellStyle base;
  base.font = times(12);
  base.number_format = "General";
  styles.push_back(base);  // kDefault

  CellStyle title = base;
  title.font = times(14, true);
  title.alignment.horizontal = "center";
  title.alignment.vertical = "center";
  styles.push_back(title);  // kTitle

  CellStyle header = base;
  header.font = times(12, true);
  header.fill.pattern = "solid";
  header.fill.fg_color = "FFD9D9D9";
  header.border = thin_box();
  header.alignment.horizontal = "center";
  header.alignment.vertical = "center";
  header.alignment.wrap = true;
  styles.push_back(header);  // kHeader

  CellStyle amount = base;
  amount.border = thin_box();
  amount.num_fmt_id = 164;
  amount.number_format = "#,##0.000";
  styles.push_back(amount);  // kAmount

  CellStyle rate = amount;
  rate.num_fmt_id = 2;
  rate.number_format = "0.00";
  rate.alignment.horizontal = "right";
  styles.push_back(rate);  // kRate

  CellStyle decorated = base;
  decorated.font = times(11, false, true);
  decorated.font.underline = true;
  decorated.font.strike = true;
  decorated.font.color = "FFFF0000";
  decorated.border.bottom = {"double", "FF000000"};
  decorated.border.top = {"hair", ""};
  styles.push_back(decorated);  // kDecorated

  CellStyle rotated = base;
  rotated.border.left = {"mediumDashed", "FF0000FF"};
  rotated.border.right = {"dashDotDot", "FF00B050"};
  rotated.border.top = {"thick", ""};
  rotated.border.bottom = {"slantDashDot", ""};
  rotated.alignment.rotation = 90;
  rotated.alignment.vertical = "top";
  rotated.alignment.horizontal = "left";
  rotated.alignment.indent = 2;
  styles.push_back(rotated);  // kRotated

  CellStyle date = base;
  date.num_fmt_id = 165;
  date.number_format = "dd/mm/yyyy";
  styles.push_back(date);  // kDate

  CellStyle unlocked = base;
  unlocked.locked = false;
  unlocked.hidden = true;
  unlocked.alignment.rotation = 135;  // 45 degrees downwards
  styles.push_back(unlocked);  // kUnlocked

  CellStyle pattern = base;
  pattern.fill.pattern = "darkGrid";
  pattern.fill.fg_color = "FFFF0000";
  pattern.fill.bg_color = "FF92D050";
  pattern.alignment.horizontal = "centerContinuous";
  styles.push_back(pattern);  // kPattern

  CellStyle percent = base;
  percent.num_fmt_id = 10;
  percent.number_format = "0.00%";
  styles.push_back(percent);  // kPercent

  CellStyle wrapped = base;
  wrapped.alignment.wrap = true;
  wrapped.alignment.vertical = "justify";
  wrapped.alignment.horizontal = "distributed";
  wrapped.border = thin_box();
  styles.push_back(wrapped);  // kWrappedText

  CellStyle row_style = base;
  row_style.fill.pattern = "solid";
  row_style.fill.fg_color = "FFE2EFDA";
  row_style.font = times(10);
  styles.push_back(row_style);  // kRowStyle
  return styles;
}

Sheet funds_sheet() {
  Sheet sheet;
  sheet.name = "Biểu 01 - Vốn sự nghiệp";
  put(sheet, "A1", text_cell(0, "TỔNG HỢP TÌNH HÌNH THỰC HIỆN VỐN SỰ NGHIỆP", kTitle));
  sheet.merged.push_back(*parse_a1_range("A1:F1"));
  row_at(sheet, 0).height = 30.0;
  put(sheet, "A2", text_cell(0, "(Kèm theo Báo cáo số 3397/BC-UBND ngày 19 tháng 6 năm 2026)", kDecorated));
  sheet.merged.push_back(*parse_a1_range("A2:F2"));

  // A three-row header: STT and Nội dung span rows 3-5, the plan block spans C3:E3.
  put(sheet, "A3", text_cell(0, "STT", kHeader));
  put(sheet, "B3", text_cell(1, "Nội dung", kHeader));
  put(sheet, "C3", text_cell(2, "Kế hoạch vốn năm 2026", kHeader));
  put(sheet, "F3", text_cell(5, "Tỷ lệ giải ngân (%)", kHeader));
  put(sheet, "C4", text_cell(2, "Tổng số", kHeader));
  put(sheet, "D4", text_cell(3, "Trong đó", kHeader));
  put(sheet, "D5", text_cell(3, "NSTW", kHeader));
  put(sheet, "E5", text_cell(4, "NSĐP", kHeader));
  for (const char* a1 : {"A4", "A5", "B4", "B5", "C5", "D3", "E3", "E4", "F4", "F5"}) {
    Cell blank;
    blank.style = kHeader;  // covered cells keep their own borders
    put(sheet, a1, blank);
  }
  for (const char* range : {"A3:A5", "B3:B5", "C3:E3", "D4:E4", "C4:C5", "F3:F5"})
    sheet.merged.push_back(*parse_a1_range(range));

  put(sheet, "A6", text_cell(0, "", kAmount));  // an empty string: written as a styled blank
  put(sheet, "B6", text_cell(1, "TỔNG CỘNG", kHeader));
  put(sheet, "C6", formula_cell(2, "SUM(C7:C9)", 1439.262, kAmount));
  put(sheet, "D6", formula_cell(3, "SUM(D7:D9)", 1184.0, kAmount));
  put(sheet, "E6", formula_cell(4, "SUM(E7:E9)", 255.262, kAmount));
  Cell rate = formula_cell(5, "IF(C6=0,\"\",E6/C6*100)", 17.735617, kRate);
  put(sheet, "F6", rate);

  put(sheet, "A7", text_cell(0, "A", kWrappedText));
  put(sheet, "B7", text_cell(1, "Chương trình MTQG phát triển kinh tế - xã hội vùng đồng bào dân tộc thiểu số và miền núi",
                             kWrappedText));
  put(sheet, "C7", number_cell(2, 1184.0, kAmount));
  put(sheet, "D7", number_cell(3, 1184.0, kAmount));
  put(sheet, "E7", number_cell(4, 0.0, kAmount));
  put(sheet, "F7", formula_cell(5, "IF(C7=0,\"\",E7/C7*100)", 0.0, kRate));

  put(sheet, "A8", text_cell(0, "B", kWrappedText));
  put(sheet, "B8", text_cell(1, "Chương trình MTQG giảm nghèo bền vững", kWrappedText));
  put(sheet, "C8", number_cell(2, 255.262, kAmount));
  put(sheet, "D8", number_cell(3, 0.0, kAmount));
  put(sheet, "E8", number_cell(4, 255.262, kAmount));
  Cell uncached = formula_cell(5, "E8/C8*100", 0.0, kRate);
  uncached.kind = CellKind::empty;
  uncached.formula_without_value = true;
  put(sheet, "F8", uncached);

  put(sheet, "A9", text_cell(0, "C", kWrappedText));
  put(sheet, "B9", text_cell(1, "Chương trình MTQG xây dựng nông thôn mới", kWrappedText));
  for (const char* a1 : {"C9", "D9", "E9"}) put(sheet, a1, number_cell(0, 0.0, kAmount));
  Cell blank_rate = formula_cell(5, "IF(C9=0,\"\",E9/C9*100)", 0.0, kRate);
  blank_rate.kind = CellKind::text;  // the plan is 0: the rate's cached result is the empty text
  blank_rate.text = "";
  put(sheet, "F9", blank_rate);

  // Values of every kind, in a hidden row and a grouped row.
  put(sheet, "A10", number_cell(0, 46192.0, kDate));  // 19/06/2026
  Cell flag;
  flag.kind = CellKind::boolean;
  flag.number = 1.0;
  put(sheet, "B10", flag);
  Cell error;
  error.kind = CellKind::error;
  error.text = "#DIV/0!";
  put(sheet, "C10", error);
  put(sheet, "D10", number_cell(3, 0.1234, kPercent));
  row_at(sheet, 9).hidden = true;
  put(sheet, "A11", text_cell(0, "Ghi chú: số liệu ước thực hiện", kRotated));
  put(sheet, "B11", text_cell(1, "khóa", kUnlocked));
  put(sheet, "C11", text_cell(2, "hoa văn", kPattern));
  Cell text_result = formula_cell(3, "B7&\" \"&B8", 0.0, kDefault);
  text_result.kind = CellKind::text;
  text_result.text = std::string("Chương trình MTQG phát triển kinh tế - xã hội vùng đồng bào dân tộc thiểu số và miền núi") +
                     " Chương trình MTQG giảm nghèo bền vững";
  put(sheet, "D11", text_result);
  SheetRow& grouped = row_at(sheet, 10);
  grouped.outline_level = 1;
  grouped.height = 20.25;
  SheetRow& styled = row_at(sheet, 11);  // a row with a default format and no cells
  styled.style = kRowStyle;
  styled.height = 15.0;  // equal to libxlsxwriter's default height, kept all the same
  put(sheet, "B14", number_cell(1, -5844.299, kAmount));

  sheet.columns = {
      {0, 0, 6.7109375, false, std::nullopt, 0},
      {1, 1, 40.7109375, false, std::nullopt, 0},
      {2, 4, 14.7109375, false, kAmount, 0},
      {5, 5, 12.7109375, false, std::nullopt, 0},
      {6, 6, 10.7109375, true, std::nullopt, 0},
      {7, 8, 9.140625, false, std::nullopt, 1},
  };
  sheet.frozen_rows = 5;
  sheet.frozen_cols = 2;

  PrintSetup& print = sheet.print;
  print.set_a4_landscape_one_page_wide();
  print.margin_left = 1.18;
  print.margin_right = 0.59;
  print.margin_top = 0.79;
  print.margin_bottom = 0.79;
  print.margin_header = 0.31;
  print.margin_footer = 0.32;
  print.repeat_rows = std::pair<std::uint32_t, std::uint32_t>{2, 4};
  print.print_area = *parse_a1_range("A1:F14");
  print.header = "&C&P";
  print.footer = "&RTrang &P/&N";
  print.center_horizontally = true;
  return sheet;
}

Sheet criteria_sheet() {
  Sheet sheet;
  sheet.name = "Tiêu chí NTM";
  sheet.default_col_width = 12.7109375;
  sheet.default_row_height = 24.0;  // set by hand: far from the 12-point font's 15.75
  put(sheet, "A1", text_cell(0, "TT", kHeader));
  put(sheet, "B1", text_cell(1, "Tên tiêu chí", kHeader));
  put(sheet, "C1", text_cell(2, "Kết quả", kHeader));
  put(sheet, "A2", number_cell(0, 1));
  put(sheet, "B2", text_cell(1, "Quy hoạch"));
  put(sheet, "C2", text_cell(2, "Đạt"));
  put(sheet, "A3", number_cell(0, 2));
  put(sheet, "B3", text_cell(1, "Giao thông"));
  put(sheet, "C3", text_cell(2, "K. Đạt"));
  put(sheet, "B4", text_cell(1, "Tổng 1/2"));
  row_at(sheet, 3).height = 33.75;
  sheet.columns = {{1, 1, 30.7109375, false, std::nullopt, 0}, {3, 3, std::nullopt, true, std::nullopt, 0}};
  sheet.frozen_rows = 1;
  sheet.print.landscape = false;
  sheet.print.scale = 85;
  sheet.print.paper_size = 9;
  return sheet;
}

Sheet hidden_sheet() {
  Sheet sheet;
  sheet.name = "Ẩn - tham số";
  sheet.hidden = true;
  put(sheet, "A1", text_cell(0, "năm"));
  put(sheet, "B1", number_cell(1, 2026));
  return sheet;
}

}  // namespace

Workbook feature_workbook() {
  Workbook workbook;
  workbook.styles = feature_styles();
  workbook.sheets = {funds_sheet(), criteria_sheet(), hidden_sheet()};
  return workbook;
}

// ------------------------------------------------------------------------------------------------
// Comparison
// ------------------------------------------------------------------------------------------------

namespace {

constexpr double kStoredDefaultWidth = 9.140625;
constexpr double kWidthTolerance = 1.0 / 14 + 1.0 / 256;  // widths round to the pixel

std::string upper(std::string text) {
  for (char& c : text) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return text;
}

// "FFRRGGBB" and "RRGGBB" alike as "RRGGBB" (the writer drops alpha).
std::string color6(const std::string& argb) { return argb.size() == 8 ? upper(argb.substr(2)) : upper(argb); }

std::string fixed(double value, int decimals = 2) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
  return buffer;
}

std::string edge_look(const BorderEdge& edge) {
  if (edge.style.empty() || edge.style == "none") return "-";
  return edge.style + (edge.color.empty() ? "" : "/" + color6(edge.color));
}

std::string number_format_code(const CellStyle& style) {
  if (!style.number_format.empty()) return style.number_format;
  const std::string builtin = builtin_number_format(style.num_fmt_id);
  return builtin.empty() ? "id" + std::to_string(style.num_fmt_id) : builtin;
}

// Everything about a style that shows, as one comparable line.
std::string look(const CellStyle& style) {
  std::string out;
  const Font& font = style.font;
  out += "font " + font.name + " " + fixed(font.size) + (font.bold ? " b" : "") + (font.italic ? " i" : "") +
         (font.underline ? " u" : "") + (font.strike ? " s" : "") + (font.color.empty() ? "" : " #" + color6(font.color));
  const Fill& fill = style.fill;
  if (fill.pattern == "solid" && !fill.fg_color.empty()) out += "; fill solid #" + color6(fill.fg_color);
  else if (!fill.pattern.empty() && fill.pattern != "none" && fill.pattern != "solid")
    out += "; fill " + fill.pattern + " #" + color6(fill.fg_color) + " #" + color6(fill.bg_color);
  const Border& border = style.border;
  out += "; border " + edge_look(border.left) + " " + edge_look(border.right) + " " + edge_look(border.top) + " " +
         edge_look(border.bottom);
  const Alignment& alignment = style.alignment;
  const std::string horizontal = alignment.horizontal == "general" ? "" : alignment.horizontal;
  const std::string vertical = alignment.vertical == "bottom" ? "" : alignment.vertical;
  const bool indentable = horizontal == "left" || horizontal == "right" || horizontal == "distributed";
  out += "; align " + horizontal + "/" + vertical + (alignment.wrap ? " wrap" : "") +
         (alignment.indent && indentable ? " indent" + std::to_string(alignment.indent) : "") +
         (alignment.rotation ? " rot" + std::to_string(alignment.rotation) : "");
  const std::string code = number_format_code(style);
  out += "; format " + (code == "General" ? std::string() : code);
  out += style.locked ? "" : "; unlocked";
  out += style.hidden ? "; hidden" : "";
  return out;
}

std::string style_look(const Workbook& workbook, std::optional<std::uint32_t> index) {
  if (!index) return "(none)";
  if (workbook.styles.empty()) return look(CellStyle{});
  return look(*index < workbook.styles.size() ? workbook.styles[*index] : workbook.styles.front());
}

bool close(double a, double b, double tolerance) { return std::abs(a - b) <= tolerance; }

bool same_number(double a, double b) { return close(a, b, 1e-9 * std::max({1.0, std::abs(a), std::abs(b)})); }

// A cell's value as the writer should have written it, described for comparison.
struct Expected {
  bool present = false;
  CellKind kind = CellKind::empty;
  double number = 0;
  std::string text;
  std::string formula;  // empty: no formula
};

Expected expected_value(const Workbook& workbook, const Cell& cell) {
  Expected out;
  out.present = true;
  out.kind = cell.kind;
  out.number = workbook.date1904 && cell.is_date ? cell.number + 1462.0 : cell.number;
  out.text = cell.text;
  std::erase(out.text, '\0');  // C strings cannot carry NUL
  const bool formula = cell.has_formula && !cell.formula.empty();
  if (formula) {
    out.formula = cell.formula;
    if (cell.formula_without_value || cell.kind == CellKind::empty) {
      out.kind = CellKind::text;
      out.text.clear();
    } else if (cell.kind == CellKind::error) {
      out.kind = CellKind::text;
    } else if (cell.kind == CellKind::boolean) {
      out.kind = CellKind::number;
    }
  } else if (cell.kind == CellKind::error) {
    out.formula = out.text;
    out.kind = CellKind::text;
  } else if (cell.kind == CellKind::text && out.text.empty()) {
    out.kind = CellKind::empty;  // libxlsxwriter writes an empty string as a blank
  }
  return out;
}

const char* kind_name(CellKind kind) {
  switch (kind) {
    case CellKind::empty: return "empty";
    case CellKind::number: return "number";
    case CellKind::text: return "text";
    case CellKind::boolean: return "boolean";
    case CellKind::error: return "error";
  }
  return "?";
}

std::string describe(CellKind kind, double number, const std::string& text, const std::string& formula) {
  std::string out = kind_name(kind);
  if (kind == CellKind::number || kind == CellKind::boolean) out += " " + fixed(number, 9);
  if (kind == CellKind::text || kind == CellKind::error) out += " \"" + text.substr(0, 60) + "\"";
  if (!formula.empty()) out += " =" + formula;
  return out;
}

void compare_cells(const Workbook& ew, const Sheet& es, const Workbook& aw, const Sheet& as, bool formula_results,
                   std::vector<std::string>& out) {
  const std::string default_look = ew.styles.empty() ? look(CellStyle{}) : look(ew.styles.front());
  std::map<CellRef, std::pair<const Cell*, const Cell*>> cells;
  for (const auto& row : es.rows)
    for (const auto& cell : row.cells) cells[{row.index, cell.col}].first = &cell;
  for (const auto& row : as.rows)
    for (const auto& cell : row.cells) cells[{row.index, cell.col}].second = &cell;
  for (const auto& [ref, pair] : cells) {
    const auto [e, a] = pair;
    const std::string where = es.name + "!" + to_a1(ref) + ": ";
    if (e != nullptr && e->text.size() > 32767) continue;  // cut by design
    const Expected want = e ? expected_value(ew, *e) : Expected{};
    // A blank that looks like the workbook's default need not be written.
    const bool want_cell = e != nullptr && (want.kind != CellKind::empty || !want.formula.empty() ||
                                            look(ew.style_of(*e)) != default_look);
    if (a == nullptr) {
      if (want_cell) out.push_back(where + "missing, expected " + describe(want.kind, want.number, want.text, want.formula));
      continue;
    }
    const std::string got_formula = a->has_formula ? a->formula : std::string();
    const std::string got = describe(a->kind, a->number, a->text, got_formula);
    if (e == nullptr) {
      out.push_back(where + "unexpected " + got);
      continue;
    }
    const std::string expected = describe(want.kind, want.number, want.text, want.formula);
    const bool result_only = !formula_results && !want.formula.empty();
    const bool value_equal = result_only ? want.formula == got_formula
                                         : want.kind == a->kind &&
                             ((want.kind != CellKind::number && want.kind != CellKind::boolean) ||
                              same_number(want.number, a->number)) &&
                             ((want.kind != CellKind::text && want.kind != CellKind::error) || want.text == a->text) &&
                             want.formula == got_formula;
    if (!value_equal) out.push_back(where + "value " + expected + " vs " + got);
    const std::string e_look = look(ew.style_of(*e));
    const std::string a_look = look(aw.style_of(*a));
    if (e_look != a_look) out.push_back(where + "style [" + e_look + "] vs [" + a_look + "]");
  }
}

void compare_merges(const Sheet& es, const Sheet& as, std::vector<std::string>& out) {
  auto sorted = [](std::vector<CellRange> ranges) {
    std::sort(ranges.begin(), ranges.end(), [](const CellRange& a, const CellRange& b) {
      return std::tie(a.first, a.last) < std::tie(b.first, b.last);
    });
    return ranges;
  };
  const auto want = sorted(xlsxw::writable_merges(es.merged));  // tested against brute force
  const auto got = sorted(as.merged);
  if (want == got) return;
  std::string text = es.name + ": merged ranges differ, expected";
  for (const auto& range : want) text += " " + to_a1(range);
  text += "; got";
  for (const auto& range : got) text += " " + to_a1(range);
  out.push_back(text);
}

struct ColumnLook {
  double width = kStoredDefaultWidth;
  bool hidden = false;
  std::uint8_t outline = 0;
  std::optional<std::uint32_t> style;
};

std::vector<ColumnLook> column_looks(const Sheet& sheet) {
  const double default_width = sheet.default_col_width.value_or(kStoredDefaultWidth);
  ColumnLook plain;
  plain.width = default_width;
  std::vector<ColumnLook> looks(kMaxCols, plain);
  for (const auto& info : sheet.columns) {
    for (std::uint32_t col = info.first; col <= info.last && col < kMaxCols; ++col) {
      looks[col].width = info.width.value_or(default_width);
      looks[col].hidden = info.hidden;
      looks[col].outline = info.outline_level;
      looks[col].style = info.style;
    }
  }
  return looks;
}

void compare_columns(const Workbook& ew, const Sheet& es, const Workbook& aw, const Sheet& as,
                     std::vector<std::string>& out) {
  const auto want = column_looks(es);
  const auto got = column_looks(as);
  std::size_t reported = 0;
  for (std::uint32_t col = 0; col < kMaxCols && reported < 5; ++col) {
    const std::string where = es.name + " column " + column_letters(col) + ": ";
    const auto& w = want[col];
    const auto& g = got[col];
    std::string problem;
    // A hidden column's width does not show; Excel itself stores 0 for some.
    if (!w.hidden && !close(w.width, g.width, kWidthTolerance))
      problem += "width " + fixed(w.width, 4) + " vs " + fixed(g.width, 4) + "; ";
    if (w.hidden != g.hidden) problem += std::string("hidden ") + (w.hidden ? "yes" : "no") + " vs " + (g.hidden ? "yes" : "no") + "; ";
    if (w.outline != g.outline) problem += "outline " + std::to_string(w.outline) + " vs " + std::to_string(g.outline) + "; ";
    if (w.style && style_look(ew, w.style) != style_look(aw, g.style))
      problem += "style [" + style_look(ew, w.style) + "] vs [" + style_look(aw, g.style) + "]; ";
    if (!problem.empty()) {
      out.push_back(where + problem);
      ++reported;
    }
  }
}

void compare_rows(const Workbook& ew, const Sheet& es, const Workbook& aw, const Sheet& as,
                  std::vector<std::string>& out) {
  std::map<std::uint32_t, std::pair<const SheetRow*, const SheetRow*>> rows;
  for (const auto& row : es.rows) rows[row.index].first = &row;
  for (const auto& row : as.rows) rows[row.index].second = &row;
  static const SheetRow kPlain;
  for (const auto& [index, pair] : rows) {
    const SheetRow& e = pair.first ? *pair.first : kPlain;
    const SheetRow& a = pair.second ? *pair.second : kPlain;
    const std::string where = es.name + " row " + std::to_string(index + 1) + ": ";
    if (e.height) {
      const double want = std::min(*e.height, 409.0);
      if (!a.height || !close(want, *a.height, 0.01))
        out.push_back(where + "height " + fixed(want) + " vs " + (a.height ? fixed(*a.height) : "none"));
    } else if (a.height && !(as.default_row_height && close(*a.height, *as.default_row_height, 0.01))) {
      out.push_back(where + "unexpected height " + fixed(*a.height));
    }
    if (e.hidden != a.hidden) out.push_back(where + "hidden differs");
    if (e.outline_level != a.outline_level) out.push_back(where + "outline level differs");
    if (e.style && style_look(ew, e.style) != style_look(aw, a.style))
      out.push_back(where + "style [" + style_look(ew, e.style) + "] vs [" + style_look(aw, a.style) + "]");
  }
}

// A header/footer without picture codes: the model carries no header images.
std::string without_pictures(std::string text) {
  for (const std::string code : {"&G", "&[Picture]"})
    for (auto at = text.find(code); at != std::string::npos; at = text.find(code, at)) text.erase(at, code.size());
  return text;
}

void compare_print(const Sheet& es, const Sheet& as, std::vector<std::string>& out) {
  const PrintSetup& e = es.print;
  const PrintSetup& a = as.print;
  const std::string where = es.name + " print: ";
  auto check = [&](bool same, const std::string& what) {
    if (!same) out.push_back(where + what);
  };
  check(e.landscape.value_or(false) == a.landscape.value_or(false), "orientation");
  const std::uint32_t e_paper = e.paper_size && *e.paper_size <= 255 ? *e.paper_size : 0;  // libxlsxwriter: 1 byte
  check(e_paper == a.paper_size.value_or(0), "paper size");
  const std::uint32_t e_scale = e.scale && *e.scale >= 10 && *e.scale <= 400 ? *e.scale : 100;
  check(e_scale == a.scale.value_or(100), "scale " + std::to_string(e_scale) + " vs " + std::to_string(a.scale.value_or(100)));
  check(e.fit_to_page == a.fit_to_page, "fit to page");
  if (e.fit_to_page) {
    check(e.fit_to_width.value_or(1) == a.fit_to_width.value_or(1), "fit to width");
    check(e.fit_to_height.value_or(1) == a.fit_to_height.value_or(1), "fit to height");
  }
  check(close(e.margin_left.value_or(0.7), a.margin_left.value_or(0.7), 1e-6), "left margin");
  check(close(e.margin_right.value_or(0.7), a.margin_right.value_or(0.7), 1e-6), "right margin");
  check(close(e.margin_top.value_or(0.75), a.margin_top.value_or(0.75), 1e-6), "top margin");
  check(close(e.margin_bottom.value_or(0.75), a.margin_bottom.value_or(0.75), 1e-6), "bottom margin");
  check(close(e.margin_header.value_or(0.3), a.margin_header.value_or(0.3), 1e-6), "header margin");
  check(close(e.margin_footer.value_or(0.3), a.margin_footer.value_or(0.3), 1e-6), "footer margin");
  check(e.repeat_rows == a.repeat_rows, "repeated rows");
  check(e.print_area == a.print_area, "print area");
  check(without_pictures(e.header) == a.header, "header \"" + e.header + "\" vs \"" + a.header + "\"");
  check(without_pictures(e.footer) == a.footer, "footer \"" + e.footer + "\" vs \"" + a.footer + "\"");
  check(e.center_horizontally == a.center_horizontally, "horizontal centring");
}

}  // namespace

std::vector<std::string> model_differences(const Workbook& expected, const Workbook& actual, bool formula_results) {
  std::vector<std::string> out;
  if (expected.sheets.size() != actual.sheets.size()) {
    out.push_back("sheet count " + std::to_string(expected.sheets.size()) + " vs " + std::to_string(actual.sheets.size()));
    return out;
  }
  for (std::size_t i = 0; i < expected.sheets.size(); ++i) {
    const Sheet& es = expected.sheets[i];
    const Sheet& as = actual.sheets[i];
    if (es.name != as.name) out.push_back("sheet " + std::to_string(i + 1) + " name \"" + es.name + "\" vs \"" + as.name + "\"");
    if (es.hidden != as.hidden) out.push_back(es.name + ": visibility differs");
    compare_cells(expected, es, actual, as, formula_results, out);
    compare_merges(es, as, out);
    compare_columns(expected, es, actual, as, out);
    compare_rows(expected, es, actual, as, out);
    if (es.frozen_rows != as.frozen_rows || es.frozen_cols != as.frozen_cols)
      out.push_back(es.name + ": frozen panes " + std::to_string(es.frozen_rows) + "," + std::to_string(es.frozen_cols) +
                    " vs " + std::to_string(as.frozen_rows) + "," + std::to_string(as.frozen_cols));
    compare_print(es, as, out);
  }
  return out;
}

}  // namespace phuluc::test
