#include "actorgraph/model/properties.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

namespace actorgraph {
namespace {

TEST(Properties, KeepsEntriesSortedByNameWhateverTheInsertionOrder)
{
    Properties properties;
    properties.insert_or_assign("year", "2014");
    properties.insert_or_assign("amount_usd", "5e6");
    properties.insert_or_assign("source", "p. 3");
    std::vector<std::string> names;
    for (const auto& [name, value] : properties) names.push_back(name);
    EXPECT_EQ(names, (std::vector<std::string>{"amount_usd", "source", "year"}));
}

TEST(Properties, InsertOrAssignReplacesButEmplaceKeepsTheFirstValue)
{
    Properties properties;
    EXPECT_TRUE(properties.emplace("note", "first").second);
    EXPECT_FALSE(properties.emplace("note", "second").second);
    EXPECT_EQ(properties.at("note"), "first");
    EXPECT_FALSE(properties.insert_or_assign("note", "third").second);
    EXPECT_EQ(properties.at("note"), "third");
    EXPECT_EQ(properties.size(), 1u);
}

TEST(Properties, AtThrowsForAnAbsentNameLikeAMap)
{
    Properties properties{{"year", "2014"}};
    EXPECT_THROW((void)properties.at("since"), std::out_of_range);
    EXPECT_EQ(properties.find("since"), properties.end());
    EXPECT_TRUE(properties.contains("year"));
    EXPECT_EQ(properties.count("year"), 1u);
}

TEST(Properties, SubscriptInsertsAnEmptyValueAndEraseRemovesIt)
{
    Properties properties;
    properties["source"] += "p. 4";
    EXPECT_EQ(properties.at("source"), "p. 4");
    EXPECT_EQ(properties.erase("source"), 1u);
    EXPECT_EQ(properties.erase("source"), 0u);
    EXPECT_TRUE(properties.empty());
}

TEST(Properties, EqualSetsCompareEqualRegardlessOfInsertionOrder)
{
    Properties a{{"year", "2014"}, {"note", "x"}};
    Properties b;
    b.insert_or_assign("note", "x");
    b.insert_or_assign("year", "2014");
    EXPECT_EQ(a, b);
    b.insert_or_assign("year", "2015");
    EXPECT_NE(a, b);
}

}  // namespace
}  // namespace actorgraph
