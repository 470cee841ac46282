#include "consolidation/consolidator.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <tuple>
#include <filesystem>
#include <set>

#include "consolidation/template_match.hpp"
#include "consolidation/unit_conversion.hpp"
#include "mappings/text_normalize.hpp"
#include "rules/header_tree.hpp"
#include "rules/rate_rule.hpp"
#include "rules/split_rule.hpp"
#include "rules/tolerance.hpp"
#include "table/text_fold.hpp"

namespace phuluc {
namespace {

constexpr int kMaxSumDecimals = 9;     // finest precision a sum is kept at (float noise below it)
constexpr int kMaxShownDecimals = 6;   // finest precision an amount is shown at

// Counts of each spelling of a label or STT. The winner comes from the wording most communes used,
// where a wording ignores case, diacritics, spacing, punctuation and abbreviations ("DA 5: Phát
// triển ... DTTS&MN" and "Dự án 5: Phát triển ... dân tộc thiểu số và miền núi" are one wording);
// within it, the spelling that writes the most out in full, then the most common, then the one with
// its diacritics.
class Vote {
 public:
  void add(const std::string& text) {
    for (auto& [variant, count] : variants_)
      if (variant == text) {
        ++count;
        return;
      }
    variants_.emplace_back(text, 1);
  }
  std::string winner() const {
    if (variants_.empty()) return {};
    std::map<std::string, int> wordings;
    std::vector<std::string> keys;
    for (const auto& [variant, count] : variants_) {
      keys.push_back(wording(variant));
      wordings[keys.back()] += count;
    }
    std::size_t best = 0;
    for (std::size_t i = 1; i < variants_.size(); ++i)
      if (rank(i, wordings[keys[i]]) > rank(best, wordings[keys[best]])) best = i;
    return variants_[best].first;
  }

 private:
  std::tuple<int, std::size_t, int, std::size_t> rank(std::size_t i, int wording_votes) const {
    const std::string& text = variants_[i].first;
    std::size_t letters = 0;
    std::size_t marked = 0;  // bytes of letters outside ASCII: the diacritics kept
    for (const char c : fold_text(text)) letters += std::isalnum(static_cast<unsigned char>(c)) ? 1 : 0;
    for (const char c : text) marked += static_cast<unsigned char>(c) >= 0x80 ? 1 : 0;
    return {wording_votes, letters, variants_[i].second, marked};
  }

