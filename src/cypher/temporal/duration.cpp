// Durations: construction with fractions cascading down (as Neo4j does: a month is 30.436875 days), arithmetic
// with points in time and with numbers, and the differences duration.between / inMonths / inDays / inSeconds.
#include <cmath>

#include "actorgraph/model/spelling.hpp"
#include "cypher/temporal/arithmetic.hpp"
#include "cypher/temporal/calendar.hpp"

namespace actorgraph::cypher::temporal {

namespace {

constexpr double days_per_month = 30.436875;  // 146097 days / 4800 months

[[noreturn]] void overflow(QueryPosition where)
{
    throw Error(ErrorClass::ArgumentError, "IntegerOverflow", Phase::runtime, "the duration does not fit in 64 bits", where);
}

std::int64_t checked_add(std::int64_t a, std::int64_t b, QueryPosition where)
{
    std::int64_t result = 0;
    if (__builtin_add_overflow(a, b, &result)) overflow(where);
    return result;
}

std::int64_t checked_mul(std::int64_t a, std::int64_t b, QueryPosition where)
{
    std::int64_t result = 0;
    if (__builtin_mul_overflow(a, b, &result)) overflow(where);
    return result;
}

std::int64_t to_integer(double value, QueryPosition where)
{
    if (!std::isfinite(value) || std::fabs(value) >= 9.2e18) overflow(where);
    return static_cast<std::int64_t>(value);
}

// A whole part and a fraction carried down to the next smaller unit.
struct Part {
    std::int64_t whole = 0;
    double fraction = 0;
    void add(const Value& v, std::int64_t factor, QueryPosition where)
    {
        if (v.is_integer()) {
            whole = checked_add(whole, checked_mul(v.as_integer(), factor, where), where);
            return;
        }
        double scaled = v.as_float() * static_cast<double>(factor);
        auto w = to_integer(std::trunc(scaled), where);
        whole = checked_add(whole, w, where);
        fraction += scaled - static_cast<double>(w);
    }
    // Moves whole units out of the fraction; returns the rest.
    double settle(QueryPosition where)
    {
        auto w = to_integer(std::trunc(fraction), where);
        whole = checked_add(whole, w, where);
        return fraction - static_cast<double>(w);
    }
};

// Nanoseconds from a computed fraction: floating error near a whole nanosecond rounds to it, else truncates.
std::int64_t whole_nanos(double nanos, QueryPosition where)
{
    double nearest = std::round(nanos);
    if (std::fabs(nanos - nearest) < 1e-3) return to_integer(nearest, where);
    return to_integer(std::trunc(nanos), where);
}

Temporal cascade(Part months, Part days, Part seconds, Part nanos, QueryPosition where)
{
    days.fraction += months.settle(where) * days_per_month;
    seconds.fraction += days.settle(where) * static_cast<double>(seconds_per_day);
    nanos.fraction += seconds.settle(where) * 1e9;
    auto total_nanos = checked_add(nanos.whole, whole_nanos(nanos.fraction, where), where);
    return make_duration(months.whole, days.whole, seconds.whole, total_nanos, where);
}

Temporal negated(const Temporal& d, QueryPosition where)
{
    return make_duration(-d.months, -d.days, -d.seconds, -std::int64_t{d.nanos}, where);
}

std::int64_t plus_months(std::int64_t days, std::int64_t months)
{
    auto civil = civil_from_days(days);
    auto total = civil.year * 12 + (civil.month - 1) + months;
    auto year = floor_div(total, 12);
    auto month = static_cast<int>(floor_mod(total, 12)) + 1;
    return days_from_civil(year, month, std::min(civil.day, days_in_month(year, month)));
}

// (seconds, nanos) of a wall clock: days * 86400 + second of day.
struct Clock {
    std::int64_t seconds;
    std::int64_t nanos;
};
Clock local_clock(const Temporal& t) { return {t.days * seconds_per_day + t.seconds, t.nanos}; }
Clock instant_clock(const Temporal& t) { return {t.days * seconds_per_day + t.seconds - t.offset, t.nanos}; }

Temporal clock_difference(Clock from, Clock to, QueryPosition where)
{
    return make_duration(0, 0, to.seconds - from.seconds, to.nanos - from.nanos, where);
}

Temporal as_datetime_like(const Temporal& t)
{
    Temporal result = t;
    if (!t.has_time()) result.seconds = 0, result.nanos = 0;
    return result;
}

// Java's LocalDateTime.until for MONTHS and DAYS: whole units, the end day stepped back when its time of day is
// earlier (or forward when later, going backwards).
std::int64_t end_day(const Temporal& from, const Temporal& to)
{
    auto end = to.days;
    Clock a{from.seconds, from.nanos}, b{to.seconds, to.nanos};
    auto time_before = b.seconds < a.seconds || (b.seconds == a.seconds && b.nanos < a.nanos);
    auto time_after = b.seconds > a.seconds || (b.seconds == a.seconds && b.nanos > a.nanos);
    if (end > from.days && time_before) --end;
    else if (end < from.days && time_after) ++end;
    return end;
}

std::int64_t months_until(const Temporal& from, const Temporal& to)
{
    auto a = civil_from_days(from.days), b = civil_from_days(end_day(from, to));
    auto packed_a = (a.year * 12 + a.month - 1) * 32 + a.day;
    auto packed_b = (b.year * 12 + b.month - 1) * 32 + b.day;
    return (packed_b - packed_a) / 32;
}

std::int64_t days_until(const Temporal& from, const Temporal& to) { return end_day(from, to) - from.days; }

// The two values as wall clocks to compare: `to` seen in `from`'s zone when both carry one.
std::pair<Temporal, Temporal> aligned(const Temporal& from, const Temporal& to)
{
    auto a = as_datetime_like(from), b = as_datetime_like(to);
    if (a.kind == TemporalKind::DateTime && b.kind == TemporalKind::DateTime) b = with_zone(b, a.zone, a.offset);
    return {a, b};
}

// The time-of-day difference when one side has no date (on instants when both have offsets).
Temporal time_of_day_difference(const Temporal& from, const Temporal& to, QueryPosition where)
{
    bool instants = from.has_offset() && to.has_offset();
    auto a = as_datetime_like(from), b = as_datetime_like(to);
    Clock x{a.seconds - (instants ? a.offset : 0), a.nanos}, y{b.seconds - (instants ? b.offset : 0), b.nanos};
    return clock_difference(x, y, where);
}

// A value without an offset measured against a datetime is read as a wall clock in the datetime's zone, on the
// datetime's date when it has none (localtime('04:00') against a datetime on a day clocks go back).
Temporal in_zone_of(const Temporal& local, const Temporal& zoned_value)
{
    auto days = local.has_date() ? local.days : zoned_value.days;
    auto seconds = local.has_time() ? local.seconds : 0;
    auto nanos = local.has_time() ? local.nanos : 0;
    return zoned(days, seconds, nanos, zoned_value.zone, zoned_value.offset);
}

}  // namespace

Temporal make_duration(std::int64_t months, std::int64_t days, std::int64_t seconds, std::int64_t nanos, QueryPosition where)
{
    Temporal d;
    d.kind = TemporalKind::Duration;
    d.months = months;
    d.days = days;
    d.seconds = checked_add(seconds, floor_div(nanos, nanos_per_second), where);
    d.nanos = static_cast<std::int32_t>(floor_mod(nanos, nanos_per_second));
    return d;
}

Temporal approximate_duration(double months, double days, double seconds, double nanos, QueryPosition where)
{
    Part m, d, s, n;
    m.add(Value::floating(months), 1, where);
    d.add(Value::floating(days), 1, where);
    s.add(Value::floating(seconds), 1, where);
    n.add(Value::floating(nanos), 1, where);
    return cascade(m, d, s, n, where);
}

Temporal duration_from_map(const Map& fields, QueryPosition where)
{
    Part months, days, seconds, nanos;
    struct Unit {
        std::string_view name;
        Part* part;
        std::int64_t factor;
    };
    const Unit units[] = {{"years", &months, 12},         {"quarters", &months, 3},        {"months", &months, 1},
                          {"weeks", &days, 7},            {"days", &days, 1},              {"hours", &seconds, 3600},
                          {"minutes", &seconds, 60},      {"seconds", &seconds, 1},        {"milliseconds", &nanos, 1'000'000},
                          {"microseconds", &nanos, 1'000}, {"nanoseconds", &nanos, 1}};
    for (const auto& [key, value] : fields) {
        auto name = fold_case(key);
        const Unit* unit = nullptr;
        for (const auto& u : units) {
            if (u.name == name) unit = &u;
        }
        if (!unit) invalid("'" + key + "' is not a field of a DURATION", where);
        if (value.is_null()) continue;
        if (!value.is_number()) invalid("'" + key + "' must be a number, not " + type_name(value.type()), where);
        unit->part->add(value, unit->factor, where);
    }
    return cascade(months, days, seconds, nanos, where);
}

Temporal add_duration(const Temporal& point, const Temporal& d, QueryPosition where)
{
    // Beyond these no result can be within the years ±999,999,999 (and the day arithmetic stays in 64 bits).
    constexpr std::int64_t most_months = 24'000'000'000, most_days = 740'000'000'000, most_seconds = most_days * seconds_per_day;
    bool huge = d.months > most_months || d.months < -most_months || d.days > most_days || d.days < -most_days ||
                d.seconds > most_seconds || d.seconds < -most_seconds;
    if (huge && point.kind != TemporalKind::Duration) invalid("the result is out of the supported range of years", where);
    Temporal result = point;
    switch (point.kind) {
    case TemporalKind::Duration:
        return make_duration(checked_add(point.months, d.months, where), checked_add(point.days, d.days, where),
                             checked_add(point.seconds, d.seconds, where), std::int64_t{point.nanos} + d.nanos, where);
    case TemporalKind::Date: {
        // Whole days of the seconds part count, truncated toward zero.
        auto seconds = d.seconds + (d.seconds < 0 && d.nanos > 0 ? 1 : 0);
        result.days = plus_months(point.days, d.months) + d.days + seconds / seconds_per_day;
        break;
    }
    case TemporalKind::LocalTime:
    case TemporalKind::Time: {
        auto nanos = std::int64_t{point.nanos} + d.nanos;
        auto seconds = point.seconds + floor_mod(d.seconds, seconds_per_day) + floor_div(nanos, nanos_per_second);
        result.seconds = floor_mod(seconds, seconds_per_day);
        result.nanos = static_cast<std::int32_t>(floor_mod(nanos, nanos_per_second));
        break;
    }
    case TemporalKind::LocalDateTime:
    case TemporalKind::DateTime: {
        auto days = plus_months(point.days, d.months) + d.days;
        if (point.kind == TemporalKind::DateTime) {
            result = zoned(days, point.seconds, point.nanos, point.zone, point.offset);
        } else {
            result.days = days;
        }
        auto nanos = std::int64_t{result.nanos} + d.nanos;
        auto clock = result.days * seconds_per_day + result.seconds - (point.kind == TemporalKind::DateTime ? result.offset : 0) +
                     d.seconds + floor_div(nanos, nanos_per_second);
        result.nanos = static_cast<std::int32_t>(floor_mod(nanos, nanos_per_second));
        if (point.kind == TemporalKind::DateTime) {
            Temporal utc = result;
            utc.offset = 0;
            utc.days = floor_div(clock, seconds_per_day);
            utc.seconds = floor_mod(clock, seconds_per_day);
            return with_zone(utc, point.zone, point.offset);
        }
        result.days = floor_div(clock, seconds_per_day);
        result.seconds = floor_mod(clock, seconds_per_day);
        break;
    }
    }
    if (result.has_date()) {
        auto year = civil_from_days(result.days).year;
        if (year < min_year || year > max_year) invalid("the result is out of the supported range of years", where);
    }
    return result;
}

Temporal subtract_duration(const Temporal& point, const Temporal& d, QueryPosition where)
{
    return add_duration(point, negated(d, where), where);
}

Temporal scale_duration(const Temporal& d, const Value& factor, bool divide, QueryPosition where)
{
    if (!divide && factor.is_integer()) {
        auto f = factor.as_integer();
        return make_duration(checked_mul(d.months, f, where), checked_mul(d.days, f, where),
                             checked_mul(d.seconds, f, where), checked_mul(std::int64_t{d.nanos}, f, where), where);
    }
    double f = factor.as_number();
    if (divide) {
        if (f == 0) throw Error(ErrorClass::ArgumentError, "DivisionByZero", Phase::runtime, "division of a duration by zero", where);
        // Each part divided, not multiplied by the reciprocal, which would round for whole divisors.
        return approximate_duration(static_cast<double>(d.months) / f, static_cast<double>(d.days) / f,
                                    static_cast<double>(d.seconds) / f, static_cast<double>(d.nanos) / f, where);
    }
    return approximate_duration(static_cast<double>(d.months) * f, static_cast<double>(d.days) * f,
                                static_cast<double>(d.seconds) * f, static_cast<double>(d.nanos) * f, where);
}

Temporal duration_between(BetweenUnit unit, const Temporal& from_value, const Temporal& to_value, QueryPosition where)
{
    if (from_value.kind == TemporalKind::Duration || to_value.kind == TemporalKind::Duration) {
        invalid("duration.between takes two points in time, not durations", where);
    }
    Temporal from = from_value, to = to_value;
    if (from.kind == TemporalKind::DateTime && !to.has_offset()) to = in_zone_of(to, from);
    else if (to.kind == TemporalKind::DateTime && !from.has_offset()) from = in_zone_of(from, to);
    if (!from.has_date() || !to.has_date()) {
        if (unit == BetweenUnit::Months || unit == BetweenUnit::Days) return make_duration(0, 0, 0, 0, where);
        return time_of_day_difference(from, to, where);
    }
    auto [a, b] = aligned(from, to);
    bool instants = a.kind == TemporalKind::DateTime && b.kind == TemporalKind::DateTime;
    switch (unit) {
    case BetweenUnit::Months: return make_duration(months_until(a, b), 0, 0, 0, where);
    case BetweenUnit::Days: return make_duration(0, days_until(a, b), 0, 0, where);
    case BetweenUnit::Seconds:
        return instants ? clock_difference(instant_clock(from), instant_clock(to), where)
                        : clock_difference(local_clock(a), local_clock(b), where);
    case BetweenUnit::All: break;
    }
    auto months = months_until(a, b);
    auto moved = a;
    moved.days = plus_months(a.days, months);
    auto days = days_until(moved, b);
    moved.days += days;
    Temporal rest;
    if (instants) {
        auto resolved = zoned(moved.days, moved.seconds, moved.nanos, moved.zone, moved.offset);
        rest = clock_difference(instant_clock(resolved), instant_clock(to), where);
    } else {
        rest = clock_difference(local_clock(moved), local_clock(b), where);
    }
    return make_duration(months, days, rest.seconds, rest.nanos, where);
}

}  // namespace actorgraph::cypher::temporal
