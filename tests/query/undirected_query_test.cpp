// Undirected relations are walked both ways by every query, whatever the direction asked for, while
// directed ones in the same graph keep theirs.
#include <gtest/gtest.h>

#include "actorgraph/io/dot_reader.hpp"
#include "actorgraph/query/metrics.hpp"
#include "actorgraph/query/neighbourhood.hpp"
#include "actorgraph/query/paths.hpp"
#include "actorgraph/query/query_cache.hpp"
#include "actorgraph/query/traversal.hpp"

namespace actorgraph {
namespace {

// a -> b is directed; b -- c and c -- d are undirected.
Graph mixed()
{
    return read_dot("digraph { a -> b [type=pressure]; b -> c [dir=none, amount_usd=5]; d -> c [dir=none]; }", "m.gv");
}

ActorIndex id(const Graph& graph, std::string_view name) { return *graph.find_by_id(name); }

TEST(UndirectedQuery, PathsFollowUndirectedRelationsBackwardsButNotDirectedOnes)
{
    auto graph = mixed();
    PathOptions options;  // direction follow
    auto paths = find_paths(graph, id(graph, "d"), id(graph, "b"), options);
    ASSERT_EQ(paths.size(), 1u);
    EXPECT_EQ(paths[0].relations.size(), 2u);
    EXPECT_TRUE(find_paths(graph, id(graph, "b"), id(graph, "a"), options).empty());  // a -> b stays one-way
    options.direction = Direction::reverse;
    EXPECT_EQ(find_paths(graph, id(graph, "c"), id(graph, "d"), options).size(), 1u);
    options.weight = "amount_usd";
    EXPECT_EQ(find_paths(graph, id(graph, "c"), id(graph, "b"), options).size(), 1u);
}

TEST(UndirectedQuery, NeighboursAndDistancesReachAcrossUndirectedRelations)
{
    auto graph = mixed();
    auto distances = hop_distances(graph, {id(graph, "c")}, NeighbourhoodOptions{GraphFilter{}, Direction::follow, 2});
    EXPECT_EQ(distances[id(graph, "b")], 1);
    EXPECT_EQ(distances[id(graph, "d")], 1);
    EXPECT_EQ(distances[id(graph, "a")], -1);
    auto selection = neighbourhood(graph, {id(graph, "c")}, {GraphFilter{}, Direction::follow, 1});
    EXPECT_EQ(selection.actors.size(), 3u);
    EXPECT_EQ(selection.relations.size(), 2u);
}

TEST(UndirectedQuery, DegreesCountAnUndirectedRelationOnceAndAsBothInAndOut)
{
    auto graph = mixed();
    MetricOptions options;
    auto degree = compute_metric(graph, Metric::degree, options);
    auto in = compute_metric(graph, Metric::in_degree, options);
    auto out = compute_metric(graph, Metric::out_degree, options);
    auto b = id(graph, "b"), c = id(graph, "c");
    EXPECT_EQ(degree[b], 2);  // a -> b and b -- c
    EXPECT_EQ(degree[c], 2);
    EXPECT_EQ(in[b], 2);      // a -> b, and b -- c arrives too
    EXPECT_EQ(out[b], 1);     // only b -- c leaves
    EXPECT_EQ(in[c], 2);
    EXPECT_EQ(out[c], 2);
}

TEST(UndirectedQuery, BetweennessOfAnUndirectedGraphIsTheUndirectedValue)
{
    // A path a - b - c: b lies on the one shortest path between a and c (1, as igraph and NetworkX say).
    auto graph = read_dot("graph { a -- b; b -- c; }", "u.gv");
    auto scores = compute_metric(graph, Metric::betweenness, MetricOptions{});
    EXPECT_DOUBLE_EQ(scores[id(graph, "b")], 1.0);
    EXPECT_DOUBLE_EQ(scores[id(graph, "a")], 0.0);
    auto ranks = compute_metric(graph, Metric::pagerank, MetricOptions{});
    EXPECT_NEAR(ranks[id(graph, "a")], ranks[id(graph, "c")], 1e-12);  // symmetric, not a sink at c
    EXPECT_GT(ranks[id(graph, "b")], ranks[id(graph, "a")]);
}

TEST(UndirectedQuery, TheBoostTraversalHasBothDirectionsOfAnUndirectedRelation)
{
    auto graph = mixed();
    Traversal traversal(graph, GraphFilter{}, Direction::follow);
    EXPECT_EQ(boost::num_edges(traversal.graph()), 1u + 2u + 2u);
}

}  // namespace
}  // namespace actorgraph
