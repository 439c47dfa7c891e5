#include <gtest/gtest.h>

#include "cypher/temporal/temporal.hpp"

namespace actorgraph::cypher::temporal {
namespace {

std::string read(TemporalKind kind, std::string_view text) { return temporal_text(parse(kind, text, {})); }

TEST(TemporalText, ReadsCalendarWeekAndOrdinalDates)
{
    EXPECT_EQ(read(TemporalKind::Date, "2015-07-21"), "2015-07-21");
    EXPECT_EQ(read(TemporalKind::Date, "20150721"), "2015-07-21");
    EXPECT_EQ(read(TemporalKind::Date, "2015-07"), "2015-07-01");
    EXPECT_EQ(read(TemporalKind::Date, "2015"), "2015-01-01");
    EXPECT_EQ(read(TemporalKind::Date, "2015-W30-2"), "2015-07-21");
    EXPECT_EQ(read(TemporalKind::Date, "2015W302"), "2015-07-21");
    EXPECT_EQ(read(TemporalKind::Date, "2020-W53"), "2020-12-28");
    EXPECT_EQ(read(TemporalKind::Date, "2015-202"), "2015-07-21");
    EXPECT_EQ(read(TemporalKind::Date, "2024366"), "2024-12-31");
    EXPECT_EQ(read(TemporalKind::Date, "+12345-01-01"), "+12345-01-01");
    EXPECT_EQ(read(TemporalKind::Date, "-0044-03-15"), "-0044-03-15");
}

TEST(TemporalText, ReadsTimesWithOffsetsAndZones)
{
    EXPECT_EQ(read(TemporalKind::LocalTime, "214032.142"), "21:40:32.142");
    EXPECT_EQ(read(TemporalKind::LocalTime, "21"), "21:00");
    EXPECT_EQ(read(TemporalKind::LocalTime, "21:40:32,5"), "21:40:32.500");
    EXPECT_EQ(read(TemporalKind::Time, "2140-02"), "21:40-02:00");
    EXPECT_EQ(read(TemporalKind::Time, "21:40:32+0000"), "21:40:32Z");
    EXPECT_EQ(read(TemporalKind::LocalDateTime, "2015-W30T2140"), "2015-07-20T21:40");
    EXPECT_EQ(read(TemporalKind::DateTime, "2015-07-21T21:40:32.142+0100"), "2015-07-21T21:40:32.142+01:00");
    EXPECT_EQ(read(TemporalKind::DateTime, "2021-07-01T12:00[America/New_York]"), "2021-07-01T12:00-04:00[America/New_York]");
    EXPECT_EQ(read(TemporalKind::DateTime, "2021-07-01"), "2021-07-01T00:00Z");
}

TEST(TemporalText, ReadsDurationsWithFractionsAndTheAlternativeForm)
{
    EXPECT_EQ(read(TemporalKind::Duration, "P14DT16H12M"), "P14DT16H12M");
    EXPECT_EQ(read(TemporalKind::Duration, "P5M1.5D"), "P5M1DT12H");
    EXPECT_EQ(read(TemporalKind::Duration, "PT0.75M"), "PT45S");
    EXPECT_EQ(read(TemporalKind::Duration, "P2.5W"), "P17DT12H");
    EXPECT_EQ(read(TemporalKind::Duration, "PT-1.5S"), "PT-1.5S");
    EXPECT_EQ(read(TemporalKind::Duration, "P2012-02-02T14:37:21.545"), "P2012Y2M2DT14H37M21.545S");
    EXPECT_EQ(read(TemporalKind::Duration, "PT0S"), "PT0S");
}

TEST(TemporalText, RejectsMalformedTextWithArgumentErrors)
{
    for (auto [kind, text] : std::initializer_list<std::pair<TemporalKind, std::string_view>>{
             {TemporalKind::Date, "2015-13-01"}, {TemporalKind::Date, "2015-02-30"}, {TemporalKind::Date, "2015-W54"},
             {TemporalKind::Date, "2015-07-21x"}, {TemporalKind::Date, "15-07-21"}, {TemporalKind::LocalTime, "24:00"},
             {TemporalKind::Time, "12:00+25:00"}, {TemporalKind::DateTime, "2015-07-21T12:00[Nowhere/Land]"},
             {TemporalKind::Duration, "P"}, {TemporalKind::Duration, "1D"}, {TemporalKind::Duration, "PT1X"},
             {TemporalKind::Duration, "P1D1Y"}, {TemporalKind::Duration, "PT1S1S"}, {TemporalKind::Duration, "P1H"},
             {TemporalKind::LocalDateTime, "2015-07-21T"}, {TemporalKind::DateTime, "2015-07-21T21:40["},
             {TemporalKind::Date, ""}}) {
        try {
            (void)parse(kind, text, {3, 7});
            ADD_FAILURE() << "accepted '" << text << "'";
        } catch (const Error& error) {
            EXPECT_EQ(error.error_class(), ErrorClass::ArgumentError) << text;
            EXPECT_EQ(error.position().line, 3) << text;
            // The message names the text and the kind it was read as.
            EXPECT_NE(std::string(error.what()).find("as a " + temporal_type_name(kind) + ":"), std::string::npos)
                << error.what();
        }
    }
}

}  // namespace
}  // namespace actorgraph::cypher::temporal
