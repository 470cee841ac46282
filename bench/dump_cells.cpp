// Prints every cell phuluc's readers hand back, one per line, for the differential check against an
// independent reader (bench/differential/compare_cells.py, docs/robustness.md). Not a phuluc command.
//   build/bench_dump_cells FILE... > ours.tsv
// Output, tab separated: file, sheet, A1, kind, value. kind is number, date (the Excel serial),
// text, bool (TRUE/FALSE) or error ("#DIV/0!"); a file that cannot be read gives one line with the
// kind "unreadable" and the error id. Each file starts with a line of kind "file". Tabs, newlines and backslashes in text are escaped (\t \n \r \\).
#include <cstdio>
#include <string>

#include "model/cell_ref.hpp"
#include "readers/read_error.hpp"
#include "readers/workbook_reader.hpp"

namespace {

std::string escaped(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '\t': out += "\\t"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\\': out += "\\\\"; break;
      default: out += c;
    }
  }
  return out;
}

std::string kind_and_value(const phuluc::Cell& cell) {
  char number[40];
  switch (cell.kind) {
    case phuluc::CellKind::number:
      std::snprintf(number, sizeof number, "%.17g", cell.number);
      return std::string(cell.is_date ? "date\t" : "number\t") + number;
    case phuluc::CellKind::boolean: return cell.number != 0 ? "bool\tTRUE" : "bool\tFALSE";
    case phuluc::CellKind::text: return "text\t" + escaped(cell.text);
    case phuluc::CellKind::error: return "error\t" + escaped(cell.text);
    case phuluc::CellKind::empty: break;
  }
  return {};
}

void dump(const std::string& path) {
  std::printf("%s\t\t\tfile\t\n", escaped(path).c_str());  // every file, even one without cells
  try {
    const phuluc::Workbook workbook = phuluc::read_workbook(path);
    for (const auto& sheet : workbook.sheets)
      for (const auto& row : sheet.rows)
        for (const auto& cell : row.cells) {
          const std::string value = kind_and_value(cell);
          if (value.empty()) continue;
          std::printf("%s\t%s\t%s\t%s\n", escaped(path).c_str(), escaped(sheet.name).c_str(),
                      phuluc::to_a1(phuluc::CellRef{row.index, cell.col}).c_str(), value.c_str());
        }
  } catch (const phuluc::ReadError& error) {
    std::printf("%s\t\t\tunreadable\t%s\n", escaped(path).c_str(), phuluc::read_error_id(error.code()));
  }
}

}  // namespace

int main(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) dump(argv[i]);
  return 0;
}
