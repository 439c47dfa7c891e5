#include "cypher/bind/clause_rules.hpp"

namespace actorgraph::cypher {

namespace {

[[noreturn]] void syntax(const std::string& detail, const std::string& message, QueryPosition where)
{
    throw Error(ErrorClass::SyntaxError, detail, Phase::compile, message, where);
}

}  // namespace

void check_deleted_expression(const ast::Expression& e)
{
    using K = ast::ExpressionKind;
    if (e.kind == K::LabelCheck) syntax("InvalidDelete", "DELETE removes nodes and relationships; remove a label with REMOVE n:Label", e.where);
    bool never_entity = e.kind == K::Literal ? !e.literal.is_null()
                                             : e.kind == K::Binary || e.kind == K::Unary || e.kind == K::Comparison ||
                                                   e.kind == K::MapLiteral || e.kind == K::ListLiteral;
    if (never_entity) syntax("InvalidArgumentType", "DELETE takes nodes, relationships and paths", e.where);
}

void check_shortest_part(const ast::PatternPart& part)
{
    if (part.relationships.size() != 1) {
        syntax("InvalidShortestPath", part.shortest + "(...) needs a pattern of exactly one relationship, such as (a)-[*]->(b)",
               part.where);
    }
    const auto& r = part.relationships[0];
    if (r.variable_length && r.min_hops.value_or(1) > 1) {
        syntax("InvalidShortestPath", part.shortest + "(...) searches from length 0 or 1; filter longer ones with WHERE length(p) >= n",
               r.where);
    }
}

bool is_importing_with(const ast::Clause& first, const std::function<bool(const std::string&)>& is_outer)
{
    if (first.kind != ast::ClauseKind::With) return false;
    if (first.projection.star) return true;
    for (const auto& item : first.projection.items) {
        if (item.expression->kind == ast::ExpressionKind::Variable && is_outer(item.expression->name)) return true;
    }
    return false;
}

}  // namespace actorgraph::cypher
