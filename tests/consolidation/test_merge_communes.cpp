// Consolidating 38 generated commune workbooks: the values against the generator's own record of
// every cell (never against our merge code), rates, rows of a commune's own, refusals, --force, --fix.
#include <catch2/catch.hpp>

#include <cmath>
#include <set>

#include "consolidation/merge_run_support.hpp"
#include "table/text_fold.hpp"

namespace {

namespace fs = std::filesystem;
using namespace phuluc;
using namespace phuluc::merge_test;

constexpr double kTolerance = 1e-6;  // triệu đồng: far below the 0.001 (1,000 đồng) amounts are typed at

struct MergedSet {
  fs::path dir;
  MergeResult result;
};

// The default merge of the 38-commune set, made once.
const MergedSet& default_merge() {
  static const MergedSet merged = [] {
    MergedSet out;
    out.dir = make_temp_dir("phuluc-merge-out");
    out.result = merge_files(path_strings(commune_set_38().files), out.dir / "tong_hop.xlsx");
    return out;
  }();
  return merged;
}

// Checks every amount of every keyed row against `expected` (value index 0..29 = columns C..AF).
void check_amounts(const ConsolidatedTable& table, const std::map<std::string, std::array<double, 30>>& expected) {
  for (const auto& [key, sums] : expected) {
    INFO("key " << key);
    const MergedRow* row = row_with_key(table, key);
    REQUIRE(row != nullptr);
    for (std::size_t v = 0; v < 30; ++v) {
      if (is_rate_index(v)) continue;
      const int column = value_column_at(table, kFirstValueCol + static_cast<std::uint32_t>(v));
      REQUIRE(column >= 0);
      INFO("column " << column_letters(kFirstValueCol + static_cast<std::uint32_t>(v)));
      const double got = row->values[static_cast<std::size_t>(column)].value_or(0.0);
      CHECK(std::abs(got - sums[v]) < kTolerance);
    }
  }
}

// Tổng số of every amount group as the sum of its NSTW and NSĐP: what a merge that recomputes the
// split (--force) or corrects it (--fix) must give where an input's Tổng số was wrong.
std::map<std::string, std::array<double, 30>> with_split_totals(std::map<std::string, std::array<double, 30>> sums) {
  for (auto& [key, values] : sums)
    for (std::size_t v = 0; v < 30; v += 3)
      if (!is_rate_index(v)) values[v] = values[v + 1] + values[v + 2];
  return sums;
}

std::vector<std::string> clean_files(const CommuneSet& set) {
  std::vector<std::string> names;
  for (const auto& [name, row] : set.manifest)
    if (row.injected_code.empty()) names.push_back(name);
  return names;
}

}  // namespace

TEST_CASE("merging 38 communes gives, for every catalogue key, the sum of the values the communes wrote",
          "[consolidation][merge]") {
  const CommuneSet& set = commune_set_38();
  const MergeResult& result = default_merge().result;
  REQUIRE(result.table != nullptr);
  CHECK(result.written);
  CHECK(result.inputs.size() == 38);
  // Labels spelled 38 ways, rows shuffled, empty rows omitted: still one row per key, 53 keys.
  std::set<std::string> keys;
  for (const TruthRow& row : set.truth)
    if (!row.extra) keys.insert(row.key);
  std::size_t keyed_rows = 0;
  for (const MergedRow& row : result.table->rows)
    if (row.origin == MergedOrigin::keyed || row.origin == MergedOrigin::total) ++keyed_rows;
  CHECK(keyed_rows == keys.size());
  check_amounts(*result.table, expected_sums(set, accepted_files(result)));
}

