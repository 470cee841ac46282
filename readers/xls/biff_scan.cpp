#include "readers/xls/biff_scan.hpp"

#include <bit>
#include <cmath>
#include <optional>
#include <unordered_map>

#include "model/style.hpp"
#include "readers/xls/sst_walk.hpp"
#include "readers/xls/utf16.hpp"

namespace phuluc::biff {
namespace {

// Record types (MS-XLS 2.3).
enum RecordType : std::uint16_t {
  kFormula = 0x0006,
  kEof = 0x000A,
  kDateMode = 0x0022,
  kFilePass = 0x002F,
  kContinue = 0x003C,
  kBoundSheet = 0x0085,
  kMulRk = 0x00BD,
  kXf = 0x00E0,
  kSst = 0x00FC,
  kLabelSst = 0x00FD,
  kDimension = 0x0200,
  kNumber = 0x0203,
  kLabel = 0x0204,
  kBoolErr = 0x0205,
  kString = 0x0207,
  kArray = 0x0221,
  kTable = 0x0236,
  kRk = 0x027E,
  kFormulaBiff4 = 0x0406,  // BIFF4's FORMULA id; some writers put it in BIFF8 streams, same layout
  kFormat = 0x041E,
  kSharedFormula = 0x04BC,
  kBof = 0x0809,
};

// A record type no BIFF version defines: FreeXL skips it.
constexpr std::uint16_t kNeutralType = 0x0FFF;

// FreeXL stops reading at a record longer than its 8224-byte buffer; so do we.
constexpr std::size_t kMaxRecordSize = 8224;

std::uint16_t u16_at(std::span<const std::byte> data, std::size_t offset) {
  return static_cast<std::uint16_t>(std::to_integer<unsigned>(data[offset]) |
                                    (std::to_integer<unsigned>(data[offset + 1]) << 8));
}

std::uint32_t u32_at(std::span<const std::byte> data, std::size_t offset) {
  return static_cast<std::uint32_t>(u16_at(data, offset)) | (static_cast<std::uint32_t>(u16_at(data, offset + 2)) << 16);
}

double f64_at(std::span<const std::byte> data, std::size_t offset) {
  const std::uint64_t bits = static_cast<std::uint64_t>(u32_at(data, offset)) |
                             (static_cast<std::uint64_t>(u32_at(data, offset + 4)) << 32);
  return std::bit_cast<double>(bits);
}

/// An RK number: a 30-bit integer or the top 30 bits of a double, optionally divided by 100.
double decode_rk(std::uint32_t rk) {
  double value = 0.0;
  if (rk & 0x02) {
    value = static_cast<double>(static_cast<std::int32_t>(rk) >> 2);
  } else {
    value = std::bit_cast<double>(static_cast<std::uint64_t>(rk & 0xFFFFFFFCu) << 32);
  }
  return (rk & 0x01) ? value / 100.0 : value;
}

/// Text of an Excel error code in a BOOLERR or FORMULA record.
const char* error_text(std::uint8_t code) {
  switch (code) {
    case 0x00: return "#NULL!";
    case 0x07: return "#DIV/0!";
    case 0x0F: return "#VALUE!";
    case 0x17: return "#REF!";
    case 0x1D: return "#NAME?";
    case 0x24: return "#NUM!";
    case 0x2A: return "#N/A";
    default: return "#N/A";
  }
}

/// Characters of a BIFF8 string: `high_byte` says UTF-16LE, otherwise one byte per character.
std::string decode_chars(std::span<const std::byte> data, std::size_t count, bool high_byte) {
  const std::size_t width = high_byte ? 2 : 1;
  const std::size_t available = data.size() / width;
  const auto bytes = data.first(std::min(count, available) * width);
  return high_byte ? ole2::utf16le_to_utf8(bytes) : ole2::latin1_to_utf8(bytes);
}

/// FreeXL's own test for a date format: it only counts the letters y, m, d, h, s.
struct FreexlDateKind {
  bool date = false;      ///< date or date-time: FreeXL loops day by day
  bool time = false;
};

FreexlDateKind freexl_format_kind(const std::string& code) {
  int y = 0, m = 0, d = 0, h = 0, s = 0;
  for (const char c : code) {
    switch (c) {
      case 'Y': case 'y': ++y; break;
      case 'M': case 'm': ++m; break;
      case 'D': case 'd': ++d; break;
      case 'H': case 'h': ++h; break;
      case 'S': case 's': ++s; break;
      default: break;
    }
  }
  if (y && m && d && h) return {true, false};
  if ((y && m) || (m && d)) return {true, false};
  if ((h && m) || (m && s)) return {false, true};
  return {};
}

/// The loop FreeXL runs to turn a serial into a date: floor(value) - 1 steps, none when the
/// conversion to int would not hold the value.
std::uint64_t freexl_date_steps(double value) {
  if (!(value >= 2.0) || !(value < 2147483648.0)) return 0;
  return static_cast<std::uint64_t>(std::floor(value)) - 1;
}

class Scanner {
 public:
  Scanner(std::span<const std::byte> stream, std::uint64_t max_cells, bool mini_stream)
      : stream_(stream), max_cells_(max_cells), mini_stream_(mini_stream) {}

