#pragma once
// The "_xHHHH_" escapes SpreadsheetML uses for characters XML cannot carry (ECMA-376 22.9.2.19).
#include <string>

namespace phuluc {

/// Decodes "_xHHHH_" escapes (UTF-16 code units, hex) in place: "_x000D_" is a carriage return,
/// "_x005F_" an escaped underscore (so "_x005F_x000D_" stays the literal text "_x000D_").
/// Surrogate pairs written as two escapes become one character; a lone surrogate becomes U+FFFD.
///   std::string s = "Dòng 1_x000D_\nDòng 2";
///   decode_ooxml_escapes(s);  // "Dòng 1\r\nDòng 2"
void decode_ooxml_escapes(std::string& text);

}  // namespace phuluc
