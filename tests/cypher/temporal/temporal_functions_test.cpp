#include "cypher/temporal/temporal_functions.hpp"

#include <gtest/gtest.h>

#include "actorgraph/cypher/engine.hpp"
#include "actorgraph/cypher/output.hpp"
#include "cypher/session_fixture.hpp"

namespace actorgraph::cypher {
namespace {

// Temporal values through the whole engine: constructors, properties, operators, storage and output.
class CypherTemporal : public CypherSessionTest {
protected:
    std::string text(const std::string& expression)
    {
        auto v = single("RETURN " + expression);
        return v.is_temporal() ? temporal_text(v.as_temporal()) : "not temporal: " + to_cypher_text(session, v);
    }
};

TEST_F(CypherTemporal, ConstructsValuesFromMapsStringsAndOtherValues)
{
    EXPECT_EQ(text("date({year: 2024, month: 2, day: 29})"), "2024-02-29");
    EXPECT_EQ(text("date({year: 2020, week: 53, dayOfWeek: 7})"), "2021-01-03");
    EXPECT_EQ(text("date({year: 2024, quarter: 2, dayOfQuarter: 1})"), "2024-04-01");
    EXPECT_EQ(text("date({year: 2024, ordinalDay: 60})"), "2024-02-29");
    EXPECT_EQ(text("localtime({hour: 9, minute: 5, second: 3, millisecond: 20})"), "09:05:03.020");
    EXPECT_EQ(text("time({hour: 9, timezone: '-03:30'})"), "09:00-03:30");
    EXPECT_EQ(text("datetime({year: 2021, month: 3, day: 14, hour: 2, minute: 30, timezone: 'America/New_York'})"),
              "2021-03-14T03:30-04:00[America/New_York]");
    EXPECT_EQ(text("datetime('2038-01-19T03:14:07Z').epochSeconds = 2147483647 AND true"), "not temporal: true");
    EXPECT_EQ(text("date(datetime('2015-07-21T23:59+14:00'))"), "2015-07-21");
    EXPECT_EQ(text("localtime(time('12:00+05:00'))"), "12:00");
    EXPECT_EQ(text("datetime({datetime: datetime('2015-07-21T12:00Z'), timezone: 'Asia/Tokyo'})"),
              "2015-07-21T21:00+09:00[Asia/Tokyo]");
    EXPECT_EQ(text("datetime.fromepochmillis(0)"), "1970-01-01T00:00Z");
    EXPECT_EQ(text("duration({hours: 36, minutes: 90})"), "PT37H30M");
    EXPECT_TRUE(single("RETURN date(null)").is_null());
}

TEST_F(CypherTemporal, ExposesComponentsAsProperties)
{
    auto row = session.run("WITH datetime('2021-01-03T10:15:30.5+01:00') AS d "
                           "RETURN d.year, d.week, d.weekYear, d.dayOfWeek, d.millisecond, d.offsetMinutes, d.epochSeconds")
                   .rows.at(0);
    std::vector<std::int64_t> expected{2021, 53, 2020, 7, 500, 60, 1609665330};
    for (std::size_t i = 0; i < expected.size(); ++i) EXPECT_EQ(row.at(i).as_integer(), expected[i]) << i;
    EXPECT_EQ(single("RETURN datetime('2021-07-01T12:00[Europe/Paris]').timezone").as_string(), "Europe/Paris");
    EXPECT_EQ(single("RETURN duration('P1Y2M3DT4H').monthsOfYear").as_integer(), 2);
    auto misspelt = error_of("RETURN date('2020-01-01').yeer");
    EXPECT_NE(std::string(misspelt.what()).find("Did you mean 'year'"), std::string::npos) << misspelt.what();
    EXPECT_EQ(error_of("RETURN duration('PT1S' + 'P9223372036854775807D').nanoseconds").error_class(), ErrorClass::ArgumentError);
    EXPECT_EQ(error_of("RETURN duration({seconds: 9223372036854775807}).milliseconds").detail(), "IntegerOverflow");
    EXPECT_EQ(error_of("RETURN datetime('+999999999-12-31T23:59').epochMillis").detail(), "IntegerOverflow");
    auto error = error_of("RETURN date('2020-01-01').hour");
    EXPECT_EQ(error.error_class(), ErrorClass::ArgumentError);
    EXPECT_EQ(error.position().column, 8);  // the engine places property errors at the expression's start
}

TEST_F(CypherTemporal, AddsDurationsOnTheCalendarAndTheClock)
{
    EXPECT_EQ(text("date('2024-01-31') + duration('P1M')"), "2024-02-29");
    EXPECT_EQ(text("date('2024-03-31') - duration({months: 1})"), "2024-02-29");
    EXPECT_EQ(text("localtime('23:30') + duration('PT45M')"), "00:15");
    EXPECT_EQ(text("duration('PT1H') + localdatetime('2015-12-31T23:30')"), "2016-01-01T00:30");
    // A day later in wall-clock terms across the spring-forward night is 23 hours later.
    EXPECT_EQ(text("datetime('2021-03-13T12:00[America/New_York]') + duration('P1D')"),
              "2021-03-14T12:00-04:00[America/New_York]");
    EXPECT_EQ(text("datetime('2021-03-13T12:00[America/New_York]') + duration('PT24H')"),
              "2021-03-14T13:00-04:00[America/New_York]");
    EXPECT_EQ(text("duration('P1D') * 1.5"), "P1DT12H");
    EXPECT_EQ(text("duration('PT1H') / 4"), "PT15M");
    EXPECT_EQ(text("duration('P1M') - duration('P1D')"), "P1M-1D");
    EXPECT_EQ(error_of("RETURN date('2020-01-01') + date('2020-01-02')").error_class(), ErrorClass::TypeError);
    EXPECT_EQ(error_of("RETURN date('2020-01-01') + duration({months: 9223372036854775807})").error_class(),
              ErrorClass::ArgumentError);
    EXPECT_EQ(error_of("RETURN duration({years: 1e300})").detail(), "IntegerOverflow");
}

TEST_F(CypherTemporal, MeasuresDurationsBetweenPointsInTime)
{
    EXPECT_EQ(text("duration.between(date('2020-01-31'), date('2020-02-29'))"), "P29D");
    EXPECT_EQ(text("duration.between(date('1969-07-20'), date('2019-07-20'))"), "P50Y");
    EXPECT_EQ(text("duration.inDays(date('2020-01-01'), date('2021-01-01'))"), "P366D");
    EXPECT_EQ(text("duration.inSeconds(datetime('2021-03-14T00:00[America/New_York]'), "
                   "datetime('2021-03-15T00:00[America/New_York]'))"), "PT23H");
    EXPECT_EQ(text("duration.inMonths(localdatetime('2020-01-31T12:00'), localdatetime('2020-02-29T11:00'))"), "PT0S");
}

TEST_F(CypherTemporal, ComparesAndOrdersValuesOfTheSameKind)
{
    EXPECT_TRUE(single("RETURN date('2020-01-01') < date('2020-01-02')").as_boolean());
    EXPECT_TRUE(single("RETURN datetime('2020-01-01T12:00+01:00') < datetime('2020-01-01T12:00Z')").as_boolean());
    EXPECT_TRUE(single("RETURN date('2020-01-01') < localdatetime('2020-01-02T00:00')").is_null());
    EXPECT_TRUE(single("RETURN duration('P1D') < duration('P2D')").is_null());
    EXPECT_FALSE(single("RETURN duration('PT24H') = duration('P1D')").as_boolean());
    EXPECT_TRUE(single("RETURN duration('PT90M') = duration('PT1H30M')").as_boolean());
    auto sorted = session.run("UNWIND [date('2021-01-01'), 'x', date('2020-01-01'), 1] AS v RETURN v ORDER BY v").rows;
    ASSERT_EQ(sorted.size(), 4u);
    EXPECT_EQ(temporal_text(sorted[0][0].as_temporal()), "2020-01-01");
    EXPECT_EQ(temporal_text(sorted[1][0].as_temporal()), "2021-01-01");
    EXPECT_TRUE(sorted[2][0].is_string());
}

TEST_F(CypherTemporal, StoresValuesAsPropertiesAndWritesThemAsJson)
{
    session.run("CREATE (:Event {on: date('2015-07-21'), took: duration('PT2H'), at: [time('10:00Z')]})");
    auto result = session.run("MATCH (e:Event) RETURN e.on, e.took, e.at, e.on.year");
    ASSERT_EQ(result.rows.size(), 1u);
    EXPECT_EQ(result.rows[0][3].as_integer(), 2015);
    auto json = result_to_json(session, result);
    EXPECT_NE(json.find(R"({"date":"2015-07-21"})"), std::string::npos) << json;
    EXPECT_NE(json.find(R"({"duration":"PT2H"})"), std::string::npos) << json;
    EXPECT_NE(json.find(R"([{"time":"10:00Z"}])"), std::string::npos) << json;
    auto parameter = value_from_json(R"({"localdatetime": "2015-07-21T10:00"})");
    ASSERT_TRUE(parameter.is_temporal());
    EXPECT_EQ(temporal_text(parameter.as_temporal()), "2015-07-21T10:00");
    EXPECT_THROW((void)value_from_json(R"({"date": "2015-99-99"})"), actorgraph::Error);
}

TEST_F(CypherTemporal, ReportsBadFieldsAndUnknownZonesAtTheirPosition)
{
    auto error = error_of("RETURN date({year: 2020, month: 13})");
    EXPECT_EQ(error.error_class(), ErrorClass::ArgumentError);
    EXPECT_EQ(error.phase(), Phase::runtime);
    EXPECT_EQ(error.position().column, 8);
    EXPECT_NE(std::string(error.what()).find("month 13"), std::string::npos);
    EXPECT_EQ(error_of("RETURN datetime({year: 2020, timezone: 'Europe/Atlantis'})").error_class(), ErrorClass::ArgumentError);
    EXPECT_EQ(error_of("RETURN date({year: 2020, hour: 1})").error_class(), ErrorClass::ArgumentError);
    EXPECT_EQ(error_of("RETURN date(42)").error_class(), ErrorClass::TypeError);
    EXPECT_EQ(error_of("RETURN date.truncate('fortnight', date('2020-01-01'))").error_class(), ErrorClass::ArgumentError);
}

}  // namespace
}  // namespace actorgraph::cypher
