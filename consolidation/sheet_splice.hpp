#pragma once
// Streaming a very large sheet into a workbook written by write_xlsx (writers/xlsx_writer.hpp).
//
// Why: the breakdown sheet of a national merge holds every number of 3,321 communes (about a
// million cells). Held as a Workbook model and again inside libxlsxwriter it would need several
// hundred MB. Instead the workbook is written with a small "stub" of that sheet (its header rows,
// then one sample row per cell look, whose cells carry the styles the big rows use); the stub's
// XML part is then replaced, in the zip, by the header rows followed by rows streamed one at a
// time, with the style indices libxlsxwriter gave the sample cells. Memory stays flat.
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "model/cell_ref.hpp"

namespace phuluc {

/// Writes <row> and <c> elements of SpreadsheetML (strings inline, numbers shortest round-trip).
/// Rows must come in increasing order and cells left to right.
class SheetXmlWriter {
 public:
  explicit SheetXmlWriter(std::FILE* out) : out_(out) {}
  ~SheetXmlWriter();
  SheetXmlWriter(const SheetXmlWriter&) = delete;
  SheetXmlWriter& operator=(const SheetXmlWriter&) = delete;

  /// Starts 0-based row `row`; `outline_level` 0..7 groups it under the row above it; `style` (an
  /// xf index, 0 for none) is the look of the row's cells that are not written (borders).
  void begin_row(std::uint32_t row, std::uint8_t outline_level = 0, std::uint32_t style = 0);
  void end_row();
  /// A cell with only a style (borders), at 0-based column `col`; `style` is an xf index.
  void blank(std::uint32_t col, std::uint32_t style);
  void number(std::uint32_t col, double value, std::uint32_t style);
  void text(std::uint32_t col, std::string_view value, std::uint32_t style);
  /// A formula (without '=') with a cached number, or with the empty text as its cached result.
  void formula(std::uint32_t col, std::string_view formula, double cached, std::uint32_t style);
  void formula_text(std::uint32_t col, std::string_view formula, std::string_view cached, std::uint32_t style);
  /// Writes what is buffered; throws std::runtime_error when the disk refuses it.
  void flush();

 private:
  void cell_start(std::uint32_t col, std::uint32_t style, const char* type);
  std::FILE* out_;
  std::string buffer_;
  std::uint32_t row_ = 0;
};

/// The stub of one sheet in a written .xlsx and its replacement.
///   SheetSplice splice(path, "Chi tiết theo xã", first_sample_row);
///   const auto s = splice.sample_style(0, 3);
///   splice.replace([&](SheetXmlWriter& xml) { xml.begin_row(9); xml.number(3, 1.5, s); xml.end_row(); }, last);
class SheetSplice {
 public:
  /// Reads the sheet named `sheet_name` of the .xlsx at `xlsx`; its rows from 0-based
  /// `sample_first` on are the sample rows. Throws std::runtime_error when the file or the sheet
  /// cannot be found or read.
  SheetSplice(std::filesystem::path xlsx, const std::string& sheet_name, std::uint32_t sample_first);

  /// Number of sample rows found.
  std::size_t samples() const { return sample_styles_.size(); }

  /// The xf index of 0-based column `col` in sample row `sample` (0 = the row at sample_first);
  /// 0 when that cell carries no style.
  std::uint32_t sample_style(std::size_t sample, std::uint32_t col) const;

  /// Replaces the sheet in the .xlsx (rewritten in place by libzip): the rows before the samples
  /// as they were, then what `write_rows` writes, then the rest of the sheet (merges, page setup).
  /// The sheet's dimension becomes A1:`last`, and outline groups show their summary row above the
  /// details. An exception from `write_rows` (cancellation) leaves the file as it was.
  void replace(const std::function<void(SheetXmlWriter&)>& write_rows, CellRef last);

 private:
  std::filesystem::path xlsx_;
  std::string part_;    ///< zip entry of the sheet ("xl/worksheets/sheet2.xml")
  std::string head_;    ///< the sheet XML up to the first sample row (or </sheetData>)
  std::string tail_;    ///< from </sheetData> to the end
  std::vector<std::vector<std::uint32_t>> sample_styles_;
};

}  // namespace phuluc
