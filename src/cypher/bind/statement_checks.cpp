// The checks of a statement beside the binder's scopes: the parameters it reads, and whether it writes.
#include "cypher/bind/binder.hpp"

namespace actorgraph::cypher {

namespace {

void check_expression_parameters(const ast::Expression* e, const Map& parameters)
{
    if (!e) return;
    if (e->kind == ast::ExpressionKind::Parameter && !parameters.contains(e->name)) {
        throw Error(ErrorClass::ParameterMissing, "MissingParameter", Phase::compile,
                    "expected a parameter named $" + e->name, e->where);
    }
    for (const auto& child : e->children) check_expression_parameters(child.get(), parameters);
    if (e->pattern) {
        for (const auto& node : e->pattern->nodes) check_expression_parameters(node.properties.get(), parameters);
        for (const auto& r : e->pattern->relationships) check_expression_parameters(r.properties.get(), parameters);
    }
}

}  // namespace

void check_parameters(const ast::Query& query, const Map& parameters, std::span<const Procedure> defined)
{
    auto check = [&](const ast::Expression* e) { check_expression_parameters(e, parameters); };
    for (const auto& part : query.parts) {
        for (const auto& clause : part.clauses) {
            for (const auto& pattern_part : clause.pattern) {
                for (const auto& node : pattern_part.nodes) check(node.properties.get());
                for (const auto& r : pattern_part.relationships) check(r.properties.get());
            }
            check(clause.predicate.get());
            check(clause.expression.get());
            for (const auto& item : clause.projection.items) check(item.expression.get());
            for (const auto& sort : clause.projection.order_by) check(sort.expression.get());
            check(clause.projection.skip.get());
            check(clause.projection.limit.get());
            check(clause.projection.where.get());
            for (const auto* items : {&clause.items, &clause.on_create, &clause.on_match}) {
                for (const auto& item : *items) {
                    check(item.target.get());
                    check(item.value.get());
                }
            }
            for (const auto& e : clause.deleted) check(e.get());
            for (const auto& e : clause.call.arguments) check(e.get());
            const Procedure* procedure = clause.kind == ast::ClauseKind::Call ? find_procedure(clause.call.name, defined) : nullptr;
            if (procedure && clause.call.implicit_arguments) {
                for (const auto& input : procedure->inputs) {
                    if (!parameters.contains(input.name)) {
                        throw Error(ErrorClass::ParameterMissing, "MissingParameter", Phase::compile,
                                    "CALL " + clause.call.name + " without parentheses reads its argument from $" +
                                        input.name + ", which is not given", clause.call.arguments_where);
                    }
                }
            }
        }
    }
}

bool writes(const ast::Query& query)
{
    for (const auto& part : query.parts) {
        for (const auto& clause : part.clauses) {
            switch (clause.kind) {
            case ast::ClauseKind::Create:
            case ast::ClauseKind::Merge:
            case ast::ClauseKind::Set:
            case ast::ClauseKind::Remove:
            case ast::ClauseKind::Delete: return true;
            default: break;
            }
        }
    }
    return false;
}

}  // namespace actorgraph::cypher
