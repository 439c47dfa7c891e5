#include "actorgraph/io/table_import.hpp"

#include <gtest/gtest.h>

#include "actorgraph/io/file_io.hpp"
#include "test_support.hpp"

namespace actorgraph {
namespace {

using testing::scratch_dir;
using testing::test_data;

const Actor& actor_with_id(const Graph& graph, std::string_view id)
{
    auto found = graph.find_by_id(id);
    if (!found) throw std::runtime_error("no actor " + std::string(id));
    return graph.actor(*found);
}

const Relation& relation_between(const Graph& graph, std::string_view from, std::string_view to)
{
    for (const auto& relation : graph.relations()) {
        if (graph.actor(relation.source).id == from && graph.actor(relation.target).id == to) return relation;
    }
    throw std::runtime_error("no relation " + std::string(from) + " -> " + std::string(to));
}

ImportMapping bank_mapping()
{
    ImportMapping mapping;
    mapping.edges.source = "Sender";
    mapping.edges.target = "Receiver";
    mapping.edges.type = "transfer";
    mapping.edges.properties = {{"Date", "date", ValueType::date},
                                {"Amount", "amount", ValueType::number},
                                {"Currency", "", ValueType::text},
                                {"Reference", "", ValueType::text}};
    return mapping;
}

TEST(TableImport, ABankTransferTableBecomesActorsAndDatedAmounts)
{
    TableImportReport report;
    auto graph = import_tables({{}, test_data("tables/bank_transfers.csv")}, bank_mapping(), {}, &report);
    EXPECT_EQ(graph.actor_count(), 3u);
    EXPECT_EQ(graph.relation_count(), 4u);  // the row without a receiver is skipped
    EXPECT_EQ(report.skipped_rows, 1u);
    const auto& first = relation_between(graph, "Acme Holdings Ltd", "Blue Harbor Trading");
    EXPECT_EQ(first.type, "transfer");
    EXPECT_EQ(first.properties.at("date"), "2015-03-25");
    EXPECT_EQ(first.properties.at("amount"), "56898523.47");
    EXPECT_EQ(relation_between(graph, "Blue Harbor Trading", "Northwind Consulting").properties.at("date"), "2015-04-02");
    EXPECT_EQ(relation_between(graph, "Blue Harbor Trading", "Northwind Consulting").properties.at("Reference"),
              "consulting, Q1");
    EXPECT_EQ(relation_between(graph, "Acme Holdings Ltd", "Northwind Consulting").properties.at("amount"), "320000");
}

TEST(TableImport, CellsThatDoNotParseAreKeptAsWrittenAndWarnedWithTheirLine)
{
    TableImportReport report;
    auto graph = import_tables({{}, test_data("tables/bank_transfers.csv")}, bank_mapping(), {}, &report);
    EXPECT_EQ(report.unconverted_cells, 1u);
    EXPECT_EQ(relation_between(graph, "Blue Harbor Trading", "Acme Holdings Ltd").properties.at("date"), "not a date");
    auto warning = std::find_if(graph.diagnostics().begin(), graph.diagnostics().end(), [](const Diagnostic& d) {
        return d.message.find("'not a date' is not a valid date") != std::string::npos;
    });
    ASSERT_NE(warning, graph.diagnostics().end());
    EXPECT_EQ(warning->where.line, 6);
}

TEST(TableImport, LegislatorsGetTemplateCaptionsAndMembershipsLinkThemToCommittees)
{
    ImportMapping mapping;
    mapping.caption = "{first_name} {middle_name} {last_name}";
    mapping.kinds = {{"sen", "official"}};
    mapping.nodes.id = "bioguide_id";
    mapping.nodes.kind_column = "type";
    mapping.nodes.properties = {{"birthday", "born", ValueType::date}, {"state", "", ValueType::text},
                                {"party", "", ValueType::text}};
    mapping.edges.source = "bioguide";
    mapping.edges.target = "committee_id";
    mapping.edges.type = "affiliation";
    mapping.edges.target_kind = "organization";
    TableImportReport report;
    auto graph = import_tables({test_data("tables/legislators.csv"), test_data("tables/committee_membership.csv")},
                               mapping, {}, &report);
    const auto& brown = graph.actor(graph.resolve("Sherrod Brown"));
    EXPECT_EQ(brown.id, "B000944");
    EXPECT_EQ(brown.kind, "official");
    EXPECT_EQ(brown.properties.at("born"), "1952-11-09");
    EXPECT_FALSE(brown.properties.contains("gender"));  // not listed
    EXPECT_EQ(graph.actor(graph.resolve("Benjamin L. Cardin")).id, "C000141");
    EXPECT_EQ(report.created_actors, 4u);  // SSBK, SSEV, SSCM, SSFI
    EXPECT_EQ(actor_with_id(graph, "SSFI").kind, "organization");
    const auto& chair = relation_between(graph, "B000944", "SSBK");
    EXPECT_EQ(chair.type, "affiliation");
    EXPECT_EQ(chair.properties.at("title"), "Chairman");  // unlisted edge columns stay as text
    EXPECT_EQ(graph.relation_count(), 7u);
}

TEST(TableImport, AnEdgeListAloneIsAGraphWithASniffedTab)
{
    TableImportReport report;
    ImportMapping mapping;
    mapping.edges.properties = {{"since", "year", ValueType::integer}, {"weight", "", ValueType::number}};
    auto graph = import_tables({{}, test_data("tables/edge_list.tsv")}, mapping, {}, &report);
    EXPECT_EQ(report.edges_delimiter, '\t');
    EXPECT_EQ(graph.actor_count(), 5u);
    EXPECT_EQ(graph.relation_count(), 4u);
    EXPECT_EQ(relation_between(graph, "Mongolia", "Russia").properties.at("year"), "1921");
    EXPECT_EQ(report.created_actors, 0u);  // no node table: endpoints are the actors, nothing to warn about
    EXPECT_TRUE(graph.diagnostics().empty());
}

TEST(TableImport, AMisspeltColumnIsAnErrorListingTheColumnsWithASuggestion)
{
    ImportMapping mapping;
    mapping.edges.source = "sender";
    mapping.edges.target = "Reciever";
    try {
        (void)import_tables({{}, test_data("tables/bank_transfers.csv")}, mapping);
        FAIL() << "expected an Error";
    } catch (const Error& error) {
        EXPECT_EQ(error.where().line, 1);
        EXPECT_NE(error.message().find("no column 'Reciever'"), std::string::npos) << error.message();
        EXPECT_NE(error.message().find("'Receiver'"), std::string::npos) << error.message();
    }
}

TEST(TableImport, SniffingPrefersTheDelimiterEveryLineAgreesOn)
{
    EXPECT_EQ(sniff_delimiter("a;b;c\n1;2;3\n"), ';');
    EXPECT_EQ(sniff_delimiter("name,notes\n\"Smith; J\",x\n"), ',');
    EXPECT_EQ(sniff_delimiter("a|b\n1|2\n"), '|');
    EXPECT_EQ(sniff_delimiter("single\n"), ',');
}

TEST(TableImport, PreviewShowsTheHeaderFirstRowsAndTheRowCount)
{
    auto preview = preview_table(test_data("tables/legislators.csv"), {}, 2);
    EXPECT_EQ(preview.header.front(), "last_name");
    ASSERT_EQ(preview.rows.size(), 2u);
    EXPECT_EQ(preview.rows[0][1], "Sherrod");
    EXPECT_EQ(preview.total_rows, 5u);
}

TEST(TableImport, ANodeTableKindColumnGoesThroughTheKindMap)
{
    auto folder = scratch_dir("table_import_kinds");
    write_file_atomically(folder / "entities.csv", "id,name,category\nn1,NATO,Alliance\nmn,Mongolia,Country\n");
    ImportMapping mapping;
    mapping.kinds = {{"alliance", "organization"}, {"country", "state"}};
    mapping.nodes.kind_column = "category";
    auto graph = import_tables({folder / "entities.csv", {}}, mapping);
    EXPECT_EQ(actor_with_id(graph, "n1").kind, "organization");
    EXPECT_EQ(actor_with_id(graph, "mn").label, "Mongolia");  // the name column is the caption by default
    EXPECT_EQ(actor_with_id(graph, "mn").kind, "state");
}

}  // namespace
}  // namespace actorgraph
