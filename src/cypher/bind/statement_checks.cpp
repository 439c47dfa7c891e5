// The checks of a statement beside the binder's scopes: the parameters it reads, and whether it writes.
#include "cypher/bind/binder.hpp"

namespace actorgraph::cypher {

namespace {

// Walks a statement, its CALL { ... } subqueries and the subqueries inside its expressions.
class ParameterCheck {
public:
    ParameterCheck(const Map& parameters, std::span<const Procedure> defined) : parameters_(parameters), defined_(defined) {}

    void query(const ast::Query& query)
    {
        for (const auto& part : query.parts) {
            for (const auto& clause : part.clauses) this->clause(clause);
        }
    }

private:
    void clause(const ast::Clause& clause)
    {
        for (const auto& pattern_part : clause.pattern) pattern(pattern_part);
        expression(clause.predicate.get());
        expression(clause.expression.get());
        for (const auto& item : clause.projection.items) expression(item.expression.get());
        for (const auto& sort : clause.projection.order_by) expression(sort.expression.get());
        expression(clause.projection.skip.get());
        expression(clause.projection.limit.get());
        expression(clause.projection.where.get());
        for (const auto* items : {&clause.items, &clause.on_create, &clause.on_match}) {
            for (const auto& item : *items) {
                expression(item.target.get());
                expression(item.value.get());
            }
        }
        for (const auto& e : clause.deleted) expression(e.get());
        for (const auto& e : clause.call.arguments) expression(e.get());
        if (clause.subquery) query(*clause.subquery);
        const Procedure* procedure = clause.kind == ast::ClauseKind::Call ? find_procedure(clause.call.name, defined_) : nullptr;
        if (!procedure || !clause.call.implicit_arguments) return;
        for (const auto& input : procedure->inputs) {
            if (!parameters_.contains(input.name)) {
                throw Error(ErrorClass::ParameterMissing, "MissingParameter", Phase::compile,
                            "CALL " + clause.call.name + " without parentheses reads its argument from $" +
                                input.name + ", which is not given", clause.call.arguments_where);
            }
        }
    }

    void pattern(const ast::PatternPart& part)
    {
        for (const auto& node : part.nodes) expression(node.properties.get());
        for (const auto& r : part.relationships) expression(r.properties.get());
    }

    void expression(const ast::Expression* e)
    {
        if (!e) return;
        if (e->kind == ast::ExpressionKind::Parameter && !parameters_.contains(e->name)) {
            throw Error(ErrorClass::ParameterMissing, "MissingParameter", Phase::compile,
                        "expected a parameter named $" + e->name, e->where);
        }
        for (const auto& child : e->children) expression(child.get());
        if (e->pattern) pattern(*e->pattern);
        if (e->subquery) query(*e->subquery);
    }

    const Map& parameters_;
    std::span<const Procedure> defined_;
};

}  // namespace

void check_parameters(const ast::Query& query, const Map& parameters, std::span<const Procedure> defined)
{
    ParameterCheck(parameters, defined).query(query);
}

bool writes(ast::ClauseKind kind)
{
    using C = ast::ClauseKind;
    return kind == C::Create || kind == C::Merge || kind == C::Set || kind == C::Remove || kind == C::Delete;
}

// Subqueries in expressions never write (the binder refuses it), so the statement's own clauses and those of
// its CALL { ... } subqueries tell.
bool writes(const ast::Query& query)
{
    for (const auto& part : query.parts) {
        for (const auto& clause : part.clauses) {
            if (writes(clause.kind)) return true;
            if (clause.subquery && writes(*clause.subquery)) return true;
        }
    }
    return false;
}

}  // namespace actorgraph::cypher
