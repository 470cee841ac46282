#include "consolidation/sheet_splice.hpp"

#include <unistd.h>
#include <zip.h>

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <ctime>
#include <stdexcept>

namespace phuluc {
namespace {

constexpr std::size_t kFlushBytes = 1 << 16;

void append_escaped(std::string& out, std::string_view text) {
  for (const char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default:
        // Control characters other than tab and line breaks are not allowed in XML 1.0.
        if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r') break;
        out += c;
    }
  }
}

void append_number(std::string& out, double value) {
  char digits[32];
  const auto result = std::to_chars(digits, digits + sizeof digits, value);
  out.append(digits, result.ptr);
}

void append_unsigned(std::string& out, std::uint64_t value) {
  char digits[24];
  const auto result = std::to_chars(digits, digits + sizeof digits, value);
  out.append(digits, result.ptr);
}

std::string xml_escaped(std::string_view text) {
  std::string out;
  append_escaped(out, text);
  return out;
}

// libzip archive, discarded unless closed.
class Archive {
 public:
  explicit Archive(const std::filesystem::path& path) {
    int error = 0;
    zip_ = zip_open(path.c_str(), 0, &error);
    if (zip_ == nullptr) throw std::runtime_error("cannot open " + path.string() + " as a zip (libzip error " + std::to_string(error) + ")");
  }
  ~Archive() {
    if (zip_ != nullptr) zip_discard(zip_);
  }
  Archive(const Archive&) = delete;
  Archive& operator=(const Archive&) = delete;
  zip_t* get() const { return zip_; }

  std::string read(const std::string& name) const {
    const zip_int64_t index = zip_name_locate(zip_, name.c_str(), 0);
    if (index < 0) throw std::runtime_error("no part " + name + " in the written workbook");
    zip_file_t* file = zip_fopen_index(zip_, static_cast<zip_uint64_t>(index), 0);
    if (file == nullptr) throw std::runtime_error("cannot read part " + name);
    std::string text;
    char buffer[1 << 14];
    zip_int64_t got = 0;
    while ((got = zip_fread(file, buffer, sizeof buffer)) > 0) text.append(buffer, static_cast<std::size_t>(got));
    zip_fclose(file);
    if (got < 0) throw std::runtime_error("cannot read part " + name);
    return text;
  }

  void close() {
    zip_t* zip = zip_;
    zip_ = nullptr;
    if (zip_close(zip) != 0) {
      const std::string message = zip_strerror(zip);
      zip_discard(zip);
      throw std::runtime_error("cannot rewrite the workbook: " + message);
    }
  }

