#include "cypher/parse/parser.hpp"

#include <gtest/gtest.h>

#include <optional>
#include <string>

#include "parse_error_of.hpp"

namespace actorgraph::cypher {
namespace {

TEST(CypherParser, ReadsTheClausesOfAReadQuery)
{
    auto query = parse_query(
        "MATCH (a:Company)-[r:investment|pressure*1..3]->(b {id: 'x'}) WHERE r.year >= 2010 "
        "WITH a, count(*) AS n ORDER BY n DESC SKIP 1 LIMIT 2 UNWIND [1, 2] AS x RETURN DISTINCT a.label AS name, x");
    ASSERT_EQ(query.parts.size(), 1u);
    const auto& clauses = query.parts[0].clauses;
    ASSERT_EQ(clauses.size(), 4u);
    EXPECT_EQ(clauses[0].kind, ast::ClauseKind::Match);
    const auto& part = clauses[0].pattern.at(0);
    EXPECT_EQ(part.nodes[0].labels, std::vector<std::string>{"Company"});
    EXPECT_EQ(part.relationships[0].types, (std::vector<std::string>{"investment", "pressure"}));
    EXPECT_TRUE(part.relationships[0].variable_length);
    EXPECT_EQ(part.relationships[0].min_hops, 1);
    EXPECT_EQ(part.relationships[0].max_hops, 3);
    EXPECT_EQ(part.relationships[0].direction, ast::Direction::Outgoing);
    EXPECT_TRUE(clauses[1].projection.order_by[0].descending);
    EXPECT_TRUE(clauses[3].projection.distinct);
    EXPECT_EQ(clauses[3].projection.items[0].alias, "name");
    EXPECT_EQ(clauses[3].projection.items[1].alias, "x");
}

TEST(CypherParser, ColumnNamesAreTheExpressionsAsWritten)
{
    auto query = parse_query("RETURN n.name ,  1 + 2");
    EXPECT_EQ(query.parts[0].clauses[0].projection.items[0].alias, "n.name");
    EXPECT_EQ(query.parts[0].clauses[0].projection.items[1].alias, "1 + 2");
}

TEST(CypherParser, PrecedenceFollowsTheGrammar)
{
    // 1 + 2 * 3 ^ 2 is 1 + (2 * (3 ^ 2)); unary minus binds tighter than ^.
    auto query = parse_query("RETURN 1 + 2 * 3 ^ 2, -2 ^ 2, NOT a = b OR c");
    const auto& items = query.parts[0].clauses[0].projection.items;
    const auto& sum = *items[0].expression;
    ASSERT_EQ(sum.op, ast::Operator::Add);
    EXPECT_EQ(sum.children[1]->op, ast::Operator::Multiply);
    EXPECT_EQ(sum.children[1]->children[1]->op, ast::Operator::Power);
    const auto& power = *items[1].expression;
    EXPECT_EQ(power.op, ast::Operator::Power);
    EXPECT_EQ(power.children[0]->literal.as_integer(), -2);
    const auto& logic = *items[2].expression;
    EXPECT_EQ(logic.op, ast::Operator::Or);
    EXPECT_EQ(logic.children[0]->op, ast::Operator::Not);
    EXPECT_EQ(logic.children[0]->children[0]->op, ast::Operator::Equal);
}

TEST(CypherParser, ReadsWriteClauses)
{
    auto query = parse_query(
        "MERGE (a:A {k: 1}) ON CREATE SET a.created = true ON MATCH SET a += {seen: 1} "
        "SET a:B:C, a.x = 2 REMOVE a.y, a:C DETACH DELETE a");
    const auto& clauses = query.parts[0].clauses;
    ASSERT_EQ(clauses.size(), 4u);
    EXPECT_EQ(clauses[0].on_create.size(), 1u);
    EXPECT_EQ(clauses[0].on_match[0].kind, ast::SetItem::Kind::Merge);
    EXPECT_EQ(clauses[1].items[0].labels, (std::vector<std::string>{"B", "C"}));
    EXPECT_EQ(clauses[2].items[1].kind, ast::SetItem::Kind::Labels);
    EXPECT_TRUE(clauses[3].detach);
}

TEST(CypherParser, ReadsComprehensionsQuantifiersCaseAndMapProjections)
{
    auto query = parse_query(
        "RETURN [x IN list WHERE x > 1 | x * 2], [(a)-->(b) | b.name], all(x IN l WHERE x), "
        "CASE WHEN a THEN 1 ELSE 2 END, n{.name, .*, k: 1}, reduce(s = 0, x IN l | s + x), $param, n:A:B");
    const auto& items = query.parts[0].clauses[0].projection.items;
    ASSERT_EQ(items.size(), 8u);
    EXPECT_EQ(items[0].expression->kind, ast::ExpressionKind::ListComprehension);
    EXPECT_EQ(items[1].expression->kind, ast::ExpressionKind::PatternComprehension);
    EXPECT_EQ(items[2].expression->kind, ast::ExpressionKind::Quantifier);
    EXPECT_EQ(items[3].expression->kind, ast::ExpressionKind::Case);
    EXPECT_EQ(items[4].expression->kind, ast::ExpressionKind::MapProjection);
    EXPECT_EQ(items[4].expression->map_items.size(), 3u);
    EXPECT_EQ(items[5].expression->kind, ast::ExpressionKind::Reduce);
    EXPECT_EQ(items[6].expression->kind, ast::ExpressionKind::Parameter);
    EXPECT_EQ(items[7].expression->kind, ast::ExpressionKind::LabelCheck);
}

TEST(CypherParser, ReadsUnions)
{
    auto query = parse_query("RETURN 1 AS x UNION ALL RETURN 2 AS x UNION RETURN 3 AS x;");
    EXPECT_EQ(query.parts.size(), 3u);
    EXPECT_EQ(query.union_all, (std::vector<bool>{true, false}));
}

TEST(CypherParser, SyntaxErrorsNameLineAndColumn)
{
    auto error = syntax_error_of("MATCH (n\nRETURN n");
    EXPECT_EQ(error.error_class(), ErrorClass::SyntaxError);
    EXPECT_EQ(error.position().line, 2);
    EXPECT_EQ(error.position().column, 1);
}

TEST(CypherParser, IntegerLiteralsOutOfRangeAreErrorsButTheSmallestNegativeIsNot)
{
    EXPECT_EQ(syntax_error_of("RETURN 9223372036854775808").detail(), "IntegerOverflow");
    auto query = parse_query("RETURN -9223372036854775808, 0x7FFFFFFFFFFFFFFF, 0o17");
    const auto& items = query.parts[0].clauses[0].projection.items;
    EXPECT_EQ(items[0].expression->literal.as_integer(), std::numeric_limits<std::int64_t>::min());
    EXPECT_EQ(items[2].expression->literal.as_integer(), 15);
    EXPECT_EQ(syntax_error_of("RETURN 0xZ").detail(), "InvalidNumberLiteral");
}

TEST(CypherParser, AMalformedNumberIsInvalidWhereANumberStandsAndUnexpectedWhereANameDoes)
{
    auto number = syntax_error_of("RETURN -1a2 AS x");
    EXPECT_EQ(number.detail(), "InvalidNumberLiteral");
    EXPECT_EQ(number.position().column, 9);
    EXPECT_EQ(syntax_error_of("RETURN 0o19").detail(), "InvalidNumberLiteral");
    // The TCK's Literals8 [19]: a map key that starts with a digit is not a key.
    auto key = syntax_error_of("RETURN {1B2c3e67:1} AS literal");
    EXPECT_EQ(key.detail(), "UnexpectedSyntax");
    EXPECT_EQ(key.position().column, 9);
    EXPECT_NE(std::string(key.what()).find("map key"), std::string::npos) << key.what();
}

TEST(CypherParser, DeepNestingIsAnErrorNotACrash)
{
    std::string deep = "RETURN " + std::string(100000, '(') + "1" + std::string(100000, ')');
    EXPECT_EQ(syntax_error_of(deep).detail(), "NestingTooDeep");
    std::string chain = "RETURN 1";
    for (int i = 0; i < 5000; ++i) chain += " + 1";
    EXPECT_EQ(syntax_error_of(chain).detail(), "NestingTooDeep");
    std::string lists = "RETURN " + std::string(100000, '[');
    EXPECT_EQ(syntax_error_of(lists).detail(), "NestingTooDeep");
}

TEST(CypherParser, SplitsScriptsAtSemicolonsOutsideStrings)
{
    auto statements = split_statements("CREATE ({a: ';'}); // c;\nRETURN 1;\n  ");
    ASSERT_EQ(statements.size(), 2u);
    EXPECT_EQ(statements[0], "CREATE ({a: ';'})");
}

}  // namespace
}  // namespace actorgraph::cypher

