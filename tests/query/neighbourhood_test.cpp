#include "actorgraph/query/neighbourhood.hpp"

#include <gtest/gtest.h>

#include "query/query_fixture.hpp"

namespace actorgraph {
namespace {

using Ids = std::vector<std::string>;

TEST(Neighbourhood, OneHopAnyDirectionFindsEveryNeighbour)
{
    auto graph = testing::influence_graph();
    auto selection = neighbourhood(graph, {graph.resolve("atlantis")}, {});
    auto ids = testing::ids_of(graph, selection.actors);
    std::sort(ids.begin(), ids.end());
    EXPECT_EQ(ids, (Ids{"atlantis", "borduria", "envoy", "league", "mine", "minister"}));
    // The relations among them, including Borduria's two parallel relations to Atlantis.
    EXPECT_TRUE(selection.contains_relation(0));
    EXPECT_TRUE(selection.contains_relation(1));
    EXPECT_FALSE(selection.contains_relation(2));
}

TEST(Neighbourhood, FollowingDirectionOnlyGoesDownstream)
{
    auto graph = testing::influence_graph();
    auto selection = neighbourhood(graph, {graph.resolve("atlantis")}, {{}, Direction::follow, 1});
    auto ids = testing::ids_of(graph, selection.actors);
    std::sort(ids.begin(), ids.end());
    EXPECT_EQ(ids, (Ids{"atlantis", "league", "mine"}));
}

TEST(Neighbourhood, DepthCountsHops)
{
    auto graph = testing::influence_graph();
    NeighbourhoodOptions options{{}, Direction::follow, 2};
    auto distances = hop_distances(graph, {graph.resolve("minister")}, options);
    EXPECT_EQ(distances[graph.resolve("minister")], 0);
    EXPECT_EQ(distances[graph.resolve("atlantis")], 1);
    EXPECT_EQ(distances[graph.resolve("league")], 2);
    EXPECT_EQ(distances[graph.resolve("syldavia")], -1);  // three hops away
}

TEST(Neighbourhood, SeveralSeedsAndTypeFilters)
{
    auto graph = testing::influence_graph();
    NeighbourhoodOptions options;
    options.filter.types = {"affiliation"};
    auto selection = neighbourhood(graph, {graph.resolve("atlantis"), graph.resolve("syldavia")}, options);
    auto ids = testing::ids_of(graph, selection.actors);
    std::sort(ids.begin(), ids.end());
    EXPECT_EQ(ids, (Ids{"atlantis", "envoy", "minister", "syldavia"}));
    EXPECT_EQ(selection.relations.size(), 2u);
}

TEST(Neighbourhood, DepthZeroIsJustTheSeeds)
{
    auto graph = testing::influence_graph();
    auto selection = neighbourhood(graph, {graph.resolve("mine")}, {{}, Direction::any, 0});
    EXPECT_EQ(selection.actors.size(), 1u);
    EXPECT_TRUE(selection.relations.empty());
}

}  // namespace
}  // namespace actorgraph
