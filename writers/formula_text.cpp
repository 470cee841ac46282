#include "writers/formula_text.hpp"

#include <algorithm>
#include <vector>

namespace phuluc {
namespace {

constexpr std::size_t kMaxArguments = 255;  // Excel's limit per function call

// Whether `next` continues a run that started at `first` and has reached `last`.
bool extends(CellRef first, CellRef last, CellRef next) {
  const bool down = first.col == last.col && next.col == last.col && next.row == last.row + 1;
  const bool across = first.row == last.row && next.row == last.row && next.col == last.col + 1;
  // A run is either vertical or horizontal: a single cell may start either.
  if (first == last) return down || across;
  return first.col == last.col ? down : across;
}

std::vector<std::string> pieces(std::span<const CellRef> cells) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < cells.size();) {
    const CellRef first = cells[i];
    CellRef last = first;
    std::size_t j = i + 1;
    while (j < cells.size() && extends(first, last, cells[j])) last = cells[j++];
    out.push_back(first == last ? to_a1(first) : to_a1(CellRange{first, last}));
    i = j;
  }
  return out;
}

std::string sum_of(const std::vector<std::string>& arguments) {
  if (arguments.size() <= kMaxArguments) {
    std::string out = "SUM(";
    for (std::size_t i = 0; i < arguments.size(); ++i) out += (i ? "," : "") + arguments[i];
    return out + ")";
  }
  std::vector<std::string> groups;
  for (std::size_t i = 0; i < arguments.size(); i += kMaxArguments) {
    const auto end = std::min(arguments.size(), i + kMaxArguments);
    groups.push_back(sum_of(std::vector<std::string>(arguments.begin() + static_cast<std::ptrdiff_t>(i),
                                                     arguments.begin() + static_cast<std::ptrdiff_t>(end))));
  }
  return sum_of(groups);
}

}  // namespace

std::string sum_formula(std::span<const CellRef> cells) {
  if (cells.empty()) return "0";
  return sum_of(pieces(cells));
}

std::string rate_formula(CellRef disbursed, CellRef plan) {
  const std::string plan_ref = to_a1(plan);
  return "IF(" + plan_ref + "=0,\"\"," + to_a1(disbursed) + "/" + plan_ref + "*100)";
}

std::optional<double> rate_value(double disbursed, double plan) {
  if (plan == 0.0) return std::nullopt;  // the formula's own test, exactly as Excel evaluates it
  return disbursed / plan * 100.0;
}

}  // namespace phuluc
