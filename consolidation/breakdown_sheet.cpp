#include "consolidation/breakdown_sheet.hpp"

#include <algorithm>
#include <filesystem>
#include <map>
#include <optional>

#include "consolidation/cancellation.hpp"
#include "consolidation/consolidated_sheet.hpp"
#include "consolidation/row_formulas.hpp"

namespace phuluc {
namespace {

constexpr std::size_t kRowsBetweenCancelChecks = 4096;

// The bullet of a commune row: one level below its row's own bullet.
const char* commune_bullet(const std::string& stt) {
  if (stt == "-") return "+";
  if (stt == "+") return "*";
  return "-";
}

}  // namespace

BreakdownSheet::BreakdownSheet(const TemplateLayout& layout, const ConsolidatedTable& table,
                               const Consolidator& consolidator, const std::vector<InputSummary>& inputs,
                               StyleBook& styles)
    : layout_(layout), table_(table), consolidator_(consolidator) {
  for (const InputSummary& input : inputs) {
    if (commune_of_input_.size() <= input.index) {
      commune_of_input_.resize(input.index + 1);
      file_of_input_.resize(input.index + 1);
    }
    commune_of_input_[input.index] = input.commune;
    file_of_input_[input.index] = std::filesystem::path(input.path).filename().string();
  }
  // Communes with the same name (3,321 communes have many) are told apart by their file.
  std::map<std::string, int> uses;
  for (const InputSummary& input : inputs)
    if (input.accepted()) ++uses[input.commune];
  for (const InputSummary& input : inputs)
    if (input.accepted() && uses[input.commune] > 1)
      commune_of_input_[input.index] = input.commune + " (" + file_of_input_[input.index] + ")";

  top_ = copy_top(layout, kBreakdownSheetName, "CHI TIẾT SỐ LIỆU CỦA TỪNG XÃ",
                  "(Mỗi dòng của trang \"" + std::string(kConsolidatedSheetName) +
                      "\", dưới dòng là số liệu của từng xã đã cộng vào dòng đó)");
  top_.print.print_area.reset();
  first_ = layout.table.header_last + 1;

  std::uint32_t next = first_;
  for (std::size_t i = 0; i < table.rows.size(); ++i) {
    summary_row_.push_back(next++);
    std::uint32_t communes = 0;
    if (table.rows[i].children.empty() && table.rows[i].origin != MergedOrigin::carried)
      communes = static_cast<std::uint32_t>(consolidator.contributions(static_cast<int>(i)).size());
    communes_under_.push_back(communes);
    next += communes;
    row_profile_.push_back(profile_of(row_styles(layout, table, table.rows[i], styles)));
  }
  data_rows_ = next - first_;

  MergedRow commune_row;
  commune_row.origin = MergedOrigin::keyed;
  commune_row.kind = RowKind::item;
  std::vector<std::uint32_t> commune_styles = row_styles(layout, table, commune_row, styles);
  for (std::uint32_t& style : commune_styles) style = styles.variant(style, StyleChange().without_bold());
  commune_profile_ = profile_of(std::move(commune_styles));
}

std::uint32_t BreakdownSheet::profile_of(std::vector<std::uint32_t> styles) {
  for (std::size_t p = 0; p < profiles_.size(); ++p)
    if (profiles_[p] == styles) return static_cast<std::uint32_t>(p);
  profiles_.push_back(std::move(styles));
  return static_cast<std::uint32_t>(profiles_.size() - 1);
}

Sheet BreakdownSheet::stub() const {
  Sheet sheet = top_;
  for (std::size_t p = 0; p < profiles_.size(); ++p) {
    SheetRow row;
    row.index = first_ + static_cast<std::uint32_t>(p);
    for (std::uint32_t col = 0; col < profiles_[p].size(); ++col) {
      Cell cell;
      cell.col = col;
      cell.style = profiles_[p][col];
      row.cells.push_back(cell);
    }
    sheet.rows.push_back(std::move(row));
  }
  return sheet;
}

void BreakdownSheet::stream(SheetSplice& splice, const std::atomic<bool>* cancel) const {
  const Table& shape = layout_.table;
  std::vector<int> value_at(layout_.last_col + 1, -1);
  for (std::size_t v = 0; v < table_.columns.size(); ++v)
    if (table_.columns[v].sheet_col <= layout_.last_col) value_at[table_.columns[v].sheet_col] = static_cast<int>(v);
  std::optional<std::uint32_t> note_col;
  for (const TableColumn& column : shape.columns)
    if (column.role == ColumnRole::note) note_col = column.col;

  std::vector<std::vector<std::uint32_t>> xf(profiles_.size());
  for (std::size_t p = 0; p < profiles_.size(); ++p)
    for (std::uint32_t col = 0; col < profiles_[p].size(); ++col) xf[p].push_back(splice.sample_style(p, col));

  // The look of a row's unwritten cells: that of its first rate column (blank there in commune rows),
  // else of its last column.
  std::optional<std::uint32_t> rate_col;
  for (const ValueColumn& column : table_.columns)
    if (column.role == ColumnRole::rate && !rate_col) rate_col = column.sheet_col;
  const auto blank_style = [&](const std::vector<std::uint32_t>& styles) {
    return styles.empty() ? 0u : styles[std::min<std::size_t>(rate_col.value_or(layout_.last_col), styles.size() - 1)];
  };
  const std::uint32_t last_row = first_ + static_cast<std::uint32_t>(data_rows_) - (data_rows_ > 0 ? 1 : 0);
  splice.replace(
      [&](SheetXmlWriter& xml) {
        std::size_t written = 0;
        for (std::size_t i = 0; i < table_.rows.size(); ++i) {
          const MergedRow& row = table_.rows[i];
          const std::uint32_t at = summary_row_[i];
          std::vector<std::uint32_t> summed;
          for (const int child : row.children) summed.push_back(summary_row_[static_cast<std::size_t>(child)]);
          std::vector<RowRange> ranges = row_ranges(std::move(summed));
          if (communes_under_[i] > 0) ranges = {{at + 1, at + communes_under_[i]}};
          const auto cells = value_cells(table_, i, at, ranges);
          const auto& styles = xf[row_profile_[i]];

          // Cells left empty take the row's look (borders): a rate column's style.
          xml.begin_row(at, 0, blank_style(styles));
          for (std::uint32_t col = 0; col <= layout_.last_col; ++col) {
            const std::uint32_t style = styles[col];
            if (shape.stt_col && col == *shape.stt_col && !row.stt.empty()) {
              xml.text(col, row.stt, style);
            } else if (shape.label_col && col == *shape.label_col) {
              xml.text(col, row.label, style);
            } else if (value_at[col] >= 0) {
              const ValueCellContent& cell = cells[static_cast<std::size_t>(value_at[col])];
              switch (cell.kind) {
                case ValueCellContent::Kind::empty: break;
                case ValueCellContent::Kind::number: xml.number(col, cell.number, style); break;
                case ValueCellContent::Kind::formula:
                  if (cell.text_result) xml.formula_text(col, cell.formula, "", style);
                  else xml.formula(col, cell.formula, cell.number, style);
                  break;
              }
            }
          }
          xml.end_row();

          if (communes_under_[i] == 0) continue;
          const auto& commune_styles = xf[commune_profile_];
          std::uint32_t commune_at = at + 1;
          for (const Contribution& contribution : consolidator_.contributions(static_cast<int>(i))) {
            xml.begin_row(commune_at++, 1, blank_style(commune_styles));
            for (std::uint32_t col = 0; col <= layout_.last_col; ++col) {
              const std::uint32_t style = commune_styles[col];
              if (shape.stt_col && col == *shape.stt_col) {
                xml.text(col, commune_bullet(row.stt), style);
              } else if (shape.label_col && col == *shape.label_col) {
                xml.text(col, commune_of_input_[contribution.input], style);
              } else if (note_col && col == *note_col) {
                xml.text(col, file_of_input_[contribution.input], style);
              } else if (value_at[col] >= 0) {
                const ValueColumn& column = table_.columns[static_cast<std::size_t>(value_at[col])];
                const double amount = column.amount_index ? contribution.amounts[*column.amount_index] : InputTable::kEmpty;
                if (!InputTable::is_empty(amount)) xml.number(col, amount, style);
              }
            }
            xml.end_row();
            if (++written % kRowsBetweenCancelChecks == 0) throw_if_cancelled(cancel);
          }
        }
        throw_if_cancelled(cancel);
      },
      CellRef{last_row, layout_.last_col});
}

}  // namespace phuluc
