#pragma once
// A small streaming JSON writer for --json output: keys in the order written, UTF-8 passed through.
#include <cstdint>
#include <optional>
#include <ostream>
#include <string_view>
#include <vector>

namespace phuluc {

/// Writes one JSON document. Numbers are printed with up to `max_decimals` decimals and no
/// trailing zeros (0.1 + 0.2 prints 0.3), so amounts in triệu đồng come out as typed.
///   JsonWriter json(std::cout);
///   json.begin_object().key("files").begin_array().end_array().end_object();
class JsonWriter {
 public:
  explicit JsonWriter(std::ostream& out, bool pretty = true, int max_decimals = 6);
  ~JsonWriter();  ///< ends the document with a newline when it was completed

  JsonWriter& begin_object();
  JsonWriter& end_object();
  JsonWriter& begin_array();
  JsonWriter& end_array();
  JsonWriter& key(std::string_view name);
  JsonWriter& value(std::string_view text);
  JsonWriter& value(const char* text) { return value(std::string_view(text)); }
  JsonWriter& value(double number);      ///< NaN and infinities print as null
  JsonWriter& value(std::int64_t number);
  JsonWriter& value(int number) { return value(static_cast<std::int64_t>(number)); }
  JsonWriter& value(std::uint32_t number) { return value(static_cast<std::int64_t>(number)); }
  JsonWriter& value(bool flag);
  JsonWriter& value(std::optional<double> number);  ///< nullopt prints null
  JsonWriter& null();

 private:
  void before_value();
  JsonWriter& close(char bracket);
  void newline();
  std::ostream& out_;
  bool pretty_;
  int max_decimals_;
  struct Level { bool array; bool empty; };
  std::vector<Level> stack_;
  bool after_key_ = false;
};

}  // namespace phuluc
