#pragma once
// Which commune sent an appendix: read from its "(Kèm theo Báo cáo số ... của Ủy ban nhân dân xã
// Mường Kim, tỉnh Lai Châu)" line, or else its file name.
#include <filesystem>
#include <string>
#include <string_view>

namespace phuluc {

/// The commune-level unit named in a "Kèm theo" line: the last "xã", "phường", "thị trấn" or "đặc
/// khu" followed by a capitalised name, up to a comma, semicolon, closing parenthesis or the next
/// "tỉnh" / "huyện" / "thành phố". The level word comes back capitalised; the name as written (NFC,
/// spaces folded). Empty when the line names none.
///   commune_from_attached("Kèm theo Báo cáo số 12/BC-UBND ngày 19/6/2026 của UBND xã Mường Kim, tỉnh Lai Châu")
///     == "Xã Mường Kim"
std::string commune_from_attached(std::string_view attached_to);

/// The name used when the Kèm theo line names no commune: the file name ("muong_kim_2026.xlsx").
std::string commune_from_path(const std::filesystem::path& path);

}  // namespace phuluc
