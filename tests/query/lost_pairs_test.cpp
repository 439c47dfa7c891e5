// The important pairs of a what-if checked against brute force: remove, search from every actor
// before and after over the relations themselves, keep every pair that lost a direction, rank them.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "actorgraph/query/what_if.hpp"
#include "query/small_graphs.hpp"

namespace actorgraph {
namespace {

// Who reaches whom along the relations (both ways when `either_way`), avoiding `removed`.
std::vector<std::vector<char>> brute_reach(const Graph& graph, const std::vector<char>& removed, bool either_way)
{
    auto n = graph.actor_count();
    std::vector<std::vector<char>> reach(n, std::vector<char>(n, 0));
    for (ActorIndex start = 0; start < n; ++start) {
        if (removed[start]) continue;
        std::vector<ActorIndex> stack{start};
        reach[start][start] = 1;
        while (!stack.empty()) {
            auto actor = stack.back();
            stack.pop_back();
            for (RelationIndex r = 0; r < graph.relation_count(); ++r) {
                const auto& relation = graph.relation(r);
                std::vector<ActorIndex> next;
                if (relation.source == actor) next.push_back(relation.target);
                if (either_way && relation.target == actor) next.push_back(relation.source);
                for (auto other : next) {
                    if (removed[other] || reach[start][other]) continue;
                    reach[start][other] = 1;
                    stack.push_back(other);
                }
            }
        }
    }
    return reach;
}

std::vector<LostPair> brute_important_pairs(const Graph& graph, const QueryIndex& index, const std::vector<char>& removed,
                                            std::size_t count)
{
    bool either_way = index.direction() == Direction::any;
    auto before = brute_reach(graph, std::vector<char>(graph.actor_count(), 0), either_way);
    auto after = brute_reach(graph, removed, either_way);
    auto better = [&](ActorIndex a, ActorIndex b) { return std::pair{index.degree(b), a} < std::pair{index.degree(a), b}; };
    std::vector<LostPair> pairs;
    for (ActorIndex a = 0; a < graph.actor_count(); ++a) {
        for (ActorIndex b = a + 1; b < graph.actor_count(); ++b) {
            if (removed[a] || removed[b]) continue;
            bool ab = before[a][b] && !after[a][b], ba = before[b][a] && !after[b][a];
            if (!ab && !ba) continue;
            auto weight = static_cast<std::uint64_t>(index.degree(a)) * index.degree(b);
            if (better(a, b)) pairs.push_back({a, b, ab, ba, weight});
            else pairs.push_back({b, a, ba, ab, weight});
        }
    }
    std::vector<std::size_t> rank(graph.actor_count());
    std::vector<ActorIndex> order(graph.actor_count());
    for (ActorIndex a = 0; a < order.size(); ++a) order[a] = a;
    std::sort(order.begin(), order.end(), better);
    for (std::size_t i = 0; i < order.size(); ++i) rank[order[i]] = i;
    std::sort(pairs.begin(), pairs.end(), [&](const LostPair& x, const LostPair& y) {
        if (x.weight != y.weight) return x.weight > y.weight;
        return std::pair{rank[x.first], rank[x.second]} < std::pair{rank[y.first], rank[y.second]};
    });
    if (pairs.size() > count) pairs.resize(count);
    return pairs;
}

TEST(LostPairs, TheHeaviestPairsAgreeWithBruteForceInEveryDirection)
{
    std::mt19937 random(16);
    std::size_t pairs_seen = 0, one_way = 0;
    for (int round = 0; round < 300; ++round) {
        auto graph = testing::random_graph(random, 14, 12 + round % 10);
        std::vector<char> removed(14, 0);
        removed[round % 14] = 1;
        if (round % 3 == 0) removed[(round * 5 + 2) % 14] = 1;
        for (auto direction : {Direction::follow, Direction::reverse, Direction::any}) {
            QueryIndex index(graph, {}, direction);
            for (std::size_t count : {1u, 5u, 1000u}) {
                auto expected = brute_important_pairs(graph, index, removed, count);
                auto found = important_lost_pairs(index, removed, count);
                EXPECT_TRUE(found.complete);
                EXPECT_EQ(found.pairs, expected) << "round " << round << " direction " << static_cast<int>(direction) << " count " << count;
                if (count == 1000) {
                    pairs_seen += expected.size();
                    for (const auto& pair : expected) one_way += pair.first_to_second != pair.second_to_first;
                }
            }
        }
    }
    // The rounds exercise what they claim to: many lost pairs, some lost in one direction only.
    EXPECT_GT(pairs_seen, 1000u);
    EXPECT_GT(one_way, 100u);
}

TEST(LostPairs, ADirectedChainLosesOneDirectionAndTheWholeGraphKnowsWhich)
{
    // a -> hub -> b, and b -> c: removing hub cuts a off from b and c, in that direction only.
    Graph graph;
    for (const char* id : {"a", "hub", "b", "c"}) graph.add_actor({id, "", "state", {}, {}, {}});
    graph.add_relation({0, 1, "investment", {}, {}});
    graph.add_relation({1, 2, "investment", {}, {}});
    graph.add_relation({2, 3, "investment", {}, {}});
    QueryIndex index(graph, {}, Direction::follow);
    auto result = what_if(index, {1}, std::nullopt, 10, 10);
    ASSERT_EQ(result.important_pairs.size(), 2u);
    // b (degree 2) ranks above a and c (degree 1); a -> b weighs 2, a -> c weighs 1.
    EXPECT_EQ(result.important_pairs[0], (LostPair{2, 0, false, true, 2}));
    EXPECT_EQ(result.important_pairs[1], (LostPair{0, 3, true, false, 1}));
    EXPECT_TRUE(result.pairs_directed);
    QueryIndex either(graph, {}, Direction::any);
    auto undirected = what_if(either, {1}, std::nullopt, 10, 10);
    EXPECT_FALSE(undirected.pairs_directed);
    ASSERT_EQ(undirected.important_pairs.size(), 2u);
    EXPECT_TRUE(undirected.important_pairs[0].first_to_second && undirected.important_pairs[0].second_to_first);
}

TEST(LostPairs, ASearchCutShortByItsBudgetSaysSoAndListsOnlyRealLosses)
{
    std::mt19937 random(7);
    auto graph = testing::random_graph(random, 40, 60);
    std::vector<char> removed(40, 0);
    removed[0] = removed[1] = 1;
    QueryIndex index(graph, {}, Direction::follow);
    auto all = brute_important_pairs(graph, index, removed, 100000);
    ASSERT_GT(all.size(), 3u);
    auto found = important_lost_pairs(index, removed, 1000, 1);
    EXPECT_FALSE(found.complete);
    EXPECT_EQ(found.searched, 1u);  // the first search walks more than one step
    EXPECT_FALSE(found.pairs.empty());
    for (const auto& pair : found.pairs) EXPECT_NE(std::find(all.begin(), all.end(), pair), all.end());
}

}  // namespace
}  // namespace actorgraph
