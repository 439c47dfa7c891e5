#pragma once
// The temporal values of openCypher: date, localtime, time, localdatetime, datetime and duration, in one
// small struct so that a Value stays cheap to copy. Calendar arithmetic, parsing and time zones live in
// src/cypher/temporal; this header only holds the representation and its text form.
#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

namespace actorgraph::cypher {

enum class TemporalKind : std::uint8_t { Date, LocalTime, Time, LocalDateTime, DateTime, Duration };

/// One temporal value. Points in time keep their local fields (the wall clock) plus the offset, so that the
/// fields read back exactly as given; the instant of a time or datetime is local time minus offset.
struct Temporal {
    TemporalKind kind = TemporalKind::Date;
    std::int32_t nanos = 0;   ///< nanosecond of the second, 0..999'999'999 (also for durations)
    std::int32_t offset = 0;  ///< Time, DateTime: seconds east of UTC
    std::int32_t zone = -1;   ///< DateTime: a named zone (see zone_name), or -1 when only the offset is known
    std::int64_t days = 0;    ///< Date, LocalDateTime, DateTime: days since 1970-01-01 (local); Duration: days
    std::int64_t seconds = 0; ///< times: second of the day, 0..86399; Duration: seconds (nanos added on top)
    std::int64_t months = 0;  ///< Duration only

    [[nodiscard]] bool has_date() const noexcept
    {
        return kind == TemporalKind::Date || kind == TemporalKind::LocalDateTime || kind == TemporalKind::DateTime;
    }
    [[nodiscard]] bool has_time() const noexcept
    {
        return kind == TemporalKind::LocalTime || kind == TemporalKind::Time || kind == TemporalKind::LocalDateTime ||
               kind == TemporalKind::DateTime;
    }
    [[nodiscard]] bool has_offset() const noexcept { return kind == TemporalKind::Time || kind == TemporalKind::DateTime; }
};

/// The zone id of a named time zone ("Europe/Stockholm"), interned once per process.
[[nodiscard]] std::int32_t intern_zone(std::string_view name);
/// The name of an interned zone ("" for -1).
[[nodiscard]] std::string zone_name(std::int32_t zone);

/// openCypher's string form: '2015-07-21', '21:40:32.142+01:00', '2015-07-21T21:40[Europe/London]', 'P1DT2H'.
[[nodiscard]] std::string temporal_text(const Temporal& value);
/// openCypher's name of the kind ("DATE", "LOCAL TIME", ...).
[[nodiscard]] std::string temporal_type_name(TemporalKind kind);

/// Equality as `=` sees it: same kind and same fields (a datetime's instant and zone; a time's local time and offset).
[[nodiscard]] bool temporal_equal(const Temporal& a, const Temporal& b);
/// The order of `<` (on instants for time and datetime); unordered for durations and for different kinds.
[[nodiscard]] std::partial_ordering temporal_compare(const Temporal& a, const Temporal& b);
/// The total order of ORDER BY within one kind (durations by their fields).
[[nodiscard]] std::strong_ordering temporal_order(const Temporal& a, const Temporal& b);

}  // namespace actorgraph::cypher
