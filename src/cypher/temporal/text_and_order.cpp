// The string form of temporal values (as java.time prints them, which Neo4j and the TCK follow) and their
// equality and order.
#include <cstdio>

#include "actorgraph/cypher/temporal.hpp"
#include "cypher/temporal/calendar.hpp"

namespace actorgraph::cypher {

namespace {

using namespace temporal;

std::string padded(std::int64_t value, int width)
{
    std::string digits = std::to_string(value < 0 ? -value : value);
    if (static_cast<int>(digits.size()) < width) digits.insert(0, static_cast<std::size_t>(width) - digits.size(), '0');
    return digits;
}

std::string date_text(std::int64_t days)
{
    auto civil = civil_from_days(days);
    std::string text;
    if (civil.year < 0) text = "-";
    else if (civil.year > 9999) text = "+";
    return text + padded(civil.year, 4) + "-" + padded(civil.month, 2) + "-" + padded(civil.day, 2);
}

// java.time's LocalTime.toString: seconds only when not zero, fractions in groups of three digits.
std::string time_text(std::int64_t second_of_day, std::int32_t nanos)
{
    std::string text = padded(second_of_day / 3600, 2) + ":" + padded(second_of_day / 60 % 60, 2);
    if (second_of_day % 60 == 0 && nanos == 0) return text;
    text += ":" + padded(second_of_day % 60, 2);
    if (nanos == 0) return text;
    if (nanos % 1'000'000 == 0) return text + "." + padded(nanos / 1'000'000, 3);
    if (nanos % 1'000 == 0) return text + "." + padded(nanos / 1'000, 6);
    return text + "." + padded(nanos, 9);
}

// Nanoseconds as a fraction without trailing zeros (".5", ".000000001").
std::string fraction_text(std::int64_t nanos)
{
    std::string digits = padded(nanos, 9);
    while (!digits.empty() && digits.back() == '0') digits.pop_back();
    return digits.empty() ? "" : "." + digits;
}

std::string duration_text(const Temporal& d)
{
    std::string text = "P";
    auto part = [&text](std::int64_t value, char unit) {
        if (value != 0) text += std::to_string(value) + unit;
    };
    part(d.months / 12, 'Y');
    part(d.months % 12, 'M');
    part(d.days, 'D');
    if (d.seconds != 0 || d.nanos != 0) {
        // Seconds and nanoseconds are printed with one sign: -2 s + 0.001 s is "-1.999S".
        bool negative = d.seconds < 0;
        std::int64_t seconds = d.seconds;
        std::int64_t nanos = d.nanos;
        if (negative && nanos != 0) {
            ++seconds;
            nanos = nanos_per_second - nanos;
        }
        text += "T";
        part(seconds / 3600, 'H');
        seconds %= 3600;
        part(seconds / 60, 'M');
        seconds %= 60;
        if (seconds != 0) {
            text += std::to_string(seconds) + fraction_text(nanos) + "S";
        } else if (nanos != 0) {
            text += (negative ? "-0" : "0") + fraction_text(nanos) + "S";
        }
    }
    if (text.size() == 1) text += "T0S";
    return text;
}

// A time's or datetime's instant, as (seconds, nanoseconds).
std::pair<std::int64_t, std::int32_t> instant(const Temporal& t)
{
    return {t.days * seconds_per_day + t.seconds - t.offset, t.nanos};
}

std::strong_ordering local_order(const Temporal& a, const Temporal& b)
{
    if (auto sign = a.days <=> b.days; sign != 0) return sign;
    if (auto sign = a.seconds <=> b.seconds; sign != 0) return sign;
    return a.nanos <=> b.nanos;
}

}  // namespace

std::string temporal_text(const Temporal& value)
{
    switch (value.kind) {
    case TemporalKind::Date: return date_text(value.days);
    case TemporalKind::LocalTime: return time_text(value.seconds, value.nanos);
    case TemporalKind::Time: return time_text(value.seconds, value.nanos) + offset_text(value.offset);
    case TemporalKind::LocalDateTime: return date_text(value.days) + "T" + time_text(value.seconds, value.nanos);
    case TemporalKind::DateTime: {
        auto text = date_text(value.days) + "T" + time_text(value.seconds, value.nanos) + offset_text(value.offset);
        if (value.zone >= 0) text += "[" + zone_name(value.zone) + "]";
        return text;
    }
    case TemporalKind::Duration: return duration_text(value);
    }
    return {};
}

std::string temporal_type_name(TemporalKind kind)
{
    switch (kind) {
    case TemporalKind::Date: return "DATE";
    case TemporalKind::LocalTime: return "LOCAL TIME";
    case TemporalKind::Time: return "ZONED TIME";
    case TemporalKind::LocalDateTime: return "LOCAL DATETIME";
    case TemporalKind::DateTime: return "ZONED DATETIME";
    case TemporalKind::Duration: return "DURATION";
    }
    return "TEMPORAL";
}

bool temporal_equal(const Temporal& a, const Temporal& b)
{
    if (a.kind != b.kind) return false;
    switch (a.kind) {
    case TemporalKind::Duration:
        return a.months == b.months && a.days == b.days && a.seconds == b.seconds && a.nanos == b.nanos;
    case TemporalKind::DateTime: return instant(a) == instant(b) && a.zone == b.zone && a.offset == b.offset;
    case TemporalKind::Time: return local_order(a, b) == 0 && a.offset == b.offset;
    default: return local_order(a, b) == 0;
    }
}

std::partial_ordering temporal_compare(const Temporal& a, const Temporal& b)
{
    if (a.kind != b.kind || a.kind == TemporalKind::Duration) return std::partial_ordering::unordered;
    return temporal_order(a, b);
}

std::strong_ordering temporal_order(const Temporal& a, const Temporal& b)
{
    if (a.kind != b.kind) return a.kind <=> b.kind;
    switch (a.kind) {
    case TemporalKind::Duration:
        if (auto sign = a.months <=> b.months; sign != 0) return sign;
        if (auto sign = a.days <=> b.days; sign != 0) return sign;
        if (auto sign = a.seconds <=> b.seconds; sign != 0) return sign;
        return a.nanos <=> b.nanos;
    case TemporalKind::Time:
    case TemporalKind::DateTime: {
        if (auto sign = instant(a) <=> instant(b); sign != 0) return sign;
        if (auto sign = local_order(a, b); sign != 0) return sign;
        return a.zone <=> b.zone;
    }
    default: return local_order(a, b);
    }
}

}  // namespace actorgraph::cypher
