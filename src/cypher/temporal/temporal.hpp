#pragma once
// Building temporal values: from ISO 8601 text, from maps of fields (with another temporal to start from), by
// truncation; durations from their parts. Bad input throws the engine's Error (ArgumentError) at `where`.
#include <optional>
#include <string_view>

#include "actorgraph/cypher/error.hpp"
#include "actorgraph/cypher/value.hpp"

namespace actorgraph::cypher::temporal {

/// A UTC instant: seconds since the epoch and nanoseconds 0..999'999'999.
struct Instant {
    std::int64_t seconds = 0;
    std::int64_t nanos = 0;
};
/// The system clock now.
[[nodiscard]] Instant current_instant();

/// Reads ISO 8601 text as the given kind: '2015-W30-2', '2015-202', '21:40:32.142+0100',
/// '2015-07-21T21:40[Europe/London]', 'P14DT16H12M', 'P2012-02-02T14:37:21.545'.
[[nodiscard]] Temporal parse(TemporalKind kind, std::string_view text, QueryPosition where);

/// The kind's constructor on a map: {year, month, day, week, dayOfWeek, quarter, dayOfQuarter, ordinalDay,
/// hour, minute, second, millisecond, microsecond, nanosecond, timezone, date, time, datetime, epochSeconds,
/// epochMillis}; for durations {years, quarters, months, weeks, days, hours, minutes, seconds, ...}.
/// `clock` is the statement's instant, for a map holding only a timezone (the current time there).
[[nodiscard]] Temporal from_map(TemporalKind kind, const Map& fields, QueryPosition where, Instant clock = current_instant());
/// The kind's constructor on another temporal value (date(datetime), localtime(time), ...).
[[nodiscard]] Temporal convert(TemporalKind kind, const Temporal& other, QueryPosition where);
/// An instant as the kind (date(), datetime(), ... of the statement's clock), in UTC or a given zone.
[[nodiscard]] Temporal now(TemporalKind kind, std::optional<std::string_view> zone, QueryPosition where, Instant at);
/// kind.truncate(unit, value, fields).
[[nodiscard]] Temporal truncate(TemporalKind kind, std::string_view unit, const Temporal& value, const Map& fields,
                                QueryPosition where);
/// datetime.fromepoch(seconds, nanos) and datetime.fromepochmillis(millis).
[[nodiscard]] Temporal from_epoch(std::int64_t seconds, std::int64_t nanos, QueryPosition where);

/// duration({years: 1, days: 1.5, ...}): fractions cascade down to smaller units.
[[nodiscard]] Temporal duration_from_map(const Map& fields, QueryPosition where);
/// A duration of months, days, seconds and nanoseconds normalised so that nanos is 0..999'999'999.
[[nodiscard]] Temporal make_duration(std::int64_t months, std::int64_t days, std::int64_t seconds, std::int64_t nanos,
                                     QueryPosition where);
/// A duration from fractional parts, cascading fractions down (a month is 30.436875 days, as in Neo4j).
[[nodiscard]] Temporal approximate_duration(double months, double days, double seconds, double nanos,
                                            QueryPosition where);

/// Throws ArgumentError (InvalidArgumentValue) with the message.
[[noreturn]] void invalid(const std::string& message, QueryPosition where);

/// A datetime for a wall clock in a zone (named zone or fixed offset); sets offset and keeps the wall clock.
[[nodiscard]] Temporal zoned(std::int64_t days, std::int64_t second_of_day, std::int32_t nanos, std::int32_t zone,
                             std::int32_t offset);
/// The same instant seen in another zone (zone -1: a fixed offset).
[[nodiscard]] Temporal with_zone(const Temporal& datetime, std::int32_t zone, std::int32_t offset);
/// Reads a timezone value ('+01:00', 'Europe/Stockholm') into (zone, offset-if-fixed).
struct Zone {
    std::int32_t zone = -1;
    std::int32_t offset = 0;
};
[[nodiscard]] Zone read_zone(std::string_view text, QueryPosition where);

}  // namespace actorgraph::cypher::temporal
