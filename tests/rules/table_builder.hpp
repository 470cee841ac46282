#pragma once
// Test helper: builds Table values by hand, the way find_tables would describe a funds appendix.
#include <optional>
#include <string>
#include <vector>

#include "table/table.hpp"

namespace phuluc::test {

inline TableValue num(double number, std::optional<int> decimals = std::nullopt) {
  TableValue value;
  value.state = ValueState::number;
  value.number = number;
  value.decimals = decimals;
  return value;
}

inline TableValue text_num(const std::string& raw, double number, int decimals) {
  TableValue value;
  value.state = ValueState::text_number;
  value.number = number;
  value.raw = raw;
  value.decimals = decimals;
  return value;
}

inline TableValue blank() { return TableValue{}; }

inline TableValue dash() {
  TableValue value;
  value.state = ValueState::dash;
  value.raw = "-";
  return value;
}

inline TableValue text(const std::string& raw) {
  TableValue value;
  value.state = ValueState::not_a_number;
  value.raw = raw;
  return value;
}

inline TableValue with_state(ValueState state, const std::string& raw) {
  TableValue value;
  value.state = state;
  value.raw = raw;
  return value;
}

/// A table on sheet "Biểu 01" with STT in column A and the label in column B; data from row 8 (1-based).
class TableBuilder {
 public:
  TableBuilder() {
    table_.sheet = "Biểu 01";
    table_.kind = TableKind::funds;
    table_.unit = Unit::million_dong;
    table_.header_first = 4;
    table_.header_last = 6;
    table_.stt_col = 0;
    table_.label_col = 1;
    add_column(ColumnRole::stt, Measure::none, Split::none, -1, {"STT"});
    add_column(ColumnRole::label, Measure::none, Split::none, -1, {"Nội dung"});
  }

  /// Adds a column at the next sheet column; returns its index into Table::columns.
  std::size_t add_column(ColumnRole role, Measure measure, Split split, int block, std::vector<std::string> path,
                         std::optional<int> decimals = std::nullopt) {
    TableColumn column;
    column.col = static_cast<std::uint32_t>(table_.columns.size());
    column.role = role;
    column.measure = measure;
    column.split = split;
    column.block = block;
    column.decimals = decimals;
    for (std::size_t i = 0; i < path.size(); ++i) column.path_text += (i ? " › " : "") + path[i];
    column.path = std::move(path);
    table_.columns.push_back(std::move(column));
    return table_.columns.size() - 1;
  }

  /// Adds the three columns Tổng số | NSTW | NSĐP under `caption`; returns the index of Tổng số.
  std::size_t add_triple(ColumnRole role, Measure measure, int block, const std::string& caption,
                         std::optional<int> decimals = std::nullopt) {
    const auto first = add_column(role, measure, Split::total, block, {caption, "Tổng số"}, decimals);
    add_column(role, measure, Split::central, block, {caption, "NSTW"}, decimals);
    add_column(role, measure, Split::local, block, {caption, "NSĐP"}, decimals);
    return first;
  }

  /// Adds a data row under `parent` (-1 for top level) with values for the columns after STT and label.
  int add_row(const std::string& stt, const std::string& label, RowKind kind, int parent,
              std::vector<TableValue> values) {
    TableRow row;
    row.sheet_row = 7 + static_cast<std::uint32_t>(table_.rows.size());
    row.stt = stt;
    row.label = label;
    row.kind = kind;
    row.parent = parent;
    row.depth = parent < 0 ? (kind == RowKind::grand_total ? 0 : 1) : table_.rows[parent].depth + 1;
    row.values.push_back(TableValue{});  // STT
    row.values.push_back(TableValue{});  // label
    for (auto& value : values) row.values.push_back(std::move(value));
    table_.rows.push_back(std::move(row));
    const int index = static_cast<int>(table_.rows.size()) - 1;
    if (parent >= 0) table_.rows[parent].children.push_back(index);
    table_.data_last = table_.rows.back().sheet_row;
    return index;
  }

  Table& table() { return table_; }

 private:
  Table table_;
};

}  // namespace phuluc::test
