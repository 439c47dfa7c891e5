// Neighbourhoods over the index against plain Boost.Graph BFS, and paged neighbourhoods of hubs.
#include <gtest/gtest.h>

#include <set>

#include "actorgraph/generate/synthetic_graph.hpp"
#include "actorgraph/query/neighbourhood.hpp"
#include "actorgraph/query/query_cache.hpp"
#include "query/query_fixture.hpp"
#include "query/reference_queries.hpp"

namespace actorgraph {
namespace {

Graph synthetic() { return generate_synthetic_graph({3000, 4.0, 9}); }

// The actor with the most kept relations.
ActorIndex top_hub(const QueryIndex& index)
{
    ActorIndex hub = 0;
    for (auto actor : index.kept_actors()) {
        if (index.degree(actor) > index.degree(hub)) hub = actor;
    }
    return hub;
}

// The distinct actors one step from `actor`, itself excluded.
std::set<ActorIndex> neighbours_of(const QueryIndex& index, ActorIndex actor)
{
    std::set<ActorIndex> neighbours;
    for (auto step : index.forward(actor)) {
        if (step.actor != actor) neighbours.insert(step.actor);
    }
    return neighbours;
}

TEST(NeighbourhoodIndex, HopDistancesEqualBoostBreadthFirstSearchWithinTheDepth)
{
    auto graph = synthetic();
    GraphFilter typed;
    typed.types = {"investment", "affiliation"};
    for (const auto& filter : {GraphFilter{}, typed}) {
        for (auto direction : {Direction::follow, Direction::reverse, Direction::any}) {
            for (std::size_t depth : {1u, 2u, 3u, 100u}) {
                std::vector<ActorIndex> seeds{7, 1234, 2999};
                auto found = hop_distances(graph, seeds, {filter, direction, depth});
                std::vector<int> expected(graph.actor_count(), -1);
                for (auto seed : seeds) {
                    auto from_seed = testing::reference_hops(graph, seed, filter, direction);
                    for (std::size_t actor = 0; actor < expected.size(); ++actor) {
                        int hops = from_seed[actor];
                        if (hops < 0 || hops > static_cast<int>(depth)) continue;
                        if (expected[actor] < 0 || hops < expected[actor]) expected[actor] = hops;
                    }
                }
                EXPECT_EQ(found, expected) << "depth " << depth;
            }
        }
    }
}

TEST(NeighbourhoodIndex, RelationsAreEveryKeptRelationBetweenReachedActors)
{
    auto graph = synthetic();
    GraphFilter dated;
    dated.year_from = 2005;
    for (auto direction : {Direction::follow, Direction::reverse, Direction::any}) {
        NeighbourhoodOptions options{dated, direction, 2};
        auto selection = neighbourhood(graph, {42, 420}, options);
        auto distance = hop_distances(graph, {42, 420}, options);
        std::vector<RelationIndex> expected;
        for (auto relation : apply_filter(graph, dated).relations) {
            if (distance[graph.relation(relation).source] >= 0 && distance[graph.relation(relation).target] >= 0) {
                expected.push_back(relation);
            }
        }
        EXPECT_EQ(selection.relations, expected);
        EXPECT_FALSE(expected.empty());
    }
}

TEST(NeighbourhoodPage, AHubShowsItsFirstHundredNeighboursAndCountsTheRest)
{
    auto graph = synthetic();
    QueryCache cache(graph);
    NeighbourhoodOptions options;
    auto index = cache.index(options.filter, options.direction);
    auto hub = top_hub(*index);
    auto all = neighbours_of(*index, hub);
    ASSERT_GT(all.size(), 150u) << "the synthetic graph should have a hub with many neighbours";
    auto page = neighbourhood_page(cache, {hub}, options);
    EXPECT_EQ(page.selection.actors.size(), 101u);
    ASSERT_EQ(page.hidden.size(), 1u);
    EXPECT_EQ(page.hidden[0].actor, hub);
    EXPECT_EQ(page.hidden[0].shown, 100u);
    EXPECT_EQ(page.hidden[0].more, all.size() - 100);
    EXPECT_EQ(page.more(), all.size() - 100);
    for (std::size_t i = 0; i < page.selection.actors.size(); ++i) {
        EXPECT_EQ(page.hops[i], page.selection.actors[i] == hub ? 0 : 1);
    }
}

TEST(NeighbourhoodPage, ThePagesOfAHubCoverEachNeighbourOnce)
{
    auto graph = synthetic();
    QueryIndex index(graph, {}, Direction::any);
    auto hub = top_hub(index);
    auto all = neighbours_of(index, hub);
    NeighbourPaging paging{60, 0};
    std::multiset<ActorIndex> seen;
    for (int pages = 0; pages < 100; ++pages) {
        auto page = neighbourhood_page(index, {hub}, 1, paging);
        for (auto actor : page.selection.actors) {
            if (actor != hub) seen.insert(actor);
        }
        if (page.more() == 0) break;
        EXPECT_EQ(page.more(), all.size() - paging.offset - 60);
        paging.offset += paging.limit;
    }
    EXPECT_EQ(std::set<ActorIndex>(seen.begin(), seen.end()), all);
    EXPECT_EQ(seen.size(), all.size());
}

TEST(NeighbourhoodPage, TheBestConnectedNeighboursComeFirst)
{
    auto graph = synthetic();
    QueryIndex index(graph, {}, Direction::any);
    auto hub = top_hub(index);
    auto page = neighbourhood_page(index, {hub}, 1, {20, 0});
    std::size_t weakest_shown = std::numeric_limits<std::size_t>::max();
    for (auto actor : page.selection.actors) {
        if (actor != hub) weakest_shown = std::min(weakest_shown, index.degree(actor));
    }
    for (auto actor : neighbours_of(index, hub)) {
        if (!page.selection.contains_actor(actor)) {
            EXPECT_LE(index.degree(actor), weakest_shown);
        }
    }
}

TEST(NeighbourhoodPage, WithoutALimitItIsTheWholeNeighbourhood)
{
    auto graph = synthetic();
    QueryIndex index(graph, {}, Direction::follow);
    auto hub = top_hub(index);
    auto page = neighbourhood_page(index, {hub, 5}, 2, {0, 0});
    auto whole = neighbourhood(index, {hub, 5}, 2);
    EXPECT_EQ(page.selection.actors, whole.actors);
    EXPECT_EQ(page.selection.relations, whole.relations);
    EXPECT_TRUE(page.hidden.empty());
    auto distance = hop_distances(index, {hub, 5}, 2);
    for (std::size_t i = 0; i < page.selection.actors.size(); ++i) EXPECT_EQ(page.hops[i], distance[page.selection.actors[i]]);
}

TEST(NeighbourhoodPage, DeeperLevelsAreCappedPerExpandedActor)
{
    auto graph = synthetic();
    QueryIndex index(graph, {}, Direction::any);
    auto hub = top_hub(index);
    auto page = neighbourhood_page(index, {hub}, 2, {5, 0});
    // The hub adds at most 5 actors, each of those at most 5 more.
    EXPECT_LE(page.selection.actors.size(), 1u + 5u + 25u);
    EXPECT_GT(page.selection.actors.size(), 6u);
    EXPECT_FALSE(page.hidden.empty());
}

TEST(NeighbourhoodPage, SmallNeighbourhoodsHideNothing)
{
    auto graph = testing::influence_graph();
    NeighbourhoodOptions options;
    auto page = neighbourhood_page(graph, {graph.resolve("atlantis")}, options);
    auto whole = neighbourhood(graph, {graph.resolve("atlantis")}, options);
    EXPECT_EQ(page.selection.actors, whole.actors);
    EXPECT_EQ(page.selection.relations, whole.relations);
    EXPECT_EQ(page.more(), 0u);
}

}  // namespace
}  // namespace actorgraph
