#include "actorgraph/model/spelling.hpp"
#include "cypher/execute/functions.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <random>
#include <span>

#include "cypher/execute/evaluator.hpp"
#include "cypher/execute/function_arguments.hpp"
#include "cypher/temporal/temporal_functions.hpp"

namespace actorgraph::cypher {

void wrong_type(std::string_view function, const Value& value, QueryPosition where)
{
    runtime_error(ErrorClass::TypeError, "InvalidArgumentType",
                  std::string(function) + "() cannot take a " + type_name(value.type()), where);
}

// The conversion functions report a value they cannot convert as TypeError (InvalidArgumentValue).
void unconvertible(std::string_view function, const Value& value, QueryPosition where)
{
    runtime_error(ErrorClass::TypeError, "InvalidArgumentValue",
                  std::string(function) + "() cannot convert a " + type_name(value.type()), where);
}

void wrong_value(std::string_view function, const std::string& why, QueryPosition where)
{
    runtime_error(ErrorClass::ArgumentError, "InvalidArgumentValue", std::string(function) + "(): " + why, where);
}


std::size_t utf8_length(const std::string& text)
{
    return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    }));
}

// The byte offset of the n-th character (or the end).
std::size_t utf8_offset(const std::string& text, std::size_t characters)
{
    std::size_t i = 0;
    while (i < text.size() && characters > 0) {
        ++i;
        while (i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) ++i;
        --characters;
    }
    return i;
}

std::mt19937_64& random_engine()
{
    thread_local std::mt19937_64 engine{std::random_device{}()};
    return engine;
}

double number_argument(std::string_view function, const Value& value, QueryPosition where)
{
    if (!value.is_number()) wrong_type(function, value, where);
    return value.as_number();
}

std::int64_t integer_argument(std::string_view function, const Value& value, QueryPosition where)
{
    if (!value.is_integer()) wrong_type(function, value, where);
    return value.as_integer();
}

