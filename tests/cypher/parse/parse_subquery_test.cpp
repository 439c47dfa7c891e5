// Subqueries as the parser reads them: EXISTS/COUNT/COLLECT { ... } (the full form's clauses, the short form
// as one MATCH), CALL { ... } as a clause, and the errors of a subquery that is not closed or nests too deep,
// at their line:column.
#include <gtest/gtest.h>

#include <string>

#include "cypher/parse/parser.hpp"
#include "parse_error_of.hpp"

namespace actorgraph::cypher {
namespace {

const ast::Expression& where_of(const ast::Query& query)
{
    return *query.parts.at(0).clauses.at(0).predicate;
}

TEST(CypherParseSubquery, TheShortFormIsOneMatchWithItsWhere)
{
    auto query = parse_query("MATCH (n) WHERE exists { (n)-[:R]->(m), (m)-->() WHERE n.prop = m.prop } RETURN n");
    const auto& exists = where_of(query);
    ASSERT_EQ(exists.kind, ast::ExpressionKind::Existential);
    ASSERT_EQ(exists.subquery->parts.size(), 1u);
    const auto& clauses = exists.subquery->parts[0].clauses;
    ASSERT_EQ(clauses.size(), 1u);
    EXPECT_EQ(clauses[0].kind, ast::ClauseKind::Match);
    EXPECT_EQ(clauses[0].pattern.size(), 2u);
    ASSERT_TRUE(clauses[0].predicate);
    EXPECT_EQ(clauses[0].predicate->kind, ast::ExpressionKind::Binary);
    // The query goes on after the closing brace.
    EXPECT_EQ(query.parts[0].clauses.size(), 2u);
}

TEST(CypherParseSubquery, TheFullFormHoldsClausesAndUnions)
{
    auto query = parse_query("RETURN EXISTS {\n  MATCH (a)-->(b) WITH a, count(*) AS c WHERE c > 1 RETURN a\n"
                             "  UNION MATCH (a:A) RETURN a\n} AS found");
    const auto& exists = *query.parts[0].clauses[0].projection.items[0].expression;
    ASSERT_EQ(exists.kind, ast::ExpressionKind::Existential);
    ASSERT_EQ(exists.subquery->parts.size(), 2u);
    EXPECT_EQ(exists.subquery->parts[0].clauses.size(), 3u);
    EXPECT_EQ(exists.subquery->union_all, std::vector<bool>{false});
    EXPECT_EQ(query.parts[0].clauses[0].projection.items[0].alias, "found");
}

TEST(CypherParseSubquery, ANamedPathStartsTheShortForm)
{
    auto query = parse_query("MATCH (n) WHERE EXISTS { p = (n)-->() WHERE length(p) = 1 } RETURN n");
    EXPECT_EQ(where_of(query).subquery->parts[0].clauses[0].pattern[0].path_variable, "p");
}

TEST(CypherParseSubquery, ExistsWithParenthesesIsStillTheFunction)
{
    auto query = parse_query("MATCH (n) WHERE exists(n.prop) RETURN n");
    EXPECT_EQ(where_of(query).kind, ast::ExpressionKind::FunctionCall);
}

TEST(CypherParseSubquery, AnUnclosedSubqueryIsASyntaxErrorAtItsLineAndColumn)
{
    auto error = syntax_error_of("MATCH (n) WHERE exists {\n  (n)-->() RETURN n");
    EXPECT_EQ(error.error_class(), ErrorClass::SyntaxError);
    EXPECT_EQ(error.position().line, 2);
    EXPECT_EQ(error.position().column, 12);
    EXPECT_NE(std::string(error.what()).find("'}'"), std::string::npos) << error.what();

    auto empty = syntax_error_of("RETURN exists { }");
    EXPECT_EQ(empty.position().column, 17);
}

TEST(CypherParseSubquery, SubqueriesNestOnlySoDeep)
{
    std::string deep = "RETURN ";
    for (int i = 0; i < max_subquery_nesting + 1; ++i) deep += "EXISTS { MATCH (n) WHERE ";
    deep += "true";
    for (int i = 0; i < max_subquery_nesting + 1; ++i) deep += " }";
    auto error = syntax_error_of(deep);
    EXPECT_EQ(error.detail(), "NestingTooDeep");

    std::string allowed = "RETURN ";
    for (int i = 0; i < max_subquery_nesting; ++i) allowed += "EXISTS { MATCH (n) WHERE ";
    allowed += "true";
    for (int i = 0; i < max_subquery_nesting; ++i) allowed += " }";
    EXPECT_NO_THROW((void)parse_query(allowed));
}

TEST(CypherParseSubquery, CountTakesTheShortAndTheFullForm)
{
    auto query = parse_query("MATCH (n) RETURN count { (n)-->() WHERE n.x = 1 } AS a, COUNT { MATCH (n)-->(m) RETURN m } AS b");
    const auto& items = query.parts[0].clauses[1].projection.items;
    ASSERT_EQ(items[0].expression->kind, ast::ExpressionKind::CountSubquery);
    EXPECT_EQ(items[0].expression->subquery->parts[0].clauses.size(), 1u);
    ASSERT_TRUE(items[0].expression->subquery->parts[0].clauses[0].predicate);
    ASSERT_EQ(items[1].expression->kind, ast::ExpressionKind::CountSubquery);
    EXPECT_EQ(items[1].expression->subquery->parts[0].clauses.size(), 2u);
    // count(...) with parentheses stays the aggregation.
    auto counted = parse_query("MATCH (n) RETURN count(n)");
    EXPECT_EQ(counted.parts[0].clauses[1].projection.items[0].expression->kind, ast::ExpressionKind::FunctionCall);
}

TEST(CypherParseSubquery, CollectHasOnlyTheFullForm)
{
    auto query = parse_query("MATCH (n) RETURN COLLECT { MATCH (n)-->(m) RETURN m.name } AS names");
    const auto& collect = *query.parts[0].clauses[1].projection.items[0].expression;
    ASSERT_EQ(collect.kind, ast::ExpressionKind::CollectSubquery);
    EXPECT_EQ(collect.subquery->parts[0].clauses.size(), 2u);
    auto error = syntax_error_of("MATCH (n) RETURN COLLECT { (n)-->(m) } AS names");
    EXPECT_EQ(error.position().column, 28);
}

TEST(CypherParseSubquery, CallTakesAClauseBlock)
{
    auto query = parse_query("MATCH (n) CALL {\n  WITH n MATCH (n)-->(m) RETURN m UNION ALL RETURN 1 AS m\n} RETURN n, m");
    const auto& call = query.parts[0].clauses[1];
    ASSERT_EQ(call.kind, ast::ClauseKind::Subquery);
    ASSERT_EQ(call.subquery->parts.size(), 2u);
    EXPECT_EQ(call.subquery->union_all, std::vector<bool>{true});
    EXPECT_EQ(call.subquery->parts[0].clauses[0].kind, ast::ClauseKind::With);
    EXPECT_EQ(query.parts[0].clauses.size(), 3u);

    auto unclosed = syntax_error_of("CALL { MATCH (n) RETURN n");
    EXPECT_EQ(unclosed.position().column, 26);
    auto transactions = syntax_error_of("CALL { CREATE () } IN TRANSACTIONS");
    EXPECT_EQ(transactions.detail(), "UnsupportedClause");
    EXPECT_EQ(transactions.position().column, 20);
}

}  // namespace
}  // namespace actorgraph::cypher