  WorkbookScan run() {
    std::size_t pos = 0;
    bool first = true;
    while (pos + 4 <= stream_.size()) {
      const std::uint16_t type = u16_at(stream_, pos);
      const std::uint16_t size = u16_at(stream_, pos + 2);
      // FreeXL's alternative end marker, but only where it reads ordinary sectors: in the mini
      // stream it reads on, and a DIMENSION after the marker crashed it (fuzz/fuzz_xls).
      if (type == 0 && size == 0 && !mini_stream_) break;
      if (size > kMaxRecordSize || pos + 4 + size > stream_.size()) {
        // In ordinary sectors FreeXL stops at an oversized record, but reads one that runs past the
        // stream from the last sector's slack (a DIMENSION there crashed it, fuzz/fuzz_xls); from
        // the mini stream it copies any record whole.
        if (mini_stream_ || size <= kMaxRecordSize) result_.record_overrun = true;
        break;
      }
      const auto data = stream_.subspan(pos + 4, size);
      if (first) {
        if (type != kBof || size < 4) break;  // not a BIFF5/8 workbook stream
        result_.version = u16_at(data, 0);
        in_substream_ = true;
        first = false;
      } else if (inside_nested_substream(type, pos)) {
        neutralize(pos);
      } else {
        on_record(type, data, pos);
      }
      pos += 4 + size;
    }
    flush_pending_string();
    finish_sst();
    finish_sheet();
    return std::move(result_);
  }

 private:
  // An embedded chart is a BOF…EOF substream inside a sheet's substream. FreeXL takes its BOF for
  // nothing, its DIMENSION for the sheet's, and its EOF for the sheet's end, then fails on the
  // sheet's next record; so FreeXL gets these records renamed to a type it skips.
  bool inside_nested_substream(std::uint16_t type, std::size_t offset) {
    if (nested_depth_ > 0) {
      if (type == kBof) ++nested_depth_;
      if (type == kEof) --nested_depth_;
      return true;
    }
    if (type == kBof && in_substream_ && !is_sheet_start(offset)) {
      nested_depth_ = 1;
      return true;
    }
    return false;
  }

  bool is_sheet_start(std::size_t offset) const {
    for (const auto& sheet : result_.sheets)
      if (sheet.stream_offset == offset) return true;
    return false;
  }

  void neutralize(std::size_t record_offset) {
    result_.freexl_patches.push_back({record_offset, {std::byte{kNeutralType & 0xFF}, std::byte{kNeutralType >> 8}}});
  }

