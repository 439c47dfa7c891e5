#include "actorgraph/io/neo4j_import_set.hpp"

#include <gtest/gtest.h>

#include "actorgraph/io/file_io.hpp"
#include "actorgraph/io/neo4j_csv.hpp"
#include "graph_fixtures.hpp"
#include "test_support.hpp"

namespace actorgraph {
namespace {

namespace fs = std::filesystem;
using testing::scratch_dir;
using testing::test_data;

const Actor& actor_with_id(const Graph& graph, std::string_view id)
{
    auto found = graph.find_by_id(id);
    if (!found) throw std::runtime_error("no actor " + std::string(id));
    return graph.actor(*found);
}

std::vector<std::string> file_names(const std::vector<fs::path>& files)
{
    std::vector<std::string> names;
    for (const auto& file : files) names.push_back(file.filename().string());
    return names;
}

bool has_relation(const Graph& graph, std::string_view from, std::string_view to, std::string_view type)
{
    for (const auto& relation : graph.relations()) {
        if (graph.actor(relation.source).id == from && graph.actor(relation.target).id == to && relation.type == type) {
            return true;
        }
    }
    return false;
}

// The folder set: persons (header file + two data files, ID space Person), organizations (ID space Org),
// memberships (header file + data) and ownership; ids 1-3 are in both spaces.
Graph folder_set(const ImportMapping& mapping = {}, ImportReport* report = nullptr)
{
    return read_import_set(scan_import_folder(test_data("neo4j_set")), mapping, {}, report);
}

TEST(Neo4jImportSet, ScanningAFolderClassifiesFilesByHeaderAndGivesHeaderFilesTheirData)
{
    auto set = scan_import_folder(test_data("neo4j_set"));
    ASSERT_EQ(set.nodes.size(), 2u);
    EXPECT_EQ(file_names(set.nodes[0].files),
              (std::vector<std::string>{"persons_header.csv", "persons_part1.csv", "persons_part2.csv"}));
    EXPECT_EQ(file_names(set.nodes[1].files), (std::vector<std::string>{"organizations.csv"}));
    ASSERT_EQ(set.relationships.size(), 2u);
    EXPECT_EQ(file_names(set.relationships[0].files),
              (std::vector<std::string>{"memberships_header.csv", "memberships.csv"}));
    EXPECT_EQ(file_names(set.relationships[1].files), (std::vector<std::string>{"ownership.csv"}));
    EXPECT_TRUE(set.ignored.empty());  // notes.md is not a CSV file
}

TEST(Neo4jImportSet, IdsTwoSpacesShareArePrefixedWithTheSpaceAndOthersStayAsWritten)
{
    ImportReport report;
    auto graph = folder_set({}, &report);
    EXPECT_EQ(graph.actor_count(), 8u);
    EXPECT_EQ(report.shared_ids, 3u);  // 1, 2 and 3 are persons and organizations
    EXPECT_EQ(actor_with_id(graph, "Person:1").properties.at("lastName"), "Brown");
    EXPECT_EQ(actor_with_id(graph, "Org:1").label, "Senate Committee on Banking");
    EXPECT_EQ(actor_with_id(graph, "4").properties.at("firstName"), "Ada");  // no organization has id 4
    EXPECT_EQ(actor_with_id(graph, "10").label, "Acme Energy");
    EXPECT_EQ(actor_with_id(graph, "Person:1").properties.at("personId"), "1");  // the :ID column's name keeps it
}

TEST(Neo4jImportSet, RelationshipsFindTheirEndpointsInTheSpacesTheirHeadersName)
{
    auto graph = folder_set();
    EXPECT_TRUE(has_relation(graph, "Person:1", "Org:1", "MEMBER_OF"));
    EXPECT_TRUE(has_relation(graph, "Person:3", "Org:2", "MEMBER_OF"));
    EXPECT_TRUE(has_relation(graph, "Org:3", "10", "OWNS"));
    EXPECT_EQ(graph.relation_count(), 5u);
}

TEST(Neo4jImportSet, MissingEndpointsAreSkippedCountedAndListedWithFileAndLine)
{
    ImportReport report;
    auto graph = folder_set({}, &report);
    EXPECT_EQ(report.skipped_relationships, 2u);
    const auto& warnings = graph.diagnostics();
    auto summary = std::find_if(warnings.begin(), warnings.end(), [](const Diagnostic& warning) {
        return warning.message.find("2 relationship(s) skipped") != std::string::npos;
    });
    ASSERT_NE(summary, warnings.end());
    auto person = std::find_if(warnings.begin(), warnings.end(), [](const Diagnostic& warning) {
        return warning.message.find("'99'") != std::string::npos;
    });
    ASSERT_NE(person, warnings.end());
    EXPECT_TRUE(person->where.file.str().ends_with("memberships.csv"));
    EXPECT_EQ(person->where.line, 4);
    EXPECT_NE(person->message.find("ID space Person"), std::string::npos) << person->message;
    EXPECT_LT(summary - warnings.begin(), person - warnings.begin());
}

TEST(Neo4jImportSet, LabelsBecomeKindsThroughTheMappingAndTheRestStayLabels)
{
    ImportMapping mapping;
    mapping.kinds = {{"legislator", "official"}, {"Committee", "organization"}};
    auto graph = folder_set(mapping);
    const auto& brown = actor_with_id(graph, "Person:1");
    EXPECT_EQ(brown.kind, "official");
    EXPECT_EQ(brown.properties.at("labels"), "Person");
    EXPECT_EQ(actor_with_id(graph, "Org:2").kind, "organization");
    EXPECT_EQ(actor_with_id(graph, "Org:3").kind, "company");  // a built-in kind needs no mapping
    EXPECT_EQ(actor_with_id(graph, "4").kind, "Person");       // unmapped: a custom kind
}

TEST(Neo4jImportSet, CaptionTemplateNamesPeopleAndTheyAreFoundByName)
{
    ImportMapping mapping;
    mapping.caption = "{firstName} {lastName}";
    auto set = scan_import_folder(test_data("neo4j_set"));
    set.nodes.pop_back();  // the organizations have a name column and no firstName
    set.relationships.clear();
    auto graph = read_import_set(set, mapping);
    EXPECT_EQ(graph.actor(graph.resolve("Sherrod Brown")).id, "1");
    EXPECT_EQ(graph.actor(graph.resolve("sherrod brown")).properties.at("born"), "1952-11-09");
}

TEST(Neo4jImportSet, ArraysIgnoredColumnsAndQuotedCellsAreReadAsNeo4jReadsThem)
{
    auto graph = folder_set();
    const auto& lobbyist = actor_with_id(graph, "4");
    EXPECT_EQ(lobbyist.properties.at("roles"), "consultant;\"registered\" lobbyist");
    EXPECT_FALSE(lobbyist.properties.contains("seats"));  // empty cell: absent
    EXPECT_FALSE(actor_with_id(graph, "Person:1").properties.contains("internal_note"));
    EXPECT_EQ(actor_with_id(graph, "Person:1").properties.at("roles"), "senator;committee chair");
}

TEST(Neo4jImportSet, ExplicitGroupsWithHeaderFilesDelimiterQuoteAndArrayDelimiter)
{
    auto folder = test_data("neo4j_admin");
    Neo4jImportSet set;
    set.nodes.push_back(parse_import_group("Movie=" + (folder / "movies_header.csv").string() + "," +
                                           (folder / "movies.csv").string()));
    set.nodes.push_back(parse_import_group("Actor:Person=" + (folder / "actors_header.csv").string() + "," +
                                           (folder / "actors.csv").string()));
    set.relationships.push_back(parse_import_group("ACTED_IN=" + (folder / "roles_header.csv").string() + "," +
                                                   (folder / "roles.csv").string()));
    ImportMapping mapping;
    mapping.csv.delimiter = ';';
    mapping.csv.quote = '\'';
    mapping.csv.array_delimiter = '|';
    ImportReport report;
    auto graph = read_import_set(set, mapping, {}, &report);
    EXPECT_EQ(graph.actor_count(), 6u);
    EXPECT_EQ(graph.relation_count(), 5u);
    EXPECT_EQ(report.skipped_relationships, 1u);  // hugo is in no node file
    const auto& matrix = actor_with_id(graph, "tt0133093");
    EXPECT_EQ(matrix.label, "The Matrix");  // no name column: the title
    EXPECT_EQ(matrix.kind, "Movie");
    EXPECT_EQ(matrix.properties.at("genres"), "Action;Sci-Fi");  // rejoined with the model's ';'
    EXPECT_EQ(actor_with_id(graph, "keanu").properties.at("labels"), "Person");
    EXPECT_TRUE(has_relation(graph, "carrieanne", "tt0133093", "ACTED_IN"));
    for (const auto& relation : graph.relations()) {
        if (graph.actor(relation.source).id == "carrieanne") {
            EXPECT_EQ(relation.properties.at("roles"), "Trinity;'Trin'");
        }
    }
}

TEST(Neo4jImportSet, TypeMapTurnsForeignTypesIntoOursAndKeepsOthers)
{
    ImportMapping mapping;
    mapping.types = {{"owns", "investment"}};
    auto graph = folder_set(mapping);
    EXPECT_TRUE(has_relation(graph, "Org:3", "10", "investment"));
    EXPECT_TRUE(has_relation(graph, "Person:1", "Org:1", "MEMBER_OF"));
}

TEST(Neo4jImportSet, ABadIntegerIsAnErrorNamingFileLineAndColumn)
{
    auto folder = scratch_dir("import_set_bad_int");
    write_file_atomically(folder / "people.csv", "id:ID,name,age:int\na,Ann,41\nb,Bob,forty\n");
    try {
        (void)read_import_set(scan_import_folder(folder));
        FAIL() << "expected an Error";
    } catch (const Error& error) {
        EXPECT_TRUE(error.where().file.str().ends_with("people.csv"));
        EXPECT_EQ(error.where().line, 3);
        EXPECT_NE(error.message().find("age:int"), std::string::npos) << error.message();
    }
}

TEST(Neo4jImportSet, AFolderOfOtherFilesOpensAsAnImportSetThroughTheCsvFolderReader)
{
    auto graph = read_neo4j_csv_folder(test_data("neo4j_set"));
    EXPECT_EQ(graph.actor_count(), 8u);
    EXPECT_EQ(graph.relation_count(), 5u);
    EXPECT_FALSE(is_import_set_folder(test_data("csv/small")));
}

TEST(Neo4jImportSet, AFolderWithoutNodeFilesIsAnError)
{
    auto folder = scratch_dir("import_set_no_nodes");
    write_file_atomically(folder / "links.csv", ":START_ID,:END_ID\na,b\n");
    EXPECT_THROW((void)scan_import_folder(folder), Error);
}

TEST(Neo4jImportSet, ReadingEachFileInTwoHalvesGivesTheSameGraphAndWarnings)
{
    InputLimits halves;
    halves.parallel_csv_bytes = 0;  // every file, however small, is read in two halves on two threads
    auto set = scan_import_folder(test_data("neo4j_set"));
    auto once = read_import_set(set), twice = read_import_set(set, {}, halves);
    testing::expect_same_graph(once, twice);
    ASSERT_EQ(once.diagnostics().size(), twice.diagnostics().size());
    for (std::size_t i = 0; i < once.diagnostics().size(); ++i) {
        EXPECT_EQ(once.diagnostics()[i].to_string(), twice.diagnostics()[i].to_string());
    }
}

TEST(Neo4jImportSet, GroupsParseLabelsAndFilesAsNeo4jAdminTakesThem)
{
    auto group = parse_import_group("Person:Official=a.csv,b.csv");
    EXPECT_EQ(group.names, (std::vector<std::string>{"Person", "Official"}));
    EXPECT_EQ(group.files.size(), 2u);
    EXPECT_TRUE(parse_import_group("c.csv").names.empty());
    EXPECT_THROW((void)parse_import_group("Person="), Error);
}

}  // namespace
}  // namespace actorgraph
