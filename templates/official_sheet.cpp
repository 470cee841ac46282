#include "templates/official_sheet.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include "consolidation/row_formulas.hpp"
#include "consolidation/style_book.hpp"
#include "mappings/text_normalize.hpp"
#include "writers/formula_text.hpp"

namespace phuluc {
namespace {

constexpr const char* kFontName = "Times New Roman";
constexpr double kBodySize = 11.0;
constexpr double kTitleSize = 12.0;
constexpr int kRateDecimals = 2;
constexpr double kLineHeight = 15.0;  // points per line of 11-point Times New Roman

// NĐ 30/2020 margins in inches: top and bottom 20 mm, left 30 mm, right 15 mm.
constexpr double kMarginTop = 0.79, kMarginBottom = 0.79, kMarginLeft = 1.18, kMarginRight = 0.59;
constexpr std::uint32_t kCustomFormatId = 164;  // the first id of a custom number format: written as its code

bool is_value_role(TemplateColumnRole role) {
  return role == TemplateColumnRole::amount || role == TemplateColumnRole::rate;
}

// Lines a wrapped text needs in a column `width` characters wide (Times New Roman is narrower than
// the '0' Excel measures widths in, and Vietnamese words break early: about 1.1 letters per unit).
int wrapped_lines(const std::string& text, double width) {
  const double per_line = std::max(1.0, width * 1.1 - 1.0);
  const double letters = static_cast<double>(utf8_length(text));
  return std::max(1, static_cast<int>(std::ceil(letters / per_line)));
}

CellStyle bordered(CellStyle style) {
  for (BorderEdge* edge : {&style.border.left, &style.border.right, &style.border.top, &style.border.bottom})
    edge->style = "thin";
  return style;
}

// The look of a row's text by its level: TỔNG CỘNG and programs bold capitals, Dự án bold,
// Tiểu dự án regular, contents italic.
void apply_level(RowKind kind, Font& font) {
  switch (kind) {
    case RowKind::grand_total:
    case RowKind::program:
    case RowKind::project: font.bold = true; break;
    case RowKind::content: font.italic = true; break;
    case RowKind::subproject:
    case RowKind::item:
    case RowKind::other: break;
  }
}

// The row depth under the roots, for the label's indent.
int row_depth(const OfficialTable& table, int index) {
  int depth = 0;
  for (int parent = table.rows[static_cast<std::size_t>(index)].parent; parent >= 0;
       parent = table.rows[static_cast<std::size_t>(parent)].parent)
    ++depth;
  return depth;
}

class SheetBuilder {
 public:
  SheetBuilder(const TemplateDefinition& definition, const TemplateTexts& texts, const OfficialTable& table,
               FillMode mode, SheetStyles& styles)
      : definition_(definition), texts_(texts), table_(table), mode_(mode), styles_(styles),
        last_col_(static_cast<std::uint32_t>(definition.columns.size() - 1)),
        amount_decimals_(unit_decimals(texts.unit)) {}

  OfficialSheet build(const std::string& name) {
    out_.sheet.name = name;
    write_columns();
    write_titles();
    write_header();
    write_rows();
    write_signature();
    set_print();
    return std::move(out_);
  }

 private:
  SheetRow& row_at(std::uint32_t index) {
    auto& rows = out_.sheet.rows;
    auto it = std::lower_bound(rows.begin(), rows.end(), index, [](const SheetRow& r, std::uint32_t i) { return r.index < i; });
    if (it == rows.end() || it->index != index) {
      SheetRow row;
      row.index = index;
      it = rows.insert(it, std::move(row));
    }
    return *it;
  }

  void put(std::uint32_t row, Cell cell) {
    auto& cells = row_at(row).cells;
    auto it = std::lower_bound(cells.begin(), cells.end(), cell.col, [](const Cell& c, std::uint32_t col) { return c.col < col; });
    if (it != cells.end() && it->col == cell.col) *it = std::move(cell);
    else cells.insert(it, std::move(cell));
  }

  // A line of text merged across columns first..last, every cell of the range styled alike.
  void merged_line(std::uint32_t row, std::uint32_t first, std::uint32_t last, const std::string& text, std::uint32_t style) {
    put(row, text_cell(first, text, style));
    for (std::uint32_t col = first + 1; col <= last; ++col) {
      Cell blank;
      blank.col = col;
      blank.style = style;
      put(row, blank);
    }
    if (last > first) out_.sheet.merged.push_back({{row, first}, {row, last}});
  }

