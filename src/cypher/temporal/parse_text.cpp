// ISO 8601 text into temporal values, in the extended ('2015-07-21T21:40:32') and basic ('20150721T214032')
// forms, with week dates ('2015-W30-2'), ordinal dates ('2015-202'), offsets and bracketed zone names.
#include <cmath>

#include "cypher/temporal/calendar.hpp"
#include "cypher/temporal/temporal.hpp"

namespace actorgraph::cypher::temporal {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

class TextReader {
public:
    TextReader(std::string_view text, std::string what, QueryPosition where) : text_(text), what_(std::move(what)), where_(where) {}

    [[noreturn]] void fail(const std::string& why) const
    {
        invalid("cannot read '" + std::string(text_) + "' as a " + what_ + ": " + why, where_);
    }
    bool done() const { return at_ >= text_.size(); }
    char peek() const { return done() ? '\0' : text_[at_]; }
    bool accept(char c)
    {
        if (peek() != c) return false;
        ++at_;
        return true;
    }
    std::size_t digits_ahead() const
    {
        std::size_t n = 0;
        while (at_ + n < text_.size() && is_digit(text_[at_ + n])) ++n;
        return n;
    }
    std::int64_t number(std::size_t count)
    {
        if (digits_ahead() < count) fail("expected " + std::to_string(count) + " digits");
        std::int64_t value = 0;
        for (std::size_t i = 0; i < count; ++i) value = value * 10 + (text_[at_++] - '0');
        return value;
    }
    std::string_view rest() const { return text_.substr(at_); }
    void skip_to_end() { at_ = text_.size(); }

    // Year: four digits, or a sign and up to nine.
    std::int64_t year()
    {
        if (peek() == '+' || peek() == '-') {
            bool negative = text_[at_++] == '-';
            auto count = digits_ahead();
            if (count < 4 || count > 9) fail("a signed year has 4 to 9 digits");
            auto value = number(count);
            return negative ? -value : value;
        }
        return number(4);
    }

    std::int64_t date()
    {
        auto y = year();
        if (done() || peek() == 'T') return checked_date(y, 1, 1);
        bool extended = accept('-');
        if (accept('W')) {
            auto week = number(2);
            std::int64_t weekday = 1;
            if (extended ? accept('-') : digits_ahead() > 0) weekday = number(1);
            return week_date_days(y, week, weekday);
        }
        auto count = digits_ahead();
        if (count == 3) return ordinal_days(y, number(3));
        auto month = number(2);
        if (done() || peek() == 'T') return checked_date(y, month, 1);
        if (extended && !accept('-')) fail("expected '-' before the day");
        return checked_date(y, month, number(2));
    }

    // hh[:mm[:ss[.fffffffff]]] or hh[mm[ss[.fffffffff]]]; returns second of day and nanoseconds.
    std::pair<std::int64_t, std::int32_t> time()
    {
        auto hour = number(2);
        std::int64_t minute = 0, second = 0;
        std::int32_t nanos = 0;
        bool extended = peek() == ':';
        auto more = [&] { return extended ? accept(':') : digits_ahead() >= 2; };
        if (more()) {
            minute = number(2);
            if (more()) {
                second = number(2);
                if (accept('.') || accept(',')) {
                    auto count = digits_ahead();
                    if (count == 0 || count > 9) fail("a fraction of a second has 1 to 9 digits");
                    auto fraction = number(count);
                    for (auto i = count; i < 9; ++i) fraction *= 10;
                    nanos = static_cast<std::int32_t>(fraction);
                }
            }
        }
        if (hour > 23 || minute > 59 || second > 59) fail("hour, minute or second out of range");
        return {hour * 3600 + minute * 60 + second, nanos};
    }

