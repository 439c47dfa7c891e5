// What-if checked against brute force: pairs of actors connected (ignoring direction) counted
// by a search from every actor, before and after the removal.
#include "actorgraph/query/what_if.hpp"

#include <gtest/gtest.h>

#include <random>

#include "actorgraph/query/query_cache.hpp"
#include "query/query_fixture.hpp"
#include "query/small_graphs.hpp"

namespace actorgraph {
namespace {

std::vector<int> brute_components(const Graph& graph, const std::vector<char>& removed)
{
    std::vector<int> component(graph.actor_count(), -1);
    int next = 0;
    for (ActorIndex start = 0; start < graph.actor_count(); ++start) {
        if (removed[start] || component[start] >= 0) continue;
        std::vector<ActorIndex> stack{start};
        component[start] = next;
        while (!stack.empty()) {
            auto actor = stack.back();
            stack.pop_back();
            for (RelationIndex r = 0; r < graph.relation_count(); ++r) {
                const auto& relation = graph.relation(r);
                for (auto [a, b] : {std::pair{relation.source, relation.target}, std::pair{relation.target, relation.source}}) {
                    if (a == actor && !removed[b] && component[b] < 0) {
                        component[b] = next;
                        stack.push_back(b);
                    }
                }
            }
        }
        ++next;
    }
    return component;
}

TEST(WhatIf, LostPairsAndComponentsAgreeWithBruteForce)
{
    std::mt19937 random(3);
    for (int round = 0; round < 200; ++round) {
        auto graph = testing::random_graph(random, 12, 13);
        std::vector<ActorIndex> removed_actors{static_cast<ActorIndex>(round % 12)};
        if (round % 2) removed_actors.push_back(static_cast<ActorIndex>((round * 7 + 3) % 12));
        std::vector<char> removed(12, 0), nothing(12, 0);
        for (auto actor : removed_actors) removed[actor] = 1;
        auto before = brute_components(graph, nothing);
        auto after = brute_components(graph, removed);
        std::uint64_t lost = 0;
        std::set<ActorIndex> cut_off_candidates;
        for (ActorIndex a = 0; a < 12; ++a) {
            for (ActorIndex b = a + 1; b < 12; ++b) {
                if (removed[a] || removed[b]) continue;
                if (before[a] == before[b] && after[a] != after[b]) ++lost;
            }
        }
        QueryIndex index(graph, {}, Direction::follow);
        auto result = what_if(index, removed_actors, std::nullopt);
        EXPECT_EQ(result.pairs_lost, lost) << "round " << round;
        EXPECT_EQ(result.components_before, static_cast<std::size_t>(*std::max_element(before.begin(), before.end()) + 1));
        int components_after = 0;
        for (ActorIndex a = 0; a < 12; ++a) components_after = std::max(components_after, after[a] + 1);
        EXPECT_EQ(result.components_after, static_cast<std::size_t>(components_after));
        // Each fragment is one whole new component, and never the largest piece of its old one.
        for (const auto& fragment : result.fragments) {
            for (auto actor : fragment.actors) EXPECT_EQ(after[actor], after[fragment.actors.front()]);
            auto size = static_cast<std::size_t>(std::count(after.begin(), after.end(), after[fragment.actors.front()]));
            EXPECT_EQ(fragment.actors.size(), size);
        }
    }
}

TEST(WhatIf, RoutesThroughARemovedActorBreakAndTheRestRemain)
{
    auto graph = testing::influence_graph();
    auto borduria = graph.resolve("borduria"), mine = graph.resolve("mine"), oceanco = graph.resolve("oceanco");
    QueryIndex index(graph, {}, Direction::follow);
    auto result = what_if(index, {oceanco}, std::make_pair(borduria, mine));
    ASSERT_TRUE(result.between);
    const auto& between = *result.between;
    ASSERT_EQ(between.broken.size(), 1u);  // borduria -> oceanco -> mine
    EXPECT_EQ(testing::ids_of(graph, between.broken[0].actors), (std::vector<std::string>{"borduria", "oceanco", "mine"}));
    ASSERT_FALSE(between.remaining.empty());  // borduria -> atlantis -> mine
    ASSERT_TRUE(between.shortest_after);
    EXPECT_EQ(testing::ids_of(graph, between.shortest_after->actors), (std::vector<std::string>{"borduria", "atlantis", "mine"}));
    EXPECT_TRUE(between.unreachable_from.empty());
    EXPECT_EQ(result.broken_relations.size(), 2u);  // the loan to oceanco and oceanco's investment in the mine
}

TEST(WhatIf, RemovingAnEndOfTheRoutesIsAnError)
{
    auto graph = testing::influence_graph();
    QueryIndex index(graph, {}, Direction::follow);
    EXPECT_THROW((void)what_if(index, {0}, std::make_pair(ActorIndex{0}, ActorIndex{1})), Error);
}

TEST(WhatIf, RemovingTheOnlyLinkCutsOffAFragment)
{
    auto graph = testing::influence_graph();
    QueryCache cache(graph);
    auto result = what_if(cache, {graph.resolve("syldavia")}, std::nullopt, {});
    // the envoy still reaches atlantis; the league stays linked through atlantis: nothing is cut off
    EXPECT_TRUE(result.fragments.empty());
    auto atlantis = what_if(cache, {graph.resolve("atlantis")}, std::nullopt, {});
    // atlantis held together {borduria, oceanco, mine}, {syldavia, league, envoy} and the minister
    ASSERT_EQ(atlantis.fragments.size(), 2u);
    EXPECT_EQ(atlantis.fragments[0].actors.size(), 3u);
    EXPECT_EQ(testing::ids_of(graph, atlantis.fragments[1].actors), std::vector<std::string>{"minister"});
    EXPECT_EQ(atlantis.pairs_lost, 21u - 3u - 3u);
    EXPECT_TRUE(atlantis.selection().contains_actor(graph.resolve("minister")));
}

}  // namespace
}  // namespace actorgraph
