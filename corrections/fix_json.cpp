#include "corrections/fix_json.hpp"

#include <cstdint>

#include "writers/json_writer.hpp"

namespace phuluc {
namespace {

void write_logged(JsonWriter& json, const LoggedValue& value) {
  if (const double* number = std::get_if<double>(&value))
    json.value(*number);
  else if (const std::string* text = std::get_if<std::string>(&value))
    json.value(*text);
  else
    json.null();
}

void write_strings(JsonWriter& json, const std::vector<std::string>& items) {
  json.begin_array();
  for (const std::string& item : items) json.value(item);
  json.end_array();
}

void write_correction(JsonWriter& json, const FixedCell& fixed) {
  json.begin_object();
  json.key("sheet").value(fixed.sheet);
  json.key("cell").value(to_a1(fixed.cell));
  json.key("old");
  write_logged(json, fixed.old_value);
  json.key("new");
  write_logged(json, fixed.new_value);
  json.key("code").value(fixed.code);
  json.key("reason").value(fixed.reason);
  json.key("reason_code").value(fixed.reason_code);
  json.key("basis").value(fixed.basis);
  json.key("slip").value(fixed.slip);
  json.key("related");
  write_strings(json, fixed.related);
  json.key("together");
  write_strings(json, fixed.together);
  if (fixed.old_formula.empty())
    json.key("formula").null();
  else
    json.key("formula").value(fixed.old_formula);
  json.end_object();
}

void write_unresolved(JsonWriter& json, const UnresolvedCell& cell) {
  json.begin_object();
  json.key("sheet").value(cell.sheet);
  if (cell.cell)
    json.key("cell").value(to_a1(*cell.cell));
  else
    json.key("cell").null();
  json.key("code").value(cell.code);
  json.key("message").value(cell.message);
  json.key("cells");
  write_strings(json, cell.cells);
  json.key("candidates").begin_array();
  for (const auto& candidate : cell.candidates) write_strings(json, candidate);
  json.end_array();
  json.end_object();
}

void write_file(JsonWriter& json, const FixFileResult& file) {
  json.begin_object();
  json.key("path").value(file.path);
  if (file.output)
    json.key("output").value(*file.output);
  else
    json.key("output").null();
  if (file.error) {
    json.key("error").begin_object();
    json.key("code").value(file.error->id);
    json.key("message").value(file.error_message);
    json.key("detail").value(file.error->detail);
    json.end_object();
  } else {
    json.key("error").null();
  }
  json.key("tables").value(static_cast<std::int64_t>(file.fix.tables));
  json.key("corrections").begin_array();
  for (const FixedCell& fixed : file.fix.corrections) write_correction(json, fixed);
  json.end_array();
  json.key("unresolved").begin_array();
  for (const UnresolvedCell& cell : file.fix.unresolved) write_unresolved(json, cell);
  json.end_array();
  json.key("formulas").value(static_cast<std::int64_t>(file.fix.formulas));
  json.key("limitations").begin_array();
  for (const ReaderLimitation& limitation : file.limitations) {
    json.begin_object();
    json.key("code").value(limitation.code);
    json.key("sheet").value(limitation.sheet);
    json.key("detail").value(limitation.detail);
    json.end_object();
  }
  json.end_array();
  json.key("summary").begin_object();
  json.key("corrections").value(static_cast<std::int64_t>(file.fix.corrections.size()));
  json.key("unresolved").value(static_cast<std::int64_t>(file.fix.unresolved.size()));
  json.end_object();
  json.end_object();
}

}  // namespace

int fix_exit_code(const std::vector<FixFileResult>& results) {
  int code = 0;
  for (const FixFileResult& file : results) {
    if (file.error) return 2;
    if (!file.fix.unresolved.empty()) code = 1;
  }
  return code;
}

void write_fix_json(std::ostream& out, const std::vector<FixFileResult>& results, Lang lang, int exit_code) {
  JsonWriter json(out);
  json.begin_object();
  json.key("schema").value(kFixJsonSchema);
  json.key("lang").value(lang == Lang::vi ? "vi" : "en");
  json.key("files").begin_array();
  std::int64_t corrections = 0;
  std::int64_t unresolved = 0;
  std::int64_t failed = 0;
  std::int64_t written = 0;
  for (const FixFileResult& file : results) {
    write_file(json, file);
    corrections += static_cast<std::int64_t>(file.fix.corrections.size());
    unresolved += static_cast<std::int64_t>(file.fix.unresolved.size());
    failed += file.error ? 1 : 0;
    written += file.output ? 1 : 0;
  }
  json.end_array();
  json.key("summary").begin_object();
  json.key("files").value(static_cast<std::int64_t>(results.size()));
  json.key("written").value(written);
  json.key("failed").value(failed);
  json.key("corrections").value(corrections);
  json.key("unresolved").value(unresolved);
  json.key("exit_code").value(exit_code);
  json.end_object();
  json.end_object();
}

}  // namespace phuluc
