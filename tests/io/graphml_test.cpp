#include "actorgraph/io/graphml.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "actorgraph/io/file_io.hpp"
#include "graph_fixtures.hpp"
#include "test_support.hpp"

namespace actorgraph {
namespace {

namespace fs = std::filesystem;
using testing::corpus_dir;
using testing::scratch_dir;
using testing::expect_same_graph;
using testing::sample_graph;
using testing::test_data;

Graph round_trip(const Graph& graph)
{
    return read_graphml(write_graphml(graph), "round-trip.graphml");
}

const Actor& actor_named(const Graph& graph, std::string_view id)
{
    return graph.actor(*graph.find_by_id(id));
}

bool has_warning_containing(const Graph& graph, std::string_view text)
{
    return std::any_of(graph.diagnostics().begin(), graph.diagnostics().end(),
                       [&](const Diagnostic& d) { return d.message.find(text) != std::string::npos; });
}

Error read_error(std::string_view text)
{
    try {
        (void)read_graphml(text, "bad.graphml");
    } catch (const Error& error) {
        return error;
    }
    ADD_FAILURE() << "expected an Error";
    return Error("none");
}

constexpr std::string_view header = R"(<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
)";

// --------------------------------------------------------------------------------------------- corpus

fs::path corpus_graphml()
{
    auto corpus = corpus_dir();
    return corpus.empty() ? fs::path{} : corpus / "graphml";
}

TEST(GraphmlCorpus, EveryFileLoadsOrThrowsAnErrorNamingIt)
{
    if (corpus_graphml().empty()) GTEST_SKIP() << "no ../shared/corpus next to the repository";
    int files = 0;
    for (const auto& entry : fs::directory_iterator(corpus_graphml())) {
        ++files;
        try {
            auto graph = read_graphml_file(entry.path());
            EXPECT_GT(graph.actor_count(), 0u) << entry.path();
        } catch (const Error& error) {
            EXPECT_NE(std::string(error.what()).find(entry.path().filename().string()), std::string::npos)
                << error.what();
        }
    }
    EXPECT_GT(files, 0);
}

TEST(GraphmlCorpus, MiserablesHas77ActorsAnd254Relations)
{
    if (corpus_graphml().empty()) GTEST_SKIP() << "no ../shared/corpus next to the repository";
    auto graph = read_graphml_file(corpus_graphml() / "miserables.graphml");
    EXPECT_EQ(graph.actor_count(), 77u);
    EXPECT_EQ(graph.relation_count(), 254u);
    EXPECT_EQ(actor_named(graph, "11").label, "Valjean");
    EXPECT_EQ(actor_named(graph, "11").properties.at("Modularity Class"), "1");
    EXPECT_EQ(graph.relation(0).properties.at("weight"), "1.0");
    EXPECT_FALSE(graph.relation(0).properties.contains("id"));
    EXPECT_TRUE(graph.diagnostics().empty());
}

TEST(GraphmlCorpus, BrokenMiserablesThrowsWithFileAndLine)
{
    if (corpus_graphml().empty()) GTEST_SKIP() << "no ../shared/corpus next to the repository";
    try {
        (void)read_graphml_file(corpus_graphml() / "miserables_broken.graphml");
        FAIL() << "expected an Error";
    } catch (const Error& error) {
        EXPECT_NE(error.where().file.str().find("miserables_broken.graphml"), std::string::npos);
        EXPECT_EQ(error.where().line, 12);  // the first <data key="label"> of an undeclared key
        EXPECT_NE(error.message().find("undeclared key 'label'"), std::string::npos) << error.what();
    }
}

TEST(GraphmlCorpus, EdgesToUndeclaredNodesCreateThemWithAWarning)
{
    if (corpus_graphml().empty()) GTEST_SKIP() << "no ../shared/corpus next to the repository";
    auto graph = read_graphml_file(corpus_graphml() / "missing_nodes.graphml");
    EXPECT_EQ(graph.relation_count(), 37u);
    EXPECT_EQ(graph.actor_count(), 15u + 36u);
    EXPECT_EQ(finding_count(graph.diagnostics()), 36u);  // 20 shown, then "and 16 more like this"
    const auto& created = actor_named(graph, "9306289");
    EXPECT_EQ(created.where.line, 20);
    EXPECT_EQ(graph.diagnostics().front().where.line, 20);
    EXPECT_NE(graph.diagnostics().front().message.find("node '9306289' is not declared"), std::string::npos);
    EXPECT_EQ(actor_named(graph, "9504277").properties.at("modification"), "add");  // a key default
}

// --------------------------------------------------------------------------------------------- reading

TEST(GraphmlReader, ImportsAYedFileWithLabelsFromTheDrawing)
{
    auto graph = read_graphml_file(test_data("graphml/yed_sample.graphml"));
    ASSERT_EQ(graph.actor_count(), 4u);
    EXPECT_EQ(actor_named(graph, "n0").label, "Norway");
    EXPECT_EQ(actor_named(graph, "n0").properties.at("description"), "Sovereign fund owner");
    EXPECT_EQ(actor_named(graph, "n1").label, "Energy sector");
    EXPECT_EQ(actor_named(graph, "n1::n0").label, "Equinor ASA");
    EXPECT_EQ(actor_named(graph, "n2").label, "Ministry of\nPetroleum");
    EXPECT_EQ(actor_named(graph, "n2").properties.at("url"), "https://example.org/ministry");
    ASSERT_EQ(graph.relation_count(), 2u);
    EXPECT_EQ(graph.relation(0).type, "investment");
    EXPECT_EQ(graph.relation(0).properties.at("description"), "67% stake");
    EXPECT_EQ(graph.relation(1).type, "");
    EXPECT_TRUE(has_warning_containing(graph, "nested graph of node 'n1' is flattened"));
    EXPECT_EQ(graph.name, "G");
}

TEST(GraphmlReader, ImportsANetworkxFile)
{
    auto graph = read_graphml_file(test_data("graphml/networkx_sample.graphml"));
    EXPECT_EQ(graph.name, "energy influence");
    ASSERT_EQ(graph.actor_count(), 3u);
    EXPECT_EQ(actor_named(graph, "NO").label, "Kingdom of Norway");
    EXPECT_EQ(actor_named(graph, "NO").kind, "state");
    EXPECT_EQ(actor_named(graph, "NO").properties.at("weight"), "1.0");
    EXPECT_EQ(actor_named(graph, "EQNR").kind, "company");
    EXPECT_EQ(actor_named(graph, "EQNR").properties.at("founded"), "1972");
    EXPECT_EQ(actor_named(graph, "EQNR").properties.at("weight"), "2.5");
    EXPECT_EQ(actor_named(graph, "IEA").kind, "think tank");
    ASSERT_EQ(graph.relation_count(), 2u);
    EXPECT_EQ(graph.relation(0).type, "investment");
    EXPECT_EQ(graph.relation(0).properties.at("year"), "2001");
    EXPECT_EQ(graph.relation(0).properties.at("amount_usd"), "1500000000.0");
    EXPECT_EQ(graph.relation(1).type, "advises");
    EXPECT_TRUE(graph.diagnostics().empty());
}

TEST(GraphmlReader, TakesTheKindFromNeo4jLabels)
{
    auto graph = read_graphml_file(test_data("graphml/neo4j_apoc.graphml"));
    EXPECT_EQ(actor_named(graph, "n0").kind, "official");
    EXPECT_EQ(actor_named(graph, "n0").properties.at("labels"), "Person");
    EXPECT_EQ(actor_named(graph, "n0").label, "Jane Doe");
    EXPECT_EQ(actor_named(graph, "n1").kind, "organization");
    EXPECT_EQ(actor_named(graph, "n2").kind, "Lobby");
    ASSERT_EQ(graph.relation_count(), 2u);
    EXPECT_EQ(graph.relation(0).type, "affiliation");
    EXPECT_EQ(graph.relation(0).properties.at("since"), "2015");
    EXPECT_EQ(graph.relation(1).type, "pressure");
}

TEST(GraphmlReader, KeepsUnknownKeysAsProperties)
{
    auto graph = read_graphml(std::string(header) + R"(<key id="colour" for="node"/>
<key id="k1" for="all" attr.name="weight"/>
<graph><node id="a"><data key="colour">red</data><data key="k1">2</data></node>
<node id="b"/><edge source="a" target="b"><data key="k1">3</data></edge></graph></graphml>)",
                              "keys.graphml");
    EXPECT_EQ(actor_named(graph, "a").properties, (Properties{{"colour", "red"}, {"weight", "2"}}));
    EXPECT_EQ(graph.relation(0).properties, (Properties{{"weight", "3"}}));
}

