// Label expressions (the grammar's <label expression>): `:A:B` and `:A|:B` as before, and `:A|B`, `:A&B`,
// `:!A`, `:%`, `:(A|B)&!C`, `IS A`, in node and relationship patterns and in `n:...` / `n IS ...` predicates.
#include <algorithm>

#include "cypher/parse/parser.hpp"

namespace actorgraph::cypher {

namespace {

using Kind = ast::LabelExpression::Kind;

bool all_names(const ast::LabelExpression& expression, Kind joined_by)
{
    if (expression.kind == Kind::Name) return true;
    if (expression.kind != joined_by) return false;
    return std::all_of(expression.operands.begin(), expression.operands.end(),
                       [&](const auto& operand) { return all_names(operand, joined_by); });
}

void collect_names(const ast::LabelExpression& expression, std::vector<std::string>& names)
{
    if (expression.kind == Kind::Name) {
        if (std::find(names.begin(), names.end(), expression.name) == names.end()) names.push_back(expression.name);
        return;
    }
    for (const auto& operand : expression.operands) collect_names(operand, names);
}

// Names joined only by `joined_by` (`:A:B` on a node, `:A|B` on a relationship) stay a list, which the label and
// type indexes serve; anything else is kept as the expression.
void keep_labels(ast::LabelExpression expression, Kind joined_by, std::vector<std::string>& names,
                 ast::LabelExpressionPtr& tree)
{
    if (all_names(expression, joined_by)) {
        collect_names(expression, names);
    } else {
        tree = std::make_shared<const ast::LabelExpression>(std::move(expression));
    }
}

ast::LabelExpression joined(Kind kind, ast::LabelExpression left, ast::LabelExpression right)
{
    ast::LabelExpression result;
    result.kind = kind;
    result.operands.push_back(std::move(left));
    result.operands.push_back(std::move(right));
    return result;
}

}  // namespace

bool Parser::at_label_start(std::size_t ahead) const
{
    const auto& token = peek(ahead);
    return token.kind == TokenKind::Identifier || token.is("%") || token.is("!") || token.is("(");
}

// e | f, lowest; `|:` also continues it (the legacy relationship form); in a comprehension's WHERE `|` starts
// the projection instead (`[x IN l WHERE x:A | x.name]`).
ast::LabelExpression Parser::label_disjunction()
{
    auto left = label_conjunction();
    while (label_bar_allowed_ && peek().is("|") && (at_label_start(1) || peek(1).is(":"))) {
        next();
        accept(":");
        left = joined(Kind::Or, std::move(left), label_conjunction());
    }
    return left;
}

ast::LabelExpression Parser::label_conjunction()
{
    auto left = label_factor();
    while (accept("&")) left = joined(Kind::And, std::move(left), label_factor());
    return left;
}

ast::LabelExpression Parser::label_factor()
{
    Nesting nesting(*this);
    ast::LabelExpression factor;
    if (accept("!")) {
        factor.kind = Kind::Not;
        factor.operands.push_back(label_factor());
        return factor;
    }
    if (accept("%")) {
        factor.kind = Kind::Any;
        return factor;
    }
    if (accept("(")) {
        bool bar_allowed = label_bar_allowed_;
        label_bar_allowed_ = true;  // inside parentheses `|` cannot be a comprehension's
        factor = label_disjunction();
        label_bar_allowed_ = bar_allowed;
        expect(")");
        return factor;
    }
    factor.name = name("a label");
    return factor;
}

// After `:` or IS: the expression, with the legacy `:A:B` read as A & B.
ast::LabelExpression Parser::label_expression_after_colon()
{
    auto expression = label_disjunction();
    while (peek().is(":") && at_label_start(1)) {
        next();
        expression = joined(Kind::And, std::move(expression), label_disjunction());
    }
    return expression;
}

bool Parser::accept_label_prefix()
{
    if (peek().is(":") && at_label_start(1)) return next(), true;
    if (at_keyword("IS") && at_label_start(1) && !at_keyword("NOT", 1) && !at_keyword("NULL", 1)) return next(), true;
    return false;
}

void Parser::node_labels(ast::NodePattern& node)
{
    if (accept_label_prefix()) keep_labels(label_expression_after_colon(), Kind::And, node.labels, node.label_expression);
}

void Parser::relationship_types(ast::RelationshipPattern& relationship)
{
    if (accept_label_prefix()) {
        keep_labels(label_expression_after_colon(), Kind::Or, relationship.types, relationship.type_expression);
    }
}

void Parser::label_check(ast::Expression& check)
{
    keep_labels(label_expression_after_colon(), Kind::And, check.keys, check.label_expression);
}

}  // namespace actorgraph::cypher
