// Every export format carries every untrusted string unchanged and inert: GraphML and SVG parse as
// XML, DOT and CSV read back, and the strings come back byte for byte.
#include <gtest/gtest.h>
#include <pugixml.hpp>

#include "actorgraph/io/dot_reader.hpp"
#include "actorgraph/io/dot_writer.hpp"
#include "actorgraph/io/graphml.hpp"
#include "actorgraph/io/neo4j_csv.hpp"
#include "actorgraph/render/graphviz_render.hpp"
#include "graph_fixtures.hpp"
#include "hardening/hostile_strings.hpp"

namespace actorgraph {
namespace {

using testing::HostileStrings;

bool fits_alias(const std::string& text)
{
    return !text.empty() && text.find(';') == std::string::npos && text.front() != ' ' && text.back() != ' ';
}

// One actor per string, in every field it can go (an id must be unique, so it gets a prefix);
// a relation between neighbours carries the string as type and properties.
Graph graph_of(const std::vector<std::string>& strings)
{
    Graph graph;
    for (std::size_t i = 0; i < strings.size(); ++i) {
        const auto& text = strings[i];
        Actor actor;
        actor.id = std::to_string(i) + text;
        actor.label = text;
        actor.kind = fits_alias(text) ? text : "state";
        if (fits_alias(text)) actor.aliases = {text};
        actor.properties = {{"note", text}, {"description", text}, {std::to_string(i) + text, "named by it"}};
        graph.add_actor(std::move(actor));
    }
    for (ActorIndex i = 1; i < graph.actor_count(); ++i) {
        const auto& text = strings[i];
        graph.add_relation({i - 1, i, text, {{"source", text}, {"note " + text, text}}, {}});
    }
    return graph;
}

// The strings DOT can spell: everything but NUL, and no odd backslash run before a quote,
// newline or the end unless the < > balance (see quote_dot).
bool dot_can_spell(const std::string& text)
{
    try {
        (void)quote_dot(text);
        return text.find('\0') == std::string::npos;
    } catch (const Error&) {
        return false;
    }
}

TEST(HostileStrings, DotCarriesEveryStringItCanSpell)
{
    std::vector<std::string> strings;
    for (const auto& text : HostileStrings::printable()) {
        if (dot_can_spell(text)) strings.push_back(text);
    }
    for (const auto& text : HostileStrings::binary()) strings.push_back(text);
    ASSERT_GT(strings.size(), 30u);
    auto graph = graph_of(strings);
    testing::expect_same_graph(graph, read_dot(write_dot(graph), "hostile.gv"));
}

TEST(HostileStrings, DotRefusesWhatItCannotSpellNamingTheActor)
{
    Graph graph;
    graph.add_actor({"x", "a backslash before the end with an unbalanced < \\", "state", {}, {}, {}});
    try {
        (void)write_dot(graph);
        FAIL() << "expected an Error";
    } catch (const Error& error) {
        EXPECT_NE(std::string(error.what()).find("actor 'x'"), std::string::npos) << error.what();
        EXPECT_NE(std::string(error.what()).find("GraphML or CSV"), std::string::npos) << error.what();
    }
    Graph with_nul;
    with_nul.add_actor({"y", std::string("nul \0 inside", 12), "state", {}, {}, {}});
    try {
        (void)write_dot(with_nul);
        FAIL() << "expected an Error";
    } catch (const Error& error) {
        EXPECT_NE(std::string(error.what()).find("actor 'y'"), std::string::npos) << error.what();
        EXPECT_NE(std::string(error.what()).find("NUL"), std::string::npos) << error.what();
    }
}

TEST(HostileStrings, GraphmlIsWellFormedXmlAndCarriesEveryPrintableString)
{
    auto graph = graph_of(HostileStrings::printable());
    auto text = write_graphml(graph);
    pugi::xml_document document;
    auto parsed = document.load_buffer(text.data(), text.size());
    ASSERT_TRUE(parsed) << parsed.description();
    EXPECT_EQ(text.find("<script"), std::string::npos);
    EXPECT_EQ(text.find("<img"), std::string::npos);
    testing::expect_same_graph(graph, read_graphml(text, "hostile.graphml"));
}

TEST(HostileStrings, GraphmlRefusesControlCharactersAndBadUtf8NamingTheActor)
{
    for (const auto& text : HostileStrings::binary()) {
        Graph graph;
        graph.add_actor({"x", text, "state", {}, {}, {}});
        try {
            (void)write_graphml(graph);
            ADD_FAILURE() << "expected an Error for " << text;
        } catch (const Error& error) {
            EXPECT_NE(std::string(error.what()).find("actor 'x'"), std::string::npos) << error.what();
        }
    }
}

TEST(HostileStrings, CsvCarriesEveryPrintableStringAndControlCharacters)
{
    auto strings = HostileStrings::printable();
    for (const auto& text : HostileStrings::binary()) {
        bool utf8 = text.find_first_of("\x80\x82\xaf\xe9\xff\xc0\xed") == std::string::npos;
        if (utf8) strings.push_back(text);
    }
    auto graph = graph_of(strings);
    auto documents = write_neo4j_csv(graph);
    testing::expect_same_graph(graph, read_neo4j_csv(documents.nodes, "nodes.csv", documents.relationships,
                                                     "relationships.csv"));
}

TEST(HostileStrings, CsvRefusesInvalidUtf8NamingTheActor)
{
    Graph graph;
    graph.add_actor({"x", "latin-1 caf\xe9", "state", {}, {}, {}});
    try {
        (void)write_neo4j_csv(graph);
        FAIL() << "expected an Error";
    } catch (const Error& error) {
        EXPECT_NE(std::string(error.what()).find("actor 'x'"), std::string::npos) << error.what();
    }
}

}  // namespace
}  // namespace actorgraph
