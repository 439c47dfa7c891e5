// The binder's rules for EXISTS { ... }: the subquery sees the variables around it, its own variables stay
// inside, and it may not write.
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

}  // namespace
}  // namespace actorgraph::cypher
