#pragma once
// Text decoding shared by the OLE2 directory and the BIFF8 record scan.
#include <cstddef>
#include <span>
#include <string>

namespace phuluc::ole2 {

/// UTF-16LE bytes to UTF-8. An odd trailing byte is dropped; an unpaired surrogate becomes U+FFFD.
///   auto name = utf16le_to_utf8(std::span(bytes).subspan(0, 16));
std::string utf16le_to_utf8(std::span<const std::byte> bytes);

/// BIFF8 "compressed" text (UTF-16 code units 0..255 with the high byte left out) to UTF-8.
std::string latin1_to_utf8(std::span<const std::byte> bytes);

}  // namespace phuluc::ole2