namespace actorgraph::cypher {
namespace {

TEST(CypherParser, AMalformedVariableLengthIsAnInvalidRelationshipPattern)
{
    for (const char* query : {"MATCH (a)-[:LIKES..]->(c) RETURN c", "MATCH (a)-[:LIKES*-2]->(c) RETURN c",
                              "MATCH (a)-[:LIKES*1..-2]->(c) RETURN c", "MATCH (a)-[:LIKES 2]->(c) RETURN c"}) {
        auto error = syntax_error_of(query);
        EXPECT_EQ(error.detail(), "InvalidRelationshipPattern") << query;
        EXPECT_EQ(error.position().line, 1) << query;
    }
    EXPECT_EQ(syntax_error_of("MATCH (a)-[:LIKES..]->(c) RETURN c").position().column, 18);
    EXPECT_NO_THROW((void)parse_query("MATCH (a)-[:LIKES*..2]->(b)-[*]-(c)-[*3]-(d)-[*1..]-(e) RETURN e"));
}

TEST(CypherParser, AQuantifiedRelationshipIsAVariableLengthOne)
{
    struct Case {
        const char* arrow;
        std::optional<std::int64_t> min, max;
    };
    for (const auto& [arrow, min, max] : {Case{"-->+", 1, std::nullopt}, Case{"-->*", 0, std::nullopt},
                                          Case{"-[:T]->{2}", 2, 2}, Case{"-[r:T]->{1,3}", 1, 3},
                                          Case{"<-[:T]-{,4}", 0, 4}, Case{"--{2,}", 2, std::nullopt}}) {
        auto query = parse_query(std::string("MATCH (a)") + arrow + "(b) RETURN a");
        const auto& relationship = query.parts[0].clauses[0].pattern[0].relationships.at(0);
        EXPECT_TRUE(relationship.variable_length) << arrow;
        EXPECT_EQ(relationship.min_hops, min) << arrow;
        EXPECT_EQ(relationship.max_hops, max) << arrow;
    }
    EXPECT_EQ(syntax_error_of("MATCH (a)-[*2]->{1,3}(b) RETURN a").detail(), "InvalidRelationshipPattern");
    EXPECT_EQ(syntax_error_of("MATCH ((a)-->(b)){1,3} RETURN a").detail(), "UnsupportedPattern");
    EXPECT_EQ(syntax_error_of("MATCH (a)-->{}(b) RETURN a").position().column, 14) << "at the }";
}

TEST(CypherParser, APathSearchPrefixIsTheLegacyShortestPathFunction)
{
    struct Case {
        const char* prefix;
        const char* shortest;
    };
    for (const auto& [prefix, shortest] : {Case{"ANY SHORTEST", "shortestPath"}, Case{"SHORTEST 1", "shortestPath"},
                                           Case{"ANY", "shortestPath"}, Case{"ANY 1 PATH", "shortestPath"},
                                           Case{"ALL SHORTEST PATHS", "allShortestPaths"},
                                           Case{"SHORTEST GROUPS", "allShortestPaths"},
                                           Case{"SHORTEST 1 GROUP", "allShortestPaths"}, Case{"ALL", ""}}) {
        auto query = parse_query(std::string("MATCH p = ") + prefix + " (a)-[*]-(b) RETURN p");
        EXPECT_EQ(query.parts[0].clauses[0].pattern[0].shortest, shortest) << prefix;
    }
    EXPECT_EQ(syntax_error_of("MATCH p = SHORTEST 3 (a)-[*]-(b) RETURN p").detail(), "UnsupportedPattern");
    EXPECT_EQ(syntax_error_of("MATCH p = ANY 2 (a)-[*]-(b) RETURN p").detail(), "UnsupportedPattern");
    // Names that only look like the keywords stay names.
    auto named = parse_query("MATCH any = (a)-->(b) RETURN any");
    EXPECT_EQ(named.parts[0].clauses[0].pattern[0].path_variable, "any");
}

}  // namespace
}  // namespace actorgraph::cypher
