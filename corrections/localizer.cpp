#include "corrections/localizer.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <set>

#include "rules/tolerance.hpp"

namespace phuluc {
namespace {

// A group of violated edits with more cells than this gets no two-cell search (bounded search).
constexpr std::size_t kMaxPairCells = 160;
// Digits a corrected amount is written with at most; beyond them is floating-point noise.
constexpr int kValueDecimals = 6;

double clean(double value) {
  const double scale = std::pow(10.0, kValueDecimals);
  const double rounded = std::round(value * scale) / scale;
  return rounded == 0.0 ? 0.0 : rounded;  // no "-0"
}

// Half-up rounding at `decimals`, on the decimal value people see (57.725 → 57.73).
double round_half_up(double value, int decimals) {
  const double scale = std::pow(10.0, decimals);
  const double scaled = value * scale;
  const double nudged = scaled + (scaled >= 0 ? 1e-9 : -1e-9) * std::max(1.0, std::fabs(scaled));
  return clean(std::round(nudged) / scale);
}

// How a solution ranks among solutions with as many cells: fewer rates left wrong, then cells
// whose old value a slip explains, then typed cells over formulas, then numbers over blanks.
struct Score {
  long broken_rates = 0;  // rate edits broken minus rate edits mended by the change
  int not_slips = 0;
  int formulas = 0;
  int blanks = 0;
  friend auto operator<=>(const Score&, const Score&) = default;
};

struct Change {
  TableCell cell;
  double value = 0.0;
  Slip slip = Slip::none;
};

struct Solution {
  std::vector<Change> changes;
  bool determined = true;  // false: the edits do not pin the values (any would do)
  Score score;
};

std::vector<TableCell> cells_of(const BalanceEdit& edit) {
  std::vector<TableCell> cells{edit.target};
  cells.insert(cells.end(), edit.parts.begin(), edit.parts.end());
  return cells;
}

bool contains(const BalanceEdit& edit, const TableCell& cell) {
  return edit.target == cell || std::find(edit.parts.begin(), edit.parts.end(), cell) != edit.parts.end();
}

// +1 when the cell is the edit's target, -1 when a part, 0 when absent: target - Σ parts = 0.
int coefficient(const BalanceEdit& edit, const TableCell& cell) {
  if (edit.target == cell) return 1;
  return std::find(edit.parts.begin(), edit.parts.end(), cell) != edit.parts.end() ? -1 : 0;
}

class UnionFind {
 public:
  explicit UnionFind(std::size_t size) : parent_(size) { std::iota(parent_.begin(), parent_.end(), 0); }
  std::size_t find(std::size_t i) { return parent_[i] == i ? i : parent_[i] = find(parent_[i]); }
  void unite(std::size_t a, std::size_t b) { parent_[find(a)] = find(b); }

 private:
  std::vector<std::size_t> parent_;
};

class Localizer {
 public:
  explicit Localizer(const Table& table) : table_(table), edits_(build_edit_system(table)), values_(table_, edits_) {}

  Localization run() {
    result_.blocked = edits_.blocked;
    std::vector<std::vector<std::size_t>> leftover;
    // Groups whose only one-cell solutions fill empty cells: decided once their links are known.
    std::map<std::vector<std::size_t>, std::vector<Solution>> fill_only;
    for (const auto& group : group_edits(violated_edits(), false)) {
      if (try_provable(group)) continue;
      std::vector<Solution> singles = single_solutions(group);
      const bool fills_only = std::all_of(singles.begin(), singles.end(), [&](const Solution& solution) {
        return values_.at(solution.changes.front().cell).blank;
      });
      if (!singles.empty() && !fills_only) {
        choose_single(std::move(singles), group);
        continue;
      }
      if (!singles.empty()) fill_only.emplace(group, std::move(singles));
      leftover.push_back(group);
    }
    std::vector<std::size_t> still;
    for (const auto& group : leftover) still.insert(still.end(), group.begin(), group.end());
    std::sort(still.begin(), still.end());
    for (const auto& joined : group_edits(still, true)) {
      // Alone (no edit links it to another violated group), filling an empty cell is the smallest
      // change: a figure that was never typed. Linked to others, the groups may share one cause
      // (two cells typed wrong together), which the pair search weighs instead.
      if (const auto it = fill_only.find(joined); it != fill_only.end())
        choose_single(std::move(it->second), joined);
      else
        try_pairs(joined);
    }
    set_display_decimals();
    fix_rates();
    return std::move(result_);
  }

