#pragma once
// Whether a node's labels or a relationship's type satisfy a label expression (`A|B`, `A&!B`, `%`).
#include <algorithm>
#include <string_view>

#include "cypher/execute/graph_access.hpp"
#include "cypher/parse/ast.hpp"

namespace actorgraph::cypher {

/// `has(name)` answers for one label; `any` is whether there is at least one (what `%` asks).
template <typename Has>
bool label_expression_holds(const ast::LabelExpression& expression, const Has& has, bool any)
{
    using Kind = ast::LabelExpression::Kind;
    const auto& operands = expression.operands;
    auto holds = [&](const ast::LabelExpression& operand) { return label_expression_holds(operand, has, any); };
    switch (expression.kind) {
    case Kind::Name: return has(std::string_view(expression.name));
    case Kind::Any: return any;
    case Kind::Not: return !holds(operands.front());
    case Kind::And: return std::all_of(operands.begin(), operands.end(), holds);
    case Kind::Or: return std::any_of(operands.begin(), operands.end(), holds);
    }
    return false;
}

inline bool node_fits(const GraphAccess& graph, ActorIndex node, const ast::LabelExpression& expression)
{
    auto has = [&](std::string_view label) { return graph.has_label(node, label); };
    return label_expression_holds(expression, has, !graph.labels(node).empty());
}

inline bool relationship_fits(const GraphAccess& graph, RelationIndex relationship, const ast::LabelExpression& expression)
{
    const auto& type = graph.type(relationship);
    auto has = [&](std::string_view name) { return type == name; };
    return label_expression_holds(expression, has, !type.empty());
}

}  // namespace actorgraph::cypher
