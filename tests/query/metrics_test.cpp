#include "actorgraph/query/metrics.hpp"

#include <gtest/gtest.h>

#include <numeric>

#include "query/query_fixture.hpp"

namespace actorgraph {
namespace {

TEST(Metrics, DegreeCountsEveryRelationIncludingParallelOnes)
{
    auto graph = testing::influence_graph();
    auto atlantis = graph.resolve("atlantis");
    EXPECT_EQ(compute_metric(graph, Metric::degree, {})[atlantis], 6);
    EXPECT_EQ(compute_metric(graph, Metric::in_degree, {})[atlantis], 4);
    EXPECT_EQ(compute_metric(graph, Metric::out_degree, {})[atlantis], 2);
    MetricOptions pressure_only;
    pressure_only.filter.types = {"pressure"};
    EXPECT_EQ(compute_metric(graph, Metric::in_degree, pressure_only)[atlantis], 2);
}

TEST(Metrics, BetweennessPutsTheBrokerFirst)
{
    auto graph = testing::influence_graph();
    auto ranked = rank_actors(graph, Metric::betweenness, {}, 2);
    ASSERT_EQ(ranked.size(), 2u);
    EXPECT_EQ(graph.actor(ranked[0].actor).id, "atlantis");
    EXPECT_DOUBLE_EQ(ranked[0].score, 7.0);
    EXPECT_EQ(graph.actor(ranked[1].actor).id, "league");
}

TEST(Metrics, PageRankIsAShareThatSumsToOne)
{
    auto graph = testing::influence_graph();
    auto scores = compute_metric(graph, Metric::pagerank, {});
    EXPECT_NEAR(std::accumulate(scores.begin(), scores.end(), 0.0), 1.0, 1e-9);
    for (double score : scores) EXPECT_GT(score, 0.0);
    auto ranked = rank_actors(graph, Metric::pagerank, {}, 1);
    EXPECT_NE(graph.actor(ranked[0].actor).kind, "official");  // officials only point outwards
}

// Decided (README, "rank"): a type or year filter drops relations, not actors, so PageRank ranks
// every actor the filters keep; one left without relations gets only the random jump's share, the
// floor of the ranking (as networkx and igraph rank isolated vertices). CLI and explorer agree.
TEST(Metrics, PageRankUnderATypeFilterRanksActorsLeftWithoutRelationsAtTheFloor)
{
    Graph graph;
    for (const char* id : {"a", "b", "c", "d"}) graph.add_actor({id, id, "state", {}, {}, {}});
    graph.add_relation({0, 1, "investment", {}, {}});
    graph.add_relation({1, 2, "pressure", {}, {}});
    graph.add_relation({2, 3, "pressure", {}, {}});
    MetricOptions options;
    options.filter.types = {"investment"};
    auto ranked = rank_actors(graph, Metric::pagerank, options, 0);
    ASSERT_EQ(ranked.size(), 4u);  // c and d keep no relation and are still ranked
    auto scores = compute_metric(graph, Metric::pagerank, options);
    EXPECT_GT(scores[1], scores[0]);
    EXPECT_GT(scores[2], 0.0);
    EXPECT_DOUBLE_EQ(scores[2], scores[3]);
    EXPECT_DOUBLE_EQ(scores[2], scores[0]);  // a keeps a relation but nothing points to it: the same floor
    EXPECT_NEAR(std::accumulate(scores.begin(), scores.end(), 0.0), 1.0, 1e-9);
}

TEST(Metrics, RankingRespectsTheFilterAndTheLimit)
{
    auto graph = testing::influence_graph();
    MetricOptions options;
    options.filter.kinds = {"company"};
    auto ranked = rank_actors(graph, Metric::degree, options, 0);
    ASSERT_EQ(ranked.size(), 2u);
    EXPECT_EQ(graph.actor(ranked[0].actor).id, "mine");  // ties break by id
}

TEST(Metrics, MetricNamesRoundTrip)
{
    for (auto metric : {Metric::degree, Metric::in_degree, Metric::out_degree, Metric::betweenness, Metric::pagerank}) {
        EXPECT_EQ(parse_metric(metric_name(metric)), metric);
    }
    EXPECT_THROW((void)parse_metric("closeness"), Error);
}

}  // namespace
}  // namespace actorgraph