 private:
  // ---- grouping

  std::vector<std::size_t> violated_edits() const {
    std::vector<std::size_t> out;
    for (std::size_t e = 0; e < edits_.balances.size(); ++e)
      if (!values_.holds(edits_.balances[e])) out.push_back(e);
    return out;
  }

  // Violated edits that share a cell are one group. With `through_held`, two groups are also joined
  // when an edit that holds touches both: a two-cell solution may take one cell from each.
  std::vector<std::vector<std::size_t>> group_edits(const std::vector<std::size_t>& violated, bool through_held) const {
    UnionFind sets(violated.size());
    std::map<TableCell, std::size_t> owner;  // cell → first violated edit (index into `violated`) holding it
    for (std::size_t i = 0; i < violated.size(); ++i) {
      for (const TableCell& cell : cells_of(edits_.balances[violated[i]])) {
        const auto [it, fresh] = owner.emplace(cell, i);
        if (!fresh) sets.unite(i, it->second);
      }
    }
    if (through_held) {
      for (const BalanceEdit& edit : edits_.balances) {
        std::optional<std::size_t> first;
        for (const TableCell& cell : cells_of(edit)) {
          const auto it = owner.find(cell);
          if (it == owner.end()) continue;
          if (first)
            sets.unite(*first, it->second);
          else
            first = it->second;
        }
      }
    }
    std::map<std::size_t, std::vector<std::size_t>> by_root;
    for (std::size_t i = 0; i < violated.size(); ++i) by_root[sets.find(i)].push_back(violated[i]);
    std::vector<std::vector<std::size_t>> groups;
    for (auto& [root, members] : by_root) groups.push_back(std::move(members));
    std::sort(groups.begin(), groups.end());  // table order: by first edit
    return groups;
  }

  std::vector<TableCell> group_cells(const std::vector<std::size_t>& group) const {
    std::set<TableCell> cells;
    for (const std::size_t e : group)
      for (const TableCell& cell : cells_of(edits_.balances[e])) cells.insert(cell);
    return {cells.begin(), cells.end()};
  }

  // ---- trying changes

  bool all_hold(const std::vector<std::size_t>& edit_indices) const {
    return std::all_of(edit_indices.begin(), edit_indices.end(),
                       [&](std::size_t e) { return values_.holds(edits_.balances[e]); });
  }

  bool edits_of_cell_hold(const TableCell& cell) const {
    const auto it = edits_.balances_of.find(cell);
    return it == edits_.balances_of.end() || all_hold(it->second);
  }

  // Applies the changes, returning what to restore.
  std::vector<std::pair<TableCell, CellNumber>> apply(const std::vector<Change>& changes) {
    std::vector<std::pair<TableCell, CellNumber>> saved;
    for (const Change& change : changes) {
      saved.emplace_back(change.cell, values_.at(change.cell));
      values_.set(change.cell, change.value);
    }
    return saved;
  }

  void undo(const std::vector<std::pair<TableCell, CellNumber>>& saved) {
    for (auto it = saved.rbegin(); it != saved.rend(); ++it) values_.restore(it->first, it->second);
  }

  // Whether, with the changes applied, every edit of the group and every edit of a changed cell holds.
  bool resolves(const std::vector<Change>& changes, const std::vector<std::size_t>& group) {
    const auto saved = apply(changes);
    bool ok = all_hold(group);
    for (const Change& change : changes) ok = ok && edits_of_cell_hold(change.cell);
    undo(saved);
    return ok;
  }

  Slip slip_of(const TableCell& cell, double value) const {
    const CellNumber& number = values_.at(cell);
    if (number.blank) return Slip::none;
    const Slip slip = classify_slip(number.value, number.decimals, value);
    // A formula's result is computed, not typed: only the rounding of its display can explain it.
    return number.formula && slip != Slip::rounding ? Slip::none : slip;
  }