 private:
  zip_t* zip_ = nullptr;
};

// The value of attribute `name` in the element text `element` (no entity decoding), or "".
std::string attribute(std::string_view element, std::string_view name) {
  std::string pattern;
  pattern.reserve(name.size() + 3);
  pattern.append(" ").append(name).append("=\"");
  const auto at = element.find(pattern);
  if (at == std::string_view::npos) return {};
  const auto start = at + pattern.size();
  const auto end = element.find('"', start);
  return end == std::string_view::npos ? std::string() : std::string(element.substr(start, end - start));
}

// The sheet part of the sheet named `name`: workbook.xml names it, its relationships file points to it.
std::string sheet_part(const Archive& archive, const std::string& name) {
  const std::string workbook = archive.read("xl/workbook.xml");
  const std::string wanted = "name=\"" + xml_escaped(name) + "\"";
  const auto at = workbook.find(wanted);
  if (at == std::string::npos) throw std::runtime_error("no sheet '" + name + "' in the written workbook");
  const auto start = workbook.rfind('<', at);
  const auto end = workbook.find('>', at);
  const std::string id = attribute(std::string_view(workbook).substr(start, end - start), "r:id");
  const std::string relationships = archive.read("xl/_rels/workbook.xml.rels");
  const auto rel = relationships.find("Id=\"" + id + "\"");
  if (id.empty() || rel == std::string::npos) throw std::runtime_error("no relationship for sheet '" + name + "'");
  const auto rel_start = relationships.rfind('<', rel);
  const auto rel_end = relationships.find('>', rel);
  std::string target = attribute(std::string_view(relationships).substr(rel_start, rel_end - rel_start), "Target");
  if (target.rfind("/xl/", 0) == 0) return target.substr(1);
  return "xl/" + target;
}

std::uint32_t row_number(std::string_view row_element) {
  const std::string text = attribute(row_element, "r");
  std::uint32_t value = 0;
  std::from_chars(text.data(), text.data() + text.size(), value);
  return value;
}

// The cells' styles of one <row>...</row>, by 0-based column.
std::vector<std::uint32_t> cell_styles(std::string_view row) {
  std::vector<std::uint32_t> styles;
  std::size_t at = 0;
  while ((at = row.find("<c ", at)) != std::string_view::npos) {
    const auto end = row.find('>', at);
    const std::string_view element = row.substr(at, end - at);
    at = end;
    const std::string ref = attribute(element, "r");
    std::size_t letters = 0;
    while (letters < ref.size() && ref[letters] >= 'A' && ref[letters] <= 'Z') ++letters;
    const auto col = parse_column_letters(std::string_view(ref).substr(0, letters));
    if (!col) continue;
    const std::string style = attribute(element, "s");
    std::uint32_t value = 0;
    std::from_chars(style.data(), style.data() + style.size(), value);
    if (styles.size() <= *col) styles.resize(*col + 1, 0);
    styles[*col] = value;
  }
  return styles;
}

// A temporary file beside the workbook, removed when done.
class TempFile {
 public:
  explicit TempFile(const std::filesystem::path& beside) {
    std::string pattern = (beside.parent_path().empty() ? std::filesystem::path(".") : beside.parent_path()).string() +
                          "/.phuluc-sheet-XXXXXX";
    const int fd = mkstemp(pattern.data());
    if (fd < 0) throw std::runtime_error("cannot create a temporary file beside " + beside.string());
    path_ = pattern;
    file_ = fdopen(fd, "wb");
    if (file_ == nullptr) {
      ::close(fd);
      std::filesystem::remove(path_);
      throw std::runtime_error("cannot open a temporary file beside " + beside.string());
    }
  }
  ~TempFile() {
    if (file_ != nullptr) std::fclose(file_);
    std::error_code ignored;
    std::filesystem::remove(path_, ignored);
  }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  std::FILE* get() const { return file_; }
  const std::filesystem::path& path() const { return path_; }
  void close() {
    std::FILE* file = file_;
    file_ = nullptr;
    if (std::fclose(file) != 0) throw std::runtime_error("cannot write the temporary file " + path_.string());
  }

 private:
  std::filesystem::path path_;
  std::FILE* file_ = nullptr;
};

// The head with the new dimension, and outline summaries above their details.
std::string adjust_head(std::string head, CellRef last) {
  const std::string dimension = "<dimension ref=\"A1:" + to_a1(last) + "\"/>";
  if (const auto at = head.find("<dimension "); at != std::string::npos) {
    head.replace(at, head.find("/>", at) + 2 - at, dimension);
  }
  const std::string outline = "<outlinePr summaryBelow=\"0\"/>";
  if (const auto at = head.find("<sheetPr>"); at != std::string::npos) {
    head.insert(at + 9, outline);
  } else if (const auto empty = head.find("<sheetPr/>"); empty != std::string::npos) {
    head.replace(empty, 10, "<sheetPr>" + outline + "</sheetPr>");
  } else if (const auto open = head.find("<sheetPr "); open != std::string::npos) {
    const auto close = head.find('>', open);
    if (head[close - 1] == '/') head.replace(close - 1, 2, ">" + outline + "</sheetPr>");
    else head.insert(close + 1, outline);
  } else if (const auto root = head.find("<worksheet "); root != std::string::npos) {
    head.insert(head.find('>', root) + 1, "<sheetPr>" + outline + "</sheetPr>");
  }
  if (const auto format = head.find("<sheetFormatPr "); format != std::string::npos) {
    const auto end = head.find("/>", format);
    if (head.substr(format, end - format).find("outlineLevelRow") == std::string::npos)
      head.insert(end, " outlineLevelRow=\"1\"");
  }
  return head;
}

}  // namespace

