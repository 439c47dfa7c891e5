// The index-backed searches (bidirectional BFS and Dijkstra, Yen and all-shortest over a
// QueryIndex) against plain Boost.Graph searches on the same filtered graphs.
#include <gtest/gtest.h>

#include <random>

#include "actorgraph/generate/synthetic_graph.hpp"
#include "actorgraph/io/dot_reader.hpp"
#include "actorgraph/query/query_cache.hpp"
#include "query/reference_queries.hpp"
#include "test_support.hpp"

namespace actorgraph {
namespace {

Graph nato_mongolia() { return read_dot_file(testing::source_dir() / "graphs/nato_mongolia.gv"); }

Graph synthetic(std::size_t actors, std::uint64_t seed = 3) { return generate_synthetic_graph({actors, 4.0, seed}); }

// The filters the comparisons run under: none, relation types, a year range, actor kinds.
std::vector<GraphFilter> sample_filters()
{
    std::vector<GraphFilter> filters(4);
    filters[1].types = {"investment", "partnership"};
    filters[2].year_from = 2000;
    filters[2].year_to = 2015;
    filters[3].kinds = {"state", "organization", "company"};
    return filters;
}

constexpr Direction directions[] = {Direction::follow, Direction::reverse, Direction::any};

PathOptions path_options(const GraphFilter& filter, Direction direction, std::size_t k = 1)
{
    PathOptions options;
    options.filter = filter;
    options.direction = direction;
    options.k = k;
    options.parallel = true;  // the reference's Yen counts parallel relations as distinct paths
    return options;
}

// True when the relation may be walked from one actor to the next in the direction.
bool walks(const Relation& relation, ActorIndex from, ActorIndex to, Direction direction)
{
    bool along = relation.source == from && relation.target == to;
    bool against = relation.target == from && relation.source == to;
    if (direction == Direction::follow) return along;
    if (direction == Direction::reverse) return against;
    return along || against;
}

// A path must be a walk from `from` to `to` over relations and actors the filter keeps.
void expect_walk(const Graph& graph, const Path& path, ActorIndex from, ActorIndex to, const GraphFilter& filter,
                 Direction direction)
{
    ASSERT_EQ(path.actors.size(), path.relations.size() + 1);
    EXPECT_EQ(path.actors.front(), from);
    EXPECT_EQ(path.actors.back(), to);
    for (std::size_t i = 0; i < path.relations.size(); ++i) {
        const auto& relation = graph.relation(path.relations[i]);
        EXPECT_TRUE(walks(relation, path.actors[i], path.actors[i + 1], direction)) << "relation " << path.relations[i];
        EXPECT_TRUE(filter.keeps_relation(relation) && filter.keeps_actor(graph.actor(relation.source)) &&
                    filter.keeps_actor(graph.actor(relation.target)));
    }
}

// For some sources, the path to each of some targets is as long as BGL's BFS says, or absent
// exactly when BFS does not reach the target.
void expect_hop_counts_like_bfs(const Graph& graph, std::size_t sources, std::size_t targets_per_source)
{
    std::mt19937 random(11);
    std::uniform_int_distribution<ActorIndex> pick(0, static_cast<ActorIndex>(graph.actor_count() - 1));
    for (const auto& filter : sample_filters()) {
        for (auto direction : directions) {
            QueryCache cache(graph);
            auto options = path_options(filter, direction);
            for (std::size_t s = 0; s < sources; ++s) {
                auto from = pick(random);
                auto expected = testing::reference_hops(graph, from, filter, direction);
                for (std::size_t t = 0; t < targets_per_source; ++t) {
                    auto to = pick(random);
                    auto found = find_paths(cache, from, to, options);
                    if (expected[to] < 0) {
                        EXPECT_TRUE(found.empty()) << from << " -> " << to;
                        continue;
                    }
                    ASSERT_EQ(found.size(), 1u) << from << " -> " << to;
                    EXPECT_EQ(found[0].relations.size(), static_cast<std::size_t>(expected[to])) << from << " -> " << to;
                    EXPECT_EQ(found[0].cost, expected[to]);
                    expect_walk(graph, found[0], from, to, filter, direction);
                }
            }
        }
    }
}

TEST(FastPaths, HopCountsEqualBoostBreadthFirstSearchOnTheNatoGraph)
{
    expect_hop_counts_like_bfs(nato_mongolia(), 25, 40);
}

TEST(FastPaths, HopCountsEqualBoostBreadthFirstSearchOnASyntheticGraph)
{
    expect_hop_counts_like_bfs(synthetic(3000), 12, 40);
}

// Weighted costs equal BGL Dijkstra's for both transforms, with every filter and direction.
void expect_costs_like_dijkstra(const Graph& graph, std::size_t sources, std::size_t targets_per_source)
{
    std::mt19937 random(5);
    std::uniform_int_distribution<ActorIndex> pick(0, static_cast<ActorIndex>(graph.actor_count() - 1));
    for (auto transform : {WeightTransform::inverse, WeightTransform::direct}) {
        auto costs = relation_costs(graph, "amount_usd", transform);
        for (const auto& filter : sample_filters()) {
            for (auto direction : directions) {
                QueryCache cache(graph);
                auto options = path_options(filter, direction);
                options.weight = "amount_usd";
                options.transform = transform;
                for (std::size_t s = 0; s < sources; ++s) {
                    auto from = pick(random);
                    auto expected = testing::reference_costs(graph, from, filter, direction, costs);
                    for (std::size_t t = 0; t < targets_per_source; ++t) {
                        auto to = pick(random);
                        auto found = find_paths(cache, from, to, options);
                        if (expected[to] == testing::unreachable) {
                            EXPECT_TRUE(found.empty());
                            continue;
                        }
                        ASSERT_EQ(found.size(), 1u) << from << " -> " << to;
                        EXPECT_NEAR(found[0].cost, expected[to], 1e-9 * expected[to]) << from << " -> " << to;
                        expect_walk(graph, found[0], from, to, filter, direction);
                        double sum = 0;
                        for (auto relation : found[0].relations) sum += costs[relation];
                        EXPECT_NEAR(found[0].cost, sum, 1e-9 * sum);
                    }
                }
            }
        }
    }
}

TEST(FastPaths, WeightedCostsEqualBoostDijkstraOnTheNatoGraph)
{
    expect_costs_like_dijkstra(nato_mongolia(), 15, 30);
}

TEST(FastPaths, WeightedCostsEqualBoostDijkstraOnASyntheticGraph)
{
    expect_costs_like_dijkstra(synthetic(3000), 6, 30);
}

// The bidirectional search stops early and skips steps that cannot beat the best meeting; on many
// small graphs of different densities, with spread costs, with costs mostly tied (the inverse
// amounts, where relations without one all cost the same) and with every cost equal (a property
// no relation has), every pair costs what a one-sided Dijkstra over the whole graph says.
TEST(FastPaths, WeightedCostsEqualOneSidedDijkstraOnManyRandomGraphs)
{
    std::size_t compared = 0;
    for (std::uint64_t seed = 1; seed <= 12; ++seed) {
        auto graph = generate_synthetic_graph({100 + 40 * seed, 1.0 + 0.5 * static_cast<double>(seed % 6), seed});
        std::mt19937 random(static_cast<unsigned>(seed));
        std::uniform_int_distribution<ActorIndex> pick(0, static_cast<ActorIndex>(graph.actor_count() - 1));
        // A weight no relation carries is an error now (issue 13), not "every relation costs the same".
        EXPECT_THROW((void)relation_costs(graph, "no_such_property", WeightTransform::inverse), Error);
        for (const char* weight : {"amount_usd", "year"}) {
            for (auto transform : {WeightTransform::inverse, WeightTransform::direct}) {
                auto costs = relation_costs(graph, weight, transform);
                for (auto direction : directions) {
                    QueryCache cache(graph);
                    auto options = path_options({}, direction);
                    options.weight = weight;
                    options.transform = transform;
                    for (int source = 0; source < 3; ++source) {
                        auto from = pick(random);
                        auto expected = testing::reference_costs(graph, from, {}, direction, costs);
                        for (ActorIndex to = 0; to < graph.actor_count(); to += 3) {
                            auto found = find_paths(cache, from, to, options);
                            if (expected[to] == testing::unreachable) {
                                EXPECT_TRUE(found.empty()) << from << " -> " << to;
                                continue;
                            }
                            ASSERT_EQ(found.size(), 1u) << from << " -> " << to;
                            EXPECT_NEAR(found[0].cost, expected[to], 1e-9 * expected[to]) << from << " -> " << to;
                            expect_walk(graph, found[0], from, to, {}, direction);
                            ++compared;
                        }
                    }
                }
            }
        }
    }
    EXPECT_GT(compared, 20000u);
}

// Yen's k cheapest loopless paths are unique as a list of costs, whatever ties each picks.
TEST(FastPaths, KShortestCostsEqualTheAdjacencyListYen)
{
    auto graph = synthetic(1500);
    std::mt19937 random(17);
    std::uniform_int_distribution<ActorIndex> pick(0, static_cast<ActorIndex>(graph.actor_count() - 1));
    std::size_t compared = 0;
    for (auto direction : directions) {
        for (const char* weight : {"", "amount_usd"}) {
            auto options = path_options({}, direction, 6);
            options.weight = weight;
            QueryCache cache(graph);
            for (int pair = 0; pair < 6; ++pair) {
                auto from = pick(random);
                auto to = pick(random);
                auto expected = testing::reference_yen(graph, from, to, options);
                auto found = find_paths(cache, from, to, options);
                ASSERT_EQ(found.size(), expected.size()) << from << " -> " << to;
                for (std::size_t i = 0; i < found.size(); ++i) {
                    EXPECT_NEAR(found[i].cost, expected[i].cost, 1e-9 * expected[i].cost) << "path " << i;
                    expect_walk(graph, found[i], from, to, {}, direction);
                    auto actors = found[i].actors;
                    std::sort(actors.begin(), actors.end());
                    EXPECT_EQ(std::adjacent_find(actors.begin(), actors.end()), actors.end()) << "path repeats an actor";
                }
                compared += found.size();
            }
        }
    }
    EXPECT_GT(compared, 50u);  // the pairs were connected often enough for the comparison to mean something
}

TEST(FastPaths, AllShortestPathsAreTheSameSetAsTheFullDijkstraEnumeration)
{
    auto graph = synthetic(1500);
    std::mt19937 random(23);
    std::uniform_int_distribution<ActorIndex> pick(0, static_cast<ActorIndex>(graph.actor_count() - 1));
    std::size_t compared = 0;
    for (auto direction : directions) {
        for (const char* weight : {"", "amount_usd"}) {
            auto options = path_options({}, direction);
            options.all_shortest = true;
            options.weight = weight;
            options.limit = 200;
            QueryCache cache(graph);
            for (int pair = 0; pair < 10; ++pair) {
                auto from = pick(random);
                auto to = pick(random);
                auto expected = testing::reference_all_shortest(graph, from, to, options);
                auto found = find_paths(cache, from, to, options);
                ASSERT_EQ(found.size(), expected.size()) << from << " -> " << to;
                for (std::size_t i = 0; i < found.size(); ++i) {
                    EXPECT_EQ(found[i].actors, expected[i].actors);
                    EXPECT_EQ(found[i].relations, expected[i].relations);
                }
                compared += found.size();
            }
        }
    }
    EXPECT_GT(compared, 30u);
}

TEST(FastPaths, HopLimitOnKShortestKeepsOnlyShortEnoughPaths)
{
    auto graph = synthetic(1500);
    auto options = path_options({}, Direction::any, 8);
    auto unlimited = find_paths(graph, 3, 700, options);
    ASSERT_FALSE(unlimited.empty());
    options.max_hops = unlimited.front().relations.size();
    auto limited = find_paths(graph, 3, 700, options);
    ASSERT_FALSE(limited.empty());
    for (const auto& path : limited) EXPECT_LE(path.relations.size(), *options.max_hops);
    options.max_hops = unlimited.front().relations.size() - 1;
    EXPECT_TRUE(find_paths(graph, 3, 700, options).empty());
}

TEST(FastPaths, ASearchFromAnActorToItselfIsTheEmptyPath)
{
    auto graph = nato_mongolia();
    auto mongolia = graph.resolve("mongolia");
    for (const char* weight : {"", "amount_usd"}) {
        PathOptions options;
        options.weight = weight;
        auto found = find_paths(graph, mongolia, mongolia, options);
        ASSERT_EQ(found.size(), 1u);
        EXPECT_EQ(found[0].actors, std::vector<ActorIndex>{mongolia});
        EXPECT_TRUE(found[0].relations.empty());
        EXPECT_EQ(found[0].cost, 0);
    }
}

TEST(FastPaths, AnIndexBuiltForAnotherFilterIsRefused)
{
    auto graph = nato_mongolia();
    QueryIndex index(graph, {}, Direction::follow);
    PathOptions options;
    options.filter.types = {"investment"};
    EXPECT_THROW((void)find_paths(index, 0, 1, options, {}), Error);
    options.filter = {};
    options.direction = Direction::any;
    EXPECT_THROW((void)find_paths(index, 0, 1, options, {}), Error);
    options.direction = Direction::follow;
    options.weight = "amount_usd";
    EXPECT_THROW((void)find_paths(index, 0, 1, options, {1.0, 2.0}), Error);  // one cost per relation is needed
}

}  // namespace
}  // namespace actorgraph
