#include "cypher/execute/evaluator.hpp"

#include "cypher/execute/functions.hpp"
#include "cypher/execute/label_expression.hpp"
#include "cypher/execute/matcher.hpp"
#include "cypher/execute/operators.hpp"
#include "cypher/temporal/temporal_functions.hpp"

namespace actorgraph::cypher {

using ast::ExpressionKind;
using ast::Operator;

Value Evaluator::eval(const ast::Expression& e)
{
    switch (e.kind) {
    case ExpressionKind::Literal: return e.literal;
    case ExpressionKind::Parameter: return parameter(e);
    case ExpressionKind::Variable: return variable(e);
    case ExpressionKind::Property: return property(e);
    case ExpressionKind::Subscript: return subscript(e);
    case ExpressionKind::Slice: return slice(e);
    case ExpressionKind::ListLiteral: return list_literal(e);
    case ExpressionKind::MapLiteral: return map_literal(e);
    case ExpressionKind::Unary: return unary(e);
    case ExpressionKind::Binary: return binary(e);
    case ExpressionKind::Comparison: return comparison_chain(e);
    case ExpressionKind::FunctionCall: return function_call(e);
    case ExpressionKind::CountStar: return aggregate(e);
    case ExpressionKind::Case: return case_expression(e);
    case ExpressionKind::ListComprehension: return list_comprehension(e);
    case ExpressionKind::Quantifier: return quantifier(e);
    case ExpressionKind::Reduce: return reduce(e);
    case ExpressionKind::PatternComprehension: return pattern_comprehension(e);
    case ExpressionKind::PatternPredicate: return pattern_predicate(e);
    case ExpressionKind::MapProjection: return map_projection(e);
    case ExpressionKind::LabelCheck: return label_check(e);
    case ExpressionKind::Existential: return existential(e);
    case ExpressionKind::CountSubquery: return counted_subquery(e);
    case ExpressionKind::CollectSubquery: return collected_subquery(e);
    }
    return {};
}

bool Evaluator::holds(const ast::Expression& expression)
{
    auto answer = to_condition(eval(expression), expression.where);
    return answer && *answer;
}

Value Evaluator::variable(const ast::Expression& e) const
{
    return variable_value(e);
}

const Value& Evaluator::variable_value(const ast::Expression& e) const
{
    for (auto it = locals_.rbegin(); it != locals_.rend(); ++it) {
        if (it->first == e.name) return it->second;
    }
    for (std::size_t i = 0; i < columns_.size(); ++i) {
        if (columns_[i] == e.name) return row_[i];
    }
    // The binder rejects unknown variables; this guards internal mistakes.
    runtime_error(ErrorClass::SemanticError, "UndefinedVariable", "variable `" + e.name + "` not defined", e.where);
}

Value Evaluator::parameter(const ast::Expression& e) const
{
    auto found = context_.parameters.find(e.name);
    if (found == context_.parameters.end()) {
        runtime_error(ErrorClass::ParameterMissing, "MissingParameter", "expected a parameter named $" + e.name, e.where);
    }
    return found->second;
}

Value Evaluator::unary(const ast::Expression& e)
{
    auto operand = eval(*e.children[0]);
    switch (e.op) {
    case Operator::Not: {
        auto value = to_condition(operand, e.where);
        return value ? Value::boolean(!*value) : Value();
    }
    case Operator::IsNull: return Value::boolean(operand.is_null());
    case Operator::IsNotNull: return Value::boolean(!operand.is_null());
    default: return apply_sign(e.op, operand, e.where);
    }
}

Value Evaluator::binary(const ast::Expression& e)
{
    if (e.op == Operator::And || e.op == Operator::Or || e.op == Operator::Xor) return logical(e);
    auto left = eval(*e.children[0]);
    auto right = eval(*e.children[1]);
    return apply_binary(e.op, left, right, e.where);
}

// Three-valued: false AND null is false, true OR null is true, anything XOR null is null. Both sides are
// evaluated so that a type error on either side is reported whatever the other holds.
Value Evaluator::logical(const ast::Expression& e)
{
    auto left = to_condition(eval(*e.children[0]), e.children[0]->where);
    auto right = to_condition(eval(*e.children[1]), e.children[1]->where);
    switch (e.op) {
    case Operator::And:
        if ((left && !*left) || (right && !*right)) return Value::boolean(false);
        if (left && right) return Value::boolean(true);
        return {};
    case Operator::Or:
        if ((left && *left) || (right && *right)) return Value::boolean(true);
        if (left && right) return Value::boolean(false);
        return {};
    default:
        if (!left || !right) return {};
        return Value::boolean(*left != *right);
    }
}

Value Evaluator::comparison_chain(const ast::Expression& e)
{
    // Two operands at a time, with no list of them: a WHERE over millions of rows allocates nothing here. Every
    // operand is still evaluated (its errors raised) after a comparison is false; comparing never throws.
    Value left = eval(*e.children[0]);
    bool unknown = false, failed = false;
    for (std::size_t i = 0; i < e.operators.size(); ++i) {
        Value right = eval(*e.children[i + 1]);
        if (!failed) {
            auto answer = compare_values(e.operators[i], left, right);
            if (answer.is_null()) unknown = true;
            else failed = !answer.as_boolean();
        }
        left = std::move(right);
    }
    if (failed) return Value::boolean(false);
    return unknown ? Value() : Value::boolean(true);
}

Value property_of(Context& context, const Value& value, const std::string& key, QueryPosition where)
{
    switch (value.type()) {
    case ValueType::Null: return {};
    case ValueType::Node: return context.graph.node_property(value.as_node(), key);
    case ValueType::Relationship: return context.graph.relationship_property(value.as_relationship(), key);
    case ValueType::Map: {
        auto found = value.as_map().find(key);
        return found == value.as_map().end() ? Value() : found->second;
    }
    case ValueType::Date:
    case ValueType::LocalTime:
    case ValueType::Time:
    case ValueType::LocalDateTime:
    case ValueType::DateTime:
    case ValueType::Duration: return temporal_property(value, key, where);
    default:
        runtime_error(ErrorClass::TypeError, "PropertyAccessOnNonMap",
                      "cannot read property '" + key + "' of a " + type_name(value.type()), where);
    }
}

Value Evaluator::property(const ast::Expression& e)
{
    // `r.amount`, the commonest shape, reads the row's value in place (a scan does this once per relationship).
    const auto& subject = *e.children[0];
    if (subject.kind == ExpressionKind::Variable) return property_of(context_, variable_value(subject), e.name, e.where);
    return property_of(context_, eval(subject), e.name, e.where);
}

Value Evaluator::subscript(const ast::Expression& e)
{
    auto base = eval(*e.children[0]);
    auto index = eval(*e.children[1]);
    if (base.is_null() || index.is_null()) return {};
    if (base.is_list()) {
        if (!index.is_integer()) {
            runtime_error(ErrorClass::TypeError, "ListElementAccessByNonInteger",
                          "a list index must be an integer, not " + type_name(index.type()), e.where);
        }
        const auto& list = base.as_list();
        auto i = index.as_integer();
        auto size = static_cast<std::int64_t>(list.size());
        if (i < 0) i += size;
        if (i < 0 || i >= size) return {};
        return list[static_cast<std::size_t>(i)];
    }
    if (base.is_map() || base.is_node() || base.is_relationship()) {
        if (!index.is_string()) {
            runtime_error(ErrorClass::TypeError, "MapElementAccessByNonString",
                          "a map key must be a string, not " + type_name(index.type()), e.where);
        }
        return property_of(context_, base, index.as_string(), e.where);
    }
    runtime_error(ErrorClass::TypeError, "InvalidArgumentType", "cannot index a " + type_name(base.type()), e.where);
}

Value Evaluator::slice(const ast::Expression& e)
{
    auto base = eval(*e.children[0]);
    auto from = e.children[1] ? eval(*e.children[1]) : Value::integer(0);
    auto to = e.children[2] ? eval(*e.children[2]) : Value::integer(std::numeric_limits<std::int64_t>::max());
    if (base.is_null() || from.is_null() || to.is_null()) return {};
    if (!base.is_list()) runtime_error(ErrorClass::TypeError, "InvalidElementAccess", "cannot slice a " + type_name(base.type()), e.where);
    if (!from.is_integer() || !to.is_integer()) {
        runtime_error(ErrorClass::TypeError, "ListElementAccessByNonInteger", "slice bounds must be integers", e.where);
    }
    const auto& list = base.as_list();
    auto size = static_cast<std::int64_t>(list.size());
    auto clamp = [size](std::int64_t i) {
        if (i < 0) i = std::max<std::int64_t>(0, i + size);
        return std::min(i, size);
    };
    auto begin = clamp(from.as_integer()), end = clamp(to.as_integer());
    if (begin >= end) return Value::list({});
    return Value::list(List(list.begin() + begin, list.begin() + end));
}

Value Evaluator::list_literal(const ast::Expression& e)
{
    List list;
    list.reserve(e.children.size());
    for (const auto& child : e.children) list.push_back(eval(*child));
    return Value::list(std::move(list));
}

Value Evaluator::map_literal(const ast::Expression& e)
{
    Map map;
    for (std::size_t i = 0; i < e.children.size(); ++i) map.insert_or_assign(e.keys[i], eval(*e.children[i]));
    return Value::map(std::move(map));
}

Value Evaluator::aggregate(const ast::Expression& e) const
{
    if (aggregates_) {
        auto found = aggregates_->find(&e);
        if (found != aggregates_->end()) return found->second;
    }
    runtime_error(ErrorClass::SemanticError, "InvalidAggregation", "aggregation is not allowed here", e.where);
}

Value Evaluator::function_call(const ast::Expression& e)
{
    if (is_aggregate_function(e.name)) return aggregate(e);
    std::vector<Value> arguments;
    arguments.reserve(e.children.size());
    for (const auto& child : e.children) arguments.push_back(eval(*child));
    return call_function(context_, e.name, arguments, e.where);
}

Value Evaluator::case_expression(const ast::Expression& e)
{
    std::size_t i = 0;
    Value subject;
    if (e.has_subject) subject = eval(*e.children[i++]);
    std::size_t pairs_end = e.children.size() - (e.has_else ? 1 : 0);
    for (; i < pairs_end; i += 2) {
        auto when = eval(*e.children[i]);
        bool chosen = false;
        if (e.has_subject) {
            auto same = equals(subject, when);
            chosen = same && *same;
        } else {
            auto condition = to_condition(when, e.children[i]->where);
            chosen = condition && *condition;
        }
        if (chosen) return eval(*e.children[i + 1]);
    }
    return e.has_else ? eval(*e.children.back()) : Value();
}

Value Evaluator::list_comprehension(const ast::Expression& e)
{
    auto source = eval(*e.children[0]);
    if (source.is_null()) return {};
    if (!source.is_list()) runtime_error(ErrorClass::TypeError, "InvalidArgumentType", "expected a list after IN", e.children[0]->where);
    List result;
    for (const auto& element : source.as_list()) {
        locals_.emplace_back(e.name, element);
        bool keep = !e.children[1] || holds(*e.children[1]);
        if (keep) result.push_back(e.children[2] ? eval(*e.children[2]) : element);
        locals_.pop_back();
        context_.tick();
    }
    return Value::list(std::move(result));
}

Value Evaluator::quantifier(const ast::Expression& e)
{
    auto source = eval(*e.children[0]);
    if (source.is_null()) return {};
    if (!source.is_list()) runtime_error(ErrorClass::TypeError, "InvalidArgumentType", "expected a list after IN", e.children[0]->where);
    std::size_t trues = 0, unknowns = 0;
    for (const auto& element : source.as_list()) {
        locals_.emplace_back(e.name, element);
        auto answer = to_condition(eval(*e.children[1]), e.children[1]->where);
        locals_.pop_back();
        if (!answer) ++unknowns;
        else if (*answer) ++trues;
    }
    auto size = source.as_list().size();
    const auto& kind = e.keys[0];
    if (kind == "all") {
        if (trues + unknowns < size) return Value::boolean(false);
        return unknowns ? Value() : Value::boolean(true);
    }
    if (kind == "any") {
        if (trues > 0) return Value::boolean(true);
        return unknowns ? Value() : Value::boolean(false);
    }
    if (kind == "none") {
        if (trues > 0) return Value::boolean(false);
        return unknowns ? Value() : Value::boolean(true);
    }
    // single
    if (trues > 1) return Value::boolean(false);
    if (unknowns) return {};
    return Value::boolean(trues == 1);
}

Value Evaluator::reduce(const ast::Expression& e)
{
    auto accumulator = eval(*e.children[0]);
    auto source = eval(*e.children[1]);
    if (source.is_null()) return {};
    if (!source.is_list()) runtime_error(ErrorClass::TypeError, "InvalidArgumentType", "expected a list after IN", e.children[1]->where);
    for (const auto& element : source.as_list()) {
        locals_.emplace_back(e.keys[0], accumulator);
        locals_.emplace_back(e.name, element);
        accumulator = eval(*e.children[2]);
        locals_.pop_back();
        locals_.pop_back();
    }
    return accumulator;
}

std::pair<Columns, Row> Evaluator::flattened_scope() const
{
    Columns columns = columns_;
    Row row = row_;
    for (const auto& [name, value] : locals_) {
        columns.push_back(name);
        row.push_back(value);
    }
    return {std::move(columns), std::move(row)};
}

Value Evaluator::pattern_comprehension(const ast::Expression& e)
{
    auto [columns, row] = flattened_scope();
    PatternMatcher matcher(context_, std::span(e.pattern.get(), 1), columns);
    List result;
    matcher.match(row, [&](const Row& found) {
        Evaluator inner(context_, matcher.columns(), found);
        if (e.children[0] && !inner.holds(*e.children[0])) return;
        result.push_back(inner.eval(*e.children[1]));
    });
    return Value::list(std::move(result));
}

Value Evaluator::pattern_predicate(const ast::Expression& e)
{
    auto [columns, row] = flattened_scope();
    PatternMatcher matcher(context_, std::span(e.pattern.get(), 1), columns);
    return Value::boolean(matcher.exists(row));
}

Value Evaluator::map_projection(const ast::Expression& e)
{
    auto base = eval(*e.children[0]);
    if (base.is_null()) return {};
    if (!base.is_node() && !base.is_relationship() && !base.is_map()) {
        runtime_error(ErrorClass::TypeError, "InvalidArgumentType", "a map projection needs a node, relationship or map",
                      e.where);
    }
    Map result;
    for (const auto& item : e.map_items) {
        switch (item.kind) {
        case ast::MapProjectionItem::Kind::AllProperties: {
            Map all = base.is_node()           ? context_.graph.node_properties(base.as_node())
                      : base.is_relationship() ? context_.graph.relationship_properties(base.as_relationship())
                                               : base.as_map();
            for (auto& [key, value] : all) result.insert_or_assign(key, std::move(value));
            break;
        }
        case ast::MapProjectionItem::Kind::Property:
            result.insert_or_assign(item.key, property_of(context_, base, item.key, e.where));
            break;
        case ast::MapProjectionItem::Kind::Entry:
            result.insert_or_assign(item.key, eval(*e.children[static_cast<std::size_t>(item.child)]));
            break;
        case ast::MapProjectionItem::Kind::Variable: {
            ast::Expression variable_expression;
            variable_expression.kind = ExpressionKind::Variable;
            variable_expression.name = item.key;
            variable_expression.where = e.where;
            result.insert_or_assign(item.key, variable(variable_expression));
            break;
        }
        }
    }
    return Value::map(std::move(result));
}

Value Evaluator::label_check(const ast::Expression& e)
{
    auto subject = eval(*e.children[0]);
    if (subject.is_null()) return {};
    if (e.label_expression && (subject.is_relationship() || subject.is_node())) {
        return Value::boolean(subject.is_node() ? node_fits(context_.graph, subject.as_node(), *e.label_expression)
                                                : relationship_fits(context_.graph, subject.as_relationship(), *e.label_expression));
    }
    if (subject.is_relationship()) {
        // r:T is true when the relationship has one of the types (Neo4j reads it so).
        for (const auto& key : e.keys) {
            if (context_.graph.type(subject.as_relationship()) == key) return Value::boolean(true);
        }
        return Value::boolean(false);
    }
    if (!subject.is_node()) runtime_error(ErrorClass::TypeError, "InvalidArgumentType", "labels can only be checked on nodes", e.where);
    for (const auto& key : e.keys) {
        if (!context_.graph.has_label(subject.as_node(), key)) return Value::boolean(false);
    }
    return Value::boolean(true);
}

}  // namespace actorgraph::cypher
