// The binder's subqueries. EXISTS, COUNT and COLLECT { ... } read the variables around them and may not
// write; COLLECT returns exactly one column. CALL { ... } sees only what an importing WITH at its start
// names, returns new variables (never ones bound outside) or, without RETURN, passes its input rows on.
#include "cypher/bind/binder.hpp"
#include "cypher/bind/clause_rules.hpp"
#include "cypher/bind/scope_binder.hpp"

namespace actorgraph::cypher::binding {

namespace {

const char* form_name(Nested::Form form)
{
    switch (form) {
    case Nested::Form::Exists: return "EXISTS";
    case Nested::Form::Count: return "COUNT";
    case Nested::Form::Collect: return "COLLECT";
    case Nested::Form::Call: return "CALL";
    }
    return "a";
}

Nested::Form form_of(ast::ExpressionKind kind)
{
    if (kind == ast::ExpressionKind::CountSubquery) return Nested::Form::Count;
    if (kind == ast::ExpressionKind::CollectSubquery) return Nested::Form::Collect;
    return Nested::Form::Exists;
}

// Neo4j's rule: the importing WITH only names outside variables, unchanged.
Scope imported_scope(const ast::Clause& with, const Scope& outer)
{
    const auto& projection = with.projection;
    if (projection.distinct || projection.where || !projection.order_by.empty() || projection.skip || projection.limit) {
        semantic("InvalidImportingWith",
                 "an importing WITH at the start of CALL { ... } only names outside variables (no DISTINCT, WHERE, "
                 "ORDER BY, SKIP or LIMIT; add a second WITH for them)", with.where);
    }
    Scope imported = projection.star ? outer : Scope{};
    for (const auto& item : projection.items) {
        const auto& e = *item.expression;
        bool plain = e.kind == ast::ExpressionKind::Variable && (!item.has_alias || item.alias == e.name);
        if (!plain) {
            semantic("InvalidImportingWith",
                     "an importing WITH at the start of CALL { ... } only names outside variables; alias or compute "
                     "in a second WITH", e.where);
        }
        auto found = outer.find(e.name);
        if (found == outer.end()) semantic("UndefinedVariable", "variable `" + e.name + "` not defined", e.where);
        imported[e.name] = found->second;
    }
    return imported;
}

}  // namespace

std::vector<std::string> Binder::subquery_part(const ast::SingleQuery& query, const Nested& nested)
{
    if (nested.form == Nested::Form::Call) return call_subquery_part(query, *nested.outer);
    const char* what = form_name(nested.form);
    scope_ = *nested.outer;
    standalone_ = false;
    std::vector<std::string> columns;
    for (std::size_t i = 0; i < query.clauses.size(); ++i) {
        const auto& clause = query.clauses[i];
        if (clause.kind == ast::ClauseKind::Return && i + 1 != query.clauses.size()) {
            semantic("InvalidClauseComposition", "RETURN can only be the last clause", query.clauses[i + 1].where);
        }
        if (writes(clause.kind) || (clause.subquery && writes(*clause.subquery))) {
            semantic("InvalidClauseComposition", std::string("a ") + what + " subquery cannot change the graph", clause.where);
        }
        columns = this->clause(clause);
    }
    if (nested.form == Nested::Form::Collect) {
        const auto& last = query.clauses.back();
        if (last.kind != ast::ClauseKind::Return || last.projection.star || last.projection.items.size() != 1) {
            semantic("InvalidClauseComposition", "COLLECT { ... } must end with a RETURN of exactly one column", last.where);
        }
    }
    return columns;
}

void Binder::subquery_expression(const ast::Expression& e)
{
    auto saved = scope_;
    bool saved_standalone = standalone_;
    Nested nested{form_of(e.kind), &saved};
    query(*e.subquery, &nested);
    scope_ = std::move(saved);
    standalone_ = saved_standalone;
}

std::vector<std::string> Binder::call_subquery_part(const ast::SingleQuery& query, const Scope& outer)
{
    standalone_ = false;
    std::size_t first = 0;
    scope_.clear();
    if (is_importing_with(query.clauses[0], [&](const std::string& name) { return outer.contains(name); })) {
        scope_ = imported_scope(query.clauses[0], outer);
        first = 1;
    }
    std::vector<std::string> columns;
    for (std::size_t i = first; i < query.clauses.size(); ++i) {
        const auto& clause = query.clauses[i];
        bool last = i + 1 == query.clauses.size();
        if (clause.kind == ast::ClauseKind::Return && !last) {
            semantic("InvalidClauseComposition", "RETURN can only be the last clause", query.clauses[i + 1].where);
        }
        columns = this->clause(clause);
        if (last) check_not_ending_with_rows(clause, columns);
        if (last && (clause.kind == ast::ClauseKind::Match || clause.kind == ast::ClauseKind::With ||
                     clause.kind == ast::ClauseKind::Unwind)) {
            semantic("InvalidClauseComposition", "CALL { ... } cannot end with " + clause_name(clause.kind) +
                                                     " (add RETURN, or end with a change)", clause.where);
        }
    }
    const auto& last = query.clauses.back();
    if (last.kind != ast::ClauseKind::Return) return {};
    for (const auto& item : last.projection.items) {
        if (!item.has_alias && item.expression->kind != ast::ExpressionKind::Variable) {
            semantic("NoExpressionAlias", "expressions returned by CALL { ... } must be aliased (use AS)", item.expression->where);
        }
    }
    return columns;
}

std::vector<std::string> Binder::call_subquery(const ast::Clause& clause)
{
    auto saved = scope_;
    bool saved_standalone = standalone_;
    Nested nested{Nested::Form::Call, &saved};
    auto columns = query(*clause.subquery, &nested);
    scope_ = std::move(saved);
    standalone_ = saved_standalone;
    for (const auto& column : columns) {
        if (scope_.contains(column)) {
            semantic("VariableAlreadyBound", "variable `" + column + "` is already bound outside CALL { ... }", clause.where);
        }
        scope_[column] = Kind::Any;
    }
    return columns;
}

void check_not_ending_with_rows(const ast::Clause& clause, const std::vector<std::string>& columns)
{
    if (clause.kind == ast::ClauseKind::Subquery && !columns.empty()) {
        semantic("InvalidClauseComposition", "a query cannot end with a CALL { ... } that returns rows (add RETURN)",
                 clause.where);
    }
}

}  // namespace actorgraph::cypher::binding