TEST_CASE("only the commune with an arithmetic error is refused by default, with its errors", "[consolidation][merge]") {
  const CommuneSet& set = commune_set_38();
  const MergeResult& result = default_merge().result;
  for (const InputSummary& input : result.inputs) {
    const std::string name = fs::path(input.path).filename().string();
    INFO(name);
    const bool injected = !set.manifest.at(name).injected_code.empty();
    CHECK(input.accepted() == !injected);
    if (!injected) continue;
    CHECK(input.reason == refusal::kHasErrors);
    CHECK(input.counts.errors > 0);
    REQUIRE_FALSE(input.errors.empty());
    // The injected cell is among the errors named.
    const ManifestRow& manifest = set.manifest.at(name);
    CHECK(std::find(input.errors.begin(), input.errors.end(),
                    FindingBrief{manifest.injected_code, manifest.injected_cell}) != input.errors.end());
  }
  CHECK(accepted_files(result) == clean_files(set));
}

TEST_CASE("rates are recomputed from the summed amounts, never summed or averaged", "[consolidation][merge][rate]") {
  const MergeResult& result = default_merge().result;
  const auto sums = expected_sums(commune_set_38(), accepted_files(result));
  std::size_t rates_checked = 0;
  for (const auto& [key, values] : sums) {
    const MergedRow* row = row_with_key(*result.table, key);
    REQUIRE(row != nullptr);
    for (std::size_t block : {0u, 15u})
      for (std::size_t split = 0; split < 3; ++split)
        for (const auto& [rate, numerator] : {std::pair{block + 6, block + 3}, std::pair{block + 12, block + 9}}) {
          const int column = value_column_at(*result.table, kFirstValueCol + static_cast<std::uint32_t>(rate + split));
          REQUIRE(column >= 0);
          const auto& got = row->values[static_cast<std::size_t>(column)];
          const double plan = values[block + split];
          INFO(key << " " << column_letters(kFirstValueCol + static_cast<std::uint32_t>(rate + split)));
          if (plan == 0.0) {
            CHECK_FALSE(got.has_value());
            continue;
          }
          REQUIRE(got.has_value());
          CHECK(std::abs(*got - values[numerator + split] / plan * 100.0) < 1e-9);
          ++rates_checked;
        }
  }
  CHECK(rates_checked > 100);
}

TEST_CASE("a commune's own rows are carried under their parent, labelled with the commune, and listed",
          "[consolidation][merge][unmatched]") {
  const CommuneSet& set = commune_set_38();
  const MergeResult& result = default_merge().result;
  const ConsolidatedTable& table = *result.table;
  std::size_t extras = 0;
  for (std::size_t t = 0; t < set.truth.size(); ++t) {
    const TruthRow& extra = set.truth[t];
    if (!extra.extra) continue;
    ++extras;
    INFO(extra.file << " row " << extra.sheet_row << ": " << extra.label);
    // Its parent is the nearest row above it with an STT (the generator puts it under a Dự án or Tiểu dự án).
    std::string parent_key;
    for (std::size_t up = t; up-- > 0 && set.truth[up].file == extra.file;)
      if (!set.truth[up].stt.empty()) {
        parent_key = set.truth[up].key;
        break;
      }
    const auto listed = std::find_if(table.unmatched.begin(), table.unmatched.end(), [&](const UnmatchedRow& row) {
      return fs::path(result.inputs[row.input].path).filename() == extra.file && row.sheet_row + 1 == extra.sheet_row;
    });
    REQUIRE(listed != table.unmatched.end());
    CHECK(listed->parent_key == parent_key);
    CHECK(result.inputs[listed->input].sheet.size() > 0);
    REQUIRE(listed->output_row >= 0);
    const MergedRow& carried = table.rows[static_cast<std::size_t>(listed->output_row)];
    CHECK(carried.origin == MergedOrigin::carried);
    // Communes of the same name are told apart by their file.
    const std::string& commune = set.manifest.at(extra.file).commune;
    const auto namesakes = std::count_if(result.inputs.begin(), result.inputs.end(), [&](const InputSummary& input) {
      return input.accepted() && input.commune == "Xã " + commune;
    });
    const std::string who = "Xã " + commune + (namesakes > 1 ? ", " + extra.file : "");
    CHECK(carried.label == "(" + who + ") " + tidy_text(extra.label));
    REQUIRE(carried.parent >= 0);
    CHECK(table.rows[static_cast<std::size_t>(carried.parent)].key == parent_key);
    for (std::size_t v = 0; v < 30; ++v) {
      if (is_rate_index(v) || !extra.values[v]) continue;
      const int column = value_column_at(table, kFirstValueCol + static_cast<std::uint32_t>(v));
      const double expected = extra.in_dong ? *extra.values[v] / 1e6 : *extra.values[v];
      CHECK(std::abs(carried.values[static_cast<std::size_t>(column)].value_or(0.0) - expected) < kTolerance);
    }
  }
  CHECK(extras >= 3);
  CHECK(table.unmatched.size() == extras);
}