  bool changes_value(const TableCell& cell, double value) const {
    const CellNumber& number = values_.at(cell);
    return differs(number.blank ? 0.0 : number.value, value, 1e-9);
  }

  // Rate edits over the changed cells that do not hold (only these can differ between solutions).
  long broken_rates_over(const std::set<std::size_t>& ratios) const {
    long broken = 0;
    for (const std::size_t r : ratios) {
      const RatioState state = values_.ratio_state(edits_.ratios[r]);
      broken += state == RatioState::mismatch || state == RatioState::without_base ? 1 : 0;
    }
    return broken;
  }

  Score score_of(const std::vector<Change>& changes) {
    Score score;
    std::set<std::size_t> ratios;
    for (const Change& change : changes)
      if (const auto it = edits_.ratios_of.find(change.cell); it != edits_.ratios_of.end())
        ratios.insert(it->second.begin(), it->second.end());
    const long before = broken_rates_over(ratios);
    const auto saved = apply(changes);
    score.broken_rates = broken_rates_over(ratios) - before;
    undo(saved);
    for (const Change& change : changes) {
      const CellNumber& number = values_.at(change.cell);
      score.not_slips += change.slip == Slip::none ? 1 : 0;
      score.formulas += number.formula ? 1 : 0;
      score.blanks += number.blank ? 1 : 0;
    }
    return score;
  }

  // The value a cell takes to make the violated edits of the group it lies in hold, when they agree.
  std::optional<double> implied_by_group(const TableCell& cell, const std::vector<std::size_t>& group) {
    std::optional<double> value;
    for (const std::size_t e : group) {
      const BalanceEdit& edit = edits_.balances[e];
      if (!contains(edit, cell)) continue;
      const double implied = clean(values_.implied(edit, cell));
      if (!value) value = implied;
    }
    if (!value) return std::nullopt;
    // Agreement is judged by the edits themselves, at their own precision.
    const auto saved = apply({{cell, *value, Slip::none}});
    bool agree = true;
    for (const std::size_t e : group)
      if (contains(edits_.balances[e], cell)) agree = agree && values_.holds(edits_.balances[e]);
    undo(saved);
    return agree ? value : std::nullopt;
  }

  // ---- 1. provable corrections

  bool try_provable(const std::vector<std::size_t>& group) {
    std::vector<Change> provable;
    for (const TableCell& cell : group_cells(group)) {
      if (values_.at(cell).blank) continue;
      const auto value = implied_by_group(cell, group);
      if (!value || !changes_value(cell, *value)) continue;
      const Slip slip = slip_of(cell, *value);
      if (slip == Slip::none) continue;
      const auto saved = apply({{cell, *value, slip}});
      const bool keeps_others = edits_of_cell_hold(cell);
      undo(saved);
      if (keeps_others) provable.push_back({cell, *value, slip});
    }
    if (provable.empty() || !resolves(provable, group)) return false;
    record(provable, FixBasis::provable, group, {});
    return true;
  }

  // ---- 2. one cell (Fellegi–Holt, minimal cardinality 1)

  // Every single cell that lies in all violated edits of the group and makes them hold without
  // breaking an edit that holds.
  std::vector<Solution> single_solutions(const std::vector<std::size_t>& group) {
    std::vector<Solution> found;
    for (const TableCell& cell : group_cells(group)) {
      const bool in_every_edit =
          std::all_of(group.begin(), group.end(), [&](std::size_t e) { return contains(edits_.balances[e], cell); });
      if (!in_every_edit) continue;
      const auto value = implied_by_group(cell, group);
      if (!value || !changes_value(cell, *value)) continue;
      Solution solution{{{cell, *value, slip_of(cell, *value)}}, true, {}};
      if (!resolves(solution.changes, group)) continue;
      solution.score = score_of(solution.changes);
      found.push_back(std::move(solution));
    }
    return found;
  }

