// A write statement's Result::changes, applied through the edit core to the graph as it was, make the graph
// the statement made: checked statement after statement on the bundled graph. The statements keep the edit
// core's rules (nodes with a label for their kind, relations with a source), which check_change enforces.
#include <gtest/gtest.h>

#include <algorithm>

#include "actorgraph/cypher/engine.hpp"
#include "actorgraph/io/dot_reader.hpp"

namespace actorgraph::cypher {
namespace {

std::string properties_text(const Properties& properties)
{
    std::vector<std::string> entries;
    for (const auto& [key, text] : properties) entries.push_back(std::string(key) + "=" + std::string(text));
    std::sort(entries.begin(), entries.end());
    std::string result;
    for (const auto& entry : entries) result += entry + ",";
    return result;
}

// Everything a graph holds, in index order.
std::string describe(const Graph& graph)
{
    std::string text;
    for (const auto& actor : graph.actors()) {
        text += actor.id + "|" + actor.kind.str() + "|" + actor.label + "|";
        for (const auto& alias : actor.aliases) text += alias + ";";
        text += "|" + properties_text(actor.properties) + "\n";
    }
    for (RelationIndex r = 0; r < graph.relation_count(); ++r) {
        const auto& relation = graph.relation(r);
        text += graph.actor(relation.source).id + (graph.is_undirected(r) ? "--" : "->") + graph.actor(relation.target).id +
                "|" + relation.type.str() + "|" + properties_text(relation.properties) + "\n";
    }
    return text;
}

TEST(CypherChanges, AppliedToTheGraphAsItWasTheyMakeTheGraphTheStatementMade)
{
    auto graph = read_dot_file(ACTORGRAPH_SOURCE_DIR "/graphs/nato_mongolia.gv");
    Session session(graph);
    const char* statements[] = {
        "CREATE (:company {id: 'rio', label: 'Rio Tinto', aliases: ['RT'], founded: 1873})",
        "MATCH (a {id: 'rio'}), (b {id: 'mongolia'}) CREATE (a)-[:investment {amount_usd: 1.5e9, year: 2010, source: 'x'}]->(b)",
        "MATCH (n {id: 'rio'}) SET n:Miner, n.label = 'Rio', n.aliases = ['RT', 'Rio Tinto Group'], n.founded = null",
        "MATCH (n {id: 'rio'}) REMOVE n:Miner SET n.id = 'rio_group'",
        "MATCH ()-[r:investment]->() WHERE r.year = 2010 SET r.note = 'checked', r.year = 2011",
        "MERGE (x:official {id: 'someone'}) ON CREATE SET x.since = 2020",
        "MATCH (n {id: 'someone'}) SET n += {title: 'envoy'}, n:Envoy:Person",
        "MATCH (n {id: 'russia'}) DETACH DELETE n",
        "MATCH ({id: 'rio_group'})-[r]->() DELETE r",
        "CREATE (a:X {name: 'anonymous'})-[:T {source: 'notes'}]->(b:X)",
        "MATCH (n {id: 'rio_group'}) DELETE n",
        "MATCH (a {name: 'anonymous'})-[r:T]->(b) DELETE r, a, b",
    };
    for (const char* statement : statements) {
        Graph before = graph;
        auto result = session.run(statement);
        ASSERT_FALSE(result.changes.empty()) << statement;
        for (const auto& change : result.changes) {
            for (const auto& problem : check_change(before, change)) ADD_FAILURE() << statement << ": " << change_to_json(change) << ": " << problem.to_string();
            auto applied = apply_change(before, change);
            EXPECT_FALSE(applied.description.empty());
        }
        EXPECT_EQ(describe(before), describe(graph)) << statement;
    }
}

TEST(CypherChanges, ReadsAndFailedStatementsChangeNothing)
{
    Graph graph;
    Session session(graph);
    EXPECT_TRUE(session.run("CREATE ({id: 'a'}) RETURN 1").changes.size() == 1);
    EXPECT_TRUE(session.run("MATCH (n) RETURN n").changes.empty());
    EXPECT_THROW(session.run("CREATE ({id: 'b'}) WITH 1 AS one CREATE ({id: 'a'})"), Error);
    EXPECT_EQ(graph.actor_count(), 1u);
}

}  // namespace
}  // namespace actorgraph::cypher
