#include "tools/write_error_text.hpp"

namespace phuluc::tools {

std::string write_error_text(const WriteError& error, Lang lang) {
  const std::string path = error.path().string();
  switch (error.code()) {
    case WriteErrorCode::directory_missing:
      return pick(lang, "thư mục để ghi tệp kết quả không tồn tại: ", "the folder for the output does not exist: ") + path;
    case WriteErrorCode::not_writable:
      return pick(lang, "không có quyền ghi tệp kết quả vào: ", "no permission to write the output to: ") + path;
    case WriteErrorCode::is_directory:
      return pick(lang, "đường dẫn tệp kết quả là một thư mục: ", "the output path is a folder: ") + path;
    case WriteErrorCode::same_as_input:
      return pick(lang, "tệp kết quả trùng với một tệp đầu vào; phuluc không bao giờ ghi đè tệp đầu vào: ",
                  "the output is one of the inputs; phuluc never writes over its inputs: ") + path;
    case WriteErrorCode::io_error:
      return pick(lang, "không ghi được tệp kết quả (hết chỗ trên đĩa?): ", "the output could not be written (disk full?): ") + path;
    case WriteErrorCode::invalid_workbook:
      return pick(lang, "bảng tính có nội dung định dạng .xlsx không lưu được: ",
                  "the workbook holds something .xlsx cannot store: ") + path;
  }
  return path;
}

}  // namespace phuluc::tools
