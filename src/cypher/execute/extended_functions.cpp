// Functions of Neo4j 5's Cypher beyond openCypher's, so its users need not learn our dialect: the conversions
// that answer null instead of failing (toIntegerOrNull ...) and their list forms (toIntegerList ...),
// char_length, btrim, isEmpty, nullIf, isNaN, elementId, randomUUID and timestamp.
#include <array>
#include <cmath>
#include <cstdio>

#include "cypher/execute/evaluator.hpp"
#include "cypher/execute/function_arguments.hpp"

namespace actorgraph::cypher {

namespace {

// The conversion `name` of one value, or null where it would fail (a list, a map, a node ...).
Value converted_or_null(Context& context, const char* name, const Value& value, QueryPosition where)
{
    try {
        return call_function(context, name, {value}, where);
    } catch (const Error&) {
        return {};
    }
}

Value f_to_string_or_null(Context& c, const Arguments& a, QueryPosition w) { return converted_or_null(c, "toString", a[0], w); }
Value f_to_integer_or_null(Context& c, const Arguments& a, QueryPosition w) { return converted_or_null(c, "toInteger", a[0], w); }
Value f_to_float_or_null(Context& c, const Arguments& a, QueryPosition w) { return converted_or_null(c, "toFloat", a[0], w); }
Value f_to_boolean_or_null(Context& c, const Arguments& a, QueryPosition w) { return converted_or_null(c, "toBoolean", a[0], w); }

// Each element converted, null where it cannot be; null for null, a TypeError for what is not a list.
Value converted_list(Context& context, const char* function, const char* conversion, const Value& value, QueryPosition where)
{
    if (value.is_null()) return {};
    if (!value.is_list()) wrong_type(function, value, where);
    List converted;
    converted.reserve(value.as_list().size());
    for (const auto& element : value.as_list()) converted.push_back(converted_or_null(context, conversion, element, where));
    return Value::list(std::move(converted));
}

Value f_to_string_list(Context& c, const Arguments& a, QueryPosition w) { return converted_list(c, "toStringList", "toString", a[0], w); }
Value f_to_integer_list(Context& c, const Arguments& a, QueryPosition w) { return converted_list(c, "toIntegerList", "toInteger", a[0], w); }
Value f_to_float_list(Context& c, const Arguments& a, QueryPosition w) { return converted_list(c, "toFloatList", "toFloat", a[0], w); }
Value f_to_boolean_list(Context& c, const Arguments& a, QueryPosition w) { return converted_list(c, "toBooleanList", "toBoolean", a[0], w); }

Value f_char_length(Context&, const Arguments& a, QueryPosition where)
{
    if (a[0].is_null()) return {};
    if (!a[0].is_string()) wrong_type("char_length", a[0], where);
    return Value::integer(static_cast<std::int64_t>(utf8_length(a[0].as_string())));
}

Value f_is_empty(Context&, const Arguments& a, QueryPosition where)
{
    const auto& v = a[0];
    if (v.is_null()) return {};
    if (v.is_string()) return Value::boolean(v.as_string().empty());
    if (v.is_list()) return Value::boolean(v.as_list().empty());
    if (v.is_map()) return Value::boolean(v.as_map().empty());
    wrong_type("isEmpty", v, where);
}

// nullIf(a, b): null where a = b, else a.
Value f_null_if(Context&, const Arguments& a, QueryPosition)
{
    auto same = equals(a[0], a[1]);
    return same && *same ? Value() : a[0];
}

Value f_is_nan(Context&, const Arguments& a, QueryPosition where)
{
    if (a[0].is_null()) return {};
    if (!a[0].is_number()) wrong_type("isNaN", a[0], where);
    return Value::boolean(a[0].is_float() && std::isnan(a[0].as_float()));
}

// A node's or relationship's id as text: stable while the statement runs, as id() is.
Value f_element_id(Context&, const Arguments& a, QueryPosition where)
{
    if (a[0].is_null()) return {};
    if (a[0].is_node()) return Value::string("node:" + std::to_string(a[0].as_node()));
    if (a[0].is_relationship()) return Value::string("relationship:" + std::to_string(a[0].as_relationship()));
    wrong_type("elementId", a[0], where);
}

Value f_random_uuid(Context&, const Arguments&, QueryPosition)
{
    std::uniform_int_distribution<unsigned> byte(0, 255);
    std::array<unsigned, 16> bytes{};
    for (auto& b : bytes) b = byte(random_engine());
    bytes[6] = (bytes[6] & 0x0fu) | 0x40u;  // version 4
    bytes[8] = (bytes[8] & 0x3fu) | 0x80u;  // RFC 4122 variant
    std::string text;
    char hex[3];
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10) text += '-';
        std::snprintf(hex, sizeof hex, "%02x", bytes[i]);
        text += hex;
    }
    return Value::string(std::move(text));
}

// Milliseconds since the epoch at the statement's clock (the same all through a statement, as date() is).
Value f_timestamp(Context& context, const Arguments&, QueryPosition where)
{
    return property_of(context, call_function(context, "datetime", {}, where), "epochMillis", where);
}

constexpr std::array<ScalarFunction, 16> table{{
    {"tostringornull", 1, 1, f_to_string_or_null}, {"tointegerornull", 1, 1, f_to_integer_or_null},
    {"tofloatornull", 1, 1, f_to_float_or_null}, {"tobooleanornull", 1, 1, f_to_boolean_or_null},
    {"tostringlist", 1, 1, f_to_string_list}, {"tointegerlist", 1, 1, f_to_integer_list},
    {"tofloatlist", 1, 1, f_to_float_list}, {"tobooleanlist", 1, 1, f_to_boolean_list},
    {"char_length", 1, 1, f_char_length}, {"character_length", 1, 1, f_char_length}, {"isempty", 1, 1, f_is_empty},
    {"nullif", 2, 2, f_null_if}, {"isnan", 1, 1, f_is_nan}, {"elementid", 1, 1, f_element_id},
    {"randomuuid", 0, 0, f_random_uuid}, {"timestamp", 0, 0, f_timestamp},
}};

}  // namespace

std::span<const ScalarFunction> extended_functions()
{
    return table;
}

}  // namespace actorgraph::cypher
