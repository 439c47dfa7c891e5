#include "cypher/bind/binder.hpp"
#include "cypher/bind/aggregation_rules.hpp"
#include "cypher/bind/clause_rules.hpp"
#include "cypher/bind/scope_binder.hpp"

#include <algorithm>

#include "cypher/execute/aggregation.hpp"
#include "actorgraph/model/spelling.hpp"

namespace actorgraph::cypher {

namespace binding {

void semantic(const std::string& detail, const std::string& message, QueryPosition where)
{
    throw Error(ErrorClass::SyntaxError, detail, Phase::compile, message, where);
}

void syntax(const std::string& detail, const std::string& message, QueryPosition where)
{
    throw Error(ErrorClass::SyntaxError, detail, Phase::compile, message, where);
}

std::vector<std::string> Binder::query(const ast::Query& query, const Nested* nested)
{
    std::vector<std::string> first_columns;
    for (std::size_t i = 0; i < query.parts.size(); ++i) {
        auto columns = nested ? subquery_part(query.parts[i], *nested) : single(query.parts[i]);
        if (i == 0) {
            first_columns = columns;
        } else if (columns != first_columns) {
            auto sorted_a = first_columns, sorted_b = columns;
            std::sort(sorted_a.begin(), sorted_a.end());
            std::sort(sorted_b.begin(), sorted_b.end());
            if (sorted_a != sorted_b) {
                semantic("DifferentColumnsInUnion", "all sides of UNION must return the same column names",
                         query.parts[i].clauses.front().where);
            }
        }
    }
    if (!query.union_all.empty() &&
        std::any_of(query.union_all.begin(), query.union_all.end(), [&](bool all) { return all != query.union_all[0]; })) {
        semantic("InvalidClauseComposition", "UNION and UNION ALL cannot be mixed", query.parts[1].clauses.front().where);
    }
    return first_columns;
}

std::vector<std::string> Binder::single(const ast::SingleQuery& query)
{
    scope_.clear();
    std::vector<std::string> columns;
    for (std::size_t i = 0; i < query.clauses.size(); ++i) {
        const auto& clause = query.clauses[i];
        bool last = i + 1 == query.clauses.size();
        if (clause.kind == ast::ClauseKind::Return && !last) {
            semantic("InvalidClauseComposition", "RETURN can only be the last clause", query.clauses[i + 1].where);
        }
        standalone_ = query.clauses.size() == 1;
        columns = this->clause(clause);
        if (last) check_not_ending_with_rows(clause, columns);
        if (last && !standalone_ && clause.kind == ast::ClauseKind::Call &&
            !find_procedure(clause.call.name, defined_)->outputs.empty()) {
            semantic("InvalidClauseComposition", "a query cannot end with a CALL that yields rows (add RETURN)",
                     clause.where);
        }
        if (last && (clause.kind == ast::ClauseKind::Match || clause.kind == ast::ClauseKind::With ||
                     clause.kind == ast::ClauseKind::Unwind)) {
            semantic("InvalidClauseComposition", "a query cannot end with " + clause_name(clause.kind) +
                                                     " (add RETURN)", clause.where);
        }
    }
    return columns;
}

std::string Binder::clause_name(ast::ClauseKind kind)
{
    switch (kind) {
    case ast::ClauseKind::Match: return "MATCH";
    case ast::ClauseKind::With: return "WITH";
    case ast::ClauseKind::Unwind: return "UNWIND";
    default: return "this clause";
    }
}

std::vector<std::string> Binder::clause(const ast::Clause& clause)
{
    switch (clause.kind) {
    case ast::ClauseKind::Match:
        pattern(clause.pattern, false);
        if (clause.predicate) predicate(*clause.predicate);
        return {};
    case ast::ClauseKind::Unwind:
        expression(*clause.expression, false);
        introduce(clause.variable, Kind::Any, clause.where);
        return {};
    case ast::ClauseKind::With:
    case ast::ClauseKind::Return: return projection(clause.projection, clause.kind == ast::ClauseKind::With, clause.where);
    case ast::ClauseKind::Create:
        for (const auto& part : clause.pattern) creation(part, true);
        return {};
    case ast::ClauseKind::Merge:
        creation(clause.pattern[0], false);
        set_items(clause.on_create);
        set_items(clause.on_match);
        return {};
    case ast::ClauseKind::Set:
    case ast::ClauseKind::Remove: set_items(clause.items); return {};
    case ast::ClauseKind::Delete:
        for (const auto& e : clause.deleted) {
            check_deleted_expression(*e);
            expression(*e, false);
        }
        return {};
    case ast::ClauseKind::Call: return call(clause);
    case ast::ClauseKind::Subquery: return call_subquery(clause);
    }
    return {};
}

// Neo4j's rules: the arguments in parentheses (or, standalone only, implicitly the parameters named like
// the inputs); YIELD binds new variables; a standalone call without YIELD returns every output.
std::vector<std::string> Binder::call(const ast::Clause& clause)
{
    const auto& call = clause.call;
    const Procedure* procedure = find_procedure(call.name, defined_);
    if (!procedure) {
        auto names = procedure_names(defined_);
        auto suggestion = closest_word(call.name, names);
        throw Error(ErrorClass::ProcedureError, "ProcedureNotFound", Phase::compile,
                    "there is no procedure '" + call.name + "'" + (suggestion ? "; did you mean " + *suggestion + "()?" : ""),
                    clause.where);
    }
    call_arguments(call, *procedure);
    if (call.yield_star && !standalone_) {
        syntax("UnexpectedSyntax", "YIELD * is only allowed when CALL is the whole query", clause.where);
    }
    std::vector<std::string> columns;
    if (!call.has_yield || call.yield_star) {
        for (const auto& output : procedure->outputs) columns.push_back(output.name);
        if (standalone_) {
            for (const auto& output : procedure->outputs) introduce(output.name, kind_of(output.type), clause.where);
        }
    }
    for (const auto& item : call.yields) {
        auto output = std::find_if(procedure->outputs.begin(), procedure->outputs.end(),
                                   [&](const ProcedureField& f) { return f.name == item.field; });
        if (output == procedure->outputs.end()) {
            std::vector<std::string> known;
            for (const auto& f : procedure->outputs) known.push_back(f.name);
            syntax("UnknownProcedureOutput", unknown_word_message("output of " + call.name, item.field, known), item.where);
        }
        introduce(item.alias, kind_of(output->type), item.where);
        columns.push_back(item.alias);
    }
    if (clause.predicate) predicate(*clause.predicate);
    return columns;
}

void Binder::call_arguments(const ast::ProcedureCall& call, const Procedure& procedure)
{
    if (call.implicit_arguments) {
        if (!standalone_ && !procedure.inputs.empty()) {
            syntax("InvalidArgumentPassingMode", call.name + " takes arguments: pass them in parentheses",
                   call.arguments_where);
        }
        return;
    }
    if (call.arguments.size() != procedure.inputs.size()) {
        syntax("InvalidNumberOfArguments", call.name + " takes " + std::to_string(procedure.inputs.size()) +
                                               " argument(s) (" + signature(procedure) + "), not " +
                                               std::to_string(call.arguments.size()), call.arguments_where);
    }
    for (std::size_t i = 0; i < call.arguments.size(); ++i) {
        const auto& argument = *call.arguments[i];
        expression(argument, false);
        const auto& input = procedure.inputs[i];
        if (argument.kind == ast::ExpressionKind::Literal && !accepts(input.type, argument.literal)) {
            syntax("InvalidArgumentType", "argument '" + input.name + "' of " + call.name + " must be " +
                                              std::string(procedure_type_name(input.type)) + ", not " +
                                              type_name(argument.literal.type()), argument.where);
        }
    }
}

std::string Binder::signature(const Procedure& procedure)
{
    std::string text;
    for (const auto& input : procedure.inputs) {
        if (!text.empty()) text += ", ";
        text += input.name + " :: " + std::string(procedure_type_name(input.type));
    }
    return text;
}

Kind Binder::kind_of(ProcedureType type)
{
    return type == ProcedureType::Node ? Kind::Node : Kind::Any;
}

void Binder::introduce(const std::string& name, Kind kind, QueryPosition where)
{
    if (scope_.contains(name)) semantic("VariableAlreadyBound", "variable `" + name + "` is already bound", where);
    scope_[name] = kind;
}

std::vector<std::string> Binder::projection(const ast::Projection& projection, bool is_with, QueryPosition where)
{
    if (projection.star && scope_.empty() && !is_with) {
        syntax("NoVariablesInScope", "RETURN * needs variables in scope", where);
    }
    Scope next;
    std::vector<std::string> columns;
    if (projection.star) {
        next = scope_;
        for (const auto& [name, kind] : scope_) columns.push_back(name);
    }
    bool aggregating = false;
    const ast::Expression* unaliased = nullptr;  // reported after the aggregation rules, as Neo4j orders them
    for (const auto& item : projection.items) {
        expression(*item.expression, true);
        std::vector<const ast::Expression*> aggregates;
        collect_aggregates(*item.expression, aggregates);
        aggregating = aggregating || !aggregates.empty();
        if (is_with && !item.has_alias && item.expression->kind != ast::ExpressionKind::Variable && !unaliased) {
            unaliased = item.expression.get();
        }
        if (std::find(columns.begin(), columns.end(), item.alias) != columns.end()) {
            semantic("ColumnNameConflict", "the column name '" + item.alias + "' is used twice", item.expression->where);
        }
        columns.push_back(item.alias);
        next[item.alias] = kind_of(*item.expression);
    }
    check_projection_aggregation(projection, aggregating, columns);
    if (unaliased) semantic("NoExpressionAlias", "expressions in WITH must be aliased (use AS)", unaliased->where);
    // ORDER BY sees the projected names and the variables before (with aggregation, an expression over
    // them is read on the group's first row; aggregation_rules.cpp narrows what an aggregating or DISTINCT
    // projection's ORDER BY may read). It may aggregate only when the projection does.
    Scope order_scope = next;
    for (const auto& [name, kind] : scope_) order_scope.emplace(name, kind);
    scope_ = order_scope;
    for (const auto& sort : projection.order_by) {
        std::vector<const ast::Expression*> aggregates;
        collect_aggregates(*sort.expression, aggregates);
        if (!aggregating && !aggregates.empty()) {
            semantic("InvalidAggregation", "ORDER BY can aggregate only when the projection does", aggregates[0]->where);
        }
        expression(*sort.expression, true);
    }
    scope_ = {};
    if (projection.skip) constant(*projection.skip, "SKIP");
    if (projection.limit) constant(*projection.limit, "LIMIT");
    // WITH's WHERE reads the projected names and, unless the projection aggregates, the variables before.
    scope_ = aggregating ? next : order_scope;
    if (projection.where) predicate(*projection.where);
    scope_ = next;
    return columns;
}

void Binder::constant(const ast::Expression& expression, const char* clause)
{
    std::vector<std::string> names;
    variables_in(expression, names);
    if (!names.empty()) {
        syntax("NonConstantExpression", std::string(clause) + " cannot depend on variables", expression.where);
    }
    this->expression(expression, false);
    // A literal argument is checked now; a parameter when the statement runs.
    const auto* literal = &expression;
    bool negated = false;
    if (literal->kind == ast::ExpressionKind::Unary && literal->op == ast::Operator::Negate) {
        negated = true;
        literal = literal->children[0].get();
    }
    if (literal->kind != ast::ExpressionKind::Literal) return;
    const auto& value = literal->literal;
    if (!value.is_integer()) {
        syntax("InvalidArgumentType", std::string(clause) + " needs an integer, not " + type_name(value.type()),
               expression.where);
    }
    if (negated != (value.as_integer() < 0) && value.as_integer() != 0) {
        syntax("NegativeIntegerArgument", std::string(clause) + " must not be negative", expression.where);
    }
}

void Binder::variables_in(const ast::Expression& e, std::vector<std::string>& names)
{
    if (e.kind == ast::ExpressionKind::Variable) names.push_back(e.name);
    for (const auto& child : e.children) {
        if (child) variables_in(*child, names);
    }
}

}  // namespace binding

void bind(const ast::Query& query, std::span<const Procedure> defined)
{
    binding::Binder(defined).query(query);
}

}  // namespace actorgraph::cypher