// ---- SheetXmlWriter

SheetXmlWriter::~SheetXmlWriter() {
  if (!buffer_.empty()) std::fwrite(buffer_.data(), 1, buffer_.size(), out_);
}

void SheetXmlWriter::flush() {
  if (buffer_.empty()) return;
  if (std::fwrite(buffer_.data(), 1, buffer_.size(), out_) != buffer_.size())
    throw std::runtime_error("cannot write the sheet (disk full?)");
  buffer_.clear();
}

void SheetXmlWriter::begin_row(std::uint32_t row, std::uint8_t outline_level, std::uint32_t style) {
  row_ = row;
  buffer_ += "<row r=\"";
  append_unsigned(buffer_, std::uint64_t{row} + 1);
  buffer_ += '"';
  if (style != 0) {
    buffer_ += " s=\"";
    append_unsigned(buffer_, style);
    buffer_ += "\" customFormat=\"1\"";
  }
  if (outline_level > 0) {
    buffer_ += " outlineLevel=\"";
    append_unsigned(buffer_, outline_level);
    buffer_ += '"';
  }
  buffer_ += '>';
}

void SheetXmlWriter::end_row() {
  buffer_ += "</row>";
  if (buffer_.size() >= kFlushBytes) flush();
}

void SheetXmlWriter::cell_start(std::uint32_t col, std::uint32_t style, const char* type) {
  buffer_ += "<c r=\"";
  buffer_ += column_letters(col);
  append_unsigned(buffer_, std::uint64_t{row_} + 1);
  buffer_ += '"';
  if (style != 0) {
    buffer_ += " s=\"";
    append_unsigned(buffer_, style);
    buffer_ += '"';
  }
  if (type != nullptr) {
    buffer_ += " t=\"";
    buffer_ += type;
    buffer_ += '"';
  }
}

void SheetXmlWriter::blank(std::uint32_t col, std::uint32_t style) {
  cell_start(col, style, nullptr);
  buffer_ += "/>";
}

void SheetXmlWriter::number(std::uint32_t col, double value, std::uint32_t style) {
  if (!std::isfinite(value)) return blank(col, style);
  cell_start(col, style, nullptr);
  buffer_ += "><v>";
  append_number(buffer_, value);
  buffer_ += "</v></c>";
}

void SheetXmlWriter::text(std::uint32_t col, std::string_view value, std::uint32_t style) {
  cell_start(col, style, "inlineStr");
  const bool keep_spaces = !value.empty() && (value.front() == ' ' || value.back() == ' ');
  buffer_ += keep_spaces ? "><is><t xml:space=\"preserve\">" : "><is><t>";
  append_escaped(buffer_, value);
  buffer_ += "</t></is></c>";
}

void SheetXmlWriter::formula(std::uint32_t col, std::string_view formula, double cached, std::uint32_t style) {
  cell_start(col, style, nullptr);
  buffer_ += "><f>";
  append_escaped(buffer_, formula);
  buffer_ += "</f><v>";
  append_number(buffer_, std::isfinite(cached) ? cached : 0.0);
  buffer_ += "</v></c>";
}

void SheetXmlWriter::formula_text(std::uint32_t col, std::string_view formula, std::string_view cached,
                                  std::uint32_t style) {
  cell_start(col, style, "str");
  buffer_ += "><f>";
  append_escaped(buffer_, formula);
  buffer_ += "</f><v>";
  append_escaped(buffer_, cached);
  buffer_ += "</v></c>";
}

// ---- SheetSplice