  static std::string wording(const std::string& text) {
    std::string out;
    for (const NormalToken& token : normalize_words(text)) {
      // The level abbreviations the matcher reads with their number.
      const std::string& bare = token.bare;
      out += bare == "da" ? "du an" : bare == "tda" ? "tieu du an" : bare == "nd" ? "noi dung" : bare;
      out += ' ';
    }
    return out;
  }
  std::vector<std::pair<std::string, int>> variants_;
};

double round_to(double value, int decimals) {
  const double scale = std::pow(10.0, decimals);
  const double scaled = value * scale;
  if (std::abs(scaled) > 9.0e15) return value;  // beyond exact doubles: nothing to clean
  return std::round(scaled) / scale;
}

bool is_upper_level(RowKind kind) {
  return kind == RowKind::grand_total || kind == RowKind::program || kind == RowKind::project ||
         kind == RowKind::subproject;
}

}  // namespace

const char* merged_origin_id(MergedOrigin origin) {
  switch (origin) {
    case MergedOrigin::total: return "total";
    case MergedOrigin::keyed: return "keyed";
    case MergedOrigin::carried: return "carried";
    case MergedOrigin::remainder: return "remainder";
  }
  return "keyed";
}

struct Consolidator::Node {
  MergedOrigin origin = MergedOrigin::keyed;
  std::string key;
  Vote stt;
  Vote label;
  RowKind kind = RowKind::content;
  int parent = -1;                 // carried and remainder nodes: the node they sit under
  std::optional<std::size_t> input;
  std::uint32_t source_row = 0;
  std::string fixed_label;         // carried and remainder rows
  std::vector<int> children;
};

struct Consolidator::StoredInput {
  std::size_t index = 0;           // InputSummary::index
  std::string commune;             // InputSummary::commune
  std::string file;                // its file name
  std::vector<int> row_node;       // per input row: its node, or -1 when left out (blank)
  std::vector<int> row_parent;     // per input row: InputRow::parent
  std::vector<double> amounts;     // rows × width, template unit
};

Consolidator::~Consolidator() = default;

Consolidator::Consolidator(const TemplateLayout& layout, const Catalogue& catalogue)
    : layout_(layout), catalogue_(catalogue) {
  for (std::size_t i = 0; i < catalogue.entries().size(); ++i) catalogue_order_.emplace(catalogue.entries()[i].key, i);

  const Table& table = layout.table;
  const auto columns = value_columns(table);
  std::vector<int> value_of_table_column(table.columns.size(), -1);
  std::size_t amounts = 0;
  for (std::size_t v = 0; v < columns.size(); ++v) {
    const TableColumn& column = table.columns[columns[v]];
    ValueColumn out;
    out.table_column = columns[v];
    out.sheet_col = column.col;
    out.role = column.role;
    out.path_text = column.path_text;
    if (column.role == ColumnRole::amount) out.amount_index = amounts++;
    value_of_table_column[columns[v]] = static_cast<int>(v);
    result_.columns.push_back(std::move(out));
  }
  amount_width_ = amounts;

  std::vector<std::size_t> unclear;
  for (const SplitGroup& group : split_groups(table, unclear)) {
    const int total = value_of_table_column[group.total];
    if (total < 0) continue;
    std::vector<std::size_t> parts;
    for (const std::size_t part : group.parts)
      if (value_of_table_column[part] >= 0) parts.push_back(static_cast<std::size_t>(value_of_table_column[part]));
    if (parts.size() == group.parts.size()) result_.columns[static_cast<std::size_t>(total)].parts = std::move(parts);
  }
  const HeaderTree tree(table);
  for (ValueColumn& column : result_.columns) {
    if (column.role != ColumnRole::rate) continue;
    const RateBasis basis = rate_basis(tree, table, column.table_column);
    if (!basis.unclear_reason.empty() || !basis.numerator || !basis.denominator) continue;
    const int numerator = value_of_table_column[*basis.numerator];
    const int plan = value_of_table_column[*basis.denominator];
    if (numerator < 0 || plan < 0) continue;
    column.numerator = static_cast<std::size_t>(numerator);
    column.plan = static_cast<std::size_t>(plan);
  }
  max_value_decimals_.assign(result_.columns.size(), 0);
  shown_decimals_.assign(result_.columns.size(), std::nullopt);

  if (table.kind == TableKind::criteria) return;
  // The TỔNG CỘNG row exists when the template has one: its look is in the layout.
  if (layout.row_styles.count(RowKind::grand_total) != 0) {
    total_node_ = 0;
    Node total;
    total.origin = MergedOrigin::total;
    total.key = "total";
    total.kind = RowKind::grand_total;
    nodes_.push_back(std::move(total));
  }
}

int Consolidator::keyed_node(const std::string& key, const InputRow& row) {
  auto found = node_of_key_.find(key);
  if (found == node_of_key_.end()) {
    Node node;
    node.origin = MergedOrigin::keyed;
    node.key = key;
    node.kind = row.kind;
    nodes_.push_back(std::move(node));
    found = node_of_key_.emplace(key, static_cast<int>(nodes_.size() - 1)).first;
  }
  Node& node = nodes_[static_cast<std::size_t>(found->second)];
  node.stt.add(row.stt);
  node.label.add(row.label);
  return found->second;
}

int Consolidator::carried_node(const InputSummary& summary, const InputRow& row, int parent, std::string reason) {
  Node node;
  node.origin = MergedOrigin::carried;
  node.parent = parent;
  node.input = summary.index;
  node.source_row = row.sheet_row;
  node.fixed_label = !row.label.empty() ? row.label : row.stt;  // the commune goes before it in finish()
  nodes_.push_back(std::move(node));
  const int id = static_cast<int>(nodes_.size() - 1);

  UnmatchedRow unmatched;
  unmatched.input = summary.index;
  unmatched.sheet_row = row.sheet_row;
  unmatched.stt = row.stt;
  unmatched.label = row.label;
  unmatched.reason = std::move(reason);
  unmatched.output_row = id;  // a node for now; finish() turns it into a row index
  result_.unmatched.push_back(std::move(unmatched));
  return id;
}

std::size_t Consolidator::add(const InputSummary& summary, InputTable table,
                       const std::vector<std::optional<int>>& decimals) {
  StoredInput stored;
  stored.index = summary.index;
  stored.commune = summary.commune;
  stored.file = std::filesystem::path(summary.path).filename().string();
  const std::size_t width = std::min(table.width, amount_width_);
  const int shift = summary.unit_shift.value_or(0);
  stored.amounts.assign(table.rows.size() * amount_width_, InputTable::kEmpty);
  for (std::size_t r = 0; r < table.rows.size(); ++r)
    for (std::size_t a = 0; a < width; ++a) {
      const double value = table.amount(r, a);
      stored.amounts[r * amount_width_ + a] = InputTable::is_empty(value) ? value : convert_amount(value, shift);
    }
  for (std::size_t v = 0; v < result_.columns.size() && v < decimals.size(); ++v)
    if (decimals[v] && (!shown_decimals_[v] || *decimals[v] > *shown_decimals_[v])) shown_decimals_[v] = decimals[v];
  for (std::size_t v = 0; v < result_.columns.size(); ++v) {
    const auto& amount_index = result_.columns[v].amount_index;
    if (!amount_index) continue;
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
      const double value = stored.amounts[r * amount_width_ + *amount_index];
      if (!InputTable::is_empty(value))
        max_value_decimals_[v] = std::max(max_value_decimals_[v], decimals_of(value, kMaxSumDecimals));
    }
  }

