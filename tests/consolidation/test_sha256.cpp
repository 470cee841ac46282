// SHA-256 against the FIPS 180-4 example vectors and against sha256sum on real files.
#include <catch2/catch.hpp>

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

#include "consolidation/merge_test_support.hpp"
#include "consolidation/sha256.hpp"

namespace {

namespace fs = std::filesystem;
using phuluc::Sha256;
using phuluc::sha256_hex;

std::vector<std::byte> bytes_of(const std::string& text) {
  std::vector<std::byte> bytes(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) bytes[i] = static_cast<std::byte>(text[i]);
  return bytes;
}

}  // namespace

TEST_CASE("sha256 gives the FIPS 180-4 digests of the standard messages", "[consolidation][sha256]") {
  CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  CHECK(sha256_hex("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu") ==
        "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1");
  CHECK(sha256_hex(std::string(1000000, 'a')) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST_CASE("sha256 pads correctly around the 55, 56 and 64 byte boundaries", "[consolidation][sha256]") {
  // Digests of "a" repeated n times, as sha256sum prints them.
  CHECK(sha256_hex(std::string(55, 'a')) == "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318");
  CHECK(sha256_hex(std::string(56, 'a')) == "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a");
  CHECK(sha256_hex(std::string(64, 'a')) == "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb");
}

TEST_CASE("sha256 fed in pieces of any size equals the one-shot digest", "[consolidation][sha256]") {
  std::string message;
  for (int i = 0; i < 1000; ++i) message += static_cast<char>('A' + i % 53);
  const std::string whole = sha256_hex(message);
  for (const std::size_t piece : {1u, 3u, 63u, 64u, 65u, 127u, 999u}) {
    Sha256 hash;
    for (std::size_t at = 0; at < message.size(); at += piece) hash.update(std::string_view(message).substr(at, piece));
    CHECK(hash.hex_digest() == whole);
  }
  const auto bytes = bytes_of(message);
  CHECK(sha256_hex(bytes) == whole);
}

TEST_CASE("sha256 of real workbooks agrees with sha256sum", "[consolidation][sha256]") {
  const fs::path samples = fs::path(PHULUC_SOURCE_DIR) / "samples" / "appendices";
  for (const char* name : {"muong_kim_2026.xlsx", "muong_kim_2026.xls", "lung_phinh_2025_dau_tu.csv"}) {
    const fs::path path = samples / name;
    const auto result = phuluc::merge_test::run_command("sha256sum " + phuluc::merge_test::quoted(path));
    REQUIRE(result.exit_code == 0);
    const std::string expected = result.out.substr(0, 64);
    CHECK(sha256_hex(phuluc::merge_test::read_text(path)) == expected);
  }
}
