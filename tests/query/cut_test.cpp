// Minimum cuts checked against brute force: on small random graphs every subset of actors (or of
// relations) is tried, smallest first, and the cut must have the smallest disconnecting size.
#include "actorgraph/query/cut.hpp"

#include <gtest/gtest.h>

#include <random>

#include "query/query_fixture.hpp"
#include "query/small_graphs.hpp"

namespace actorgraph {
namespace {

// Whether `to` is reachable from `from` without the removed actors or relations; relations from
// `from` straight to `to` are skipped when `skip_direct` (an actor cut cannot touch them).
bool reaches(const Graph& graph, ActorIndex from, ActorIndex to, bool undirected, const std::vector<char>& removed_actors,
             const std::vector<char>& removed_relations, bool skip_direct)
{
    std::vector<char> seen(graph.actor_count(), 0);
    std::vector<ActorIndex> stack{from};
    seen[from] = 1;
    while (!stack.empty()) {
        auto actor = stack.back();
        stack.pop_back();
        if (actor == to) return true;
        for (RelationIndex r = 0; r < graph.relation_count(); ++r) {
            if (removed_relations[r]) continue;
            const auto& relation = graph.relation(r);
            std::optional<ActorIndex> next;
            if (relation.source == actor) next = relation.target;
            else if (undirected && relation.target == actor) next = relation.source;
            if (!next || seen[*next] || removed_actors[*next]) continue;
            if (skip_direct && actor == from && *next == to) continue;
            seen[*next] = 1;
            stack.push_back(*next);
        }
    }
    return false;
}

// The smallest number of actors (other than the ends) whose removal disconnects, or SIZE_MAX.
std::size_t brute_actor_cut(const Graph& graph, ActorIndex from, ActorIndex to, bool undirected)
{
    std::size_t n = graph.actor_count();
    std::vector<char> none_relations(graph.relation_count(), 0);
    std::size_t best = SIZE_MAX;
    for (std::uint32_t mask = 0; mask < (1u << n); ++mask) {
        if (mask & ((1u << from) | (1u << to))) continue;
        auto size = static_cast<std::size_t>(__builtin_popcount(mask));
        if (size >= best) continue;
        std::vector<char> removed(n, 0);
        for (std::size_t i = 0; i < n; ++i) removed[i] = (mask >> i) & 1u;
        if (!reaches(graph, from, to, undirected, removed, none_relations, true)) best = size;
    }
    return best;
}

std::size_t brute_relation_cut(const Graph& graph, ActorIndex from, ActorIndex to, bool undirected)
{
    std::size_t m = graph.relation_count();
    std::vector<char> no_actors(graph.actor_count(), 0);
    std::size_t best = SIZE_MAX;
    for (std::uint32_t mask = 0; mask < (1u << m); ++mask) {
        auto size = static_cast<std::size_t>(__builtin_popcount(mask));
        if (size >= best) continue;
        std::vector<char> removed(m, 0);
        for (std::size_t i = 0; i < m; ++i) removed[i] = (mask >> i) & 1u;
        if (!reaches(graph, from, to, undirected, no_actors, removed, false)) best = size;
    }
    return best;
}

TEST(Cut, ActorCutsHaveTheBruteForceMinimumSizeAndDisconnect)
{
    std::mt19937 random(7);
    for (int round = 0; round < 150; ++round) {
        auto graph = testing::random_graph(random, 8, 14);
        bool undirected = round % 3 == 0;
        CutOptions options;
        options.direction = undirected ? Direction::any : Direction::follow;
        for (ActorIndex from = 0; from < 3; ++from) {
            for (ActorIndex to = 5; to < 8; ++to) {
                auto cut = minimum_cut(graph, from, to, options);
                std::vector<char> none(graph.relation_count(), 0), no_actors(graph.actor_count(), 0);
                ASSERT_EQ(cut.connected, reaches(graph, from, to, undirected, no_actors, none, false));
                if (!cut.connected) continue;
                ASSERT_EQ(cut.size, brute_actor_cut(graph, from, to, undirected)) << "round " << round;
                ASSERT_EQ(cut.actors.size(), cut.size);
                std::vector<char> removed(graph.actor_count(), 0);
                for (auto actor : cut.actors) removed[actor] = 1;
                EXPECT_FALSE(reaches(graph, from, to, undirected, removed, none, true));
            }
        }
    }
}

TEST(Cut, RelationCutsHaveTheBruteForceMinimumSizeAndDisconnect)
{
    std::mt19937 random(11);
    for (int round = 0; round < 80; ++round) {
        auto graph = testing::random_graph(random, 6, 12);  // parallel relations and loops included
        bool undirected = round % 2 == 0;
        CutOptions options;
        options.kind = CutKind::relations;
        options.direction = undirected ? Direction::any : Direction::follow;
        auto cut = minimum_cut(graph, 0, 5, options);
        std::vector<char> no_actors(graph.actor_count(), 0), none(graph.relation_count(), 0);
        ASSERT_EQ(cut.connected, reaches(graph, 0, 5, undirected, no_actors, none, false));
        if (!cut.connected) continue;
        ASSERT_EQ(cut.size, brute_relation_cut(graph, 0, 5, undirected)) << "round " << round;
        ASSERT_EQ(cut.relations.size(), cut.size);
        std::vector<char> removed(graph.relation_count(), 0);
        for (auto relation : cut.relations) removed[relation] = 1;
        EXPECT_FALSE(reaches(graph, 0, 5, undirected, no_actors, removed, false));
    }
}

TEST(Cut, DirectRelationsAreReportedApartFromTheActorCut)
{
    auto graph = testing::influence_graph();
    auto borduria = graph.resolve("borduria"), atlantis = graph.resolve("atlantis");
    auto cut = minimum_cut(graph, borduria, atlantis, {});
    EXPECT_TRUE(cut.connected);
    EXPECT_EQ(cut.direct.size(), 2u);  // pressure 2011 and the 2012 loan
    EXPECT_EQ(cut.size, 0u);           // every other route runs the wrong way (atlantis -> mine)
    CutOptions relations;
    relations.kind = CutKind::relations;
    EXPECT_EQ(minimum_cut(graph, borduria, atlantis, relations).size, 2u);
}

TEST(Cut, TheSameActorAtBothEndsIsAnError)
{
    auto graph = testing::influence_graph();
    EXPECT_THROW((void)minimum_cut(graph, 0, 0, {}), Error);
    EXPECT_THROW((void)parse_cut_kind("nodes"), Error);
}

TEST(Cut, FiltersNarrowTheRoutes)
{
    auto graph = testing::influence_graph();
    CutOptions options;
    options.filter.types = {"pressure"};
    auto cut = minimum_cut(graph, graph.resolve("borduria"), graph.resolve("oceanco"), options);
    EXPECT_FALSE(cut.connected);  // only an investment joins them
}

}  // namespace
}  // namespace actorgraph