  double table_width() const {
    double width = 0;
    for (const auto& column : definition_.columns) width += column.width;
    return width;
  }

  void write_columns() {
    for (std::uint32_t col = 0; col <= last_col_; ++col) {
      ColumnInfo info;
      info.first = info.last = col;
      info.width = definition_.columns[col].width;
      out_.sheet.columns.push_back(info);
    }
  }

  std::uint32_t text_style(double size, bool bold, bool italic, const char* horizontal, bool wrap = true) {
    CellStyle style = styles_.base();
    style.font.size = size;
    style.font.bold = bold;
    style.font.italic = italic;
    style.alignment.horizontal = horizontal;
    style.alignment.vertical = "center";
    style.alignment.wrap = wrap;
    return styles_.index(style);
  }

  void write_titles() {
    std::uint32_t row = 0;
    const std::string number = texts_.appendix.empty() ? definition_.appendix : texts_.appendix;
    merged_line(row++, 0, last_col_, number.empty() ? "Phụ lục" : "Phụ lục " + number, text_style(kTitleSize, true, false, "center"));
    const std::string title = upper_case_title();
    const std::uint32_t title_row = row++;
    merged_line(title_row, 0, last_col_, title, text_style(kTitleSize, true, false, "center"));
    // Bold capitals at 12 points take about 1.6 times the width of the digits column widths count in.
    row_at(title_row).height = kLineHeight * 1.1 * wrapped_lines(title, table_width() / 1.6) + 4;
    const std::string attached = attached_line(texts_);
    const std::uint32_t attached_row = row++;
    merged_line(attached_row, 0, last_col_, attached, text_style(kTitleSize, false, true, "center"));
    row_at(attached_row).height = kLineHeight * 1.1 * wrapped_lines(attached, table_width() / 1.2) + 2;
    if (has_money()) merged_line(row++, 0, last_col_, unit_line(texts_.unit), text_style(kBodySize, false, true, "right", false));
    out_.header_first = row;
  }

  std::string upper_case_title() const {
    return fill_placeholders(texts_.title.empty() ? definition_.title : texts_.title, texts_);
  }

  bool has_money() const {
    return std::any_of(definition_.columns.begin(), definition_.columns.end(),
                       [](const TemplateColumn& column) { return is_value_role(column.role); });
  }

  // The header: each column's texts top to bottom; a shorter path's last text spans down, equal
  // texts side by side under the same parent are one merged cell.
  void write_header() {
    const auto depth = static_cast<std::uint32_t>(definition_.header_depth());
    const std::uint32_t first = out_.header_first;
    out_.header_last = first + depth - 1;
    CellStyle look = bordered(styles_.base());
    look.font.bold = true;
    look.alignment = {"center", "center", true, 0, 0};
    const std::uint32_t style = styles_.index(look);

    std::vector<std::vector<std::string>> texts(definition_.columns.size());
    for (std::size_t col = 0; col < definition_.columns.size(); ++col)
      for (const auto& text : definition_.columns[col].header) texts[col].push_back(fill_placeholders(text, texts_));

    std::vector<int> lines(depth, 1);
    for (std::uint32_t level = 0; level < depth; ++level) {
      std::uint32_t col = 0;
      while (col <= last_col_) {
        const auto& path = texts[col];
        if (level >= path.size()) {  // covered by the vertical merge above
          Cell blank;
          blank.col = col;
          blank.style = style;
          put(first + level, blank);
          ++col;
          continue;
        }
        std::uint32_t end = col;
        while (end + 1 <= last_col_ && texts[end + 1].size() > level &&
               std::equal(path.begin(), path.begin() + level + 1, texts[end + 1].begin()))
          ++end;
        const bool spans_down = level + 1 == path.size() && level + 1 < depth;
        const std::uint32_t bottom = spans_down ? first + depth - 1 : first + level;
        for (std::uint32_t c = col; c <= end; ++c) {
          Cell cell;
          cell.col = c;
          cell.style = style;
          if (c == col) {
            cell.kind = CellKind::text;
            cell.text = path[level];
          }
          put(first + level, cell);
        }
        if (end > col || bottom > first + level) out_.sheet.merged.push_back({{first + level, col}, {bottom, end}});
        double width = 0;
        for (std::uint32_t c = col; c <= end; ++c) width += definition_.columns[c].width;
        const int needed = wrapped_lines(path[level], width);
        const int span = static_cast<int>(bottom - (first + level) + 1);
        lines[level] = std::max(lines[level], (needed + span - 1) / span);
        col = end + 1;
      }
    }
    for (std::uint32_t level = 0; level < depth; ++level) row_at(first + level).height = kLineHeight * lines[level] + 3;
    out_.sheet.frozen_rows = out_.header_last + 1;
  }

