#pragma once
// Converting amounts between the money units appendices are kept in (đồng, nghìn đồng, triệu
// đồng, tỷ đồng), so a commune that reports in đồng can be added to a template in triệu đồng.
#include <optional>

#include "report/lang.hpp"
#include "table/table.hpp"

namespace phuluc {

/// The power of ten that turns an amount in `from` into the same amount in `to`: 1,000,000 đồng
/// is 1 triệu đồng, so unit_shift(Unit::dong, Unit::million_dong) == -6. nullopt when either unit is
/// unknown (a merge refuses such an input rather than guess).
///   if (const auto shift = unit_shift(input.unit, template_unit)) amount = convert_amount(amount, *shift);
std::optional<int> unit_shift(Unit from, Unit to);

/// `value` × 10^shift, dividing by an exact power of ten for a negative shift so that
/// 1,234,567 đồng becomes exactly the double nearest to 1.234567 triệu đồng.
///   convert_amount(1234567.0, -6) == 1.234567
double convert_amount(double value, int shift);

/// The unit's name as an officer writes it: "triệu đồng" (vi) or "million đồng" (en); "?" when unknown.
///   unit_name(Unit::thousand_dong, Lang::vi) == std::string("nghìn đồng")
const char* unit_name(Unit unit, Lang lang);

}  // namespace phuluc
