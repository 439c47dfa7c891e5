#pragma once
// Arithmetic on temporal values, the differences between them, and their accessors (d.year, t.offset, ...).
#include <string>
#include <vector>

#include "cypher/temporal/temporal.hpp"

namespace actorgraph::cypher::temporal {

/// point + duration (or duration + duration): months and days on the calendar, then seconds on the clock.
[[nodiscard]] Temporal add_duration(const Temporal& point, const Temporal& duration, QueryPosition where);
/// point - duration (or duration - duration).
[[nodiscard]] Temporal subtract_duration(const Temporal& point, const Temporal& duration, QueryPosition where);
/// duration * number, or duration / number (divide); fractions cascade down as in duration({...}).
[[nodiscard]] Temporal scale_duration(const Temporal& duration, const Value& factor, bool divide, QueryPosition where);

enum class BetweenUnit { All, Months, Days, Seconds };
/// duration.between / inMonths / inDays / inSeconds.
[[nodiscard]] Temporal duration_between(BetweenUnit unit, const Temporal& from, const Temporal& to, QueryPosition where);

/// A component of a temporal value by name (year, week, timezone, epochSeconds, days, minutesOfHour, ...);
/// nullopt when the kind has no such component; a value too large for an integer is an error at `where`.
[[nodiscard]] std::optional<Value> component(const Temporal& value, std::string_view name, QueryPosition where);

/// The components the value's kind has, for suggestions.
[[nodiscard]] std::vector<std::string> component_names(const Temporal& value);

}  // namespace actorgraph::cypher::temporal