  const std::size_t unmatched_before = result_.unmatched.size();
  std::set<std::string> seen_keys;
  bool total_seen = false;
  stored.row_node.assign(table.rows.size(), -1);
  stored.row_parent.resize(table.rows.size());
  for (std::size_t r = 0; r < table.rows.size(); ++r) {
    const InputRow& row = table.rows[r];
    stored.row_parent[r] = row.parent;
    // The nearest row above it that has a place in the output, and the nearest one with a key.
    int anchor = row.parent;
    while (anchor >= 0 && stored.row_node[static_cast<std::size_t>(anchor)] < 0)
      anchor = table.rows[static_cast<std::size_t>(anchor)].parent;
    const int parent_node = anchor >= 0 ? stored.row_node[static_cast<std::size_t>(anchor)] : -1;
    const bool under_carried = parent_node >= 0 && nodes_[static_cast<std::size_t>(parent_node)].origin == MergedOrigin::carried;
    int keyed_above = row.parent;
    while (keyed_above >= 0 && table.rows[static_cast<std::size_t>(keyed_above)].key.empty())
      keyed_above = table.rows[static_cast<std::size_t>(keyed_above)].parent;
    const std::string parent_key = keyed_above >= 0 ? table.rows[static_cast<std::size_t>(keyed_above)].key : "";

    const bool has_amounts = std::any_of(stored.amounts.begin() + static_cast<std::ptrdiff_t>(r * amount_width_),
                                         stored.amounts.begin() + static_cast<std::ptrdiff_t>((r + 1) * amount_width_),
                                         [](double value) { return !InputTable::is_empty(value); });
    if (row.grand_total && !total_seen && !under_carried) {
      total_seen = true;
      if (total_node_ >= 0) {
        nodes_[static_cast<std::size_t>(total_node_)].stt.add(row.stt);
        nodes_[static_cast<std::size_t>(total_node_)].label.add(row.label);
        stored.row_node[r] = total_node_;
      }
      continue;
    }
    if (!row.key.empty() && !under_carried) {
      if (!seen_keys.insert(row.key).second) {
        stored.row_node[r] = carried_node(summary, row, parent_node, "duplicate-key");
      } else if (!parent_key.empty() && !Catalogue::is_below(row.key, parent_key)) {
        stored.row_node[r] = carried_node(summary, row, parent_node, "different-parent");
      } else {
        stored.row_node[r] = keyed_node(row.key, row);
      }
      continue;
    }
    if (row.label.empty() && row.stt.empty() && !has_amounts) continue;  // an empty row: nothing to keep
    std::string reason = under_carried ? "under-unmatched" : match_status_id(row.match);
    if (row.grand_total) reason = "duplicate-key";
    stored.row_node[r] = carried_node(summary, row, parent_node, std::move(reason));
  }
  inputs_.push_back(std::move(stored));
  result_.inputs = inputs_.size();
  return result_.unmatched.size() - unmatched_before;
}

