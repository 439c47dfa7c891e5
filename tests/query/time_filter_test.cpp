// "As of" a year and time-respecting paths, checked against every simple path of small graphs.
#include "actorgraph/query/time_filter.hpp"

#include <gtest/gtest.h>

#include <random>

#include "query/query_fixture.hpp"
#include "query/small_graphs.hpp"

namespace actorgraph {
namespace {

TEST(TimeFilter, EventsHoldFromTheirYearAndSpansWithinTheirYears)
{
    EXPECT_EQ(held_in({{"year", "2010"}}, 2012), true);
    EXPECT_EQ(held_in({{"year", "2010"}}, 2010), true);
    EXPECT_EQ(held_in({{"year", "2010"}}, 2009), false);
    EXPECT_EQ(held_in({{"since", "2005"}, {"until", "2008"}}, 2006), true);
    EXPECT_EQ(held_in({{"since", "2005"}, {"until", "2008"}}, 2009), false);
    EXPECT_EQ(held_in({{"since", "2005"}}, 2030), true);
    EXPECT_EQ(held_in({{"until", "2005"}}, 2004), true);
    EXPECT_EQ(held_in({{"note", "undated"}}, 2004), std::nullopt);
}

TEST(TimeFilter, AsOfKeepsOrDropsUndatedRelationsAsAsked)
{
    auto graph = testing::influence_graph();
    GraphFilter filter;
    filter.as_of = 2011;
    auto kept = apply_filter(graph, filter).relations.size();
    filter.dated_only = true;
    auto dated = apply_filter(graph, filter).relations.size();
    // Held in 2011: pressure 2011, oceanco's loan 2009-2014, syldavia->league since 2005,
    // league->syldavia 2010, minister since 2010; the envoy's affiliation is undated.
    EXPECT_EQ(dated, 5u);
    EXPECT_EQ(kept, 6u);
}

// Whether the relations can be walked in order without going back in time.
bool respects_time(const Graph& graph, const std::vector<RelationIndex>& relations)
{
    int now = std::numeric_limits<int>::min();
    for (auto index : relations) {
        auto span = year_span(graph.relation(index).properties);
        if (!span) continue;
        now = std::max(now, span->first);
        if (now > span->last) return false;
    }
    return true;
}

TEST(TimeFilter, TimeRespectingPathsHaveTheFewestHopsOfAllSimplePathsInTimeOrder)
{
    std::mt19937 random(23);
    std::uniform_int_distribution<int> year(2000, 2010), shape(0, 3);
    for (int round = 0; round < 200; ++round) {
        Graph graph;
        for (int i = 0; i < 7; ++i) graph.add_actor({"a" + std::to_string(i), "", "state", {}, {}, {}});
        std::uniform_int_distribution<ActorIndex> pick(0, 6);
        for (int i = 0; i < 14; ++i) {
            Properties properties;
            int y = year(random);
            switch (shape(random)) {
                case 0: properties = Properties{{"year", std::to_string(y)}}; break;
                case 1: properties = Properties{{"since", std::to_string(y)}, {"until", std::to_string(y + 3)}}; break;
                case 2: properties = Properties{{"since", std::to_string(y)}}; break;
                default: break;  // undated
            }
            graph.add_relation({pick(random), pick(random), "partnership", std::move(properties), {}});
        }
        auto all = testing::simple_paths(graph, 0, 6);
        std::optional<std::size_t> fewest;
        for (const auto& path : all) {
            if (respects_time(graph, path) && (!fewest || path.size() < *fewest)) fewest = path.size();
        }
        QueryIndex index(graph, {}, Direction::follow);
        auto found = time_respecting_path(index, 0, 6, false);
        ASSERT_EQ(found.has_value(), fewest.has_value()) << "round " << round;
        if (!found) continue;
        EXPECT_EQ(found->relations.size(), *fewest) << "round " << round;
        EXPECT_TRUE(respects_time(graph, found->relations));
        ASSERT_EQ(found->actors.size(), found->relations.size() + 1);
        for (std::size_t i = 0; i < found->relations.size(); ++i) {
            EXPECT_EQ(graph.relation(found->relations[i]).source, found->actors[i]);
            EXPECT_EQ(graph.relation(found->relations[i]).target, found->actors[i + 1]);
        }
    }
}

TEST(TimeFilter, DatedOnlyTimeRespectingPathsSkipUndatedRelations)
{
    auto graph = testing::influence_graph();
    QueryIndex index(graph, {}, Direction::follow);
    auto envoy = graph.resolve("envoy"), league = graph.resolve("league");
    auto through_undated = time_respecting_path(index, envoy, league, false);  // envoy -> syldavia (undated) -> league
    ASSERT_TRUE(through_undated);
    EXPECT_EQ(testing::ids_of(graph, through_undated->actors), (std::vector<std::string>{"envoy", "syldavia", "league"}));
    auto dated = time_respecting_path(index, envoy, league, true);  // envoy -> atlantis (2016) -> league (since 2012)
    ASSERT_TRUE(dated);
    EXPECT_EQ(testing::ids_of(graph, dated->actors), (std::vector<std::string>{"envoy", "atlantis", "league"}));
    GraphFilter early;
    early.year_to = 2015;  // without the 2016 pressure no dated route remains
    QueryIndex before_2016(graph, early, Direction::follow);
    EXPECT_FALSE(time_respecting_path(before_2016, envoy, league, true));
    // borduria -> oceanco (2009-2014) -> mine (2013) respects time; the 2014 pressure on the mine does too.
    auto path = time_respecting_path(index, graph.resolve("borduria"), graph.resolve("mine"), true);
    ASSERT_TRUE(path);
    EXPECT_EQ(path->relations.size(), 2u);
}

}  // namespace
}  // namespace actorgraph
