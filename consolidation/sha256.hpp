#pragma once
// SHA-256 (FIPS 180-4), so the "Nguồn" sheet can name each input by the hash of its bytes without a
// crypto dependency. Not for passwords or signatures: only to tell files apart.
#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace phuluc {

/// An incremental SHA-256: feed bytes with update() in any pieces, then take the digest once.
///   Sha256 hash;
///   hash.update(bytes);
///   const std::string hex = hash.hex_digest();  // 64 lowercase hex digits, as sha256sum prints
class Sha256 {
 public:
  Sha256();

  /// Adds bytes to the message.
  void update(std::span<const std::byte> bytes);
  /// Adds the bytes of a text (no terminating NUL).
  void update(std::string_view text);

  /// The 32-byte digest of everything added. Ends the message: call it once.
  std::array<std::uint8_t, 32> digest();
  /// digest() as 64 lowercase hex digits.
  std::string hex_digest();

 private:
  void compress(const std::uint8_t* block);

  std::array<std::uint32_t, 8> state_;
  std::array<std::uint8_t, 64> buffer_{};
  std::size_t buffered_ = 0;       ///< bytes waiting in buffer_ (0..63)
  std::uint64_t total_bytes_ = 0;  ///< message length so far
};

/// The SHA-256 of bytes in memory, as 64 lowercase hex digits.
///   sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
std::string sha256_hex(std::span<const std::byte> bytes);
std::string sha256_hex(std::string_view text);

}  // namespace phuluc
