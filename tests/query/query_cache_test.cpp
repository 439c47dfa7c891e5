#include "actorgraph/query/query_cache.hpp"

#include <gtest/gtest.h>

#include <thread>

#include "actorgraph/query/metrics.hpp"
#include "actorgraph/query/paths.hpp"
#include "query/query_fixture.hpp"

namespace actorgraph {
namespace {

TEST(QueryCache, TheSameFilterAndDirectionReuseOneIndex)
{
    auto graph = testing::influence_graph();
    QueryCache cache(graph, 2);
    GraphFilter investments;
    investments.types = {"investment"};
    auto first = cache.index({}, Direction::any);
    EXPECT_EQ(cache.index({}, Direction::any), first);
    EXPECT_NE(cache.index({}, Direction::follow), first);
    EXPECT_EQ(cache.index({}, Direction::any), first);  // used last, so the next new one evicts `follow`
    auto typed = cache.index(investments, Direction::any);
    EXPECT_NE(typed, first);
    EXPECT_TRUE(typed->answers(investments, Direction::any));
    EXPECT_EQ(cache.index_count(), 2u);
    EXPECT_EQ(cache.index({}, Direction::any), first);
    cache.clear();
    EXPECT_EQ(cache.index_count(), 0u);
    EXPECT_NE(cache.index({}, Direction::any), first);
}

TEST(QueryCache, CostsAreTheRelationCostsComputedOnce)
{
    auto graph = testing::influence_graph();
    QueryCache cache(graph);
    auto costs = cache.costs("amount_usd", WeightTransform::inverse);
    EXPECT_EQ(*costs, relation_costs(graph, "amount_usd", WeightTransform::inverse));
    EXPECT_EQ(cache.costs("amount_usd", WeightTransform::inverse), costs);
    EXPECT_EQ(*cache.costs("amount_usd", WeightTransform::direct), relation_costs(graph, "amount_usd", WeightTransform::direct));
}

struct PathQuery {
    ActorIndex from;
    ActorIndex to;
    PathOptions options;
};

// Three paths either way round: a query with something to compare.
PathQuery minister_to_mine(const Graph& graph)
{
    PathOptions options;
    options.direction = Direction::any;
    options.k = 3;
    return {graph.resolve("minister"), graph.resolve("mine"), options};
}

TEST(QueryCache, AnswersAsTheGraphFunctionsDo)
{
    auto graph = testing::influence_graph();
    QueryCache cache(graph);
    auto [from, to, options] = minister_to_mine(graph);
    auto cached = find_paths(cache, from, to, options);
    auto direct = find_paths(graph, from, to, options);
    ASSERT_EQ(cached.size(), direct.size());
    for (std::size_t i = 0; i < cached.size(); ++i) EXPECT_EQ(cached[i].relations, direct[i].relations);
}

TEST(QueryCache, StepCostsAreReusedAndOutliveTheCache)
{
    auto graph = testing::influence_graph();
    auto cache = std::make_unique<QueryCache>(graph);
    auto steps = cache->step_costs({}, Direction::follow, "amount_usd", WeightTransform::inverse);
    EXPECT_EQ(cache->step_costs({}, Direction::follow, "amount_usd", WeightTransform::inverse), steps);
    EXPECT_NE(cache->step_costs({}, Direction::any, "amount_usd", WeightTransform::inverse), steps);
    auto atlantis = graph.resolve("atlantis");
    auto expected = std::vector<double>(steps->forward(atlantis).begin(), steps->forward(atlantis).end());
    cache.reset();  // the index and relation costs the step costs point into must live on with them
    EXPECT_EQ(std::vector<double>(steps->forward(atlantis).begin(), steps->forward(atlantis).end()), expected);
    EXPECT_EQ(steps->of(1), relation_costs(graph, "amount_usd", WeightTransform::inverse)[1]);
}

TEST(QueryCache, PageRankGraphIsBuiltOncePerIndexAndAnswersAsWithoutTheCache)
{
    auto graph = testing::influence_graph();
    QueryCache cache(graph, 1);
    auto first = cache.pagerank_graph({}, Direction::follow);
    EXPECT_EQ(cache.pagerank_graph({}, Direction::follow), first);
    EXPECT_NE(cache.pagerank_graph({}, Direction::any), first);
    // Capacity 1: `any` evicted the `follow` index, so its PageRank graph is not reused either.
    EXPECT_NE(cache.pagerank_graph({}, Direction::follow), first);
    MetricOptions options;
    for (bool undirected : {false, true}) {
        options.undirected = undirected;
        auto expected = compute_metric(graph, Metric::pagerank, options);
        EXPECT_EQ(compute_metric(cache, Metric::pagerank, options), expected);
        EXPECT_EQ(compute_metric(cache, Metric::pagerank, options), expected) << "from the kept graph";
    }
    cache.clear();
    EXPECT_EQ(compute_metric(cache, Metric::pagerank, options), compute_metric(graph, Metric::pagerank, options));
}

TEST(QueryCache, ThreadsSharingOneCacheBuildEachIndexOnceAndAnswerAlike)
{
    auto graph = testing::influence_graph();
    QueryCache cache(graph);
    auto query = minister_to_mine(graph);
    auto expected = find_paths(graph, query.from, query.to, query.options);
    ASSERT_FALSE(expected.empty());
    std::vector<std::shared_ptr<const QueryIndex>> seen(6);
    std::vector<std::vector<Path>> answers(6);
    std::vector<std::thread> threads;
    for (std::size_t t = 0; t < seen.size(); ++t) {
        threads.emplace_back([&, t] {
            answers[t] = find_paths(cache, query.from, query.to, query.options);
            seen[t] = cache.index({}, Direction::any);
        });
    }
    for (auto& thread : threads) thread.join();
    for (std::size_t t = 0; t < seen.size(); ++t) {
        EXPECT_EQ(seen[t], seen[0]);
        ASSERT_EQ(answers[t].size(), expected.size());
        for (std::size_t p = 0; p < expected.size(); ++p) EXPECT_EQ(answers[t][p].relations, expected[p].relations);
    }
}

}  // namespace
}  // namespace actorgraph
