// A CSV file read in two halves on two threads must give exactly what one pass gives: the same actors and
// relations with the same lines, the same warnings in file order, the same error at the same place.
#include "actorgraph/io/neo4j_csv.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <limits>
#include <optional>
#include <random>
#include <string>

#include "actorgraph/generate/synthetic_graph.hpp"
#include "graph_fixtures.hpp"

namespace actorgraph {
namespace {

const std::string relationships_name = "relationships.csv";

// The graph, or the error's text when reading fails.
struct Reading {
    std::optional<Graph> graph;
    std::string error;
};

Reading read(std::string_view nodes, std::string_view relationships, bool in_two_halves, InputLimits limits = {})
{
    limits.parallel_csv_bytes = in_two_halves ? 0 : std::numeric_limits<std::size_t>::max();
    try {
        return {read_neo4j_csv(nodes, "nodes.csv", relationships, relationships_name, limits), {}};
    } catch (const Error& error) {
        return {std::nullopt, error.what()};
    }
}

// Reads both ways and compares everything, locations and warnings included; returns the two-halves reading.
Reading expect_same_reading(std::string_view nodes, std::string_view relationships, const InputLimits& limits = {})
{
    auto one_pass = read(nodes, relationships, false, limits);
    auto two_halves = read(nodes, relationships, true, limits);
    EXPECT_EQ(one_pass.error, two_halves.error);
    EXPECT_EQ(one_pass.graph.has_value(), two_halves.graph.has_value());
    if (!one_pass.graph || !two_halves.graph) return two_halves;
    const auto& expected = *one_pass.graph;
    const auto& actual = *two_halves.graph;
    testing::expect_same_graph(expected, actual, true);
    for (ActorIndex i = 0; i < std::min(expected.actor_count(), actual.actor_count()); ++i) {
        EXPECT_EQ(expected.actor(i).where.line, actual.actor(i).where.line) << "actor " << i;
    }
    for (RelationIndex i = 0; i < std::min(expected.relation_count(), actual.relation_count()); ++i) {
        EXPECT_EQ(expected.relation(i).where.line, actual.relation(i).where.line) << "relation " << i;
        EXPECT_EQ(expected.relation(i).where.file, actual.relation(i).where.file) << "relation " << i;
    }
    EXPECT_EQ(expected.diagnostics().size(), actual.diagnostics().size());
    for (std::size_t i = 0; i < std::min(expected.diagnostics().size(), actual.diagnostics().size()); ++i) {
        EXPECT_EQ(expected.diagnostics()[i].to_string(), actual.diagnostics()[i].to_string());
    }
    return two_halves;
}

constexpr std::string_view three_actors = "id:ID,name,:LABEL\na,A,state\nb,B,company\nc,C,official\n";

std::string plain_records(int count, std::string_view line_end = "\n")
{
    std::string text;
    for (int i = 0; i < count; ++i) {
        text += std::string(i % 2 ? "a,b" : "b,c") + ",investment,note " + std::to_string(i);
        text += line_end;
    }
    return text;
}

TEST(Neo4jRelationshipsInTwoHalves, AGeneratedGraphReadsTheSameAsInOnePass)
{
    auto documents = write_neo4j_csv(generate_synthetic_graph({.actors = 20000, .seed = 7}));
    auto reading = expect_same_reading(documents.nodes, documents.relationships);
    ASSERT_TRUE(reading.graph);
    EXPECT_GT(reading.graph->relation_count(), 60000u);
    // The last relation is on the file's last line: the second half's lines continue the first half's.
    auto lines = std::count(documents.relationships.begin(), documents.relationships.end(), '\n');
    EXPECT_EQ(reading.graph->relations().back().where.line, lines);
}

TEST(Neo4jRelationshipsInTwoHalves, AQuotedCellWithLineBreaksAcrossTheMiddleIsReadWhole)
{
    // The middle of the text, and every line feed after it for a while, is inside one quoted cell,
    // so the second half would start inside it: the first half's reader must read on alone.
    std::string note = "\"first line\n";
    for (int i = 0; i < 400; ++i) note += "a,b,pressure,\"\"not a record\"\"\n";
    note += "\"";
    auto relationships = ":START_ID,:END_ID,:TYPE,note\n" + plain_records(50) + "a,c,pressure," + note + "\n" +
                         plain_records(50);
    auto reading = expect_same_reading(three_actors, relationships);
    ASSERT_TRUE(reading.graph);
    ASSERT_EQ(reading.graph->relation_count(), 101u);
    EXPECT_EQ(reading.graph->relation(50).properties.at("note").substr(0, 11), "first line\n");
    // The long record starts on line 52 and holds 401 line feeds.
    EXPECT_EQ(reading.graph->relation(51).where.line, 52 + 401 + 1);
}

TEST(Neo4jRelationshipsInTwoHalves, UnknownEndpointsInBothHalvesAreWarnedInFileOrder)
{
    std::string relationships = ":START_ID,:END_ID,:TYPE\n";
    for (int i = 0; i < 2000; ++i) relationships += i % 97 == 0 ? "a,ghost" + std::to_string(i) + ",pressure\n" : "a,b,pressure\n";
    auto reading = expect_same_reading(three_actors, relationships);
    ASSERT_TRUE(reading.graph);
    // 21 warnings of one kind: the first 20 kept in file order, the last counted (CappedDiagnostics).
    const auto& warnings = reading.graph->diagnostics();
    ASSERT_EQ(warnings.size(), 21u);
    EXPECT_EQ(finding_count(warnings), 21u);
    EXPECT_EQ(warnings[19].where.line, 2 + 1843);
    EXPECT_NE(warnings[19].message.find("ghost1843"), std::string::npos);
    EXPECT_TRUE(warnings.back().message.starts_with("and 1 more like this")) << warnings.back().message;
}

TEST(Neo4jRelationshipsInTwoHalves, AnErrorInTheSecondHalfNamesItsLine)
{
    auto relationships =
        ":START_ID,:END_ID,:TYPE,note\n" + plain_records(1000) + "a,b,pressure,note,extra\n" + plain_records(10);
    auto reading = expect_same_reading(three_actors, relationships);
    EXPECT_FALSE(reading.graph);
    EXPECT_NE(reading.error.find("relationships.csv:1002: record has 5 fields"), std::string::npos) << reading.error;
}

TEST(Neo4jRelationshipsInTwoHalves, InvalidUtf8InTheSecondHalfNamesItsLine)
{
    auto relationships = ":START_ID,:END_ID,:TYPE,note\n" + plain_records(1000) + "a,b,pressure,\"two\nlines \xff\"\n" +
                         plain_records(10);
    auto reading = expect_same_reading(three_actors, relationships);
    EXPECT_FALSE(reading.graph);
    EXPECT_NE(reading.error.find("relationships.csv:1003: invalid UTF-8"), std::string::npos) << reading.error;
}

TEST(Neo4jNodesInTwoHalves, ADuplicateIdInTheSecondHalfNamesItsLine)
{
    std::string nodes = "id:ID,name,:LABEL\n";
    for (int i = 0; i < 1000; ++i) nodes += "n" + std::to_string(i) + ",\"Name\n" + std::to_string(i) + "\",company\n";
    auto relationships = std::string(":START_ID,:END_ID,:TYPE\nn1,n999,pressure\n");
    auto reading = expect_same_reading(nodes, relationships);
    ASSERT_TRUE(reading.graph);
    EXPECT_EQ(reading.graph->actor(999).where.line, 2 + 2 * 999);
    nodes += "n900,again,company\n";
    reading = expect_same_reading(nodes, relationships);
    EXPECT_FALSE(reading.graph);
    EXPECT_NE(reading.error.find("nodes.csv:2002: duplicate actor id 'n900'"), std::string::npos) << reading.error;
}

TEST(Neo4jRelationshipsInTwoHalves, TheCellLimitCountsBothHalvesTogether)
{
    // 2,000 records of 4 cells: each half alone is under the limit, both together are over it.
    auto relationships = ":START_ID,:END_ID,:TYPE,note\n" + plain_records(2000);
    InputLimits limits;
    limits.max_cells = 6000;
    auto reading = expect_same_reading(three_actors, relationships, limits);
    EXPECT_FALSE(reading.graph);
    EXPECT_NE(reading.error.find("more than 6000 cells"), std::string::npos) << reading.error;
    limits.max_cells = 4 * 2001;
    EXPECT_TRUE(expect_same_reading(three_actors, relationships, limits).graph);
}

// Random records with every kind of line end, blank lines, quoted cells holding commas, quotes and line
// breaks, and unknown endpoints, so the split lands on every kind of place in some of them.
std::string random_relationships(std::mt19937& random)
{
    const std::string ends[] = {"\n", "\r\n", "\r"};
    const std::string cells[] = {"plain", "\"with, comma\"", "\"with \"\"quotes\"\"\"", "\"two\nlines\"",
                                 "\"cr\rlf\r\n\"", "\"\"", "", "2024"};
    const std::string ids[] = {"a", "b", "c", "ghost"};
    auto pick = [&](std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(random); };
    std::string text = ":START_ID,:END_ID,:TYPE,note,year:int\n";
    auto records = 20 + pick(300);
    for (std::size_t i = 0; i < records; ++i) {
        if (pick(20) == 0) text += ends[pick(3)];  // a blank line
        text += ids[pick(4)] + "," + ids[pick(4)] + ",partnership," + cells[pick(8)] + "," + cells[pick(8)];
        text += ends[pick(3)];
    }
    return text;
}

TEST(Neo4jRelationshipsInTwoHalves, RandomRecordsReadTheSameAsInOnePass)
{
    std::mt19937 random(2026);
    for (int round = 0; round < 300; ++round) {
        SCOPED_TRACE("round " + std::to_string(round));
        expect_same_reading(three_actors, random_relationships(random));
    }
}

}  // namespace
}  // namespace actorgraph
