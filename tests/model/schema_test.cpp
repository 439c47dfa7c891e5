#include "actorgraph/model/schema.hpp"

#include <gtest/gtest.h>

namespace actorgraph {
namespace {

TEST(Schema, KnowsTheBuiltInKindsAndTypes)
{
    EXPECT_TRUE(schema::is_known_kind("official"));
    EXPECT_FALSE(schema::is_known_kind("militia"));
    EXPECT_TRUE(schema::is_known_relation_type("affiliation"));
    EXPECT_FALSE(schema::is_known_relation_type("Pressure"));
}

TEST(Schema, ParsesWholeNumbersOnly)
{
    EXPECT_EQ(parse_number("1.5e9"), 1.5e9);
    EXPECT_EQ(parse_number(" 42 "), 42.0);
    EXPECT_FALSE(parse_number("12abc"));
    EXPECT_FALSE(parse_number(""));
    EXPECT_FALSE(parse_number("nan"));
    EXPECT_EQ(parse_year("2014"), 2014);
    EXPECT_FALSE(parse_year("2014.5"));
}

TEST(Schema, YearsAreWholeIntegersWithOptionalSpacesAndSign)
{
    EXPECT_EQ(parse_year("0"), 0);
    EXPECT_EQ(parse_year("0099"), 99);
    EXPECT_EQ(parse_year("999999999"), 999999999);     // nine digits: the longest read at once
    EXPECT_EQ(parse_year("2147483647"), 2147483647);   // ten digits: read by the general path
    EXPECT_FALSE(parse_year("2147483648"));             // beyond int
    EXPECT_FALSE(parse_year("99999999999"));
    EXPECT_EQ(parse_year(" 1990 "), 1990);
    EXPECT_EQ(parse_year("-44"), -44);
    EXPECT_FALSE(parse_year("+1990"));
    EXPECT_FALSE(parse_year("19 90"));
    EXPECT_FALSE(parse_year("199O"));
    EXPECT_FALSE(parse_year("2014/"));
    EXPECT_FALSE(parse_year(":2014"));
    EXPECT_FALSE(parse_year(""));
    EXPECT_FALSE(parse_year("   "));
}

TEST(Schema, AWordMatchesOnlyItselfWholly)
{
    EXPECT_TRUE(schema::is_word("year", "year"));
    EXPECT_TRUE(schema::is_word(std::string_view("amount_usd,x").substr(0, 10), "amount_usd"));
    EXPECT_TRUE(schema::is_word("", ""));
    for (std::string_view other : {"", "yea", "years", "Year", "yeaR", " year"}) {
        EXPECT_FALSE(schema::is_word(other, "year")) << other;
    }
}

TEST(Schema, KnowsExactlyTheBuiltInKindsAndTypes)
{
    for (auto kind : schema::kinds) EXPECT_TRUE(schema::is_known_kind(kind)) << kind;
    for (auto type : schema::relation_types) EXPECT_TRUE(schema::is_known_relation_type(type)) << type;
    for (std::string_view other : {"", "State", "states", "stat", "company ", "investment", "officials"}) {
        EXPECT_FALSE(schema::is_known_kind(other)) << other;
    }
    for (std::string_view other : {"", "Pressure", "pressures", "partnershi", "affiliation\n", "company"}) {
        EXPECT_FALSE(schema::is_known_relation_type(other)) << other;
    }
}

TEST(Schema, YearSpanComesFromYearOrSinceUntil)
{
    auto single = year_span({{"year", "2012"}});
    ASSERT_TRUE(single);
    EXPECT_TRUE(single->overlaps(2012, 2012));
    EXPECT_FALSE(single->overlaps(2013, 2020));

    auto open_ended = year_span({{"since", "2009"}});
    ASSERT_TRUE(open_ended);
    EXPECT_TRUE(open_ended->overlaps(2030, 2031));
    EXPECT_FALSE(open_ended->overlaps(2000, 2008));

    auto closed = year_span({{"since", "2009"}, {"until", "2011"}});
    ASSERT_TRUE(closed);
    EXPECT_TRUE(closed->overlaps(2011, 2015));
    EXPECT_FALSE(closed->overlaps(2012, 2015));

    EXPECT_FALSE(year_span({{"note", "undated"}}));
}

}  // namespace
}  // namespace actorgraph