// Each keyed node goes under its nearest catalogue ancestor present in the output, else under the
// total; carried nodes under the node of the row they sat under. Children: remainder, carried (in
// input order), then keyed rows in catalogue order.
void Consolidator::place_nodes() {
  const auto order_of = [&](const Node& node) {
    const auto found = catalogue_order_.find(node.key);
    return found != catalogue_order_.end() ? found->second : catalogue_order_.size();
  };
  for (std::size_t id = 0; id < nodes_.size(); ++id) {
    Node& node = nodes_[id];
    if (node.origin == MergedOrigin::total) continue;
    if (node.origin == MergedOrigin::keyed) {
      int parent = -1;
      std::string key = node.key;
      while (parent < 0) {
        const CatalogueEntry* entry = catalogue_.find(key);
        std::string up = entry ? entry->parent : std::string();
        if (!entry) {
          const auto dot = key.rfind('.');
          up = dot == std::string::npos ? std::string() : key.substr(0, dot);
        }
        if (up.empty()) break;
        if (const auto found = node_of_key_.find(up); found != node_of_key_.end()) parent = found->second;
        key = up;
      }
      node.parent = parent;
    }
    if (node.parent < 0) node.parent = total_node_;
  }
  for (Node& node : nodes_) node.children.clear();
  std::vector<int> roots;
  for (std::size_t id = 0; id < nodes_.size(); ++id) {
    const int parent = nodes_[id].parent;
    if (nodes_[id].origin == MergedOrigin::total) continue;
    (parent >= 0 ? nodes_[static_cast<std::size_t>(parent)].children : roots).push_back(static_cast<int>(id));
  }
  const auto rank = [&](int id) {
    const Node& node = nodes_[static_cast<std::size_t>(id)];
    const int group = node.origin == MergedOrigin::remainder ? 0 : node.origin == MergedOrigin::carried ? 1 : 2;
    const std::size_t within = node.origin == MergedOrigin::keyed ? order_of(node) : static_cast<std::size_t>(id);
    return std::make_pair(group, within);
  };
  const auto by_rank = [&](int a, int b) { return rank(a) < rank(b); };
  for (Node& node : nodes_) std::stable_sort(node.children.begin(), node.children.end(), by_rank);
  std::stable_sort(roots.begin(), roots.end(), by_rank);
  if (total_node_ >= 0) roots.insert(roots.begin(), total_node_);

  // Pre-order: the rows of the output.
  row_of_node_.assign(nodes_.size(), -1);
  node_of_row_.clear();
  result_.rows.clear();
  std::vector<std::pair<int, int>> stack;  // (node, parent row)
  for (auto it = roots.rbegin(); it != roots.rend(); ++it) stack.emplace_back(*it, -1);
  while (!stack.empty()) {
    const auto [id, parent_row] = stack.back();
    stack.pop_back();
    Node& node = nodes_[static_cast<std::size_t>(id)];
    MergedRow row;
    row.origin = node.origin;
    row.key = node.key;
    row.parent = parent_row;
    row.depth = parent_row >= 0 ? result_.rows[static_cast<std::size_t>(parent_row)].depth + 1 : 0;
    row.input = node.input;
    row.source_row = node.source_row;
    if (node.origin == MergedOrigin::keyed || node.origin == MergedOrigin::total) {
      row.stt = node.stt.winner();
      row.label = node.label.winner();
      row.kind = node.kind;
      // "TỔNG CỘNG" written once: the finder repeats a total's STT as its label.
      if (node.origin == MergedOrigin::total && row.label == row.stt) row.label.clear();
    } else {
      // Unnumbered under a program, project or sub-project (a content); a bullet under a content.
      const MergedRow* above = parent_row >= 0 ? &result_.rows[static_cast<std::size_t>(parent_row)] : nullptr;
      const bool bullet = above && !is_upper_level(above->kind);
      row.stt.clear();
      if (bullet) row.stt.push_back(above->stt == "-" ? '+' : '-');
      row.kind = bullet ? RowKind::item : RowKind::content;
      row.label = node.fixed_label;
    }
    const int row_index = static_cast<int>(result_.rows.size());
    row_of_node_[static_cast<std::size_t>(id)] = row_index;
    node_of_row_.push_back(id);
    if (parent_row >= 0) result_.rows[static_cast<std::size_t>(parent_row)].children.push_back(row_index);
    result_.rows.push_back(std::move(row));
    for (auto child = node.children.rbegin(); child != node.children.rend(); ++child) stack.emplace_back(*child, row_index);
  }
}

