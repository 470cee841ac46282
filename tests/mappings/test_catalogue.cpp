// The catalogue as data: the built-in entries, a user's own file, and malformed files refused
// with the file, the line and the reason.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>

#include "mapping_test_support.hpp"
#include "mappings/catalogue.hpp"

using namespace phuluc;

namespace {

std::size_t count_children(const Catalogue& catalogue, const std::string& key, EntryLevel level) {
  const auto children = catalogue.children(key);
  return static_cast<std::size_t>(
      std::count_if(children.begin(), children.end(), [&](const CatalogueEntry* entry) { return entry->level == level; }));
}

const char* const kHeader = "key,parent,level,name,legal_basis,budget_code,certainty,aliases,note\n";

// The reason a CSV text is refused, as "LINE: REASON".
std::string refusal(const std::string& text) {
  Catalogue catalogue = test::builtin_catalogue();
  try {
    catalogue.add_csv(text, "user.csv");
  } catch (const CatalogueError& error) {
    CHECK(error.file() == "user.csv");
    return std::to_string(error.line()) + ": " + error.reason();
  }
  return "accepted";
}

}  // namespace

TEST_CASE("the built-in catalogue holds the three programs of 2021-2025 with their projects", "[mappings][catalogue]") {
  const auto& catalogue = test::builtin_catalogue();
  REQUIRE(catalogue.find("dtts") != nullptr);
  REQUIRE(catalogue.find("gnbv") != nullptr);
  REQUIRE(catalogue.find("ntm") != nullptr);
  CHECK(count_children(catalogue, "dtts", EntryLevel::project) == 10);
  CHECK(count_children(catalogue, "gnbv", EntryLevel::project) == 7);
  CHECK(count_children(catalogue, "ntm", EntryLevel::component) == 11);
  CHECK(count_children(catalogue, "dtts.5", EntryLevel::subproject) == 4);
  CHECK(count_children(catalogue, "dtts.10", EntryLevel::subproject) == 3);
  CHECK(count_children(catalogue, "gnbv.3", EntryLevel::subproject) == 2);
  CHECK(catalogue.find("dtts")->legal_basis.find("1719/QĐ-TTg") != std::string::npos);
  CHECK(catalogue.find("gnbv")->legal_basis.find("90/QĐ-TTg") != std::string::npos);
  CHECK(catalogue.find("ntm")->legal_basis.find("263/QĐ-TTg") != std::string::npos);
}

TEST_CASE("the NTM criteria sets have 19 and 10 criteria", "[mappings][catalogue]") {
  const auto& catalogue = test::builtin_catalogue();
  CHECK(count_children(catalogue, "ntm.tc2021", EntryLevel::criterion) == 19);
  CHECK(count_children(catalogue, "ntm.tc2030", EntryLevel::criterion) == 10);
  CHECK(catalogue.find("ntm.tc2021")->legal_basis.find("318/QĐ-TTg") != std::string::npos);
  CHECK(catalogue.find("ntm.tc2030")->legal_basis.find("51/2025/QĐ-TTg") != std::string::npos);
  // criterion 6 of 2026-2030, named as in seed 000's criteria table
  REQUIRE(catalogue.find("ntm.tc2030.6") != nullptr);
  CHECK(catalogue.find("ntm.tc2030.6")->name == "Giảm nghèo và An sinh xã hội");
}

TEST_CASE("the later programs are listed at the level known", "[mappings][catalogue]") {
  const auto& catalogue = test::builtin_catalogue();
  for (const char* key : {"mtqg2026", "vanhoa", "matuy"}) {
    INFO(key);
    const auto* entry = catalogue.find(key);
    REQUIRE(entry != nullptr);
    CHECK(entry->level == EntryLevel::program);
    CHECK(catalogue.children(key).empty());
  }
  CHECK(catalogue.find("mtqg2026")->legal_basis.find("257/2025/QH15") != std::string::npos);
}