  std::uint32_t data_style(RowKind kind, std::size_t col, int depth) {
    const TemplateColumn& column = definition_.columns[col];
    CellStyle style = bordered(styles_.base());
    style.alignment.vertical = "center";
    // Criteria rows are one level (criterion, its indicators): plain, only the "Tổng" row bold.
    if (definition_.kind != TableKind::criteria || kind == RowKind::grand_total) apply_level(kind, style.font);
    switch (column.role) {
      case TemplateColumnRole::stt: style.alignment.horizontal = "center"; break;
      case TemplateColumnRole::label:
        style.alignment.horizontal = "left";
        style.alignment.wrap = true;
        style.alignment.indent = static_cast<std::uint8_t>(std::clamp(depth - 1, 0, 4));
        break;
      case TemplateColumnRole::amount:
        style.number_format = amount_format(amount_decimals_);
        style.num_fmt_id = kCustomFormatId;
        break;
      case TemplateColumnRole::rate:
        style.number_format = rate_format(kRateDecimals);
        style.num_fmt_id = kCustomFormatId;
        break;
      case TemplateColumnRole::text:
      case TemplateColumnRole::note:
        style.alignment.horizontal = "left";
        style.alignment.wrap = true;
        break;
    }
    return styles_.index(style);
  }

  // Values of every row (computed bottom-up) and the cells showing them.
  void write_rows() {
    const auto order = table_.display_order();
    const std::uint32_t first = out_.header_last + 1;
    out_.sheet_row.assign(table_.rows.size(), 0);
    for (std::size_t i = 0; i < order.size(); ++i)
      out_.sheet_row[static_cast<std::size_t>(order[i])] = first + static_cast<std::uint32_t>(i);
    computed_.assign(table_.rows.size(), std::vector<std::optional<double>>(definition_.columns.size()));
    cells_.assign(table_.rows.size(), std::vector<Cell>(definition_.columns.size()));
    for (auto it = order.rbegin(); it != order.rend(); ++it) compute_row(*it);
    for (const int index : order) write_row(index);
    data_last_ = order.empty() ? out_.header_last : first + static_cast<std::uint32_t>(order.size()) - 1;
  }

  std::vector<std::uint32_t> child_rows(const OfficialRow& row) const {
    std::vector<std::uint32_t> rows;
    for (const int child : row.children) rows.push_back(out_.sheet_row[static_cast<std::size_t>(child)]);
    return rows;
  }

  void note_recomputed(int index, std::size_t col, std::optional<double> shown) {
    const OfficialRow& row = table_.rows[static_cast<std::size_t>(index)];
    const auto& typed = row.numbers[col];
    if (!typed) return;
    // Judged at the precision the commune showed (a rate shown "98" is 98.30 rounded), at most ours.
    int decimals = definition_.columns[col].role == TemplateColumnRole::rate ? kRateDecimals : amount_decimals_;
    if (row.decimals[col]) decimals = std::min(decimals, *row.decimals[col]);
    const double tolerance = 0.5 * std::pow(10.0, -decimals) + 1e-9;
    const double shown_value = shown.value_or(0.0);
    if (std::fabs(*typed - shown_value) > tolerance) out_.recomputed.push_back({index, col, *typed, shown});
  }