TEST(GraphmlReader, PrefersLabelOverNameAndKeepsNameAsAProperty)
{
    auto graph = read_graphml(std::string(header) + R"(<key id="a" for="node" attr.name="name"/>
<key id="b" for="node" attr.name="label"/>
<graph><node id="x"><data key="a">Full name</data><data key="b">Short</data></node></graph></graphml>)",
                              "names.graphml");
    EXPECT_EQ(actor_named(graph, "x").label, "Short");
    EXPECT_EQ(actor_named(graph, "x").properties.at("name"), "Full name");
}

TEST(GraphmlReader, RecordsTheLineOfEveryActorAndRelation)
{
    auto graph = read_graphml(
        std::string(header) +
            "<graph>\n<node id=\"a\"/>\n\n<node id=\"b\"/>\n<edge\n source=\"a\" target=\"b\"/>\n</graph></graphml>",
        "lines.graphml");
    EXPECT_EQ(actor_named(graph, "a").where.file, "lines.graphml");
    EXPECT_EQ(actor_named(graph, "a").where.line, 4);
    EXPECT_EQ(actor_named(graph, "b").where.line, 6);
    EXPECT_EQ(graph.relation(0).where.line, 7);
}

TEST(GraphmlReader, CountsLinesOfLatin1FilesInTheOriginalBytes)
{
    std::string text =
        "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<graphml>\n<key id=\"l\" for=\"node\" attr.name=\"label\"/>\n"
        "<graph>\n<node id=\"a\"><data key=\"l\">\xe9\xe9\xe9\xe9\xe9\xe9</data></node>\n<node "
        "id=\"b\"/>\n</graph></graphml>";
    auto graph = read_graphml(text, "latin1.graphml");
    EXPECT_EQ(actor_named(graph, "a").label, "\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9");
    EXPECT_EQ(actor_named(graph, "b").where.line, 6);
}