// A commune's parent row whose children it left empty in a column (or that it gave without the
// children the output has) holds money no child row carries: it goes to one "remainder" row under
// the parent, so the parent still equals the sum of its children.
void Consolidator::add_remainders() {
  residuals_.assign(nodes_.size(), {});
  const std::size_t node_count = nodes_.size();
  for (std::size_t s = 0; s < inputs_.size(); ++s) {
    const StoredInput& stored = inputs_[s];
    const std::size_t rows = stored.row_node.size();
    std::vector<std::vector<std::size_t>> kids(rows);
    for (std::size_t r = 0; r < rows; ++r)
      if (stored.row_parent[r] >= 0 && static_cast<std::size_t>(stored.row_parent[r]) < rows)
        kids[static_cast<std::size_t>(stored.row_parent[r])].push_back(r);
    for (std::size_t r = 0; r < rows; ++r) {
      const int node = stored.row_node[r];
      if (node < 0 || static_cast<std::size_t>(node) >= node_count) continue;
      const Node& target = nodes_[static_cast<std::size_t>(node)];
      if (target.children.empty()) continue;
      std::vector<double> residual(amount_width_, InputTable::kEmpty);
      bool any = false;
      for (std::size_t a = 0; a < amount_width_; ++a) {
        const double value = stored.amounts[r * amount_width_ + a];
        if (InputTable::is_empty(value) || value == 0.0) continue;  // a zero adds nothing to carry
        const bool detailed = std::any_of(kids[r].begin(), kids[r].end(), [&](std::size_t kid) {
          return !InputTable::is_empty(stored.amounts[kid * amount_width_ + a]);
        });
        if (detailed) continue;
        residual[a] = value;
        any = true;
      }
      if (any) residuals_[static_cast<std::size_t>(node)].emplace_back(s, std::move(residual));
    }
  }
  for (std::size_t id = 0; id < node_count; ++id) {
    if (residuals_[id].empty()) continue;
    Node remainder;
    remainder.origin = MergedOrigin::remainder;
    remainder.parent = static_cast<int>(id);
    remainder.fixed_label = "Phần các xã báo cáo gộp, không chia chi tiết";
    nodes_.push_back(std::move(remainder));
    nodes_[id].children.push_back(static_cast<int>(nodes_.size() - 1));
    residuals_.emplace_back();
    residuals_.back() = std::move(residuals_[id]);
    residuals_[id].clear();
  }
}

void Consolidator::compute_values() {
  std::vector<int> sum_decimals(result_.columns.size(), 3);
  for (std::size_t v = 0; v < result_.columns.size(); ++v) {
    ValueColumn& column = result_.columns[v];
    if (column.role == ColumnRole::amount) {
      sum_decimals[v] = std::max(3, max_value_decimals_[v]);
      const int shown = shown_decimals_[v].value_or(3);
      column.decimals = std::clamp(std::max(shown, max_value_decimals_[v]), 0, kMaxShownDecimals);
    } else {
      column.decimals = std::clamp(shown_decimals_[v].value_or(2), 0, kMaxShownDecimals);
    }
  }
  sources_.assign(nodes_.size(), {});
  for (std::size_t s = 0; s < inputs_.size(); ++s)
    for (std::size_t r = 0; r < inputs_[s].row_node.size(); ++r)
      if (const int node = inputs_[s].row_node[r]; node >= 0) sources_[static_cast<std::size_t>(node)].emplace_back(s, r);

  auto add_into = [&](std::vector<std::optional<double>>& values, std::span<const double> amounts) {
    for (std::size_t v = 0; v < result_.columns.size(); ++v) {
      const auto& amount_index = result_.columns[v].amount_index;
      if (!amount_index || InputTable::is_empty(amounts[*amount_index])) continue;
      values[v] = values[v].value_or(0.0) + amounts[*amount_index];
    }
  };
  // Children come after their parent: fill from the bottom up.
  for (std::size_t i = result_.rows.size(); i-- > 0;) {
    MergedRow& row = result_.rows[i];
    row.values.assign(result_.columns.size(), std::nullopt);
    if (!row.children.empty()) {
      for (const int child : row.children)
        for (std::size_t v = 0; v < result_.columns.size(); ++v) {
          const auto& value = result_.rows[static_cast<std::size_t>(child)].values[v];
          if (result_.columns[v].role == ColumnRole::amount && value) row.values[v] = row.values[v].value_or(0.0) + *value;
        }
    } else {
      for (const Contribution& contribution : contributions(static_cast<int>(i))) add_into(row.values, contribution.amounts);
      const int node = node_of_row_[i];
      if (row.origin == MergedOrigin::carried && node >= 0)
        for (const auto& [s, r] : sources_[static_cast<std::size_t>(node)])
          add_into(row.values, std::span<const double>(inputs_[s].amounts).subspan(r * amount_width_, amount_width_));
    }
    for (std::size_t v = 0; v < result_.columns.size(); ++v)
      if (row.values[v]) row.values[v] = round_to(*row.values[v], sum_decimals[v]);
    // Tổng số = Σ its parts wherever a part is given (innermost groups first: parts before totals).
    for (std::size_t pass = 0; pass < result_.columns.size(); ++pass) {
      bool changed = false;
      for (std::size_t v = 0; v < result_.columns.size(); ++v) {
        const ValueColumn& column = result_.columns[v];
        if (column.parts.empty()) continue;
        std::optional<double> total;
        for (const std::size_t part : column.parts)
          if (row.values[part]) total = total.value_or(0.0) + *row.values[part];
        if (!total) continue;
        const double rounded = round_to(*total, sum_decimals[v]);
        if (!row.values[v] || *row.values[v] != rounded) changed = true;
        row.values[v] = rounded;
      }
      if (!changed) break;
    }
    // Rates from the summed amounts; none where the plan is empty or 0.
    for (std::size_t v = 0; v < result_.columns.size(); ++v) {
      const ValueColumn& column = result_.columns[v];
      if (column.role != ColumnRole::rate || !column.plan || !column.numerator) continue;
      const auto& plan = row.values[*column.plan];
      if (!plan || *plan == 0.0) continue;
      row.values[v] = row.values[*column.numerator].value_or(0.0) / *plan * 100.0;
    }
  }
}

