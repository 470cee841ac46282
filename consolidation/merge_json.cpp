#include "consolidation/merge_json.hpp"

#include "consolidation/merge_messages.hpp"
#include "model/cell_ref.hpp"
#include "rules/check_workbook.hpp"
#include "writers/json_writer.hpp"

namespace phuluc {
namespace {

const char* role_id(ColumnRole role) { return role == ColumnRole::rate ? "rate" : "amount"; }

void write_template(JsonWriter& json, const MergeResult& result) {
  json.key("template");
  if (!result.layout) {
    json.null();
    return;
  }
  const Table& table = result.layout->table;
  json.begin_object();
  json.key("path").value(result.layout->path);
  json.key("sheet").value(table.sheet);
  json.key("title").value(table.title);
  json.key("kind").value(table_kind_id(table.kind));
  json.key("unit").value(unit_id(table.unit));
  json.key("unit_text").value(table.unit_text);
  json.end_object();
}

void write_columns(JsonWriter& json, const MergeResult& result) {
  json.key("columns").begin_array();
  if (result.table) {
    for (const ValueColumn& column : result.table->columns) {
      json.begin_object();
      json.key("column").value(column_letters(column.sheet_col));
      json.key("role").value(role_id(column.role));
      json.key("path").value(column.path_text);
      json.key("decimals").value(column.decimals);
      json.end_object();
    }
  }
  json.end_array();
}

void write_inputs(JsonWriter& json, const MergeResult& result, Lang lang) {
  json.key("inputs").begin_array();
  for (const InputSummary& input : result.inputs) {
    json.begin_object();
    json.key("path").value(input.path);
    json.key("commune").value(input.commune);
    json.key("status").value(input_status_id(input.status));
    json.key("reason");
    if (input.reason.empty()) json.null();
    else json.value(input.reason);
    json.key("message").value(input_reason_text(input, lang));
    json.key("detail").value(input.detail);
    json.key("sha256").value(input.sha256);
    json.key("sheet").value(input.sheet);
    json.key("unit").value(unit_id(input.unit));
    json.key("converted_from");
    if (input.unit_shift && *input.unit_shift != 0) json.value(unit_id(input.unit));
    else json.null();
    json.key("findings").begin_object();
    json.key("errors").value(static_cast<std::int64_t>(input.counts.errors));
    json.key("warnings").value(static_cast<std::int64_t>(input.counts.warnings));
    json.key("notices").value(static_cast<std::int64_t>(input.counts.notices));
    json.end_object();
    json.key("errors").begin_array();
    for (const FindingBrief& error : input.errors) {
      json.begin_object();
      json.key("code").value(error.code);
      json.key("cell").value(error.cell);
      json.end_object();
    }
    json.end_array();
    json.key("corrections").value(static_cast<std::int64_t>(input.corrections));
    json.key("unmatched_rows").value(static_cast<std::int64_t>(input.unmatched));
    json.key("ambiguous_read").value(static_cast<std::int64_t>(input.ambiguous_read));
    json.end_object();
  }
  json.end_array();
}

void write_rows(JsonWriter& json, const MergeResult& result) {
  json.key("rows").begin_array();
  if (result.table) {
    const std::uint32_t first = result.layout->table.header_last + 1;
    for (std::size_t i = 0; i < result.table->rows.size(); ++i) {
      const MergedRow& row = result.table->rows[i];
      json.begin_object();
      json.key("key");
      if (row.key.empty()) json.null();
      else json.value(row.key);
      json.key("origin").value(merged_origin_id(row.origin));
      json.key("stt").value(row.stt);
      json.key("label").value(row.label);
      json.key("depth").value(row.depth);
      json.key("row").value(static_cast<std::int64_t>(first + i + 1));
      if (row.input) {
        const InputSummary& input = result.inputs[*row.input];
        json.key("path").value(input.path);
        json.key("commune").value(input.commune);
      }
      json.key("values").begin_array();
      for (const auto& value : row.values) json.value(value);
      json.end_array();
      json.end_object();
    }
  }
  json.end_array();
}

void write_unmatched(JsonWriter& json, const MergeResult& result) {
  json.key("unmatched").begin_array();
  if (result.table) {
    const std::uint32_t first = result.layout->table.header_last + 1;
    for (const UnmatchedRow& row : result.table->unmatched) {
      const InputSummary& input = result.inputs[row.input];
      json.begin_object();
      json.key("path").value(input.path);
      json.key("commune").value(input.commune);
      json.key("sheet").value(input.sheet);
      json.key("row").value(static_cast<std::int64_t>(row.sheet_row) + 1);
      json.key("stt").value(row.stt);
      json.key("label").value(row.label);
      json.key("reason").value(row.reason);
      json.key("parent_key");
      if (row.parent_key.empty()) json.null();
      else json.value(row.parent_key);
      json.key("output_row");
      if (row.output_row >= 0) json.value(static_cast<std::int64_t>(first) + row.output_row + 1);
      else json.null();
      json.end_object();
    }
  }
  json.end_array();
}

}  // namespace

void write_merge_json(std::ostream& out, const MergeResult& result, const std::string& output, int exit_code, Lang lang) {
  JsonWriter json(out, true, 9);
  json.begin_object();
  json.key("schema").value("phuluc-merge/1");
  json.key("lang").value(lang == Lang::vi ? "vi" : "en");
  json.key("output");
  if (result.written) json.value(output);
  else json.null();
  json.key("exit_code").value(exit_code);
  json.key("merged").value(static_cast<std::int64_t>(result.merged()));
  json.key("refused").value(static_cast<std::int64_t>(result.refused()));
  write_template(json, result);
  write_columns(json, result);
  write_inputs(json, result, lang);
  write_rows(json, result);
  write_unmatched(json, result);
  json.end_object();
}

}  // namespace phuluc
