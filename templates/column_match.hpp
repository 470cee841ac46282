#pragma once
// Which column of a commune's table goes into which column of an official template. Amount and rate
// columns by what their headers mean (block, measure, split, as the table finder read them), never
// by position; text columns (Địa điểm, Chỉ tiêu, Kết quả, Ghi chú) by their header words.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "table/table.hpp"

namespace phuluc {

/// One template column and the input column that fills it.
struct ColumnLink {
  std::size_t template_column = 0;  ///< index into the template's Table::columns
  std::size_t input_column = 0;     ///< index into the input's Table::columns
};

/// Word overlap of two header texts after folding (Dice coefficient over words with letters, 0..1):
///   header_similarity("Kết quả năm ......", "Kết quả 06 tháng đầu năm 2026") == 0.75
double header_similarity(const std::string& a, const std::string& b);

/// Links the input's columns to the template's. Value columns: same role, measure and split (a rate
/// without a split is the Tổng số rate), in the block whose top header words fit best (a table with
/// one block fills the template block it resembles most). Other columns (label, text, note): the
/// best header-word match of at least 0.5, each input column used once; the STT columns are linked
/// when both have one. Template columns are given in the same order as Table::columns.
///   for (const ColumnLink& link : link_columns(template_table, input_table)) ...
std::vector<ColumnLink> link_columns(const Table& official, const Table& input);

}  // namespace phuluc
