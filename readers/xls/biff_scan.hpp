#pragma once
// One bounded pass over a BIFF8 Workbook stream, before FreeXL sees the file. It learns what FreeXL
// will not tell us or would do unchecked: the BIFF version, FILEPASS (encryption), how many grid
// cells FreeXL will allocate from the file's DIMENSION records, how long FreeXL's date conversion
// will loop, the sheet kinds and visibility, and the cached results of formula cells and the
// boolean/error cells (FreeXL skips FORMULA records and turns BOOLERR into 0/1), and the numbers
// FreeXL would turn into date text (losing the time of day, the day, or the seconds' fractions).
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "model/cell.hpp"

namespace phuluc::biff {

/// BOF version field values.
inline constexpr std::uint16_t kBiff8 = 0x0600;
inline constexpr std::uint16_t kBiff5 = 0x0500;

/// A BOUNDSHEET record: one sheet of the workbook, in FreeXL's order.
struct BoundSheet {
  std::string name;                  ///< UTF-8
  std::uint32_t stream_offset = 0;   ///< where the sheet's BOF record starts in the Workbook stream
  std::uint8_t visibility = 0;       ///< 0 visible, 1 hidden, 2 very hidden
  std::uint8_t kind = 0;             ///< 0 worksheet, 1 macro sheet, 2 chart, 6 VBA module
};

/// A cell value the scan read itself. Row and column are 0-based.
struct ScannedCell {
  std::uint32_t row = 0;
  std::uint32_t col = 0;
  Cell cell;  ///< kind, number/text, has_formula, is_date filled; col duplicated in cell.col
};

/// A change to the Workbook stream for FreeXL's copy of the file: write `bytes` at `offset`
/// (0-based, in the stream). Record lengths and positions never change.
struct StreamPatch {
  std::size_t offset = 0;
  std::vector<std::byte> bytes;
};

/// What the scan learnt; `sheets` and `cells` are parallel (cells[i] belong to sheets[i]).
struct WorkbookScan {
  std::uint16_t version = 0;              ///< BOF version of the globals substream; 0 if the stream has no BOF
  bool has_filepass = false;              ///< FILEPASS record: the records after it are encrypted
  bool date1904 = false;                  ///< DATEMODE record
  bool sst_overruns = false;              ///< a shared string declares more bytes than its records hold (sst_walk.hpp)
  /// A sheet's DIMENSION record shorter than the 12 bytes FreeXL reads from it: FreeXL would size
  /// the sheet from the previous record's leftover bytes (see on_dimension in biff_scan.cpp).
  bool short_dimension = false;
  /// A record running past the stream's end (FreeXL reads the rest from the slack of the last sector,
  /// or past its copy of the mini stream), or in the mini stream one longer than FreeXL's 8,224-byte
  /// record buffer (FreeXL copies it whole there).
  bool record_overrun = false;
  std::vector<BoundSheet> sheets;
  std::vector<std::vector<ScannedCell>> cells;  ///< formula results, booleans/errors, date/time numbers per sheet
  std::uint64_t freexl_grid_cells = 0;    ///< Σ rows × columns FreeXL will allocate (16 bytes each), once patched
  /// What FreeXL's copy needs so FreeXL neither fails on a sound file nor over-allocates: embedded
  /// chart substreams and extra DIMENSION records renamed to a type it skips; each sheet's DIMENSION
  /// set to the true extent of its cells; empty LABELs and out-of-range LABELSSTs skipped.
  std::vector<StreamPatch> freexl_patches;
  std::uint64_t freexl_date_steps = 0;    ///< Σ day-by-day loop steps FreeXL will spend on date cells
  std::uint64_t scanned_cell_count = 0;   ///< cells kept in `cells`
  std::uint64_t scanned_text_bytes = 0;   ///< text bytes kept in `cells`
};

/// Scans a Workbook stream. Never throws on odd records: it stops at the end of the stream, at a
/// record running past it or an oversized record (flagging `record_overrun` where FreeXL would read
/// on), and at a record of type 0 and length 0 in a stream of ordinary sectors (FreeXL's end
/// marker), and reports what it saw. `max_cells` bounds the kept
/// cells; beyond it scanning goes on but stops keeping values. `freexl_mini_stream`: FreeXL reads
/// this stream from the mini stream (shorter than the cutoff), where it takes a record of type 0
/// and length 0 for an empty record rather than the end, and copies every record unchecked.
///   const auto scan = biff::scan_workbook_stream(stream, limits.max_cells, false);
///   if (scan.has_filepass) throw ReadError(ReadErrorCode::encrypted, "...");
WorkbookScan scan_workbook_stream(std::span<const std::byte> stream, std::uint64_t max_cells,
                                  bool freexl_mini_stream = false);

}  // namespace phuluc::biff
