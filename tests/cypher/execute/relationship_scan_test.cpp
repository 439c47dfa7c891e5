// A pattern `()-[r:T]->(b)` whose first node is free is matched by scanning the relationships in storage order
// (matcher.cpp, scan_relationships); the same pattern started from a bound node walks each actor's adjacency.
// Both must give the same rows (as multisets: a scan finds them in another order).
#include <gtest/gtest.h>

#include <algorithm>

#include "actorgraph/cypher/output.hpp"
#include "actorgraph/generate/synthetic_graph.hpp"
#include "cypher/session_fixture.hpp"

namespace actorgraph::cypher {
namespace {

class CypherRelationshipScan : public CypherSessionTest {
protected:
    // The scanned pattern against the same pattern from an already bound first node (the adjacency walk).
    void expect_scan_equals_walk(const std::string& pattern, const std::string& rest)
    {
        auto scanned = sorted_rows_of("MATCH " + pattern + " " + rest);
        auto walked = sorted_rows_of("MATCH (a) MATCH " + pattern + " " + rest);
        EXPECT_EQ(scanned, walked) << pattern << " " << rest;
        EXPECT_FALSE(scanned.empty()) << pattern << " " << rest;
    }
};

TEST_F(CypherRelationshipScan, FindsTheRowsTheAdjacencyWalkFindsInBothDirectionsWithTypesAndProperties)
{
    run("CREATE (x:S {id: 'x'})-[:INVESTS {amount_usd: 5e8}]->(y:C {id: 'y'}), (y)-[:INVESTS {amount_usd: 10}]->(x), "
        "(x)-[:PRESSURES]->(x), (y)-[:PARTNERS {year: 2010}]->(z:C {id: 'z'}), (z)-[:INVESTS]->(y), (x)-[:INVESTS]->(z)");
    for (const auto* arrow : {"-[r]->", "<-[r]-", "-[r:INVESTS]->", "<-[r:INVESTS|PRESSURES]-", "-[r {year: 2010}]->"}) {
        auto pattern = std::string("(a)") + arrow + "(b)";
        expect_scan_equals_walk(pattern, "RETURN a.id, type(r), b.id, r.amount_usd");
    }
    expect_scan_equals_walk("(a)-[r:INVESTS]->(b:C)", "RETURN a.id, b.id");
    expect_scan_equals_walk("(a)-[r:INVESTS]->(b)", "WHERE r.amount_usd > 1e8 RETURN a.id, b.id");
    expect_scan_equals_walk("p = (a)-[r]->(b)", "RETURN [n IN nodes(p) | n.id], length(p)");
    expect_scan_equals_walk("(a)-[r]->(b)", "RETURN b.id, count(*) AS n, sum(r.amount_usd) AS total");
    // The self-loop is met once, as the adjacency meets it.
    EXPECT_EQ(single("MATCH ()-[r:PRESSURES]->() RETURN count(*)").as_integer(), 1);
}

TEST_F(CypherRelationshipScan, LeavesRelationshipsDeletedEarlierInTheStatementOut)
{
    run("CREATE (:A {id: 'a'})-[:T]->(:B {id: 'b'}), (:A {id: 'c'})-[:T]->(:B {id: 'd'})");
    auto left = single("MATCH ({id: 'a'})-[r:T]->() DELETE r WITH count(*) AS gone MATCH ()-[s:T]->() RETURN count(s)");
    EXPECT_EQ(left.as_integer(), 1);
}

TEST_F(CypherRelationshipScan, AnswersAsTheWalkOnAGeneratedGraph)
{
    graph = generate_synthetic_graph({2000, 4.0, 3});
    expect_scan_equals_walk("(a)-[r:investment]->(b)", "WHERE r.amount_usd > 1e7 RETURN a.id, b.id, r.amount_usd");
    expect_scan_equals_walk("(a)<-[r:affiliation]-(b:official)", "RETURN a.id, b.id");
    expect_scan_equals_walk("(a)-[r:investment]->(b)", "RETURN b.id AS id, sum(r.amount_usd) AS total");
}

}  // namespace
}  // namespace actorgraph::cypher
