#include "cypher/temporal/calendar.hpp"

#include <gtest/gtest.h>

namespace actorgraph::cypher::temporal {
namespace {

TEST(TemporalCalendar, ConvertsCivilDatesToDayNumbersAndBack)
{
    EXPECT_EQ(days_from_civil(1970, 1, 1), 0);
    EXPECT_EQ(days_from_civil(2000, 3, 1), 11017);
    EXPECT_EQ(days_from_civil(1969, 12, 31), -1);
    for (std::int64_t days : {-719468LL, -1LL, 0LL, 11016LL, 2932896LL, 365242499999LL, -365243219162LL}) {
        auto civil = civil_from_days(days);
        EXPECT_EQ(days_from_civil(civil.year, civil.month, civil.day), days) << days;
    }
    auto far = civil_from_days(days_from_civil(999999999, 12, 31));
    EXPECT_EQ(far.year, 999999999);
    EXPECT_EQ(far.month, 12);
    EXPECT_EQ(far.day, 31);
}

TEST(TemporalCalendar, KnowsLeapYearsAndMonthLengths)
{
    EXPECT_TRUE(is_leap_year(2000));
    EXPECT_FALSE(is_leap_year(1900));
    EXPECT_TRUE(is_leap_year(2024));
    EXPECT_EQ(days_in_month(2024, 2), 29);
    EXPECT_EQ(days_in_month(2023, 2), 28);
    EXPECT_EQ(days_in_month(2023, 4), 30);
}

TEST(TemporalCalendar, ComputesIsoWeekDates)
{
    // 2021-01-03 (a Sunday) still belongs to week 53 of 2020; 2018-12-31 (a Monday) to week 1 of 2019.
    auto sunday = week_date(days_from_civil(2021, 1, 3));
    EXPECT_EQ(sunday.week_year, 2020);
    EXPECT_EQ(sunday.week, 53);
    EXPECT_EQ(sunday.day_of_week, 7);
    auto monday = week_date(days_from_civil(2018, 12, 31));
    EXPECT_EQ(monday.week_year, 2019);
    EXPECT_EQ(monday.week, 1);
    EXPECT_EQ(weeks_in_year(2020), 53);
    EXPECT_EQ(weeks_in_year(2021), 52);
    EXPECT_EQ(first_day_of_week_year(2021), days_from_civil(2021, 1, 4));
    EXPECT_EQ(day_of_year(days_from_civil(2024, 12, 31)), 366);
    EXPECT_EQ(day_of_quarter(days_from_civil(2024, 5, 1)), 31);
}

TEST(TemporalCalendar, ReadsAndWritesOffsets)
{
    EXPECT_EQ(parse_offset("Z"), 0);
    EXPECT_EQ(parse_offset("+01:00"), 3600);
    EXPECT_EQ(parse_offset("-0130"), -5400);
    EXPECT_EQ(parse_offset("+05"), 18000);
    EXPECT_EQ(parse_offset("+02:05:59"), 7559);
    EXPECT_FALSE(parse_offset("+19:00"));
    EXPECT_FALSE(parse_offset("01:00"));
    EXPECT_FALSE(parse_offset("+1"));
    EXPECT_EQ(offset_text(0), "Z");
    EXPECT_EQ(offset_text(-5400), "-01:30");
    EXPECT_EQ(offset_text(3208), "+00:53:28");
}

TEST(TemporalCalendar, ResolvesNamedZonesFromTheOsDatabase)
{
    auto new_york = intern_zone("America/New_York");
    ASSERT_GE(new_york, 0) << "tzdata is missing";
    EXPECT_EQ(zone_name(new_york), "America/New_York");
    EXPECT_EQ(intern_zone("Mars/Olympus_Mons"), -1);
    auto local = [](int y, int m, int d, int h, int min) { return days_from_civil(y, m, d) * 86400 + h * 3600 + min * 60; };
    // Winter and summer time; 02:30 on 2021-03-14 does not exist and moves an hour on, as java.time does.
    EXPECT_EQ(resolve_local(new_york, local(2021, 1, 15, 12, 0)).offset, -5 * 3600);
    EXPECT_EQ(resolve_local(new_york, local(2021, 7, 15, 12, 0)).offset, -4 * 3600);
    auto gap = resolve_local(new_york, local(2021, 3, 14, 2, 30));
    EXPECT_EQ(gap.offset, -4 * 3600);
    EXPECT_EQ(gap.local_seconds, local(2021, 3, 14, 3, 30));
    // 01:30 on 2021-11-07 happens twice: the earlier offset (summer time) is taken.
    EXPECT_EQ(resolve_local(new_york, local(2021, 11, 7, 1, 30)).offset, -4 * 3600);
    EXPECT_EQ(zone_offset_at_instant(new_york, 0), -5 * 3600);
}

}  // namespace
}  // namespace actorgraph::cypher::temporal
