#pragma once
// Finds the appendix tables of a workbook and turns each into a Table.
#include <vector>

#include "model/workbook.hpp"
#include "report/finding.hpp"
#include "table/table.hpp"

namespace phuluc {

/// The tables found and what was noticed while reading them (text-number notices,
/// not-a-number values, ambiguous numbers, formulas without cached values, structure-unclear).
struct TableScan {
  std::vector<Table> tables;
  std::vector<Finding> findings;
};

/// Looks at every visible sheet and returns the appendix tables on them (a sheet may hold several,
/// one under another). A sheet with no recognisable header gives no table, and no finding.
///   const auto scan = find_tables(read_workbook(path));
///   if (scan.tables.empty()) ... "no table found"
TableScan find_tables(const Workbook& workbook);

}  // namespace phuluc