  void choose_single(std::vector<Solution> found, const std::vector<std::size_t>& group) {
    const FixBasis basis = found.size() == 1 ? FixBasis::only_cell : FixBasis::best_cell;
    choose(std::move(found), group, basis, false);
  }

  // ---- 3. two cells

  // Solves the edits touching a or b for their two values; nullopt when inconsistent.
  std::optional<Solution> solve_pair(const TableCell& a, const TableCell& b, const std::vector<std::size_t>& group) {
    std::set<std::size_t> relevant;
    for (const TableCell& cell : {a, b})
      if (const auto it = edits_.balances_of.find(cell); it != edits_.balances_of.end())
        relevant.insert(it->second.begin(), it->second.end());
    struct Equation {
      int ca, cb;
      double rhs;
    };  // ca·a + cb·b = rhs
    std::vector<Equation> equations;
    for (const std::size_t e : relevant) {
      const BalanceEdit& edit = edits_.balances[e];
      const int ca = coefficient(edit, a);
      const int cb = coefficient(edit, b);
      // An edit that is not judged now binds only if one of the two becomes a non-blank part of it.
      const bool binds = values_.active(edit) || ca < 0 || cb < 0;
      if (!binds) continue;
      double rest = 0.0;  // target - Σ parts over the other cells
      if (edit.target != a && edit.target != b) rest += values_.at(edit.target).value;
      for (const TableCell& part : edit.parts)
        if (part != a && part != b) rest -= values_.at(part).value;
      equations.push_back({ca, cb, -rest});
    }
    std::optional<double> va, vb;
    for (int pass = 0; pass < 2; ++pass) {
      for (const Equation& eq : equations) {
        if (eq.cb == 0 && eq.ca != 0 && !va) va = eq.rhs / eq.ca;
        if (eq.ca == 0 && eq.cb != 0 && !vb) vb = eq.rhs / eq.cb;
        if (eq.ca != 0 && eq.cb != 0) {
          if (va && !vb)
            vb = (eq.rhs - eq.ca * *va) / eq.cb;
          else if (vb && !va)
            va = (eq.rhs - eq.cb * *vb) / eq.ca;
        }
      }
    }
    if (!va || !vb) {
      // Two independent joint equations pin both; otherwise any values would do.
      for (std::size_t i = 0; i < equations.size() && !(va && vb); ++i)
        for (std::size_t j = i + 1; j < equations.size() && !(va && vb); ++j) {
          const Equation& p = equations[i];
          const Equation& q = equations[j];
          const int det = p.ca * q.cb - q.ca * p.cb;
          if (det == 0) continue;
          va = (p.rhs * q.cb - q.rhs * p.cb) / det;
          vb = (p.ca * q.rhs - q.ca * p.rhs) / det;
        }
    }
    if (!va || !vb) return Solution{{{a, 0.0, Slip::none}, {b, 0.0, Slip::none}}, false, {}};
    const double value_a = clean(*va);
    const double value_b = clean(*vb);
    if (!changes_value(a, value_a) || !changes_value(b, value_b)) return std::nullopt;
    Solution solution{{{a, value_a, slip_of(a, value_a)}, {b, value_b, slip_of(b, value_b)}}, true, {}};
    if (!resolves(solution.changes, group)) return std::nullopt;
    solution.score = score_of(solution.changes);
    return solution;
  }

  void try_pairs(const std::vector<std::size_t>& group) {
    const std::vector<TableCell> cells = group_cells(group);
    if (cells.size() > kMaxPairCells) {
      unresolved("fix-not-found", group, {});
      return;
    }
    std::vector<Solution> found;
    for (std::size_t i = 0; i < cells.size(); ++i) {
      for (std::size_t j = i + 1; j < cells.size(); ++j) {
        const bool covers = std::all_of(group.begin(), group.end(), [&](std::size_t e) {
          return contains(edits_.balances[e], cells[i]) || contains(edits_.balances[e], cells[j]);
        });
        if (!covers) continue;
        if (auto solution = solve_pair(cells[i], cells[j], group)) found.push_back(std::move(*solution));
      }
    }
    if (found.empty()) {
      unresolved("fix-not-found", group, {});
      return;
    }
    choose(std::move(found), group, FixBasis::fewest_cells, true);
  }

