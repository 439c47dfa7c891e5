// The string functions (toLower, trim, replace, substring, split, ...) and the conversions (toInteger,
// toFloat, toBoolean, toString), over UTF-8 text counted in characters.
#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <optional>

#include "cypher/execute/function_arguments.hpp"
#include "actorgraph/model/spelling.hpp"

namespace actorgraph::cypher {

namespace {

// Strings.

const std::string& string_argument(std::string_view function, const Value& value, QueryPosition where)
{
    if (!value.is_string()) wrong_type(function, value, where);
    return value.as_string();
}

Value f_to_lower(Context&, const Arguments& a, QueryPosition where)
{
    if (a[0].is_null()) return {};
    return Value::string(fold_case(string_argument("toLower", a[0], where)));
}

Value f_to_upper(Context&, const Arguments& a, QueryPosition where)
{
    if (a[0].is_null()) return {};
    std::string text = string_argument("toUpper", a[0], where);
    for (char& ch : text) {
        if (ch >= 'a' && ch <= 'z') ch = static_cast<char>(ch - 'a' + 'A');
    }
    return Value::string(std::move(text));
}

// Whitespace, or with a second argument (Neo4j 5's lTrim(s, chars)) the characters of that string.
Value trimmed(const Arguments& a, std::string_view function, bool left, bool right, QueryPosition where)
{
    if (a[0].is_null() || (a.size() > 1 && a[1].is_null())) return {};
    std::string_view text = string_argument(function, a[0], where);
    std::string_view chars = a.size() > 1 ? std::string_view(string_argument(function, a[1], where)) : " \t\n\r\f\v";
    auto trimmed_away = [&](char ch) { return chars.find(ch) != std::string_view::npos; };
    while (left && !text.empty() && trimmed_away(text.front())) text.remove_prefix(1);
    while (right && !text.empty() && trimmed_away(text.back())) text.remove_suffix(1);
    return Value::string(std::string(text));
}

Value f_trim(Context&, const Arguments& a, QueryPosition where) { return trimmed(a, "trim", true, true, where); }
Value f_btrim(Context&, const Arguments& a, QueryPosition where) { return trimmed(a, "btrim", true, true, where); }
Value f_ltrim(Context&, const Arguments& a, QueryPosition where) { return trimmed(a, "lTrim", true, false, where); }
Value f_rtrim(Context&, const Arguments& a, QueryPosition where) { return trimmed(a, "rTrim", false, true, where); }

Value f_replace(Context& c, const Arguments& a, QueryPosition where)
{
    NULL_IN_NULL_OUT(a)
    std::string text = string_argument("replace", a[0], where);
    const auto& search = string_argument("replace", a[1], where);
    const auto& replacement = string_argument("replace", a[2], where);
    if (search.empty()) return Value::string(text);
    std::string result;
    std::size_t at = 0;
    for (auto found = text.find(search); found != std::string::npos; found = text.find(search, at)) {
        result += text.substr(at, found - at) + replacement;
        at = found + search.size();
        c.tick();
    }
    return Value::string(result + text.substr(at));
}

Value f_substring(Context&, const Arguments& a, QueryPosition where)
{
    if (a[0].is_null()) return {};
    const auto& text = string_argument("substring", a[0], where);
    auto start = integer_argument("substring", a[1], where);
    if (start < 0) wrong_value("substring", "the start must not be negative", where);
    auto begin = utf8_offset(text, static_cast<std::size_t>(start));
    if (a.size() < 3) return Value::string(text.substr(begin));
    auto length = integer_argument("substring", a[2], where);
    if (length < 0) wrong_value("substring", "the length must not be negative", where);
    auto end = begin + utf8_offset(text.substr(begin), static_cast<std::size_t>(length));
    return Value::string(text.substr(begin, end - begin));
}

Value f_left(Context&, const Arguments& a, QueryPosition where)
{
    if (a[0].is_null()) return {};
    const auto& text = string_argument("left", a[0], where);
    if (a[1].is_null()) wrong_value("left", "the length must not be null", where);
    auto length = integer_argument("left", a[1], where);
    if (length < 0) wrong_value("left", "the length must not be negative", where);
    return Value::string(text.substr(0, utf8_offset(text, static_cast<std::size_t>(length))));
}

Value f_right(Context&, const Arguments& a, QueryPosition where)
{
    if (a[0].is_null()) return {};
    const auto& text = string_argument("right", a[0], where);
    if (a[1].is_null()) wrong_value("right", "the length must not be null", where);
    auto length = static_cast<std::size_t>(std::max<std::int64_t>(0, integer_argument("right", a[1], where)));
    if (a[1].as_integer() < 0) wrong_value("right", "the length must not be negative", where);
    auto characters = utf8_length(text);
    if (length >= characters) return Value::string(text);
    return Value::string(text.substr(utf8_offset(text, characters - length)));
}

Value f_split(Context& c, const Arguments& a, QueryPosition where)
{
    NULL_IN_NULL_OUT(a)
    const auto& text = string_argument("split", a[0], where);
    const auto& separator = string_argument("split", a[1], where);
    List parts;
    if (separator.empty()) {
        for (std::size_t i = 0; i < text.size();) {
            auto next = i + utf8_offset(text.substr(i), 1);
            parts.push_back(Value::string(text.substr(i, next - i)));
            i = next;
        }
        return Value::list(std::move(parts));
    }
    std::size_t at = 0;
    for (auto found = text.find(separator); found != std::string::npos; found = text.find(separator, at)) {
        parts.push_back(Value::string(text.substr(at, found - at)));
        at = found + separator.size();
        c.tick();
    }
    parts.push_back(Value::string(text.substr(at)));
    return Value::list(std::move(parts));
}

// Conversions.

std::optional<std::int64_t> integer_from_text(std::string_view text)
{
    std::int64_t value = 0;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error == std::errc() && end == text.data() + text.size() && !text.empty()) return value;
    return std::nullopt;
}

std::optional<double> float_from_text(const std::string& text)
{
    if (text.empty()) return std::nullopt;
    char* end = nullptr;
    double value = std::strtod(text.c_str(), &end);
    if (end != text.c_str() + text.size()) return std::nullopt;
    return value;
}

Value f_to_integer(Context&, const Arguments& a, QueryPosition where)
{
    const auto& v = a[0];
    if (v.is_null() || v.is_integer()) return v;
    if (v.is_float()) {
        double d = v.as_float();
        if (std::isnan(d) || d >= 9.2233720368547758e18 || d < -9.2233720368547758e18) return {};
        return Value::integer(static_cast<std::int64_t>(d));
    }
    if (v.is_boolean()) return Value::integer(v.as_boolean() ? 1 : 0);
    if (v.is_string()) {
        if (auto i = integer_from_text(v.as_string())) return Value::integer(*i);
        if (auto d = float_from_text(v.as_string()); d && std::isfinite(*d) && std::abs(*d) < 9.2233720368547758e18) {
            return Value::integer(static_cast<std::int64_t>(*d));
        }
        return {};
    }
    unconvertible("toInteger", v, where);
}

Value f_to_float(Context&, const Arguments& a, QueryPosition where)
{
    const auto& v = a[0];
    if (v.is_null() || v.is_float()) return v;
    if (v.is_integer()) return Value::floating(static_cast<double>(v.as_integer()));
    if (v.is_string()) {
        auto d = float_from_text(v.as_string());
        return d ? Value::floating(*d) : Value();
    }
    unconvertible("toFloat", v, where);
}

Value f_to_boolean(Context&, const Arguments& a, QueryPosition where)
{
    const auto& v = a[0];
    if (v.is_null() || v.is_boolean()) return v;
    if (v.is_string()) {
        auto text = fold_case(v.as_string());
        if (text == "true") return Value::boolean(true);
        if (text == "false") return Value::boolean(false);
        return {};
    }
    if (v.is_integer()) return Value::boolean(v.as_integer() != 0);
    unconvertible("toBoolean", v, where);
}

Value f_to_string(Context&, const Arguments& a, QueryPosition where)
{
    const auto& v = a[0];
    switch (v.type()) {
    case ValueType::Null: return {};
    case ValueType::String: return v;
    case ValueType::Integer: return Value::string(std::to_string(v.as_integer()));
    case ValueType::Float: return Value::string(format_float(v.as_float()));
    case ValueType::Boolean: return Value::string(v.as_boolean() ? "true" : "false");
    case ValueType::Date:
    case ValueType::LocalTime:
    case ValueType::Time:
    case ValueType::LocalDateTime:
    case ValueType::DateTime:
    case ValueType::Duration: return Value::string(temporal_text(v.as_temporal()));
    default: unconvertible("toString", v, where);
    }
}

constexpr std::array<ScalarFunction, 17> table{{
    {"tolower", 1, 1, f_to_lower}, {"toupper", 1, 1, f_to_upper}, {"lower", 1, 1, f_to_lower},
    {"upper", 1, 1, f_to_upper}, {"trim", 1, 1, f_trim}, {"ltrim", 1, 2, f_ltrim}, {"rtrim", 1, 2, f_rtrim},
    {"btrim", 1, 2, f_btrim},
    {"replace", 3, 3, f_replace}, {"substring", 2, 3, f_substring}, {"left", 2, 2, f_left},
    {"right", 2, 2, f_right}, {"split", 2, 2, f_split}, {"tointeger", 1, 1, f_to_integer},
    {"tofloat", 1, 1, f_to_float}, {"toboolean", 1, 1, f_to_boolean}, {"tostring", 1, 1, f_to_string},
}};

}  // namespace

std::span<const ScalarFunction> string_functions()
{
    return table;
}

}  // namespace actorgraph::cypher
