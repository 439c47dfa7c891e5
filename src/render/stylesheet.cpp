#include "actorgraph/render/stylesheet.hpp"

#include <nlohmann/json.hpp>

#include "actorgraph/model/error.hpp"

namespace actorgraph {

extern const char* const builtin_stylesheet_json;  // generated from assets/stylesheet.json

namespace {

using nlohmann::json;

void read_string(const json& object, const char* key, std::string& out)
{
    if (!object.contains(key)) return;
    if (!object[key].is_string()) throw Error(std::string("'") + key + "' must be a string");
    out = object[key].get<std::string>();
}

void read_number(const json& object, const char* key, double& out)
{
    if (!object.contains(key)) return;
    if (!object[key].is_number()) throw Error(std::string("'") + key + "' must be a number");
    out = object[key].get<double>();
}

KindStyle kind_style(const json& object)
{
    if (!object.is_object()) throw Error("a kind style must be an object");
    KindStyle style;
    read_string(object, "shape", style.shape);
    read_string(object, "fill", style.fill);
    read_string(object, "border", style.border);
    read_string(object, "font", style.font);
    read_string(object, "style", style.style);
    return style;
}

TypeStyle type_style(const json& object)
{
    if (!object.is_object()) throw Error("a relation type style must be an object");
    TypeStyle style;
    read_string(object, "color", style.color);
    read_string(object, "style", style.style);
    read_string(object, "arrowhead", style.arrowhead);
    read_number(object, "penwidth", style.penwidth);
    return style;
}

Stylesheet from_json(const json& root)
{
    if (!root.is_object()) throw Error("expected a JSON object at the top");
    Stylesheet sheet;
    if (root.contains("graph")) {
        const auto& graph = root["graph"];
        read_string(graph, "font", sheet.font);
        read_number(graph, "font_size", sheet.font_size);
        read_string(graph, "background", sheet.background);
        read_string(graph, "rankdir", sheet.rankdir);
        read_string(graph, "overlap", sheet.overlap);
        read_string(graph, "splines", sheet.splines);
        read_string(graph, "highlight_color", sheet.highlight_color);
        read_string(graph, "dim_color", sheet.dim_color);
        read_string(graph, "dim_font_color", sheet.dim_font_color);
    }
    if (root.contains("kinds")) {
        for (const auto& [name, value] : root["kinds"].items()) sheet.kinds[name] = kind_style(value);
    }
    if (root.contains("types")) {
        for (const auto& [name, value] : root["types"].items()) sheet.types[name] = type_style(value);
    }
    return sheet;
}

}  // namespace

const KindStyle& Stylesheet::kind(std::string_view name) const
{
    static const KindStyle fallback;
    if (auto it = kinds.find(name); it != kinds.end()) return it->second;
    if (auto it = kinds.find("*"); it != kinds.end()) return it->second;
    return fallback;
}

const TypeStyle& Stylesheet::type(std::string_view name) const
{
    static const TypeStyle fallback;
    if (auto it = types.find(name); it != types.end()) return it->second;
    if (auto it = types.find("*"); it != types.end()) return it->second;
    return fallback;
}

Stylesheet Stylesheet::parse(std::string_view json_text, const std::string& file_name)
{
    json root;
    try {
        root = json::parse(json_text);
    } catch (const json::parse_error& error) {
        auto offset = std::min<std::size_t>(error.byte, json_text.size());
        int line = 1;
        for (std::size_t i = 0; i < offset; ++i) line += json_text[i] == '\n';
        throw Error({file_name, line}, std::string("malformed JSON: ") + error.what());
    } catch (const json::exception& error) {
        throw Error({file_name, 0}, std::string("malformed JSON: ") + error.what());
    }
    try {
        return from_json(root);
    } catch (const Error& error) {
        throw Error({file_name, 0}, error.message());
    } catch (const json::exception& error) {
        throw Error({file_name, 0}, error.what());
    }
}

const Stylesheet& Stylesheet::builtin()
{
    static const Stylesheet sheet = parse(builtin_stylesheet_json, "assets/stylesheet.json");
    return sheet;
}

}  // namespace actorgraph
