// Communities from igraph, checked by an independent modularity computation and, on small graphs,
// against the best partition found by trying every partition.
#include "actorgraph/query/communities.hpp"

#include <gtest/gtest.h>

#include <functional>
#include <random>

#include "query/query_fixture.hpp"

namespace actorgraph {
namespace {

// Newman's modularity of a partition, relations as undirected ties (loops left out).
double modularity_of(const Graph& graph, const std::vector<std::int64_t>& community, double resolution = 1.0)
{
    double m = 0;
    std::vector<double> degree(graph.actor_count(), 0);
    double inside = 0;
    for (const auto& relation : graph.relations()) {
        if (relation.source == relation.target) continue;
        m += 1;
        degree[relation.source] += 1;
        degree[relation.target] += 1;
        if (community[relation.source] == community[relation.target]) inside += 1;
    }
    std::map<std::int64_t, double> total;
    for (ActorIndex a = 0; a < graph.actor_count(); ++a) total[community[a]] += degree[a];
    double q = inside / m;
    for (const auto& [label, sum] : total) q -= resolution * (sum / (2 * m)) * (sum / (2 * m));
    return q;
}

// The best modularity over every partition of the actors (restricted growth strings).
double best_modularity(const Graph& graph)
{
    std::vector<std::int64_t> labels(graph.actor_count(), 0);
    double best = -1;
    std::function<void(std::size_t, std::int64_t)> assign = [&](std::size_t at, std::int64_t used) {
        if (at == labels.size()) {
            best = std::max(best, modularity_of(graph, labels));
            return;
        }
        for (std::int64_t label = 0; label <= used; ++label) {
            labels[at] = label;
            assign(at + 1, std::max(used, label + 1));
        }
    };
    assign(1, 1);
    return best;
}

Graph two_cliques()
{
    Graph graph;
    for (int i = 0; i < 10; ++i) graph.add_actor({"a" + std::to_string(i), "", "state", {}, {}, {}});
    for (ActorIndex a = 0; a < 10; ++a) {
        for (ActorIndex b = a + 1; b < 10; ++b) {
            if ((a < 5) == (b < 5)) graph.add_relation({a, b, "partnership", {}, {}});
        }
    }
    graph.add_relation({4, 5, "partnership", {}, {}});
    return graph;
}

TEST(Communities, TwoCliquesJoinedByOneTieAreTwoCommunities)
{
    auto graph = two_cliques();
    for (auto method : {CommunityMethod::louvain, CommunityMethod::leiden}) {
        CommunityOptions options;
        options.method = method;
        auto communities = find_communities(graph, options);
        ASSERT_EQ(communities.groups.size(), 2u);
        EXPECT_EQ(communities.groups[0], (std::vector<ActorIndex>{0, 1, 2, 3, 4}));
        EXPECT_EQ(communities.groups[1], (std::vector<ActorIndex>{5, 6, 7, 8, 9}));
        EXPECT_NEAR(communities.modularity, modularity_of(graph, communities.of), 1e-9);
    }
}

TEST(Communities, ModularityAgreesWithAnIndependentComputationAndNearsTheBest)
{
    std::mt19937 random(5);
    for (int round = 0; round < 20; ++round) {
        Graph graph;
        for (int i = 0; i < 8; ++i) graph.add_actor({"a" + std::to_string(i), "", "state", {}, {}, {}});
        std::uniform_int_distribution<ActorIndex> pick(0, 7);
        for (int i = 0; i < 12; ++i) graph.add_relation({pick(random), pick(random), "partnership", {}, {}});
        auto best = best_modularity(graph);
        for (auto method : {CommunityMethod::louvain, CommunityMethod::leiden}) {
            CommunityOptions options;
            options.method = method;
            auto communities = find_communities(graph, options);
            EXPECT_NEAR(communities.modularity, modularity_of(graph, communities.of), 1e-9) << "round " << round;
            EXPECT_LE(communities.modularity, best + 1e-9);
            EXPECT_GE(communities.modularity, best - 0.05) << "round " << round;
        }
    }
}

// igraph 0.10's Leiden, told to iterate until nothing changes, never returned on `a -> b` at a
// resolution of 2 (the explorer's Analysis panel hung in its background task).
TEST(Communities, LeidenReturnsAtEveryResolutionOnTinyGraphs)
{
    Graph pair;
    pair.add_actor({"a", "", "state", {}, {}, {}});
    pair.add_actor({"b", "", "state", {}, {}, {}});
    pair.add_relation({0, 1, "partnership", {}, {}});
    Graph square = pair;
    square.add_actor({"c", "", "state", {}, {}, {}});
    square.add_actor({"d", "", "state", {}, {}, {}});
    square.add_relation({1, 2, "partnership", {}, {}});
    square.add_relation({2, 0, "partnership", {}, {}});
    square.add_relation({2, 3, "partnership", {}, {}});
    for (const auto* graph : {&pair, &square}) {
        for (double resolution : {0.5, 1.0, 2.0, 3.0, 10.0}) {
            CommunityOptions options;
            options.method = CommunityMethod::leiden;
            options.resolution = resolution;
            auto communities = find_communities(*graph, options);
            EXPECT_NEAR(communities.modularity, modularity_of(*graph, communities.of, resolution), 1e-9)
                << graph->actor_count() << " actors, resolution " << resolution;
        }
    }
}

TEST(Communities, ActorsWithoutTiesAreCommunitiesOfTheirOwn)
{
    auto graph = two_cliques();
    graph.add_actor({"alone", "", "state", {}, {}, {}});
    for (auto method : {CommunityMethod::louvain, CommunityMethod::leiden}) {
        CommunityOptions options;
        options.method = method;
        auto communities = find_communities(graph, options);
        ASSERT_EQ(communities.groups.size(), 3u);
        EXPECT_EQ(communities.groups[2], std::vector<ActorIndex>{10});
        options.filter.types = {"no such type"};  // no ties at all
        auto alone = find_communities(graph, options);
        EXPECT_EQ(alone.groups.size(), graph.actor_count());
        EXPECT_EQ(alone.modularity, 0);
    }
}

TEST(Communities, FilteredActorsBelongToNoCommunity)
{
    auto graph = testing::influence_graph();
    CommunityOptions options;
    options.filter.kinds = {"state", "company"};
    options.resolution = 2;
    auto communities = find_communities(graph, options);
    EXPECT_EQ(communities.of[graph.resolve("minister")], Communities::none);
    EXPECT_GE(communities.of[graph.resolve("atlantis")], 0);
    EXPECT_THROW((void)parse_community_method("girvan"), Error);
    options.resolution = 0;
    EXPECT_THROW((void)find_communities(graph, options), Error);
}

}  // namespace
}  // namespace actorgraph
