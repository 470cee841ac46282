#include "consolidation/row_formulas.hpp"

#include <algorithm>

#include "model/cell_ref.hpp"

namespace phuluc {
namespace {

constexpr std::size_t kMaxSumArguments = 255;  // Excel's limit on a function's arguments

std::string cell_a1(std::uint32_t row, std::uint32_t col) { return to_a1(CellRef{row, col}); }

std::string range_a1(const RowRange& range, std::uint32_t col) {
  if (range.first == range.last) return cell_a1(range.first, col);
  return cell_a1(range.first, col) + ":" + cell_a1(range.last, col);
}

std::string sum_of(const std::vector<std::string>& arguments, std::size_t first, std::size_t last) {
  std::string text = "SUM(";
  for (std::size_t i = first; i < last; ++i) text += (i > first ? "," : "") + arguments[i];
  return text + ")";
}

}  // namespace

std::vector<RowRange> row_ranges(std::vector<std::uint32_t> rows) {
  std::sort(rows.begin(), rows.end());
  std::vector<RowRange> ranges;
  for (const std::uint32_t row : rows) {
    if (!ranges.empty() && ranges.back().last + 1 == row) ranges.back().last = row;
    else if (ranges.empty() || ranges.back().last != row) ranges.push_back({row, row});
  }
  return ranges;
}

std::string sum_formula(std::uint32_t col, const std::vector<RowRange>& ranges) {
  std::vector<std::string> arguments;
  arguments.reserve(ranges.size());
  for (const RowRange& range : ranges) arguments.push_back(range_a1(range, col));
  // Group until one SUM takes them all.
  while (arguments.size() > kMaxSumArguments) {
    std::vector<std::string> grouped;
    for (std::size_t first = 0; first < arguments.size(); first += kMaxSumArguments)
      grouped.push_back(sum_of(arguments, first, std::min(arguments.size(), first + kMaxSumArguments)));
    arguments = std::move(grouped);
  }
  return sum_of(arguments, 0, arguments.size());
}

std::vector<ValueCellContent> value_cells(const ConsolidatedTable& table, std::size_t row_idx, std::uint32_t sheet_row,
                                          const std::vector<RowRange>& summed) {
  const MergedRow& row = table.rows[row_idx];
  std::vector<ValueCellContent> cells(table.columns.size());
  for (std::size_t v = 0; v < table.columns.size(); ++v) {
    const ValueColumn& column = table.columns[v];
    const auto& value = row.values[v];
    ValueCellContent& cell = cells[v];
    if (column.role == ColumnRole::rate) {
      if (!column.plan || !column.numerator || !row.values[*column.plan]) continue;
      const std::string plan = cell_a1(sheet_row, table.columns[*column.plan].sheet_col);
      const std::string numerator = cell_a1(sheet_row, table.columns[*column.numerator].sheet_col);
      cell.kind = ValueCellContent::Kind::formula;
      cell.formula = "IF(" + plan + "=0,\"\"," + numerator + "/" + plan + "*100)";
      cell.text_result = !value.has_value();
      cell.number = value.value_or(0.0);
      continue;
    }
    if (!value) continue;
    cell.number = *value;
    const bool parts_given = !column.parts.empty() && std::any_of(column.parts.begin(), column.parts.end(), [&](std::size_t part) {
      return row.values[part].has_value();
    });
    if (parts_given) {
      cell.kind = ValueCellContent::Kind::formula;
      for (const std::size_t part : column.parts) {
        if (!cell.formula.empty()) cell.formula += "+";
        cell.formula += cell_a1(sheet_row, table.columns[part].sheet_col);
      }
    } else if (!summed.empty()) {
      cell.kind = ValueCellContent::Kind::formula;
      cell.formula = sum_formula(column.sheet_col, summed);
    } else {
      cell.kind = ValueCellContent::Kind::number;
    }
  }
  return cells;
}

}  // namespace phuluc