  // An amount that adds the same column of the children (=SUM) when they hold something.
  void compute_sum(int index, std::size_t col) {
    const OfficialRow& row = table_.rows[static_cast<std::size_t>(index)];
    const auto sheet_col = static_cast<std::uint32_t>(col);
    double sum = 0;
    bool any = false;
    for (const int child : row.children) {
      const auto& value = computed_[static_cast<std::size_t>(child)][col];
      if (value) sum += *value, any = true;
    }
    if (!row.children.empty() && (any || mode_ == FillMode::blank_template)) {
      cells_[static_cast<std::size_t>(index)][col] = formula_cell(sheet_col, sum_formula(sheet_col, row_ranges(child_rows(row))), sum);
      computed_[static_cast<std::size_t>(index)][col] = sum;
      note_recomputed(index, col, sum);
    } else {
      set_typed(index, col);
    }
  }

  // Tổng số as the sum of its parts on the same row (=NSTW+NSĐP) when a part holds something.
  bool compute_parts(int index, std::size_t col) {
    const TemplateColumn& column = definition_.columns[col];
    const std::uint32_t sheet_row = out_.sheet_row[static_cast<std::size_t>(index)];
    double sum = 0;
    bool any = false;
    std::string formula;
    for (const std::size_t part : column.parts) {
      const auto& value = computed_[static_cast<std::size_t>(index)][part];
      if (value) sum += *value, any = true;
      formula += (formula.empty() ? "" : "+") + to_a1(CellRef{sheet_row, static_cast<std::uint32_t>(part)});
    }
    if (!any && mode_ == FillMode::filled) return false;
    cells_[static_cast<std::size_t>(index)][col] = formula_cell(static_cast<std::uint32_t>(col), formula, sum);
    computed_[static_cast<std::size_t>(index)][col] = sum;
    note_recomputed(index, col, sum);
    return true;
  }

  void compute_rate(int index, std::size_t col) {
    const TemplateColumn& column = definition_.columns[col];
    const auto& values = computed_[static_cast<std::size_t>(index)];
    const std::uint32_t sheet_row = out_.sheet_row[static_cast<std::size_t>(index)];
    const auto& plan = values[*column.plan];
    if (!plan && mode_ == FillMode::filled) {
      note_recomputed(index, col, std::nullopt);
      return;
    }
    const auto rate = rate_value(values[*column.numerator].value_or(0.0), plan.value_or(0.0));
    const std::string formula = rate_formula(CellRef{sheet_row, static_cast<std::uint32_t>(*column.numerator)},
                                             CellRef{sheet_row, static_cast<std::uint32_t>(*column.plan)});
    Cell cell = formula_cell(static_cast<std::uint32_t>(col), formula, rate.value_or(0.0));
    if (!rate) cell.kind = CellKind::text;  // the formula's result is the empty text: no rate on a plan of 0
    cells_[static_cast<std::size_t>(index)][col] = cell;
    computed_[static_cast<std::size_t>(index)][col] = rate;
    note_recomputed(index, col, rate);
  }

  // What the commune typed: a number, or the text of a cell that holds no number (kept so it is seen).
  void set_typed(int index, std::size_t col) {
    const OfficialRow& row = table_.rows[static_cast<std::size_t>(index)];
    const auto& typed = row.numbers[col];
    if (!typed && !row.texts[col].empty()) cells_[static_cast<std::size_t>(index)][col] = text_cell(static_cast<std::uint32_t>(col), row.texts[col]);
    if (!typed) return;
    cells_[static_cast<std::size_t>(index)][col] = number_cell(static_cast<std::uint32_t>(col), *typed);
    computed_[static_cast<std::size_t>(index)][col] = typed;
  }

  void compute_row(int index) {
    const auto& columns = definition_.columns;
    for (std::size_t col = 0; col < columns.size(); ++col)
      if (columns[col].role == TemplateColumnRole::amount && columns[col].parts.empty()) compute_sum(index, col);
    for (std::size_t col = 0; col < columns.size(); ++col)
      if (columns[col].role == TemplateColumnRole::amount && !columns[col].parts.empty() && !compute_parts(index, col))
        compute_sum(index, col);
    for (std::size_t col = 0; col < columns.size(); ++col)
      if (columns[col].role == TemplateColumnRole::rate) compute_rate(index, col);
  }

