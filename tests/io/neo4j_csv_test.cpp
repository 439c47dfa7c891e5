#include "actorgraph/io/neo4j_csv.hpp"

#include <gtest/gtest.h>

#include <filesystem>

#include "actorgraph/io/file_io.hpp"
#include "graph_fixtures.hpp"
#include "test_support.hpp"

namespace actorgraph {
namespace {

namespace fs = std::filesystem;
using testing::scratch_dir;
using testing::expect_same_graph;
using testing::sample_graph;
using testing::test_data;

Graph round_trip(const Graph& graph)
{
    auto documents = write_neo4j_csv(graph);
    return read_neo4j_csv(documents.nodes, "nodes.csv", documents.relationships, "relationships.csv");
}

Graph read_inline(std::string_view nodes, std::string_view relationships = ":START_ID,:END_ID,:TYPE\n")
{
    return read_neo4j_csv(nodes, "nodes.csv", relationships, "relationships.csv");
}

const Actor& actor_named(const Graph& graph, std::string_view id)
{
    return graph.actor(*graph.find_by_id(id));
}

// Reads a folder under tests/data/csv that must fail; returns the error.
Error folder_error(const std::string& folder)
{
    try {
        (void)read_neo4j_csv_folder(test_data("csv/" + folder));
    } catch (const Error& error) {
        return error;
    }
    ADD_FAILURE() << "expected an Error for " << folder;
    return Error("none");
}

// --------------------------------------------------------------------------------------------- reading

TEST(Neo4jCsvReader, ReadsTheSmallExample)
{
    auto graph = read_neo4j_csv_folder(test_data("csv/small"));
    ASSERT_EQ(graph.actor_count(), 4u);
    const auto& norway = actor_named(graph, "NO");
    EXPECT_EQ(norway.label, "Kingdom of Norway");
    EXPECT_EQ(norway.kind, "state");
    EXPECT_EQ(norway.aliases, (std::vector<std::string>{"Norway", "NO"}));
    EXPECT_EQ(norway.properties, (Properties{{"description", "Sovereign state, owner of GPFG"}}));
    EXPECT_EQ(actor_named(graph, "EQNR").properties.at("description"), "Norwegian \"state\" oil company");
    EXPECT_EQ(actor_named(graph, "EQNR").properties.at("founded"), "1972");
    EXPECT_EQ(actor_named(graph, "OPEC").properties.at("description"), "Founded in Baghdad\nin September 1960");
    EXPECT_EQ(actor_named(graph, "JD").kind, "official");
    EXPECT_EQ(actor_named(graph, "JD").properties.at("labels"), "Person");
    EXPECT_EQ(actor_named(graph, "OPEC").where.line, 4);
    EXPECT_EQ(actor_named(graph, "JD").where.line, 6);
    EXPECT_NE(actor_named(graph, "JD").where.file.str().find("nodes.csv"), std::string::npos);
    ASSERT_EQ(graph.relation_count(), 3u);
    EXPECT_EQ(graph.relation(0).type, "investment");
    EXPECT_EQ(graph.relation(0).properties,
              (Properties{{"amount_usd", "1.5e9"}, {"source", "https://example.org/report"}, {"year", "2001"}}));
    EXPECT_TRUE(graph.relation(1).properties.empty());
    EXPECT_EQ(graph.relation(2).type, "pressure");
    EXPECT_EQ(graph.relation(2).properties.at("source"), "interview, 2020");
    EXPECT_EQ(graph.relation(2).where.line, 4);
    EXPECT_TRUE(graph.diagnostics().empty());
}

TEST(Neo4jCsvReader, ReadsEachCombinationOfFilledColumnsAndLetsTheLastOfTwoSameNamedColumnsWin)
{
    auto graph = read_inline("id:ID,name,note,year,note\n"
                             "a,A,x,2001,\n"
                             "b,B,,2002,y\n"
                             "c,C,x,,\n"
                             "d,D,,,\n",
                             ":START_ID,:END_ID,:TYPE,year:int,amount_usd:float,source\n"
                             "a,b,investment,2010,5,p. 1\n"
                             "b,c,pressure,,,\"p. 2, fn. 3\"\n"
                             "c,a,investment,2011,,\n");
    EXPECT_EQ(actor_named(graph, "a").properties, (Properties{{"note", "x"}, {"year", "2001"}}));
    EXPECT_EQ(actor_named(graph, "b").properties, (Properties{{"note", "y"}, {"year", "2002"}}));
    EXPECT_EQ(actor_named(graph, "c").properties, (Properties{{"note", "x"}}));
    EXPECT_TRUE(actor_named(graph, "d").properties.empty());
    ASSERT_EQ(graph.relation_count(), 3u);
    EXPECT_EQ(graph.relation(0).properties, (Properties{{"amount_usd", "5"}, {"source", "p. 1"}, {"year", "2010"}}));
    EXPECT_EQ(graph.relation(1).properties, (Properties{{"source", "p. 2, fn. 3"}}));
    EXPECT_EQ(graph.relation(2).properties, (Properties{{"year", "2011"}}));
}

TEST(Neo4jCsvReader, ReadsRecordsWiderThanSixtyFourPropertyColumns)
{
    std::string header = ":START_ID,:END_ID,:TYPE", row = "a,b,investment";
    for (int i = 0; i < 70; ++i) {
        header += ",p" + std::to_string(i);
        row += i % 3 == 0 ? "," : ",v" + std::to_string(i);
    }
    auto graph = read_inline("id:ID\na\nb\n", header + "\n" + row + "\n");
    ASSERT_EQ(graph.relation_count(), 1u);
    const auto& properties = graph.relation(0).properties;
    EXPECT_EQ(properties.size(), 46u);
    EXPECT_EQ(properties.at("p68"), "v68");
    EXPECT_FALSE(properties.contains("p69"));
    EXPECT_FALSE(properties.contains("p0"));
}

TEST(Neo4jCsvReader, IgnoresAByteOrderMarkAndAcceptsCrlf)
{
    auto graph = read_neo4j_csv_folder(test_data("csv/bom_crlf"));
    ASSERT_EQ(graph.actor_count(), 2u);
    EXPECT_EQ(graph.actor(0).id, "A");
    EXPECT_EQ(graph.actor(0).label, "Alpha\r\nCorp");
    EXPECT_EQ(graph.actor(1).where.line, 4);
    ASSERT_EQ(graph.relation_count(), 2u);
    EXPECT_EQ(graph.relation(0).properties.at("note"), "multi\r\nline, note");
    EXPECT_EQ(graph.relation(1).type, "pressure");
    EXPECT_EQ(graph.relation(1).where.line, 4);
}

TEST(Neo4jCsvReader, KeepsLineNumbersAcrossEmbeddedNewlinesAndLineEndStyles)
{
    auto graph = read_inline("id:ID,name\r\na,\"x\ny\rz\r\nw\"\rb,B\n\nc,C");
    EXPECT_EQ(actor_named(graph, "a").label, "x\ny\rz\r\nw");
    EXPECT_EQ(actor_named(graph, "a").where.line, 2);
    EXPECT_EQ(actor_named(graph, "b").where.line, 6);
    EXPECT_EQ(actor_named(graph, "c").where.line, 8);
}

TEST(Neo4jCsvReader, AcceptsHeaderVariants)
{
    auto graph = read_inline(":ID(Actors),label,:LABEL,aliases,skip:IGNORE,size:long\nx,Ex,STATE,One; Two ;,zzz,3\n",
                             ":START_ID(Actors),:END_ID(Actors),:TYPE,weight:double\nx,x,PARTNERSHIP,0.5\n");
    const auto& x = actor_named(graph, "x");
    EXPECT_EQ(x.label, "Ex");
    EXPECT_EQ(x.kind, "state");
    EXPECT_EQ(x.aliases, (std::vector<std::string>{"One", "Two"}));
    EXPECT_EQ(x.properties, (Properties{{"size", "3"}}));
    EXPECT_EQ(graph.relation(0).type, "partnership");
    EXPECT_EQ(graph.relation(0).properties, (Properties{{"weight", "0.5"}}));
}

TEST(Neo4jCsvReader, TakesTheLabelFromNameBeforeLabel)
{
    auto graph = read_inline("id:ID,label,name\nx,Short,Long name\n");
    EXPECT_EQ(actor_named(graph, "x").label, "Long name");
    EXPECT_EQ(actor_named(graph, "x").properties.at("label"), "Short");
    auto typed = read_inline("id:ID,name:string\nx,Typed\n");
    EXPECT_EQ(actor_named(typed, "x").label, "Typed");
}

TEST(Neo4jCsvReader, TreatsEmptyCellsAsAbsentAndQuotedEmptyCellsAsEmpty)
{
    auto graph = read_inline("id:ID,a,b\nx,,\"\"\n");
    EXPECT_EQ(actor_named(graph, "x").properties, (Properties{{"b", ""}}));
}

TEST(Neo4jCsvReader, KeepsUnknownKindsAndTypesVerbatim)
{
    auto graph = read_inline("id:ID,:LABEL\nx,Think Tank\ny,Company\n", ":START_ID,:END_ID,:TYPE\nx,y,ADVISES\n");
    EXPECT_EQ(actor_named(graph, "x").kind, "Think Tank");
    EXPECT_EQ(actor_named(graph, "y").kind, "company");
    EXPECT_EQ(graph.relation(0).type, "ADVISES");
}

TEST(Neo4jCsvReader, SkipsARelationshipWithAnUnknownEndpointWithAWarning)
{
    auto graph = read_neo4j_csv_folder(test_data("csv/unknown_endpoint"));
    ASSERT_EQ(graph.relation_count(), 2u);
    EXPECT_EQ(graph.relation(1).type, "partnership");
    ASSERT_EQ(graph.diagnostics().size(), 1u);
    const auto& warning = graph.diagnostics().front();
    EXPECT_NE(warning.where.file.str().find("relationships.csv"), std::string::npos);
    EXPECT_EQ(warning.where.line, 3);
    EXPECT_EQ(warning.message,
              "relationship from 'a' to 'ghost': unknown endpoint 'ghost' (not in nodes.csv); skipped");
}

// --------------------------------------------------------------------------------------------- malformed

TEST(Neo4jCsvReader, RejectsARecordWithTheWrongNumberOfFields)
{
    auto error = folder_error("wrong_field_count");
    EXPECT_NE(error.where().file.str().find("nodes.csv"), std::string::npos);
    EXPECT_EQ(error.where().line, 4);
    EXPECT_NE(error.message().find("4 fields"), std::string::npos) << error.what();
    EXPECT_NE(error.message().find("header has 3"), std::string::npos) << error.what();
}

TEST(Neo4jCsvReader, RejectsAnUnterminatedQuoteAtTheLineItOpens)
{
    auto error = folder_error("unterminated_quote");
    EXPECT_NE(error.where().file.str().find("nodes.csv"), std::string::npos);
    EXPECT_EQ(error.where().line, 3);
    EXPECT_NE(error.message().find("unterminated"), std::string::npos);
}

TEST(Neo4jCsvReader, RejectsAMissingIdColumnOnLineOne)
{
    auto error = folder_error("missing_id_column");
    EXPECT_NE(error.where().file.str().find("nodes.csv"), std::string::npos);
    EXPECT_EQ(error.where().line, 1);
    EXPECT_NE(error.message().find("id:ID"), std::string::npos);
}

TEST(Neo4jCsvReader, RejectsAMissingEndColumnOnLineOne)
{
    auto error = folder_error("missing_end_column");
    EXPECT_NE(error.where().file.str().find("relationships.csv"), std::string::npos);
    EXPECT_EQ(error.where().line, 1);
    EXPECT_NE(error.message().find(":END_ID"), std::string::npos);
}

TEST(Neo4jCsvReader, RejectsADuplicateIdAtItsLine)
{
    auto error = folder_error("duplicate_id");
    EXPECT_NE(error.where().file.str().find("nodes.csv"), std::string::npos);
    EXPECT_EQ(error.where().line, 4);
    EXPECT_NE(error.message().find("duplicate"), std::string::npos);
}

TEST(Neo4jCsvReader, RejectsInvalidUtf8AtItsLine)
{
    auto error = folder_error("invalid_utf8");
    EXPECT_NE(error.where().file.str().find("nodes.csv"), std::string::npos);
    EXPECT_EQ(error.where().line, 3);
    EXPECT_EQ(error.message(), "invalid UTF-8");
}

TEST(Neo4jCsvReader, ReadsUtf8InPlainCellsOfAnyLengthAndRejectsInvalidBytesAtTheirLine)
{
    // Cells shorter and longer than a word, with multi-byte characters across word boundaries.
    auto graph = read_inline("id:ID,name,:LABEL\nz,Zürich,company\nb,北京市人民政府外事办公室,organization\n"
                             "u,Ulaanbaatar Mongolia \xC3\x96v\xC3\xB6rkhangai,state\n");
    EXPECT_EQ(actor_named(graph, "z").label, "Zürich");
    EXPECT_EQ(actor_named(graph, "b").label, "北京市人民政府外事办公室");
    EXPECT_EQ(actor_named(graph, "u").label, "Ulaanbaatar Mongolia Övörkhangai");
    for (std::string bad : {"x\xFF", "twelve bytes\xC3", "ab\xE2\x82", "\x80" "abcdefghijkl", "abcdefgh\xED\xA0\x80"}) {
        try {
            (void)read_inline("id:ID,name\nok,fine\nx," + bad + "\n");
            ADD_FAILURE() << "accepted " << bad;
        } catch (const Error& error) {
            EXPECT_EQ(error.where().line, 3) << bad;
            EXPECT_EQ(error.message(), "invalid UTF-8") << bad;
        }
    }
}

TEST(Neo4jCsvReader, RejectsTextAfterAClosingQuote)
{
    try {
        (void)read_inline("id:ID,name\nx,\"a\nb\"c\n");
        FAIL() << "expected an Error";
    } catch (const Error& error) {
        EXPECT_EQ(error.where().file, "nodes.csv");
        EXPECT_EQ(error.where().line, 3);
    }
}

TEST(Neo4jCsvReader, RejectsAFolderWithoutRelationshipsNamingTheFile)
{
    auto folder = scratch_dir("csv_missing_file");
    write_file_atomically(folder / "nodes.csv", "id:ID\na\n");
    try {
        (void)read_neo4j_csv_folder(folder);
        FAIL() << "expected an Error";
    } catch (const Error& error) {
        EXPECT_EQ(error.where().file, (folder / "relationships.csv").string());
    }
}

// --------------------------------------------------------------------------------------------- writing

TEST(Neo4jCsvRoundTrip, KeepsActorsRelationsKindsTypesAndProperties)
{
    auto graph = sample_graph();
    expect_same_graph(graph, round_trip(graph));
}

TEST(Neo4jCsvRoundTrip, KeepsHostileStrings)
{
    Graph graph;
    const std::string hostile = "a,b \"quoted\" ,\n\r\n\r\t<script>&amp; \u00e9 \U0001F600 \x01\x7f";
    graph.add_actor({"id, with \"comma\"", hostile, "custom kind", {"x,y", "\"q\""}, {{"description", hostile}}, {}});
    graph.add_actor({" padded ", " ", "", {}, {{"empty", ""}, {"spaces", "  "}, {"nul", std::string("a\0b", 3)}}, {}});
    graph.add_relation({0, 1, hostile, {{"note", hostile}, {"", "nameless"}, {"a,b \"c\" ", "named"}}, {}});
    graph.add_relation({1, 0, " type ", {{"empty", ""}}, {}});
    expect_same_graph(graph, round_trip(graph));
}

TEST(Neo4jCsvRoundTrip, KeepsPropertyNamesThatLookLikeHeaders)
{
    Graph graph;
    graph.add_actor(
        {"x",
         "X",
         "state",
         {"Ex"},
         {{"name", "p1"}, {"label", "p2"}, {"aliases", "p3"}, {"a:int", "p4"}, {"b:ID", "p5"}, {"labels", "p6"}},
         {}});
    graph.add_relation({0, 0, "pressure", {{":TYPE", "p7"}, {"c:string[]", "p8"}}, {}});
    expect_same_graph(graph, round_trip(graph));
}

TEST(Neo4jCsvRoundTrip, ThroughAFolderThatDoesNotExistYet)
{
    auto folder = scratch_dir("csv_save") / "new" / "graph";
    save_neo4j_csv_folder(sample_graph(), folder);
    EXPECT_TRUE(fs::exists(folder / "nodes.csv"));
    expect_same_graph(sample_graph(), read_neo4j_csv_folder(folder));
}

TEST(Neo4jCsvWriter, WritesTheNeo4jLayoutDeterministically)
{
    auto documents = write_neo4j_csv(sample_graph());
    EXPECT_EQ(documents.nodes,
              "id:ID,name,:LABEL,aliases:string[],confidence,description,note,source,year:int\n"
              "NO,Kingdom of Norway,state,Norway;NO,,Sovereign state,,,1905\n"
              "EQNR,Equinor ASA,company,Statoil,high,,,https://example.org,\n"
              "IEA,,think tank,,,,custom kind,,\n"
              "JD,Jane Doe,official,,,,,,\n");
    EXPECT_EQ(documents.relationships,
              ":START_ID,:END_ID,:TYPE,amount_usd,confidence,note,since:int,source,until:int,year:int\n"
              "NO,EQNR,investment,1.5e9,,,,annual report,,2001\n"
              "JD,NO,affiliation,,0.8,,2015,,2020,\n"
              "IEA,NO,advises,,,custom type,,,,\n"
              "NO,EQNR,pressure,,,,,,,\n"
              "EQNR,EQNR,,unknown,,,,,,\n");
    auto again = write_neo4j_csv(sample_graph());
    EXPECT_EQ(documents.nodes, again.nodes);
    EXPECT_EQ(documents.relationships, again.relationships);
}

TEST(Neo4jCsvWriter, TypesAmountAsFloatWhenEveryValueParses)
{
    Graph graph;
    graph.add_actor({"a", "", "", {}, {}, {}});
    graph.add_relation({0, 0, "investment", {{"amount_usd", "2e6"}}, {}});
    EXPECT_EQ(write_neo4j_csv(graph).relationships, ":START_ID,:END_ID,:TYPE,amount_usd:float\na,a,investment,2e6\n");
}

TEST(Neo4jCsvWriter, RefusesKindsAndAliasesThatWouldNotReadBack)
{
    for (const char* alias : {"a;b", " padded", ""}) {
        Graph graph;
        graph.add_actor({"x", "", "", {alias}, {}, {}});
        EXPECT_THROW((void)write_neo4j_csv(graph), Error) << alias;
    }
    Graph graph;
    graph.add_actor({"x", "", "state;company", {}, {}, {}});
    try {
        (void)write_neo4j_csv(graph);
        FAIL() << "expected an Error";
    } catch (const Error& error) {
        EXPECT_NE(error.message().find("actor 'x'"), std::string::npos);
    }
}

TEST(Neo4jCsvWriter, RefusesInvalidUtf8)
{
    Graph graph;
    graph.add_actor({"x", "bad \xc3(", "", {}, {}, {}});
    EXPECT_THROW((void)write_neo4j_csv(graph), Error);
}

}  // namespace
}  // namespace actorgraph