namespace {

using Function = ScalarFunction;

Value f_id(Context&, const Arguments& a, QueryPosition where)
{
    if (a[0].is_null()) return {};
    if (a[0].is_node()) return Value::integer(a[0].as_node());
    if (a[0].is_relationship()) return Value::integer(a[0].as_relationship());
    wrong_type("id", a[0], where);
}

Value f_type(Context& c, const Arguments& a, QueryPosition where)
{
    if (a[0].is_null()) return {};
    if (!a[0].is_relationship()) unconvertible("type", a[0], where);
    return Value::string(c.graph.type(a[0].as_relationship()));
}

Value f_labels(Context& c, const Arguments& a, QueryPosition where)
{
    if (a[0].is_null()) return {};
    if (!a[0].is_node()) unconvertible("labels", a[0], where);
    List labels;
    for (auto& label : c.graph.labels(a[0].as_node())) labels.push_back(Value::string(std::move(label)));
    return Value::list(std::move(labels));
}

Map properties_map(Context& c, const Value& v, std::string_view function, QueryPosition where)
{
    if (v.is_node()) return c.graph.node_properties(v.as_node());
    if (v.is_relationship()) return c.graph.relationship_properties(v.as_relationship());
    if (v.is_map()) return v.as_map();
    wrong_type(function, v, where);
}

Value f_keys(Context& c, const Arguments& a, QueryPosition where)
{
    if (a[0].is_null()) return {};
    List keys;
    for (const auto& [key, value] : properties_map(c, a[0], "keys", where)) {
        if (!value.is_null() || a[0].is_map()) keys.push_back(Value::string(key));
    }
    return Value::list(std::move(keys));
}

Value f_properties(Context& c, const Arguments& a, QueryPosition where)
{
    if (a[0].is_null()) return {};
    return Value::map(properties_map(c, a[0], "properties", where));
}

Value f_length(Context&, const Arguments& a, QueryPosition where)
{
    if (a[0].is_null()) return {};
    if (a[0].is_path()) return Value::integer(static_cast<std::int64_t>(a[0].as_path().relationships.size()));
    wrong_type("length", a[0], where);
}

Value f_size(Context&, const Arguments& a, QueryPosition where)
{
    if (a[0].is_null()) return {};
    if (a[0].is_list()) return Value::integer(static_cast<std::int64_t>(a[0].as_list().size()));
    if (a[0].is_string()) return Value::integer(static_cast<std::int64_t>(utf8_length(a[0].as_string())));
    wrong_type("size", a[0], where);
}

Value f_nodes(Context&, const Arguments& a, QueryPosition where)
{
    if (a[0].is_null()) return {};
    if (!a[0].is_path()) wrong_type("nodes", a[0], where);
    List nodes;
    for (auto node : a[0].as_path().nodes) nodes.push_back(Value::node(node));
    return Value::list(std::move(nodes));
}

Value f_relationships(Context&, const Arguments& a, QueryPosition where)
{
    if (a[0].is_null()) return {};
    if (!a[0].is_path()) wrong_type("relationships", a[0], where);
    List relationships;
    for (auto r : a[0].as_path().relationships) relationships.push_back(Value::relationship(r));
    return Value::list(std::move(relationships));
}

Value f_start_node(Context& c, const Arguments& a, QueryPosition where)
{
    if (a[0].is_null()) return {};
    if (!a[0].is_relationship()) wrong_type("startNode", a[0], where);
    return Value::node(c.graph.graph().relation(a[0].as_relationship()).source);
}

Value f_end_node(Context& c, const Arguments& a, QueryPosition where)
{
    if (a[0].is_null()) return {};
    if (!a[0].is_relationship()) wrong_type("endNode", a[0], where);
    return Value::node(c.graph.graph().relation(a[0].as_relationship()).target);
}

Value f_head(Context&, const Arguments& a, QueryPosition where)
{
    if (a[0].is_null()) return {};
    if (!a[0].is_list()) wrong_type("head", a[0], where);
    return a[0].as_list().empty() ? Value() : a[0].as_list().front();
}

Value f_last(Context&, const Arguments& a, QueryPosition where)
{
    if (a[0].is_null()) return {};
    if (!a[0].is_list()) wrong_type("last", a[0], where);
    return a[0].as_list().empty() ? Value() : a[0].as_list().back();
}

Value f_tail(Context&, const Arguments& a, QueryPosition where)
{
    if (a[0].is_null()) return {};
    if (!a[0].is_list()) wrong_type("tail", a[0], where);
    const auto& list = a[0].as_list();
    if (list.empty()) return Value::list({});
    return Value::list(List(list.begin() + 1, list.end()));
}

Value f_coalesce(Context&, const Arguments& a, QueryPosition)
{
    for (const auto& value : a) {
        if (!value.is_null()) return value;
    }
    return {};
}

Value f_exists(Context&, const Arguments& a, QueryPosition)
{
    return Value::boolean(!a[0].is_null());
}

Value f_reverse(Context&, const Arguments& a, QueryPosition where)
{
    if (a[0].is_null()) return {};
    if (a[0].is_list()) {
        List list = a[0].as_list();
        std::reverse(list.begin(), list.end());
        return Value::list(std::move(list));
    }
    if (!a[0].is_string()) wrong_type("reverse", a[0], where);
    // Reverse characters, not bytes.
    const auto& text = a[0].as_string();
    std::vector<std::string> characters;
    for (std::size_t i = 0; i < text.size();) {
        auto next = utf8_offset(text.substr(i), 1) + i;
        characters.push_back(text.substr(i, next - i));
        i = next;
    }
    std::string reversed;
    for (auto it = characters.rbegin(); it != characters.rend(); ++it) reversed += *it;
    return Value::string(std::move(reversed));
}

Value f_range(Context& c, const Arguments& a, QueryPosition where)
{
    NULL_IN_NULL_OUT(a)
    for (const auto& argument : a) {
        if (!argument.is_integer()) {
            runtime_error(ErrorClass::ArgumentError, "InvalidArgumentType",
                          "range() needs integers, not " + type_name(argument.type()), where);
        }
    }
    auto from = a[0].as_integer();
    auto to = a[1].as_integer();
    auto step = a.size() > 2 ? a[2].as_integer() : 1;
    if (step == 0) runtime_error(ErrorClass::ArgumentError, "NumberOutOfRange", "range(): the step must not be 0", where);
    List list;
    // Work in long double-free integer steps, stopping before overflow.
    for (auto i = from; step > 0 ? i <= to : i >= to;) {
        list.push_back(Value::integer(i));
        c.tick();
        c.check_rows(list.size());
        if (__builtin_add_overflow(i, step, &i)) break;
    }
    return Value::list(std::move(list));
}

// Mathematics.

Value unary_math(const Arguments& a, std::string_view function, double (*f)(double), QueryPosition where)
{
    if (a[0].is_null()) return {};
    return Value::floating(f(number_argument(function, a[0], where)));
}

Value f_abs(Context&, const Arguments& a, QueryPosition where)
{
    if (a[0].is_null()) return {};
    if (a[0].is_integer()) {
        auto i = a[0].as_integer();
        if (i == std::numeric_limits<std::int64_t>::min()) {
            runtime_error(ErrorClass::ArgumentError, "IntegerOverflow", "abs() of the smallest integer overflows", where);
        }
        return Value::integer(i < 0 ? -i : i);
    }
    return Value::floating(std::fabs(number_argument("abs", a[0], where)));
}

Value f_sign(Context&, const Arguments& a, QueryPosition where)
{
    if (a[0].is_null()) return {};
    double d = number_argument("sign", a[0], where);
    return Value::integer(d > 0 ? 1 : d < 0 ? -1 : 0);
}

// round(x, precision, mode): Neo4j's rounding modes, on the value already scaled to an integer's place.
double rounded(double scaled, const Value& mode, QueryPosition where)
{
    if (!mode.is_string()) wrong_type("round", mode, where);
    auto name = fold_case(mode.as_string());
    double whole = std::trunc(scaled);
    double fraction = std::abs(scaled - whole);
    double away = whole + (scaled < 0 ? -1.0 : 1.0);
    if (name == "up") return fraction == 0 ? whole : away;
    if (name == "down") return whole;
    if (name == "ceiling") return std::ceil(scaled);
    if (name == "floor") return std::floor(scaled);
    if (name == "half_up") return fraction >= 0.5 ? away : whole;
    if (name == "half_down") return fraction > 0.5 ? away : whole;
    if (name == "half_even") {
        if (fraction != 0.5) return fraction > 0.5 ? away : whole;
        return std::fmod(whole, 2.0) == 0 ? whole : away;
    }
    wrong_value("round", "the mode is UP, DOWN, CEILING, FLOOR, HALF_UP, HALF_DOWN or HALF_EVEN, not '" + mode.as_string() + "'",
                where);
}

Value f_round(Context&, const Arguments& a, QueryPosition where)
{
    if (a[0].is_null()) return {};
    double d = number_argument("round", a[0], where);
    if (a.size() == 1) return Value::floating(std::floor(d + 0.5));
    double scale = std::pow(10.0, static_cast<double>(integer_argument("round", a[1], where)));
    if (a.size() == 2) return Value::floating(std::round(d * scale) / scale);
    return Value::floating(rounded(d * scale, a[2], where) / scale);
}

Value f_ceil(Context&, const Arguments& a, QueryPosition where) { return unary_math(a, "ceil", [](double d) { return std::ceil(d); }, where); }
Value f_floor(Context&, const Arguments& a, QueryPosition where) { return unary_math(a, "floor", [](double d) { return std::floor(d); }, where); }
Value f_sqrt(Context&, const Arguments& a, QueryPosition where) { return unary_math(a, "sqrt", [](double d) { return std::sqrt(d); }, where); }
Value f_exp(Context&, const Arguments& a, QueryPosition where) { return unary_math(a, "exp", [](double d) { return std::exp(d); }, where); }
Value f_log(Context&, const Arguments& a, QueryPosition where) { return unary_math(a, "log", [](double d) { return std::log(d); }, where); }
Value f_log10(Context&, const Arguments& a, QueryPosition where) { return unary_math(a, "log10", [](double d) { return std::log10(d); }, where); }
Value f_sin(Context&, const Arguments& a, QueryPosition where) { return unary_math(a, "sin", [](double d) { return std::sin(d); }, where); }
Value f_cos(Context&, const Arguments& a, QueryPosition where) { return unary_math(a, "cos", [](double d) { return std::cos(d); }, where); }
Value f_tan(Context&, const Arguments& a, QueryPosition where) { return unary_math(a, "tan", [](double d) { return std::tan(d); }, where); }
Value f_cot(Context&, const Arguments& a, QueryPosition where) { return unary_math(a, "cot", [](double d) { return 1.0 / std::tan(d); }, where); }
Value f_asin(Context&, const Arguments& a, QueryPosition where) { return unary_math(a, "asin", [](double d) { return std::asin(d); }, where); }
Value f_acos(Context&, const Arguments& a, QueryPosition where) { return unary_math(a, "acos", [](double d) { return std::acos(d); }, where); }
Value f_atan(Context&, const Arguments& a, QueryPosition where) { return unary_math(a, "atan", [](double d) { return std::atan(d); }, where); }
Value f_degrees(Context&, const Arguments& a, QueryPosition where) { return unary_math(a, "degrees", [](double d) { return d * 180.0 / M_PI; }, where); }
Value f_radians(Context&, const Arguments& a, QueryPosition where) { return unary_math(a, "radians", [](double d) { return d * M_PI / 180.0; }, where); }
Value f_haversin(Context&, const Arguments& a, QueryPosition where) { return unary_math(a, "haversin", [](double d) { return (1 - std::cos(d)) / 2; }, where); }

Value f_atan2(Context&, const Arguments& a, QueryPosition where)
{
    NULL_IN_NULL_OUT(a)
    return Value::floating(std::atan2(number_argument("atan2", a[0], where), number_argument("atan2", a[1], where)));
}

Value f_pi(Context&, const Arguments&, QueryPosition) { return Value::floating(M_PI); }
Value f_e(Context&, const Arguments&, QueryPosition) { return Value::floating(M_E); }

Value f_rand(Context&, const Arguments&, QueryPosition)
{
    return Value::floating(std::uniform_real_distribution<double>(0.0, 1.0)(random_engine()));
}

constexpr std::array<Function, 39> functions{{
    {"id", 1, 1, f_id}, {"type", 1, 1, f_type}, {"labels", 1, 1, f_labels}, {"keys", 1, 1, f_keys},
    {"properties", 1, 1, f_properties}, {"length", 1, 1, f_length}, {"size", 1, 1, f_size},
    {"nodes", 1, 1, f_nodes}, {"relationships", 1, 1, f_relationships}, {"startnode", 1, 1, f_start_node},
    {"endnode", 1, 1, f_end_node}, {"head", 1, 1, f_head}, {"last", 1, 1, f_last}, {"tail", 1, 1, f_tail},
    {"coalesce", 1, 1000, f_coalesce}, {"exists", 1, 1, f_exists}, {"reverse", 1, 1, f_reverse},
    {"range", 2, 3, f_range}, {"abs", 1, 1, f_abs}, {"sign", 1, 1, f_sign}, {"round", 1, 3, f_round},
    {"ceil", 1, 1, f_ceil}, {"floor", 1, 1, f_floor}, {"sqrt", 1, 1, f_sqrt}, {"exp", 1, 1, f_exp},
    {"log", 1, 1, f_log}, {"log10", 1, 1, f_log10}, {"sin", 1, 1, f_sin}, {"cos", 1, 1, f_cos},
    {"tan", 1, 1, f_tan}, {"cot", 1, 1, f_cot}, {"asin", 1, 1, f_asin}, {"acos", 1, 1, f_acos},
    {"atan", 1, 1, f_atan}, {"atan2", 2, 2, f_atan2}, {"degrees", 1, 1, f_degrees},
    {"radians", 1, 1, f_radians}, {"haversin", 1, 1, f_haversin}, {"pi", 0, 0, f_pi},
}};
constexpr std::array<Function, 2> more_functions{{{"e", 0, 0, f_e}, {"rand", 0, 0, f_rand}}};

constexpr std::array<std::string_view, 10> aggregates{"count", "sum", "avg", "min", "max", "collect",
                                                       "stdev", "stdevp", "percentilecont", "percentiledisc"};

// Every table of scalar functions, looked through in this order.
std::array<std::span<const Function>, 5> function_tables()
{
    return {functions, more_functions, string_functions(), extended_functions(), temporal_functions()};
}

const Function* find_function(std::string_view name)
{
    auto key = fold_case(name);
    for (auto table : function_tables()) {
        for (const auto& f : table) {
            if (f.name == key) return &f;
        }
    }
    return nullptr;
}

}  // namespace

