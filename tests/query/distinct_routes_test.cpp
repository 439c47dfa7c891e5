// path --k counts distinct actor sequences, listing each hop's parallel relations, unless
// `parallel` asks for every combination; checked against every simple route of small graphs.
#include <gtest/gtest.h>

#include <functional>
#include <random>
#include <set>

#include "actorgraph/query/paths.hpp"
#include "query/query_fixture.hpp"

namespace actorgraph {
namespace {

// a -> b three times, b -> c twice, a -> c once.
Graph parallel_graph()
{
    Graph graph;
    for (auto id : {"a", "b", "c"}) graph.add_actor({id, "", "state", {}, {}, {}});
    for (int i = 0; i < 3; ++i) graph.add_relation({0, 1, "investment", {}, {}});
    for (int i = 0; i < 2; ++i) graph.add_relation({1, 2, "pressure", {}, {}});
    graph.add_relation({0, 2, "partnership", {}, {}});
    return graph;
}

TEST(DistinctRoutes, KCountsActorSequencesAndListsParallelRelations)
{
    auto graph = parallel_graph();
    PathOptions options;
    options.k = 5;
    auto paths = find_paths(graph, 0, 2, options);
    ASSERT_EQ(paths.size(), 2u);
    EXPECT_EQ(paths[0].actors, (std::vector<ActorIndex>{0, 2}));
    EXPECT_EQ(paths[1].actors, (std::vector<ActorIndex>{0, 1, 2}));
    ASSERT_EQ(paths[1].parallel.size(), 2u);
    EXPECT_EQ(paths[1].parallel[0], (std::vector<RelationIndex>{0, 1, 2}));
    EXPECT_EQ(paths[1].parallel[1], (std::vector<RelationIndex>{3, 4}));
}

TEST(DistinctRoutes, ParallelCountsEveryCombination)
{
    auto graph = parallel_graph();
    PathOptions options;
    options.k = 10;
    options.parallel = true;
    auto paths = find_paths(graph, 0, 2, options);
    EXPECT_EQ(paths.size(), 1u + 3u * 2u);
    EXPECT_TRUE(paths[0].parallel.empty());
}

TEST(DistinctRoutes, TheKShortestRoutesMatchEverySimpleRouteOfSmallGraphs)
{
    std::mt19937 random(29);
    for (int round = 0; round < 60; ++round) {
        Graph graph;
        for (int i = 0; i < 7; ++i) graph.add_actor({"a" + std::to_string(i), "", "state", {}, {}, {}});
        std::uniform_int_distribution<ActorIndex> pick(0, 6);
        for (int i = 0; i < 18; ++i) graph.add_relation({pick(random), pick(random), "partnership", {}, {}});
        // every simple actor sequence from 0 to 6, by depth-first search over distinct next actors
        std::vector<std::size_t> lengths;
        std::vector<char> on_path(7, 0);
        std::function<void(ActorIndex, std::size_t)> walk = [&](ActorIndex at, std::size_t hops) {
            if (at == 6) {
                lengths.push_back(hops);
                return;
            }
            std::set<ActorIndex> next;
            for (auto index : graph.out_relations(at)) next.insert(graph.relation(index).target);
            for (auto actor : next) {
                if (on_path[actor]) continue;
                on_path[actor] = 1;
                walk(actor, hops + 1);
                on_path[actor] = 0;
            }
        };
        on_path[0] = 1;
        walk(0, 0);
        std::sort(lengths.begin(), lengths.end());
        PathOptions options;
        options.k = 6;
        auto paths = find_paths(graph, 0, 6, options);
        ASSERT_EQ(paths.size(), std::min<std::size_t>(6, lengths.size())) << "round " << round;
        std::set<std::vector<ActorIndex>> distinct;
        for (std::size_t i = 0; i < paths.size(); ++i) {
            EXPECT_EQ(paths[i].relations.size(), lengths[i]) << "round " << round << " path " << i;
            distinct.insert(paths[i].actors);
        }
        EXPECT_EQ(distinct.size(), paths.size());
    }
}

}  // namespace
}  // namespace actorgraph
