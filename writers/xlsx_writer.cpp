#include "writers/xlsx_writer.hpp"

#include <xlsxwriter.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <string_view>

#include "writers/atomic_file.hpp"
#include "writers/write_error.hpp"
#include "writers/xlsx/change_sheet.hpp"
#include "writers/xlsx/format_cache.hpp"
#include "writers/xlsx/merge_ranges.hpp"
#include "writers/xlsx/sheet_names.hpp"
#include "writers/xlsx/sizes.hpp"

namespace phuluc {
namespace {

using xlsxw::FormatCache;

constexpr std::size_t kMaxCellCharacters = 32767;     // Excel's limit, in characters
constexpr std::size_t kMaxHeaderCharacters = 255;     // libxlsxwriter's header/footer limit
constexpr double kDays1904To1900 = 1462.0;            // 1904-01-01 is serial 1462 in the 1900 system

// Cuts UTF-8 text to at most `characters` code points, on a character boundary.
std::string_view cut_characters(std::string_view text, std::size_t characters) {
  std::size_t count = 0;
  for (std::size_t at = 0; at < text.size(); ++at) {
    if ((static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) continue;  // continuation byte
    if (count == characters) return text.substr(0, at);
    ++count;
  }
  return text;
}

bool is_hex(char c) { return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F') || (c >= 'a' && c <= 'f'); }

// Whether text[at] starts an escape such as "_x000D_", which readers turn into the character it names.
bool starts_ooxml_escape(std::string_view text, std::size_t at) {
  if (at + 7 > text.size() || text[at] != '_' || (text[at + 1] != 'x' && text[at + 1] != 'X') || text[at + 6] != '_')
    return false;
  return is_hex(text[at + 2]) && is_hex(text[at + 3]) && is_hex(text[at + 4]) && is_hex(text[at + 5]);
}

// Text as libxlsxwriter can take it: cut to Excel's length, without NUL characters (C strings end
// there; "_x0000_" in a file decodes to one), and with literal "_xHHHH_" sequences protected as
// "_x005F_xHHHH_": libxlsxwriter escapes control characters but not text that looks like an escape.
std::string cell_text(std::string_view text) {
  const std::string_view cut = cut_characters(text, kMaxCellCharacters);
  std::string out;
  out.reserve(cut.size());
  for (std::size_t at = 0; at < cut.size(); ++at) {
    if (cut[at] == '\0') continue;
    if (starts_ooxml_escape(cut, at)) out += "_x005F";
    out += cut[at];
  }
  return out;
}

// A header/footer without its picture codes (&G), which need the images the model does not carry:
// libxlsxwriter refuses a picture code with no picture. "&&" is a literal ampersand and stays.
std::string header_text(std::string_view text) {
  std::string out;
  for (std::size_t at = 0; at < text.size(); ++at) {
    if (text[at] == '&' && at + 1 < text.size()) {
      if (text[at + 1] == 'G') {
        ++at;
        continue;
      }
      if (text.substr(at + 1).starts_with("[Picture]")) {
        at += 9;
        continue;
      }
      out += text.substr(at, 2);
      ++at;
      continue;
    }
    out += text[at];
  }
  return std::string(cut_characters(out, kMaxHeaderCharacters));
}

// Owns the libxlsxwriter workbook until it is closed (written) or, on an exception, freed unwritten.
class BookHandle {
 public:
  explicit BookHandle(const std::filesystem::path& path) : book_(workbook_new(path.c_str())) {
    if (book_ == nullptr) throw WriteError(WriteErrorCode::io_error, path, "libxlsxwriter cannot start a workbook");
  }
  ~BookHandle() {
    if (book_ != nullptr) lxw_workbook_free(book_);
  }
  BookHandle(const BookHandle&) = delete;
  BookHandle& operator=(const BookHandle&) = delete;
  lxw_workbook* get() const { return book_; }
  lxw_error close() {
    lxw_workbook* book = book_;
    book_ = nullptr;
    return workbook_close(book);
  }

 private:
  lxw_workbook* book_;
};

// Marks of one sheet, merged per cell: notes joined, highlighted when any mark says so.
struct CellMarkInfo {
  std::string note;
  bool highlight = false;
};
using SheetMarks = std::map<CellRef, CellMarkInfo>;

std::vector<SheetMarks> marks_by_sheet(const std::vector<CellMark>& marks, std::size_t sheet_count) {
  std::vector<SheetMarks> out(sheet_count);
  for (const CellMark& mark : marks) {
    if (mark.sheet >= sheet_count || mark.cell.row >= kMaxRows || mark.cell.col >= kMaxCols) continue;
    CellMarkInfo& info = out[mark.sheet][mark.cell];
    info.highlight = info.highlight || mark.highlight;
    if (!mark.note.empty()) info.note += (info.note.empty() ? "" : "\n") + mark.note;
  }
  return out;
}

// Writes one model sheet onto one libxlsxwriter worksheet.
class SheetWriter {
 public:
  SheetWriter(lxw_worksheet* out, const Sheet& sheet, FormatCache& formats, const SheetMarks& marks,
              const Workbook& workbook, const XlsxWriteOptions& options, const std::filesystem::path& output)
      : out_(out), sheet_(sheet), formats_(formats), marks_(marks), workbook_(workbook), options_(options),
        output_(output) {}

  void write() {
    const double normal_size = workbook_.styles.empty() ? 11.0 : workbook_.styles.front().font.size;
    default_row_height_ = xlsxw::custom_default_row_height(sheet_.default_row_height, normal_size);
    if (default_row_height_) worksheet_set_default_row(out_, *default_row_height_, LXW_FALSE);
    write_columns();
    write_rows();
    write_merges();
    write_cells();
    write_marks();
    if (sheet_.frozen_rows > 0 || sheet_.frozen_cols > 0)
      worksheet_freeze_panes(out_, std::min(sheet_.frozen_rows, kMaxRows - 1),
                             static_cast<lxw_col_t>(std::min(sheet_.frozen_cols, kMaxCols - 1)));
    write_print_setup();
  }

 private:
  void check(lxw_error error, std::string_view what) const {
    if (error == LXW_NO_ERROR) return;
    throw WriteError(WriteErrorCode::invalid_workbook, output_,
                     "sheet '" + sheet_.name + "', " + std::string(what) + ": " + lxw_strerror(error));
  }

  lxw_format* format_of(std::optional<std::uint32_t> style) { return style ? formats_.get(*style) : nullptr; }

  // ---- columns and rows

  void write_columns() {
    for (const ColumnInfo& info : sheet_.columns) {
      if (info.first > info.last || info.first >= kMaxCols) continue;
      const std::optional<double> stored = info.width ? info.width : sheet_.default_col_width;
      const double width = stored ? xlsxw::lxw_width_for_stored(*stored) : LXW_DEF_COL_WIDTH;
      lxw_row_col_options flags{};
      flags.hidden = info.hidden ? 1 : 0;
      flags.level = info.outline_level;
      check(worksheet_set_column_opt(out_, static_cast<lxw_col_t>(info.first),
                                     static_cast<lxw_col_t>(std::min(info.last, kMaxCols - 1)), width,
                                     format_of(info.style), &flags),
            "column " + column_letters(info.first));
    }
    write_default_width_gaps();
  }

  // libxlsxwriter cannot set sheetFormatPr's defaultColWidth, so columns the file leaves at its own
  // default get that width explicitly; otherwise they would shrink to Excel's 8.43.
  void write_default_width_gaps() {
    constexpr double kExcelDefaultStored = 9.140625;
    if (!sheet_.default_col_width || std::abs(*sheet_.default_col_width - kExcelDefaultStored) < 0.01) return;
    const double width = xlsxw::lxw_width_for_stored(*sheet_.default_col_width);
    std::uint32_t next = 0;  // first column not yet covered
    auto fill = [&](std::uint32_t first, std::uint32_t last) {
      check(worksheet_set_column(out_, static_cast<lxw_col_t>(first), static_cast<lxw_col_t>(last), width, nullptr),
            "default column width");
    };
    for (const ColumnInfo& info : sheet_.columns) {
      if (info.first > next) fill(next, info.first - 1);
      next = std::max(next, info.last + 1);
    }
    if (next < kMaxCols) fill(next, kMaxCols - 1);
  }

  // libxlsxwriter leaves out a height equal to its default of 15 points, which would let the row
  // take the Normal font's height instead; a millionth of a point more keeps it.
  double row_height(const SheetRow& row) const {
    if (!row.height) return default_row_height_.value_or(LXW_DEF_ROW_HEIGHT);
    const double height = std::clamp(*row.height, 0.0, 409.0);
    return std::abs(height - LXW_DEF_ROW_HEIGHT) < 1e-9 ? LXW_DEF_ROW_HEIGHT + 1e-6 : height;
  }

  void write_rows() {
    for (const SheetRow& row : sheet_.rows) {
      if (!row.height && !row.hidden && !row.style && row.outline_level == 0) continue;
      lxw_row_col_options flags{};
      flags.hidden = row.hidden ? 1 : 0;
      flags.level = row.outline_level;
      // A zero height hides the row in libxlsxwriter; keep the hidden flag as the file had it.
      double height = row_height(row);
      if (height <= 0.0 && !row.hidden) height = 0.0;
      check(worksheet_set_row_opt(out_, row.index, height, format_of(row.style), &flags),
            "row " + std::to_string(row.index + 1));
    }
  }

  // ---- merged ranges

  // Registers each range without writing cells (an empty string with no format writes none); the
  // cells, each with its own format, are written afterwards.
  void write_merges() {
    for (const CellRange& range : xlsxw::writable_merges(sheet_.merged))
      check(worksheet_merge_range(out_, range.first.row, static_cast<lxw_col_t>(range.first.col), range.last.row,
                                  static_cast<lxw_col_t>(range.last.col), "", nullptr),
            "merged range " + to_a1(range));
  }

  // ---- cells

  bool highlighted(CellRef ref) const {
    const auto found = marks_.find(ref);
    return found != marks_.end() && found->second.highlight;
  }

  void write_cells() {
    for (const SheetRow& row : sheet_.rows) {
      for (const Cell& cell : row.cells) {
        const CellRef ref{row.index, cell.col};
        if (cell.col >= kMaxCols) continue;
        lxw_format* format = formats_.get(cell.style, highlighted(ref));
        check(write_cell(ref, cell, format), "cell " + to_a1(ref));
      }
    }
  }

  double number_of(const Cell& cell) const {
    // libxlsxwriter writes the 1900 date system only.
    return workbook_.date1904 && cell.is_date ? cell.number + kDays1904To1900 : cell.number;
  }

  lxw_error write_cell(CellRef ref, const Cell& cell, lxw_format* format) {
    const lxw_row_t row = ref.row;
    const auto col = static_cast<lxw_col_t>(ref.col);
    if (cell.has_formula && !cell.formula.empty()) return write_formula(row, col, cell, format);
    switch (cell.kind) {
      case CellKind::empty: return format ? worksheet_write_blank(out_, row, col, format) : LXW_NO_ERROR;
      case CellKind::number:
        if (!std::isfinite(cell.number)) return worksheet_write_blank(out_, row, col, format);
        return worksheet_write_number(out_, row, col, number_of(cell), format);
      case CellKind::text: return worksheet_write_string(out_, row, col, cell_text(cell.text).c_str(), format);
      case CellKind::boolean: return worksheet_write_boolean(out_, row, col, cell.number != 0.0, format);
      case CellKind::error: {
        // No API writes an error value; the formula "=#N/A" is that error, with itself as result.
        const std::string error = cell_text(cell.text);
        return worksheet_write_formula_str(out_, row, col, error.c_str(), format, error.c_str());
      }
    }
    return LXW_NO_ERROR;
  }

  lxw_error write_formula(lxw_row_t row, lxw_col_t col, const Cell& cell, lxw_format* format) {
    const char* formula = cell.formula.c_str();
    if (cell.formula_without_value) return worksheet_write_formula_str(out_, row, col, formula, format, "");
    switch (cell.kind) {
      case CellKind::number:
        if (std::isfinite(cell.number))
          return worksheet_write_formula_num(out_, row, col, formula, format, number_of(cell));
        return worksheet_write_formula_str(out_, row, col, formula, format, "");
      case CellKind::boolean: return worksheet_write_formula_num(out_, row, col, formula, format, cell.number);
      case CellKind::text:
      case CellKind::error:
        return worksheet_write_formula_str(out_, row, col, formula, format, cell_text(cell.text).c_str());
      case CellKind::empty: return worksheet_write_formula_str(out_, row, col, formula, format, "");
    }
    return LXW_NO_ERROR;
  }

  // ---- marks: highlight cells the sheet has no cell for, then the notes

  void write_marks() {
    if (marks_.empty()) return;
    worksheet_set_comments_author(out_, options_.note_author.c_str());
    for (const auto& [ref, info] : marks_) {
      if (info.highlight && sheet_.find(ref) == nullptr) {
        const SheetRow* row = sheet_.find_row(ref.row);
        const std::uint32_t style = row && row->style ? *row->style : column_style(ref.col);
        check(worksheet_write_blank(out_, ref.row, static_cast<lxw_col_t>(ref.col), formats_.get(style, true)),
              "mark " + to_a1(ref));
      }
      if (!info.note.empty()) write_note(ref, info.note);
    }
  }

  std::uint32_t column_style(std::uint32_t col) const {
    for (const ColumnInfo& info : sheet_.columns)
      if (col >= info.first && col <= info.last && info.style) return *info.style;
    return 0;
  }

  void write_note(CellRef ref, const std::string& note) {
    const std::string text = cell_text(note);
    // Tall enough for the text at about 40 characters a line, so the reason is not cut off.
    std::size_t lines = 1;
    std::size_t line_length = 0;
    for (const char c : text) {
      if (c == '\n') {
        ++lines;
        line_length = 0;
      } else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80 && ++line_length > 40) {
        ++lines;
        line_length = 1;
      }
    }
    lxw_comment_options comment{};
    comment.author = const_cast<char*>(options_.note_author.c_str());
    comment.width = 288;
    comment.height = static_cast<std::uint16_t>(std::min<std::size_t>(16 * lines + 12, 600));
    check(worksheet_write_comment_opt(out_, ref.row, static_cast<lxw_col_t>(ref.col), text.c_str(), &comment),
          "note " + to_a1(ref));
  }

  // ---- print setup

  void write_print_setup() {
    const PrintSetup& print = sheet_.print;
    if (print.landscape) *print.landscape ? worksheet_set_landscape(out_) : worksheet_set_portrait(out_);
    if (print.paper_size && *print.paper_size <= 255) worksheet_set_paper(out_, static_cast<std::uint8_t>(*print.paper_size));
    if (print.margin_left || print.margin_right || print.margin_top || print.margin_bottom)
      worksheet_set_margins(out_, print.margin_left.value_or(-1), print.margin_right.value_or(-1),
                            print.margin_top.value_or(-1), print.margin_bottom.value_or(-1));
    if (!print.header.empty()) check(worksheet_set_header(out_, header_text(print.header).c_str()), "page header");
    if (!print.footer.empty()) check(worksheet_set_footer(out_, header_text(print.footer).c_str()), "page footer");
    // The header/footer margins are set on the worksheet directly: libxlsxwriter's only setter takes
    // them with a header text and treats 0 as "not given".
    if (print.margin_header && *print.margin_header >= 0) out_->margin_header = *print.margin_header;
    if (print.margin_footer && *print.margin_footer >= 0) out_->margin_footer = *print.margin_footer;
    // The scale first: libxlsxwriter's set_print_scale switches fit-to-pages off.
    if (print.scale && *print.scale >= 10 && *print.scale <= 400)
      worksheet_set_print_scale(out_, static_cast<std::uint16_t>(*print.scale));
    if (print.fit_to_page)
      worksheet_fit_to_pages(out_, static_cast<std::uint16_t>(std::min<std::uint32_t>(print.fit_to_width.value_or(1), 32767)),
                             static_cast<std::uint16_t>(std::min<std::uint32_t>(print.fit_to_height.value_or(1), 32767)));
    if (print.repeat_rows && print.repeat_rows->first <= print.repeat_rows->second &&
        print.repeat_rows->second < kMaxRows)
      check(worksheet_repeat_rows(out_, print.repeat_rows->first, print.repeat_rows->second), "print titles");
    if (print.print_area) {
      const CellRange& area = *print.print_area;
      if (area.first.row <= area.last.row && area.first.col <= area.last.col && area.last.row < kMaxRows &&
          area.last.col < kMaxCols)
        check(worksheet_print_area(out_, area.first.row, static_cast<lxw_col_t>(area.first.col), area.last.row,
                                   static_cast<lxw_col_t>(area.last.col)),
              "print area");
    }
    if (print.center_horizontally) worksheet_center_horizontally(out_);
  }

  lxw_worksheet* out_;
  const Sheet& sheet_;
  FormatCache& formats_;
  const SheetMarks& marks_;
  const Workbook& workbook_;
  const XlsxWriteOptions& options_;
  const std::filesystem::path& output_;
  std::optional<double> default_row_height_;
};

void set_properties(lxw_workbook* book, const XlsxWriteOptions& options) {
  lxw_doc_properties properties{};
  properties.title = options.title.empty() ? nullptr : const_cast<char*>(options.title.c_str());
  properties.author = options.author.empty() ? nullptr : const_cast<char*>(options.author.c_str());
  properties.created = options.created;
  workbook_set_properties(book, &properties);
}

// Excel needs one visible sheet, the active one, and cannot hide the active sheet.
void set_visibility(const std::vector<lxw_worksheet*>& sheets, const std::vector<bool>& hidden) {
  std::size_t first_visible = 0;
  while (first_visible < sheets.size() && hidden[first_visible]) ++first_visible;
  if (first_visible == sheets.size()) first_visible = 0;
  worksheet_activate(sheets[first_visible]);
  if (first_visible > 0) worksheet_set_first_sheet(sheets[first_visible]);
  for (std::size_t i = 0; i < sheets.size(); ++i)
    if (hidden[i] && i != first_visible) worksheet_hide(sheets[i]);
}

WriteErrorCode code_for_close_error(lxw_error error) {
  switch (error) {
    case LXW_ERROR_CREATING_XLSX_FILE:
    case LXW_ERROR_CREATING_TMPFILE:
    case LXW_ERROR_READING_TMPFILE:
    case LXW_ERROR_ZIP_FILE_OPERATION:
    case LXW_ERROR_ZIP_PARAMETER_ERROR:
    case LXW_ERROR_ZIP_BAD_ZIP_FILE:
    case LXW_ERROR_ZIP_INTERNAL_ERROR:
    case LXW_ERROR_ZIP_FILE_ADD:
    case LXW_ERROR_ZIP_CLOSE:
    case LXW_ERROR_MEMORY_MALLOC_FAILED: return WriteErrorCode::io_error;
    default: return WriteErrorCode::invalid_workbook;
  }
}

}  // namespace

void write_xlsx(const Workbook& workbook, const std::filesystem::path& output, const XlsxWriteOptions& options) {
  AtomicFile file(output, options.inputs);
  {
    BookHandle book(file.temp_path());
    set_properties(book.get(), options);
    const Font normal_font = workbook.styles.empty() ? Font{} : workbook.styles.front().font;
    xlsxw::set_normal_font(book.get(), normal_font);
    FormatCache formats(book.get(), workbook.styles);

    std::vector<std::string> wanted;
    std::vector<bool> hidden;
    for (const Sheet& sheet : workbook.sheets) {
      wanted.push_back(sheet.name);
      hidden.push_back(sheet.hidden);
    }
    if (options.change_sheet) {
      wanted.push_back(options.change_sheet->name);
      hidden.push_back(false);
    }
    if (wanted.empty()) {  // a workbook needs at least one sheet
      wanted.emplace_back("Sheet1");
      hidden.push_back(false);
    }
    const std::vector<std::string> names = xlsxw::writable_sheet_names(wanted);

    std::vector<lxw_worksheet*> sheets;
    for (const std::string& name : names) {
      lxw_worksheet* sheet = workbook_add_worksheet(book.get(), name.c_str());
      if (sheet == nullptr) throw WriteError(WriteErrorCode::invalid_workbook, output, "cannot add sheet '" + name + "'");
      sheets.push_back(sheet);
    }

    const std::vector<SheetMarks> marks = marks_by_sheet(options.marks, workbook.sheets.size());
    for (std::size_t i = 0; i < workbook.sheets.size(); ++i)
      SheetWriter(sheets[i], workbook.sheets[i], formats, marks[i], workbook, options, output).write();

    if (options.change_sheet) {
      const std::vector<std::string> data_names(names.begin(), names.begin() + workbook.sheets.size());
      const lxw_error error =
          xlsxw::write_change_sheet(book.get(), sheets[workbook.sheets.size()], *options.change_sheet, data_names,
                                    normal_font.name);
      if (error != LXW_NO_ERROR)
        throw WriteError(WriteErrorCode::invalid_workbook, output, std::string("change sheet: ") + lxw_strerror(error));
    }
    set_visibility(sheets, hidden);

    if (const lxw_error error = book.close(); error != LXW_NO_ERROR)
      throw WriteError(code_for_close_error(error), output, std::string("libxlsxwriter: ") + lxw_strerror(error));
  }
  file.commit();
}

}  // namespace phuluc
