// The binder's expressions: variables in scope, functions known, aggregates where they may stand, and the
// uses the operands' kinds rule out before the statement runs.
#include "cypher/bind/scope_binder.hpp"

#include "cypher/execute/aggregation.hpp"
#include "cypher/execute/functions.hpp"

namespace actorgraph::cypher::binding {

namespace {

// A literal that can never be a boolean (a number, string, list or map) where one is needed.
bool never_boolean(const ast::Expression& e)
{
    using K = ast::ExpressionKind;
    if (e.kind == K::Literal) return !e.literal.is_null() && !e.literal.is_boolean();
    return e.kind == K::ListLiteral || e.kind == K::MapLiteral;
}

}  // namespace

Kind Binder::variable_kind(const std::string& name) const
{
    auto found = scope_.find(name);
    return found == scope_.end() ? Kind::Any : found->second;
}

Kind Binder::kind_of(const ast::Expression& e) const
{
    return static_kind(e, [this](const std::string& name) { return variable_kind(name); });
}

// Uses that the operands' kinds rule out before the statement runs.
void Binder::kind_checks(const ast::Expression& e) const
{
    if (e.kind == ast::ExpressionKind::Property) check_property_access(e, kind_of(*e.children[0]));
    if (e.kind == ast::ExpressionKind::Binary && e.op == ast::Operator::In) check_membership(e, kind_of(*e.children[1]));
    if (e.kind == ast::ExpressionKind::Binary) check_arithmetic(e, kind_of(*e.children[0]), kind_of(*e.children[1]));
    if (e.kind == ast::ExpressionKind::FunctionCall) {
        std::vector<Kind> kinds;
        for (const auto& child : e.children) kinds.push_back(kind_of(*child));
        check_argument_kinds(e, kinds);
    }
}

void Binder::predicate(const ast::Expression& e)
{
    predicate_positions_.insert(&e);
    expression(e, false);
    check_predicate(e, kind_of(e));
}

// Checks an expression; aggregates are allowed only where `aggregates_allowed` (projections, ORDER BY).
void Binder::expression(const ast::Expression& e, bool aggregates_allowed)
{
    using K = ast::ExpressionKind;
    kind_checks(e);
    mark_predicate_operands(e, predicate_positions_);
    switch (e.kind) {
    case K::Variable:
        if (!scope_.contains(e.name)) semantic("UndefinedVariable", "variable `" + e.name + "` not defined", e.where);
        return;
    case K::CountStar:
        if (!aggregates_allowed) semantic("InvalidAggregation", "count(*) is not allowed here", e.where);
        return;
    case K::FunctionCall: {
        if (!is_known_function(e.name)) {
            auto suggestion = closest_function(e.name);
            semantic("UnknownFunction", "unknown function '" + e.name + "'" +
                                            (suggestion.empty() ? "" : "; did you mean " + suggestion + "()?"), e.where);
        }
        bool aggregate = is_aggregate_function(e.name);
        if (aggregate && !aggregates_allowed) {
            semantic("InvalidAggregation", e.name + "() is an aggregation and not allowed here", e.where);
        }
        for (const auto& child : e.children) {
            std::vector<const ast::Expression*> nested;
            if (aggregate) {
                collect_aggregates(*child, nested);
                if (!nested.empty()) semantic("NestedAggregation", "aggregations cannot be nested", nested[0]->where);
            }
            expression(*child, aggregates_allowed && !aggregate);
        }
        return;
    }
    case K::ListComprehension:
    case K::Quantifier: {
        expression(*e.children[0], aggregates_allowed);
        auto saved = scope_;
        scope_[e.name] = element_kind(*e.children[0], [this](const std::string& name) { return variable_kind(name); });
        for (std::size_t i = 1; i < e.children.size(); ++i) {
            if (e.children[i]) expression(*e.children[i], false);
        }
        scope_ = std::move(saved);
        return;
    }
    case K::Reduce: {
        expression(*e.children[0], aggregates_allowed);
        expression(*e.children[1], aggregates_allowed);
        auto saved = scope_;
        scope_[e.keys[0]] = Kind::Any;
        scope_[e.name] = Kind::Any;
        expression(*e.children[2], false);
        scope_ = std::move(saved);
        return;
    }
    case K::PatternComprehension:
    case K::PatternPredicate: {
        if (e.kind == K::PatternPredicate) {
            check_pattern_predicate(e, predicate_positions_, [this](const std::string& name) { return scope_.contains(name); });
        }
        auto saved = scope_;
        pattern_in_expression(*e.pattern);
        for (const auto& child : e.children) {
            if (child) expression(*child, false);
        }
        scope_ = std::move(saved);
        return;
    }
    case K::Existential:
    case K::CountSubquery:
    case K::CollectSubquery: subquery_expression(e); return;
    case K::Unary:
    case K::Binary:
        if (e.op == ast::Operator::And || e.op == ast::Operator::Or || e.op == ast::Operator::Xor ||
            e.op == ast::Operator::Not) {
            for (const auto& child : e.children) {
                if (never_boolean(*child)) {
                    syntax("InvalidArgumentType", "a boolean operator needs booleans", child->where);
                }
            }
        }
        for (const auto& child : e.children) expression(*child, aggregates_allowed);
        return;
    case K::MapProjection:
        expression(*e.children[0], aggregates_allowed);
        for (const auto& item : e.map_items) {
            if (item.kind == ast::MapProjectionItem::Kind::Variable && !scope_.contains(item.key)) {
                semantic("UndefinedVariable", "variable `" + item.key + "` not defined", e.where);
            }
            if (item.kind == ast::MapProjectionItem::Kind::Entry) {
                expression(*e.children[static_cast<std::size_t>(item.child)], aggregates_allowed);
            }
        }
        return;
    default:
        for (const auto& child : e.children) {
            if (child) expression(*child, aggregates_allowed);
        }
    }
}

}  // namespace actorgraph::cypher::binding