TEST_CASE("every parent row equals the sum of its children, carried and remainder rows included",
          "[consolidation][merge]") {
  const ConsolidatedTable& table = *default_merge().result.table;
  std::size_t parents = 0;
  for (const MergedRow& row : table.rows) {
    if (row.children.empty()) continue;
    ++parents;
    for (std::size_t v = 0; v < table.columns.size(); ++v) {
      if (table.columns[v].role != ColumnRole::amount) continue;
      double sum = 0.0;
      for (const int child : row.children) sum += table.rows[static_cast<std::size_t>(child)].values[v].value_or(0.0);
      INFO(row.key << " column " << v);
      CHECK(std::abs(row.values[v].value_or(0.0) - sum) < kTolerance);
    }
  }
  CHECK(parents >= 17);
}

TEST_CASE("labels spelled differently become one row with the spelling most communes used, in catalogue order",
          "[consolidation][merge]") {
  const ConsolidatedTable& table = *default_merge().result.table;
  const MergedRow* literacy = row_with_key(table, "dtts.5.1.nd2");
  REQUIRE(literacy != nullptr);
  CHECK(literacy->label == "Mở lớp xóa mù chữ cho người dân vùng đồng bào dân tộc thiểu số");
  const MergedRow* project = row_with_key(table, "dtts.5");
  REQUIRE(project != nullptr);
  CHECK(project->stt == "V");
  CHECK(project->label == "Dự án 5: Phát triển giáo dục đào tạo nâng cao chất lượng nguồn nhân lực");
  // Keys in catalogue order, whatever order the communes used.
  std::vector<std::string> keyed;
  for (const MergedRow& row : table.rows)
    if (row.origin == MergedOrigin::keyed) keyed.push_back(row.key);
  std::vector<std::string> in_catalogue;
  for (const CatalogueEntry& entry : test_catalogue().entries())
    if (std::find(keyed.begin(), keyed.end(), entry.key) != keyed.end()) in_catalogue.push_back(entry.key);
  CHECK(keyed == in_catalogue);
}

TEST_CASE("communes reporting in đồng are converted to the template's triệu đồng", "[consolidation][merge][unit]") {
  const CommuneSet& set = commune_set_38();
  const MergeResult& result = default_merge().result;
  std::set<std::string> in_dong;
  for (const TruthRow& row : set.truth)
    if (row.in_dong) in_dong.insert(row.file);
  REQUIRE_FALSE(in_dong.empty());
  for (const std::string& name : in_dong) {
    const InputSummary* input = input_named(result, name);
    REQUIRE(input != nullptr);
    CHECK(input->accepted());
    CHECK(input->unit == Unit::dong);
    REQUIRE(input->unit_shift.has_value());
    CHECK(*input->unit_shift == -6);
    CHECK(input->converted_to == Unit::million_dong);
  }
}

TEST_CASE("--force merges the commune with errors as it is, recomputing its Tổng số from NSTW and NSĐP",
          "[consolidation][merge][force]") {
  const CommuneSet& set = commune_set_38();
  const fs::path dir = make_temp_dir("phuluc-merge-force");
  const MergeResult result = merge_files(path_strings(set.files), dir / "forced.xlsx", false, true);
  REQUIRE(result.written);
  for (const InputSummary& input : result.inputs) {
    const bool injected = !set.manifest.at(fs::path(input.path).filename().string()).injected_code.empty();
    CHECK(input.status == (injected ? InputStatus::forced : InputStatus::merged));
    if (injected) CHECK(input.counts.errors > 0);
  }
  check_amounts(*result.table, with_split_totals(expected_sums(set, accepted_files(result))));
}