TEST_CASE("seed 000's contents are catalogued under their sub-projects", "[mappings][catalogue]") {
  const auto& catalogue = test::builtin_catalogue();
  const auto* literacy = catalogue.find("dtts.5.1.nd2");
  REQUIRE(literacy != nullptr);
  CHECK(literacy->parent == "dtts.5.1");
  CHECK(literacy->level == EntryLevel::content);
  CHECK(literacy->number() == 2);
  CHECK(std::find(literacy->aliases.begin(), literacy->aliases.end(),
                  "Mở lớp xóa mù chữ cho người dân vùng đồng bào dân tộc thiểu số") != literacy->aliases.end());
  REQUIRE(catalogue.find("dtts.4.1.nd1") != nullptr);
  CHECK(catalogue.find("dtts.4.1.nd1")->name == "Đầu tư cơ sở hạ tầng cho các xã, thôn đặc biệt khó khăn");
  CHECK(catalogue.find("dtts.5.3.nd2") != nullptr);
}

TEST_CASE("every built-in key follows its parent and no budget code is invented", "[mappings][catalogue]") {
  const auto& catalogue = test::builtin_catalogue();
  std::set<std::string> keys;
  for (const auto& entry : catalogue.entries()) {
    INFO(entry.key);
    CHECK(keys.insert(entry.key).second);
    CHECK(entry.budget_code.empty());
    CHECK_FALSE(entry.name.empty());
    if (entry.level == EntryLevel::program) {
      CHECK(entry.parent.empty());
    } else {
      CHECK(entry.key.rfind(entry.parent + ".", 0) == 0);
      CHECK(catalogue.find(entry.parent) != nullptr);
    }
  }
  CHECK(keys.size() > 100);
}

TEST_CASE("uncertain entries are marked, not presented as official", "[mappings][catalogue]") {
  const auto& catalogue = test::builtin_catalogue();
  // domain.md marks these [U]: Dự án 5's TDA4 and the numbering of GNBV's Dự án 6 and 7 sub-projects
  for (const char* key : {"dtts.5.4", "gnbv.6.1", "gnbv.6.2", "gnbv.7.1", "gnbv.7.2", "dtts.9.1"}) {
    INFO(key);
    REQUIRE(catalogue.find(key) != nullptr);
    CHECK(catalogue.find(key)->certainty == Certainty::uncertain);
  }
  CHECK(catalogue.find("dtts.5")->certainty == Certainty::official);
}

TEST_CASE("a user's catalogue saved by LibreOffice adds entries and aliases", "[mappings][catalogue]") {
  const auto catalogue =
      load_catalogue(PHULUC_DATA_DIR, {test::mapping_test_file("fixtures/user_catalogue.csv")});
  const auto* added = catalogue.find("dtts.9.1.nd1");
  REQUIRE(added != nullptr);
  CHECK(added->name == "Hỗ trợ giống vật nuôi để chuyển đổi cơ cấu vật nuôi có giá trị kinh tế cao");
  CHECK(added->legal_basis == "QĐ 1719/QĐ-TTg; Nghị quyết của HĐND tỉnh");
  CHECK(added->note == "province entry, \"quoted\" in the note");
  CHECK(added->source.find("user_catalogue.csv:2") != std::string::npos);
  const auto* extended = catalogue.find("dtts.5.2");
  REQUIRE(extended != nullptr);
  CHECK(extended->name == test::builtin_catalogue().find("dtts.5.2")->name);  // blank fields keep the built-in ones
  CHECK(extended->source.find("user_catalogue.csv:3") != std::string::npos);
  CHECK(std::find(extended->aliases.begin(), extended->aliases.end(), "Bồi dưỡng cán bộ cơ sở vùng đồng bào") !=
        extended->aliases.end());
  CHECK(catalogue.entries().size() == test::builtin_catalogue().entries().size() + 1);
}

TEST_CASE("a user's row with the key of a built-in entry overrides its fields", "[mappings][catalogue]") {
  Catalogue catalogue = test::builtin_catalogue();
  catalogue.add_csv(std::string(kHeader) + "dtts.5,dtts,project,Phát triển giáo dục đào tạo,QĐ 1719/QĐ-TTg,0345,seen,,\n",
                    "user.csv");
  const auto* entry = catalogue.find("dtts.5");
  REQUIRE(entry != nullptr);
  CHECK(entry->name == "Phát triển giáo dục đào tạo");
  CHECK(entry->budget_code == "0345");
  CHECK(entry->certainty == Certainty::seen);
  CHECK(entry->source == "user.csv:2");
}

