// Undirected relations stay undirected through every reader and writer, and the chain
// DOT -> GEXF -> GraphML -> CSV folder -> DOT keeps every actor, relation, property and orientation.
#include <gtest/gtest.h>

#include "actorgraph/io/dot_reader.hpp"
#include "actorgraph/io/dot_writer.hpp"
#include "actorgraph/io/file_format.hpp"
#include "actorgraph/io/file_io.hpp"
#include "actorgraph/io/graphml.hpp"
#include "actorgraph/io/neo4j_csv.hpp"
#include "graph_fixtures.hpp"
#include "test_support.hpp"

namespace actorgraph {
namespace {

namespace fs = std::filesystem;

TEST(OrientationRoundTrip, DotGraphIsUndirectedAndDirNoneMarksOneRelationOfADigraph)
{
    auto undirected = read_dot("graph g { a -- b; b -- c [type=investment]; }", "u.gv");
    EXPECT_EQ(undirected.undirected_count(), 2u);
    auto mixed = read_dot("digraph g { a -> b; b -> c [dir=none]; c -> a [dir=back]; }", "m.gv");
    EXPECT_FALSE(mixed.is_undirected(0));
    EXPECT_TRUE(mixed.is_undirected(1));
    EXPECT_TRUE(mixed.relation(1).properties.empty());  // dir=none is the orientation, not a property
    EXPECT_FALSE(mixed.is_undirected(2));

    auto written = write_dot(undirected);
    EXPECT_EQ(written.rfind("graph g {", 0), 0u) << written;
    EXPECT_NE(written.find("a -- b"), std::string::npos) << written;
    auto mixed_written = write_dot(mixed);
    EXPECT_EQ(mixed_written.rfind("digraph g {", 0), 0u) << mixed_written;
    EXPECT_NE(mixed_written.find("b -> c [dir=\"none\"]"), std::string::npos) << mixed_written;
    testing::expect_same_graph(mixed, read_dot(mixed_written, "again.gv"));
}

TEST(OrientationRoundTrip, GraphmlEdgeDefaultAndPerEdgeDirected)
{
    const char* text = R"(<graphml><graph edgedefault="undirected">
<node id="a"/><node id="b"/>
<edge source="a" target="b"/><edge source="b" target="a" directed="true"/>
</graph></graphml>)";
    auto graph = read_graphml(text, "g.graphml");
    EXPECT_TRUE(graph.is_undirected(0));
    EXPECT_FALSE(graph.is_undirected(1));
    auto written = write_graphml(graph);
    EXPECT_NE(written.find("directed=\"false\""), std::string::npos) << written;
    testing::expect_same_graph(graph, read_graphml(written, "again.graphml"));
}

TEST(OrientationRoundTrip, Neo4jCsvKeepsOrientationInADirectedColumn)
{
    auto graph = read_dot("digraph { a -> b [type=pressure]; b -> c [dir=none, year=2001]; }", "m.gv");
    auto documents = write_neo4j_csv(graph);
    EXPECT_NE(documents.relationships.find("directed:boolean"), std::string::npos) << documents.relationships;
    auto again = read_neo4j_csv(documents.nodes, "nodes.csv", documents.relationships, "relationships.csv");
    testing::expect_same_graph(graph, again);
    // A directed graph's CSV has no such column, as before.
    auto directed = write_neo4j_csv(read_dot("digraph { a -> b; }", "d.gv"));
    EXPECT_EQ(directed.relationships.find("directed"), std::string::npos);
}

// The sample graph with undirected relations mixed in, a DOT graph of every kind of field.
Graph mixed_sample()
{
    auto graph = testing::sample_graph();
    graph.add_relation({2, 3, "partnership", {{"since", "2011"}, {"note", "both ways"}}, {}}, Orientation::undirected);
    graph.add_relation({1, 1, "custom tie", {}, {}}, Orientation::undirected);
    return graph;
}

TEST(OrientationRoundTrip, DotToGexfToGraphmlToCsvToDotKeepsEverything)
{
    for (const auto& original : {mixed_sample(), read_dot("graph g { a -- b [type=investment]; b -- c; }", "u.gv")}) {
        auto folder = testing::scratch_dir("orientation-chain");
        save_graph(original, folder / "start.gv");
        auto dot = load_graph(folder / "start.gv");
        save_graph(dot, folder / "step.gexf");
        auto gexf = load_graph(folder / "step.gexf");
        save_graph(gexf, folder / "step.graphml");
        auto graphml = load_graph(folder / "step.graphml");
        save_graph(graphml, folder / "csv", FileFormat::csv);
        auto csv = load_graph(folder / "csv");
        save_graph(csv, folder / "end.gv");
        auto end = load_graph(folder / "end.gv");
        SCOPED_TRACE(read_file(folder / "end.gv"));
        testing::expect_same_graph(original, dot);
        testing::expect_same_graph(original, gexf);
        testing::expect_same_graph(original, graphml);
        testing::expect_same_graph(original, csv);
        testing::expect_same_graph(original, end);
    }
}

}  // namespace
}  // namespace actorgraph
