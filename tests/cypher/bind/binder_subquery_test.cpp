// The binder's rules for subqueries. EXISTS, COUNT and COLLECT { ... } see the variables around them, keep
// their own inside and may not write; COLLECT returns one column. CALL { ... } sees only what its importing
// WITH names and returns new variables.
#include <gtest/gtest.h>

#include <string>

#include "cypher/bind/bind_error.hpp"
#include "cypher/bind/binder.hpp"
#include "cypher/parse/parser.hpp"

namespace actorgraph::cypher {
namespace {

TEST(CypherBindSubquery, TheSubqueryReadsTheOuterVariables)
{
    EXPECT_NO_THROW(bind(parse_query("MATCH (n) WITH n, 2 AS k WHERE EXISTS { MATCH (n)-->(m) WHERE m.v = k } RETURN n")));
    EXPECT_NO_THROW(bind(parse_query("MATCH (n) RETURN [x IN [1] WHERE EXISTS { (n)-->({v: x}) }] AS l")));
}

TEST(CypherBindSubquery, ItsOwnVariablesDoNotLeakOut)
{
    auto error = bind_error_of("MATCH (n) WHERE EXISTS { (n)-->(m) } RETURN m");
    EXPECT_EQ(error.detail(), "UndefinedVariable");
    EXPECT_EQ(error.position().column, 45);
}

TEST(CypherBindSubquery, AnUnknownVariableInsideIsUndefined)
{
    auto error = bind_error_of("MATCH (n) WHERE EXISTS {\n MATCH (n)-->(m) WHERE m.v = z RETURN m } RETURN n");
    EXPECT_EQ(error.detail(), "UndefinedVariable");
    EXPECT_EQ(error.position().line, 2);
    EXPECT_EQ(error.position().column, 30);
}

TEST(CypherBindSubquery, AWritingSubqueryIsInvalidClauseComposition)
{
    auto error = bind_error_of("MATCH (n) WHERE exists {\n  MATCH (n)-->(m)\n  SET m.prop='fail'\n} RETURN n");
    EXPECT_EQ(error.error_class(), ErrorClass::SyntaxError);
    EXPECT_EQ(error.detail(), "InvalidClauseComposition");
    EXPECT_EQ(error.phase(), Phase::compile);
    EXPECT_EQ(error.position().line, 3);
    EXPECT_EQ(error.position().column, 3);
}

TEST(CypherBindSubquery, ReturnMustBeLastInsideToo)
{
    auto error = bind_error_of("MATCH (n) WHERE EXISTS { MATCH (n) RETURN n MATCH (m) } RETURN n");
    EXPECT_EQ(error.detail(), "InvalidClauseComposition");
}

TEST(CypherBindSubquery, TheStatementAroundIsCheckedAsBefore)
{
    // A subquery in the middle does not change what the outer query may end with.
    auto error = bind_error_of("MATCH (n) WHERE EXISTS { (n)-->() }");
    EXPECT_EQ(error.detail(), "InvalidClauseComposition");
}

TEST(CypherBindSubquery, CountAndCollectReadTheOuterVariablesAndMayNotWrite)
{
    EXPECT_NO_THROW(bind(parse_query("MATCH (n) RETURN COUNT { (n)-->() } AS c, COLLECT { MATCH (n)-->(m) RETURN m } AS l")));
    auto leaked = bind_error_of("MATCH (n) WITH n, COUNT { (n)-->(m) } AS c RETURN m");
    EXPECT_EQ(leaked.detail(), "UndefinedVariable");
    auto writing = bind_error_of("MATCH (n) RETURN COUNT {\n  MATCH (n)-->(m) CREATE (m)-[:T]->() } AS c");
    EXPECT_EQ(writing.detail(), "InvalidClauseComposition");
    EXPECT_EQ(writing.position().line, 2);
    EXPECT_EQ(writing.position().column, 19);
    // COLLECT and COUNT are values of their kinds: a list cannot take a property, an integer is no predicate.
    EXPECT_EQ(bind_error_of("MATCH (n) RETURN COLLECT { MATCH (n) RETURN n }.x AS x").detail(), "InvalidArgumentType");
}

TEST(CypherBindSubquery, CollectReturnsExactlyOneColumn)
{
    auto two = bind_error_of("MATCH (n) RETURN COLLECT {\n  MATCH (n)-->(m) RETURN m, n } AS l");
    EXPECT_EQ(two.detail(), "InvalidClauseComposition");
    EXPECT_EQ(two.position().line, 2);
    EXPECT_EQ(two.position().column, 19);
    EXPECT_EQ(bind_error_of("MATCH (n) RETURN COLLECT { MATCH (n)-->(m) WITH m } AS l").detail(), "InvalidClauseComposition");
    EXPECT_EQ(bind_error_of("MATCH (n) RETURN COLLECT { MATCH (n)-->(m) RETURN * } AS l").detail(), "InvalidClauseComposition");
}

TEST(CypherBindSubquery, CallSeesOnlyWhatItsWithImports)
{
    EXPECT_NO_THROW(bind(parse_query("MATCH (n) CALL { WITH n MATCH (n)-->(m) RETURN m } RETURN n, m")));
    EXPECT_NO_THROW(bind(parse_query("MATCH (n) CALL { WITH * RETURN n.x AS x } RETURN x")));
    // Without an importing WITH the outer `n` is not visible.
    auto unseen = bind_error_of("MATCH (n) CALL { RETURN n.x AS x } RETURN x");
    EXPECT_EQ(unseen.detail(), "UndefinedVariable");
    EXPECT_EQ(unseen.position().column, 25);
    // A MATCH inside may use the name afresh.
    EXPECT_NO_THROW(bind(parse_query("MATCH (n) CALL { MATCH (n:B) RETURN n AS b } RETURN n, b")));
}

TEST(CypherBindSubquery, TheImportingWithOnlyNamesOuterVariables)
{
    auto aliased = bind_error_of("MATCH (n) CALL { WITH n AS m RETURN m.x AS x } RETURN x");
    EXPECT_EQ(aliased.detail(), "InvalidImportingWith");
    EXPECT_EQ(aliased.position().column, 23);
    auto filtered = bind_error_of("MATCH (n) CALL {\n  WITH n WHERE n.x > 1 RETURN n.x AS x } RETURN x");
    EXPECT_EQ(filtered.detail(), "InvalidImportingWith");
    EXPECT_EQ(filtered.position().line, 2);
    EXPECT_EQ(filtered.position().column, 3);
    EXPECT_EQ(bind_error_of("MATCH (n) CALL { WITH n, z RETURN 1 AS x } RETURN x").detail(), "UndefinedVariable");
}

TEST(CypherBindSubquery, CallReturnsNewVariablesOnly)
{
    auto clash = bind_error_of("MATCH (n) CALL { MATCH (n) RETURN n } RETURN n");
    EXPECT_EQ(clash.detail(), "VariableAlreadyBound");
    EXPECT_EQ(clash.position().column, 11);
    EXPECT_EQ(bind_error_of("CALL { RETURN 1 } RETURN 1 AS x").detail(), "NoExpressionAlias");
    // Inner variables that are not returned stay inside.
    EXPECT_EQ(bind_error_of("CALL { MATCH (m) RETURN m.x AS x } RETURN m").detail(), "UndefinedVariable");
    // The returned ones are in scope after it, and a query cannot end with rows from CALL.
    EXPECT_NO_THROW(bind(parse_query("CALL { MATCH (m) RETURN m } RETURN m")));
    EXPECT_EQ(bind_error_of("MATCH (n) CALL { RETURN 1 AS x }").detail(), "InvalidClauseComposition");
    EXPECT_EQ(bind_error_of("CALL { MATCH (m) RETURN m.x AS x UNION MATCH (m) RETURN m.y AS y } RETURN x").detail(),
              "DifferentColumnsInUnion");
}

TEST(CypherBindSubquery, AUnitCallMayEndTheQueryButNotWithAReadingClause)
{
    EXPECT_NO_THROW(bind(parse_query("MATCH (n) CALL { WITH n SET n.x = 1 }")));
    EXPECT_EQ(bind_error_of("MATCH (n) CALL { WITH n MATCH (n)-->(m) } RETURN n").detail(), "InvalidClauseComposition");
}

}  // namespace
}  // namespace actorgraph::cypher
