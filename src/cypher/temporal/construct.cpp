// Temporal values from maps of fields, from other temporal values, from the clock and by truncation.
// A map may start from another value ({date: d, day: 28}); the fields it names replace the base's, in the
// calendar the fields belong to (year/month/day, year/week/dayOfWeek, year/quarter/dayOfQuarter, year/ordinalDay).
#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <span>

#include "actorgraph/model/spelling.hpp"
#include "cypher/temporal/calendar.hpp"
#include "cypher/temporal/temporal.hpp"

namespace actorgraph::cypher::temporal {

namespace {

constexpr std::array<std::string_view, 8> date_keys{"year", "month", "day", "week", "dayofweek", "quarter",
                                                    "dayofquarter", "ordinalday"};
constexpr std::array<std::string_view, 6> time_keys{"hour", "minute", "second", "millisecond", "microsecond",
                                                    "nanosecond"};

// The fields of a constructor map, keys folded to lower case.
class Fields {
public:
    Fields(const Map& map, QueryPosition where) : where_(where)
    {
        for (const auto& [key, value] : map) values_.insert_or_assign(fold_case(key), value);
    }
    Fields(QueryPosition where) : where_(where) {}

    [[nodiscard]] bool has(std::string_view key) const { return values_.find(key) != values_.end(); }
    [[nodiscard]] const Value* find(std::string_view key) const
    {
        auto found = values_.find(key);
        return found == values_.end() ? nullptr : &found->second;
    }
    [[nodiscard]] std::optional<std::int64_t> integer(std::string_view key) const
    {
        const auto* value = find(key);
        if (!value || value->is_null()) return std::nullopt;
        if (value->is_integer()) return value->as_integer();
        if (value->is_float()) {
            double d = value->as_float();
            // A whole float is taken as the integer it spells; casting a huge or NaN one would be undefined.
            if (std::isfinite(d) && std::fabs(d) < 9.2e18 && d == std::trunc(d)) return static_cast<std::int64_t>(d);
        }
        invalid("'" + std::string(key) + "' must be an integer, not " + type_name(value->type()), where_);
    }
    [[nodiscard]] bool any_of(std::span<const std::string_view> keys) const
    {
        return std::any_of(keys.begin(), keys.end(), [this](std::string_view k) { return has(k); });
    }
    [[nodiscard]] const Map& all() const { return values_; }

private:
    Map values_;
    QueryPosition where_;
};

// What a map starts from: a date, a time of day, and the zone of the time source.
struct Base {
    std::optional<std::int64_t> days;
    // The time of day, when the base has one (plain fields: GCC 12 misreads an optional pair as uninitialised).
    bool has_time = false;
    std::int64_t seconds = 0;
    std::int32_t nanos = 0;
    std::optional<Zone> zone;
};

std::int64_t ranged(std::optional<std::int64_t> value, std::int64_t fallback, std::int64_t low, std::int64_t high,
                    std::string_view name, QueryPosition where)
{
    auto v = value.value_or(fallback);
    if (v < low || v > high) {
        invalid(std::string(name) + " " + std::to_string(v) + " is not in " + std::to_string(low) + ".." + std::to_string(high), where);
    }
    return v;
}

std::int64_t select_date(const Fields& f, std::optional<std::int64_t> base, QueryPosition where)
{
    if (!base && !f.has("year")) invalid("a date needs a 'year' (or a 'date' to start from)", where);
    auto civil = civil_from_days(base.value_or(0));
    if (f.has("week") || f.has("dayofweek")) {
        auto from = week_date(base.value_or(0));
        auto year = ranged(f.integer("year"), from.week_year, min_year, max_year, "year", where);
        auto week = ranged(f.integer("week"), base ? from.week : 1, 1, weeks_in_year(year), "week", where);
        auto weekday = ranged(f.integer("dayofweek"), base ? from.day_of_week : 1, 1, 7, "dayOfWeek", where);
        return first_day_of_week_year(year) + (week - 1) * 7 + (weekday - 1);
    }
    auto year = ranged(f.integer("year"), civil.year, min_year, max_year, "year", where);
    if (f.has("quarter") || f.has("dayofquarter")) {
        auto quarter = ranged(f.integer("quarter"), base ? (civil.month - 1) / 3 + 1 : 1, 1, 4, "quarter", where);
        auto first = days_from_civil(year, static_cast<int>((quarter - 1) * 3 + 1), 1);
        auto length = days_from_civil(quarter == 4 ? year + 1 : year, quarter == 4 ? 1 : static_cast<int>(quarter * 3 + 1), 1) - first;
        auto day = ranged(f.integer("dayofquarter"), base ? day_of_quarter(*base) : 1, 1, length, "dayOfQuarter", where);
        return first + day - 1;
    }
    if (f.has("ordinalday")) {
        auto day = ranged(f.integer("ordinalday"), 1, 1, is_leap_year(year) ? 366 : 365, "ordinalDay", where);
        return days_from_civil(year, 1, 1) + day - 1;
    }
    if (f.has("day") && !f.has("month") && !base) invalid("a date with a 'day' needs a 'month'", where);
    auto month = ranged(f.integer("month"), base ? civil.month : 1, 1, 12, "month", where);
    auto day = ranged(f.integer("day"), base ? civil.day : 1, 1, days_in_month(year, static_cast<int>(month)), "day", where);
    return days_from_civil(year, static_cast<int>(month), static_cast<int>(day));
}

std::pair<std::int64_t, std::int32_t> select_time(const Fields& f, const Base& from,
                                                  QueryPosition where)
{
    bool base = from.has_time;
    std::int64_t base_seconds = from.seconds;
    std::int32_t base_nanos = from.nanos;
    if (!base && !f.has("hour") && f.any_of(time_keys)) invalid("a time needs an 'hour'", where);
    if (!base && f.has("second") && !f.has("minute")) invalid("a time with a 'second' needs a 'minute'", where);
    auto hour = ranged(f.integer("hour"), base_seconds / 3600, 0, 23, "hour", where);
    auto minute = ranged(f.integer("minute"), base_seconds / 60 % 60, 0, 59, "minute", where);
    auto second = ranged(f.integer("second"), base_seconds % 60, 0, 59, "second", where);
    std::int64_t nanos = base_nanos;
    bool milli = f.has("millisecond"), micro = f.has("microsecond"), nano = f.has("nanosecond");
    if (milli || micro || nano) {
        // Without a base a part may carry the smaller ones (microsecond: 645876); with one, a given part replaces
        // only its own digits (a base's .645 with nanosecond: 2 is .645000002).
        bool whole_micro = !base || (micro && !milli && *f.integer("microsecond") > 999);
        bool whole_nano = !base || (nano && !milli && !micro && *f.integer("nanosecond") > 999);
        auto ms = ranged(f.integer("millisecond"), base && !whole_micro && !whole_nano ? base_nanos / 1'000'000 : 0, 0, 999,
                         "millisecond", where);
        auto us = ranged(f.integer("microsecond"), base && !whole_nano ? base_nanos / 1'000 % 1'000 : 0, 0,
                         milli || !whole_micro ? 999 : 999'999, "microsecond", where);
        auto ns = ranged(f.integer("nanosecond"), base ? base_nanos % 1'000 : 0, 0,
                         milli || micro || !whole_nano ? 999 : 999'999'999, "nanosecond", where);
        nanos = ms * 1'000'000 + us * 1'000 + ns;
    }
    return {hour * 3600 + minute * 60 + second, static_cast<std::int32_t>(nanos)};
}

Base base_of(const Temporal& t)
{
    Base base;
    if (t.has_date()) base.days = t.days;
    if (t.has_time()) base.has_time = true, base.seconds = t.seconds, base.nanos = t.nanos;
    if (t.has_offset()) base.zone = Zone{t.zone, t.offset};
    return base;
}

const Temporal* temporal_field(const Fields& f, std::string_view key, QueryPosition where)
{
    const auto* value = f.find(key);
    if (!value || value->is_null()) return nullptr;
    if (!value->is_temporal() || value->as_temporal().kind == TemporalKind::Duration) {
        invalid("'" + std::string(key) + "' must be a temporal value, not " + type_name(value->type()), where);
    }
    return &value->as_temporal();
}

void check_keys(TemporalKind kind, const Fields& f, QueryPosition where)
{
    bool with_date = kind == TemporalKind::Date || kind == TemporalKind::LocalDateTime || kind == TemporalKind::DateTime;
    bool with_time = kind != TemporalKind::Date;
    for (const auto& [key, value] : f.all()) {
        bool date_key = std::find(date_keys.begin(), date_keys.end(), key) != date_keys.end() || key == "date";
        bool time_key = std::find(time_keys.begin(), time_keys.end(), key) != time_keys.end() || key == "time";
        bool epoch_key = key == "epochseconds" || key == "epochmillis";
        bool allowed = key == "timezone" || key == "datetime" || (date_key && with_date) || (time_key && with_time) ||
                       (epoch_key && kind == TemporalKind::DateTime);
        if (!allowed) invalid("'" + key + "' is not a field of a " + temporal_type_name(kind), where);
    }
}

// The offset of a named zone today at a time of day (a time with a named zone has no date of its own).
std::int32_t offset_today(std::int32_t zone, std::int64_t second_of_day)
{
    auto today = floor_div(current_instant().seconds, seconds_per_day);
    return resolve_local(zone, today * seconds_per_day + second_of_day).offset;
}

// Assembles the kind from a base and the fields that replace its parts.
Temporal assemble(TemporalKind kind, const Fields& f, Base base, std::optional<Zone> zone, QueryPosition where)
{
    Temporal result;
    result.kind = kind;
    bool wants_date = kind == TemporalKind::Date || kind == TemporalKind::LocalDateTime || kind == TemporalKind::DateTime;
    bool wants_time = kind != TemporalKind::Date;
    if (wants_date) result.days = select_date(f, base.days, where);
    if (wants_time) std::tie(result.seconds, result.nanos) = select_time(f, base, where);
    if (kind == TemporalKind::Time) {
        // A base keeps the offset it had; a named zone given as a field has no date, so today's offset is taken.
        if (zone) result.offset = zone->zone >= 0 ? offset_today(zone->zone, result.seconds) : zone->offset;
        else if (base.zone) result.offset = base.zone->offset;
    }
    if (kind == TemporalKind::DateTime) {
        auto chosen = zone ? *zone : base.zone.value_or(Zone{});
        return zoned(result.days, result.seconds, result.nanos, chosen.zone, chosen.offset);
    }
    return result;
}

// A time or datetime built in its source's zone, then moved to the target zone (same instant).
Temporal moved_to_zone(Temporal value, Zone target)
{
    if (value.kind == TemporalKind::DateTime) return with_zone(value, target.zone, target.offset);
    auto offset = target.zone >= 0 ? offset_today(target.zone, value.seconds) : target.offset;
    value.seconds = floor_mod(value.seconds + offset - value.offset, seconds_per_day);
    value.offset = offset;
    return value;
}

Temporal from_epoch_fields(const Fields& f, std::optional<Zone> zone, QueryPosition where)
{
    std::int64_t seconds = 0, nanos = f.integer("nanosecond").value_or(0);
    if (auto s = f.integer("epochseconds")) seconds = *s;
    if (auto ms = f.integer("epochmillis")) {
        seconds = floor_div(*ms, 1000);
        nanos += floor_mod(*ms, 1000) * 1'000'000;
    }
    auto utc = from_epoch(seconds, nanos, where);
    return zone ? with_zone(utc, zone->zone, zone->offset) : utc;
}

}  // namespace

void invalid(const std::string& message, QueryPosition where)
{
    throw Error(ErrorClass::ArgumentError, "InvalidArgumentValue", Phase::runtime, message, where);
}

Zone read_zone(std::string_view text, QueryPosition where)
{
    if (auto offset = parse_offset(text)) return {-1, *offset};
    auto zone = intern_zone(text);
    if (zone < 0) invalid("unknown time zone '" + std::string(text) + "'", where);
    return {zone, 0};
}

Temporal zoned(std::int64_t days, std::int64_t second_of_day, std::int32_t nanos, std::int32_t zone, std::int32_t offset)
{
    Temporal result;
    result.kind = TemporalKind::DateTime;
    result.nanos = nanos;
    result.zone = zone;
    auto local = days * seconds_per_day + second_of_day;
    if (zone >= 0) {
        auto resolved = resolve_local(zone, local);
        local = resolved.local_seconds;
        offset = resolved.offset;
    }
    result.offset = offset;
    result.days = floor_div(local, seconds_per_day);
    result.seconds = floor_mod(local, seconds_per_day);
    return result;
}

Temporal with_zone(const Temporal& datetime, std::int32_t zone, std::int32_t offset)
{
    auto instant = datetime.days * seconds_per_day + datetime.seconds - datetime.offset;
    if (zone >= 0) offset = zone_offset_at_instant(zone, instant);
    Temporal result = datetime;
    result.kind = TemporalKind::DateTime;
    result.zone = zone;
    result.offset = offset;
    result.days = floor_div(instant + offset, seconds_per_day);
    result.seconds = floor_mod(instant + offset, seconds_per_day);
    return result;
}

Temporal from_epoch(std::int64_t seconds, std::int64_t nanos, QueryPosition where)
{
    constexpr std::int64_t limit = 31'556'889'864'403'199;  // +999999999-12-31T23:59:59
    if (seconds > limit || seconds < -limit) invalid("epoch seconds out of range", where);
    seconds += floor_div(nanos, nanos_per_second);
    Temporal result;
    result.kind = TemporalKind::DateTime;
    result.nanos = static_cast<std::int32_t>(floor_mod(nanos, nanos_per_second));
    result.days = floor_div(seconds, seconds_per_day);
    result.seconds = floor_mod(seconds, seconds_per_day);
    return result;
}

Temporal from_map(TemporalKind kind, const Map& map, QueryPosition where, Instant clock)
{
    if (kind == TemporalKind::Duration) return duration_from_map(map, where);
    Fields f(map, where);
    check_keys(kind, f, where);
    std::optional<Zone> zone;
    if (const auto* tz = f.find("timezone"); tz && !tz->is_null()) {
        if (!tz->is_string()) invalid("'timezone' must be a string", where);
        zone = read_zone(tz->as_string(), where);
    }
    if (f.has("epochseconds") || f.has("epochmillis")) return from_epoch_fields(f, zone, where);
    const auto* datetime = temporal_field(f, "datetime", where);
    const auto* date = temporal_field(f, "date", where);
    const auto* time = temporal_field(f, "time", where);
    Base base;
    const Temporal* time_source = time ? time : datetime;
    if (datetime) base = base_of(*datetime);
    if (date) {
        if (!date->has_date()) invalid("'date' must hold a date", where);
        base.days = date->days;
    }
    if (time) {
        if (!time->has_time()) invalid("'time' must hold a time", where);
        auto from_time = base_of(*time);
        base.has_time = true, base.seconds = from_time.seconds, base.nanos = from_time.nanos;
        base.zone = from_time.zone;
    }
    if (f.all().size() == (zone ? 1u : 0u) && !datetime && !date && !time) {
        if (zone) return now(kind, f.find("timezone")->as_string(), where, clock);
        invalid("a " + temporal_type_name(kind) + " needs fields", where);
    }
    // A new zone for a time that has one keeps the instant: the value is built where its time came from, then moved.
    bool moves = zone && time_source && base.zone && (kind == TemporalKind::Time || kind == TemporalKind::DateTime);
    if (moves) return moved_to_zone(assemble(kind, f, base, base.zone, where), *zone);
    return assemble(kind, f, base, zone, where);
}

Temporal convert(TemporalKind kind, const Temporal& other, QueryPosition where)
{
    if (other.kind == TemporalKind::Duration) invalid("cannot make a " + temporal_type_name(kind) + " of a DURATION", where);
    if (kind == other.kind) return other;
    auto base = base_of(other);
    if ((kind == TemporalKind::Date || kind == TemporalKind::LocalDateTime || kind == TemporalKind::DateTime) && !base.days) {
        invalid("cannot make a " + temporal_type_name(kind) + " of a " + temporal_type_name(other.kind), where);
    }
    base.has_time = true;  // midnight when the value has no time
    return assemble(kind, Fields(where), base, std::nullopt, where);
}

Instant current_instant()
{
    auto since_epoch = std::chrono::system_clock::now().time_since_epoch();
    auto nanos = std::chrono::duration_cast<std::chrono::nanoseconds>(since_epoch).count();
    return {floor_div(nanos, nanos_per_second), floor_mod(nanos, nanos_per_second)};
}

Temporal now(TemporalKind kind, std::optional<std::string_view> zone_text, QueryPosition where, Instant at)
{
    auto utc = from_epoch(at.seconds, at.nanos, where);
    if (zone_text) {
        auto zone = read_zone(*zone_text, where);
        utc = with_zone(utc, zone.zone, zone.offset);
    }
    if (kind == TemporalKind::DateTime) return utc;
    return assemble(kind, Fields(where), base_of(utc), std::nullopt, where);
}

namespace {

// The wall clock of `value` cut down to the start of the unit.
Base truncated(std::string_view unit_text, const Temporal& value, QueryPosition where)
{
    auto unit = fold_case(unit_text);
    auto base = base_of(value);
    base.has_time = true;
    auto& seconds = base.seconds;
    auto& nanos = base.nanos;
    auto round_down = [](std::int64_t v, std::int64_t step) { return floor_div(v, step) * step; };
    static constexpr std::array<std::string_view, 9> date_units{"millennium", "century", "decade", "year", "weekyear",
                                                                "quarter", "month", "week", "day"};
    bool date_unit = std::find(date_units.begin(), date_units.end(), unit) != date_units.end();
    if (date_unit) {
        if (!base.days) invalid("cannot truncate a " + temporal_type_name(value.kind) + " to a " + unit, where);
        auto civil = civil_from_days(*base.days);
        auto& days = *base.days;
        if (unit == "millennium") days = days_from_civil(round_down(civil.year, 1000), 1, 1);
        else if (unit == "century") days = days_from_civil(round_down(civil.year, 100), 1, 1);
        else if (unit == "decade") days = days_from_civil(round_down(civil.year, 10), 1, 1);
        else if (unit == "year") days = days_from_civil(civil.year, 1, 1);
        else if (unit == "weekyear") days = first_day_of_week_year(week_date(days).week_year);
        else if (unit == "quarter") days = days_from_civil(civil.year, (civil.month - 1) / 3 * 3 + 1, 1);
        else if (unit == "month") days = days_from_civil(civil.year, civil.month, 1);
        else if (unit == "week") days -= day_of_week(days) - 1;
        seconds = 0;
        nanos = 0;
        return base;
    }
    if (unit == "hour") seconds = round_down(seconds, 3600), nanos = 0;
    else if (unit == "minute") seconds = round_down(seconds, 60), nanos = 0;
    else if (unit == "second") nanos = 0;
    else if (unit == "millisecond") nanos = static_cast<std::int32_t>(round_down(nanos, 1'000'000));
    else if (unit == "microsecond") nanos = static_cast<std::int32_t>(round_down(nanos, 1'000));
    else invalid("unknown unit '" + std::string(unit_text) + "' for truncate", where);
    return base;
}

}  // namespace

Temporal truncate(TemporalKind kind, std::string_view unit, const Temporal& value, const Map& fields, QueryPosition where)
{
    if (value.kind == TemporalKind::Duration) invalid("cannot truncate a DURATION", where);
    Fields f(fields, where);
    check_keys(kind, f, where);
    auto base = truncated(unit, value, where);
    std::optional<Zone> zone;
    if (const auto* tz = f.find("timezone"); tz && !tz->is_null()) {
        if (!tz->is_string()) invalid("'timezone' must be a string", where);
        zone = read_zone(tz->as_string(), where);
    }
    if ((kind == TemporalKind::Date || kind == TemporalKind::LocalDateTime || kind == TemporalKind::DateTime) && !base.days) {
        invalid("cannot make a " + temporal_type_name(kind) + " of a " + temporal_type_name(value.kind), where);
    }
    return assemble(kind, f, base, zone, where);
}

}  // namespace actorgraph::cypher::temporal
