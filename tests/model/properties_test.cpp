#include "actorgraph/model/properties.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <stdexcept>
#include <string>
#include <vector>

namespace actorgraph {
namespace {

TEST(Properties, KeepsEntriesSortedByNameWhateverTheInsertionOrder)
{
    Properties properties;
    properties.insert_or_assign("year", "2014");
    properties.insert_or_assign("amount_usd", "5e6");
    properties.insert_or_assign("source", "p. 3");
    std::vector<std::string> names;
    for (const auto& [name, value] : properties) names.emplace_back(name);
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

TEST(Properties, TryEmplaceInsertsAnEmptyValueAndEraseRemovesIt)
{
    Properties properties;
    EXPECT_TRUE(properties.try_emplace("source").second);
    EXPECT_EQ(properties.at("source"), "");
    EXPECT_EQ(properties.erase("source"), 1u);
    EXPECT_EQ(properties.erase("source"), 0u);
    EXPECT_TRUE(properties.empty());
    EXPECT_EQ(properties.begin(), properties.end());
}

TEST(Properties, AValueMayBeCopiedFromTheSameSet)
{
    Properties properties{{"note", "a value longer than any small-string buffer"}};
    properties.insert_or_assign("description", properties.at("note"));
    properties.insert_or_assign("note", properties.at("note").substr(2, 5));
    EXPECT_EQ(properties.at("description"), "a value longer than any small-string buffer");
    EXPECT_EQ(properties.at("note"), "value");
}

TEST(Properties, CopiesAreIndependentOfTheOriginal)
{
    Properties original{{"year", "2014"}};
    Properties copy = original;
    copy.insert_or_assign("year", "2015");
    copy.insert_or_assign("note", "x");
    EXPECT_EQ(original.at("year"), "2014");
    EXPECT_EQ(original.size(), 1u);
    Properties moved = std::move(copy);
    EXPECT_EQ(moved.at("year"), "2015");
    EXPECT_EQ(moved.at("note"), "x");
}

TEST(Properties, ThousandsOfEntriesInAnyOrderStaySortedAndFindable)
{
    Properties properties;
    for (int i = 0; i < 3000; ++i) {
        auto n = (i * 7919) % 3000;  // a permutation, so entries land in the middle as well as at the end
        properties.insert_or_assign("k" + std::to_string(n), std::string(static_cast<std::size_t>(n % 40), 'v'));
    }
    properties.shrink_to_fit();
    ASSERT_EQ(properties.size(), 3000u);
    EXPECT_TRUE(std::is_sorted(properties.begin(), properties.end()));
    for (int n = 0; n < 3000; ++n) EXPECT_EQ(properties.at("k" + std::to_string(n)).size(), static_cast<std::size_t>(n % 40));
}

TEST(Properties, BuildingFromEntriesSortsThemAndTheLastDuplicateWins)
{
    std::vector<Properties::value_type> entries{{"year", "2014"}, {"amount_usd", "5"}, {"year", "2015"}, {"note", ""}};
    auto properties = Properties::from_entries(entries);
    std::vector<std::pair<std::string, std::string>> seen;
    for (const auto& [name, value] : properties) seen.emplace_back(name, value);
    EXPECT_EQ(seen, (std::vector<std::pair<std::string, std::string>>{{"amount_usd", "5"}, {"note", ""}, {"year", "2015"}}));
    EXPECT_TRUE(Properties::from_entries({}).empty());
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

PropertyNames columns(std::vector<std::string_view> names)
{
    return PropertyNames(names);
}

TEST(Properties, SetsSharingNamesReadLikeSetsOfTheirOwn)
{
    auto names = columns({"amount_usd", "source", "year"});
    std::vector<std::string_view> values{"5000000", "p. 12", ""};
    auto shared = Properties::from_values(names, values);
    Properties own{{"year", ""}, {"amount_usd", "5000000"}, {"source", "p. 12"}};
    EXPECT_EQ(shared, own);
    EXPECT_EQ(shared.size(), 3u);
    EXPECT_EQ(shared.at("source"), "p. 12");
    EXPECT_TRUE(shared.contains("year"));
    EXPECT_FALSE(shared.contains("since"));
    EXPECT_EQ(shared.begin()->first, "amount_usd");
    EXPECT_TRUE(Properties::from_values(columns({}), {}).empty());
}

TEST(Properties, ChangingASetThatSharesNamesLeavesTheOthersAlone)
{
    auto names = columns({"note", "year"});
    std::vector<std::string_view> first{"signed in Ulaanbaatar", "2012"}, second{"", "2014"};
    auto a = Properties::from_values(names, first);
    auto b = Properties::from_values(names, second);
    a.insert_or_assign("source", a.at("note"));  // a value viewing the set's own text
    a.insert_or_assign("year", "2013");
    b.erase("note");
    EXPECT_EQ(a, (Properties{{"note", "signed in Ulaanbaatar"}, {"source", "signed in Ulaanbaatar"}, {"year", "2013"}}));
    EXPECT_EQ(b, (Properties{{"year", "2014"}}));
    auto c = Properties::from_values(names, first);
    EXPECT_EQ(c, (Properties{{"note", "signed in Ulaanbaatar"}, {"year", "2012"}}));
    c.erase("note");
    c.erase("year");
    EXPECT_TRUE(c.empty());
}

TEST(Properties, SetsAndCopiesOutliveTheNamesTheyWereBuiltWith)
{
    Properties copy;
    {
        std::vector<std::string_view> values{"x", "y"};
        auto set = Properties::from_values(columns({"a", "b"}), values);
        copy = set;
        Properties moved = std::move(set);
        EXPECT_EQ(moved.at("b"), "y");
    }
    copy.shrink_to_fit();
    EXPECT_EQ(copy, (Properties{{"a", "x"}, {"b", "y"}}));
}

TEST(PropertyArena, SetsInAnArenaReadChangeAndCopyLikeOthers)
{
    auto names = columns({"note", "year"});
    std::vector<std::string_view> values{"signed in Ulaanbaatar", "2012"};
    Properties copy, changed;
    {
        PropertyArena arena;
        auto set = Properties::from_values(names, values, arena);
        EXPECT_EQ(set, (Properties{{"note", "signed in Ulaanbaatar"}, {"year", "2012"}}));
        copy = set;
        changed = Properties::from_values(names, values, arena);
        changed.insert_or_assign("year", "2013");  // leaves the arena for a block of its own
        Properties moved = std::move(set);
        EXPECT_EQ(moved.at("year"), "2012");
    }
    // The arena is gone; the copy and the changed set live on the heap (ASan checks it in CI).
    EXPECT_EQ(copy, (Properties{{"note", "signed in Ulaanbaatar"}, {"year", "2012"}}));
    EXPECT_EQ(changed.at("year"), "2013");
}

TEST(PropertyArena, SetsInAnArenaKeepTheirNamesAfterTheReaderDropsItsLists)
{
    PropertyArena arena;
    std::vector<Properties> sets;
    {
        // A reader's lists, one per pattern of empty cells, used in turn and then dropped with the reader.
        std::vector<PropertyNames> lists{columns({"amount_usd", "year"}), columns({"year"}), columns({"source", "year"})};
        for (int i = 0; i < 300; ++i) {
            const auto& names = lists[static_cast<std::size_t>(i * 7 % 3)];
            std::vector<std::string> texts;
            for (std::size_t k = 0; k < names.size(); ++k) texts.push_back(std::string(names[k]) + std::to_string(i));
            std::vector<std::string_view> values(texts.begin(), texts.end());
            sets.push_back(Properties::from_values(names, values, arena));
        }
    }
    // Read after the lists are gone (ASan in CI would see a freed list).
    for (int i = 0; i < 300; ++i) {
        const auto& set = sets[static_cast<std::size_t>(i)];
        auto pattern = i * 7 % 3;
        EXPECT_EQ(set.size(), pattern == 1 ? 1u : 2u);
        EXPECT_EQ(set.at("year"), "year" + std::to_string(i));
        if (pattern == 0) {
            EXPECT_EQ(set.at("amount_usd"), "amount_usd" + std::to_string(i));
        }
        if (pattern == 2) {
            EXPECT_EQ(set.at("source"), "source" + std::to_string(i));
        }
    }
    Properties copy = sets[2];
    sets.clear();
    EXPECT_EQ(copy, (Properties{{"source", "source2"}, {"year", "year2"}}));
}

TEST(PropertyArena, SetsBiggerThanAChunkGetOneOfTheirOwnAndSmallOnesShareChunks)
{
    PropertyArena arena;
    auto names = columns({"text"});
    std::string big(9u << 20, 'x');
    std::vector<std::string_view> small{"y"}, large{big};
    std::vector<Properties> sets;
    for (int i = 0; i < 1000; ++i) sets.push_back(Properties::from_values(names, small, arena));
    constexpr std::size_t chunk = std::size_t{8} << 20;
    EXPECT_EQ(arena.reserved_bytes(), chunk);
    sets.push_back(Properties::from_values(names, large, arena));
    auto with_big = arena.reserved_bytes();
    EXPECT_GE(with_big, chunk + big.size());
    EXPECT_LE(with_big, chunk + big.size() + (std::size_t{2} << 20));
    sets.push_back(Properties::from_values(names, small, arena));  // back in the first chunk
    EXPECT_EQ(arena.reserved_bytes(), with_big);
    EXPECT_EQ(sets[1000].at("text").size(), big.size());
    EXPECT_EQ(sets.back().at("text"), "y");
}

TEST(Properties, SharedNamesMustBeSortedAndDistinctAndMatchTheValues)
{
    EXPECT_THROW(columns({"year", "amount_usd"}), std::invalid_argument);
    EXPECT_THROW(columns({"year", "year"}), std::invalid_argument);
    std::vector<std::string_view> one{"x"};
    EXPECT_THROW((void)Properties::from_values(columns({"a", "b"}), one), std::invalid_argument);
}

}  // namespace
}  // namespace actorgraph
