#include "cypher/bind/static_kind.hpp"

#include <algorithm>
#include <initializer_list>

#include "actorgraph/model/graph.hpp"  // fold_case

namespace actorgraph::cypher {

namespace {

using K = StaticKind;

bool known_and_outside(StaticKind kind, std::initializer_list<StaticKind> accepted)
{
    return kind != K::Any && std::find(accepted.begin(), accepted.end(), kind) == accepted.end();
}

StaticKind literal_kind(const Value& value)
{
    switch (value.type()) {
    case ValueType::Boolean: return K::Boolean;
    case ValueType::Integer: return K::Integer;
    case ValueType::Float: return K::Float;
    case ValueType::String: return K::String;
    case ValueType::List: return K::List;
    case ValueType::Map: return K::Map;
    default: return K::Any;
    }
}

bool is_boolean_operator(ast::Operator op)
{
    using O = ast::Operator;
    switch (op) {
    case O::Or: case O::Xor: case O::And: case O::Not:
    case O::Equal: case O::NotEqual: case O::Less: case O::Greater: case O::LessEqual: case O::GreaterEqual:
    case O::In: case O::StartsWith: case O::EndsWith: case O::Contains: case O::RegexMatch:
    case O::IsNull: case O::IsNotNull: return true;
    default: return false;
    }
}

[[noreturn]] void invalid_argument(const std::string& message, QueryPosition where)
{
    throw Error(ErrorClass::SyntaxError, "InvalidArgumentType", Phase::compile, message, where);
}

}  // namespace

std::string static_kind_name(StaticKind kind)
{
    switch (kind) {
    case K::Node: return "a node";
    case K::Relationship: return "a relationship";
    case K::Path: return "a path";
    case K::Any: return "a value";
    case K::Boolean: return "a boolean";
    case K::Integer: return "an integer";
    case K::Float: return "a float";
    case K::String: return "a string";
    case K::List: return "a list";
    case K::Map: return "a map";
    }
    return "a value";
}

StaticKind static_kind(const ast::Expression& e, const std::function<StaticKind(const std::string&)>& variable_kind)
{
    using E = ast::ExpressionKind;
    switch (e.kind) {
    case E::Literal: return literal_kind(e.literal);
    case E::Variable: return variable_kind(e.name);
    case E::ListLiteral:
    case E::ListComprehension:
    case E::PatternComprehension:
    case E::CollectSubquery: return K::List;
    case E::CountSubquery: return K::Integer;
    case E::MapLiteral:
    case E::MapProjection: return K::Map;
    case E::Comparison:
    case E::Existential:
    case E::Quantifier:
    case E::LabelCheck: return K::Boolean;
    case E::Unary:
    case E::Binary: return is_boolean_operator(e.op) ? K::Boolean : K::Any;
    default: return K::Any;  // also a pattern predicate: where it stands as a value, that is its error
    }
}

StaticKind element_kind(const ast::Expression& list, const std::function<StaticKind(const std::string&)>& variable_kind)
{
    if (list.kind != ast::ExpressionKind::ListLiteral || list.children.empty()) return K::Any;
    auto first = static_kind(*list.children[0], variable_kind);
    for (const auto& child : list.children) {
        if (static_kind(*child, variable_kind) != first) return K::Any;
    }
    return first;
}

void check_arithmetic(const ast::Expression& binary, StaticKind left, StaticKind right)
{
    using O = ast::Operator;
    auto op = binary.op;
    if (op != O::Subtract && op != O::Multiply && op != O::Divide && op != O::Modulo && op != O::Power) return;
    // Temporal values and durations are Any here, so their arithmetic passes to run time.
    auto never_number = [](StaticKind kind) {
        return kind != K::Any && kind != K::Integer && kind != K::Float;
    };
    if (never_number(left)) invalid_argument("arithmetic needs numbers, not " + static_kind_name(left), binary.children[0]->where);
    if (never_number(right)) invalid_argument("arithmetic needs numbers, not " + static_kind_name(right), binary.children[1]->where);
}

void check_argument_kinds(const ast::Expression& call, const std::vector<StaticKind>& kinds)
{
    if (kinds.empty()) return;
    auto name = fold_case(call.name);
    auto first = kinds[0];
    bool wrong = false;
    if (name == "labels") wrong = known_and_outside(first, {K::Node});
    else if (name == "type" || name == "startnode" || name == "endnode") wrong = known_and_outside(first, {K::Relationship});
    else if (name == "length" || name == "nodes" || name == "relationships") wrong = known_and_outside(first, {K::Path});
    else if (name == "size") wrong = known_and_outside(first, {K::List, K::String});
    else if (name == "properties" || name == "keys") wrong = known_and_outside(first, {K::Node, K::Relationship, K::Map});
    if (wrong) {
        invalid_argument(call.name + "() cannot take " + static_kind_name(first), call.children[0]->where);
    }
}

void check_property_access(const ast::Expression& property, StaticKind base)
{
    if (!known_and_outside(base, {K::Node, K::Relationship, K::Map})) return;
    // The TCK files a path's property as a syntax error and a value's as a type error.
    if (base == K::Path) invalid_argument("a path has no properties; read them from nodes(p) or relationships(p)", property.where);
    throw Error(ErrorClass::TypeError, "InvalidArgumentType", Phase::compile,
                "cannot read property '" + property.name + "' of " + static_kind_name(base), property.where);
}

void check_membership(const ast::Expression& in, StaticKind list)
{
    if (known_and_outside(list, {K::List})) {
        invalid_argument("IN needs a list, not " + static_kind_name(list), in.children[1]->where);
    }
}

void check_predicate(const ast::Expression& predicate, StaticKind kind)
{
    if (known_and_outside(kind, {K::Boolean})) {
        invalid_argument("WHERE needs a boolean, not " + static_kind_name(kind), predicate.where);
    }
}

}  // namespace actorgraph::cypher
