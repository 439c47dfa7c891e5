// Metrics over the index against the previous Boost.Graph implementations, and sampled betweenness.
#include <gtest/gtest.h>

#include <algorithm>

#include "actorgraph/generate/synthetic_graph.hpp"
#include "actorgraph/io/dot_reader.hpp"
#include "actorgraph/query/query_cache.hpp"
#include "query/reference_queries.hpp"
#include "test_support.hpp"

namespace actorgraph {
namespace {

Graph nato_mongolia() { return read_dot_file(testing::source_dir() / "graphs/nato_mongolia.gv"); }

Graph synthetic(std::size_t actors) { return generate_synthetic_graph({actors, 4.0, 13}); }

// Plain, undirected, and filtered by kinds and by relation types.
std::vector<MetricOptions> sample_options()
{
    std::vector<MetricOptions> options(4);
    options[1].undirected = true;
    options[2].filter.kinds = {"state", "organization", "company"};
    options[3].filter.types = {"investment", "pressure"};
    options[3].undirected = true;
    return options;
}

void expect_close(const std::vector<double>& found, const std::vector<double>& expected, double tolerance)
{
    ASSERT_EQ(found.size(), expected.size());
    for (std::size_t actor = 0; actor < found.size(); ++actor) {
        EXPECT_NEAR(found[actor], expected[actor], tolerance * std::max(1.0, std::abs(expected[actor]))) << "actor " << actor;
    }
}

TEST(MetricsIndex, PageRankEqualsThePreviousImplementationWithin1e9)
{
    for (const auto& graph : {nato_mongolia(), synthetic(2000)}) {
        for (const auto& options : sample_options()) {
            expect_close(compute_metric(graph, Metric::pagerank, options), testing::reference_pagerank(graph, options), 1e-9);
        }
    }
}

TEST(MetricsIndex, PageRankRunsTwentyRoundsByDefaultAndAsManyAsAskedLikeBoostGraph)
{
    auto graph = synthetic(2000);
    MetricOptions options;
    options.pagerank_rounds = 20;
    auto twenty = compute_metric(graph, Metric::pagerank, options);
    expect_close(twenty, testing::reference_pagerank(graph, options), 1e-9);
    EXPECT_EQ(twenty, compute_metric(graph, Metric::pagerank, {})) << "twenty rounds are the default";
    // Twenty rounds are short of a hundred: the option is honoured, not ignored.
    options.pagerank_rounds = 100;
    auto hundred = compute_metric(graph, Metric::pagerank, options);
    expect_close(hundred, testing::reference_pagerank(graph, options), 1e-9);
    double difference = 0;
    for (std::size_t actor = 0; actor < twenty.size(); ++actor) difference += std::abs(twenty[actor] - hundred[actor]);
    EXPECT_GT(difference, 1e-6);
}

TEST(MetricsIndex, ExactBetweennessEqualsThePreviousImplementation)
{
    for (const auto& graph : {nato_mongolia(), synthetic(800)}) {
        for (const auto& options : sample_options()) {
            auto result = compute_metric_result(graph, Metric::betweenness, options);
            EXPECT_FALSE(result.sampled);
            EXPECT_EQ(result.samples, apply_filter(graph, options.filter).actors.size());
            expect_close(result.values, testing::reference_betweenness(graph, options), 1e-9);
        }
    }
}

TEST(MetricsIndex, DegreesCountKeptRelationsAsBefore)
{
    auto graph = synthetic(2000);
    for (const auto& options : sample_options()) {
        auto selection = apply_filter(graph, options.filter);
        std::vector<double> in(graph.actor_count(), 0.0);
        std::vector<double> out(graph.actor_count(), 0.0);
        for (auto relation : selection.relations) {
            out[graph.relation(relation).source] += 1;
            in[graph.relation(relation).target] += 1;
        }
        EXPECT_EQ(compute_metric(graph, Metric::in_degree, options), in);
        EXPECT_EQ(compute_metric(graph, Metric::out_degree, options), out);
        auto degree = compute_metric(graph, Metric::degree, options);
        for (std::size_t actor = 0; actor < degree.size(); ++actor) EXPECT_EQ(degree[actor], in[actor] + out[actor]);
    }
}

TEST(MetricsIndex, BetweennessFromEverySourceAboveTheLimitIsStillExact)
{
    auto graph = synthetic(800);
    for (auto options : sample_options()) {
        options.exact_betweenness_limit = 10;
        options.betweenness_samples = graph.actor_count();
        auto result = compute_metric_result(graph, Metric::betweenness, options);
        EXPECT_FALSE(result.sampled);
        expect_close(result.values, testing::reference_betweenness(graph, options), 1e-9);
    }
}

TEST(MetricsIndex, LargeGraphsGetSampledBetweennessThatSaysSo)
{
    auto graph = synthetic(3000);
    MetricOptions options;
    options.exact_betweenness_limit = 1000;
    options.betweenness_samples = 300;
    auto sampled = compute_metric_result(graph, Metric::betweenness, options);
    EXPECT_TRUE(sampled.sampled);
    EXPECT_EQ(sampled.samples, 300u);
    EXPECT_EQ(compute_metric_result(graph, Metric::betweenness, options).values, sampled.values);  // same seed, same sample
    options.sample_seed = 2;
    EXPECT_NE(compute_metric_result(graph, Metric::betweenness, options).values, sampled.values);

    // The estimate finds the main brokers: the exact top actor is in the estimate's top ten.
    auto exact = testing::reference_betweenness(graph, {});
    auto top_exact = std::max_element(exact.begin(), exact.end()) - exact.begin();
    std::vector<ActorIndex> actors(graph.actor_count());
    for (ActorIndex actor = 0; actor < actors.size(); ++actor) actors[actor] = actor;
    auto ranked = rank_scores(graph, actors, sampled.values, 10);
    EXPECT_TRUE(std::any_of(ranked.begin(), ranked.end(), [&](const RankedActor& entry) { return entry.actor == top_exact; }));
}

TEST(MetricsIndex, OtherMetricsAreNeverSampled)
{
    auto graph = synthetic(500);
    for (auto metric : {Metric::degree, Metric::in_degree, Metric::out_degree, Metric::pagerank}) {
        auto result = compute_metric_result(graph, metric, {});
        EXPECT_FALSE(result.sampled);
        EXPECT_EQ(result.samples, 0u);
    }
}

TEST(MetricsIndex, RankingThroughTheCacheEqualsRankingTheGraph)
{
    auto graph = nato_mongolia();
    QueryCache cache(graph);
    for (auto metric : {Metric::degree, Metric::betweenness, Metric::pagerank}) {
        auto cached = rank_actors(cache, metric, {}, 10);
        auto direct = rank_actors(graph, metric, {}, 10);
        ASSERT_EQ(cached.size(), 10u);
        for (std::size_t i = 0; i < cached.size(); ++i) EXPECT_EQ(cached[i].actor, direct[i].actor);
    }
}

TEST(MetricsIndex, RankScoresKeepsTheTopAndBreaksTiesById)
{
    auto graph = nato_mongolia();
    auto scores = compute_metric(graph, Metric::degree, {});
    auto all = rank_scores(graph, apply_filter(graph, {}).actors, scores, 0);
    auto top = rank_scores(graph, apply_filter(graph, {}).actors, scores, 7);
    ASSERT_EQ(all.size(), graph.actor_count());
    ASSERT_EQ(top.size(), 7u);
    for (std::size_t i = 0; i < top.size(); ++i) EXPECT_EQ(top[i].actor, all[i].actor);
    for (std::size_t i = 1; i < all.size(); ++i) {
        EXPECT_GE(all[i - 1].score, all[i].score);
        if (all[i - 1].score == all[i].score) {
            EXPECT_LT(graph.actor(all[i - 1].actor).id, graph.actor(all[i].actor).id);
        }
    }
}

}  // namespace
}  // namespace actorgraph