  void on_record(std::uint16_t type, std::span<const std::byte> data, std::size_t offset) {
    // The shared string table is checked whole, once its CONTINUE records are in.
    if (!sst_records_.empty()) {
      if (type == kContinue) {
        sst_records_.push_back(data);
        return;
      }
      finish_sst();
    }
    if (pending_string_ && type != kContinue) {
      const bool waiting_for_string = pending_string_->remaining == 0 && !pending_string_->started;
      const bool may_come_between = type == kString || type == kSharedFormula || type == kArray || type == kTable;
      if (!(waiting_for_string && may_come_between)) flush_pending_string();
    }
    switch (type) {
      case kBof: start_sheet(offset); break;
      case kEof: finish_sheet(); in_substream_ = false; break;
      case kFilePass: result_.has_filepass = true; break;
      case kDateMode: if (data.size() >= 2) result_.date1904 = u16_at(data, 0) == 1; break;
      case kBoundSheet: on_bound_sheet(data); break;
      case kFormat: on_format(data, offset); break;
      case kXf: if (data.size() >= 4) xf_formats_.push_back(u16_at(data, 2)); break;
      case kSst:
        if (data.size() >= 8) sst_count_ = u32_at(data, 4);
        sst_records_.assign(1, data);
        break;
      case kDimension: on_dimension(data, offset); break;
      case kNumber:
        if (data.size() >= 14) on_number(u16_at(data, 0), u16_at(data, 2), u16_at(data, 4), f64_at(data, 6), offset);
        break;
      case kRk:
        if (data.size() >= 10) on_number(u16_at(data, 0), u16_at(data, 2), u16_at(data, 4), decode_rk(u32_at(data, 6)), offset);
        break;
      case kMulRk: on_mulrk(data); break;
      case kLabel: on_label(data, offset); break;
      case kLabelSst: on_label_sst(data, offset); break;
      case kBoolErr: on_boolerr(data); break;
      // poi/WrongFormulaRecordType.xls: xlrd and LibreOffice read a BIFF8 FORMULA record under
      // BIFF4's id as a FORMULA; FreeXL skips both, so the results come from here either way.
      case kFormula:
      case kFormulaBiff4: on_formula(data); break;
      case kString: on_string(data); break;
      case kContinue: on_continue(data); break;
      default: break;
    }
  }

  void finish_sst() {
    if (sst_records_.empty()) return;
    if (sst_overruns(sst_records_)) result_.sst_overruns = true;
    sst_records_.clear();
  }

  void start_sheet(std::size_t offset) {
    finish_sheet();
    in_substream_ = true;
    sheet_ = std::nullopt;
    for (std::size_t i = 0; i < result_.sheets.size(); ++i)
      if (result_.sheets[i].stream_offset == offset) sheet_ = i;
    dimension_offset_.reset();
    text_records_.clear();
    has_cells_ = false;
    max_row_ = 0;
    max_col_ = 0;
  }

  void finish_sheet() {
    if (!sheet_) return;
    const std::uint64_t rows = has_cells_ ? static_cast<std::uint64_t>(max_row_) + 1 : 0;
    const std::uint64_t cols = has_cells_ ? static_cast<std::uint64_t>(max_col_) + 1 : 0;
    if (dimension_offset_) {
      // FreeXL allocates rows × columns from DIMENSION and fails on any cell outside: give it the
      // cells' true extent, which is also the least memory.
      const std::size_t body = *dimension_offset_ + 4;
      result_.freexl_patches.push_back({body + 4, le_bytes(static_cast<std::uint32_t>(rows), 4)});
      result_.freexl_patches.push_back({body + 10, le_bytes(static_cast<std::uint32_t>(cols), 2)});
      result_.freexl_grid_cells += rows * cols;
    } else {
      // FreeXL sizes a sheet without DIMENSION from its largest row and column, plus one.
      result_.freexl_grid_cells += (static_cast<std::uint64_t>(max_row_) + 1) * (static_cast<std::uint64_t>(max_col_) + 1);
    }
    sheet_ = std::nullopt;
  }

  static std::vector<std::byte> le_bytes(std::uint32_t value, std::size_t count) {
    std::vector<std::byte> bytes(count);
    for (std::size_t i = 0; i < count; ++i) bytes[i] = static_cast<std::byte>((value >> (8 * i)) & 0xFF);
    return bytes;
  }

  void on_bound_sheet(std::span<const std::byte> data) {
    if (data.size() < 8) return;
    BoundSheet sheet;
    sheet.stream_offset = u32_at(data, 0);
    sheet.visibility = std::to_integer<std::uint8_t>(data[4]) & 0x03;
    sheet.kind = std::to_integer<std::uint8_t>(data[5]);
    const std::size_t length = std::to_integer<std::size_t>(data[6]);
    const bool high_byte = (std::to_integer<unsigned>(data[7]) & 0x01) != 0;
    sheet.name = decode_chars(data.subspan(8), length, high_byte);
    result_.sheets.push_back(std::move(sheet));
    result_.cells.emplace_back();
  }

  // FreeXL copies a string's declared length of characters without comparing it with the record:
  // a length past the record's end reads beyond its buffer (up to 128 KiB, a heap overflow found
  // by fuzz/fuzz_xls). `header` is where the string's flags byte sits in the record.
  static bool string_overruns(std::span<const std::byte> data, std::size_t header, std::size_t characters) {
    if (header >= data.size()) return true;
    const unsigned flags = std::to_integer<unsigned>(data[header]);
    std::size_t needed = header + 1;
    if (flags & 0x08) needed += 2;  // rich-text run count
    if (flags & 0x04) needed += 4;  // phonetic block size
    needed += characters * ((flags & 0x01) ? 2 : 1);
    return needed > data.size();
  }