// "(Xã Mường Kim) label"; communes of the same name are told apart by their file.
void Consolidator::label_carried_rows() {
  std::map<std::string, int> uses;
  std::map<std::size_t, const StoredInput*> by_index;
  for (const StoredInput& stored : inputs_) {
    ++uses[stored.commune];
    by_index[stored.index] = &stored;
  }
  for (Node& node : nodes_) {
    if (node.origin != MergedOrigin::carried || !node.input) continue;
    const StoredInput& stored = *by_index.at(*node.input);
    const std::string who = uses[stored.commune] > 1 ? stored.commune + ", " + stored.file : stored.commune;
    node.fixed_label = "(" + who + ") " + node.fixed_label;
  }
}

const ConsolidatedTable& Consolidator::finish() {
  if (finished_) return result_;
  finished_ = true;
  label_carried_rows();
  place_nodes();
  add_remainders();
  if (nodes_.size() != row_of_node_.size()) place_nodes();  // remainder rows were added
  compute_values();
  for (UnmatchedRow& unmatched : result_.unmatched) {
    const int node = unmatched.output_row;
    unmatched.output_row = node >= 0 ? row_of_node_[static_cast<std::size_t>(node)] : -1;
    const int parent = unmatched.output_row >= 0 ? result_.rows[static_cast<std::size_t>(unmatched.output_row)].parent : -1;
    // The key of the nearest keyed row above it.
    for (int up = parent; up >= 0; up = result_.rows[static_cast<std::size_t>(up)].parent)
      if (result_.rows[static_cast<std::size_t>(up)].origin == MergedOrigin::keyed) {
        unmatched.parent_key = result_.rows[static_cast<std::size_t>(up)].key;
        break;
      }
  }
  return result_;
}

std::vector<Contribution> Consolidator::contributions(int row) const {
  std::vector<Contribution> out;
  if (row < 0 || static_cast<std::size_t>(row) >= result_.rows.size()) return out;
  const MergedRow& merged = result_.rows[static_cast<std::size_t>(row)];
  if (!merged.children.empty() || merged.origin == MergedOrigin::carried) return out;
  const int node = node_of_row_[static_cast<std::size_t>(row)];
  const auto has_amount = [](std::span<const double> amounts) {
    return std::any_of(amounts.begin(), amounts.end(), [](double value) { return !InputTable::is_empty(value); });
  };
  if (merged.origin == MergedOrigin::remainder) {
    for (const auto& [s, amounts] : residuals_[static_cast<std::size_t>(node)])
      if (has_amount(amounts)) out.push_back({inputs_[s].index, amounts});
    return out;
  }
  for (const auto& [s, r] : sources_[static_cast<std::size_t>(node)]) {
    const auto amounts = std::span<const double>(inputs_[s].amounts).subspan(r * amount_width_, amount_width_);
    if (has_amount(amounts)) out.push_back({inputs_[s].index, amounts});
  }
  return out;
}

}  // namespace phuluc
