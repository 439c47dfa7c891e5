// EXISTS, COUNT and COLLECT { ... } run on a graph: correlated with the row they are evaluated on, in WHERE and
// as values, the short and the full form, nested, with aggregation inside, parameters and the three-valued
// logic around them.
#include <gtest/gtest.h>

#include "cypher/session_fixture.hpp"

namespace actorgraph::cypher {
namespace {

class CypherSubquery : public CypherSessionTest {
protected:
    void SetUp() override
    {
        run("CREATE (a:A {name: 'a', prop: 1})-[:R]->(b:B {name: 'b', prop: 1}), (a)-[:R]->(:C {name: 'c', prop: 2}), "
            "(a)-[:R]->(d:D {name: 'd', prop: 3}), (b)-[:S]->(d)");
    }

    std::vector<std::string> names(const std::string& statement)
    {
        std::vector<std::string> found;
        for (const auto& row : run(statement).rows) found.push_back(row.at(0).as_string());
        return found;
    }
};

TEST_F(CypherSubquery, TheShortFormKeepsTheRowsWhosePatternExists)
{
    EXPECT_EQ(names("MATCH (n) WHERE exists { (n)-->() } RETURN n.name ORDER BY n.name"),
              (std::vector<std::string>{"a", "b"}));
    EXPECT_EQ(names("MATCH (n) WHERE exists { (n)-[:S]->() } RETURN n.name"), (std::vector<std::string>{"b"}));
    EXPECT_EQ(names("MATCH (n) WHERE exists { (n)-[:NA]->() } RETURN n.name"), std::vector<std::string>{});
}

TEST_F(CypherSubquery, TheWhereInsideReadsBothScopes)
{
    EXPECT_EQ(names("MATCH (n) WHERE exists { (n)-->(m) WHERE n.prop = m.prop } RETURN n.name"),
              (std::vector<std::string>{"a"}));
    EXPECT_EQ(names("MATCH (n) WHERE exists { (n)-[r]->() WHERE type(r) = 'NA' } RETURN n.name"), std::vector<std::string>{});
}

TEST_F(CypherSubquery, TheFullFormRunsItsClausesFromTheRow)
{
    EXPECT_EQ(names("MATCH (n) WHERE exists { MATCH (n)-->(m) WITH n, count(*) AS c WHERE c = 3 RETURN true } "
                    "RETURN n.name"),
              (std::vector<std::string>{"a"}));
    EXPECT_EQ(names("MATCH (n) WHERE exists { MATCH (n)-->(m) UNWIND [1, 2] AS x WITH x WHERE x > 1 } "
                    "RETURN n.name ORDER BY n.name"),
              (std::vector<std::string>{"a", "b"}));
    // A UNION subquery is true when any side yields a row.
    EXPECT_EQ(names("MATCH (n) WHERE exists { MATCH (n:C) RETURN n UNION MATCH (n:D) RETURN n } RETURN n.name ORDER BY n.name"),
              (std::vector<std::string>{"c", "d"}));
}

TEST_F(CypherSubquery, SubqueriesNest)
{
    EXPECT_EQ(names("MATCH (n) WHERE exists { MATCH (m) WHERE exists { (n)-[]->(m) WHERE n.prop = m.prop } "
                    "RETURN true } RETURN n.name"),
              (std::vector<std::string>{"a"}));
    EXPECT_EQ(names("MATCH (n) WHERE exists { MATCH (m) WHERE exists { MATCH (l)<-[:R]-(n)-[:R]->(m) RETURN true } "
                    "RETURN true } RETURN n.name"),
              (std::vector<std::string>{"a"}));
}

TEST_F(CypherSubquery, ItIsABooleanValueAnywhere)
{
    auto result = run("MATCH (n) RETURN n.name, EXISTS { (n)-[:S]->() } AS s, NOT exists { (n)<--() } AS root ORDER BY n.name");
    ASSERT_EQ(result.rows.size(), 4u);
    EXPECT_TRUE(result.rows[1][1].as_boolean());
    EXPECT_FALSE(result.rows[0][1].as_boolean());
    EXPECT_TRUE(result.rows[0][2].as_boolean());
    EXPECT_FALSE(result.rows[3][2].as_boolean());
    // Comprehension variables are in scope too.
    auto counted = single("MATCH (a:A) RETURN size([p IN [1, 2, 3, 4] WHERE exists { (a)-->({prop: p}) }]) AS n");
    EXPECT_EQ(counted.as_integer(), 3);
    EXPECT_EQ(single("RETURN exists { MATCH (x {name: 'nobody'}) } AS here").as_boolean(), false);
    // An aggregation after a MATCH that found nothing still makes a row (count(*) = 0).
    EXPECT_EQ(single("RETURN exists { MATCH (x {name: 'nobody'}) RETURN count(*) AS c } AS here").as_boolean(), true);
}

TEST_F(CypherSubquery, ANullOuterVariableMatchesNothing)
{
    auto result = run("OPTIONAL MATCH (n:Missing) RETURN exists { (n)-->() } AS e");
    ASSERT_EQ(result.rows.size(), 1u);
    EXPECT_FALSE(result.rows[0][0].as_boolean());
}

TEST_F(CypherSubquery, ParametersInsideMustBeGiven)
{
    auto error = error_of("MATCH (n) WHERE exists { (n)-->(m) WHERE m.prop = $p } RETURN n");
    EXPECT_EQ(error.error_class(), ErrorClass::ParameterMissing);
    auto found = run("MATCH (n) WHERE exists { (n)-->(m) WHERE m.prop = $p } RETURN n.name", Map{{"p", Value::integer(3)}});
    ASSERT_EQ(found.rows.size(), 2u);
}

TEST_F(CypherSubquery, RuntimeErrorsInsideCarryTheirPosition)
{
    auto error = error_of("MATCH (n) WHERE exists {\n  (n)-->(m) WHERE m.name - 1 > 0 } RETURN n");
    EXPECT_EQ(error.error_class(), ErrorClass::TypeError);
    EXPECT_EQ(error.position().line, 2);
}

TEST_F(CypherSubquery, CountCountsThePatternsOfEachRow)
{
    auto result = run("MATCH (n) RETURN n.name, COUNT { (n)-->() } AS out, count { (n)<--() } AS in ORDER BY n.name");
    ASSERT_EQ(result.rows.size(), 4u);
    EXPECT_EQ(result.rows[0][1].as_integer(), 3);  // a
    EXPECT_EQ(result.rows[1][1].as_integer(), 1);  // b
    EXPECT_EQ(result.rows[3][1].as_integer(), 0);  // d
    EXPECT_EQ(result.rows[3][2].as_integer(), 2);  // d has a and b before it
    EXPECT_EQ(names("MATCH (n) WHERE COUNT { (n)-->(m) WHERE m.prop > 1 } = 2 RETURN n.name"), (std::vector<std::string>{"a"}));
}

TEST_F(CypherSubquery, CountOfAFullQueryCountsItsRows)
{
    EXPECT_EQ(single("MATCH (a:A) RETURN COUNT { MATCH (a)-->(m) RETURN m.prop } AS c").as_integer(), 3);
    EXPECT_EQ(single("MATCH (a:A) RETURN COUNT { MATCH (a)-->(m) RETURN DISTINCT m.prop > 1 AS big } AS c").as_integer(), 2);
    // Without RETURN the clauses' rows are counted; an aggregation inside makes one row.
    EXPECT_EQ(single("MATCH (a:A) RETURN COUNT { MATCH (a)-->(m) WITH m WHERE m.prop < 3 } AS c").as_integer(), 2);
    EXPECT_EQ(single("MATCH (a:A) RETURN COUNT { MATCH (a)-->(m:Missing) RETURN count(*) AS n } AS c").as_integer(), 1);
    // UNION removes the duplicate rows first; UNION ALL keeps them.
    EXPECT_EQ(single("MATCH (a:A) RETURN COUNT { MATCH (a)-->(m) RETURN m.prop AS p UNION RETURN 1 AS p } AS c").as_integer(), 3);
    EXPECT_EQ(single("MATCH (a:A) RETURN COUNT { MATCH (a)-->(m) RETURN m.prop AS p UNION ALL RETURN 1 AS p } AS c").as_integer(), 4);
}

TEST_F(CypherSubquery, CollectGathersTheReturnedColumn)
{
    auto collected = single("MATCH (a:A) RETURN COLLECT { MATCH (a)-->(m) RETURN m.name ORDER BY m.name DESC } AS names");
    ASSERT_TRUE(collected.is_list());
    std::vector<std::string> got;
    for (const auto& v : collected.as_list()) got.push_back(v.as_string());
    EXPECT_EQ(got, (std::vector<std::string>{"d", "c", "b"}));
    // Nothing found is an empty list, never null; nulls returned are kept.
    auto empty = single("MATCH (d:D) RETURN COLLECT { MATCH (d)-->(m) RETURN m } AS l");
    ASSERT_TRUE(empty.is_list());
    EXPECT_TRUE(empty.as_list().empty());
    auto nulls = single("MATCH (a:A) RETURN COLLECT { MATCH (a)-->(m) RETURN m.missing } AS l");
    EXPECT_EQ(nulls.as_list().size(), 3u);
    EXPECT_TRUE(nulls.as_list()[0].is_null());
    EXPECT_EQ(names("MATCH (n) WHERE 'd' IN COLLECT { MATCH (n)-->(m) RETURN m.name } RETURN n.name ORDER BY n.name"),
              (std::vector<std::string>{"a", "b"}));
}

TEST_F(CypherSubquery, CountAndCollectNestAndReadComprehensionVariables)
{
    EXPECT_EQ(single("MATCH (a:A) RETURN COLLECT { MATCH (a)-->(m) RETURN COUNT { (m)-->() } AS c ORDER BY c DESC }[0] AS top")
                  .as_integer(), 1);
    EXPECT_EQ(single("MATCH (a:A) RETURN [p IN [1, 2, 3] | COUNT { (a)-->({prop: p}) }] AS counts").as_list().size(), 3u);
    EXPECT_EQ(single("MATCH (a:A) RETURN reduce(s = 0, p IN [1, 2, 3] | s + COUNT { (a)-->({prop: p}) }) AS total").as_integer(), 3);
}

TEST_F(CypherSubquery, CountBesideAnAggregationIsPerGroup)
{
    auto result = run("MATCH (n)-->(m) RETURN n.name AS n, count(m) AS degree, COUNT { (n)<--() } AS in ORDER BY n");
    ASSERT_EQ(result.rows.size(), 2u);
    EXPECT_EQ(result.rows[0][1].as_integer(), 3);
    EXPECT_EQ(result.rows[0][2].as_integer(), 0);
    EXPECT_EQ(result.rows[1][2].as_integer(), 1);
}

}  // namespace
}  // namespace actorgraph::cypher