    std::int64_t checked_date(std::int64_t y, std::int64_t month, std::int64_t day) const
    {
        if (month < 1 || month > 12) fail("month " + std::to_string(month) + " is not 1..12");
        if (day < 1 || day > days_in_month(y, static_cast<int>(month))) fail("day " + std::to_string(day) + " is not in the month");
        return days_from_civil(y, static_cast<int>(month), static_cast<int>(day));
    }
    std::int64_t week_date_days(std::int64_t y, std::int64_t week, std::int64_t weekday) const
    {
        if (week < 1 || week > weeks_in_year(y)) fail("week " + std::to_string(week) + " is not in the year");
        if (weekday < 1 || weekday > 7) fail("day of week " + std::to_string(weekday) + " is not 1..7");
        return first_day_of_week_year(y) + (week - 1) * 7 + (weekday - 1);
    }
    std::int64_t ordinal_days(std::int64_t y, std::int64_t ordinal) const
    {
        if (ordinal < 1 || ordinal > (is_leap_year(y) ? 366 : 365)) fail("day of year " + std::to_string(ordinal) + " is not in the year");
        return days_from_civil(y, 1, 1) + ordinal - 1;
    }

private:
    std::string_view text_;
    std::string what_;
    QueryPosition where_;
    std::size_t at_ = 0;
};

// The offset and zone after a time: "Z", "+01:00", "[Europe/Stockholm]" or "+02:00[Europe/Stockholm]".
struct ZoneSuffix {
    std::optional<std::int32_t> offset;
    std::int32_t zone = -1;
};

ZoneSuffix zone_suffix(TextReader& reader, bool named_allowed)
{
    ZoneSuffix suffix;
    auto rest = reader.rest();
    auto bracket = rest.find('[');
    auto offset_text = rest.substr(0, bracket);
    if (!offset_text.empty()) {
        suffix.offset = parse_offset(offset_text);
        if (!suffix.offset) reader.fail("'" + std::string(offset_text) + "' is not a time zone offset");
    }
    if (bracket != std::string_view::npos) {
        if (!named_allowed || rest.back() != ']') reader.fail("unexpected time zone name");
        auto name = rest.substr(bracket + 1, rest.size() - bracket - 2);
        suffix.zone = intern_zone(name);
        if (suffix.zone < 0) reader.fail("'" + std::string(name) + "' is not a named time zone");
    }
    reader.skip_to_end();
    return suffix;
}

Temporal parse_point(TemporalKind kind, std::string_view text, QueryPosition where)
{
    TextReader reader(text, temporal_type_name(kind), where);
    Temporal result;
    result.kind = kind;
    bool with_date = kind == TemporalKind::Date || kind == TemporalKind::LocalDateTime || kind == TemporalKind::DateTime;
    bool with_time = kind != TemporalKind::Date;
    if (with_date) {
        result.days = reader.date();
        if (kind != TemporalKind::Date && !reader.done() && !reader.accept('T')) reader.fail("expected 'T' before the time");
        if (kind != TemporalKind::Date && reader.done() && text.back() == 'T') reader.fail("expected a time after 'T'");
    }
    bool time_follows = with_time && !reader.done() && (!with_date || text.find('T') != std::string_view::npos);
    if (time_follows) std::tie(result.seconds, result.nanos) = reader.time();
    if (kind == TemporalKind::Date || kind == TemporalKind::LocalTime || kind == TemporalKind::LocalDateTime) {
        if (!reader.done()) reader.fail("unexpected '" + std::string(reader.rest()) + "'");
        return result;
    }
    auto suffix = zone_suffix(reader, kind == TemporalKind::DateTime);
    if (kind == TemporalKind::Time) {
        result.offset = suffix.offset.value_or(0);
        return result;
    }
    if (suffix.zone >= 0) return zoned(result.days, result.seconds, result.nanos, suffix.zone, 0);
    result.offset = suffix.offset.value_or(0);
    return result;
}

Temporal parse_duration(std::string_view text, QueryPosition where)
{
    TextReader reader(text, "DURATION", where);
    bool negative_all = reader.accept('-');
    if (!reader.accept('P')) reader.fail("a duration starts with 'P'");
    auto rest = reader.rest();
    // The alternative form P<date>T<time>: 'P2012-02-02T14:37:21.545'.
    if (rest.size() >= 4 && rest.find_first_not_of("0123456789") == 4 && (rest[4] == '-' || rest[4] == 'T')) {
        auto years = reader.number(4);
        std::int64_t months = 0, days = 0;
        if (reader.accept('-')) {
            months = reader.number(2);
            if (reader.accept('-')) days = reader.number(2);
        }
        std::int64_t seconds = 0;
        std::int32_t nanos = 0;
        if (reader.accept('T')) std::tie(seconds, nanos) = reader.time();
        if (!reader.done()) reader.fail("unexpected '" + std::string(reader.rest()) + "'");
        auto d = make_duration(years * 12 + months, days, seconds, nanos, where);
        return negative_all ? make_duration(-d.months, -d.days, -d.seconds, -std::int64_t{d.nanos}, where) : d;
    }
    double months = 0, days = 0, seconds = 0;
    std::int64_t whole_seconds = 0, nanos = 0;
    bool in_time = false, any = false;
    // Each designator once and in order: Y M W D, then after T: H M S.
    std::string_view order = "YMWDTHMS";
    std::size_t next = 0;
    while (!reader.done()) {
        if (reader.accept('T')) {
            if (in_time) reader.fail("a second 'T'");
            in_time = true;
            next = 5;
            continue;
        }
        bool negative = reader.accept('-');
        auto count = reader.digits_ahead();
        if (count == 0 || count > 18) reader.fail("expected a number");
        std::int64_t whole = reader.number(count);
        std::int64_t fraction_nanos = 0;
        double fraction = 0;
        if (reader.accept('.') || reader.accept(',')) {
            auto digits = reader.digits_ahead();
            if (digits == 0 || digits > 9) reader.fail("a fraction has 1 to 9 digits");
            fraction_nanos = reader.number(digits);
            for (auto i = digits; i < 9; ++i) fraction_nanos *= 10;
            fraction = static_cast<double>(fraction_nanos) / 1e9;
        }
        if (negative) whole = -whole, fraction_nanos = -fraction_nanos, fraction = -fraction;
        double value = static_cast<double>(whole) + fraction;
        char unit = reader.peek();
        reader.accept(unit);
        any = true;
        auto slot = order.find(unit, next);
        if (slot == std::string_view::npos || (slot >= 4) != in_time) reader.fail(std::string("unexpected '") + unit + "'");
        next = slot + 1;
        if (!in_time && unit == 'Y') months += value * 12;
        else if (!in_time && unit == 'M') months += value;
        else if (!in_time && unit == 'W') days += value * 7;
        else if (!in_time && unit == 'D') days += value;
        else if (in_time && unit == 'H') seconds += value * 3600;
        else if (in_time && unit == 'M') seconds += value * 60;
        else if (in_time && unit == 'S') whole_seconds += whole, nanos += fraction_nanos;
        else reader.fail(std::string("unexpected '") + unit + "'");
    }
    if (!any) reader.fail("a duration needs at least one part");
    auto d = approximate_duration(months, days, seconds, 0, where);
    std::int64_t total_seconds = 0;
    if (__builtin_add_overflow(d.seconds, whole_seconds, &total_seconds)) reader.fail("too many seconds");
    d = make_duration(d.months, d.days, total_seconds, d.nanos + nanos, where);
    return negative_all ? make_duration(-d.months, -d.days, -d.seconds, -std::int64_t{d.nanos}, where) : d;
}

}  // namespace

Temporal parse(TemporalKind kind, std::string_view text, QueryPosition where)
{
    if (text.empty() || text.size() > 100) {
        invalid("cannot read '" + std::string(text.substr(0, 100)) + "' as a " + temporal_type_name(kind) +
                    ": expected 1 to 100 characters", where);
    }
    if (kind == TemporalKind::Duration) return parse_duration(text, where);
    return parse_point(kind, text, where);
}

}  // namespace actorgraph::cypher::temporal
