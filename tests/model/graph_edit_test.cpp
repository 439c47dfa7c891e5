#include <gtest/gtest.h>

#include <string>

#include "actorgraph/io/dot_writer.hpp"
#include "actorgraph/model/graph.hpp"
#include "graph_fixtures.hpp"

namespace actorgraph {
namespace {

// Five actors and relations touching each, one undirected, with properties to carry.
Graph small_map()
{
    Graph graph;
    graph.add_actor({"mn", "Mongolia", "state", {"Ulaanbaatar"}, {{"description", "landlocked"}}, {}});
    graph.add_actor({"ot", "Oyu Tolgoi", "company", {}, {{"year", "2009"}}, {}});
    graph.add_actor({"ot_llc", "Oyu Tolgoi LLC", "company", {"OT LLC"}, {{"year", "2010"}, {"hq", "Ulaanbaatar"}}, {}});
    graph.add_actor({"rt", "Rio Tinto", "company", {}, {}, {}});
    graph.add_actor({"cn", "China", "state", {"Beijing"}, {}, {}});
    graph.add_relation({0, 1, "partnership", {{"source", "paper"}, {"year", "2009"}}, {}});
    graph.add_relation({3, 2, "investment", {{"source", "report"}, {"amount_usd", "6e9"}}, {}});
    graph.add_relation({2, 4, "partnership", {{"source", "news"}}, {}}, Orientation::undirected);
    graph.add_relation({4, 0, "pressure", {{"source", "paper"}}, {}});
    graph.add_relation({2, 1, "affiliation", {{"source", "registry"}}, {}});
    return graph;
}

// Every actor must still be found by each of its names at its own index.
void expect_names_indexed(const Graph& graph)
{
    for (ActorIndex index = 0; index < graph.actor_count(); ++index) {
        const auto& actor = graph.actor(index);
        EXPECT_EQ(graph.find_by_id(actor.id), index) << actor.id;
        EXPECT_EQ(graph.resolve(actor.display_name()), index) << actor.display_name();
        for (const auto& alias : actor.aliases) EXPECT_EQ(graph.resolve(alias), index) << alias;
    }
}

TEST(GraphEdit, RemovingARelationClosesTheGapAndRestoringPutsItBackExactly)
{
    auto graph = small_map();
    auto before = write_dot(graph);
    auto removed = graph.remove_relation(2);
    EXPECT_EQ(graph.relation_count(), 4u);
    EXPECT_EQ(graph.undirected_count(), 0u);
    EXPECT_EQ(graph.relation(2).type, "pressure");
    EXPECT_TRUE(graph.out_relations(2).size() == 1);
    graph.restore_relation(std::move(removed));
    EXPECT_EQ(write_dot(graph), before);
    EXPECT_TRUE(graph.is_undirected(2));
    testing::expect_same_graph(small_map(), graph, true);
}

TEST(GraphEdit, RemovingAnActorTakesItsRelationsAndRenumbersTheRest)
{
    auto graph = small_map();
    auto before = write_dot(graph);
    auto removed = graph.remove_actor(2);  // ot_llc: relations 1, 2 and 4
    ASSERT_EQ(removed.relations.size(), 3u);
    EXPECT_EQ(removed.relations[0].index, 1u);
    EXPECT_EQ(removed.relations[2].index, 4u);
    EXPECT_EQ(graph.actor_count(), 4u);
    EXPECT_EQ(graph.relation_count(), 2u);
    EXPECT_FALSE(graph.find_by_id("ot_llc"));
    EXPECT_TRUE(graph.find_by_name("OT LLC").empty());
    EXPECT_EQ(graph.actor(graph.relation(1).source).id, "cn");  // cn moved from 4 to 3
    EXPECT_EQ(graph.relation(1).source, 3u);
    expect_names_indexed(graph);
    graph.restore_actor(std::move(removed));
    EXPECT_EQ(write_dot(graph), before);
    expect_names_indexed(graph);
    testing::expect_same_graph(small_map(), graph, true);
}

TEST(GraphEdit, RestoringAnActorWhoseIdWasTakenSinceChangesNothing)
{
    auto graph = small_map();
    auto removed = graph.remove_actor(0);
    graph.add_actor({"mn", "Another", "state", {}, {}, {}});
    auto before = write_dot(graph);
    EXPECT_THROW(graph.restore_actor(removed), Error);
    EXPECT_EQ(write_dot(graph), before);
}

TEST(GraphEdit, RenamingKeepsEveryNameIndexRight)
{
    auto graph = small_map();
    auto old = graph.rename_actor(4, {"prc", "People's Republic of China", {"China", "PRC"}});
    EXPECT_EQ(old.id, "cn");
    EXPECT_EQ(old.aliases, std::vector<std::string>{"Beijing"});
    EXPECT_FALSE(graph.find_by_id("cn"));
    EXPECT_EQ(graph.find_by_id("prc"), 4u);
    EXPECT_EQ(graph.resolve("china"), 4u);
    EXPECT_TRUE(graph.find_by_name("Beijing").empty());
    expect_names_indexed(graph);
    graph.rename_actor(4, old);
    testing::expect_same_graph(small_map(), graph, true);
    expect_names_indexed(graph);
}

TEST(GraphEdit, RenamingToATakenOrEmptyIdIsRefusedAndChangesNothing)
{
    auto graph = small_map();
    EXPECT_THROW(graph.rename_actor(4, {"mn", "China", {}}), Error);
    EXPECT_THROW(graph.rename_actor(4, {"", "China", {}}), Error);
    testing::expect_same_graph(small_map(), graph, true);
    expect_names_indexed(graph);
}

TEST(GraphEdit, MergeUnitesNamesAndPropertiesAndRepointsRelations)
{
    auto graph = small_map();
    auto record = graph.merge_actors(1, 2);  // Oyu Tolgoi LLC into Oyu Tolgoi
    ASSERT_EQ(graph.actor_count(), 4u);
    auto ot = graph.resolve("ot");
    EXPECT_EQ(ot, 1u);
    EXPECT_EQ(graph.resolve("Oyu Tolgoi LLC"), ot);
    EXPECT_EQ(graph.resolve("ot_llc"), ot);
    EXPECT_EQ(graph.resolve("OT LLC"), ot);
    EXPECT_EQ(graph.actor(ot).properties.at("year"), "2009");  // the kept value stays
    EXPECT_EQ(graph.actor(ot).properties.at("hq"), "Ulaanbaatar");
    EXPECT_EQ(record.conflicts, std::vector<std::string>{"year"});
    EXPECT_EQ(graph.relation_count(), 5u);
    EXPECT_EQ(graph.relation(1).target, ot);                         // rt invested in the LLC
    EXPECT_EQ(graph.relation(2).source, ot);                         // the undirected one
    EXPECT_TRUE(graph.is_undirected(2));
    EXPECT_EQ(graph.relation(4).source, ot);                         // now a loop
    EXPECT_EQ(graph.relation(4).target, ot);
    EXPECT_EQ(graph.actor(graph.relation(3).source).id, "cn");
    expect_names_indexed(graph);
    graph.unmerge(std::move(record));
    testing::expect_same_graph(small_map(), graph, true);
    expect_names_indexed(graph);
    EXPECT_EQ(write_dot(graph), write_dot(small_map()));
}

TEST(GraphEdit, MergeKeepsTheIdOfTheKeptActorWhenItComesAfterTheOther)
{
    auto graph = small_map();
    auto record = graph.merge_actors(4, 0);  // Mongolia into China: China moves from 4 to 3
    EXPECT_EQ(graph.resolve("Mongolia"), 3u);
    EXPECT_EQ(graph.actor(3).id, "cn");
    EXPECT_EQ(graph.actor(3).properties.at("description"), "landlocked");
    EXPECT_EQ(graph.relation(3).source, 3u);
    EXPECT_EQ(graph.relation(3).target, 3u);
    graph.unmerge(std::move(record));
    EXPECT_EQ(write_dot(graph), write_dot(small_map()));
    expect_names_indexed(graph);
}

TEST(GraphEdit, MergingAnActorIntoItselfIsRefused)
{
    auto graph = small_map();
    EXPECT_THROW(graph.merge_actors(1, 1), Error);
    testing::expect_same_graph(small_map(), graph, true);
}

TEST(GraphEdit, ManyRemovalsAndRestoresKeepTheIndexesRightAtScale)
{
    Graph graph;
    for (int i = 0; i < 2000; ++i) {
        graph.add_actor({"a" + std::to_string(i), "Actor " + std::to_string(i), "company", {"alias" + std::to_string(i)}, {}, {}});
    }
    for (ActorIndex i = 1; i < 2000; ++i) graph.add_relation({i - 1, i, "investment", {{"source", "s"}}, {}});
    auto before = write_dot(graph);
    std::vector<RemovedActor> removed;
    for (ActorIndex i = 0; i < 300; ++i) removed.push_back(graph.remove_actor((i * 7919u) % graph.actor_count()));
    EXPECT_EQ(graph.actor_count(), 1700u);
    expect_names_indexed(graph);
    for (auto it = removed.rbegin(); it != removed.rend(); ++it) graph.restore_actor(std::move(*it));
    EXPECT_EQ(write_dot(graph), before);
    expect_names_indexed(graph);
}

}  // namespace
}  // namespace actorgraph
