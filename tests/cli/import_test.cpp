// End-to-end tests of `actorgraph import`: Neo4j import sets and plain tables through the mapping.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "actorgraph/io/file_format.hpp"
#include "actorgraph/io/import_mapping.hpp"
#include "cli/cli_runner.hpp"
#include "graph_fixtures.hpp"

namespace actorgraph {
namespace {

namespace fs = std::filesystem;
using testing::run_cli_in;
using testing::scratch_dir;
using testing::test_data;

const Relation* find_relation(const Graph& graph, std::string_view from, std::string_view to)
{
    for (const auto& relation : graph.relations()) {
        if (graph.actor(relation.source).id == from && graph.actor(relation.target).id == to) return &relation;
    }
    return nullptr;
}

TEST(CliImport, AFolderImportSetIsMappedCaptionedAndWrittenWithItsSkippedRelationshipsReported)
{
    auto out = scratch_dir("cli_import_set") / "set.graphml";
    auto run = run_cli_in(test_data(""), {"import", "neo4j_set", "--kind-map", "Legislator=official,Committee=organization",
                                          "--type-map", "OWNS=investment", "--caption-from", "{firstName} {lastName}",
                                          "-o", out.string()});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    EXPECT_NE(run.out.find("8 actors, 5 relations"), std::string::npos) << run.out;
    EXPECT_NE(run.out.find("2 relationship(s) skipped"), std::string::npos) << run.out;
    EXPECT_NE(run.out.find("neo4j_set/memberships.csv:4: warning: relationship from '99'"), std::string::npos) << run.out;
    auto graph = load_graph(out);
    const auto& brown = graph.actor(graph.resolve("Sherrod Brown"));
    EXPECT_EQ(brown.kind, "official");
    EXPECT_EQ(graph.actor(graph.resolve("Senate Committee on Banking")).kind, "organization");
    ASSERT_NE(find_relation(graph, "Org:3", "10"), nullptr);
    EXPECT_EQ(find_relation(graph, "Org:3", "10")->type, "investment");
}

TEST(CliImport, TheExplicitNeo4jAdminFormTakesHeaderFilesLabelsTypeAndDialect)
{
    auto out = scratch_dir("cli_import_admin") / "movies.gv";
    auto run = run_cli_in(test_data("neo4j_admin"),
                          {"import", "--delimiter", ";", "--array-delimiter", "U+007C", "--quote", "'",
                           "--nodes=Movie=movies_header.csv,movies.csv", "--nodes=Actor:Person=actors_header.csv,actors.csv",
                           "--relationships=ACTED_IN=roles_header.csv,roles.csv", "-o", out.string()});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    EXPECT_NE(run.out.find("roles.csv:6: warning: relationship from 'hugo'"), std::string::npos) << run.out;
    auto graph = load_graph(out);
    EXPECT_EQ(graph.actor_count(), 6u);
    EXPECT_EQ(graph.relation_count(), 5u);
    EXPECT_EQ(graph.actor(graph.resolve("The Matrix")).properties.at("genres"), "Action;Sci-Fi");
}

TEST(CliImport, ABankTableMappingIsSavedAndReusedWithTheSameResult)
{
    auto folder = scratch_dir("cli_import_bank");
    auto mapping = folder / "bank.json";
    auto run = run_cli_in(test_data("tables"),
                          {"import", "--edge-table", "bank_transfers.csv", "--source", "Sender", "--target", "Receiver",
                           "--type", "transfer", "--edge-property", "Date:date", "--edge-property",
                           "Amount:number=amount_usd", "--source-kind", "company", "--target-kind", "company",
                           "--save-mapping", mapping.string(), "-o", (folder / "first.gv").string()});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    EXPECT_NE(run.out.find("bank_transfers.csv:5: warning: row without a target"), std::string::npos) << run.out;
    auto saved = load_mapping(mapping);
    EXPECT_EQ(saved.edges.source, "Sender");
    EXPECT_EQ(saved.edges.properties.at(1).name, "amount_usd");
    auto again = run_cli_in(test_data("tables"), {"import", "--mapping", mapping.string(), "--edge-table",
                                                  "bank_transfers.csv", "-o", (folder / "second.gv").string()});
    ASSERT_EQ(again.exit_code, 0) << again.err;
    auto first = load_graph(folder / "first.gv"), second = load_graph(folder / "second.gv");
    testing::expect_same_graph(first, second);
    const auto* transfer = find_relation(second, "Acme Holdings Ltd", "Blue Harbor Trading");
    ASSERT_NE(transfer, nullptr);
    EXPECT_EQ(transfer->properties.at("amount_usd"), "56898523.47");
    EXPECT_EQ(transfer->properties.at("Date"), "2015-03-25");
}

TEST(CliImport, LegislatorsAreFoundByTheirNamesAfterImport)
{
    auto out = scratch_dir("cli_import_legislators");
    auto run = run_cli_in(test_data("tables"),
                          {"import", "--node-table", "legislators.csv", "--edge-table", "committee_membership.csv",
                           "--id", "bioguide_id", "--caption-from", "{first_name} {middle_name} {last_name}",
                           "--kind-column", "type", "--kind-map", "sen=official", "--source", "bioguide", "--target",
                           "committee_id", "--type", "affiliation", "--target-kind", "organization", "-o",
                           out.string()});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    EXPECT_NE(run.out.find("9 actors, 7 relations"), std::string::npos) << run.out;
    auto path = run_cli_in(test_data(""), {"neighbors", out.string(), "Sherrod Brown"});
    EXPECT_EQ(path.exit_code, 0) << path.err;
    EXPECT_NE(path.out.find("SSBK"), std::string::npos) << path.out;
}

TEST(CliImport, PreviewShowsFirstRowsCountsAndWarningsAndWritesNothing)
{
    auto run = run_cli_in(test_data("tables"), {"import", "--edge-table", "edge_list.tsv", "--preview"});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    EXPECT_NE(run.out.find("edge_list.tsv: 4 rows, delimiter TAB"), std::string::npos) << run.out;
    EXPECT_NE(run.out.find("Mongolia"), std::string::npos);
    EXPECT_NE(run.out.find("5 actors, 4 relations"), std::string::npos) << run.out;
}

TEST(CliImport, MistakesAreErrorsNamingTheFileAndTheColumns)
{
    auto misspelt = run_cli_in(test_data("tables"), {"import", "--edge-table", "bank_transfers.csv", "--source",
                                                     "Sendr", "--target", "Receiver", "--preview"});
    EXPECT_EQ(misspelt.exit_code, 2);
    EXPECT_NE(misspelt.err.find("bank_transfers.csv:1: no column 'Sendr'"), std::string::npos) << misspelt.err;
    EXPECT_NE(misspelt.err.find("'Sender'"), std::string::npos) << misspelt.err;
    auto nothing = run_cli_in(test_data("tables"), {"import", "-o", "x.gv"});
    EXPECT_EQ(nothing.exit_code, 2);
    EXPECT_NE(nothing.err.find("nothing to import"), std::string::npos) << nothing.err;
    auto bad_map = run_cli_in(test_data(""), {"import", "neo4j_set", "--kind-map", "Legislator", "--preview"});
    EXPECT_EQ(bad_map.exit_code, 2);
    EXPECT_NE(bad_map.err.find("--kind-map"), std::string::npos) << bad_map.err;
}

TEST(CliImport, AGraphFileIsMappedOntoOurVocabularyWithCaptionsAndTheMappingSavedForNextTime)
{
    auto dir = scratch_dir("cli_import_graph_file");
    auto out = dir / "people.gv";
    auto mapping = dir / "people.json";
    auto run = run_cli_in(test_data("graphml"), {"import", "neo4j_export.graphml", "--kind-map", "Legislator=official",
                                                 "--type-map", "MEMBER_OF=affiliation", "--caption-from",
                                                 "{firstName} {lastName}", "--save-mapping", mapping.string(),
                                                 "-o", out.string()});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    EXPECT_NE(run.out.find("4 actors, 3 relations"), std::string::npos) << run.out;
    auto graph = load_graph(out);
    EXPECT_EQ(graph.actor(graph.resolve("Sherrod Brown")).kind, "official");
    ASSERT_NE(find_relation(graph, "n1", "n2"), nullptr);
    EXPECT_EQ(find_relation(graph, "n1", "n2")->type, "affiliation");

    auto again = run_cli_in(test_data("graphml"), {"import", "neo4j_export.graphml", "--mapping", mapping.string(),
                                                   "-o", (dir / "again.gv").string()});
    ASSERT_EQ(again.exit_code, 0) << again.err;
    EXPECT_EQ(load_graph(dir / "again.gv").find_by_name("Susan Collins").size(), 1u) << "the saved mapping alone";

    auto typo = run_cli_in(test_data("graphml"), {"import", "neo4j_export.graphml", "--kind-map", "Legislater=official",
                                                  "-o", (dir / "typo.gv").string()});
    EXPECT_NE(typo.exit_code, 0);
    EXPECT_NE(typo.err.find("Did you mean 'Legislator'"), std::string::npos) << typo.err;
    EXPECT_FALSE(fs::exists(dir / "typo.gv")) << "nothing is written on an error";
}

}  // namespace
}  // namespace actorgraph
