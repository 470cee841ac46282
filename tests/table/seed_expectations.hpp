#pragma once
// What the table finder must make of seed 000's funds table, however the workbook was produced
// (built in memory, openpyxl, LibreOffice .xls): shared by the in-memory and the real-file tests.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "model/cell_ref.hpp"
#include "table/table.hpp"

namespace phuluc::test {

inline const char* path_separator() { return " \xE2\x80\xBA "; }  // " › "

/// Index of the first row with this STT whose label starts with `label_start`, or -1.
inline int row_index(const Table& table, const std::string& stt, const std::string& label_start = {}) {
  for (std::size_t i = 0; i < table.rows.size(); ++i)
    if (table.rows[i].stt == stt && table.rows[i].label.rfind(label_start, 0) == 0) return static_cast<int>(i);
  return -1;
}

/// The 33 columns: STT, Nội dung, 2 blocks × (Kế hoạch vốn, Giải ngân, Tỷ lệ, Ước giải ngân, Tỷ lệ) ×
/// (Tổng số, NSTW, NSDP), Ghi chú; paths, roles, measures, splits and blocks.
inline void check_seed_funds_columns(const Table& table) {
  REQUIRE(table.columns.size() == 33);
  CHECK(table.stt_col == 0u);
  CHECK(table.label_col == 1u);
  CHECK(table.columns[0].role == ColumnRole::stt);
  CHECK(table.columns[0].path_text == "STT");
  CHECK(table.columns[1].role == ColumnRole::label);
  CHECK(table.columns[1].path_text == "Nội dung");
  CHECK(table.columns[32].role == ColumnRole::note);
  CHECK(table.columns[32].path_text == "Ghi chú");

  const std::string blocks[2] = {"Tình hình thực hiện kế hoạch vốn sự nghiệp kéo dài năm 2025 sang năm 2026",
                                 "Tình hình thực hiện kế hoạch vốn sự nghiệp năm 2026"};
  const std::string disbursed[2] = {"Giải ngân kế hoạch vốn kéo dài đến 15/6/2026",
                                    "Giải ngân kế hoạch vốn năm 2026 đến 15/6/2026"};
  struct Group {
    std::string title;
    ColumnRole role;
    Measure measure;
  };
  const Split splits[3] = {Split::total, Split::central, Split::local};
  const char* split_names[3] = {"Tổng số", "NSTW", "NSDP"};
  int value_columns = 0;
  for (int block = 0; block < 2; ++block) {
    const Group groups[5] = {{"Kế hoạch vốn", ColumnRole::amount, Measure::plan},
                             {disbursed[block], ColumnRole::amount, Measure::disbursed},
                             {"Tỷ lệ giải ngân", ColumnRole::rate, Measure::disbursed},
                             {"Ước giải ngân đến hết năm 2026", ColumnRole::amount, Measure::estimate},
                             {"Tỷ lệ giải ngân", ColumnRole::rate, Measure::estimate}};
    for (int group = 0; group < 5; ++group)
      for (int split = 0; split < 3; ++split) {
        const TableColumn& column = table.columns[static_cast<std::size_t>(2 + block * 15 + group * 3 + split)];
        INFO("column " << column_letters(column.col));
        CHECK(column.col == static_cast<std::uint32_t>(2 + block * 15 + group * 3 + split));
        CHECK(column.path == std::vector<std::string>{blocks[block], groups[group].title, split_names[split]});
        CHECK(column.path_text ==
              blocks[block] + path_separator() + groups[group].title + path_separator() + split_names[split]);
        CHECK(column.role == groups[group].role);
        CHECK(column.measure == groups[group].measure);
        CHECK(column.split == splits[split]);
        CHECK(column.block == block);
        ++value_columns;
      }
  }
  CHECK(value_columns == 30);
}

/// The 26 rows: TỔNG CỘNG > A, B, C > I..X > III.2, V.1.., with the unnumbered contents of V.1 and V.3.
inline void check_seed_funds_hierarchy(const Table& table) {
  REQUIRE(table.rows.size() == 26);
  const int a = row_index(table, "A");
  const int b = row_index(table, "B");
  const int c = row_index(table, "C");
  REQUIRE(table.rows[0].stt == "TỔNG CỘNG");
  CHECK(table.rows[0].kind == RowKind::grand_total);
  CHECK(table.rows[0].label == "TỔNG CỘNG");
  CHECK(table.rows[0].depth == 0);
  CHECK(table.rows[0].parent == -1);
  CHECK(table.rows[0].children == std::vector<int>{a, b, c});
  for (int program : {a, b, c}) {
    CHECK(table.rows[program].kind == RowKind::program);
    CHECK(table.rows[program].parent == 0);
    CHECK(table.rows[program].depth == 1);
  }
  std::vector<int> projects;
  for (const char* project : {"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"}) {
    INFO(project);
    const int index = row_index(table, project);
    REQUIRE(index > 0);
    projects.push_back(index);
    CHECK(table.rows[index].kind == RowKind::project);
    CHECK(table.rows[index].parent == a);
    CHECK(table.rows[index].depth == 2);
  }
  CHECK(table.rows[a].children == projects);
  const struct {
    const char* stt;
    const char* parent;
  } subprojects[] = {{"III.2", "III"}, {"V.1", "V"},  {"V.2", "V"},  {"V.3", "V"},
                     {"IX.1", "IX"},   {"IX.2", "IX"}, {"X.1", "X"}, {"X.2", "X"}};
  for (const auto& sub : subprojects) {
    INFO(sub.stt);
    const int index = row_index(table, sub.stt);
    REQUIRE(index > 0);
    CHECK(table.rows[index].kind == RowKind::subproject);
    CHECK(table.rows[index].parent == row_index(table, sub.parent));
    CHECK(table.rows[index].depth == 3);
  }
  const int v1 = row_index(table, "V.1");
  const int v3 = row_index(table, "V.3");
  const int renew = row_index(table, "", "Đổi mới hoạt động củng cố");
  const int literacy = row_index(table, "", "Mơ lớp xóa mù chữ");
  const int training = row_index(table, "", "Mở các lớp đào tạo nghề");
  const int costs = row_index(table, "", "Hỗ trợ chi phí đào tạo nghề");
  CHECK(table.rows[v1].children == std::vector<int>{renew, literacy});
  CHECK(table.rows[v3].children == std::vector<int>{training, costs});
  for (int content : {renew, literacy, training, costs}) {
    REQUIRE(content > 0);
    CHECK(table.rows[content].kind == RowKind::content);
    CHECK(table.rows[content].depth == 4);
    CHECK(table.rows[content].children.empty());
  }
  // Structure holds together: every parent lies above its child and lists it.
  for (std::size_t i = 0; i < table.rows.size(); ++i) {
    const int parent = table.rows[i].parent;
    if (parent < 0) continue;
    CHECK(parent < static_cast<int>(i));
    const auto& siblings = table.rows[static_cast<std::size_t>(parent)].children;
    CHECK(std::find(siblings.begin(), siblings.end(), static_cast<int>(i)) != siblings.end());
  }
}

}  // namespace phuluc::test
