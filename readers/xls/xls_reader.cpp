#include "readers/xls/xls_reader.hpp"

#include <freexl.h>
#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <fstream>
#include <optional>
#include <string_view>
#include <system_error>

#include "readers/read_error.hpp"
#include "readers/xls/biff_scan.hpp"
#include "readers/xls/compound_file.hpp"

namespace phuluc {
namespace {

// FreeXL turns a date serial into text by stepping one day at a time; past this many steps over a
// workbook (about a second of work) the file is hostile or broken, and we refuse it before FreeXL
// starts. Real dates are near 45,000 steps each.
constexpr std::uint64_t kMaxFreexlDateSteps = 500'000'000;

[[noreturn]] void fail(ReadErrorCode code, const std::string& detail) { throw ReadError(code, "xls: " + detail); }

const char* freexl_error_name(int code) {
  switch (code) {
    case FREEXL_FILE_NOT_FOUND: return "FREEXL_FILE_NOT_FOUND";
    case FREEXL_NULL_HANDLE: return "FREEXL_NULL_HANDLE";
    case FREEXL_INVALID_HANDLE: return "FREEXL_INVALID_HANDLE";
    case FREEXL_INSUFFICIENT_MEMORY: return "FREEXL_INSUFFICIENT_MEMORY";
    case FREEXL_NULL_ARGUMENT: return "FREEXL_NULL_ARGUMENT";
    case FREEXL_INVALID_INFO_ARG: return "FREEXL_INVALID_INFO_ARG";
    case FREEXL_INVALID_CFBF_HEADER: return "FREEXL_INVALID_CFBF_HEADER";
    case FREEXL_CFBF_READ_ERROR: return "FREEXL_CFBF_READ_ERROR";
    case FREEXL_CFBF_SEEK_ERROR: return "FREEXL_CFBF_SEEK_ERROR";
    case FREEXL_CFBF_INVALID_SIGNATURE: return "FREEXL_CFBF_INVALID_SIGNATURE";
    case FREEXL_CFBF_INVALID_SECTOR_SIZE: return "FREEXL_CFBF_INVALID_SECTOR_SIZE";
    case FREEXL_CFBF_EMPTY_FAT_CHAIN: return "FREEXL_CFBF_EMPTY_FAT_CHAIN";
    case FREEXL_CFBF_ILLEGAL_FAT_ENTRY: return "FREEXL_CFBF_ILLEGAL_FAT_ENTRY";
    case FREEXL_BIFF_INVALID_BOF: return "FREEXL_BIFF_INVALID_BOF";
    case FREEXL_BIFF_INVALID_SST: return "FREEXL_BIFF_INVALID_SST";
    case FREEXL_BIFF_ILLEGAL_SST_INDEX: return "FREEXL_BIFF_ILLEGAL_SST_INDEX";
    case FREEXL_BIFF_WORKBOOK_NOT_FOUND: return "FREEXL_BIFF_WORKBOOK_NOT_FOUND";
    case FREEXL_BIFF_ILLEGAL_SHEET_INDEX: return "FREEXL_BIFF_ILLEGAL_SHEET_INDEX";
    case FREEXL_BIFF_UNSELECTED_SHEET: return "FREEXL_BIFF_UNSELECTED_SHEET";
    case FREEXL_INVALID_CHARACTER: return "FREEXL_INVALID_CHARACTER";
    case FREEXL_UNSUPPORTED_CHARSET: return "FREEXL_UNSUPPORTED_CHARSET";
    case FREEXL_ILLEGAL_CELL_ROW_COL: return "FREEXL_ILLEGAL_CELL_ROW_COL";
    case FREEXL_ILLEGAL_RK_VALUE: return "FREEXL_ILLEGAL_RK_VALUE";
    case FREEXL_INVALID_MINI_STREAM: return "FREEXL_INVALID_MINI_STREAM";
    case FREEXL_CFBF_ILLEGAL_MINI_FAT_ENTRY: return "FREEXL_CFBF_ILLEGAL_MINI_FAT_ENTRY";
    case FREEXL_CRAFTED_FILE: return "FREEXL_CRAFTED_FILE";
    default: return "unknown FreeXL error";
  }
}

std::string freexl_detail(const std::string& what, int code) {
  return what + " failed with FreeXL error " + std::to_string(code) + " (" + freexl_error_name(code) + ")";
}

/// Which ReadErrorCode a FreeXL failure means for the person holding the file.
ReadErrorCode code_for_freexl_error(int code) {
  switch (code) {
    case FREEXL_FILE_NOT_FOUND: return ReadErrorCode::io_error;
    case FREEXL_INSUFFICIENT_MEMORY: return ReadErrorCode::too_large;
    // Our scan found the Workbook stream; FreeXL only searches the first directory sector.
    case FREEXL_BIFF_WORKBOOK_NOT_FOUND: return ReadErrorCode::unsupported;
    default: return ReadErrorCode::truncated;
  }
}

/// Owns a FreeXL handle. FreeXL may hand back a handle even when opening fails, so always close.
class FreexlWorkbook {
 public:
  explicit FreexlWorkbook(const std::string& path) {
    const int status = freexl_open(path.c_str(), &handle_);
    if (status != FREEXL_OK) {
      close();
      fail(code_for_freexl_error(status), freexl_detail("freexl_open", status));
    }
    // FreeXL can stop on a record it rejects and still report FREEXL_OK, with no handle.
    if (handle_ == nullptr) fail(ReadErrorCode::truncated, "freexl_open rejected a record and gave no workbook");
  }
  ~FreexlWorkbook() { close(); }
  FreexlWorkbook(const FreexlWorkbook&) = delete;
  FreexlWorkbook& operator=(const FreexlWorkbook&) = delete;

