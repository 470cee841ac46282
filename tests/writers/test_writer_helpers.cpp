// The small conversions behind the XLSX writer: names, widths, colours, borders, merges.
#include <catch2/catch.hpp>

#include <algorithm>
#include <random>

#include "writers/xlsx/format_cache.hpp"
#include "writers/xlsx/merge_ranges.hpp"
#include "writers/xlsx/sheet_names.hpp"
#include "writers/xlsx/sizes.hpp"

namespace phuluc::xlsxw {
namespace {

TEST_CASE("sheet names are made valid and unique, ignoring case like Excel", "[writers][names]") {
  struct Case {
    std::vector<std::string> wanted;
    std::vector<std::string> expected;
  };
  const std::vector<Case> cases = {
      {{"Biểu 01", "Kiểm tra"}, {"Biểu 01", "Kiểm tra"}},
      {{"Biểu 01", "BIỂU 01", "biểu 01"}, {"Biểu 01", "BIỂU 01 (2)", "biểu 01 (3)"}},
      {{"Đạt", "đạt"}, {"Đạt", "đạt (2)"}},
      {{"Ơn", "ơn", "Ưu", "ưu"}, {"Ơn", "ơn (2)", "Ưu", "ưu (2)"}},
      {{"a[1]:b*?/\\c"}, {"a_1__b____c"}},
      {{"'quoted'", "''"}, {"quoted", "Sheet2"}},
      {{"", ""}, {"Sheet1", "Sheet2"}},
      {{"Sheet2", ""}, {"Sheet2", "Sheet2 (2)"}},
      {{"1234567890123456789012345678901234"}, {"1234567890123456789012345678901"}},
      {{"1234567890123456789012345678901", "1234567890123456789012345678901"},
       {"1234567890123456789012345678901", "123456789012345678901234567 (2)"}},
      {{"Phụ lục II - Vốn sự nghiệp năm 2026"}, {"Phụ lục II - Vốn sự nghiệp năm "}},
  };
  for (const auto& c : cases) {
    INFO(c.wanted.front());
    CHECK(writable_sheet_names(c.wanted) == c.expected);
  }
}

TEST_CASE("sheet names are quoted for links with inner apostrophes doubled", "[writers][names]") {
  CHECK(quoted_sheet_name("Kiểm tra") == "'Kiểm tra'");
  CHECK(quoted_sheet_name("Bà Rịa's") == "'Bà Rịa''s'");
}

TEST_CASE("stored column widths become libxlsxwriter widths that store the same value", "[writers][sizes]") {
  // Widths Excel stored: Excel's default, whole characters, a narrow column, a zero-width column.
  for (const double stored : {9.140625, 6.7109375, 40.7109375, 14.7109375, 0.85546875, 1.7109375, 255.7109375}) {
    INFO(stored);
    CHECK(stored_width_for_lxw(lxw_width_for_stored(stored)) == Approx(stored).margin(1e-9));
  }
  CHECK(lxw_width_for_stored(9.140625) == Approx(8.43).margin(0.01));
  CHECK(lxw_width_for_stored(0.0) == 0.0);
  // Widths other programs stored land on the nearest pixel.
  for (const double stored : {20.0, 11.53515625, 12.8, 3.3}) {
    INFO(stored);
    CHECK(stored_width_for_lxw(lxw_width_for_stored(stored)) == Approx(stored).margin(1.0 / 14 + 1.0 / 256));
  }
}

TEST_CASE("a default row height is set only when it was clearly set by hand", "[writers][sizes]") {
  CHECK_FALSE(custom_default_row_height(std::nullopt, 11.0));
  CHECK_FALSE(custom_default_row_height(15.0, 11.0));    // Calibri 11
  CHECK_FALSE(custom_default_row_height(15.75, 12.0));   // Times New Roman 12
  CHECK_FALSE(custom_default_row_height(12.8, 10.0));    // LibreOffice, Arial 10
  CHECK(custom_default_row_height(24.0, 12.0) == 24.0);
  CHECK(custom_default_row_height(9.0, 12.0) == 9.0);
  CHECK_FALSE(custom_default_row_height(500.0, 12.0));  // beyond Excel's 409
}

TEST_CASE("colours, borders, patterns, alignments and rotations map to libxlsxwriter's values", "[writers][styles]") {
  CHECK(to_lxw_color("FFFF0000") == lxw_color_t{0xFF0000});
  CHECK(to_lxw_color("ff00b050") == lxw_color_t{0x00B050});
  CHECK(to_lxw_color("D9D9D9") == lxw_color_t{0xD9D9D9});
  CHECK(to_lxw_color("FF000000") == lxw_color_t{LXW_COLOR_BLACK});  // 0 would mean "unset"
  CHECK_FALSE(to_lxw_color(""));
  CHECK_FALSE(to_lxw_color("theme"));
  CHECK_FALSE(to_lxw_color("FFGG0000"));

  CHECK(to_lxw_border("thin") == LXW_BORDER_THIN);
  CHECK(to_lxw_border("mediumDashDotDot") == LXW_BORDER_MEDIUM_DASH_DOT_DOT);
  CHECK(to_lxw_border("slantDashDot") == LXW_BORDER_SLANT_DASH_DOT);
  CHECK(to_lxw_border("") == LXW_BORDER_NONE);
  CHECK(to_lxw_border("wavy") == LXW_BORDER_NONE);

  CHECK(to_lxw_pattern("solid") == LXW_PATTERN_SOLID);
  CHECK(to_lxw_pattern("gray0625") == LXW_PATTERN_GRAY_0625);
  CHECK(to_lxw_pattern("none") == LXW_PATTERN_NONE);

  CHECK(to_lxw_horizontal("centerContinuous") == LXW_ALIGN_CENTER_ACROSS);
  CHECK(to_lxw_horizontal("general") == LXW_ALIGN_NONE);
  CHECK(to_lxw_vertical("center") == LXW_ALIGN_VERTICAL_CENTER);
  CHECK(to_lxw_vertical("") == LXW_ALIGN_NONE);

  CHECK(to_lxw_rotation(45) == 45);
  CHECK(to_lxw_rotation(90) == 90);
  CHECK(to_lxw_rotation(135) == -45);  // stored as 90 + 45 for text going down
  CHECK(to_lxw_rotation(180) == -90);
  CHECK(to_lxw_rotation(255) == 270);  // stacked letters
  CHECK(to_lxw_rotation(300) == 0);
}

bool brute_intersects(const CellRange& a, const CellRange& b) {
  for (auto row = a.first.row; row <= a.last.row; ++row)
    for (auto col = a.first.col; col <= a.last.col; ++col)
      if (b.contains({row, col})) return true;
  return false;
}

TEST_CASE("overlapping merged ranges keep the first, like Excel's repair", "[writers][merge]") {
  const std::vector<CellRange> ranges = {
      *parse_a1_range("A1:C2"), *parse_a1_range("B2:D3"),  // overlaps the first
      *parse_a1_range("E1:E1"),                            // a single cell is no merge
      *parse_a1_range("A10:XFD10"),                        // a large range
      *parse_a1_range("C10:D11"),                          // overlaps the large one
      *parse_a1_range("D1:F2"),
      CellRange{{5, 5}, {4, 4}},  // corners the wrong way round
  };
  const auto kept = writable_merges(ranges);
  REQUIRE(kept.size() == 3);
  CHECK(to_a1(kept[0]) == "A1:C2");
  CHECK(to_a1(kept[1]) == "A10:XFD10");
  CHECK(to_a1(kept[2]) == "D1:F2");
}

TEST_CASE("the fast merge check agrees with a cell-by-cell check on random ranges", "[writers][merge]") {
  std::mt19937 random(20260619);
  std::uniform_int_distribution<std::uint32_t> start(0, 40);
  std::uniform_int_distribution<std::uint32_t> size(0, 45);  // some ranges exceed the small-area cut
  for (int round = 0; round < 50; ++round) {
    std::vector<CellRange> ranges;
    for (int i = 0; i < 30; ++i) {
      const CellRef first{start(random), start(random)};
      const std::uint32_t cols = i % 5 == 0 ? size(random) : size(random) % 4;
      ranges.push_back({first, {first.row + size(random), first.col + cols}});
    }
    std::vector<CellRange> expected;
    for (const auto& range : ranges) {
      if (range.first == range.last) continue;
      const bool clash = std::any_of(expected.begin(), expected.end(),
                                     [&](const CellRange& kept) { return brute_intersects(range, kept); });
      if (!clash) expected.push_back(range);
    }
    CHECK(writable_merges(ranges) == expected);
  }
}

}  // namespace
}  // namespace phuluc::xlsxw
