// The core's cut (unit-capacity augmenting paths over the query index) against the Boost.Graph
// max-flow it replaced, on random graphs too big for the brute force of cut_test.cpp: the same
// size every time, and the cut found really separates the two actors.
#include <gtest/gtest.h>

#include <random>

#include "actorgraph/query/cut.hpp"
#include "query/boost_cut_reference.hpp"
#include "query/small_graphs.hpp"

namespace actorgraph {
namespace {

// Whether the index still leads from `from` to `to` without the removed actors and relations
// (relations straight from `from` to `to` skipped when `skip_direct`).
bool still_reaches(const QueryIndex& index, ActorIndex from, ActorIndex to, const std::vector<char>& removed_actors,
                   const std::vector<char>& removed_relations, bool skip_direct)
{
    std::vector<char> seen(index.actor_count(), 0);
    std::vector<ActorIndex> stack{from};
    seen[from] = 1;
    while (!stack.empty()) {
        auto actor = stack.back();
        stack.pop_back();
        if (actor == to) return true;
        for (const auto& step : index.forward(actor)) {
            if (seen[step.actor] || removed_actors[step.actor] || removed_relations[step.relation]) continue;
            if (skip_direct && actor == from && step.actor == to) continue;
            seen[step.actor] = 1;
            stack.push_back(step.actor);
        }
    }
    return false;
}

void expect_same_as_boost(const Graph& graph, Direction direction, CutKind kind, ActorIndex from, ActorIndex to, int round)
{
    QueryIndex index(graph, {}, direction);
    auto cut = minimum_cut(index, from, to, kind);
    ASSERT_EQ(cut.size, testing::boost_reference::cut_size(index, from, to, kind))
        << "round " << round << ", " << from << " -> " << to << (kind == CutKind::actors ? " actors" : " relations");
    std::vector<char> removed_actors(graph.actor_count(), 0), removed_relations(graph.relation_count(), 0);
    for (auto actor : cut.actors) removed_actors[actor] = 1;
    for (auto relation : cut.relations) removed_relations[relation] = 1;
    EXPECT_EQ(kind == CutKind::actors ? cut.actors.size() : cut.relations.size(), cut.size);
    EXPECT_FALSE(still_reaches(index, from, to, removed_actors, removed_relations, kind == CutKind::actors)) << "round " << round;
    std::vector<char> no_actors(graph.actor_count(), 0), no_relations(graph.relation_count(), 0);
    EXPECT_EQ(cut.connected, still_reaches(index, from, to, no_actors, no_relations, false)) << "round " << round;
}

TEST(CutReference, UnitFlowCutsHaveTheSizeOfBoostsMaxFlowOnRandomGraphs)
{
    std::mt19937 random(2026);
    for (int round = 0; round < 120; ++round) {
        // Sparse to dense, with parallel relations and loops; directed, reversed and undirected walks.
        std::size_t actors = 20 + static_cast<std::size_t>(round % 5) * 15;
        std::size_t relations = actors * (1 + static_cast<std::size_t>(round % 7));
        auto graph = testing::random_graph(random, actors, relations);
        auto direction = round % 3 == 0 ? Direction::any : round % 3 == 1 ? Direction::follow : Direction::reverse;
        std::uniform_int_distribution<ActorIndex> pick(0, static_cast<ActorIndex>(actors - 1));
        for (int pair = 0; pair < 4; ++pair) {
            ActorIndex from = pick(random), to = pick(random);
            if (from == to) continue;
            expect_same_as_boost(graph, direction, CutKind::actors, from, to, round);
            expect_same_as_boost(graph, direction, CutKind::relations, from, to, round);
        }
    }
}

TEST(CutReference, AHubWithManyIndependentRoutesIsCutAtTheLayerBetween)
{
    // from -> m_i -> to for 200 middle actors, plus m_i -> m_{i+1}: 200 routes sharing no actor.
    Graph graph;
    auto add = [&](const std::string& id) { return graph.add_actor({id, "", "state", {}, {}, {}}); };
    auto from = add("from"), to = add("to");
    std::vector<ActorIndex> middle;
    for (int i = 0; i < 200; ++i) middle.push_back(add("m" + std::to_string(i)));
    for (std::size_t i = 0; i < middle.size(); ++i) {
        graph.add_relation({from, middle[i], "partnership", {}, {}});
        graph.add_relation({middle[i], to, "partnership", {}, {}});
        if (i + 1 < middle.size()) graph.add_relation({middle[i], middle[i + 1], "partnership", {}, {}});
    }
    auto cut = minimum_cut(graph, from, to, {});
    EXPECT_EQ(cut.size, 200u);
    EXPECT_EQ(cut.actors, middle);
    expect_same_as_boost(graph, Direction::any, CutKind::actors, from, to, 0);
    expect_same_as_boost(graph, Direction::follow, CutKind::relations, from, to, 0);
}

}  // namespace
}  // namespace actorgraph