  unsigned info(unsigned short what) const {
    unsigned value = 0;
    const int status = freexl_get_info(handle_, what, &value);
    if (status != FREEXL_OK) fail(ReadErrorCode::truncated, freexl_detail("freexl_get_info", status));
    return value;
  }
  const void* get() const { return handle_; }

 private:
  void close() {
    if (handle_ != nullptr) freexl_close(handle_);
    handle_ = nullptr;
  }
  const void* handle_ = nullptr;
};

/// An anonymous in-memory file, so FreeXL (which only opens paths) can read bytes we hold.
class MemoryFile {
 public:
  explicit MemoryFile(std::span<const std::byte> bytes) {
    fd_ = memfd_create("phuluc-xls", MFD_CLOEXEC);
    if (fd_ < 0) fail(ReadErrorCode::io_error, "cannot create an in-memory file for FreeXL");
    std::size_t written = 0;
    while (written < bytes.size()) {
      const ssize_t n = ::write(fd_, bytes.data() + written, bytes.size() - written);
      if (n <= 0) {
        ::close(fd_);
        fail(ReadErrorCode::io_error, "cannot fill the in-memory file for FreeXL");
      }
      written += static_cast<std::size_t>(n);
    }
  }
  ~MemoryFile() { ::close(fd_); }
  MemoryFile(const MemoryFile&) = delete;
  MemoryFile& operator=(const MemoryFile&) = delete;
  std::string path() const { return "/proc/self/fd/" + std::to_string(fd_); }