SheetSplice::SheetSplice(std::filesystem::path xlsx, const std::string& sheet_name, std::uint32_t sample_first)
    : xlsx_(std::move(xlsx)) {
  const Archive archive(xlsx_);
  part_ = sheet_part(archive, sheet_name);
  const std::string sheet = archive.read(part_);
  const auto data = sheet.find("<sheetData");
  if (data == std::string::npos) throw std::runtime_error("no sheetData in " + part_);
  const auto data_open_end = sheet.find('>', data);
  if (sheet[data_open_end - 1] == '/') {  // <sheetData/>: no rows at all
    head_ = sheet.substr(0, data) + "<sheetData>";
    tail_ = "</sheetData>" + sheet.substr(data_open_end + 1);
    return;
  }
  const auto data_end = sheet.find("</sheetData>", data_open_end);
  if (data_end == std::string::npos) throw std::runtime_error("unterminated sheetData in " + part_);
  std::size_t split = data_end;
  std::size_t at = data_open_end + 1;
  while (at < data_end) {
    const auto row_start = sheet.find("<row ", at);
    if (row_start == std::string::npos || row_start >= data_end) break;
    const auto open_end = sheet.find('>', row_start);
    const bool empty_row = sheet[open_end - 1] == '/';
    const auto row_end = empty_row ? open_end + 1 : sheet.find("</row>", open_end) + 6;
    const std::uint32_t number = row_number(std::string_view(sheet).substr(row_start, open_end - row_start));
    if (number >= sample_first + 1) {
      if (split == data_end) split = row_start;
      const std::size_t sample = number - (sample_first + 1);
      if (sample_styles_.size() <= sample) sample_styles_.resize(sample + 1);
      sample_styles_[sample] = cell_styles(std::string_view(sheet).substr(row_start, row_end - row_start));
    }
    at = row_end;
  }
  head_ = sheet.substr(0, split);
  tail_ = sheet.substr(data_end);
}

std::uint32_t SheetSplice::sample_style(std::size_t sample, std::uint32_t col) const {
  if (sample >= sample_styles_.size() || col >= sample_styles_[sample].size()) return 0;
  return sample_styles_[sample][col];
}

void SheetSplice::replace(const std::function<void(SheetXmlWriter&)>& write_rows, CellRef last) {
  TempFile temp(xlsx_);
  {
    const std::string head = adjust_head(head_, last);
    if (std::fwrite(head.data(), 1, head.size(), temp.get()) != head.size())
      throw std::runtime_error("cannot write the temporary file " + temp.path().string());
    SheetXmlWriter xml(temp.get());
    write_rows(xml);
    xml.flush();
    if (std::fwrite(tail_.data(), 1, tail_.size(), temp.get()) != tail_.size())
      throw std::runtime_error("cannot write the temporary file " + temp.path().string());
  }
  temp.close();

  Archive archive(xlsx_);
  const zip_int64_t index = zip_name_locate(archive.get(), part_.c_str(), 0);
  if (index < 0) throw std::runtime_error("no part " + part_ + " in the written workbook");
  zip_source_t* source = zip_source_file(archive.get(), temp.path().c_str(), 0, -1);
  if (source == nullptr) throw std::runtime_error("cannot read back " + temp.path().string());
  // Deleted and added again rather than replaced: libzip 1.7 ignores the compression level of a
  // replaced entry, and the fastest level matters here (level 9 takes 15 times as long).
  zip_delete(archive.get(), static_cast<zip_uint64_t>(index));
  const zip_int64_t added = zip_file_add(archive.get(), part_.c_str(), source, ZIP_FL_ENC_UTF_8);
  if (added < 0) {
    zip_source_free(source);
    throw std::runtime_error(std::string("cannot replace the sheet: ") + zip_strerror(archive.get()));
  }
  if (zip_set_file_compression(archive.get(), static_cast<zip_uint64_t>(added), ZIP_CM_DEFLATE, 1) != 0)
    throw std::runtime_error(std::string("cannot set the sheet's compression: ") + zip_strerror(archive.get()));
  // libzip stamps an added entry with the current time; the other parts carry the DOS epoch
  // (1980-01-01 00:00, local time as zip stores it), so the same merge gives the same bytes.
  std::tm epoch{};
  epoch.tm_year = 80;
  epoch.tm_mday = 1;
  epoch.tm_isdst = -1;
  if (zip_file_set_mtime(archive.get(), static_cast<zip_uint64_t>(added), std::mktime(&epoch), 0) != 0)
    throw std::runtime_error(std::string("cannot set the sheet's time: ") + zip_strerror(archive.get()));
  archive.close();
}

}  // namespace phuluc