  // ---- choosing among solutions of one size

  void choose(std::vector<Solution> found, const std::vector<std::size_t>& group, FixBasis basis, bool pairs) {
    // A solution whose values the edits leave free ranks as well as it could: it can only tie.
    for (Solution& solution : found)
      if (!solution.determined) {
        solution.score = {};
        for (const Change& change : solution.changes) {
          solution.score.formulas += values_.at(change.cell).formula ? 1 : 0;
          solution.score.blanks += values_.at(change.cell).blank ? 1 : 0;
        }
      }
    std::stable_sort(found.begin(), found.end(),
                     [](const Solution& a, const Solution& b) { return a.score < b.score; });
    const Solution& best = found.front();
    std::size_t tied = 1;
    while (tied < found.size() && found[tied].score == best.score) ++tied;
    bool accept = best.determined && tied == 1;
    if (accept && pairs && found.size() > 1) {
      // Two cells changed when other pairs would do as well by count, and no slip explains either
      // old value: the ranking alone is too weak a reason to rewrite two figures.
      accept = best.score.not_slips < 2;
    }
    if (!accept) {
      constexpr std::size_t kMaxCandidates = 6;
      const std::size_t listed = std::min(tied > 1 ? tied : found.size(), kMaxCandidates);
      std::vector<std::vector<TableCell>> candidates;
      for (std::size_t i = 0; i < listed; ++i) candidates.push_back(solution_cells(found[i]));
      unresolved("ambiguous-fix", group, std::move(candidates));
      return;
    }
    std::vector<std::vector<TableCell>> passed_over;
    for (std::size_t i = 1; i < found.size() && passed_over.size() < 4; ++i)
      passed_over.push_back(solution_cells(found[i]));
    const Preference preference = found.size() > 1 ? preference_between(best.score, found[1].score) : Preference::only;
    record(best.changes, basis, group, std::move(passed_over), preference);
  }

  static Preference preference_between(const Score& chosen, const Score& next) {
    if (chosen.broken_rates != next.broken_rates) return Preference::rates;
    if (chosen.not_slips != next.not_slips) return Preference::slip;
    if (chosen.formulas != next.formulas) return Preference::formula;
    return Preference::blank;
  }

  static std::vector<TableCell> solution_cells(const Solution& solution) {
    std::vector<TableCell> cells;
    for (const Change& change : solution.changes) cells.push_back(change.cell);
    return cells;
  }

  // ---- results

  void record(const std::vector<Change>& changes, FixBasis basis, const std::vector<std::size_t>& group,
              std::vector<std::vector<TableCell>> passed_over, Preference preference = Preference::only) {
    for (const Change& change : changes) {
      Correction fix;
      fix.cell = change.cell;
      fix.before = values_.at(change.cell);
      fix.value = change.value;
      fix.basis = basis;
      fix.slip = change.slip;
      fix.passed_over = passed_over;
      fix.preference = preference;
      for (const Change& other : changes)
        if (other.cell != change.cell) fix.together.push_back(other.cell);
      const BalanceEdit* named = nullptr;
      for (const std::size_t e : group) {
        const BalanceEdit& edit = edits_.balances[e];
        if (!contains(edit, change.cell)) continue;
        fix.resolves.push_back(edit.target);
        if (!named || edit.target == change.cell) named = &edit;
      }
      if (!named) named = &edits_.balances[group.front()];
      fix.code = balance_code(named->kind);
      result_.corrections.push_back(std::move(fix));
    }
    apply(changes);
  }

  void unresolved(const char* code, const std::vector<std::size_t>& group,
                  std::vector<std::vector<TableCell>> candidates) {
    for (const TableCell& cell : group_cells(group)) unsettled_.insert(cell);
    UnresolvedEdits entry;
    entry.code = code;
    entry.edit_code = balance_code(edits_.balances[group.front()].kind);
    std::set<TableCell> judged;
    for (const std::size_t e : group) judged.insert(edits_.balances[e].target);
    entry.judged.assign(judged.begin(), judged.end());
    entry.candidates = std::move(candidates);
    result_.unresolved.push_back(std::move(entry));
  }