 private:
  int fd_ = -1;
};

// ---- FreeXL's date text back to Excel serials -------------------------------------------------
// FreeXL counts days with its own calendar: every year divisible by 4 is a leap year (which also
// gives Excel's phantom 29 February 1900). Inverting with the same calendar returns the serial.

bool freexl_leap(int year) { return year % 4 == 0; }

int days_in_month(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && freexl_leap(year) ? 29 : kDays[month - 1];
}

/// Days from 1 January of `base_year` to the date, in FreeXL's calendar; nullopt when invalid.
std::optional<double> days_since(int base_year, int year, int month, int day) {
  if (year < base_year || year > 9999 || month < 1 || month > 12 || day < 1 || day > days_in_month(year, month))
    return std::nullopt;
  double days = 0;
  for (int y = base_year; y < year; ++y) days += freexl_leap(y) ? 366 : 365;
  for (int m = 1; m < month; ++m) days += days_in_month(year, m);
  return days + (day - 1);
}

bool parse_fixed(std::string_view text, std::size_t offset, std::size_t width, int& value) {
  if (offset + width > text.size()) return false;
  const char* first = text.data() + offset;
  const auto [end, error] = std::from_chars(first, first + width, value);
  return error == std::errc{} && end == first + width;
}

/// "HH:MM:SS" → fraction of a day.
std::optional<double> parse_time(std::string_view text) {
  int h = 0, m = 0, s = 0;
  if (text.size() != 8 || text[2] != ':' || text[5] != ':' || !parse_fixed(text, 0, 2, h) || !parse_fixed(text, 3, 2, m) ||
      !parse_fixed(text, 6, 2, s) || h > 24 || m > 59 || s > 59)
    return std::nullopt;
  return (h * 3600.0 + m * 60.0 + s) / 86400.0;
}

/// "YYYY-MM-DD" → serial in the workbook's date system.
std::optional<double> parse_date(std::string_view text, bool date1904) {
  int y = 0, mo = 0, d = 0;
  if (text.size() != 10 || text[4] != '-' || text[7] != '-' || !parse_fixed(text, 0, 4, y) || !parse_fixed(text, 5, 2, mo) ||
      !parse_fixed(text, 8, 2, d))
    return std::nullopt;
  // FreeXL: serial n is 1900-01-01 + (n - 1) days, or 1904-01-01 + n days in the 1904 system.
  const auto days = days_since(date1904 ? 1904 : 1900, y, mo, d);
  if (!days) return std::nullopt;
  return date1904 ? *days : *days + 1;
}

std::optional<double> serial_from_freexl_text(unsigned char type, std::string_view text, bool date1904) {
  switch (type) {
    case FREEXL_CELL_DATE: return parse_date(text, date1904);
    case FREEXL_CELL_TIME: return parse_time(text);
    case FREEXL_CELL_DATETIME: {
      if (text.size() != 19 || text[10] != ' ') return std::nullopt;
      const auto date = parse_date(text.substr(0, 10), date1904);
      const auto time = parse_time(text.substr(11));
      if (!date || !time) return std::nullopt;
      return *date + *time;
    }
    default: return std::nullopt;
  }
}

/// Cuts UTF-8 text to at most `max_chars` code points.
void cut_to_chars(std::string& text, std::uint32_t max_chars) {
  std::uint32_t chars = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const bool lead = (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
    if (lead && ++chars > max_chars) {
      text.resize(i);
      return;
    }
  }
}

/// Counts what the workbook keeps and stops at the caps.
class Budget {
 public:
  explicit Budget(const ReadLimits& limits) : limits_(limits) {}
  void add_cell(std::size_t text_bytes) {
    if (++cells_ > limits_.max_cells)
      fail(ReadErrorCode::too_large, "more than " + std::to_string(limits_.max_cells) + " cells");
    text_bytes_ += text_bytes;
    if (text_bytes_ > limits_.max_string_bytes)
      fail(ReadErrorCode::too_large, "more than " + std::to_string(limits_.max_string_bytes) + " bytes of text");
  }
  void add_grid(std::uint64_t grid_cells) {
    grid_ += grid_cells;
    if (grid_ > limits_.max_cells)
      fail(ReadErrorCode::too_large, "sheet dimensions total more than " + std::to_string(limits_.max_cells) + " cells");
  }

