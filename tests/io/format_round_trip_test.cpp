// Every writer keeps an actor's and a relation's fields apart from their properties, whatever the
// properties are named, keeps empty properties, and no id changes through any format.
#include <gtest/gtest.h>

#include "actorgraph/io/dot_reader.hpp"
#include "actorgraph/io/dot_writer.hpp"
#include "actorgraph/io/graphml.hpp"
#include "actorgraph/io/neo4j_csv.hpp"
#include "graph_fixtures.hpp"

namespace actorgraph {
namespace {

// Names each reader maps to a field, or reads specially, in any of the formats, and the spellings
// a writer could use to tell a property from a field.
const std::vector<std::string> field_like_names{
    "kind", "label", "aliases", "type", "key", "id", "name", "labels", ":LABEL", ":TYPE", "labelV", "labelE",
    "id:ID", ":ID", ":START_ID", ":END_ID", "aliases:string[]", "property:kind", "property:property:kind",
    "Kind", "LABEL", "TYPE", "source", "target", "directed", "edge", "node", "graph", "_draw_", "pos",
    "for", "attr.name"};

Graph graph_with_field_like_properties()
{
    Graph graph;
    Actor a{"a", "Label A", "state", {"Alias One", "Alias Two"}, {}, {}};
    Actor b{"b", "", "company", {}, {}, {}};
    for (const auto& name : field_like_names) {
        a.properties.emplace(name, "militia " + name);
        b.properties.emplace(name, "");  // empty values are kept too
    }
    a.properties.emplace("empty", "");
    graph.add_actor(std::move(a));
    graph.add_actor(std::move(b));
    Relation relation{0, 1, "investment", {}, {}};
    for (const auto& name : field_like_names) relation.properties.emplace(name, "pressure " + name);
    relation.properties.emplace("empty", "");
    graph.add_relation(std::move(relation));
    Relation bare{1, 0, "partnership", {{"type", ""}, {"kind", ""}, {"key", ""}}, {}};
    graph.add_relation(std::move(bare));
    return graph;
}

// Ids every format must keep byte for byte: cgraph names anonymous objects "%N", and ids that
// look like numbers, keywords, ports or CSV syntax.
Graph graph_with_awkward_ids()
{
    Graph graph;
    for (std::string id : {"%a", "%1", "%", "%%", "%0", "1", "-1", ".5", "1e3", "graph", "Node", "a:b", "a:n",
                           "a b", "\"q\"", ";", ",", "x\\y", "\xce\xb1", "_", "-"}) {
        graph.add_actor({id, "", "state", {}, {}, {}});
    }
    for (ActorIndex i = 1; i < graph.actor_count(); ++i) graph.add_relation({i - 1, i, "investment", {}, {}});
    return graph;
}

Graph through_dot(const Graph& graph) { return read_dot(write_dot(graph), "round.gv"); }
Graph through_graphml(const Graph& graph) { return read_graphml(write_graphml(graph), "round.graphml"); }
Graph through_csv(const Graph& graph)
{
    auto documents = write_neo4j_csv(graph);
    return read_neo4j_csv(documents.nodes, "nodes.csv", documents.relationships, "relationships.csv");
}

using RoundTrip = Graph (*)(const Graph&);
const std::vector<std::pair<std::string, RoundTrip>> formats{
    {"DOT", through_dot}, {"GraphML", through_graphml}, {"CSV", through_csv}};

TEST(FormatRoundTrip, EveryFormatKeepsFieldsApartFromPropertiesNamedLikeThemAndEmptyProperties)
{
    auto graph = graph_with_field_like_properties();
    for (const auto& [name, round_trip] : formats) {
        SCOPED_TRACE(name);
        testing::expect_same_graph(graph, round_trip(graph));
    }
}

TEST(FormatRoundTrip, NoIdChangesThroughAnyFormat)
{
    auto graph = graph_with_awkward_ids();
    for (const auto& [name, round_trip] : formats) {
        SCOPED_TRACE(name);
        testing::expect_same_graph(graph, round_trip(graph));
    }
}

// A DOT file written by someone else: a percent id is a name like any other.
TEST(FormatRoundTrip, PercentIdsInAForeignDotFileAreKept)
{
    auto graph = read_dot("digraph { \"%a\" -> \"%1\"; \"%2\" [label=x]; }", "percent.gv");
    ASSERT_EQ(graph.actor_count(), 3u);
    EXPECT_EQ(graph.actor(0).id, "%a");
    EXPECT_EQ(graph.actor(1).id, "%1");
    EXPECT_EQ(graph.actor(2).id, "%2");
}

}  // namespace
}  // namespace actorgraph
