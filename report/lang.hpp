#pragma once
// The language of user-facing text: Vietnamese by default, English with --lang en.
#include <optional>
#include <string_view>

namespace phuluc {

enum class Lang { vi, en };

/// "vi" or "en" (case-insensitive); nullopt otherwise.
std::optional<Lang> parse_lang(std::string_view text);

/// Picks the Vietnamese or English text.
inline const char* pick(Lang lang, const char* vi, const char* en) { return lang == Lang::vi ? vi : en; }

}  // namespace phuluc