bool is_aggregate_function(std::string_view name)
{
    auto key = fold_case(name);
    return std::find(aggregates.begin(), aggregates.end(), key) != aggregates.end();
}

bool is_known_function(std::string_view name)
{
    return is_aggregate_function(name) || find_function(name) != nullptr;
}

std::string closest_function(std::string_view name)
{
    auto key = fold_case(name);
    std::string best;
    std::size_t best_distance = 3;
    auto consider = [&](std::string_view candidate) {
        auto distance = edit_distance(key, candidate);
        if (distance < best_distance) {
            best_distance = distance;
            best = std::string(candidate);
        }
    };
    for (auto table : function_tables()) {
        for (const auto& f : table) consider(f.name);
    }
    for (auto a : aggregates) consider(a);
    return best;
}

Value call_function(Context& context, const std::string& name, const std::vector<Value>& arguments, QueryPosition where)
{
    const auto* function = find_function(name);
    if (!function) {
        runtime_error(ErrorClass::SemanticError, "UnknownFunction", "unknown function '" + name + "'", where);
    }
    auto count = static_cast<int>(arguments.size());
    if (count < function->min_arguments || count > function->max_arguments) {
        throw Error(ErrorClass::SyntaxError, "InvalidNumberOfArguments", Phase::compile,
                    name + "() takes " + std::to_string(function->min_arguments) +
                        (function->max_arguments != function->min_arguments ? " or more" : "") + " arguments",
                    where);
    }
    return function->call(context, arguments, where);
}

}  // namespace actorgraph::cypher
