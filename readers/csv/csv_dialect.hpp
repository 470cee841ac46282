#pragma once
// How a CSV export is written: its delimiter, told from the text itself.
#include <string_view>

namespace phuluc {

/// The delimiter among ',', ';' and '\t' that splits the first 20 records into the most consistent
/// number of fields (delimiters inside quotes do not count). Ties go to the one giving more fields,
/// then to ',' before ';' before '\t'. Text with no candidate giving two fields or more gets ','.
/// A Vietnamese export written with ';' and decimal commas ("1;Dự án;82,262") gets ';'.
///   const char delimiter = detect_csv_delimiter("STT;Nội dung;Kế hoạch\n1;Dự án 1;82,262\n");  // ';'
char detect_csv_delimiter(std::string_view text);

}  // namespace phuluc
