// Label expressions as the grammar writes them (parse_labels.cpp): the legacy `:A:B` and `:A|:B` keep their
// lists; `|`, `&`, `!`, `%`, parentheses and IS make an expression; in a comprehension's WHERE `|` still starts
// the projection.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "cypher/parse/parse_error_of.hpp"
#include "cypher/parse/parser.hpp"

namespace actorgraph::cypher {
namespace {

using Kind = ast::LabelExpression::Kind;

const ast::PatternPart& first_pattern(const ast::Query& query) { return query.parts.at(0).clauses.at(0).pattern.at(0); }

TEST(CypherLabelExpressions, LegacyFormsKeepTheirListsOfNames)
{
    auto query = parse_query("MATCH (n:A:B)-[r:T|:U]->(m IS C&D)-[IS V|W]-() RETURN n");
    const auto& part = first_pattern(query);
    EXPECT_EQ(part.nodes[0].labels, (std::vector<std::string>{"A", "B"}));
    EXPECT_FALSE(part.nodes[0].label_expression);
    EXPECT_EQ(part.relationships[0].types, (std::vector<std::string>{"T", "U"}));
    EXPECT_EQ(part.nodes[1].variable, "m");
    EXPECT_EQ(part.nodes[1].labels, (std::vector<std::string>{"C", "D"}));
    EXPECT_TRUE(part.relationships[1].variable.empty());
    EXPECT_EQ(part.relationships[1].types, (std::vector<std::string>{"V", "W"}));
}

TEST(CypherLabelExpressions, OperatorsBindNotThenAndThenOr)
{
    auto query = parse_query("MATCH (n:A|!B&%|(C|D)) RETURN n");
    const auto& expression = first_pattern(query).nodes[0].label_expression;
    ASSERT_TRUE(expression);
    ASSERT_EQ(expression->kind, Kind::Or);
    // ((A | (!B & %)) | (C|D)): left-associative.
    const auto& left = expression->operands[0];
    ASSERT_EQ(left.kind, Kind::Or);
    EXPECT_EQ(left.operands[0].name, "A");
    ASSERT_EQ(left.operands[1].kind, Kind::And);
    EXPECT_EQ(left.operands[1].operands[0].kind, Kind::Not);
    EXPECT_EQ(left.operands[1].operands[0].operands[0].name, "B");
    EXPECT_EQ(left.operands[1].operands[1].kind, Kind::Any);
    EXPECT_EQ(expression->operands[1].kind, Kind::Or);
    EXPECT_TRUE(first_pattern(query).nodes[0].labels.empty());
}

TEST(CypherLabelExpressions, AComprehensionsWhereEndsAtTheBar)
{
    auto query = parse_query("RETURN [x IN l WHERE x:A | x.name] AS names, [x IN l WHERE x:(A|B) | x] AS both");
    const auto& items = query.parts[0].clauses[0].projection.items;
    const auto& names = *items[0].expression;
    ASSERT_EQ(names.kind, ast::ExpressionKind::ListComprehension);
    EXPECT_EQ(names.children[1]->kind, ast::ExpressionKind::LabelCheck);
    EXPECT_EQ(names.children[1]->keys, std::vector<std::string>{"A"});
    EXPECT_EQ(names.children[2]->kind, ast::ExpressionKind::Property);
    const auto& both = *items[1].expression;
    ASSERT_TRUE(both.children[1]->label_expression);
    EXPECT_EQ(both.children[1]->label_expression->kind, Kind::Or);
}

TEST(CypherLabelExpressions, IsBeforeNullOrNotIsTheNullTest)
{
    auto query = parse_query("MATCH (n) WHERE n IS NULL OR n IS NOT NULL OR n IS A RETURN n OFFSET 1");
    const auto& clauses = query.parts[0].clauses;
    const auto& where = *clauses[0].predicate;
    ASSERT_EQ(where.kind, ast::ExpressionKind::Binary);
    EXPECT_EQ(where.children[1]->kind, ast::ExpressionKind::LabelCheck);
    EXPECT_TRUE(clauses[1].projection.skip) << "OFFSET is SKIP";
}

TEST(CypherLabelExpressions, AnUnfinishedExpressionIsASyntaxErrorAtItsEnd)
{
    for (const char* bad : {"MATCH (n:A|) RETURN n", "MATCH (n:A&) RETURN n", "MATCH (n:!) RETURN n",
                            "MATCH (n:(A|B) RETURN n"}) {
        auto error = syntax_error_of(bad);
        EXPECT_EQ(error.error_class(), ErrorClass::SyntaxError) << bad;
        EXPECT_EQ(error.position().line, 1) << bad;
    }
}

TEST(CypherLabelExpressions, DeepNestingIsABoundedError)
{
    std::string deep = "MATCH (n:" + std::string(5000, '!') + "A) RETURN n";
    EXPECT_EQ(syntax_error_of(deep).error_class(), ErrorClass::SyntaxError);
    std::string parenthesized = "MATCH (n:" + std::string(5000, '(') + "A" + std::string(5000, ')') + ") RETURN n";
    EXPECT_EQ(syntax_error_of(parenthesized).error_class(), ErrorClass::SyntaxError);
}

}  // namespace
}  // namespace actorgraph::cypher