TEST(GraphmlReader, ReportsMalformedXmlWithFileAndLine)
{
    auto error = read_error(std::string(header) + "<graph>\n<node id=\"a\">\n</edge>\n</graph></graphml>");
    EXPECT_EQ(error.where().file, "bad.graphml");
    EXPECT_EQ(error.where().line, 5);
    EXPECT_NE(error.message().find("malformed XML"), std::string::npos) << error.what();
}

TEST(GraphmlReader, RejectsAnotherRootElement)
{
    auto error = read_error("<?xml version=\"1.0\"?>\n\n<gexf><graph/></gexf>");
    EXPECT_EQ(error.where().line, 3);
    EXPECT_NE(error.message().find("expected <graphml>"), std::string::npos);
}

TEST(GraphmlReader, RejectsAFileWithoutAGraph)
{
    auto error = read_error(std::string(header) + "<key id=\"k\"/>\n</graphml>");
    EXPECT_EQ(error.where().line, 2);
    EXPECT_NE(error.message().find("no <graph>"), std::string::npos);
}

TEST(GraphmlReader, RejectsEmptyInput)
{
    auto error = read_error("");
    EXPECT_EQ(error.where().file, "bad.graphml");
    EXPECT_NE(error.message().find("malformed XML"), std::string::npos);
}

TEST(GraphmlReader, RejectsInvalidUtf8WithTheLine)
{
    auto error = read_error(std::string(header) + "<graph>\n<node id=\"a\xff\"/>\n</graph></graphml>");
    EXPECT_EQ(error.where().line, 4);
    EXPECT_EQ(error.message(), "invalid UTF-8");
}

// pugixml decodes `&#0;` to a NUL that ended the label (read as empty) and `&#1;` to a control
// character no XML may hold; both, and raw control characters, are refused at their line.
TEST(GraphmlReader, RefusesCharactersXmlDoesNotAllowWithTheLine)
{
    auto key = std::string(header) + "<key id=\"l\" for=\"node\" attr.name=\"label\"/>\n<graph>\n";
    for (std::string bad : {"&#0;", "&#1;", "&#x1F;", "&#xFFFE;", "&#xD800;", "&#1114112;", "&#99999999999999;", "\x01", "\x0c"}) {
        auto error = read_error(key + "<node id=\"a\">\n<data key=\"l\">A" + bad + "B</data></node>\n</graph></graphml>");
        EXPECT_EQ(error.where().line, 6) << bad;
        EXPECT_NE(error.message().find("expected a character XML 1.0 allows"), std::string::npos) << error.message();
    }
    // Allowed references read as their characters; comments and CDATA hold no references.
    auto graph = read_graphml(key + "<!-- &#0; --><node id=\"a\"><data key=\"l\">&#65;&#x9;&#10;<![CDATA[&#0;]]></data></node>\n"
                                    "</graph></graphml>",
                              "good.graphml");
    EXPECT_EQ(graph.actor(0).label, "A\t\n&#0;");
}

