#include "cypher/temporal/calendar.hpp"

#include <date/tz.h>

#include <algorithm>
#include <deque>
#include <mutex>
#include <stdexcept>

namespace actorgraph::cypher {

namespace {

struct ZoneEntry {
    std::string name;
    const date::time_zone* zone;
};

// Interned zones: a datetime carries a small index instead of a string. A deque keeps entries in place.
std::mutex zones_mutex;
std::deque<ZoneEntry>& zone_table()
{
    static std::deque<ZoneEntry> table;
    return table;
}

const date::time_zone* locate(std::string_view name)
{
    try {
        return date::locate_zone(name);
    } catch (const std::exception&) {
        return nullptr;
    }
}

}  // namespace

std::int32_t intern_zone(std::string_view name)
{
    std::lock_guard lock(zones_mutex);
    auto& table = zone_table();
    for (std::size_t i = 0; i < table.size(); ++i) {
        if (table[i].name == name) return static_cast<std::int32_t>(i);
    }
    const auto* zone = locate(name);
    if (!zone) return -1;
    table.push_back({std::string(name), zone});
    return static_cast<std::int32_t>(table.size() - 1);
}

std::string zone_name(std::int32_t zone)
{
    std::lock_guard lock(zones_mutex);
    const auto& table = zone_table();
    if (zone < 0 || static_cast<std::size_t>(zone) >= table.size()) return {};
    return table[static_cast<std::size_t>(zone)].name;
}

namespace temporal {

namespace {

const date::time_zone* zone_pointer(std::int32_t zone)
{
    std::lock_guard lock(zones_mutex);
    const auto& table = zone_table();
    if (zone < 0 || static_cast<std::size_t>(zone) >= table.size()) return nullptr;
    return table[static_cast<std::size_t>(zone)].zone;
}

// date.h keeps years in a short: look offsets up within years 1..9999 and use the bound's offset beyond.
std::int64_t clamp_for_zone(std::int64_t seconds)
{
    constexpr std::int64_t lowest = -62135596800;  // 0001-01-01
    constexpr std::int64_t highest = 253402300799;  // 9999-12-31T23:59:59
    return std::clamp(seconds, lowest, highest);
}

}  // namespace

std::int64_t days_from_civil(std::int64_t year, int month, int day)
{
    // Howard Hinnant's days_from_civil, in 64 bits.
    year -= month <= 2 ? 1 : 0;
    const std::int64_t era = (year >= 0 ? year : year - 399) / 400;
    const auto year_of_era = static_cast<std::int64_t>(year - era * 400);
    const std::int64_t day_of_year = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    const std::int64_t day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    return era * 146097 + day_of_era - 719468;
}

CivilDate civil_from_days(std::int64_t days)
{
    days += 719468;
    const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
    const std::int64_t day_of_era = days - era * 146097;
    const std::int64_t year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
    const std::int64_t day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    const std::int64_t mp = (5 * day_of_year + 2) / 153;
    const auto day = static_cast<int>(day_of_year - (153 * mp + 2) / 5 + 1);
    const auto month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    return {year_of_era + era * 400 + (month <= 2 ? 1 : 0), month, day};
}

bool is_leap_year(std::int64_t year) { return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0); }

int days_in_month(std::int64_t year, int month)
{
    static constexpr int lengths[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month == 2 && is_leap_year(year)) return 29;
    return lengths[(month - 1) % 12];
}

int day_of_week(std::int64_t days)
{
    // 1970-01-01 was a Thursday (4).
    return static_cast<int>(floor_mod(days + 3, 7)) + 1;
}

std::int64_t first_day_of_week_year(std::int64_t week_year)
{
    auto january_4 = days_from_civil(week_year, 1, 4);
    return january_4 - (day_of_week(january_4) - 1);
}

WeekDate week_date(std::int64_t days)
{
    int weekday = day_of_week(days);
    auto thursday = days + (4 - weekday);
    auto year = civil_from_days(thursday).year;
    auto week = static_cast<int>((thursday - days_from_civil(year, 1, 1)) / 7 + 1);
    return {year, week, weekday};
}

int weeks_in_year(std::int64_t week_year)
{
    return static_cast<int>((first_day_of_week_year(week_year + 1) - first_day_of_week_year(week_year)) / 7);
}

int day_of_year(std::int64_t days)
{
    return static_cast<int>(days - days_from_civil(civil_from_days(days).year, 1, 1) + 1);
}

int day_of_quarter(std::int64_t days)
{
    auto civil = civil_from_days(days);
    int first_month = (civil.month - 1) / 3 * 3 + 1;
    return static_cast<int>(days - days_from_civil(civil.year, first_month, 1) + 1);
}

bool is_known_zone(std::string_view name) { return parse_offset(name) || locate(name) != nullptr; }

std::int32_t zone_offset_at_instant(std::int32_t zone, std::int64_t epoch_seconds)
{
    const auto* tz = zone_pointer(zone);
    if (!tz) return 0;
    auto info = tz->get_info(date::sys_seconds{std::chrono::seconds{clamp_for_zone(epoch_seconds)}});
    return static_cast<std::int32_t>(info.offset.count());
}

LocalResolution resolve_local(std::int32_t zone, std::int64_t local_seconds)
{
    const auto* tz = zone_pointer(zone);
    if (!tz) return {local_seconds, 0};
    auto clamped = clamp_for_zone(local_seconds);
    auto info = tz->get_info(date::local_seconds{std::chrono::seconds{clamped}});
    auto before = static_cast<std::int32_t>(info.first.offset.count());
    if (info.result == date::local_info::nonexistent) {
        auto after = static_cast<std::int32_t>(info.second.offset.count());
        return {local_seconds + (after - before), after};
    }
    return {local_seconds, before};
}

std::optional<std::int32_t> parse_offset(std::string_view text)
{
    if (text == "Z" || text == "z") return 0;
    if (text.size() < 3 || (text[0] != '+' && text[0] != '-')) return std::nullopt;
    int sign = text[0] == '-' ? -1 : 1;
    text.remove_prefix(1);
    int parts[3] = {0, 0, 0};
    int count = 0;
    while (!text.empty() && count < 3) {
        if (text.size() < 2 || !std::isdigit(static_cast<unsigned char>(text[0])) ||
            !std::isdigit(static_cast<unsigned char>(text[1]))) {
            return std::nullopt;
        }
        parts[count++] = (text[0] - '0') * 10 + (text[1] - '0');
        text.remove_prefix(2);
        if (!text.empty() && text[0] == ':') text.remove_prefix(1);
    }
    if (!text.empty() || parts[0] > 18 || parts[1] > 59 || parts[2] > 59) return std::nullopt;
    int total = parts[0] * 3600 + parts[1] * 60 + parts[2];
    if (total > 18 * 3600) return std::nullopt;
    return sign * total;
}

std::string offset_text(std::int32_t offset)
{
    if (offset == 0) return "Z";
    std::string text = offset < 0 ? "-" : "+";
    int magnitude = offset < 0 ? -offset : offset;
    auto two = [](int n) { return std::string{static_cast<char>('0' + n / 10), static_cast<char>('0' + n % 10)}; };
    text += two(magnitude / 3600) + ":" + two(magnitude / 60 % 60);
    if (magnitude % 60 != 0) text += ":" + two(magnitude % 60);
    return text;
}

}  // namespace temporal

}  // namespace actorgraph::cypher
