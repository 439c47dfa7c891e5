#include "actorgraph/io/graph_mapping.hpp"

#include <gtest/gtest.h>

#include "actorgraph/io/dot_reader.hpp"
#include "actorgraph/io/dot_writer.hpp"
#include "actorgraph/io/file_format.hpp"
#include "test_support.hpp"

namespace actorgraph {
namespace {

using testing::test_data;

ImportMapping legislators_mapping()
{
    ImportMapping mapping;
    parse_vocabulary_map("Legislator=official, committee=organization", mapping.kinds, "--kind-map");
    parse_vocabulary_map("MEMBER_OF=affiliation", mapping.types, "--type-map");
    mapping.caption = "{firstName} {lastName}";
    return mapping;
}

std::string error_of(const std::function<void()>& action)
{
    try {
        action();
    } catch (const Error& failure) {
        return failure.what();
    }
    return {};
}

TEST(GraphMapping, AGraphmlExportIsReadInOurKindsAndTypesWithCaptionsFromItsProperties)
{
    auto graph = load_graph_mapped(test_data("graphml/neo4j_export.graphml"), legislators_mapping());
    ASSERT_EQ(graph.actor_count(), 4u);
    auto brown = graph.find_by_name("Sherrod Brown");
    ASSERT_EQ(brown.size(), 1u) << "found by the caption the template makes";
    EXPECT_EQ(graph.actor(brown.front()).id, "n0");
    EXPECT_EQ(graph.actor(brown.front()).kind, "official");
    auto committee = graph.resolve("n2");
    EXPECT_EQ(graph.actor(committee).kind, "organization") << "the map's left side matches ignoring case";
    EXPECT_EQ(graph.actor(committee).display_name(), "Committee on Banking")
        << "an actor without the template's properties keeps its caption";
    EXPECT_EQ(graph.actor(graph.resolve("n3")).kind, "company") << "a kind the map leaves alone stays";
    EXPECT_EQ(graph.relation(0).type, "affiliation");
    EXPECT_EQ(graph.relation(0).properties.at("since"), "2007");
    EXPECT_EQ(graph.relation(2).type, "DONATED_TO") << "an unmapped type stays custom, as the file has it";
}

TEST(GraphMapping, IdsOrderPropertiesAndDirectionAreKept)
{
    auto original = read_dot("graph g { a [label=\"A\", first=\"Ann\"]; b [first=\"Bob\"]; a -- b [type=pressure, year=2001]; }",
                             "g.gv");
    ImportMapping mapping;
    mapping.caption = "{first} ({id})";
    auto mapped = apply_mapping(original, mapping);
    ASSERT_EQ(mapped.actor_count(), 2u);
    EXPECT_EQ(mapped.actor(0).id, "a");
    EXPECT_EQ(mapped.actor(0).label, "Ann (a)");
    EXPECT_EQ(mapped.actor(1).label, "Bob (b)");
    EXPECT_EQ(mapped.actor(0).properties.at("first"), "Ann");
    EXPECT_TRUE(mapped.is_undirected(0));
    EXPECT_EQ(mapped.relation(0).properties.at("year"), "2001");
    EXPECT_EQ(mapped.find_by_name("ann (a)").size(), 1u) << "the name index knows the new captions";
}

TEST(GraphMapping, AMisspeltMapEntryOrCaptionPropertyIsAnErrorWithASuggestion)
{
    auto file = test_data("graphml/neo4j_export.graphml");
    ImportMapping kinds;
    kinds.kinds["Legislatr"] = "official";
    auto message = error_of([&] { (void)load_graph_mapped(file, kinds); });
    EXPECT_NE(message.find("Did you mean 'Legislator'"), std::string::npos) << message;
    EXPECT_NE(message.find("neo4j_export.graphml"), std::string::npos) << message;

    ImportMapping types;
    types.types["MEMBEROF"] = "affiliation";
    message = error_of([&] { (void)load_graph_mapped(file, types); });
    EXPECT_NE(message.find("MEMBER_OF"), std::string::npos) << message;

    ImportMapping caption;
    caption.caption = "{firstname} {lastName}";
    message = error_of([&] { (void)load_graph_mapped(file, caption); });
    EXPECT_NE(message.find("firstName"), std::string::npos) << message;

    ImportMapping untyped;
    untyped.types["knows"] = "partnership";
    message = error_of([&] { (void)apply_mapping(read_dot("digraph { a -> b }", "g.gv"), untyped); });
    EXPECT_NE(message.find("the file gives none"), std::string::npos) << "not an empty list of known types: " << message;

    caption.caption = "{firstName";
    EXPECT_FALSE(error_of([&] { (void)load_graph_mapped(file, caption); }).empty()) << "an unclosed brace";
}

TEST(GraphMapping, AnEmptyMappingChangesNothing)
{
    auto file = test_data("graphml/neo4j_export.graphml");
    EXPECT_FALSE(maps_graph_files(ImportMapping{}));
    EXPECT_EQ(write_dot(load_graph_mapped(file, {})), write_dot(load_graph(file)));
}

TEST(GraphMapping, ANeo4jImportSetFolderIsReadWithTheMappingsCaptionAndVocabulary)
{
    ImportMapping mapping;
    parse_vocabulary_map("Legislator=official,Committee=organization", mapping.kinds, "--kind-map");
    mapping.caption = "{firstName} {lastName}";
    auto graph = load_graph_mapped(test_data("neo4j_set"), mapping);
    EXPECT_EQ(graph.actor_count(), 8u);
    EXPECT_EQ(graph.find_by_name("Sherrod Brown").size(), 1u);
}

}  // namespace
}  // namespace actorgraph