// pugixml converts UTF-16 and UTF-32 itself, to offsets that named no line: errors in such files came
// without one. They are converted first, so errors name the line and the same checks apply.
TEST(GraphmlReader, Utf16AndUtf32FilesReadAndTheirErrorsHaveLines)
{
    auto widen = [](std::string_view ascii, std::size_t unit, bool little) {
        std::string wide;
        for (char c : ascii) {
            std::string code(unit, '\0');
            code[little ? 0 : unit - 1] = c;
            wide += code;
        }
        return wide;
    };
    auto good = std::string("\xEF\xBB\xBF") + "<graphml>\n<graph>\n<node id=\"a\"/>\n</graph>\n</graphml>\n";
    auto bad_element = std::string("<graphml>\n<graph>\n<node id=\"a\">\n</graph>\n</graphml>\n");
    auto bad_reference = std::string("<graphml>\n<graph>\n<node id=\"a&#0;\"/>\n</graph>\n</graphml>\n");
    for (auto [unit, little] : {std::pair{2u, true}, {2u, false}, {4u, true}, {4u, false}}) {
        std::string bom = unit == 2 ? (little ? "\xFF\xFE" : "\xFE\xFF") : (little ? std::string("\xFF\xFE\0\0", 4) : std::string("\0\0\xFE\xFF", 4));
        EXPECT_EQ(read_graphml(bom + widen(good.substr(3), unit, little), "wide.graphml").actor_count(), 1u);
        EXPECT_EQ(read_error(bom + widen(bad_element, unit, little)).where().line, 4) << unit << little;
        EXPECT_EQ(read_error(bom + widen(bad_reference, unit, little)).where().line, 3) << unit << little;
    }
    EXPECT_EQ(read_error(std::string("\xFF\xFE") + widen("<g>\n", 2, true) + std::string("\x00\xDC", 2)).message(), "invalid UTF-16");
}

TEST(GraphmlReader, RejectsADuplicateNodeIdAtItsLine)
{
    auto error = read_error(std::string(header) + "<graph>\n<node id=\"a\"/>\n<node id=\"a\"/>\n</graph></graphml>");
    EXPECT_EQ(error.where().line, 5);
    EXPECT_NE(error.message().find("duplicate"), std::string::npos);
}

TEST(GraphmlReader, RejectsAnEdgeWithoutATarget)
{
    auto error =
        read_error(std::string(header) + "<graph>\n<node id=\"a\"/>\n<edge source=\"a\"/>\n</graph></graphml>");
    EXPECT_EQ(error.where().line, 5);
}

TEST(GraphmlReader, SkipsHyperedgesWithAWarning)
{
    auto graph = read_graphml(
        std::string(header) + "<graph><node id=\"a\"/><hyperedge><endpoint node=\"a\"/></hyperedge></graph></graphml>",
        "hyper.graphml");
    EXPECT_EQ(graph.relation_count(), 0u);
    EXPECT_TRUE(has_warning_containing(graph, "hyperedge"));
}

TEST(GraphmlReader, SurvivesDeeplyNestedGraphs)
{
    std::string text(header);
    constexpr int depth = 20000;
    text += "<graph>";
    for (int i = 0; i < depth; ++i) text += "<node id=\"n" + std::to_string(i) + "\"><graph>";
    for (int i = 0; i < depth; ++i) text += "</graph></node>";
    text += "</graph></graphml>";
    auto graph = read_graphml(text, "deep.graphml");
    EXPECT_EQ(graph.actor_count(), static_cast<std::size_t>(depth));
}

// --------------------------------------------------------------------------------------------- writing

TEST(GraphmlRoundTrip, KeepsActorsRelationsKindsTypesAndProperties)
{
    auto graph = sample_graph();
    expect_same_graph(graph, round_trip(graph), true);
}