TEST_CASE("--fix corrects the commune with errors first, then merges it", "[consolidation][merge][fix]") {
  const CommuneSet& set = commune_set_38();
  const fs::path dir = make_temp_dir("phuluc-merge-fix");
  const MergeResult result = merge_files(path_strings(set.files), dir / "fixed.xlsx", true, false);
  REQUIRE(result.written);
  for (const InputSummary& input : result.inputs) {
    const bool injected = !set.manifest.at(fs::path(input.path).filename().string()).injected_code.empty();
    INFO(input.path << " " << input.reason << " " << input.detail);
    CHECK(input.status == (injected ? InputStatus::fixed : InputStatus::merged));
    if (!injected) continue;
    CHECK(input.corrections >= 1);
    CHECK(input.counts.errors == 0);
  }
  // The injected error is a Tổng số changed alone: corrected, it is NSTW + NSĐP again.
  check_amounts(*result.table, with_split_totals(expected_sums(set, accepted_files(result))));
}

TEST_CASE("the same file given twice is counted once", "[consolidation][merge]") {
  const CommuneSet& set = commune_set_38();
  const std::vector<std::string> inputs = {set.files[0].string(), set.files[1].string(), set.files[0].string()};
  const MergeResult result = merge_files(inputs, {});
  REQUIRE(result.inputs.size() == 3);
  CHECK(result.inputs[2].status == InputStatus::refused);
  CHECK(result.inputs[2].reason == refusal::kDuplicateFile);
  CHECK(result.inputs[2].found == set.files[0].string());
  check_amounts(*result.table, expected_sums(set, {set.files[0].filename().string(), set.files[1].filename().string()}));
}

TEST_CASE("an input without a unit line, or of another year, is refused with the reason", "[consolidation][merge][unit]") {
  const CommuneSet& set = commune_set_38();
  const fs::path dir = make_temp_dir("phuluc-merge-refused");
  // Copies of a commune made by openpyxl: one without its "ĐVT: Triệu đồng" line, one whose title
  // and header speak of 2025.
  const fs::path no_unit = dir / "no_unit.xlsx";
  const fs::path other_year = dir / "other_year.xlsx";
  const std::string script =
      "import openpyxl, sys\n"
      "wb = openpyxl.load_workbook(sys.argv[1]); ws = wb.active\n"
      "for row in ws.iter_rows(max_row=4):\n"
      "    for c in row:\n"
      "        if isinstance(c.value, str) and c.value.startswith('ĐVT'): c.value = None\n"
      "wb.save(sys.argv[2])\n"
      "wb = openpyxl.load_workbook(sys.argv[1]); ws = wb.active\n"
      "ws['A2'] = ws['A2'].value.replace('2026', '2025')\n"
      "wb.save(sys.argv[3])\n";
  std::ofstream(dir / "variants.py") << script;
  const CommandResult made = run_command("/usr/bin/python3 " + quoted(dir / "variants.py") + " " + quoted(set.files[1]) +
                                         " " + quoted(no_unit) + " " + quoted(other_year));
  REQUIRE(made.exit_code == 0);

  const MergeResult result = merge_files({set.files[0].string(), no_unit.string(), other_year.string()}, {});
  REQUIRE(result.inputs.size() == 3);
  CHECK(result.inputs[0].accepted());
  CHECK(result.inputs[1].reason == refusal::kUnknownUnit);
  CHECK(result.inputs[1].found.empty());
  CHECK(result.inputs[1].expected == "ĐVT: Triệu đồng");
  CHECK(result.inputs[2].reason == refusal::kDifferentPeriod);
  CHECK(result.inputs[2].found == "2025");
  CHECK(result.inputs[2].expected == "2026");
  check_amounts(*result.table, expected_sums(set, {set.files[0].filename().string()}));
}