  // A format FreeXL would overrun is renamed away, and not known to our date test either, so both
  // readers see the same formats.
  void on_format(std::span<const std::byte> data, std::size_t offset) {
    if (data.size() < 5 || string_overruns(data, 4, u16_at(data, 2))) {
      neutralize(offset);
      return;
    }
    const std::uint16_t id = u16_at(data, 0);
    const std::size_t length = u16_at(data, 2);
    const unsigned flags = std::to_integer<unsigned>(data[4]);
    std::size_t start = 5;
    if (flags & 0x08) start += 2;  // rich-text run count
    if (flags & 0x04) start += 4;  // phonetic block size
    if (start > data.size()) return;
    formats_.emplace(id, decode_chars(data.subspan(start), length, (flags & 0x01) != 0));
  }

  void on_dimension(std::span<const std::byte> data, std::size_t offset) {
    if (!sheet_) return;
    // FreeXL takes the rows at bytes 4-7 and the columns at bytes 10-11 whatever the record's
    // length, so a shorter record hands it the previous record's leftover bytes in its buffer.
    // When that size is refused (over 256 MiB of cells) FreeXL has already stored it and gives up
    // the file with the grid of an earlier DIMENSION, which it then walks with the new size,
    // freeing whatever it finds past the end (fuzz/fuzz_xls, SEGV in free). Such a file is refused.
    if (data.size() < 12) {
      result_.short_dimension = true;
      return;
    }
    // FreeXL reallocates the grid at every DIMENSION (leaking the last one): it gets the first only.
    if (dimension_offset_) {
      neutralize(offset);
      return;
    }
    dimension_offset_ = offset;
  }

  // The cells FreeXL places (NUMBER, RK, MULRK, BOOLERR, LABEL, LABELSST) set the sheet's extent.
  // FreeXL also leaks the text of a cell that a later record overwrites (a LABEL, or a number it
  // turned into date text): the earlier record is renamed away, the later one wins either way.
  // `text_record` is the offset of a one-cell record for which FreeXL allocates text.
  void place(std::uint32_t row, std::uint32_t col, std::optional<std::size_t> text_record = std::nullopt) {
    if (!sheet_) return;
    has_cells_ = true;
    max_row_ = std::max(max_row_, row);
    max_col_ = std::max(max_col_, col);
    const std::uint64_t key = (static_cast<std::uint64_t>(row) << 16) | col;
    if (const auto it = text_records_.find(key); it != text_records_.end()) {
      neutralize(it->second);
      text_records_.erase(it);
    }
    if (text_record) text_records_.emplace(key, *text_record);
  }

  // FreeXL gives up on the whole file for an empty LABEL string, and overruns a string longer than
  // its record.
  void on_label(std::span<const std::byte> data, std::size_t offset) {
    if (!sheet_ || data.size() < 8) return;
    if (u16_at(data, 6) == 0 || string_overruns(data, 8, u16_at(data, 6))) {
      neutralize(offset);
      return;
    }
    place(u16_at(data, 0), u16_at(data, 2), offset);
  }

  // ...and for a shared-string index past the end of the table.
  void on_label_sst(std::span<const std::byte> data, std::size_t offset) {
    if (!sheet_ || data.size() < 10) return;
    if (u32_at(data, 6) >= sst_count_) {
      neutralize(offset);
      return;
    }
    place(u16_at(data, 0), u16_at(data, 2));
  }

  void on_number(std::uint32_t row, std::uint32_t col, std::uint16_t xf, double value, std::size_t offset) {
    if (!sheet_) return;
    const bool becomes_text = (xf_kind(xf) & (kFreexlDate | kFreexlTime)) != 0;
    place(row, col, becomes_text ? std::optional<std::size_t>(offset) : std::nullopt);
    on_freexl_date_cell(row, col, xf, value);
  }

