#include "readers/csv/csv_reader.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <vector>

#include "readers/csv/csv_dialect.hpp"
#include "readers/read_error.hpp"

namespace phuluc {
namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";
constexpr std::size_t kSampleRecords = 20;

[[noreturn]] void fail(ReadErrorCode code, const std::string& detail) { throw ReadError(code, "csv: " + detail); }

/// Byte offset of the first byte that breaks strict UTF-8 (overlong forms, surrogates, past
/// U+10FFFF) or is a NUL; npos when the text is clean.
std::size_t first_invalid_utf8(std::string_view text) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  for (std::size_t i = 0; i < n;) {
    const unsigned char lead = p[i];
    if (lead == 0) return i;
    if (lead < 0x80) {
      ++i;
      continue;
    }
    std::size_t length = 0;
    unsigned char low = 0x80, high = 0xBF;  // the allowed range of the second byte
    if (lead >= 0xC2 && lead <= 0xDF) {
      length = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
      length = 3;
      if (lead == 0xE0) low = 0xA0;
      if (lead == 0xED) high = 0x9F;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
      length = 4;
      if (lead == 0xF0) low = 0x90;
      if (lead == 0xF4) high = 0x8F;
    } else {
      return i;
    }
    if (i + length > n || p[i + 1] < low || p[i + 1] > high) return i;
    for (std::size_t k = 2; k < length; ++k)
      if (p[i + k] < 0x80 || p[i + k] > 0xBF) return i;
    i += length;
  }
  return std::string_view::npos;
}

/// RFC 4180 records, one at a time. Lenient where exports are: a quote inside an unquoted field is
/// kept as text, text after a closing quote is appended, CR, LF and CRLF all end a record.
class RecordReader {
 public:
  RecordReader(std::string_view text, char delimiter) : text_(text), delimiter_(delimiter) {}

  /// Fills `fields` with the next record; false at the end of the text. Past kMaxCols fields the
  /// rest of the record is skipped and overflowed() turns true (a hostile ",,,,,," line must not
  /// become millions of strings).
  bool next(std::vector<std::string>& fields) {
    fields.clear();
    overflowed_ = false;
    if (pos_ >= text_.size()) return false;
    std::string field;
    bool quoted = false;       // inside a quoted section
    bool at_field_start = true;
    while (pos_ < text_.size()) {
      const char c = text_[pos_++];
      if (quoted) {
        if (c != '"') {
          field.push_back(c);
        } else if (pos_ < text_.size() && text_[pos_] == '"') {
          field.push_back('"');  // "" is one quote
          ++pos_;
        } else {
          quoted = false;
        }
        continue;
      }
      if (c == '"' && at_field_start) {
        quoted = true;
        at_field_start = false;
      } else if (c == delimiter_) {
        keep_field(fields, field);
        at_field_start = true;
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && pos_ < text_.size() && text_[pos_] == '\n') ++pos_;
        keep_field(fields, field);
        return true;
      } else {
        field.push_back(c);
        at_field_start = false;
      }
    }
    keep_field(fields, field);  // the last record, without a final newline
    return true;
  }

  bool overflowed() const { return overflowed_; }

 private:
  void keep_field(std::vector<std::string>& fields, std::string& field) {
    if (fields.size() < kMaxCols) fields.push_back(std::move(field));
    else overflowed_ = true;
    field.clear();
  }

  bool overflowed_ = false;
  std::string_view text_;
  char delimiter_;
  std::size_t pos_ = 0;
};

/// How consistently a delimiter splits the sample: records sharing the most common field count,
/// and that count. A count of 1 means the delimiter does not split at all.
struct SplitScore {
  std::size_t consistent_records = 0;
  std::size_t fields = 0;
};

SplitScore score_delimiter(std::string_view text, char delimiter) {
  RecordReader reader(text, delimiter);
  std::vector<std::string> fields;
  std::map<std::size_t, std::size_t> records_by_count;
  for (std::size_t i = 0; i < kSampleRecords && reader.next(fields); ++i)
    if (!(fields.size() == 1 && fields[0].empty())) ++records_by_count[fields.size()];  // blank lines say nothing
  SplitScore best;
  for (const auto& [count, records] : records_by_count)
    if (records > best.consistent_records || (records == best.consistent_records && count > best.fields))
      best = {records, count};
  return best;
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

}  // namespace

char detect_csv_delimiter(std::string_view text) {
  if (text.starts_with(kUtf8Bom)) text.remove_prefix(kUtf8Bom.size());
  constexpr std::array<char, 3> kCandidates = {',', ';', '\t'};
  char chosen = ',';
  SplitScore best;
  for (const char candidate : kCandidates) {
    const SplitScore score = score_delimiter(text, candidate);
    if (score.fields < 2) continue;
    if (score.consistent_records > best.consistent_records ||
        (score.consistent_records == best.consistent_records && score.fields > best.fields)) {
      best = score;
      chosen = candidate;
    }
  }
  return chosen;
}

Workbook read_csv(std::string_view text, const std::string& sheet_name, const ReadLimits& limits) {
  if (text.size() > limits.max_file_bytes)
    fail(ReadErrorCode::too_large, "the text is over " + std::to_string(limits.max_file_bytes) + " bytes");
  if (const std::size_t bad = first_invalid_utf8(text); bad != std::string_view::npos)
    fail(ReadErrorCode::not_a_spreadsheet,
         (text[bad] == '\0' ? "a NUL byte" : "text that is not UTF-8") + std::string(" at byte ") + std::to_string(bad));
  if (text.starts_with(kUtf8Bom)) text.remove_prefix(kUtf8Bom.size());

  Workbook workbook;
  workbook.format = SourceFormat::csv;
  workbook.styles.emplace_back();
  Sheet sheet;
  sheet.name = sheet_name;

  RecordReader reader(text, detect_csv_delimiter(text));
  std::vector<std::string> fields;
  std::uint64_t cells = 0;
  std::uint64_t text_bytes = 0;
  for (std::uint32_t row_index = 0; reader.next(fields); ++row_index) {
    if (row_index >= kMaxRows) fail(ReadErrorCode::too_large, "more than " + std::to_string(kMaxRows) + " rows");
    if (reader.overflowed()) fail(ReadErrorCode::too_large, "a row with more than " + std::to_string(kMaxCols) + " fields");
    SheetRow row;
    row.index = row_index;
    for (std::size_t col = 0; col < fields.size(); ++col) {
      if (fields[col].empty()) continue;
      if (++cells > limits.max_cells) fail(ReadErrorCode::too_large, "more than " + std::to_string(limits.max_cells) + " cells");
      Cell cell;
      cell.col = static_cast<std::uint32_t>(col);
      cell.kind = CellKind::text;
      cell.text = std::move(fields[col]);
      cut_to_chars(cell.text, limits.max_string_length);
      text_bytes += cell.text.size();
      if (text_bytes > limits.max_string_bytes)
        fail(ReadErrorCode::too_large, "more than " + std::to_string(limits.max_string_bytes) + " bytes of text");
      row.cells.push_back(std::move(cell));
    }
    if (!row.cells.empty()) sheet.rows.push_back(std::move(row));
  }
  workbook.sheets.push_back(std::move(sheet));
  return workbook;
}

}  // namespace phuluc
