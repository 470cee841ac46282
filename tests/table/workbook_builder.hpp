#pragma once
// Builds small in-memory workbooks for table tests: cells by A1 address, merged ranges, styles.
#include <cstdint>
#include <map>
#include <string>
#include <utility>

#include "model/cell_ref.hpp"
#include "model/workbook.hpp"

namespace phuluc::test {

/// A sheet under construction; sheet() returns it with rows and cells sorted as readers leave them.
class SheetDraft {
 public:
  explicit SheetDraft(std::string name) : name_(std::move(name)) {}

  SheetDraft& text(const std::string& a1, std::string value, std::uint32_t style = 0) {
    Cell& cell = at(a1);
    cell.kind = CellKind::text;
    cell.text = std::move(value);
    cell.style = style;
    return *this;
  }
  SheetDraft& number(const std::string& a1, double value, std::uint32_t style = 0) {
    Cell& cell = at(a1);
    cell.kind = CellKind::number;
    cell.number = value;
    cell.style = style;
    return *this;
  }
  SheetDraft& text_at(CellRef ref, std::string value, std::uint32_t style = 0) { return text(to_a1(ref), std::move(value), style); }
  SheetDraft& number_at(CellRef ref, double value, std::uint32_t style = 0) { return number(to_a1(ref), value, style); }
  SheetDraft& formula_without_value(const std::string& a1, std::string formula) {
    Cell& cell = at(a1);
    cell.kind = CellKind::empty;
    cell.formula = std::move(formula);
    cell.has_formula = true;
    cell.formula_without_value = true;
    return *this;
  }
  SheetDraft& error(const std::string& a1, std::string literal) {
    Cell& cell = at(a1);
    cell.kind = CellKind::error;
    cell.text = std::move(literal);
    return *this;
  }
  SheetDraft& merge(const std::string& range) {
    merged_.push_back(*parse_a1_range(range));
    return *this;
  }
  SheetDraft& hide() {
    hidden_ = true;
    return *this;
  }

  Sheet sheet() const {
    Sheet out;
    out.name = name_;
    out.hidden = hidden_;
    out.merged = merged_;
    for (const auto& [row_index, cells] : cells_) {
      SheetRow row;
      row.index = row_index;
      for (const auto& [col, cell] : cells) row.cells.push_back(cell);
      out.rows.push_back(std::move(row));
    }
    return out;
  }

 private:
  Cell& at(const std::string& a1) {
    const CellRef ref = *parse_a1(a1);
    Cell& cell = cells_[ref.row][ref.col];
    cell.col = ref.col;
    return cell;
  }
  std::string name_;
  bool hidden_ = false;
  std::map<std::uint32_t, std::map<std::uint32_t, Cell>> cells_;
  std::vector<CellRange> merged_;
};

/// Adds a style to a workbook and returns its index.
inline std::uint32_t add_style(Workbook& workbook, const std::string& number_format, bool bold = false,
                               bool italic = false) {
  if (workbook.styles.empty()) workbook.styles.emplace_back();
  CellStyle style;
  style.number_format = number_format;
  style.font.bold = bold;
  style.font.italic = italic;
  workbook.styles.push_back(style);
  return static_cast<std::uint32_t>(workbook.styles.size() - 1);
}

}  // namespace phuluc::test