 private:
  const ReadLimits& limits_;
  std::uint64_t cells_ = 0;
  std::uint64_t text_bytes_ = 0;
  std::uint64_t grid_ = 0;
};

std::optional<Cell> cell_from_freexl(const FreeXL_CellValue& value, bool date1904, const ReadLimits& limits) {
  Cell cell;
  switch (value.type) {
    case FREEXL_CELL_INT:
      cell.kind = CellKind::number;
      cell.number = value.value.int_value;
      return cell;
    case FREEXL_CELL_DOUBLE:
      if (std::isfinite(value.value.double_value)) {
        cell.kind = CellKind::number;
        cell.number = value.value.double_value;
      } else {
        cell.kind = CellKind::error;
        cell.text = "#NUM!";
      }
      return cell;
    case FREEXL_CELL_TEXT:
    case FREEXL_CELL_SST_TEXT:
      if (value.value.text_value == nullptr || *value.value.text_value == '\0') return std::nullopt;
      cell.kind = CellKind::text;
      cell.text = value.value.text_value;
      cut_to_chars(cell.text, limits.max_string_length);
      return cell;
    case FREEXL_CELL_DATE:
    case FREEXL_CELL_DATETIME:
    case FREEXL_CELL_TIME: {
      if (value.value.text_value == nullptr) return std::nullopt;
      if (const auto serial = serial_from_freexl_text(value.type, value.value.text_value, date1904)) {
        cell.kind = CellKind::number;
        cell.number = *serial;
        cell.is_date = true;
      } else {
        cell.kind = CellKind::text;
        cell.text = value.value.text_value;
      }
      return cell;
    }
    default: return std::nullopt;
  }
}

/// Merges the scan's cells into FreeXL's rows (both 0-based, rows sorted by index, cells by
/// column); at a position both hold, the scan's cell wins (FreeXL's is a date turned to text or a
/// boolean turned to 0/1).
std::vector<SheetRow> merge_scanned(std::vector<SheetRow> freexl_rows, std::vector<biff::ScannedCell> scanned) {
  std::stable_sort(scanned.begin(), scanned.end(), [](const biff::ScannedCell& a, const biff::ScannedCell& b) {
    return a.row != b.row ? a.row < b.row : a.col < b.col;
  });
  std::vector<SheetRow> merged;
  merged.reserve(freexl_rows.size());
  auto next_scanned = scanned.begin();
  auto take_scanned_row = [&](std::uint32_t index) {
    SheetRow row;
    row.index = index;
    for (; next_scanned != scanned.end() && next_scanned->row == index; ++next_scanned)
      if (row.cells.empty() || row.cells.back().col != next_scanned->col) row.cells.push_back(std::move(next_scanned->cell));
    return row;
  };
  for (auto& row : freexl_rows) {
    while (next_scanned != scanned.end() && next_scanned->row < row.index) merged.push_back(take_scanned_row(next_scanned->row));
    if (next_scanned == scanned.end() || next_scanned->row != row.index) {
      merged.push_back(std::move(row));
      continue;
    }
    SheetRow ours = take_scanned_row(row.index);
    SheetRow both;
    both.index = row.index;
    auto a = row.cells.begin();
    auto b = ours.cells.begin();
    while (a != row.cells.end() || b != ours.cells.end()) {
      if (b == ours.cells.end() || (a != row.cells.end() && a->col < b->col)) {
        both.cells.push_back(std::move(*a++));
      } else {
        if (a != row.cells.end() && a->col == b->col) ++a;
        both.cells.push_back(std::move(*b++));
      }
    }
    merged.push_back(std::move(both));
  }
  while (next_scanned != scanned.end()) merged.push_back(take_scanned_row(next_scanned->row));
  return merged;
}

void add_limitations(Workbook& workbook) {
  workbook.limitations.push_back({"xls-no-merges", "", "merged cell ranges are not read from .xls files"});
  workbook.limitations.push_back(
      {"xls-no-formats", "", "fonts, fills, borders, number formats, column widths and row heights are not read from .xls files"});
  workbook.limitations.push_back(
      {"xls-no-formulas", "", "formula text is not read from .xls files; formula cells hold their cached results"});
  workbook.limitations.push_back(
      {"xls-no-hidden", "", "hidden rows and columns are not read from .xls files (hidden sheets are)"});
}

std::string hex(unsigned value) {
  char buffer[16];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value, 16);
  return std::string(buffer, result.ptr);
}

void write_le(std::vector<std::byte>& bytes, std::uint64_t offset, std::uint32_t value, std::size_t count) {
  for (std::size_t i = 0; i < count; ++i) bytes[static_cast<std::size_t>(offset + i)] = static_cast<std::byte>((value >> (8 * i)) & 0xFF);
}

/// Writes an entry name (UTF-16LE, NUL-padded to 64 bytes) and its byte length.
void write_entry_name(std::vector<std::byte>& bytes, std::uint64_t entry_offset, std::u16string_view name) {
  for (std::size_t i = 0; i < 32; ++i) write_le(bytes, entry_offset + 2 * i, i < name.size() ? name[i] : 0, 2);
  write_le(bytes, entry_offset + 0x40, static_cast<std::uint32_t>((name.size() + 1) * 2), 2);
}

/// The copy of the file FreeXL reads. FreeXL looks for the root and the Workbook stream only among
/// the first directory sector's entries, by exact name ("WORKBOOK" or a stray "Book" stream
/// misleads it), and reads a stream of exactly the mini cutoff size from the wrong place. So the copy
/// has the root in slot 0 and the Workbook entry in slot 1 under their exact names, the cutoff one
/// less, and the scan's record patches applied.
std::vector<std::byte> copy_for_freexl(std::span<const std::byte> bytes, const ole2::CompoundFile& container,
                                       const ole2::DirectoryEntry& stream_entry, const ole2::StreamMap& stream_map,
                                       const biff::WorkbookScan& scan) {
  std::vector<std::byte> copy(bytes.begin(), bytes.end());
  for (const auto& patch : scan.freexl_patches)
    for (std::size_t i = 0; i < patch.bytes.size(); ++i)
      if (patch.offset + i < stream_entry.size) copy[static_cast<std::size_t>(stream_map.file_offset(patch.offset + i))] = patch.bytes[i];

  const auto index = static_cast<std::size_t>(&stream_entry - container.entries().data());
  const std::uint64_t from = container.directory_entry_offset(index);
  const std::uint64_t to = container.directory_entry_offset(1);
  std::array<std::byte, 128> entry{};
  std::copy_n(copy.begin() + static_cast<std::ptrdiff_t>(from), entry.size(), entry.begin());
  std::copy(entry.begin(), entry.end(), copy.begin() + static_cast<std::ptrdiff_t>(to));
  write_entry_name(copy, to, u"Workbook");
  write_entry_name(copy, container.directory_entry_offset(0), u"Root Entry");
  if (container.mini_cutoff() > 0) write_le(copy, ole2::CompoundFile::kMiniCutoffOffset, container.mini_cutoff() - 1, 4);
  return copy;
}

/// The stream entry of that name (any ASCII case), or null when there is none or it is a storage.
const ole2::DirectoryEntry* find_stream(const ole2::CompoundFile& container, std::string_view name) {
  const ole2::DirectoryEntry* entry = container.find(name);
  return entry != nullptr && entry->type == ole2::DirectoryEntry::Type::stream ? entry : nullptr;
}

/// Our scan of the file and the copy FreeXL may safely read.
struct Prepared {
  biff::WorkbookScan scan;
  std::vector<std::byte> freexl_bytes;
};

/// Everything FreeXL must not be trusted with, checked on our own scan of the file.
Prepared prepare_for_freexl(std::span<const std::byte> bytes, const ReadLimits& limits) {
  if (bytes.empty()) fail(ReadErrorCode::empty_file, "the file is empty");
  if (bytes.size() > limits.max_file_bytes)
    fail(ReadErrorCode::too_large, "the file is over " + std::to_string(limits.max_file_bytes) + " bytes");
  if (!ole2::has_signature(bytes)) {
    if (looks_like_bare_biff(bytes)) fail(ReadErrorCode::unsupported, "a BIFF2-4 worksheet file (Excel 2.x-4.x)");
    fail(ReadErrorCode::not_a_spreadsheet, "not an OLE2 compound file");
  }
  const ole2::CompoundFile container(bytes);
  if (container.find("EncryptedPackage") || container.find("EncryptionInfo"))
    fail(ReadErrorCode::encrypted, "an OLE2 file holding a password-protected Office Open XML package");
  // Excel 97 and later name the stream "Workbook", Excel 5.0/95 "Book"; but some BIFF8 writers use
  // "Book" or "BOOK" too (poi/46904.xls, calamine/capitalized_wbook_stream.xls), so the BOF
  // record's version decides below, not the name. "Workbook" wins when a file holds both.
  const ole2::DirectoryEntry* stream_entry = find_stream(container, "Workbook");
  if (stream_entry == nullptr) stream_entry = find_stream(container, "Book");
  if (stream_entry == nullptr) fail(ReadErrorCode::not_a_spreadsheet, "an OLE2 file without a Workbook or Book stream");
  const auto stream_map = container.map_stream(*stream_entry, limits.max_part_bytes);
  const auto stream = container.read_stream(*stream_entry, limits.max_part_bytes);
  // FreeXL reads a stream shorter than the cutoff from the mini stream, as our container did.
  const bool mini_stream = stream_entry->size < container.mini_cutoff();
  auto scan = biff::scan_workbook_stream(stream, limits.max_cells, mini_stream);

  if (scan.version == 0) fail(ReadErrorCode::truncated, "the " + stream_entry->name + " stream does not start with a BOF record");
  if (scan.version < biff::kBiff8)
    fail(ReadErrorCode::unsupported, "BIFF version 0x" + hex(scan.version) + " (Excel 95 or older)");
  if (scan.has_filepass) fail(ReadErrorCode::encrypted, "the workbook is password-protected (FILEPASS record)");
  if (scan.sst_overruns)
    fail(ReadErrorCode::truncated, "a shared string declares more bytes than the shared string table holds");
  if (scan.short_dimension) fail(ReadErrorCode::truncated, "a sheet's DIMENSION record is shorter than its fields");
  if (scan.record_overrun)
    fail(ReadErrorCode::truncated, "a record runs past the end of the Workbook stream or is longer than a record may be");
  if (scan.sheets.size() > limits.max_sheets)
    fail(ReadErrorCode::too_large, std::to_string(scan.sheets.size()) + " sheets, over the cap of " +
                                       std::to_string(limits.max_sheets));
  if (scan.freexl_grid_cells > limits.max_cells)
    fail(ReadErrorCode::too_large, "sheet dimensions total " + std::to_string(scan.freexl_grid_cells) +
                                       " cells, over the cap of " + std::to_string(limits.max_cells));
  if (scan.freexl_date_steps > kMaxFreexlDateSteps)
    fail(ReadErrorCode::too_large, "date cells hold serial numbers far beyond any real date");
  auto freexl_bytes = copy_for_freexl(bytes, container, *stream_entry, stream_map, scan);
  return {std::move(scan), std::move(freexl_bytes)};
}

/// One worksheet's cells as FreeXL holds them, walked over the grid FreeXL allocated.
Sheet read_freexl_sheet(const FreexlWorkbook& book, unsigned short index, bool date1904, const ReadLimits& limits,
                        Budget& budget) {
  const char* name = nullptr;
  int status = freexl_get_worksheet_name(book.get(), index, &name);
  if (status != FREEXL_OK) fail(code_for_freexl_error(status), freexl_detail("freexl_get_worksheet_name", status));
  status = freexl_select_active_worksheet(book.get(), index);
  if (status != FREEXL_OK) fail(code_for_freexl_error(status), freexl_detail("freexl_select_active_worksheet", status));
  unsigned rows = 0;
  unsigned short cols = 0;
  status = freexl_worksheet_dimensions(book.get(), &rows, &cols);
  if (status != FREEXL_OK) fail(code_for_freexl_error(status), freexl_detail("freexl_worksheet_dimensions", status));
  // The dimensions come from the file: bound the walk before making it.
  budget.add_grid(static_cast<std::uint64_t>(rows) * cols);
  rows = std::min(rows, kMaxRows);
  cols = static_cast<unsigned short>(std::min<unsigned>(cols, kMaxCols));

  Sheet sheet;
  sheet.name = name ? name : "";
  for (unsigned row = 0; row < rows; ++row) {
    SheetRow sheet_row;
    sheet_row.index = row;
    for (unsigned short col = 0; col < cols; ++col) {
      FreeXL_CellValue value{};
      if (freexl_get_cell_value(book.get(), row, col, &value) != FREEXL_OK || value.type == FREEXL_CELL_NULL) continue;
      auto cell = cell_from_freexl(value, date1904, limits);
      if (!cell) continue;
      cell->col = col;
      sheet_row.cells.push_back(std::move(*cell));
    }
    if (!sheet_row.cells.empty()) sheet.rows.push_back(std::move(sheet_row));
  }
  return sheet;
}

Workbook read_checked(std::span<const std::byte> bytes, const ReadLimits& limits) {
  Prepared prepared = prepare_for_freexl(bytes, limits);
  biff::WorkbookScan& scan = prepared.scan;

  // FreeXL reads the very bytes we checked, from memory, so a file changed meanwhile cannot slip by.
  const MemoryFile copy(prepared.freexl_bytes);
  const FreexlWorkbook book(copy.path());
  if (book.info(FREEXL_BIFF_PASSWORD) != FREEXL_BIFF_PLAIN)
    fail(ReadErrorCode::encrypted, "FreeXL reports the workbook as password-protected");
  if (book.info(FREEXL_BIFF_VERSION) != FREEXL_BIFF_VER_8) fail(ReadErrorCode::unsupported, "FreeXL reports a BIFF version other than 8");

  Workbook workbook;
  workbook.format = SourceFormat::xls;
  workbook.styles.emplace_back();
  workbook.date1904 = book.info(FREEXL_BIFF_DATEMODE) == FREEXL_BIFF_DATEMODE_1904;
  add_limitations(workbook);

  const unsigned sheet_count = std::min(book.info(FREEXL_BIFF_SHEET_COUNT), 0x10000u);
  // Every workbook lists at least one sheet (MS-XLS: the globals hold one BOUNDSHEET or more), so
  // none means the stream is damaged: poi/61300.xls breaks off in its XF records, where a record
  // claims 38,932 bytes of a 22,218-byte stream. (Checked once FreeXL has read the file, so that
  // the fuzz regressions of this kind still go through FreeXL.)
  if (sheet_count == 0 || scan.sheets.empty())
    fail(ReadErrorCode::truncated, "the workbook lists no sheet (no BOUNDSHEET record): the stream is damaged");
  // Our scan read the same BOUNDSHEET records; when the counts agree, sheet i is the same sheet.
  const bool scan_aligned = sheet_count == scan.sheets.size();
  Budget budget(limits);
  for (unsigned index = 0; index < sheet_count; ++index) {
    if (scan_aligned && scan.sheets[index].kind != 0) continue;  // charts, macro and VBA sheets
    Sheet sheet = read_freexl_sheet(book, static_cast<unsigned short>(index), workbook.date1904, limits, budget);
    if (scan_aligned) {
      sheet.hidden = scan.sheets[index].visibility != 0;
      auto& scanned = scan.cells[index];
      std::erase_if(scanned, [](const biff::ScannedCell& cell) { return cell.row >= kMaxRows || cell.col >= kMaxCols; });
      for (auto& cell : scanned) cut_to_chars(cell.cell.text, limits.max_string_length);
      sheet.rows = merge_scanned(std::move(sheet.rows), std::move(scanned));
    }
    // Counted once merged: a date cell comes from both FreeXL and the scan.
    for (const auto& row : sheet.rows)
      for (const auto& cell : row.cells) budget.add_cell(cell.text.size());
    workbook.sheets.push_back(std::move(sheet));
  }
  return workbook;
}

std::vector<std::byte> read_file_bytes(const std::filesystem::path& path, const ReadLimits& limits) {
  std::error_code error;
  const auto size = std::filesystem::file_size(path, error);
  if (error) fail(ReadErrorCode::io_error, "cannot open " + path.string() + ": " + error.message());
  if (size == 0) fail(ReadErrorCode::empty_file, "the file is empty");
  if (size > limits.max_file_bytes)
    fail(ReadErrorCode::too_large, "the file is over " + std::to_string(limits.max_file_bytes) + " bytes");
  std::ifstream in(path, std::ios::binary);
  if (!in) fail(ReadErrorCode::io_error, "cannot open " + path.string());
  std::vector<std::byte> bytes(static_cast<std::size_t>(size));
  in.read(reinterpret_cast<char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
  if (in.gcount() != static_cast<std::streamsize>(bytes.size())) fail(ReadErrorCode::io_error, "cannot read " + path.string());
  return bytes;
}

}  // namespace

Workbook read_xls(const std::filesystem::path& path, const ReadLimits& limits) {
  return read_checked(read_file_bytes(path, limits), limits);
}

Workbook read_xls_bytes(std::span<const std::byte> bytes, const ReadLimits& limits) { return read_checked(bytes, limits); }

bool looks_like_bare_biff(std::span<const std::byte> bytes) {
  if (bytes.size() < 4) return false;
  const unsigned type = std::to_integer<unsigned>(bytes[0]) | (std::to_integer<unsigned>(bytes[1]) << 8);
  const unsigned size = std::to_integer<unsigned>(bytes[2]) | (std::to_integer<unsigned>(bytes[3]) << 8);
  return (type == 0x0009 || type == 0x0209 || type == 0x0409 || type == 0x0809) && size >= 4 && size <= 20;
}

}  // namespace phuluc
