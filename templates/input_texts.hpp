#pragma once
// What a commune's own table says about the report it goes with, for the converted appendix: the
// Kèm theo line, the year and period its title names, the disbursement cut-off its header names.
#include "table/table.hpp"
#include "templates/template_texts.hpp"

namespace phuluc {

/// Fills the fields of `texts` the user left empty from the input table: `attached` from its Kèm
/// theo line; `year` from the last year (19xx/20xx) its title names; `period` from the first
/// period its title names ("06 tháng đầu năm 2026", "năm 2025"); `disbursed_to` from the first date in the
/// header of a disbursement column ("Giải ngân ... đến 15/6/2026"); `unit` when `keep_unit` is false
/// and the table names one.
///   TemplateTexts texts = texts_from_options(...);
///   complete_from_input(texts, input, /*keep_unit=*/unit_given(vm));
void complete_from_input(TemplateTexts& texts, const Table& input, bool keep_unit);

}  // namespace phuluc
