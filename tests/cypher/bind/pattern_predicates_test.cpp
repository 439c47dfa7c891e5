// Patterns as booleans: allowed where a predicate is expected, refused as values, and never introducing
// variables (a pattern comprehension or EXISTS { MATCH ... } may).
#include <gtest/gtest.h>

#include <string>

#include "cypher/bind/bind_error.hpp"
#include "cypher/bind/binder.hpp"
#include "cypher/parse/parser.hpp"

namespace actorgraph::cypher {
namespace {

TEST(CypherPatternPredicates, PatternsAreBooleansWhereAPredicateIsExpected)
{
    for (const char* query : {"MATCH (n) WHERE (n)-->() RETURN n", "MATCH (n) WHERE NOT (n)-->() OR (n)<--() RETURN n",
                              "MATCH (n) RETURN exists((n)-->()) AS e, NOT (n)-->() AS leaf",
                              "MATCH (n) RETURN [m IN [n] WHERE (m)-->()] AS l, any(m IN [n] WHERE (m)-->()) AS a",
                              "MATCH (n) RETURN CASE WHEN (n)-->() THEN 1 ELSE 0 END AS c",
                              "MATCH (n) RETURN [(n)-->(m) WHERE (m)-->() | m] AS l"}) {
        EXPECT_NO_THROW(bind(parse_query(query))) << query;
    }
}

TEST(CypherPatternPredicates, APatternUsedAsAValueIsUnexpectedSyntax)
{
    for (const char* query : {"MATCH (n) RETURN (n)-[]->()", "MATCH (n) WITH (n)-[]->() AS x RETURN x",
                              "MATCH (n) SET n.prop = head(nodes(head((n)-[:REL]->()))).foo",
                              "MATCH (a), (b) RETURN size((a)-[:REL]->(b))"}) {
        auto error = bind_error_of(query);
        EXPECT_EQ(error.detail(), "UnexpectedSyntax") << query;
        EXPECT_EQ(error.phase(), Phase::compile) << query;
    }
}

TEST(CypherPatternPredicates, APatternPredicateCannotIntroduceVariables)
{
    auto error = bind_error_of("MATCH (n) WHERE (n)-[r:REL]->(a {num: 5}) RETURN n");
    EXPECT_EQ(error.detail(), "UndefinedVariable");
    EXPECT_EQ(error.position().column, 30);  // the node `a`
    EXPECT_EQ(bind_error_of("MATCH (n) WHERE ()-[r]-() RETURN n").detail(), "UndefinedVariable");
    EXPECT_NO_THROW(bind(parse_query("MATCH (n), (m) WHERE (n)-[:REL]->(m) RETURN n")));
    EXPECT_NO_THROW(bind(parse_query("MATCH (n) WHERE EXISTS { (n)-[r]->(a) } RETURN n")));
}

}  // namespace
}  // namespace actorgraph::cypher
