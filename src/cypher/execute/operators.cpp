#include "cypher/execute/operators.hpp"

#include <cmath>
#include <regex>

#include "cypher/execute/context.hpp"
#include "cypher/temporal/temporal_functions.hpp"

namespace actorgraph::cypher {

using ast::Operator;

namespace {

[[noreturn]] void type_error(const std::string& message, QueryPosition where)
{
    runtime_error(ErrorClass::TypeError, "InvalidArgumentType", message, where);
}

[[noreturn]] void overflow(QueryPosition where)
{
    runtime_error(ErrorClass::ArgumentError, "IntegerOverflow", "the result does not fit in a 64-bit integer", where);
}

std::string operator_symbol(Operator op)
{
    switch (op) {
    case Operator::Add: return "+";
    case Operator::Subtract: return "-";
    case Operator::Multiply: return "*";
    case Operator::Divide: return "/";
    case Operator::Modulo: return "%";
    case Operator::Power: return "^";
    default: return "?";
    }
}

Value integer_arithmetic(Operator op, std::int64_t a, std::int64_t b, QueryPosition where)
{
    std::int64_t result = 0;
    switch (op) {
    case Operator::Add:
        if (__builtin_add_overflow(a, b, &result)) overflow(where);
        return Value::integer(result);
    case Operator::Subtract:
        if (__builtin_sub_overflow(a, b, &result)) overflow(where);
        return Value::integer(result);
    case Operator::Multiply:
        if (__builtin_mul_overflow(a, b, &result)) overflow(where);
        return Value::integer(result);
    case Operator::Divide:
        if (b == 0) runtime_error(ErrorClass::ArgumentError, "DivisionByZero", "division by zero", where);
        if (a == std::numeric_limits<std::int64_t>::min() && b == -1) overflow(where);
        return Value::integer(a / b);
    case Operator::Modulo:
        if (b == 0) runtime_error(ErrorClass::ArgumentError, "DivisionByZero", "modulo by zero", where);
        if (b == -1) return Value::integer(0);
        return Value::integer(a % b);
    case Operator::Power: return Value::floating(std::pow(static_cast<double>(a), static_cast<double>(b)));
    default: return {};
    }
}

Value float_arithmetic(Operator op, double a, double b)
{
    switch (op) {
    case Operator::Add: return Value::floating(a + b);
    case Operator::Subtract: return Value::floating(a - b);
    case Operator::Multiply: return Value::floating(a * b);
    case Operator::Divide: return Value::floating(a / b);
    case Operator::Modulo: return Value::floating(std::fmod(a, b));
    case Operator::Power: return Value::floating(std::pow(a, b));
    default: return {};
    }
}

Value add(const Value& left, const Value& right, QueryPosition where)
{
    if (left.is_list() || right.is_list()) {
        List joined;
        if (left.is_list()) joined = left.as_list(); else joined.push_back(left);
        if (right.is_list()) {
            joined.insert(joined.end(), right.as_list().begin(), right.as_list().end());
        } else {
            joined.push_back(right);
        }
        return Value::list(std::move(joined));
    }
    if (left.is_null() || right.is_null()) return {};
    if (left.is_string() && right.is_string()) return Value::string(left.as_string() + right.as_string());
    auto text = [](const Value& v) {
        return v.is_integer() ? std::to_string(v.as_integer()) : format_float(v.as_float());
    };
    if (left.is_string() && right.is_number()) return Value::string(left.as_string() + text(right));
    if (left.is_number() && right.is_string()) return Value::string(text(left) + right.as_string());
    if (left.is_integer() && right.is_integer()) return integer_arithmetic(Operator::Add, left.as_integer(), right.as_integer(), where);
    if (left.is_number() && right.is_number()) return Value::floating(left.as_number() + right.as_number());
    type_error("cannot add " + type_name(left.type()) + " and " + type_name(right.type()), where);
}

bool regex_matches(const std::string& text, const std::string& pattern, QueryPosition where)
{
    // libstdc++'s matcher recurses per character; long subjects could exhaust the stack.
    constexpr std::size_t longest_subject = 10000;
    if (text.size() > longest_subject || pattern.size() > 1000) {
        runtime_error(ErrorClass::ArgumentError, "InvalidArgumentValue",
                      "=~ handles strings up to " + std::to_string(longest_subject) + " characters", where);
    }
    try {
        std::regex expression(pattern, std::regex::ECMAScript);
        return std::regex_match(text, expression);
    } catch (const std::regex_error& error) {
        runtime_error(ErrorClass::ArgumentError, "InvalidArgumentValue",
                      "invalid regular expression '" + pattern + "': " + error.what(), where);
    }
}

}  // namespace

std::optional<bool> to_condition(const Value& value, QueryPosition where)
{
    if (value.is_null()) return std::nullopt;
    if (!value.is_boolean()) type_error("expected a boolean but got " + type_name(value.type()), where);
    return value.as_boolean();
}

namespace {

template <typename Number>
bool ordered(ast::Operator op, Number left, Number right)
{
    switch (op) {
    case ast::Operator::Less: return left < right;
    case ast::Operator::Greater: return left > right;
    case ast::Operator::LessEqual: return left <= right;
    default: return left >= right;
    }
}

}  // namespace

bool comparison_holds(ast::Operator op, const Value& left, const Value& right)
{
    // NaN is unordered: the comparisons answer false, as compare_values does.
    if (op != ast::Operator::Equal && op != ast::Operator::NotEqual) {
        if (left.is_float() && right.is_float()) return ordered(op, left.as_float(), right.as_float());
        if (left.is_integer() && right.is_integer()) return ordered(op, left.as_integer(), right.as_integer());
    }
    auto answer = compare_values(op, left, right);
    return answer.is_boolean() && answer.as_boolean();
}

Value compare_values(Operator op, const Value& left, const Value& right)
{
    if (op == Operator::Equal || op == Operator::NotEqual) {
        auto same = equals(left, right);
        if (!same) return {};
        return Value::boolean(op == Operator::Equal ? *same : !*same);
    }
    // NaN is unordered: every ordering comparison with a number is false (not null, as with other types).
    bool nan_operand = (left.is_float() && std::isnan(left.as_float())) || (right.is_float() && std::isnan(right.as_float()));
    if (nan_operand && left.is_number() && right.is_number()) return Value::boolean(false);
    auto sign = compare(left, right);
    if (!sign) return {};
    switch (op) {
    case Operator::Less: return Value::boolean(*sign < 0);
    case Operator::Greater: return Value::boolean(*sign > 0);
    case Operator::LessEqual: return Value::boolean(*sign <= 0);
    case Operator::GreaterEqual: return Value::boolean(*sign >= 0);
    default: return {};
    }
}

Value membership(const Value& element, const Value& list, QueryPosition where)
{
    if (list.is_null()) return {};
    if (!list.is_list()) type_error("IN needs a list but got " + type_name(list.type()), where);
    bool unknown = false;
    for (const auto& candidate : list.as_list()) {
        auto same = equals(element, candidate);
        if (same && *same) return Value::boolean(true);
        if (!same) unknown = true;
    }
    return unknown ? Value() : Value::boolean(false);
}

Value apply_sign(Operator op, const Value& operand, QueryPosition where)
{
    if (operand.is_null()) return {};
    if (!operand.is_number()) type_error("unary " + std::string(op == Operator::Negate ? "-" : "+") +
                                             " needs a number but got " + type_name(operand.type()), where);
    if (op == Operator::Plus) return operand;
    if (operand.is_float()) return Value::floating(-operand.as_float());
    if (operand.as_integer() == std::numeric_limits<std::int64_t>::min()) overflow(where);
    return Value::integer(-operand.as_integer());
}

Value apply_binary(Operator op, const Value& left, const Value& right, QueryPosition where)
{
    bool arithmetic = op == Operator::Add || op == Operator::Subtract || op == Operator::Multiply || op == Operator::Divide;
    if (arithmetic && !left.is_list() && !right.is_list()) {
        if (auto result = temporal_operator(op, left, right, where)) return *result;
    }
    switch (op) {
    case Operator::Add: return add(left, right, where);
    case Operator::Subtract:
    case Operator::Multiply:
    case Operator::Divide:
    case Operator::Modulo:
    case Operator::Power:
        if (left.is_null() || right.is_null()) return {};
        if (!left.is_number() || !right.is_number()) {
            type_error("cannot apply " + operator_symbol(op) + " to " + type_name(left.type()) + " and " +
                           type_name(right.type()), where);
        }
        if (left.is_integer() && right.is_integer()) return integer_arithmetic(op, left.as_integer(), right.as_integer(), where);
        return float_arithmetic(op, left.as_number(), right.as_number());
    case Operator::Equal:
    case Operator::NotEqual:
    case Operator::Less:
    case Operator::Greater:
    case Operator::LessEqual:
    case Operator::GreaterEqual: return compare_values(op, left, right);
    case Operator::In: return membership(left, right, where);
    case Operator::StartsWith:
    case Operator::EndsWith:
    case Operator::Contains: {
        if (!left.is_string() || !right.is_string()) return {};
        const auto &text = left.as_string(), &part = right.as_string();
        bool found = op == Operator::StartsWith ? text.starts_with(part)
                     : op == Operator::EndsWith ? text.ends_with(part)
                                                : text.find(part) != std::string::npos;
        return Value::boolean(found);
    }
    case Operator::RegexMatch:
        if (!left.is_string() || !right.is_string()) return {};
        return Value::boolean(regex_matches(left.as_string(), right.as_string(), where));
    default: return {};
    }
}

}  // namespace actorgraph::cypher