  // FreeXL turns a number with a date or time format into text, dropping the time of day for a
  // "date", the day for a "time", and anything below a second; it also loops day by day. We keep
  // the number itself, which wins over FreeXL's text.
  void on_freexl_date_cell(std::uint32_t row, std::uint32_t col, std::uint16_t xf, double value) {
    const std::uint8_t kind = xf_kind(xf);
    if (kind & kFreexlDate) result_.freexl_date_steps += freexl_date_steps(value);
    if (!(kind & (kFreexlDate | kFreexlTime))) return;
    Cell cell;
    if (std::isfinite(value)) {
      cell.kind = CellKind::number;
      cell.number = value;
      cell.is_date = (kind & kOursDate) != 0;
    } else {
      cell.kind = CellKind::error;
      cell.text = "#NUM!";
    }
    keep(row, col, std::move(cell));
  }

  void on_mulrk(std::span<const std::byte> data) {
    if (!sheet_ || data.size() < 6) return;
    const std::uint32_t row = u16_at(data, 0);
    std::uint32_t col = u16_at(data, 2);
    // FreeXL's loop: an entry is read while 6 more bytes and the closing column fit.
    for (std::size_t offset = 4; offset + 6 < data.size(); offset += 6, ++col) {
      place(row, col);
      on_freexl_date_cell(row, col, u16_at(data, offset), decode_rk(u32_at(data, offset + 2)));
    }
  }

  void on_boolerr(std::span<const std::byte> data) {
    if (!sheet_ || data.size() < 8) return;
    place(u16_at(data, 0), u16_at(data, 2));
    Cell cell;
    const std::uint8_t value = std::to_integer<std::uint8_t>(data[6]);
    if (std::to_integer<unsigned>(data[7]) != 0) {
      cell.kind = CellKind::error;
      cell.text = error_text(value);
    } else {
      cell.kind = CellKind::boolean;
      cell.number = value != 0 ? 1.0 : 0.0;
    }
    keep(u16_at(data, 0), u16_at(data, 2), std::move(cell));
  }

  void on_formula(std::span<const std::byte> data) {
    if (!sheet_ || data.size() < 20) return;
    const std::uint32_t row = u16_at(data, 0);
    const std::uint32_t col = u16_at(data, 2);
    const std::uint16_t xf = u16_at(data, 4);
    Cell cell;
    cell.has_formula = true;
    if (u16_at(data, 12) == 0xFFFF) {
      const std::uint8_t kind = std::to_integer<std::uint8_t>(data[6]);
      const std::uint8_t value = std::to_integer<std::uint8_t>(data[8]);
      if (kind == 0) {  // the text follows in a STRING record
        pending_string_ = PendingString{row, col, 0, false, {}};
        return;
      }
      if (kind == 1) {
        cell.kind = CellKind::boolean;
        cell.number = value != 0 ? 1.0 : 0.0;
      } else if (kind == 2) {
        cell.kind = CellKind::error;
        cell.text = error_text(value);
      } else {
        return;  // an empty string result: nothing to keep
      }
    } else {
      const double number = f64_at(data, 6);
      if (!std::isfinite(number)) {
        cell.kind = CellKind::error;
        cell.text = "#NUM!";
      } else {
        cell.kind = CellKind::number;
        cell.number = number;
        cell.is_date = xf_is_date(xf);
      }
    }
    keep(row, col, std::move(cell));
  }

  void on_string(std::span<const std::byte> data) {
    if (!pending_string_ || data.size() < 3) return;
    pending_string_->started = true;
    pending_string_->remaining = u16_at(data, 0);
    append_string_chars(data.subspan(2));
  }

  void on_continue(std::span<const std::byte> data) {
    if (pending_string_ && pending_string_->remaining > 0 && !data.empty()) append_string_chars(data);
  }

  // A run of characters led by its option byte (bit 0: two bytes per character).
  void append_string_chars(std::span<const std::byte> data) {
    auto& pending = *pending_string_;
    if (data.empty()) return;
    const bool high_byte = (std::to_integer<unsigned>(data[0]) & 0x01) != 0;
    const auto chars = data.subspan(1);
    const std::size_t width = high_byte ? 2 : 1;
    const std::size_t here = std::min<std::size_t>(pending.remaining, chars.size() / width);
    pending.text += decode_chars(chars, here, high_byte);
    pending.remaining -= static_cast<std::uint32_t>(here);
    if (pending.remaining == 0) flush_pending_string();
  }

