#include "readers/zip_archive.hpp"

#include <zip.h>

#include <algorithm>
#include <cstring>
#include <utility>

namespace phuluc {
namespace {

// The compression-ratio cap only applies above this size: tiny parts of repeated XML compress
// very well and are harmless.
constexpr std::uint64_t kRatioFloor = 1ull << 20;

bool over_ratio(std::uint64_t inflated, std::uint64_t compressed, std::uint32_t max_ratio) {
  if (inflated <= kRatioFloor) return false;
  return inflated / std::max<std::uint64_t>(compressed, 1) > max_ratio;
}

bool starts_with_zip_magic(std::span<const std::byte> bytes) {
  return bytes.size() >= 2 && bytes[0] == std::byte{'P'} && bytes[1] == std::byte{'K'};
}

// Data errors while inflating mean a damaged or cut archive; anything else is an I/O failure.
ReadErrorCode code_for_read_failure(int zip_error) {
  switch (zip_error) {
    case ZIP_ER_NOPASSWD:
    case ZIP_ER_WRONGPASSWD:
    case ZIP_ER_ENCRNOTSUPP:
      return ReadErrorCode::encrypted;
    case ZIP_ER_MEMORY:
      return ReadErrorCode::too_large;
    default:
      return ReadErrorCode::truncated;
  }
}

}  // namespace

// ---------------------------------------------------------------- ZipPartReader

ZipPartReader::ZipPartReader(ZipArchive& archive, zip_file* file, std::string name, std::uint64_t declared_size,
                             std::uint64_t compressed_size)
    : archive_(&archive),
      file_(file),
      name_(std::move(name)),
      declared_size_(declared_size),
      compressed_size_(compressed_size) {}

ZipPartReader::ZipPartReader(ZipPartReader&& other) noexcept
    : archive_(other.archive_),
      file_(std::exchange(other.file_, nullptr)),
      name_(std::move(other.name_)),
      declared_size_(other.declared_size_),
      compressed_size_(other.compressed_size_),
      inflated_(other.inflated_) {}

ZipPartReader::~ZipPartReader() {
  if (file_ != nullptr) zip_fclose(file_);
}

std::size_t ZipPartReader::read(char* buffer, std::size_t size) {
  if (file_ == nullptr || size == 0) return 0;
  const zip_int64_t got = zip_fread(file_, buffer, size);
  if (got < 0) {
    const int error = zip_error_code_zip(zip_file_get_error(file_));
    throw ReadError(code_for_read_failure(error),
                    "cannot inflate zip part " + name_ + ": " + zip_file_strerror(file_));
  }
  const auto chunk = static_cast<std::size_t>(got);
  inflated_ += chunk;
  archive_->count_inflated(*this, chunk);
  return chunk;
}

// ---------------------------------------------------------------- ZipArchive

ZipArchive::ZipArchive(std::span<const std::byte> bytes, const ReadLimits& limits) : limits_(limits) {
  if (bytes.size() > limits.max_file_bytes)
    throw ReadError(ReadErrorCode::too_large, "file is " + std::to_string(bytes.size()) + " bytes, over the cap");
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (source == nullptr) {
    zip_error_fini(&error);
    throw ReadError(ReadErrorCode::too_large, "cannot create zip source");
  }
  archive_ = zip_open_from_source(source, ZIP_RDONLY, &error);
  if (archive_ == nullptr) {
    zip_source_free(source);
    const int code = zip_error_code_zip(&error);
    const std::string detail = std::string("cannot open zip: ") + zip_error_strerror(&error);
    zip_error_fini(&error);
    if (code == ZIP_ER_NOZIP && !starts_with_zip_magic(bytes))
      throw ReadError(ReadErrorCode::not_a_spreadsheet, detail);
    if (code == ZIP_ER_MEMORY) throw ReadError(ReadErrorCode::too_large, detail);
    // A local header with no end-of-central-directory record, or a directory that points
    // outside the data: the archive was cut short or damaged.
    throw ReadError(ReadErrorCode::truncated, detail);
  }
  zip_error_fini(&error);
}

ZipArchive::~ZipArchive() {
  if (archive_ != nullptr) zip_discard(archive_);
}

std::optional<std::uint64_t> ZipArchive::locate(std::string_view name) const {
  const std::string key(name);
  const zip_int64_t index = zip_name_locate(archive_, key.c_str(), ZIP_FL_NOCASE);
  if (index < 0) return std::nullopt;
  return static_cast<std::uint64_t>(index);
}

bool ZipArchive::contains(std::string_view name) const { return locate(name).has_value(); }

std::vector<std::string> ZipArchive::names() const {
  std::vector<std::string> out;
  const zip_int64_t count = zip_get_num_entries(archive_, 0);
  for (zip_int64_t i = 0; i < count; ++i) {
    const char* name = zip_get_name(archive_, static_cast<zip_uint64_t>(i), 0);
    if (name != nullptr) out.emplace_back(name);
  }
  return out;
}

void ZipArchive::count_inflated(const ZipPartReader& part, std::size_t chunk) {
  total_inflated_ += chunk;
  // The caps were checked against the declared size; inflating past it means the headers lie.
  if (part.inflated_ > part.declared_size_)
    throw ReadError(ReadErrorCode::zip_bomb, "zip part " + part.name_ + " inflates past the size its header declares");
  if (part.inflated_ > limits_.max_part_bytes)
    throw ReadError(ReadErrorCode::zip_bomb, "zip part " + part.name_ + " inflates past the per-part cap");
  if (over_ratio(part.inflated_, part.compressed_size_, limits_.max_compression_ratio))
    throw ReadError(ReadErrorCode::zip_bomb, "zip part " + part.name_ + " inflates past the compression-ratio cap");
  if (total_inflated_ > limits_.max_total_uncompressed)
    throw ReadError(ReadErrorCode::zip_bomb, "zip parts inflate past the total cap (at " + part.name_ + ")");
}

ZipPartReader ZipArchive::open(std::string_view name) {
  const auto index = locate(name);
  if (!index) throw ReadError(ReadErrorCode::missing_part, "zip part missing: " + std::string(name));
  zip_stat_t stat;
  zip_stat_init(&stat);
  if (zip_stat_index(archive_, *index, 0, &stat) != 0)
    throw ReadError(ReadErrorCode::truncated, "cannot stat zip part " + std::string(name));
  const std::string part_name = (stat.valid & ZIP_STAT_NAME) ? stat.name : std::string(name);
  if ((stat.valid & ZIP_STAT_ENCRYPTION_METHOD) && stat.encryption_method != ZIP_EM_NONE)
    throw ReadError(ReadErrorCode::encrypted, "zip part " + part_name + " is encrypted");
  // The central directory always records the size; should it not, only the per-part cap applies.
  const std::uint64_t declared = (stat.valid & ZIP_STAT_SIZE) ? stat.size : limits_.max_part_bytes;
  const std::uint64_t compressed = (stat.valid & ZIP_STAT_COMP_SIZE) ? stat.comp_size : 0;
  if (declared > limits_.max_part_bytes)
    throw ReadError(ReadErrorCode::zip_bomb, "zip part " + part_name + " declares " + std::to_string(declared) +
                                                 " bytes, over the per-part cap");
  if (over_ratio(declared, compressed, limits_.max_compression_ratio))
    throw ReadError(ReadErrorCode::zip_bomb, "zip part " + part_name + " declares a compression ratio over the cap");
  if (total_inflated_ + declared > limits_.max_total_uncompressed)
    throw ReadError(ReadErrorCode::zip_bomb, "zip parts declare more than the total cap (at " + part_name + ")");
  zip_file_t* file = zip_fopen_index(archive_, *index, 0);
  if (file == nullptr) {
    const int error = zip_error_code_zip(zip_get_error(archive_));
    throw ReadError(code_for_read_failure(error),
                    "cannot open zip part " + part_name + ": " + zip_strerror(archive_));
  }
  return ZipPartReader(*this, file, part_name, declared, compressed);
}

std::string ZipArchive::read_all(std::string_view name) {
  ZipPartReader part = open(name);
  std::string out;
  char buffer[1 << 14];
  while (const std::size_t got = part.read(buffer, sizeof buffer)) out.append(buffer, got);
  return out;
}

}  // namespace phuluc
