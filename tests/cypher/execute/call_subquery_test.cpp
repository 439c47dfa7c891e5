// CALL { ... } run on a graph: once per row, correlated only through an importing WITH, returning subqueries
// multiplying the rows, unit subqueries writing and passing the rows on, UNION inside, and writes that are
// undone with the statement.
#include <gtest/gtest.h>

#include "actorgraph/cypher/output.hpp"
#include "cypher/session_fixture.hpp"

namespace actorgraph::cypher {
namespace {

class CypherCallSubquery : public CypherSessionTest {
protected:
    void SetUp() override
    {
        run("CREATE (a:A {name: 'a'})-[:R]->(:B {name: 'b', v: 1}), (a)-[:R]->(:B {name: 'c', v: 2}), (:A {name: 'z'})");
    }

    std::vector<std::string> texts(const std::string& statement)
    {
        std::vector<std::string> found;
        for (const auto& row : run(statement).rows) {
            std::string line;
            for (const auto& value : row) line += (line.empty() ? "" : ",") + to_cypher_text(session, value);
            found.push_back(line);
        }
        return found;
    }
};

TEST_F(CypherCallSubquery, AReturningSubqueryMultipliesEachRowByItsRows)
{
    EXPECT_EQ(texts("MATCH (n:A) CALL { WITH n MATCH (n)-->(m) RETURN m.name AS m } RETURN n.name, m ORDER BY m"),
              (std::vector<std::string>{"'a','b'", "'a','c'"}));
    // A row the subquery returns nothing for is dropped (z has no neighbours).
    EXPECT_EQ(texts("MATCH (n:A) CALL { WITH n MATCH (n)-->(m) RETURN count(m) AS k } RETURN n.name, k ORDER BY n.name"),
              (std::vector<std::string>{"'a',2", "'z',0"}));
}

TEST_F(CypherCallSubquery, WithoutAnImportingWithTheSubqueryIsUncorrelated)
{
    // Each of the two rows runs the subquery afresh; its own `n` is not the outer one.
    EXPECT_EQ(texts("MATCH (x:A) CALL { MATCH (n:B) RETURN n.name AS b } RETURN x.name, b ORDER BY x.name, b"),
              (std::vector<std::string>{"'a','b'", "'a','c'", "'z','b'", "'z','c'"}));
    EXPECT_EQ(texts("UNWIND [1, 2] AS i CALL { RETURN 10 AS t } RETURN i + t AS s"), (std::vector<std::string>{"11", "12"}));
}

TEST_F(CypherCallSubquery, WithStarImportsEverything)
{
    EXPECT_EQ(texts("WITH 2 AS k MATCH (n:B) CALL { WITH * RETURN n.v * k AS d } RETURN d ORDER BY d"),
              (std::vector<std::string>{"2", "4"}));
}

TEST_F(CypherCallSubquery, UnionInsideJoinsTheSidesPerRow)
{
    EXPECT_EQ(texts("MATCH (n:A {name: 'a'}) CALL { WITH n MATCH (n)-->(m) RETURN m.v AS x UNION RETURN 1 AS x } "
                    "RETURN x ORDER BY x"),
              (std::vector<std::string>{"1", "2"}));
    EXPECT_EQ(texts("MATCH (n:A {name: 'a'}) CALL { WITH n MATCH (n)-->(m) RETURN m.v AS x UNION ALL RETURN 1 AS x } "
                    "RETURN x ORDER BY x"),
              (std::vector<std::string>{"1", "1", "2"}));
}

TEST_F(CypherCallSubquery, AUnitSubqueryWritesAndPassesTheRowsOn)
{
    auto result = run("MATCH (n:B) CALL { WITH n SET n.seen = true CREATE (:Log {of: n.name}) } RETURN n.name ORDER BY n.name");
    ASSERT_EQ(result.rows.size(), 2u);
    EXPECT_EQ(result.stats.nodes_created, 2);
    EXPECT_EQ(result.stats.properties_set, 4);
    EXPECT_EQ(single("MATCH (n:B) WHERE n.seen RETURN count(n) AS c").as_integer(), 2);
    // A statement may end with a unit subquery.
    auto ended = run("MATCH (n:Log) CALL { WITH n DETACH DELETE n }");
    EXPECT_TRUE(ended.columns.empty());
    EXPECT_EQ(ended.stats.nodes_deleted, 2);
}

TEST_F(CypherCallSubquery, LaterRowsSeeTheWritesOfEarlierOnes)
{
    auto result = run("UNWIND [1, 2, 3] AS i CALL { MERGE (c:Counter) ON CREATE SET c.n = 0 SET c.n = c.n + 1 RETURN c.n AS n } "
                      "RETURN n");
    ASSERT_EQ(result.rows.size(), 3u);
    EXPECT_EQ(result.rows[2][0].as_integer(), 3);
}

TEST_F(CypherCallSubquery, AFailureAfterTheSubqueryUndoesItsWrites)
{
    auto error = error_of("MATCH (n:B) CALL { WITH n CREATE (:Made) } WITH n RETURN n.name + 1 / 0 AS boom");
    EXPECT_EQ(error.phase(), Phase::runtime);
    EXPECT_EQ(single("MATCH (m:Made) RETURN count(m) AS c").as_integer(), 0);
}

TEST_F(CypherCallSubquery, NoInputRowKeepsTheReturnedColumns)
{
    auto result = run("MATCH (n:Missing) CALL { RETURN 1 AS one } RETURN n, one");
    EXPECT_TRUE(result.rows.empty());
    EXPECT_EQ(result.columns, (std::vector<std::string>{"n", "one"}));
}

}  // namespace
}  // namespace actorgraph::cypher
