#include "actorgraph/cypher/output.hpp"

#include <cmath>
#include <nlohmann/json.hpp>

#include "cypher/temporal/temporal.hpp"

namespace actorgraph::cypher {

namespace {

using nlohmann::json;

std::string map_text(const Session& session, const Map& map)
{
    std::string text = "{";
    for (const auto& [key, value] : map) {
        if (text.size() > 1) text += ", ";
        text += key + ": " + to_cypher_text(session, value);
    }
    return text + "}";
}

std::string node_text(const Session& session, ActorIndex node)
{
    std::string text = "(";
    for (const auto& label : session.labels(node)) text += ":" + label;
    auto properties = session.properties(node);
    if (!properties.empty()) text += (text.size() > 1 ? " " : "") + map_text(session, properties);
    return text + ")";
}

std::string relationship_text(const Session& session, RelationIndex relationship)
{
    std::string text = "[:" + session.type(relationship);
    auto properties = session.relationship_properties(relationship);
    if (!properties.empty()) text += " " + map_text(session, properties);
    return text + "]";
}

json to_json(const Session& session, const Value& value);

json map_json(const Session& session, const Map& map)
{
    json object = json::object();
    for (const auto& [key, value] : map) object[key] = to_json(session, value);
    return object;
}

json node_json(const Session& session, ActorIndex node)
{
    return {{"node", {{"labels", session.labels(node)}, {"properties", map_json(session, session.properties(node))}}}};
}

json relationship_json(const Session& session, RelationIndex relationship, std::optional<bool> forward = {})
{
    json inner = {{"type", session.type(relationship)},
                  {"properties", map_json(session, session.relationship_properties(relationship))}};
    if (forward) inner["forward"] = *forward;
    return {{"relationship", inner}};
}

// {"date": "2015-07-21"}, {"duration": "P1D"}, ...: the kind's Cypher function name and the value's text.
std::string_view temporal_json_key(TemporalKind kind)
{
    switch (kind) {
    case TemporalKind::Date: return "date";
    case TemporalKind::LocalTime: return "localtime";
    case TemporalKind::Time: return "time";
    case TemporalKind::LocalDateTime: return "localdatetime";
    case TemporalKind::DateTime: return "datetime";
    case TemporalKind::Duration: return "duration";
    }
    return "temporal";
}

json to_json(const Session& session, const Value& value)
{
    switch (value.type()) {
    case ValueType::Date:
    case ValueType::LocalTime:
    case ValueType::Time:
    case ValueType::LocalDateTime:
    case ValueType::DateTime:
    case ValueType::Duration: return {{std::string(temporal_json_key(value.as_temporal().kind)), temporal_text(value.as_temporal())}};
    case ValueType::Null: return nullptr;
    case ValueType::Boolean: return value.as_boolean();
    case ValueType::Integer: return value.as_integer();
    case ValueType::Float: {
        double d = value.as_float();
        if (std::isnan(d)) return {{"float", "NaN"}};
        if (std::isinf(d)) return {{"float", d > 0 ? "Infinity" : "-Infinity"}};
        // nlohmann writes 1.0 as 1.0 already; a float is kept as a float.
        return d;
    }
    case ValueType::String: return value.as_string();
    case ValueType::List: {
        json array = json::array();
        for (const auto& element : value.as_list()) array.push_back(to_json(session, element));
        return array;
    }
    case ValueType::Map: return {{"map", map_json(session, value.as_map())}};
    case ValueType::Node: return node_json(session, value.as_node());
    case ValueType::Relationship: return relationship_json(session, value.as_relationship());
    case ValueType::Path: {
        const auto& path = value.as_path();
        json nodes = json::array(), relationships = json::array();
        for (auto node : path.nodes) nodes.push_back(node_json(session, node));
        for (std::size_t i = 0; i < path.relationships.size(); ++i) {
            auto r = path.relationships[i];
            bool forward = session.graph().relation(r).source == path.nodes[i];
            relationships.push_back(relationship_json(session, r, forward));
        }
        return {{"path", {{"nodes", nodes}, {"relationships", relationships}}}};
    }
    }
    return nullptr;
}

// {"date": "2015-07-21"} back into a value (the inverse of to_json); nullopt when the key is no temporal kind.
std::optional<Value> temporal_from_json(const std::string& key, const std::string& text)
{
    for (auto kind : {TemporalKind::Date, TemporalKind::LocalTime, TemporalKind::Time, TemporalKind::LocalDateTime,
                      TemporalKind::DateTime, TemporalKind::Duration}) {
        if (key != temporal_json_key(kind)) continue;
        try {
            return Value::temporal(temporal::parse(kind, text, {}));
        } catch (const Error& error) {
            throw actorgraph::Error("--param: " + std::string(error.what()));
        }
    }
    return std::nullopt;
}

Value from_json(const json& j, int depth)
{
    if (depth > 200) throw actorgraph::Error("--param: JSON nested too deeply");
    switch (j.type()) {
    case json::value_t::null: return {};
    case json::value_t::boolean: return Value::boolean(j.get<bool>());
    case json::value_t::number_integer: return Value::integer(j.get<std::int64_t>());
    case json::value_t::number_unsigned: {
        auto u = j.get<std::uint64_t>();
        if (u > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
            throw actorgraph::Error("--param: integer " + std::to_string(u) + " does not fit in 64 bits");
        }
        return Value::integer(static_cast<std::int64_t>(u));
    }
    case json::value_t::number_float: return Value::floating(j.get<double>());
    case json::value_t::string: return Value::string(j.get<std::string>());
    case json::value_t::array: {
        List list;
        for (const auto& element : j) list.push_back(from_json(element, depth + 1));
        return Value::list(std::move(list));
    }
    case json::value_t::object: {
        if (j.size() == 1 && j.contains("map") && j["map"].is_object()) {
            Map map;
            for (const auto& [key, element] : j["map"].items()) map.emplace(key, from_json(element, depth + 1));
            return Value::map(std::move(map));
        }
        if (j.size() == 1 && j.contains("float") && j["float"].is_string()) {
            auto text = j["float"].get<std::string>();
            if (text == "NaN") return Value::floating(std::nan(""));
            if (text == "Infinity") return Value::floating(HUGE_VAL);
            if (text == "-Infinity") return Value::floating(-HUGE_VAL);
        }
        if (j.size() == 1 && j.begin().value().is_string()) {
            if (auto temporal = temporal_from_json(j.begin().key(), j.begin().value().get<std::string>())) return *temporal;
        }
        throw actorgraph::Error("--param: a JSON object must be {\"map\": {...}}, {\"float\": \"NaN\"|\"Infinity\"|\"-Infinity\"} "
                                "or a temporal value such as {\"date\": \"2015-07-21\"}");
    }
    default: throw actorgraph::Error("--param: unsupported JSON value");
    }
}

}  // namespace

std::string to_cypher_text(const Session& session, const Value& value)
{
    switch (value.type()) {
    case ValueType::Date:
    case ValueType::LocalTime:
    case ValueType::Time:
    case ValueType::LocalDateTime:
    case ValueType::DateTime:
    case ValueType::Duration: return temporal_text(value.as_temporal());
    case ValueType::Null: return "null";
    case ValueType::Boolean: return value.as_boolean() ? "true" : "false";
    case ValueType::Integer: return std::to_string(value.as_integer());
    case ValueType::Float: return format_float(value.as_float());
    case ValueType::String: return quote_string(value.as_string());
    case ValueType::List: {
        std::string text = "[";
        for (const auto& element : value.as_list()) {
            if (text.size() > 1) text += ", ";
            text += to_cypher_text(session, element);
        }
        return text + "]";
    }
    case ValueType::Map: return map_text(session, value.as_map());
    case ValueType::Node: return node_text(session, value.as_node());
    case ValueType::Relationship: return relationship_text(session, value.as_relationship());
    case ValueType::Path: {
        const auto& path = value.as_path();
        std::string text = "<" + node_text(session, path.nodes.at(0));
        for (std::size_t i = 0; i < path.relationships.size(); ++i) {
            auto r = path.relationships[i];
            bool forward = session.graph().relation(r).source == path.nodes[i];
            text += (forward ? "-" : "<-") + relationship_text(session, r) + (forward ? "->" : "-") +
                    node_text(session, path.nodes[i + 1]);
        }
        return text + ">";
    }
    }
    return "?";
}

std::string result_to_json(const Session& session, const Result& result)
{
    json rows = json::array();
    for (const auto& row : result.rows) {
        json values = json::array();
        for (const auto& value : row) values.push_back(to_json(session, value));
        rows.push_back(std::move(values));
    }
    const auto& s = result.stats;
    json stats = {{"nodes_created", s.nodes_created},           {"nodes_deleted", s.nodes_deleted},
                  {"relationships_created", s.relationships_created}, {"relationships_deleted", s.relationships_deleted},
                  {"labels_added", s.labels_added},             {"labels_removed", s.labels_removed},
                  {"properties_set", s.properties_set},         {"properties_removed", s.properties_removed}};
    json line = {{"columns", result.columns}, {"rows", rows}, {"stats", stats}};
    return line.dump(-1, ' ', false, json::error_handler_t::replace);
}

std::string error_to_json(const Error& error)
{
    json inner = {{"class", std::string(to_string(error.error_class()))},
                  {"detail", error.detail()},
                  {"phase", std::string(to_string(error.phase()))},
                  {"message", error.what()},
                  {"line", error.position().line},
                  {"column", error.position().column}};
    return json{{"error", inner}}.dump(-1, ' ', false, json::error_handler_t::replace);
}

Value value_from_json(std::string_view text)
{
    json parsed;
    try {
        parsed = json::parse(text);
    } catch (const json::parse_error& error) {
        throw actorgraph::Error("--param: invalid JSON: " + std::string(error.what()));
    }
    return from_json(parsed, 0);
}

}  // namespace actorgraph::cypher
