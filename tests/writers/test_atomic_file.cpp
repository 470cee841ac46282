// Outputs appear whole or not at all; inputs are never overwritten.
#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <fstream>

#include "readers/workbook_reader.hpp"
#include "writer_test_support.hpp"
#include "writers/atomic_file.hpp"
#include "writers/write_error.hpp"
#include "writers/xlsx_writer.hpp"

namespace phuluc {
namespace {

using test::TempDir;

template <class Fn>
WriteErrorCode write_error_code(Fn&& fn) {
  try {
    fn();
  } catch (const WriteError& error) {
    INFO("detail: " << error.what());
    return error.code();
  }
  FAIL("no WriteError thrown");
  return WriteErrorCode::io_error;
}

void write_text(const std::filesystem::path& path, const std::string& text) { std::ofstream(path) << text; }

TEST_CASE("a committed file replaces the target and leaves no temporary file", "[writers][atomic]") {
  TempDir dir;
  const auto target = dir / "report.txt";
  write_text(target, "old");
  {
    AtomicFile file(target);
    CHECK(file.temp_path().parent_path() == dir.path());
    CHECK(file.temp_path().filename().string().starts_with(".phuluc-"));
    CHECK(std::filesystem::exists(file.temp_path()));
    write_text(file.temp_path(), "new");
    CHECK(test::file_text(target) == "old");  // nothing shows before commit
    file.commit();
  }
  CHECK(test::file_text(target) == "new");
  CHECK(dir.entries() == std::vector<std::string>{"report.txt"});
}

TEST_CASE("without commit the temporary file is removed and the target keeps its old content", "[writers][atomic]") {
  TempDir dir;
  const auto target = dir / "report.txt";
  write_text(target, "old");
  try {
    AtomicFile file(target);
    write_text(file.temp_path(), "half writ");
    throw std::runtime_error("failure in the middle of writing");
  } catch (const std::runtime_error&) {
  }
  CHECK(test::file_text(target) == "old");
  CHECK(dir.entries() == std::vector<std::string>{"report.txt"});
}

TEST_CASE("a workbook that fails in the middle of writing leaves the old output and no temporary file", "[writers][atomic][xlsx]") {
  TempDir dir;
  const auto target = dir / "out.xlsx";
  write_xlsx(test::feature_workbook(), target);
  const std::string before = test::file_text(target);

  Workbook broken = test::feature_workbook();
  test::put(broken.sheets[1], "A1", text_cell(0, "ok"));
  SheetRow beyond;
  beyond.index = kMaxRows + 5;  // past Excel's last row: libxlsxwriter refuses the cell
  beyond.cells.push_back(number_cell(0, 1.0));
  broken.sheets[1].rows.push_back(beyond);
  CHECK(write_error_code([&] { write_xlsx(broken, target); }) == WriteErrorCode::invalid_workbook);

  CHECK(test::file_text(target) == before);
  CHECK(dir.entries() == std::vector<std::string>{"out.xlsx"});
}

TEST_CASE("a new output gets ordinary permissions, a replaced one keeps its own", "[writers][atomic]") {
  TempDir dir;
  const auto fresh = dir / "fresh.xlsx";
  write_xlsx(test::feature_workbook(), fresh);
  struct stat info {};
  REQUIRE(::stat(fresh.c_str(), &info) == 0);
  const mode_t mask = ::umask(0);
  ::umask(mask);
  CHECK((info.st_mode & 0777) == (0666 & ~mask));  // not mkstemp's 0600

  const auto kept = dir / "kept.xlsx";
  write_text(kept, "old");
  std::filesystem::permissions(kept, std::filesystem::perms(0640));
  write_xlsx(test::feature_workbook(), kept);
  REQUIRE(::stat(kept.c_str(), &info) == 0);
  CHECK((info.st_mode & 0777) == 0640);
}

TEST_CASE("an output that is one of the inputs is refused and the input is left as it was", "[writers][atomic]") {
  TempDir dir;
  const auto input = std::filesystem::path(PHULUC_SOURCE_DIR) / "samples/appendices/muong_kim_2026.xlsx";
  const auto copy = dir / "input.xlsx";
  std::filesystem::copy_file(input, copy);
  const std::string before = test::file_text(copy);
  const Workbook workbook = read_workbook(copy);

  XlsxWriteOptions options;
  options.inputs = {copy};
  SECTION("the same path") {
    CHECK(write_error_code([&] { write_xlsx(workbook, copy, options); }) == WriteErrorCode::same_as_input);
  }
  SECTION("another spelling of the same path") {
    const auto spelled = dir.path() / "." / "input.xlsx";
    CHECK(write_error_code([&] { write_xlsx(workbook, spelled, options); }) == WriteErrorCode::same_as_input);
  }
  SECTION("a symbolic link to it") {
    std::filesystem::create_symlink(copy, dir / "link.xlsx");
    CHECK(write_error_code([&] { write_xlsx(workbook, dir / "link.xlsx", options); }) == WriteErrorCode::same_as_input);
  }
  SECTION("a hard link to it") {
    std::filesystem::create_hard_link(copy, dir / "hard.xlsx");
    CHECK(write_error_code([&] { write_xlsx(workbook, dir / "hard.xlsx", options); }) == WriteErrorCode::same_as_input);
  }
  CHECK(test::file_text(copy) == before);
  for (const auto& name : dir.entries()) CHECK_FALSE(name.starts_with(".phuluc-"));
}

TEST_CASE("same_file tells the same file from another and from a missing one", "[writers][atomic]") {
  TempDir dir;
  write_text(dir / "a.txt", "a");
  write_text(dir / "b.txt", "a");
  CHECK(same_file(dir / "a.txt", dir.path() / "." / "a.txt"));
  CHECK_FALSE(same_file(dir / "a.txt", dir / "b.txt"));  // same content, different files
  CHECK_FALSE(same_file(dir / "a.txt", dir / "missing.txt"));
  CHECK_FALSE(same_file(dir / "missing.txt", dir / "missing.txt"));
}

TEST_CASE("outputs that cannot be written are reported with a stable code and the path", "[writers][atomic]") {
  TempDir dir;
  SECTION("a missing folder") {
    const auto target = dir / "no/such/folder/out.xlsx";
    try {
      write_xlsx(test::feature_workbook(), target);
      FAIL("no error");
    } catch (const WriteError& error) {
      CHECK(error.code() == WriteErrorCode::directory_missing);
      CHECK(std::string(write_error_id(error.code())) == "directory-missing");
      CHECK(error.path() == target.parent_path());
    }
  }
  SECTION("a folder given as the output") {
    CHECK(write_error_code([&] { write_xlsx(test::feature_workbook(), dir.path()); }) == WriteErrorCode::is_directory);
  }
  SECTION("a folder without write permission") {
    if (::geteuid() == 0) return;  // root writes anywhere
    const auto locked = dir / "locked";
    std::filesystem::create_directory(locked);
    std::filesystem::permissions(locked, std::filesystem::perms(0555));
    CHECK(write_error_code([&] { write_xlsx(test::feature_workbook(), locked / "out.xlsx"); }) ==
          WriteErrorCode::not_writable);
    CHECK(std::filesystem::is_empty(locked));
  }
  CHECK(std::string(write_error_id(WriteErrorCode::same_as_input)) == "same-as-input");
  CHECK(std::string(write_error_id(WriteErrorCode::invalid_workbook)) == "invalid-workbook");
}

}  // namespace
}  // namespace phuluc
