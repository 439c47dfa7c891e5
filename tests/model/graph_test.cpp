#include "actorgraph/model/graph.hpp"

#include <gtest/gtest.h>

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

}  // namespace
}  // namespace actorgraph
