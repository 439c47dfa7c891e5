// The components a temporal value exposes as properties: d.year, t.timezone, dt.epochMillis, dur.minutesOfHour...
#include "actorgraph/model/spelling.hpp"
#include "cypher/temporal/arithmetic.hpp"
#include "cypher/temporal/calendar.hpp"

namespace actorgraph::cypher::temporal {

namespace {

std::optional<Value> date_component(std::int64_t days, std::string_view name)
{
    auto civil = civil_from_days(days);
    auto integer = [](std::int64_t v) { return std::optional<Value>(Value::integer(v)); };
    if (name == "year") return integer(civil.year);
    if (name == "quarter") return integer((civil.month - 1) / 3 + 1);
    if (name == "month") return integer(civil.month);
    if (name == "week") return integer(week_date(days).week);
    if (name == "weekyear") return integer(week_date(days).week_year);
    if (name == "day") return integer(civil.day);
    if (name == "ordinalday") return integer(day_of_year(days));
    if (name == "weekday" || name == "dayofweek") return integer(day_of_week(days));
    if (name == "dayofquarter") return integer(day_of_quarter(days));
    return std::nullopt;
}

std::optional<Value> time_component(std::int64_t seconds, std::int64_t nanos, std::string_view name)
{
    auto integer = [](std::int64_t v) { return std::optional<Value>(Value::integer(v)); };
    if (name == "hour") return integer(seconds / 3600);
    if (name == "minute") return integer(seconds / 60 % 60);
    if (name == "second") return integer(seconds % 60);
    if (name == "millisecond") return integer(nanos / 1'000'000);
    if (name == "microsecond") return integer(nanos / 1'000);
    if (name == "nanosecond") return integer(nanos);
    return std::nullopt;
}

// seconds * factor + part, or an error when it does not fit in 64 bits.
std::optional<Value> scaled(std::int64_t seconds, std::int64_t factor, std::int64_t part, QueryPosition where)
{
    std::int64_t result = 0;
    if (__builtin_mul_overflow(seconds, factor, &result) || __builtin_add_overflow(result, part, &result)) {
        throw Error(ErrorClass::ArgumentError, "IntegerOverflow", Phase::runtime,
                    "the duration in these units does not fit in a 64-bit integer", where);
    }
    return Value::integer(result);
}

std::optional<Value> zone_component(const Temporal& t, std::string_view name, QueryPosition where)
{
    if (name == "timezone") return Value::string(t.zone >= 0 ? zone_name(t.zone) : offset_text(t.offset));
    if (name == "offset") return Value::string(offset_text(t.offset));
    if (name == "offsetminutes") return Value::integer(t.offset / 60);
    if (name == "offsetseconds") return Value::integer(t.offset);
    if (t.kind != TemporalKind::DateTime) return std::nullopt;
    auto epoch_seconds = t.days * seconds_per_day + t.seconds - t.offset;
    if (name == "epochseconds") return Value::integer(epoch_seconds);
    if (name == "epochmillis") return scaled(epoch_seconds, 1000, t.nanos / 1'000'000, where);
    return std::nullopt;
}

std::optional<Value> duration_component(const Temporal& d, std::string_view name, QueryPosition where)
{
    auto integer = [](std::int64_t v) { return std::optional<Value>(Value::integer(v)); };
    // Seconds and nanoseconds of a negative duration count toward zero together (-1.5 s: -1 s, -500 ms).
    std::int64_t seconds = d.seconds, nanos = d.nanos;
    if (name == "years") return integer(d.months / 12);
    if (name == "quarters") return integer(d.months / 3);
    if (name == "months") return integer(d.months);
    if (name == "weeks") return integer(d.days / 7);
    if (name == "days") return integer(d.days);
    if (name == "hours") return integer(seconds / 3600);
    if (name == "minutes") return integer(seconds / 60);
    if (name == "seconds") return integer(seconds);
    if (name == "milliseconds") return scaled(seconds, 1000, nanos / 1'000'000, where);
    if (name == "microseconds") return scaled(seconds, 1'000'000, nanos / 1'000, where);
    if (name == "nanoseconds") return scaled(seconds, 1'000'000'000, nanos, where);
    if (name == "quartersofyear") return integer(d.months % 12 / 3);
    if (name == "monthsofquarter") return integer(d.months % 3);
    if (name == "monthsofyear") return integer(d.months % 12);
    if (name == "daysofweek") return integer(d.days % 7);
    if (name == "minutesofhour") return integer(seconds / 60 % 60);
    if (name == "secondsofminute") return integer(seconds % 60);
    if (name == "millisecondsofsecond") return integer(nanos / 1'000'000);
    if (name == "microsecondsofsecond") return integer(nanos / 1'000);
    if (name == "nanosecondsofsecond") return integer(nanos);
    return std::nullopt;
}

}  // namespace

std::optional<Value> component(const Temporal& value, std::string_view name_text, QueryPosition where)
{
    auto name = fold_case(name_text);
    if (value.kind == TemporalKind::Duration) return duration_component(value, name, where);
    if (value.has_date()) {
        if (auto found = date_component(value.days, name)) return found;
    }
    if (value.has_time()) {
        if (auto found = time_component(value.seconds, value.nanos, name)) return found;
    }
    if (value.has_offset()) return zone_component(value, name, where);
    return std::nullopt;
}

std::vector<std::string> component_names(const Temporal& value)
{
    if (value.kind == TemporalKind::Duration) {
        return {"years", "quarters", "months", "weeks", "days", "hours", "minutes", "seconds", "milliseconds",
                "microseconds", "nanoseconds", "quartersOfYear", "monthsOfQuarter", "monthsOfYear", "daysOfWeek",
                "minutesOfHour", "secondsOfMinute", "millisecondsOfSecond", "microsecondsOfSecond", "nanosecondsOfSecond"};
    }
    std::vector<std::string> names;
    if (value.has_date()) {
        names.insert(names.end(), {"year", "quarter", "month", "week", "weekYear", "day", "ordinalDay", "weekDay",
                                   "dayOfWeek", "dayOfQuarter"});
    }
    if (value.has_time()) names.insert(names.end(), {"hour", "minute", "second", "millisecond", "microsecond", "nanosecond"});
    if (value.has_offset()) names.insert(names.end(), {"timezone", "offset", "offsetMinutes", "offsetSeconds"});
    if (value.kind == TemporalKind::DateTime) names.insert(names.end(), {"epochSeconds", "epochMillis"});
    return names;
}

}  // namespace actorgraph::cypher::temporal
