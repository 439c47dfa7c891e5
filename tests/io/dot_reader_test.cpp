#include "actorgraph/io/dot_reader.hpp"

#include <gtest/gtest.h>

#include "test_support.hpp"

namespace actorgraph {
namespace {

TEST(DotReader, ReadsActorsRelationsKindsTypesAndProperties)
{
    auto graph = read_dot_file(testing::test_data("dot/influence.gv"));
    EXPECT_EQ(graph.name, "influence");
    EXPECT_EQ(graph.actor_count(), 8u);
    EXPECT_EQ(graph.relation_count(), 11u);
    const auto& atlantis = graph.actor(graph.resolve("atlantis"));
    EXPECT_EQ(atlantis.kind, "state");
    EXPECT_EQ(atlantis.label, "Atlantis");
    EXPECT_EQ(atlantis.aliases, (std::vector<std::string>{"Atlantean government", "Poseidonia"}));
    EXPECT_EQ(property_or_empty(atlantis.properties, "description"), "A maritime state.");
    EXPECT_EQ(graph.actor(graph.resolve("Minister Petrova")).label, "Ана Петрова");
    const auto& loan = graph.relation(1);
    EXPECT_EQ(loan.type, "investment");
    EXPECT_EQ(property_or_empty(loan.properties, "amount_usd"), "1500000000");
    EXPECT_EQ(property_or_empty(graph.relation(0).properties, "source"), "Report p. 4: \"Borduria cut fuel supplies\"");
}

TEST(DotReader, RecordsTheLineOfEveryActorAndRelation)
{
    auto graph = read_dot_file(testing::test_data("dot/influence.gv"));
    EXPECT_EQ(graph.actor(graph.resolve("atlantis")).where.line, 4);
    EXPECT_EQ(graph.actor(graph.resolve("envoy")).where.line, 11);
    EXPECT_EQ(graph.relation(0).where.line, 13);
    EXPECT_EQ(graph.relation(1).where.line, 14);
    EXPECT_EQ(graph.relation(10).where.line, 23);
    EXPECT_NE(graph.relation(0).where.file.str().find("influence.gv"), std::string::npos);
}

TEST(DotReader, KeepsRelationsInFileOrderAcrossChainsAndSubgraphs)
{
    auto graph = read_dot("digraph { a -> b -> c; d -> {e f}; \"x y\":p1 -> a }", "inline.gv");
    ASSERT_EQ(graph.relation_count(), 5u);
    EXPECT_EQ(graph.actor(graph.relation(0).source).id, "a");
    EXPECT_EQ(graph.actor(graph.relation(1).source).id, "b");
    EXPECT_EQ(graph.actor(graph.relation(4).source).id, "x y");
}

TEST(DotReader, SyntaxErrorNamesFileAndLine)
{
    try {
        (void)read_dot_file(testing::test_data("dot/syntax_error.gv"));
        FAIL() << "expected an error";
    } catch (const Error& error) {
        EXPECT_NE(error.where().file.str().find("syntax_error.gv"), std::string::npos);
        EXPECT_EQ(error.where().line, 3);
        EXPECT_NE(std::string(error.what()).find("syntax error"), std::string::npos);
    }
}

TEST(DotReader, TruncatedFileIsAnErrorAndTheNextReadStillWorks)
{
    EXPECT_THROW((void)read_dot_file(testing::test_data("dot/truncated.gv")), Error);
    auto graph = read_dot("digraph { a -> b }", "after.gv");
    EXPECT_EQ(graph.relation_count(), 1u);
}

TEST(DotReader, RejectsEmptyAndBinaryInput)
{
    EXPECT_THROW((void)read_dot("", "empty.gv"), Error);
    EXPECT_THROW((void)read_dot(std::string("digraph { a\0 }", 14), "nul.gv"), Error);
    EXPECT_THROW((void)read_dot("this is not dot at all", "prose.gv"), Error);
}

TEST(DotReader, MissingFileErrorNamesTheFile)
{
    try {
        (void)read_dot_file("/nonexistent/graph.gv");
        FAIL() << "expected an error";
    } catch (const Error& error) {
        EXPECT_NE(std::string(error.what()).find("/nonexistent/graph.gv"), std::string::npos);
    }
}

TEST(DotReader, InvalidUtf8LoadsWithoutCrashing)
{
    auto graph = read_dot("digraph { a [label=\"bad \xff\xfe bytes\"]; a -> b }", "latin.gv");
    EXPECT_EQ(graph.actor_count(), 2u);
}

}  // namespace
}  // namespace actorgraph
