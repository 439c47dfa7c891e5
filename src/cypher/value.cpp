#include "actorgraph/cypher/value.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>

#include "actorgraph/cypher/error.hpp"

namespace actorgraph::cypher {

ValueType Value::type() const noexcept
{
    switch (storage_.index()) {
    case 1: return ValueType::Boolean;
    case 2: return ValueType::Integer;
    case 3: return ValueType::Float;
    case 4: return ValueType::String;
    case 5: return ValueType::List;
    case 6: return ValueType::Map;
    case 7: return ValueType::Node;
    case 8: return ValueType::Relationship;
    case 9: return ValueType::Path;
    case 10:
        switch (std::get<Temporal>(storage_).kind) {
        case TemporalKind::Date: return ValueType::Date;
        case TemporalKind::LocalTime: return ValueType::LocalTime;
        case TemporalKind::Time: return ValueType::Time;
        case TemporalKind::LocalDateTime: return ValueType::LocalDateTime;
        case TemporalKind::DateTime: return ValueType::DateTime;
        case TemporalKind::Duration: return ValueType::Duration;
        }
        return ValueType::Null;
    default: return ValueType::Null;
    }
}

std::uint32_t Value::nesting() const noexcept
{
    if (is_list()) return std::get<ListPtr>(storage_)->depth;
    if (is_map()) return std::get<MapPtr>(storage_)->depth;
    return 0;
}

std::uint32_t Value::checked_depth(std::uint32_t deepest_element)
{
    if (deepest_element >= max_value_nesting) {
        throw Error(ErrorClass::ArgumentError, "ResourceLimit", Phase::runtime,
                    "lists and maps may nest " + std::to_string(max_value_nesting) + " levels deep at most");
    }
    return deepest_element + 1;
}

Value Value::list(List value)
{
    std::uint32_t deepest = 0;
    for (const auto& element : value) deepest = std::max(deepest, element.nesting());
    auto depth = checked_depth(deepest);
    return Value(Storage(std::make_shared<const Nested<List>>(Nested<List>{std::move(value), depth})));
}

Value Value::map(Map value)
{
    std::uint32_t deepest = 0;
    for (const auto& [key, element] : value) deepest = std::max(deepest, element.nesting());
    auto depth = checked_depth(deepest);
    return Value(Storage(std::make_shared<const Nested<Map>>(Nested<Map>{std::move(value), depth})));
}

std::string type_name(ValueType type)
{
    switch (type) {
    case ValueType::Map: return "MAP";
    case ValueType::Node: return "NODE";
    case ValueType::Relationship: return "RELATIONSHIP";
    case ValueType::List: return "LIST";
    case ValueType::Path: return "PATH";
    case ValueType::String: return "STRING";
    case ValueType::Boolean: return "BOOLEAN";
    case ValueType::Integer: return "INTEGER";
    case ValueType::Float: return "FLOAT";
    case ValueType::Null: return "NULL";
    case ValueType::Date: return "DATE";
    case ValueType::LocalTime: return "LOCAL TIME";
    case ValueType::Time: return "ZONED TIME";
    case ValueType::LocalDateTime: return "LOCAL DATETIME";
    case ValueType::DateTime: return "ZONED DATETIME";
    case ValueType::Duration: return "DURATION";
    }
    return "ANY";
}

namespace {

// Integers and floats compare by value; an int64 beyond 2^53 is not rounded when both are integers.
std::strong_ordering compare_numbers(const Value& a, const Value& b)
{
    if (a.is_integer() && b.is_integer()) return a.as_integer() <=> b.as_integer();
    double x = a.as_number(), y = b.as_number();
    if (x < y) return std::strong_ordering::less;
    if (x > y) return std::strong_ordering::greater;
    if (a.is_integer() != b.is_integer()) {
        // 2^63-1 and 9.223372036854776E18 are equal as doubles but not as numbers.
        auto integer = a.is_integer() ? a.as_integer() : b.as_integer();
        double floating = a.is_integer() ? b.as_float() : a.as_float();
        if (floating >= 9.2233720368547758e18) return a.is_integer() ? std::strong_ordering::less : std::strong_ordering::greater;
        auto truncated = static_cast<std::int64_t>(floating);
        auto sign = integer <=> truncated;
        return a.is_integer() ? sign : 0 <=> sign;
    }
    return std::strong_ordering::equal;
}

bool is_nan(const Value& v) { return v.is_float() && std::isnan(v.as_float()); }

}  // namespace

std::optional<bool> equals(const Value& a, const Value& b)
{
    if (a.is_null() || b.is_null()) return std::nullopt;
    if (a.is_number() && b.is_number()) {
        if (is_nan(a) || is_nan(b)) return false;
        return compare_numbers(a, b) == 0;
    }
    if (a.type() != b.type()) return false;
    switch (a.type()) {
    case ValueType::Boolean: return a.as_boolean() == b.as_boolean();
    case ValueType::String: return a.as_string() == b.as_string();
    case ValueType::Node: return a.as_node() == b.as_node();
    case ValueType::Relationship: return a.as_relationship() == b.as_relationship();
    case ValueType::Path:
        return a.as_path().nodes == b.as_path().nodes && a.as_path().relationships == b.as_path().relationships;
    case ValueType::Date:
    case ValueType::LocalTime:
    case ValueType::Time:
    case ValueType::LocalDateTime:
    case ValueType::DateTime:
    case ValueType::Duration: return temporal_equal(a.as_temporal(), b.as_temporal());
    case ValueType::List: {
        const auto &x = a.as_list(), &y = b.as_list();
        if (x.size() != y.size()) return false;
        bool unknown = false;
        for (std::size_t i = 0; i < x.size(); ++i) {
            auto same = equals(x[i], y[i]);
            if (same && !*same) return false;
            if (!same) unknown = true;
        }
        if (unknown) return std::nullopt;
        return true;
    }
    case ValueType::Map: {
        const auto &x = a.as_map(), &y = b.as_map();
        if (x.size() != y.size()) return false;
        bool unknown = false;
        for (auto i = x.begin(), j = y.begin(); i != x.end(); ++i, ++j) {
            if (i->first != j->first) return false;
        }
        for (auto i = x.begin(), j = y.begin(); i != x.end(); ++i, ++j) {
            auto same = equals(i->second, j->second);
            if (same && !*same) return false;
            if (!same) unknown = true;
        }
        if (unknown) return std::nullopt;
        return true;
    }
    default: return false;
    }
}

std::optional<std::strong_ordering> compare(const Value& a, const Value& b)
{
    if (a.is_null() || b.is_null()) return std::nullopt;
    if (a.is_number() && b.is_number()) {
        if (is_nan(a) || is_nan(b)) return std::nullopt;
        return compare_numbers(a, b);
    }
    if (a.type() != b.type()) return std::nullopt;
    switch (a.type()) {
    case ValueType::Boolean: return a.as_boolean() <=> b.as_boolean();
    case ValueType::String: return a.as_string().compare(b.as_string()) <=> 0;
    case ValueType::Date:
    case ValueType::LocalTime:
    case ValueType::Time:
    case ValueType::LocalDateTime:
    case ValueType::DateTime: {
        auto sign = temporal_compare(a.as_temporal(), b.as_temporal());
        if (sign == std::partial_ordering::unordered) return std::nullopt;
        return sign < 0 ? std::strong_ordering::less : sign > 0 ? std::strong_ordering::greater : std::strong_ordering::equal;
    }
    case ValueType::List: {
        const auto &x = a.as_list(), &y = b.as_list();
        for (std::size_t i = 0; i < x.size() && i < y.size(); ++i) {
            auto sign = compare(x[i], y[i]);
            if (!sign) return std::nullopt;
            if (*sign != 0) return sign;
        }
        return x.size() <=> y.size();
    }
    default: return std::nullopt;  // maps, nodes, relationships and paths are not ordered by <
    }
}

namespace {

int order_rank(const Value& v)
{
    if (v.is_number()) return static_cast<int>(ValueType::Integer);
    return static_cast<int>(v.type());
}

}  // namespace

std::strong_ordering order(const Value& a, const Value& b)
{
    auto ranks = order_rank(a) <=> order_rank(b);
    if (ranks != 0) return ranks;
    switch (a.type()) {
    case ValueType::Null: return std::strong_ordering::equal;
    case ValueType::Integer:
    case ValueType::Float: {
        bool x = is_nan(a), y = is_nan(b);
        if (x || y) return x <=> y;
        auto sign = compare_numbers(a, b);
        if (sign != 0) return sign;
        return std::strong_ordering::equal;
    }
    case ValueType::Boolean: return a.as_boolean() <=> b.as_boolean();
    case ValueType::String: return a.as_string().compare(b.as_string()) <=> 0;
    case ValueType::Node: return a.as_node() <=> b.as_node();
    case ValueType::Relationship: return a.as_relationship() <=> b.as_relationship();
    case ValueType::Date:
    case ValueType::LocalTime:
    case ValueType::Time:
    case ValueType::LocalDateTime:
    case ValueType::DateTime:
    case ValueType::Duration: return temporal_order(a.as_temporal(), b.as_temporal());
    case ValueType::List: {
        const auto &x = a.as_list(), &y = b.as_list();
        for (std::size_t i = 0; i < x.size() && i < y.size(); ++i) {
            auto sign = order(x[i], y[i]);
            if (sign != 0) return sign;
        }
        return x.size() <=> y.size();
    }
    case ValueType::Path: {
        const auto &x = a.as_path(), &y = b.as_path();
        if (auto sign = x.nodes <=> y.nodes; sign != 0) return sign;
        return x.relationships <=> y.relationships;
    }
    case ValueType::Map: {
        const auto &x = a.as_map(), &y = b.as_map();
        auto i = x.begin();
        auto j = y.begin();
        for (; i != x.end() && j != y.end(); ++i, ++j) {
            if (auto sign = i->first.compare(j->first) <=> 0; sign != 0) return sign;
            if (auto sign = order(i->second, j->second); sign != 0) return sign;
        }
        return x.size() <=> y.size();
    }
    }
    return std::strong_ordering::equal;
}

bool ValueOrder::operator()(const std::vector<Value>& a, const std::vector<Value>& b) const
{
    for (std::size_t i = 0; i < a.size() && i < b.size(); ++i) {
        auto sign = order(a[i], b[i]);
        if (sign != 0) return sign < 0;
    }
    return a.size() < b.size();
}

std::string format_float(double value)
{
    if (std::isnan(value)) return "NaN";
    if (std::isinf(value)) return value > 0 ? "Infinity" : "-Infinity";
    char buffer[64];
    // The shortest text that reads back as the same double.
    auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, value);
    std::string text(buffer, error == std::errc() ? end : buffer);
    auto exponent = text.find('e');
    if (exponent != std::string::npos) {
        std::string mantissa = text.substr(0, exponent);
        std::string power = text.substr(exponent + 1);
        if (!power.empty() && power[0] == '+') power.erase(0, 1);
        if (mantissa.find('.') == std::string::npos) mantissa += ".0";
        return mantissa + "E" + power;
    }
    if (text.find('.') == std::string::npos) text += ".0";
    return text;
}

std::string quote_string(const std::string& text)
{
    std::string quoted = "'";
    for (char c : text) {
        switch (c) {
        case '\'': quoted += "\\'"; break;
        case '\\': quoted += "\\\\"; break;
        case '\n': quoted += "\\n"; break;
        case '\t': quoted += "\\t"; break;
        case '\r': quoted += "\\r"; break;
        default: quoted += c;
        }
    }
    return quoted + "'";
}

}  // namespace actorgraph::cypher