  // A corrected amount that needs more decimals than its cell shows is shown with them, when every
  // edit it is the target of still holds at that finer precision.
  void set_display_decimals() {
    for (Correction& fix : result_.corrections) {
      if (!fix.value) continue;
      const int needed = decimals_of(*fix.value, kAmountDecimals);
      const int shown = fix.before.decimals.value_or(kAmountDecimals);
      if (needed <= shown) continue;
      const auto old = values_.at(fix.cell).decimals;
      values_.set_decimals(fix.cell, needed);
      if (edits_of_cell_hold(fix.cell))
        fix.show_decimals = needed;
      else
        values_.set_decimals(fix.cell, old);
    }
  }

  // ---- 4. rates, once the amounts are settled

  void fix_rates() {
    for (const RatioEdit& edit : edits_.ratios) {
      // A rate over an amount left unresolved is not recomputed: its amounts are not settled.
      if (unsettled_.contains(edit.numerator) || unsettled_.contains(edit.plan)) continue;
      const RatioState state = values_.ratio_state(edit);
      if (state != RatioState::mismatch && state != RatioState::without_base) continue;
      Correction fix;
      fix.cell = edit.rate;
      fix.before = values_.at(edit.rate);
      fix.resolves = {edit.numerator, edit.plan};
      if (state == RatioState::without_base) {
        fix.code = "rate-without-base";
        fix.basis = FixBasis::rate_no_base;
      } else {
        const int decimals = fix.before.decimals.value_or(decimals_of(fix.before.value, kValueDecimals));
        fix.value = round_half_up(*values_.ratio_expected(edit), std::min(decimals, kValueDecimals));
        fix.code = "rate-mismatch";
        fix.basis = FixBasis::rate;
        fix.slip = fix.before.blank ? Slip::none : classify_slip(fix.before.value, fix.before.decimals, *fix.value);
        values_.set(edit.rate, *fix.value);
      }
      result_.corrections.push_back(std::move(fix));
    }
  }

  const Table& table_;
  const EditSystem edits_;
  EditValues values_;
  Localization result_;
  std::set<TableCell> unsettled_;  // cells of violated edits left as they are
};

}  // namespace

const char* fix_basis_id(FixBasis basis) {
  switch (basis) {
    case FixBasis::provable:
      return "provable";
    case FixBasis::only_cell:
      return "only-cell";
    case FixBasis::best_cell:
      return "best-cell";
    case FixBasis::fewest_cells:
      return "fewest-cells";
    case FixBasis::rate:
      return "rate";
    case FixBasis::rate_no_base:
      return "rate-no-base";
  }
  return "only-cell";
}

std::string fix_reason_id(const Correction& fix) {
  auto with_preference = [&](const char* prefix) {
    switch (fix.preference) {
      case Preference::only:
        return std::string(prefix) + "only";
      case Preference::rates:
        return std::string(prefix) + "rates";
      case Preference::slip:
        return std::string(prefix) + "slip";
      case Preference::formula:
        return std::string(prefix) + "formula";
      case Preference::blank:
        return std::string(prefix) + "blank";
    }
    return std::string(prefix) + "only";
  };
  switch (fix.basis) {
    case FixBasis::provable:
      return fix.slip == Slip::sign ? "fix-sign" : fix.slip == Slip::rounding ? "fix-rounding" : "fix-keystroke";
    case FixBasis::only_cell:
      return "fix-only-cell";
    case FixBasis::best_cell:
      return fix.preference == Preference::only ? "fix-only-cell" : with_preference("fix-best-cell-");
    case FixBasis::fewest_cells:
      return with_preference("fix-pair-");
    case FixBasis::rate:
      return "fix-rate";
    case FixBasis::rate_no_base:
      return "fix-rate-no-base";
  }
  return "fix-only-cell";
}

Localization localize_errors(const Table& table) { return Localizer(table).run(); }

}  // namespace phuluc
