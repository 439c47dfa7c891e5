#include "actorgraph/query/paths.hpp"

#include <gtest/gtest.h>

#include "query/query_fixture.hpp"

namespace actorgraph {
namespace {

using testing::ids_of;
using Ids = std::vector<std::string>;

class Paths : public ::testing::Test {
protected:
    Graph graph = testing::influence_graph();
    std::vector<Path> paths(const std::string& from, const std::string& to, const PathOptions& options = {})
    {
        return find_paths(graph, graph.resolve(from), graph.resolve(to), options);
    }
};

TEST_F(Paths, ShortestPathHasTheFewestHops)
{
    auto found = paths("minister", "league");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(ids_of(graph, found[0].actors), (Ids{"minister", "atlantis", "league"}));
    EXPECT_EQ(found[0].relations, (std::vector<RelationIndex>{8, 5}));
    EXPECT_EQ(found[0].cost, 2);
}

TEST_F(Paths, FollowsDirectionUnlessToldOtherwise)
{
    EXPECT_TRUE(paths("mine", "borduria").empty());
    PathOptions reverse;
    reverse.direction = Direction::reverse;
    EXPECT_EQ(paths("mine", "borduria", reverse).size(), 1u);
    PathOptions any;
    any.direction = Direction::any;
    auto found = paths("minister", "envoy", any);
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(ids_of(graph, found[0].actors), (Ids{"minister", "atlantis", "envoy"}));
}

TEST_F(Paths, AllShortestPathsKeepParallelRelationsApart)
{
    PathOptions options;
    options.all_shortest = true;
    auto found = paths("borduria", "mine", options);
    ASSERT_EQ(found.size(), 3u);  // pressure and investment to Atlantis, and via OceanCo
    for (const auto& path : found) EXPECT_EQ(path.relations.size(), 2u);
}

TEST_F(Paths, KShortestPathsComeCheapestFirstWithoutLoops)
{
    PathOptions options;
    options.k = 10;
    options.direction = Direction::any;
    auto found = paths("minister", "mine", options);
    ASSERT_EQ(found.size(), 2u);  // via Atlantis, then via Borduria and OceanCo (distinct routes; see distinct_routes_test)
    for (std::size_t i = 1; i < found.size(); ++i) EXPECT_LE(found[i - 1].cost, found[i].cost);
    for (const auto& path : found) {
        auto actors = path.actors;
        std::sort(actors.begin(), actors.end());
        EXPECT_EQ(std::adjacent_find(actors.begin(), actors.end()), actors.end()) << "path repeats an actor";
    }
    EXPECT_EQ(found[0].relations.size(), 2u);
}

TEST_F(Paths, RestrictingTypesChangesTheRoute)
{
    PathOptions options;
    options.filter.types = {"investment"};
    auto found = paths("borduria", "mine", options);
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(ids_of(graph, found[0].actors), (Ids{"borduria", "oceanco", "mine"}));
}

TEST_F(Paths, WeightedPathPrefersTheLargestAmounts)
{
    PathOptions options;
    options.weight = "amount_usd";
    auto found = paths("borduria", "mine", options);
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].relations, (std::vector<RelationIndex>{1, 4}));
    EXPECT_DOUBLE_EQ(found[0].cost, 1.0 + 30.0);
}

TEST_F(Paths, DirectWeightsUseTheValueAsCost)
{
    auto costs = relation_costs(graph, "amount_usd", WeightTransform::direct);
    EXPECT_DOUBLE_EQ(costs[3], 5e7);
    EXPECT_DOUBLE_EQ(costs[0], 1.5e9);  // no amount: as costly as the weakest tie
}

TEST_F(Paths, HopLimitDropsLongerPaths)
{
    PathOptions options;
    options.max_hops = 1;
    EXPECT_TRUE(paths("borduria", "mine", options).empty());
    options.max_hops = 2;
    EXPECT_EQ(paths("borduria", "mine", options).size(), 1u);
}

TEST_F(Paths, YearFilterRemovesRelationsOutsideTheRange)
{
    PathOptions options;
    options.filter.year_to = 2013;
    auto found = paths("borduria", "mine", options);
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(ids_of(graph, found[0].actors), (Ids{"borduria", "oceanco", "mine"}));
}

TEST_F(Paths, SelectionOfPathsCoversTheirActorsAndRelations)
{
    PathOptions options;
    options.all_shortest = true;
    auto selection = selection_of(paths("borduria", "mine", options));
    EXPECT_EQ(selection.actors.size(), 4u);
    EXPECT_EQ(selection.relations.size(), 5u);
}

}  // namespace
}  // namespace actorgraph
