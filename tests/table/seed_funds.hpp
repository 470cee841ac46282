#pragma once
// The funds table of seed 000 (Mường Kim, 06 tháng đầu năm 2026) rebuilt in memory the way the
// commune's workbook lays it out: title, "(Kèm theo ...)", "ĐVT: Triệu đồng", a 3-row merged header
// over 33 columns (STT, Nội dung, 2 blocks × 5 groups × Tổng số/NSTW/NSDP, Ghi chú), 26 data rows,
// the header repeated after a page break, and a signature block under the table.
#include <string>
#include <vector>

#include "model/workbook.hpp"

namespace phuluc::test {

struct SeedFundsRow {
  std::string stt;
  std::string label;
  std::vector<std::string> values;  ///< 30 values as typed in the report ("660,862", "-", "")
  std::string note;
};

/// The 26 data rows of the seed's funds table, values as typed.
const std::vector<SeedFundsRow>& seed_funds_rows();

struct SeedFundsOptions {
  bool values_as_text = false;  ///< keep values as typed text ("660,862") instead of number cells
  bool repeat_header = true;    ///< repeat the 3 header rows after the 14th data row (a page break)
  bool signature = true;        ///< date line, "NGƯỜI LẬP BIỂU", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", name
  std::string sheet_name = "Vốn sự nghiệp";
};

/// A workbook with one sheet holding the seed's funds table. Rows (0-based): 0 title, 1 "(Kèm
/// theo ...)", 2 unit, 3-5 header, data from 6 (the repeated header, when asked, takes 3 rows after
/// the 14th data row).
Workbook seed_funds_workbook(const SeedFundsOptions& options = {});

/// Reads a value typed the Vietnamese way ("5.844,299" → 5844.299) without the library's parser.
double vietnamese_value(const std::string& typed);

/// Digits after the decimal comma of a typed value ("272,50" → 2).
int typed_decimals(const std::string& typed);

}  // namespace phuluc::test