  void write_row(int index) {
    const OfficialRow& row = table_.rows[static_cast<std::size_t>(index)];
    const std::uint32_t sheet_row = out_.sheet_row[static_cast<std::size_t>(index)];
    const int depth = row_depth(table_, index);
    int lines = 1;
    for (std::size_t col = 0; col < definition_.columns.size(); ++col) {
      const TemplateColumn& column = definition_.columns[col];
      const std::uint32_t style = data_style(row.kind, col, depth);
      Cell cell;
      switch (column.role) {
        case TemplateColumnRole::stt: cell = text_cell(0, row.stt); break;
        case TemplateColumnRole::label: cell = text_cell(0, row.label); break;
        case TemplateColumnRole::amount:
        case TemplateColumnRole::rate: cell = cells_[static_cast<std::size_t>(index)][col]; break;
        case TemplateColumnRole::text:
        case TemplateColumnRole::note: cell = text_cell(0, row.texts[col]); break;
      }
      if (cell.kind == CellKind::text && cell.text.empty() && !cell.has_formula) cell.kind = CellKind::empty;
      if (cell.kind == CellKind::text && !cell.has_formula) lines = std::max(lines, wrapped_lines(cell.text, column.width - 2.0 * std::clamp(depth - 1, 0, 4)));
      cell.col = static_cast<std::uint32_t>(col);
      cell.style = style;
      put(sheet_row, std::move(cell));
    }
    row_at(sheet_row).height = kLineHeight * lines + 2;
  }

  // "Mường Kim, ngày ...", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", room to sign, the name: right third.
  void write_signature() {
    const std::uint32_t columns = last_col_ + 1;
    const std::uint32_t span = std::max<std::uint32_t>(2, columns / 3);
    const std::uint32_t first = columns > span ? columns - span : 0;
    std::uint32_t row = data_last_ + 2;
    merged_line(row++, first, last_col_, place_and_date_line(texts_), text_style(kTitleSize, false, true, "center", false));
    merged_line(row++, first, last_col_, on_behalf_line(texts_), text_style(kTitleSize, true, false, "center", false));
    merged_line(row++, first, last_col_, "CHỦ TỊCH", text_style(kTitleSize, true, false, "center", false));
    row += 3;
    merged_line(row, first, last_col_, texts_.signer.empty() ? "" : texts_.signer, text_style(kTitleSize, true, false, "center", false));
  }

  void set_print() {
    PrintSetup& print = out_.sheet.print;
    print.set_a4_landscape_one_page_wide();
    print.margin_top = kMarginTop;
    print.margin_bottom = kMarginBottom;
    print.margin_left = kMarginLeft;
    print.margin_right = kMarginRight;
    print.margin_header = 0.3;
    print.margin_footer = 0.3;
    print.repeat_rows = std::make_pair(out_.header_first, out_.header_last);
    print.header = "&C&P";  // page number centred at the top
    print.center_horizontally = true;
  }

  const TemplateDefinition& definition_;
  const TemplateTexts& texts_;
  const OfficialTable& table_;
  FillMode mode_;
  SheetStyles& styles_;
  std::uint32_t last_col_;
  int amount_decimals_;
  std::uint32_t data_last_ = 0;
  std::vector<std::vector<std::optional<double>>> computed_;
  std::vector<std::vector<Cell>> cells_;
  OfficialSheet out_;
};

}  // namespace

SheetStyles::SheetStyles() { styles_.push_back(base()); }

CellStyle SheetStyles::base() const {
  CellStyle style;
  style.font.name = kFontName;
  style.font.size = kBodySize;
  return style;
}

std::uint32_t SheetStyles::index(const CellStyle& style) {
  for (std::size_t i = 0; i < styles_.size(); ++i)
    if (styles_[i] == style) return static_cast<std::uint32_t>(i);
  styles_.push_back(style);
  return static_cast<std::uint32_t>(styles_.size() - 1);
}

OfficialSheet build_official_sheet(const TemplateDefinition& definition, const TemplateTexts& texts,
                                   const OfficialTable& table, FillMode mode, SheetStyles& styles,
                                   const std::string& sheet_name) {
  return SheetBuilder(definition, texts, table, mode, styles).build(sheet_name);
}

std::string appendix_sheet_name(const TemplateDefinition& definition, const TemplateTexts& texts) {
  const std::string number = texts.appendix.empty() ? definition.appendix : texts.appendix;
  return number.empty() ? "Phụ lục" : "Phụ lục " + number;
}

}  // namespace phuluc
