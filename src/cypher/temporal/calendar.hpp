#pragma once
// The proleptic Gregorian calendar over 64-bit day numbers (years far beyond date.h's ±32767, as openCypher
// allows ±999,999,999), ISO week dates, and time-zone offsets from the OS tz database (date/tz.h).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "actorgraph/cypher/temporal.hpp"

namespace actorgraph::cypher::temporal {

constexpr std::int64_t seconds_per_day = 86400;
constexpr std::int64_t nanos_per_second = 1'000'000'000;
constexpr std::int64_t min_year = -999'999'999;
constexpr std::int64_t max_year = 999'999'999;

struct CivilDate {
    std::int64_t year = 1970;
    int month = 1;  ///< 1..12
    int day = 1;    ///< 1..31
};

[[nodiscard]] std::int64_t days_from_civil(std::int64_t year, int month, int day);
[[nodiscard]] CivilDate civil_from_days(std::int64_t days);
[[nodiscard]] bool is_leap_year(std::int64_t year);
[[nodiscard]] int days_in_month(std::int64_t year, int month);
/// ISO day of week, Monday = 1 .. Sunday = 7.
[[nodiscard]] int day_of_week(std::int64_t days);
/// The Monday that starts ISO week 1 of a week-based year.
[[nodiscard]] std::int64_t first_day_of_week_year(std::int64_t week_year);
/// The ISO week-based year and week (1..53) of a day.
struct WeekDate {
    std::int64_t week_year;
    int week;
    int day_of_week;
};
[[nodiscard]] WeekDate week_date(std::int64_t days);
[[nodiscard]] int weeks_in_year(std::int64_t week_year);
/// 1..366
[[nodiscard]] int day_of_year(std::int64_t days);
/// 1..92
[[nodiscard]] int day_of_quarter(std::int64_t days);

/// Floor division and modulo for negative numbers (days from seconds and so on).
[[nodiscard]] constexpr std::int64_t floor_div(std::int64_t a, std::int64_t b)
{
    return a / b - ((a % b != 0) && ((a < 0) != (b < 0)) ? 1 : 0);
}
[[nodiscard]] constexpr std::int64_t floor_mod(std::int64_t a, std::int64_t b) { return a - floor_div(a, b) * b; }

/// Whether a zone name is known to the tz database (or is an offset like "+01:00").
[[nodiscard]] bool is_known_zone(std::string_view name);
/// The offset of a named zone at a UTC instant (seconds since the epoch).
[[nodiscard]] std::int32_t zone_offset_at_instant(std::int32_t zone, std::int64_t epoch_seconds);
/// The offset of a named zone for a wall-clock time (local seconds since the epoch); a time in a gap is moved
/// forward by the gap, a time in an overlap takes the earlier offset, as java.time resolves them.
struct LocalResolution {
    std::int64_t local_seconds;  ///< the wall clock, moved past a gap when needed
    std::int32_t offset;
};
[[nodiscard]] LocalResolution resolve_local(std::int32_t zone, std::int64_t local_seconds);

/// Reads "Z", "+01:00", "+0100", "+01", "-02:05:07" into seconds east of UTC; nullopt if it is not an offset.
[[nodiscard]] std::optional<std::int32_t> parse_offset(std::string_view text);
/// "+01:00", "Z", "+00:53:28".
[[nodiscard]] std::string offset_text(std::int32_t offset);

}  // namespace actorgraph::cypher::temporal
