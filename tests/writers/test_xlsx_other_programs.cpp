// LibreOffice and gnumeric open our output and show what we wrote: values, formula results, formats
// (LibreOffice exports cells as shown) and, re-saved by LibreOffice, the layout.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <map>

#include "readers/workbook_reader.hpp"
#include "writer_test_support.hpp"
#include "writers/xlsx_writer.hpp"

namespace phuluc {
namespace {

using test::TempDir;

// One LibreOffice profile per test process: concurrent soffice runs must not share one.
const std::filesystem::path& libreoffice_profile() {
  static const std::filesystem::path profile = [] {
    auto path = std::filesystem::temp_directory_path() / ("lo_writer_" + std::to_string(::getpid()));
    std::atexit([] {
      std::error_code error;
      std::filesystem::remove_all(std::filesystem::temp_directory_path() / ("lo_writer_" + std::to_string(::getpid())),
                                  error);
    });
    return path;
  }();
  return profile;
}

// Converts `input` with soffice into `out_dir`; returns the converted file.
std::filesystem::path soffice_convert(const std::filesystem::path& input, const std::string& filter,
                                      const std::string& extension, const std::filesystem::path& out_dir) {
  std::filesystem::create_directories(out_dir);
  const std::string command = "soffice -env:UserInstallation=file://" + libreoffice_profile().string() +
                              " --headless --convert-to " + test::shell_quote(filter) + " --outdir " +
                              test::shell_quote(out_dir.string()) + " " + test::shell_quote(input.string()) +
                              " >/dev/null 2>&1";
  REQUIRE(test::run_command(command) == 0);
  const auto output = out_dir / (input.stem().string() + "." + extension);
  REQUIRE(std::filesystem::exists(output));
  return output;
}

// A CSV file as cells by A1 reference (RFC 4180 quoting).
std::map<std::string, std::string> read_csv(const std::filesystem::path& path) {
  const std::string text = test::file_text(path);
  std::map<std::string, std::string> cells;
  std::uint32_t row = 0;
  std::uint32_t col = 0;
  std::string field;
  bool quoted = false;
  auto finish_field = [&] {
    if (!field.empty()) cells[to_a1(CellRef{row, col})] = field;
    field.clear();
    ++col;
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') field += text[++i];
      else if (c == '"') quoted = false;
      else field += c;
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      finish_field();
    } else if (c == '\n') {
      finish_field();
      ++row;
      col = 0;
    } else if (c != '\r') {
      field += c;
    }
  }
  if (!field.empty()) finish_field();
  return cells;
}

std::string at(const std::map<std::string, std::string>& cells, const std::string& a1) {
  const auto found = cells.find(a1);
  return found == cells.end() ? std::string() : found->second;
}

const std::string kLongText = "Chương trình MTQG phát triển kinh tế - xã hội vùng đồng bào dân tộc thiểu số và miền núi";

TEST_CASE("LibreOffice opens our output and shows the values, formula results and formats we wrote",
          "[writers][xlsx][libreoffice]") {
  TempDir dir;
  const auto path = dir / "features.xlsx";
  write_xlsx(test::feature_workbook(), path);
  // UTF-8, first line 1, en-US (1033), cells exported as shown (token 9).
  const auto csv = soffice_convert(path, "csv:Text - txt - csv (StarCalc):44,34,76,1,,1033,false,true,true,false,false",
                                   "csv", dir / "lo");
  const auto cells = read_csv(csv);
  INFO(test::file_text(csv));
  CHECK(at(cells, "A1") == "TỔNG HỢP TÌNH HÌNH THỰC HIỆN VỐN SỰ NGHIỆP");
  CHECK(at(cells, "E5") == "NSĐP");
  CHECK(at(cells, "B7") == kLongText);
  // Formulas show the results we stored with them, in the cells' number formats.
  CHECK(at(cells, "C6") == "1,439.262");
  CHECK(at(cells, "D6") == "1,184.000");
  CHECK(at(cells, "F6") == "17.74");
  CHECK(at(cells, "F7") == "0.00");
  CHECK(at(cells, "F9").empty());  // plan 0: the rate is blank, as its cached text says
  // A formula stored without a result is computed by LibreOffice rather than shown as a false 0.
  CHECK(at(cells, "F8") == "100.00");
  CHECK(at(cells, "D11") == kLongText + " Chương trình MTQG giảm nghèo bền vững");
  // Other kinds of values.
  CHECK(at(cells, "A10") == "19/06/2026");
  CHECK(at(cells, "B10") == "TRUE");
  CHECK(at(cells, "C10") == "#DIV/0!");
  CHECK(at(cells, "D10") == "12.34%");
  CHECK(at(cells, "B14") == "-5,844.299");
}

TEST_CASE("gnumeric opens our output and reads every sheet's values", "[writers][xlsx][gnumeric]") {
  TempDir dir;
  const auto path = dir / "features.xlsx";
  write_xlsx(test::feature_workbook(), path);
  const std::string pattern = (dir / "sheet_%n.csv").string();
  REQUIRE(test::run_command("ssconvert -S " + test::shell_quote(path.string()) + " " + test::shell_quote(pattern) +
                            " >/dev/null 2>&1") == 0);
  const auto funds = read_csv(dir / "sheet_0.csv");
  CHECK(at(funds, "B7") == kLongText);
  CHECK(at(funds, "C6") == "1439.262");
  CHECK(at(funds, "F6") == "17.735617");
  CHECK(at(funds, "F8") == "100");
  CHECK(at(funds, "F9").empty());
  CHECK(at(funds, "B10") == "TRUE");
  CHECK(at(funds, "C10") == "#DIV/0!");
  const auto criteria = read_csv(dir / "sheet_1.csv");
  CHECK(at(criteria, "B1") == "Tên tiêu chí");
  CHECK(at(criteria, "C3") == "K. Đạt");
  const auto hidden = read_csv(dir / "sheet_2.csv");
  CHECK(at(hidden, "B1") == "2026");
}

// LibreOffice re-saves our file in its own way (its own units, styles and defaults; no view
// settings in headless mode), so this compares what must survive any faithful reader: merges,
// values, fonts, fills, borders, number formats, sizes, hidden rows and columns, print setup.
TEST_CASE("LibreOffice keeps our layout when it re-saves our output", "[writers][xlsx][libreoffice]") {
  TempDir dir;
  const Workbook original = test::feature_workbook();
  const auto path = dir / "features.xlsx";
  write_xlsx(original, path);
  const Workbook resaved = read_workbook(soffice_convert(path, "xlsx", "xlsx", dir / "lo"));
  REQUIRE(resaved.sheets.size() == original.sheets.size());

  for (std::size_t i = 0; i < original.sheets.size(); ++i) {
    const Sheet& want = original.sheets[i];
    const Sheet& got = resaved.sheets[i];
    INFO(want.name);
    CHECK(got.name == want.name);
    CHECK(got.hidden == want.hidden);
    CHECK(got.merged.size() == want.merged.size());
    for (const auto& range : want.merged)
      CHECK(std::find(got.merged.begin(), got.merged.end(), range) != got.merged.end());
    for (const auto& row : want.rows) {
      for (const auto& cell : row.cells) {
        const CellRef ref{row.index, cell.col};
        INFO(to_a1(ref));
        const Cell* other = got.find(ref);
        REQUIRE(other != nullptr);
        if (!cell.has_formula && cell.kind == CellKind::number) CHECK(other->number == Approx(cell.number));
        if (!cell.has_formula && cell.kind == CellKind::text && !cell.text.empty()) CHECK(other->text == cell.text);
        const CellStyle& a = original.style_of(cell);
        const CellStyle& b = resaved.style_of(*other);
        CHECK(b.font.name == a.font.name);
        CHECK(b.font.size == Approx(a.font.size));
        CHECK(b.font.bold == a.font.bold);
        CHECK(b.font.italic == a.font.italic);
        CHECK(b.border.left.style == a.border.left.style);
        CHECK(b.border.bottom.style == a.border.bottom.style);
        if (a.fill.pattern == "solid") CHECK(b.fill.fg_color == a.fill.fg_color);
        if (a.num_fmt_id >= 164) CHECK(b.number_format == a.number_format);
        CHECK(b.alignment.wrap == a.alignment.wrap);
      }
      const SheetRow* other = got.find_row(row.index);
      if (row.height) {
        REQUIRE(other != nullptr);
        CHECK(other->height.value_or(0) == Approx(*row.height).margin(0.05));
      }
      if (row.hidden) CHECK((other != nullptr && other->hidden));
    }
    for (const auto& column : want.columns) {
      INFO("column " << column_letters(column.first));
      CHECK(got.column_hidden(column.first) == column.hidden);
      const auto found = std::find_if(got.columns.begin(), got.columns.end(), [&](const ColumnInfo& info) {
        return column.first >= info.first && column.first <= info.last;
      });
      REQUIRE(found != got.columns.end());
      if (column.width && !column.hidden) CHECK(found->width.value_or(0) == Approx(*column.width).margin(0.08));
    }
    CHECK(got.print.landscape.value_or(false) == want.print.landscape.value_or(false));
    CHECK(got.print.paper_size.value_or(9) == want.print.paper_size.value_or(9));  // LibreOffice writes A4 when unset
    CHECK(got.print.fit_to_page == want.print.fit_to_page);
    CHECK(got.print.margin_left.value_or(0.7) == Approx(want.print.margin_left.value_or(0.7)).margin(0.01));
    CHECK(got.print.margin_top.value_or(0.75) == Approx(want.print.margin_top.value_or(0.75)).margin(0.01));
    CHECK(got.print.repeat_rows == want.print.repeat_rows);
    CHECK(got.print.header == want.print.header);
    CHECK(got.print.center_horizontally == want.print.center_horizontally);
  }
}

// Printed pages of the original and of our copy, compared pixel by pixel (tests/writers/render_diff.py).
// Slow (two LibreOffice conversions per file): run with  test_writers "[render]".
TEST_CASE("workbooks we rewrite print the same pages as the originals", "[writers][xlsx][render][.][slow]") {
  const std::filesystem::path source(PHULUC_SOURCE_DIR);
  const std::filesystem::path corpus = std::filesystem::path(PHULUC_SHARED_DIR) / "corpus/libxlsxwriter";
  const std::vector<std::filesystem::path> originals = {
      source / "samples/appendices/muong_kim_2026_formulas.xlsx",  // openpyxl + LibreOffice
      corpus / "merge_range02.xlsx",                                // Excel
      corpus / "fit_to_pages01.xlsx",
      corpus / "repeat01.xlsx",
  };
  TempDir dir;
  for (const auto& original : originals) {
    INFO(original.filename().string());
    const auto copy = dir / ("copy_" + original.filename().string());
    write_xlsx(read_workbook(original), copy);
    std::string report;
    const int status = test::run_command(std::string(test::kPython) + " " +
                                             test::shell_quote(source / "tests/writers/render_diff.py") + " " +
                                             test::shell_quote(original.string()) + " " + test::shell_quote(copy.string()),
                                         &report);
    INFO(report);
    CHECK(status == 0);
  }
}

}  // namespace
}  // namespace phuluc
