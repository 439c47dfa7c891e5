#include "actorgraph/model/graph.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <stdexcept>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace actorgraph {
namespace {

Graph three_actors()
{
    Graph graph;
    graph.add_actor({"mn", "Mongolia", "state", {"Ulaanbaatar"}, {}, {}});
    graph.add_actor({"ru", "Russia", "state", {"the Kremlin", "Moscow"}, {}, {}});
    graph.add_actor({"cn", "China", "state", {"Beijing"}, {}, {}});
    return graph;
}

TEST(Graph, FindsActorsByIdLabelAndAliasIgnoringCase)
{
    auto graph = three_actors();
    EXPECT_EQ(graph.resolve("ru"), 1u);
    EXPECT_EQ(graph.resolve("RUSSIA"), 1u);
    EXPECT_EQ(graph.resolve("the kremlin"), 1u);
    EXPECT_EQ(graph.resolve("ulaanbaatar"), 0u);
}

TEST(Graph, RejectsDuplicateIds)
{
    auto graph = three_actors();
    EXPECT_THROW(graph.add_actor({"ru", "Another", "state", {}, {}, {}}), Error);
}

TEST(Graph, UnknownNameErrorListsClosestCandidates)
{
    auto graph = three_actors();
    try {
        (void)graph.resolve("Rusia");
        FAIL() << "expected an error";
    } catch (const Error& error) {
        std::string message = error.what();
        EXPECT_NE(message.find("unknown actor 'Rusia'"), std::string::npos);
        EXPECT_NE(message.find("Russia"), std::string::npos);
    }
}

TEST(Graph, AmbiguousNameErrorNamesEveryMatch)
{
    auto graph = three_actors();
    graph.add_actor({"ru2", "Russia", "organization", {}, {}, {}});
    try {
        (void)graph.resolve("russia");
        FAIL() << "expected an error";
    } catch (const Error& error) {
        std::string message = error.what();
        EXPECT_NE(message.find("ambiguous"), std::string::npos);
        EXPECT_NE(message.find("(ru)"), std::string::npos);
        EXPECT_NE(message.find("(ru2)"), std::string::npos);
    }
}

TEST(Graph, KeepsParallelRelationsApart)
{
    auto graph = three_actors();
    graph.add_relation({1, 0, "investment", {{"year", "2010"}}, {}});
    graph.add_relation({1, 0, "pressure", {{"year", "2011"}}, {}});
    ASSERT_EQ(graph.out_relations(1).size(), 2u);
    EXPECT_EQ(graph.relation(graph.out_relations(1)[0]).type, "investment");
    EXPECT_EQ(graph.relation(graph.out_relations(1)[1]).type, "pressure");
    EXPECT_EQ(graph.in_relations(0).size(), 2u);
}

TEST(Graph, RelationListsFollowRelationsAndActorsAddedAfterTheyWereRead)
{
    auto graph = three_actors();
    graph.add_relation({1, 0, "investment", {}, {}});
    ASSERT_EQ(graph.out_relations(1).size(), 1u);
    graph.add_relation({2, 1, "pressure", {}, {}});
    auto newcomer = graph.add_actor({"us", "United States", "state", {}, {}, {}});
    graph.add_relation({newcomer, 1, "partnership", {}, {}});
    EXPECT_EQ(graph.in_relations(1).size(), 2u);
    EXPECT_EQ(graph.out_relations(newcomer).size(), 1u);
    EXPECT_TRUE(graph.in_relations(newcomer).empty());
    EXPECT_THROW((void)graph.out_relations(99), std::out_of_range);
}

TEST(Graph, CopiesAndMovesKeepTheirRelationLists)
{
    auto graph = three_actors();
    graph.add_relation({0, 2, "partnership", {}, {}});
    ASSERT_EQ(graph.out_relations(0).size(), 1u);
    Graph copy = graph;
    copy.add_relation({0, 1, "pressure", {}, {}});
    EXPECT_EQ(copy.out_relations(0).size(), 2u);
    EXPECT_EQ(graph.out_relations(0).size(), 1u);
    Graph moved = std::move(copy);
    EXPECT_EQ(moved.out_relations(0).size(), 2u);
    EXPECT_EQ(moved.in_relations(2).size(), 1u);
}

TEST(Graph, ThreadsReadingRelationListsAtOnceSeeTheSameLists)
{
    Graph graph;
    for (int i = 0; i < 2000; ++i) graph.add_actor({"a" + std::to_string(i), "", "company", {}, {}, {}});
    for (ActorIndex i = 0; i < 2000; ++i) graph.add_relation({i, (i * 7 + 1) % 2000, "investment", {}, {}});
    std::vector<std::size_t> totals(4, 0);
    std::vector<std::thread> readers;
    for (std::size_t t = 0; t < totals.size(); ++t) {
        readers.emplace_back([&, t] {
            for (ActorIndex i = 0; i < 2000; ++i) totals[t] += graph.out_relations(i).size() + graph.in_relations(i).size();
        });
    }
    for (auto& reader : readers) reader.join();
    for (auto total : totals) EXPECT_EQ(total, 4000u);
}

TEST(Graph, FindsManyIdsAtOnceExactlyAsOneByOne)
{
    Graph graph;
    for (int i = 0; i < 5000; ++i) graph.add_actor({"id" + std::to_string(i), "", "company", {}, {}, {}});
    std::vector<std::string> names{"id42", "ID42", "id4999", "id5000", "", "id42", "id0"};
    std::vector<std::string_view> ids(names.begin(), names.end());
    auto found = graph.find_by_ids(ids);
    ASSERT_EQ(found.size(), ids.size());
    for (std::size_t i = 0; i < ids.size(); ++i) EXPECT_EQ(found[i], graph.find_by_id(ids[i])) << ids[i];
    EXPECT_EQ(found[0], 42u);
    EXPECT_FALSE(found[1]);
    EXPECT_FALSE(found[3]);
    EXPECT_TRUE(Graph().find_by_ids(ids)[0] == std::nullopt);
}

// An actor with just an id (and a label and aliases when given).
Actor actor_with(std::string id, std::string label = {}, std::vector<std::string> aliases = {})
{
    Actor actor;
    actor.id = std::move(id);
    actor.label = std::move(label);
    actor.aliases = std::move(aliases);
    return actor;
}

TEST(Graph, IdsThatShareTheirFirstFifteenBytesOrDifferOnlyInLengthAreToldApart)
{
    Graph graph;
    std::string prefix = "https://example.org/registry/";  // longer than 15 bytes
    for (int i = 0; i < 300; ++i) graph.add_actor(actor_with(prefix + std::to_string(i)));
    graph.add_actor(actor_with("exactly15bytes!"));
    graph.add_actor(actor_with("exactly15bytes!x"));
    graph.add_actor(actor_with(std::string(300, 'a')));
    EXPECT_EQ(graph.find_by_id(prefix + "299"), 299u);
    EXPECT_FALSE(graph.find_by_id(prefix + "300"));
    EXPECT_EQ(graph.find_by_id("exactly15bytes!"), 300u);
    EXPECT_EQ(graph.find_by_id("exactly15bytes!x"), 301u);
    EXPECT_FALSE(graph.find_by_id("exactly15bytes"));
    EXPECT_EQ(graph.find_by_id(std::string(300, 'a')), 302u);
    EXPECT_FALSE(graph.find_by_id(std::string(301, 'a')));
    std::vector<std::string> names{prefix + "7", prefix + "7 ", std::string(300, 'a'), "exactly15bytes!x"};
    std::vector<std::string_view> ids(names.begin(), names.end());
    auto found = graph.find_by_ids(ids);
    EXPECT_EQ(found, (std::vector<std::optional<ActorIndex>>{7u, std::nullopt, 302u, 301u}));
    EXPECT_THROW(graph.add_actor(actor_with(prefix + "12")), Error);
}

// A graph with relations whose property sets live in one of its arenas, as a CSV reader makes them.
Graph graph_with_arena_sets(int relations)
{
    Graph graph;
    graph.add_actor(actor_with("a"));
    graph.add_actor(actor_with("b"));
    auto& arena = graph.new_property_arena();
    PropertyNames names(std::vector<std::string_view>{"source", "year"});
    for (int i = 0; i < relations; ++i) {
        auto source = "p. " + std::to_string(i);
        std::vector<std::string_view> values{source, "2014"};
        Relation relation;
        relation.source = 0;
        relation.target = 1;
        relation.type = "pressure";
        relation.properties = Properties::from_values(names, values, arena);
        graph.add_relation(std::move(relation));
    }
    return graph;
}

TEST(Graph, CopiesAndAssignmentsOutliveTheArenasOfTheGraphTheyCameFrom)
{
    Graph copy, assigned, moved_into;
    {
        auto original = graph_with_arena_sets(100);
        copy = Graph(original);
        assigned = original;
        moved_into = graph_with_arena_sets(3);
        moved_into = std::move(original);  // the 3-relation graph's sets go before its arena
    }
    for (const auto* graph : {&copy, &assigned, &moved_into}) {
        ASSERT_EQ(graph->relation_count(), 100u);
        EXPECT_EQ(graph->relation(42).properties.at("source"), "p. 42");
    }
    assigned = graph_with_arena_sets(1);  // the old sets and arenas of `assigned` are freed in order
    EXPECT_EQ(assigned.relation(0).properties.at("year"), "2014");
}

TEST(Graph, AddingActorsInABatchIsAddingThemOneByOne)
{
    std::vector<Actor> batch;
    for (int i = 0; i < 600; ++i) {
        batch.push_back(actor_with("id" + std::to_string(i), i % 3 ? "Label " + std::to_string(i) : "",
                                   {"alias" + std::to_string(i % 50)}));
    }
    Graph batched, one_by_one;
    for (const auto& actor : batch) one_by_one.add_actor(actor);
    batched.add_actors(batch);
    ASSERT_EQ(batched.actor_count(), 600u);
    for (std::string_view name : {"ID17", "label 599", "Alias7", "id0"}) {
        EXPECT_EQ(batched.find_by_name(name), one_by_one.find_by_name(name)) << name;
    }
    EXPECT_EQ(batched.find_by_id("id321"), 321u);

    std::vector<Actor> with_duplicate{actor_with("new1"), actor_with("id5"), actor_with("new2")};
    with_duplicate[1].where = {"nodes.csv", 9};
    try {
        batched.add_actors(with_duplicate);
        ADD_FAILURE() << "expected a duplicate id error";
    } catch (const Error& error) {
        EXPECT_EQ(error.where().line, 9);
        EXPECT_NE(error.message().find("duplicate actor id 'id5'"), std::string::npos);
    }
    EXPECT_EQ(batched.actor_count(), 601u);  // the actor before the bad one was added
    EXPECT_TRUE(batched.find_by_id("new1"));
    EXPECT_FALSE(batched.find_by_id("new2"));
}

TEST(Graph, RejectsRelationsToMissingActors)
{
    auto graph = three_actors();
    EXPECT_THROW(graph.add_relation({0, 7, "pressure", {}, {}}), Error);
}

TEST(Graph, ClosestActorsPreferPrefixMatches)
{
    auto graph = three_actors();
    auto closest = graph.closest_actors("chi", 1);
    ASSERT_EQ(closest.size(), 1u);
    EXPECT_EQ(graph.actor(closest[0]).id, "cn");
}

// Caches built from a graph (Cypher's label index) trust that the same version means the same contents.
TEST(Graph, EveryChangeTakesANewVersionAndACopyKeepsItsOriginals)
{
    auto graph = three_actors();
    std::vector<std::uint64_t> seen{graph.version()};
    auto changed = [&](const char* what) {
        EXPECT_EQ(std::count(seen.begin(), seen.end(), graph.version()), 0) << what;
        seen.push_back(graph.version());
    };
    graph.actor_for_edit(0).kind = Term("organization");
    changed("actor_for_edit");
    auto relation = graph.add_relation({0, 1, Term("pressure"), {}, {}});
    changed("add_relation");
    graph.relation_for_edit(relation).type = Term("investment");
    changed("relation_for_edit");
    (void)graph.rename_actor(2, {"prc", "China", {}});
    changed("rename_actor");
    auto removed = graph.remove_actor(1);
    changed("remove_actor");
    graph.restore_actor(std::move(removed));
    changed("restore_actor");
    Graph copy = graph;
    EXPECT_EQ(copy.version(), graph.version());
    copy.add_actor({"kz", "Kazakhstan", "state", {}, {}, {}});
    EXPECT_NE(copy.version(), graph.version());
    graph.add_actor({"jp", "Japan", "state", {}, {}, {}});
    EXPECT_NE(copy.version(), graph.version());  // same count of actors, different contents
}

}  // namespace
}  // namespace actorgraph
