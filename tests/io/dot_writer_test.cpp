#include "actorgraph/io/dot_writer.hpp"

#include <gtest/gtest.h>

#include "actorgraph/io/dot_reader.hpp"
#include "graph_fixtures.hpp"
#include "test_support.hpp"

namespace actorgraph {
namespace {

const std::vector<std::string> hostile_strings{
    "plain",
    "quote \" inside",
    "ends with backslash \\",
    "backslash before quote \\\" here",
    "backslash before newline \\\nnext",
    "\\N \\G \\n \\l escapes",
    "<b>html-like</b> & entities &amp;",
    "<script>alert(1)</script>",
    "]]> cdata end",
    "line one\nline two\r\nline three",
    "tab\there",
    "\xe2\x80\x8f right-to-left mark",
    "emoji \xf0\x9f\x98\x80",
    "Ана Петрова",
    "{ graph } -> [ ] ; = ,",
    "digraph",
    "123abc",
};

TEST(DotWriter, EveryStringSurvivesARoundTrip)
{
    Graph graph;
    for (std::size_t i = 0; i < hostile_strings.size(); ++i) {
        Actor actor{hostile_strings[i], hostile_strings[i] + " label", "state", {}, {{"note", hostile_strings[i]}}, {}};
        graph.add_actor(actor);
    }
    for (ActorIndex i = 1; i < graph.actor_count(); ++i) {
        graph.add_relation({i - 1, i, "pressure", {{"source", hostile_strings[i]}}, {}});
    }
    auto reread = read_dot(write_dot(graph), "roundtrip.gv");
    ASSERT_EQ(reread.actor_count(), graph.actor_count());
    ASSERT_EQ(reread.relation_count(), graph.relation_count());
    for (ActorIndex i = 0; i < graph.actor_count(); ++i) {
        EXPECT_EQ(reread.actor(i).id, graph.actor(i).id);
        EXPECT_EQ(reread.actor(i).label, graph.actor(i).label);
        EXPECT_EQ(reread.actor(i).properties, graph.actor(i).properties);
    }
    for (RelationIndex i = 0; i < graph.relation_count(); ++i) {
        EXPECT_EQ(reread.relation(i).properties, graph.relation(i).properties);
    }
}

TEST(DotWriter, RoundTripKeepsTheWholeTestGraph)
{
    auto graph = read_dot_file(testing::test_data("dot/influence.gv"));
    testing::expect_same_graph(graph, read_dot(write_dot(graph), "copy.gv"), true);
}

TEST(DotWriter, RoundTripKeepsCustomKindsTypesAndEmptyTypes)
{
    auto graph = testing::sample_graph();
    testing::expect_same_graph(graph, read_dot(write_dot(graph), "sample.gv"), true);
}

TEST(DotWriter, QuotesKeywordsAndNonIdentifierIds)
{
    EXPECT_EQ(quote_dot("a\"b"), "\"a\\\"b\"");
    Graph graph;
    graph.add_actor({"node", "", "state", {}, {}, {}});
    graph.add_actor({"x y", "", "state", {}, {}, {}});
    auto text = write_dot(graph);
    EXPECT_NE(text.find("\"node\""), std::string::npos);
    EXPECT_NE(text.find("\"x y\""), std::string::npos);
}

}  // namespace
}  // namespace actorgraph

namespace actorgraph {
namespace {

// The reader refuses unquoted names over 64 KiB; what the writer writes must read back, so a long
// plain word (an id, a label, a value) is written quoted.
TEST(DotWriter, ALongPlainWordIsQuotedSoTheFileReadsBack)
{
    Graph graph;
    Actor actor;
    actor.id = std::string(70'000, 'a');
    actor.label = std::string(70'000, 'b');
    actor.properties.try_emplace("note", std::string(70'000, 'c'));
    graph.add_actor(std::move(actor));
    auto text = write_dot(graph);
    auto again = read_dot(text, "long.gv");
    ASSERT_EQ(again.actor_count(), 1u);
    EXPECT_EQ(again.actor(0).id, std::string(70'000, 'a'));
    EXPECT_EQ(again.actor(0).label, std::string(70'000, 'b'));
    EXPECT_EQ(again.actor(0).properties.at("note"), std::string(70'000, 'c'));
}

}  // namespace
}  // namespace actorgraph
