// GEXF read and write: every corpus file with the counts its project reports, typed attributes, viz
// data, spells, orientation, round trips, and malformed input named by file and line.
#include <gtest/gtest.h>

#include <map>

#include "actorgraph/io/file_format.hpp"
#include "actorgraph/io/gexf.hpp"
#include "test_support.hpp"

namespace actorgraph {
namespace {

namespace fs = std::filesystem;

std::string property(const Properties& properties, std::string_view name)
{
    auto found = properties.find(name);
    return found == properties.end() ? "<absent>" : std::string(found->second);
}

const Actor& actor(const Graph& graph, std::string_view id)
{
    return graph.actor(*graph.find_by_id(id));
}

// The graph as comparable text: actors, relations with orientation, every property.
std::string describe(const Graph& graph)
{
    std::string text;
    for (const auto& actor : graph.actors()) {
        text += "actor " + actor.id + " label=" + actor.label + " kind=" + actor.kind.str();
        for (const auto& alias : actor.aliases) text += " alias=" + alias;
        for (const auto& [name, value] : actor.properties) text += " " + std::string(name) + "=" + std::string(value);
        text += "\n";
    }
    for (RelationIndex index = 0; index < graph.relation_count(); ++index) {
        const auto& relation = graph.relation(index);
        text += graph.actor(relation.source).id + (graph.is_undirected(index) ? " -- " : " -> ") +
                graph.actor(relation.target).id + " type=" + relation.type.str();
        for (const auto& [name, value] : relation.properties) text += " " + std::string(name) + "=" + std::string(value);
        text += "\n";
    }
    return text;
}

TEST(Gexf, EveryCorpusFileLoadsWithTheCountsItsProjectReports)
{
    auto folder = testing::corpus_dir() / "gexf";
    if (testing::corpus_dir().empty() || !fs::is_directory(folder)) GTEST_SKIP() << "../shared/corpus/gexf is absent";
    // graphology's counts (its test suite and the corpus README); missing_nodes creates the 4 undeclared nodes.
    const std::map<std::string, std::pair<std::size_t, std::size_t>> expected{
        {"arctic.gexf", {1715, 6676}},  {"yeast.gexf", {2361, 7182}},    {"les_miserables.gexf", {77, 254}},
        {"celegans.gexf", {306, 2345}}, {"rio.gexf", {366, 1107}},       {"basic.gexf", {2, 2}},
        {"minimal.gexf", {2, 1}},       {"mixed.gexf", {3, 3}},          {"data.gexf", {4, 5}},
        {"missing_nodes.gexf", {6, 4}}, {"pedantic.gexf", {0, 0}},       {"v1_3.gexf", {2, 1}}};
    std::size_t files = 0;
    for (const auto& entry : fs::directory_iterator(folder)) {
        if (entry.path().extension() != ".gexf") continue;
        ++files;
        SCOPED_TRACE(entry.path().string());
        auto graph = load_graph(entry.path());
        auto name = entry.path().filename().string();
        if (auto found = expected.find(name); found != expected.end()) {
            EXPECT_EQ(graph.actor_count(), found->second.first);
            EXPECT_EQ(graph.relation_count(), found->second.second);
        }
        auto again = read_gexf(write_gexf(graph), "again.gexf");
        EXPECT_EQ(describe(again), describe(graph));
    }
    EXPECT_GE(files, expected.size());
}

TEST(Gexf, UndirectedDefaultAndPerEdgeTypeGiveEachRelationItsOrientation)
{
    auto folder = testing::corpus_dir() / "gexf";
    if (testing::corpus_dir().empty()) GTEST_SKIP() << "../shared/corpus is absent";
    auto yeast = load_graph(folder / "yeast.gexf");
    EXPECT_EQ(yeast.undirected_count(), yeast.relation_count());
    auto mixed = load_graph(folder / "mixed.gexf");
    ASSERT_EQ(mixed.relation_count(), 3u);
    EXPECT_FALSE(mixed.is_undirected(0));
    EXPECT_FALSE(mixed.is_undirected(1));
    EXPECT_TRUE(mixed.is_undirected(2));
}

TEST(Gexf, ReadsTypedAttributesDefaultsVizDataAndLabels)
{
    auto folder = testing::corpus_dir() / "gexf";
    if (testing::corpus_dir().empty()) GTEST_SKIP() << "../shared/corpus is absent";
    auto basic = load_graph(folder / "basic.gexf");
    const auto& suzy = actor(basic, "Suzy");
    EXPECT_EQ(suzy.label, "Suzy, Ghost");
    EXPECT_EQ(property(suzy.properties, "age"), "22");
    EXPECT_EQ(property(suzy.properties, "male"), "false");
    EXPECT_EQ(property(suzy.properties, "color"), "#ea220c99");  // a="0.6"
    EXPECT_EQ(property(suzy.properties, "size"), "34");
    EXPECT_EQ(property(suzy.properties, "x"), "12");
    EXPECT_EQ(property(suzy.properties, "y"), "35");
    EXPECT_EQ(property(suzy.properties, "shape"), "circle");
    const auto& fine = basic.relation(0);
    EXPECT_EQ(fine.type, "Fine edge");  // an untyped edge's label is its type
    EXPECT_EQ(property(fine.properties, "weight"), "456");
    EXPECT_EQ(property(fine.properties, "set"), "truc|machin");
    EXPECT_EQ(property(fine.properties, "thickness"), "34");

    auto data = load_graph(folder / "data.gexf");
    EXPECT_EQ(property(actor(data, "0").properties, "frog"), "true");  // the declared <default>
    EXPECT_EQ(property(actor(data, "3").properties, "frog"), "false");

    auto v13 = load_graph(folder / "v1_3.gexf");
    EXPECT_EQ(property(actor(v13, "Suzy").properties, "color"), "#ff00ff");  // GEXF 1.3 hex
    EXPECT_EQ(v13.relation(0).type, "likes");                               // GEXF 1.3 edge kind
}

TEST(Gexf, WarnsAboutUndeclaredAttributesAndNodesAndKeepsThem)
{
    auto folder = testing::corpus_dir() / "gexf";
    if (testing::corpus_dir().empty()) GTEST_SKIP() << "../shared/corpus is absent";
    auto undeclared = load_graph(folder / "undeclared_attribute.gexf");
    EXPECT_EQ(property(actor(undeclared, "0").properties, "url"), "http://gephi.org");
    EXPECT_EQ(property(undeclared.relation(0).properties, "count"), "43");
    EXPECT_FALSE(undeclared.diagnostics().empty());
    auto missing = load_graph(folder / "missing_nodes.gexf");
    EXPECT_TRUE(missing.find_by_id("6").has_value());
    EXPECT_GE(missing.diagnostics().size(), 4u);
}

TEST(Gexf, SpellsBecomeSinceAndUntilAndAreWrittenBackAsSpells)
{
    const char* text = R"(<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" version="1.3">
  <graph mode="dynamic" timeformat="integer" defaultedgetype="directed">
    <nodes>
      <node id="a" start="1990"/>
      <node id="b"><spells><spell start="2001" end="2003"/><spell start="2007" end="2010"/></spells></node>
    </nodes>
    <edges><edge id="0" source="a" target="b" start="1999" end="2004"/></edges>
  </graph>
</gexf>)";
    auto graph = read_gexf(text, "spells.gexf");
    EXPECT_EQ(property(actor(graph, "a").properties, "since"), "1990");
    EXPECT_EQ(property(actor(graph, "a").properties, "until"), "<absent>");
    EXPECT_EQ(property(actor(graph, "b").properties, "since"), "2001");
    EXPECT_EQ(property(actor(graph, "b").properties, "until"), "2010");
    EXPECT_EQ(property(graph.relation(0).properties, "until"), "2004");
    EXPECT_FALSE(graph.diagnostics().empty());  // two spells merged into one span
    auto written = write_gexf(graph);
    EXPECT_NE(written.find("start=\"1999\" end=\"2004\""), std::string::npos) << written;
    EXPECT_EQ(describe(read_gexf(written, "again.gexf")), describe(graph));
}

TEST(Gexf, RoundTripKeepsKindsAliasesTypesPropertiesAndMixedOrientation)
{
    Graph graph;
    graph.name = "deals & \"ties\"";
    Actor state;
    state.id = "mn";
    state.label = "Mongolia";
    state.kind = "state";
    state.aliases = {"Mongol Uls", "MN"};
    state.properties.emplace("kind", "a property named like the field");
    state.properties.emplace("x", "-12.5");
    state.properties.emplace("y", "40");
    state.properties.emplace("color", "#FF0000");  // not read_viz's spelling: kept as an attribute value
    state.properties.emplace("note", "line one\nline\ttwo\r");
    graph.add_actor(state);
    Actor company;
    company.id = "rio";
    company.kind = "company";
    company.properties.emplace("size", "large");  // not a number: an attribute, not viz:size
    graph.add_actor(company);
    Relation investment;
    investment.source = 1;
    investment.target = 0;
    investment.type = "investment";
    investment.properties.emplace("amount_usd", "5.689852347E7");
    investment.properties.emplace("since", "2009-03-20");
    investment.properties.emplace("label", "Oyu Tolgoi");
    investment.properties.emplace("weight", "heavy");
    graph.add_relation(investment);
    Relation partnership;
    partnership.type = "partnership";
    partnership.properties.emplace("type", "a property named like the field");
    graph.add_relation(partnership, Orientation::undirected);
    Relation untyped;
    untyped.properties.emplace("label", "not a type");
    graph.add_relation(untyped);

    auto written = write_gexf(graph);
    auto again = read_gexf(written, "again.gexf");
    EXPECT_EQ(again.name, graph.name);
    EXPECT_EQ(describe(again), describe(graph)) << written;
    EXPECT_NE(written.find("timeformat=\"date\""), std::string::npos);
    EXPECT_NE(written.find("type=\"double\""), std::string::npos);  // amount_usd typed for Gephi
}

TEST(Gexf, AllUndirectedGraphIsWrittenWithAnUndirectedDefault)
{
    Graph graph;
    for (const char* id : {"a", "b"}) {
        Actor actor;
        actor.id = id;
        graph.add_actor(actor);
    }
    Relation relation;
    relation.target = 1;
    graph.add_relation(relation, Orientation::undirected);
    auto written = write_gexf(graph);
    EXPECT_NE(written.find("defaultedgetype=\"undirected\""), std::string::npos);
    EXPECT_TRUE(read_gexf(written, "u.gexf").is_undirected(0));
}

TEST(Gexf, MalformedInputIsAnErrorNamingFileAndLine)
{
    auto line_of = [](const char* text) {
        try {
            (void)read_gexf(text, "bad.gexf");
        } catch (const Error& error) {
            EXPECT_NE(std::string(error.what()).find("bad.gexf:"), std::string::npos) << error.what();
            return error.where().line;
        }
        ADD_FAILURE() << "no error for " << text;
        return -1;
    };
    EXPECT_EQ(line_of("<gexf>\n<graph>\n<nodes>\n<node id=\"a\">\n</nodes>\n</graph>\n</gexf>\n"), 5);
    EXPECT_EQ(line_of("<gexf>\n<graph>\n<nodes>\n<node label=\"no id\"/>\n</nodes>\n</graph>\n</gexf>\n"), 4);
    EXPECT_EQ(line_of("<gexf>\n<graph>\n<edges>\n\n<edge source=\"a\"/>\n</edges>\n</graph>\n</gexf>\n"), 5);
    EXPECT_EQ(line_of("<gexf>\n<graph>\n<nodes>\n<node id=\"a\"/>\n<node id=\"a\"/>\n</nodes>\n</graph>\n</gexf>\n"), 5);
    EXPECT_EQ(line_of("<?xml version=\"1.0\"?>\n<graphml/>\n"), 2);
    EXPECT_EQ(line_of("<gexf>\n  <meta/>\n</gexf>\n"), 1);
}

TEST(Gexf, CharacterReferencesXmlDoesNotAllowAreAnErrorWithTheLine)
{
    try {
        (void)read_gexf("<gexf>\n<graph>\n<nodes>\n<node id=\"a\" label=\"x&#0;y\"/>\n</nodes>\n</graph>\n</gexf>\n", "nul.gexf");
        ADD_FAILURE() << "&#0; was accepted";
    } catch (const Error& error) {
        EXPECT_EQ(error.where().line, 4);
        EXPECT_NE(error.message().find("character reference &#0; stands for U+0000"), std::string::npos) << error.what();
    }
}

TEST(Gexf, AValueThatDoesNotMatchItsDeclaredTypeIsAWarningWithItsLine)
{
    const char* text = R"(<gexf>
<graph>
<attributes class="node"><attribute id="0" title="age" type="integer"/></attributes>
<nodes>
<node id="a"><attvalues><attvalue for="0" value="old"/></attvalues></node>
</nodes>
</graph>
</gexf>)";
    auto graph = read_gexf(text, "typed.gexf");
    ASSERT_EQ(graph.diagnostics().size(), 1u);
    EXPECT_EQ(graph.diagnostics()[0].where.line, 5);
    EXPECT_EQ(property(actor(graph, "a").properties, "age"), "old");  // kept, not lost
}

}  // namespace
}  // namespace actorgraph