  // Keeps the formula's text result, even a partial one whose CONTINUE never came.
  void flush_pending_string() {
    if (!pending_string_) return;
    PendingString pending = std::move(*pending_string_);
    pending_string_.reset();
    if (pending.text.empty()) return;
    Cell cell;
    cell.has_formula = true;
    cell.kind = CellKind::text;
    cell.text = std::move(pending.text);
    keep(pending.row, pending.col, std::move(cell));
  }

  void keep(std::uint32_t row, std::uint32_t col, Cell cell) {
    if (!sheet_ || result_.scanned_cell_count >= max_cells_) return;
    cell.col = col;
    result_.scanned_text_bytes += cell.text.size();
    ++result_.scanned_cell_count;
    result_.cells[*sheet_].push_back({row, col, std::move(cell)});
  }

  const std::string* custom_format(std::uint16_t id) const {
    const auto it = formats_.find(id);
    return it == formats_.end() ? nullptr : &it->second;
  }

  static constexpr std::uint8_t kOursDate = 0x01;
  static constexpr std::uint8_t kFreexlDate = 0x02;
  static constexpr std::uint8_t kFreexlTime = 0x04;
  static constexpr std::uint8_t kComputed = 0x80;

  std::uint8_t xf_kind(std::uint16_t xf) const {
    if (xf >= xf_formats_.size()) return 0;
    if (xf_kind_cache_.size() != xf_formats_.size()) xf_kind_cache_.assign(xf_formats_.size(), 0);
    std::uint8_t& kind = xf_kind_cache_[xf];
    if (!(kind & kComputed)) kind = kComputed | compute_xf_kind(xf_formats_[xf]);
    return kind;
  }

  std::uint8_t compute_xf_kind(std::uint16_t id) const {
    std::uint8_t kind = 0;
    const std::string* code = custom_format(id);
    // Ours, for the cells FreeXL does not give us.
    if (is_date_format(code ? *code : builtin_number_format(id))) kind |= kOursDate;
    // FreeXL's, to know when it will run its day-by-day date loop.
    if ((id >= 14 && id <= 17) || id == 22 || (code && freexl_format_kind(*code).date)) kind |= kFreexlDate;
    if ((id >= 18 && id <= 21) || (id >= 45 && id <= 47) || (code && freexl_format_kind(*code).time)) kind |= kFreexlTime;
    return kind;
  }

  bool xf_is_date(std::uint16_t xf) const { return xf_kind(xf) & kOursDate; }
  bool freexl_treats_as_date(std::uint16_t xf) const { return xf_kind(xf) & kFreexlDate; }

  /// A formula whose text result is still to come in STRING (and CONTINUE) records.
  struct PendingString {
    std::uint32_t row;
    std::uint32_t col;
    std::uint32_t remaining;  ///< characters still expected
    bool started;             ///< the STRING record has come
    std::string text;
  };

  std::span<const std::byte> stream_;
  std::uint64_t max_cells_;
  bool mini_stream_;                       ///< FreeXL reads the stream from the mini stream
  WorkbookScan result_;
  std::vector<std::uint16_t> xf_formats_;  ///< XF index → number format id
  std::unordered_map<std::uint16_t, std::string> formats_;  ///< custom format id → code (first one wins)
  // Per XF, computed once: bit 0 our date test, bit 1 FreeXL's date test, bit 7 computed.
  mutable std::vector<std::uint8_t> xf_kind_cache_;
  std::optional<std::size_t> sheet_;       ///< BOUNDSHEET index of the current substream
  bool in_substream_ = false;              ///< between a top-level BOF and its EOF
  int nested_depth_ = 0;                   ///< BOFs open inside the current substream
  std::optional<std::size_t> dimension_offset_;  ///< the current sheet's DIMENSION record
  bool has_cells_ = false;
  std::unordered_map<std::uint64_t, std::size_t> text_records_;  ///< (row << 16 | col) → a record FreeXL makes text of
  std::uint32_t sst_count_ = 0;            ///< strings the SST record declares
  std::vector<std::span<const std::byte>> sst_records_;  ///< the SST body and its CONTINUEs, while they come
  std::uint32_t max_row_ = 0;
  std::uint32_t max_col_ = 0;
  std::optional<PendingString> pending_string_;
};

}  // namespace

WorkbookScan scan_workbook_stream(std::span<const std::byte> stream, std::uint64_t max_cells, bool freexl_mini_stream) {
  return Scanner(stream, max_cells, freexl_mini_stream).run();
}

}  // namespace phuluc::biff