TEST_CASE("a malformed catalogue is refused with the line and the reason", "[mappings][catalogue]") {
  const std::string header = kHeader;
  CHECK(refusal(header + "dtts.5.9,dtts.5,subproject,Một tiểu dự án,,,seen,,\nx.1,x,project,Không có cha,,,seen,,\n") ==
        "3: parent 'x' of 'x.1' is not in the catalogue");
  CHECK(refusal(header + "dtts.5.9,dtts.4,subproject,Sai cha,,,seen,,\n") ==
        "2: parent 'dtts.4' does not match key 'dtts.5.9' (the parent is the key without its last segment)");
  CHECK(refusal(header + "dtts.5.9,dtts.5,subproject,A,,,seen,,\ndtts.5.9,dtts.5,subproject,B,,,seen,,\n") ==
        "3: key 'dtts.5.9' appears twice (first on line 2)");
  CHECK(refusal(header + "Dtts.5.9,dtts.5,subproject,A,,,seen,,\n") ==
        "2: key 'Dtts.5.9' is not lowercase ASCII letters and digits in dot-separated segments");
  CHECK(refusal(header + "dtts.5.9,dtts.5,tieu du an,A,,,seen,,\n") ==
        "2: level 'tieu du an' is not one of program, component, project, subproject, content, criteria_set, criterion");
  CHECK(refusal(header + "dtts.5.9,dtts.5,subproject,A,,,chac chan,,\n") ==
        "2: certainty 'chac chan' is not one of official, seen, uncertain");
  CHECK(refusal(header + "dtts.5.9,dtts.5,subproject,,,,seen,,\n") == "2: new key 'dtts.5.9' needs a name");
  CHECK(refusal(header + "dtts.5.9,dtts.5,subproject,A,,,seen\n") == "2: expected 9 fields, found 7");
  CHECK(refusal(header + "dtts.5.9,dtts.5,subproject,\"A, B,,,seen,,\n") == "2: a quoted field is not closed");
  CHECK(refusal("key,parent,level,ten\n") == "1: unknown column 'ten'");
  CHECK(refusal("parent,level,name\n") == "1: the header has no 'key' column");
  CHECK(refusal("") == "0: the file is empty: a header line is required");
  CHECK(refusal(header + "# a comment\n\ndtts.5.9,dtts.5,subproject,T\xEA\xEAn,,,seen,,\n") ==
        "4: the file is not UTF-8 text (save it as CSV UTF-8)");
}

TEST_CASE("a refused catalogue leaves the catalogue as it was", "[mappings][catalogue]") {
  Catalogue catalogue = test::builtin_catalogue();
  const auto before = catalogue.entries().size();
  CHECK_THROWS_AS(catalogue.add_csv(std::string(kHeader) + "dtts.5.9,dtts.5,subproject,A,,,seen,,\nx.1,x,project,B,,,seen,,\n",
                                    "user.csv"),
                  CatalogueError);
  CHECK(catalogue.entries().size() == before);
  CHECK(catalogue.find("dtts.5.9") == nullptr);
}

TEST_CASE("a missing catalogue file or directory is named in the error", "[mappings][catalogue]") {
  try {
    load_catalogue(PHULUC_DATA_DIR, {"/nonexistent/danh_muc.csv"});
    FAIL("accepted a missing file");
  } catch (const CatalogueError& error) {
    CHECK(error.file() == "/nonexistent/danh_muc.csv");
    CHECK(error.reason() == "cannot open the file");
  }
  CHECK_THROWS_AS(load_catalogue("/nonexistent"), CatalogueError);
}

TEST_CASE("PHULUC_DATA_DIR in the environment points to another data directory", "[mappings][catalogue]") {
  const char* saved = std::getenv("PHULUC_DATA_DIR");
  const std::string kept = saved ? saved : "";
  ::setenv("PHULUC_DATA_DIR", "/opt/phuluc/share", 1);
  CHECK(data_directory("/src/mappings") == std::filesystem::path("/opt/phuluc/share"));
  ::setenv("PHULUC_DATA_DIR", "", 1);
  CHECK(data_directory("/src/mappings") == std::filesystem::path("/src/mappings"));
  if (saved) ::setenv("PHULUC_DATA_DIR", kept.c_str(), 1);
  else ::unsetenv("PHULUC_DATA_DIR");
}
