#pragma once
// Adding communes' tables up by catalogue key, never by raw text. Rows are aligned by their
// catalogue key (dtts.5.1) and placed by the catalogue's hierarchy; amounts are summed, parents
// are recomputed from their children, Tổng số from its parts and rates from the summed amounts
// (never summed or averaged). A row no key matched is never dropped nor merged by guess: it is
// carried under its parent, labelled with its commune, so the totals still add up.
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "consolidation/merge_input.hpp"
#include "consolidation/template_layout.hpp"
#include "mappings/catalogue.hpp"

namespace phuluc {

/// Where a consolidated row comes from.
enum class MergedOrigin {
  total,      ///< the TỔNG CỘNG row (when the template has one)
  keyed,      ///< a catalogue entry: the sum of every commune's row with that key
  carried,    ///< one commune's row that matched no key, kept under its parent
  remainder   ///< what communes gave for a parent without detailing it under its children
};

/// "total", "keyed", "carried", "remainder": the JSON spelling.
const char* merged_origin_id(MergedOrigin origin);

/// One row of the consolidated table.
struct MergedRow {
  MergedOrigin origin = MergedOrigin::keyed;
  std::string key;            ///< catalogue key of a keyed row, "total" for TỔNG CỘNG, empty otherwise
  std::string stt;            ///< the STT most communes wrote; "" or "-" for carried and remainder rows
  std::string label;          ///< the label most communes wrote; carried rows "(Xã Mường Kim) label"
  RowKind kind = RowKind::content;
  int parent = -1;            ///< index into ConsolidatedTable::rows; -1 at the top
  std::vector<int> children;  ///< indices into ConsolidatedTable::rows, in output order
  int depth = 0;              ///< 0 at the top
  std::optional<std::size_t> input;  ///< carried rows: the input (InputSummary::index) it comes from
  std::uint32_t source_row = 0;      ///< carried rows: its 0-based sheet row in that input
  std::vector<std::optional<double>> values;  ///< per value column, in the template's unit; nullopt: empty
};

/// A value column of the template (amount or rate) and how the output computes it.
struct ValueColumn {
  std::size_t table_column = 0;          ///< index into the template's Table::columns
  std::uint32_t sheet_col = 0;           ///< 0-based sheet column
  ColumnRole role = ColumnRole::amount;  ///< amount or rate
  std::string path_text;                 ///< header path, " › " joined
  std::optional<std::size_t> amount_index;  ///< amounts: position among the amount columns (InputTable order)
  std::vector<std::size_t> parts;        ///< a split total: the value columns it adds (Tổng số = NSTW + NSĐP)
  std::optional<std::size_t> numerator;  ///< a rate: value column of the disbursed / estimated amount
  std::optional<std::size_t> plan;       ///< a rate: value column of the plan
  int decimals = 3;                      ///< decimals the output shows
};

/// A commune's row that matched no catalogue key and was carried into the output.
struct UnmatchedRow {
  std::size_t input = 0;        ///< InputSummary::index
  std::uint32_t sheet_row = 0;  ///< 0-based sheet row in the input (Excel shows sheet_row + 1)
  std::string stt;
  std::string label;            ///< as the commune wrote it
  std::string parent_key;       ///< key of the consolidated row it was put under; "" at the top
  std::string reason;           ///< the matcher's status ("unmapped", "ambiguous", "conflict", "detail",
                                ///< "blank"), or "duplicate-key", "different-parent", "under-unmatched"
  int output_row = -1;          ///< index into ConsolidatedTable::rows
};

struct ConsolidatedTable {
  std::vector<ValueColumn> columns;   ///< the template's amount and rate columns, left to right
  std::vector<MergedRow> rows;        ///< parents before their children (pre-order)
  std::vector<UnmatchedRow> unmatched;
  std::size_t inputs = 0;             ///< inputs added
};

/// One commune's amounts behind a consolidated row (for the breakdown sheet).
struct Contribution {
  std::size_t input = 0;            ///< InputSummary::index
  std::span<const double> amounts;  ///< per amount column, in the template's unit; NaN: empty
};

/// Adds inputs one at a time (in input order), then builds the consolidated table.
///   Consolidator consolidator(layout, catalogue);
///   for (auto& input : accepted) consolidator.add(input.summary, std::move(input.data), input.decimals);
///   const ConsolidatedTable& table = consolidator.finish();
class Consolidator {
 public:
  /// `layout` (the template) and `catalogue` must outlive the consolidator.
  Consolidator(const TemplateLayout& layout, const Catalogue& catalogue);

  /// Adds an accepted input whose columns follow the template. Its amounts are converted by
  /// summary.unit_shift. `decimals`: per value column, the decimals its cells show.
  /// Returns the number of its rows carried without a catalogue key (InputSummary::unmatched).
  std::size_t add(const InputSummary& summary, InputTable table, const std::vector<std::optional<int>>& decimals);

  /// Builds the consolidated table; call once, after the last add().
  const ConsolidatedTable& finish();

  /// The communes' amounts behind a consolidated leaf row (keyed, total or remainder), in input
  /// order, only those with at least one amount; empty for parents and carried rows. After finish().
  std::vector<Contribution> contributions(int row) const;

  /// Number of amount columns (the length of Contribution::amounts).
  std::size_t amount_width() const { return amount_width_; }

 private:
  struct Node;
  struct StoredInput;
  int keyed_node(const std::string& key, const InputRow& row);
  int carried_node(const InputSummary& summary, const InputRow& row, int parent, std::string reason);
  void label_carried_rows();
  void place_nodes();
  void add_remainders();
  void compute_values();

  const TemplateLayout& layout_;
  const Catalogue& catalogue_;
  std::map<std::string, std::size_t, std::less<>> catalogue_order_;
  std::size_t amount_width_ = 0;
  std::vector<Node> nodes_;
  std::map<std::string, int, std::less<>> node_of_key_;
  int total_node_ = -1;
  std::vector<StoredInput> inputs_;
  std::vector<int> max_value_decimals_;          ///< per value column, digits the values need
  std::vector<std::optional<int>> shown_decimals_;  ///< per value column, the most the inputs show
  ConsolidatedTable result_;
  std::vector<int> row_of_node_;                 ///< node → index into result_.rows
  std::vector<int> node_of_row_;                 ///< index into result_.rows → node
  std::vector<std::vector<std::pair<std::size_t, std::size_t>>> sources_;  ///< node → (stored input, row)
  std::vector<std::vector<std::pair<std::size_t, std::vector<double>>>> residuals_;  ///< node → (stored input, amounts)
  bool finished_ = false;

 public:
  ~Consolidator();
  Consolidator(const Consolidator&) = delete;
  Consolidator& operator=(const Consolidator&) = delete;
};

}  // namespace phuluc
