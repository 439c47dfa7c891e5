// Removing many actors or relations at once compacts the graph once and leaves exactly what removing them one
// by one leaves: the same elements in the same order, endpoints, orientations and name lookups.
#include <gtest/gtest.h>

#include <random>
#include <set>

#include "actorgraph/model/graph.hpp"
#include "graph_fixtures.hpp"

namespace actorgraph {
namespace {

// A few thousand actors with labels and aliases, and twice as many relations, some undirected, some loops.
Graph mixed_graph()
{
    Graph graph;
    std::mt19937 random(14);
    const ActorIndex actors = 3000;
    for (ActorIndex i = 0; i < actors; ++i) {
        auto id = "a" + std::to_string(i);
        graph.add_actor(Actor{id, i % 3 == 0 ? "Name " + std::to_string(i) : "", Term("state"),
                              {"alias" + std::to_string(i % 500)}, {{"year", std::to_string(1900 + i % 100)}}, {}});
    }
    for (int r = 0; r < 6000; ++r) {
        ActorIndex source = random() % actors, target = r % 97 == 0 ? source : random() % actors;
        graph.add_relation(Relation{source, target, Term("pressure"), {{"note", std::to_string(r)}}, {}},
                           r % 5 == 0 ? Orientation::undirected : Orientation::directed);
    }
    return graph;
}

std::vector<std::uint32_t> random_indexes(std::size_t size, std::size_t count, unsigned seed)
{
    std::mt19937 random(seed);
    std::set<std::uint32_t> chosen;
    while (chosen.size() < count) chosen.insert(static_cast<std::uint32_t>(random() % size));
    return {chosen.begin(), chosen.end()};
}

// Names, adjacency and the undirected count, which expect_same_graph leaves out.
void expect_same_indexes(const Graph& expected, const Graph& actual)
{
    ASSERT_EQ(expected.actor_count(), actual.actor_count());
    EXPECT_EQ(expected.undirected_count(), actual.undirected_count());
    for (ActorIndex i = 0; i < actual.actor_count(); ++i) {
        const auto& actor = actual.actor(i);
        EXPECT_EQ(actual.find_by_id(actor.id), std::optional<ActorIndex>(i));
        EXPECT_EQ(actual.find_by_name(actor.aliases.at(0)), expected.find_by_name(actor.aliases.at(0)));
        if (!actor.label.empty()) {
            EXPECT_EQ(actual.find_by_name(actor.label), std::vector<ActorIndex>{i});
        }
        auto out = actual.out_relations(i), expected_out = expected.out_relations(i);
        EXPECT_TRUE(std::equal(out.begin(), out.end(), expected_out.begin(), expected_out.end()));
        auto in = actual.in_relations(i), expected_in = expected.in_relations(i);
        EXPECT_TRUE(std::equal(in.begin(), in.end(), expected_in.begin(), expected_in.end()));
    }
}

TEST(GraphBatchRemoval, RemovingActorsAtOnceLeavesWhatRemovingThemOneByOneLeaves)
{
    auto one_by_one = mixed_graph();
    auto at_once = one_by_one;
    auto removed = random_indexes(one_by_one.actor_count(), 400, 1);
    for (auto it = removed.rbegin(); it != removed.rend(); ++it) (void)one_by_one.remove_actor(*it);
    at_once.remove_actors(removed);
    testing::expect_same_graph(one_by_one, at_once);
    expect_same_indexes(one_by_one, at_once);
    for (auto index : removed) EXPECT_FALSE(at_once.find_by_id("a" + std::to_string(index)));
}

TEST(GraphBatchRemoval, RemovingRelationsAtOnceLeavesWhatRemovingThemOneByOneLeaves)
{
    auto one_by_one = mixed_graph();
    auto at_once = one_by_one;
    auto removed = random_indexes(one_by_one.relation_count(), 1500, 2);
    for (auto it = removed.rbegin(); it != removed.rend(); ++it) (void)one_by_one.remove_relation(*it);
    at_once.remove_relations(removed);
    testing::expect_same_graph(one_by_one, at_once);
    expect_same_indexes(one_by_one, at_once);
}

TEST(GraphBatchRemoval, RemovingTheFirstAndLastActorsKeepsTheRestInOrder)
{
    auto one_by_one = mixed_graph();
    auto at_once = one_by_one;
    std::vector<ActorIndex> removed{0, static_cast<ActorIndex>(at_once.actor_count() - 1)};
    (void)one_by_one.remove_actor(removed[1]);
    (void)one_by_one.remove_actor(removed[0]);
    at_once.remove_actors(removed);
    testing::expect_same_graph(one_by_one, at_once);
    expect_same_indexes(one_by_one, at_once);
}

TEST(GraphBatchRemoval, IndexesOutOfRangeOrOutOfOrderAreRefusedAndChangeNothing)
{
    auto graph = mixed_graph();
    auto before = graph;
    EXPECT_THROW(graph.remove_actors(std::vector<ActorIndex>{5, 3}), std::out_of_range);
    EXPECT_THROW(graph.remove_actors(std::vector<ActorIndex>{1, 3000}), std::out_of_range);
    EXPECT_THROW(graph.remove_relations(std::vector<RelationIndex>{7, 7}), std::out_of_range);
    testing::expect_same_graph(before, graph);
}

TEST(GraphBatchRemoval, RemovingTheLastActorFreesItsNames)
{
    auto graph = mixed_graph();
    while (graph.relation_count() > 0) (void)graph.remove_relation(static_cast<RelationIndex>(graph.relation_count() - 1));
    graph.remove_last_actor();
    EXPECT_EQ(graph.actor_count(), 2999u);
    EXPECT_FALSE(graph.find_by_id("a2999"));
    EXPECT_TRUE(graph.find_by_name("A2999").empty());
    EXPECT_EQ(graph.find_by_id("a2998"), std::optional<ActorIndex>(2998));
    EXPECT_NO_THROW(graph.add_actor(Actor{"a2999", "", Term("state"), {}, {}, {}}));
}

}  // namespace
}  // namespace actorgraph