TEST(GraphmlRoundTrip, KeepsHostileStrings)
{
    Graph graph;
    const std::string hostile = "<script>alert('x & \"y\"')</script> ]]> <![CDATA[ &amp; \n\r\n\r\t end ";
    graph.add_actor({"a <&> \"'\n\r\t",
                     hostile,
                     "k\"ind",
                     {"<b>", "x&y", "\u00e9t\u00e9 \U0001F600"},
                     {{"description", hostile}},
                     {}});
    graph.add_actor(
        {"  spaced  ", "  ", "", {}, {{"blank", ""}, {"spaces", "   "}, {"newline", "\n"}, {"cr", "\r"}}, {}});
    graph.add_relation({0, 1, hostile, {{"note", hostile}, {"<name with spaces & marks>", "v"}}, {}});
    auto text = write_graphml(graph);
    EXPECT_EQ(text.find("<script>"), std::string::npos);
    expect_same_graph(graph, read_graphml(text, "hostile.graphml"));
}

TEST(GraphmlRoundTrip, KeepsPropertiesNamedLikeFields)
{
    Graph graph;
    graph.add_actor(
        {"a",
         "Label",
         "state",
         {"Alias"},
         {{"label", "p1"}, {"kind", "p2"}, {"aliases", "p3"}, {"name", "p4"}, {"labels", "p5"}, {"id", "p6"}},
         {}});
    graph.add_actor({"b", "", "", {}, {{"type", "node type"}}, {}});
    graph.add_relation({0, 1, "pressure", {{"type", "p7"}, {"label", "p8"}, {"labelE", "p9"}, {"id", "p10"}}, {}});
    expect_same_graph(graph, round_trip(graph), true);
}

TEST(GraphmlRoundTrip, ThroughAFileOnDisk)
{
    auto path = scratch_dir("graphml_file") / "graph.graphml";
    write_file_atomically(path, write_graphml(sample_graph()));
    auto graph = read_graphml_file(path);
    expect_same_graph(sample_graph(), graph);
    EXPECT_EQ(graph.actor(0).where.file, path.string());
    EXPECT_GT(graph.actor(0).where.line, 0);
}

TEST(GraphmlWriter, IsDeterministicWithNumberedKeysAndEdges)
{
    auto text = write_graphml(sample_graph());
    EXPECT_EQ(text, write_graphml(sample_graph()));
    EXPECT_NE(text.find(R"(<key id="d0" for="node" attr.name="label" attr.type="string"/>)"), std::string::npos);
    EXPECT_NE(text.find(R"(<graph id="energy" edgedefault="directed">)"), std::string::npos);
    EXPECT_NE(text.find(R"(<edge id="e0" source="NO" target="EQNR">)"), std::string::npos);
    EXPECT_NE(text.find(R"(<edge id="e4" source="EQNR" target="EQNR">)"), std::string::npos);
}

TEST(GraphmlWriter, TypesNumericKeysOnlyWhenEveryValueParses)
{
    auto text = write_graphml(sample_graph());
    EXPECT_NE(text.find(R"(for="node" attr.name="year" attr.type="int")"), std::string::npos);
    EXPECT_NE(text.find(R"(for="edge" attr.name="year" attr.type="int")"), std::string::npos);
    EXPECT_NE(text.find(R"(for="edge" attr.name="since" attr.type="int")"), std::string::npos);
    EXPECT_NE(text.find(R"(for="edge" attr.name="amount_usd" attr.type="string")"), std::string::npos);  // "unknown"
    EXPECT_NE(text.find(R"(for="edge" attr.name="confidence" attr.type="string")"), std::string::npos);
}

TEST(GraphmlWriter, RefusesControlCharactersNamingTheActor)
{
    Graph graph;
    graph.add_actor({"pdf", "Page\fbreak", "", {}, {}, {}});
    try {
        (void)write_graphml(graph);
        FAIL() << "expected an Error";
    } catch (const Error& error) {
        EXPECT_NE(error.message().find("actor 'pdf'"), std::string::npos) << error.what();
        EXPECT_NE(error.message().find("U+000C"), std::string::npos) << error.what();
    }
    Graph with_nul;
    with_nul.add_actor({"a", "", "", {}, {{"note", std::string("x\0y", 3)}}, {}});
    EXPECT_THROW((void)write_graphml(with_nul), Error);
}

TEST(GraphmlWriter, RefusesAliasesThatWouldNotReadBack)
{
    for (const char* alias : {"a;b", " padded", ""}) {
        Graph graph;
        graph.add_actor({"x", "", "", {alias}, {}, {}});
        EXPECT_THROW((void)write_graphml(graph), Error) << alias;
    }
}

TEST(GraphmlWriter, RefusesInvalidUtf8)
{
    Graph graph;
    graph.add_actor({"x", "bad \xc3(", "", {}, {}, {}});
    EXPECT_THROW((void)write_graphml(graph), Error);
}

}  // namespace
}  // namespace actorgraph
