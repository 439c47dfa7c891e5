#include "actorgraph/io/import_mapping.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <chrono>
#include <cmath>
#include <sstream>

#include <date/date.h>
#include <nlohmann/json.hpp>

#include "actorgraph/io/file_io.hpp"
#include "actorgraph/model/number_text.hpp"

namespace actorgraph {

namespace {

using nlohmann::json;

struct TypeName {
    std::string_view name;
    ValueType type;
};

// Ours first (what value_type_name writes), then Neo4j's spellings.
constexpr std::array<TypeName, 14> type_names{{{"text", ValueType::text},
                                               {"integer", ValueType::integer},
                                               {"number", ValueType::number},
                                               {"boolean", ValueType::boolean},
                                               {"date", ValueType::date},
                                               {"datetime", ValueType::datetime},
                                               {"string", ValueType::text},
                                               {"int", ValueType::integer},
                                               {"long", ValueType::integer},
                                               {"short", ValueType::integer},
                                               {"byte", ValueType::integer},
                                               {"float", ValueType::number},
                                               {"double", ValueType::number},
                                               {"localdatetime", ValueType::datetime}}};

std::string lookup(const std::map<std::string, std::string>& map, std::string_view key)
{
    auto folded = fold_case(key);
    for (const auto& [from, to] : map) {
        if (fold_case(from) == folded) return to;
    }
    return std::string(key);
}

std::optional<std::string> convert_integer(std::string_view text)
{
    auto number = parse_number(text);
    if (!number || std::floor(*number) != *number || std::fabs(*number) > 9.007199254740992e15) return std::nullopt;
    return std::to_string(static_cast<long long>(*number));
}

std::optional<std::string> convert_boolean(std::string_view text)
{
    auto folded = fold_case(trim_spaces(text));
    if (folded == "true" || folded == "yes" || folded == "y" || folded == "1") return "true";
    if (folded == "false" || folded == "no" || folded == "n" || folded == "0") return "false";
    return std::nullopt;
}

// The formats analysts' tables use, tried in order; the first that reads the whole text wins.
std::optional<std::string> convert_date(std::string_view text)
{
    constexpr std::array<const char*, 9> formats{"%Y-%m-%d", "%b %d, %Y", "%B %d, %Y", "%d %b %Y", "%d %B %Y",
                                                 "%d/%m/%Y", "%d.%m.%Y",  "%Y/%m/%d", "%Y%m%d"};
    std::string trimmed(trim_spaces(text));
    for (const char* format : formats) {
        std::istringstream in(trimmed);
        date::year_month_day day{};
        in >> date::parse(format, day);
        if (in.fail() || !day.ok()) continue;
        if (in.peek() != std::char_traits<char>::eof()) continue;
        return date::format("%Y-%m-%d", day);
    }
    return std::nullopt;
}

std::optional<std::string> convert_datetime(std::string_view text)
{
    constexpr std::array<const char*, 4> formats{"%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M",
                                                 "%Y-%m-%d %H:%M"};
    std::string trimmed(trim_spaces(text));
    for (const char* format : formats) {
        std::istringstream in(trimmed);
        date::local_seconds time{};
        in >> date::parse(format, time);
        if (in.fail()) continue;
        std::string rest;
        std::getline(in, rest);  // a zone or fraction stays as written after the parsed part
        return date::format("%Y-%m-%dT%H:%M:%S", time) + rest;
    }
    if (auto day = convert_date(text)) return *day;
    return std::nullopt;
}

json properties_json(const std::vector<PropertyMapping>& properties)
{
    auto list = json::array();
    for (const auto& property : properties) {
        json entry{{"column", property.column}, {"type", value_type_name(property.type)}};
        if (!property.name.empty() && property.name != property.column) entry["name"] = property.name;
        list.push_back(entry);
    }
    return list;
}

// A JSON object's string member, or empty; Error naming the key when it is not a string.
std::string string_member(const json& object, std::string_view key, const std::string& source)
{
    auto found = object.find(key);
    if (found == object.end() || found->is_null()) return {};
    if (!found->is_string()) throw Error({source, 0}, "mapping: '" + std::string(key) + "' must be a string");
    return found->get<std::string>();
}

std::map<std::string, std::string> map_member(const json& object, std::string_view key, const std::string& source)
{
    std::map<std::string, std::string> map;
    auto found = object.find(key);
    if (found == object.end() || found->is_null()) return map;
    if (!found->is_object()) throw Error({source, 0}, "mapping: '" + std::string(key) + "' must be an object of names");
    for (const auto& [from, to] : found->items()) {
        if (!to.is_string()) throw Error({source, 0}, "mapping: '" + std::string(key) + "." + from + "' must be a string");
        map[from] = to.get<std::string>();
    }
    return map;
}

std::vector<PropertyMapping> properties_member(const json& object, const std::string& source)
{
    std::vector<PropertyMapping> properties;
    auto found = object.find("properties");
    if (found == object.end() || found->is_null()) return properties;
    if (!found->is_array()) throw Error({source, 0}, "mapping: 'properties' must be a list");
    for (const auto& entry : *found) {
        if (!entry.is_object()) throw Error({source, 0}, "mapping: each property must be an object with a 'column'");
        PropertyMapping property;
        property.column = string_member(entry, "column", source);
        if (property.column.empty()) throw Error({source, 0}, "mapping: a property has no 'column'");
        property.name = string_member(entry, "name", source);
        auto type = string_member(entry, "type", source);
        if (!type.empty()) property.type = parse_value_type(type);
        properties.push_back(std::move(property));
    }
    return properties;
}

char character_member(const json& object, std::string_view key, char fallback, const std::string& source)
{
    auto text = string_member(object, key, source);
    return text.empty() ? fallback : parse_csv_character(text, key);
}

// A misspelt key ("kind" for "kinds") would silently do nothing: it is an error listing the known ones.
void require_known_keys(const json& object, std::initializer_list<std::string_view> known, std::string_view where,
                        const std::string& source)
{
    for (const auto& [key, value] : object.items()) {
        if (std::find(known.begin(), known.end(), key) != known.end()) continue;
        std::string list;
        for (auto name : known) list += (list.empty() ? "" : ", ") + std::string(name);
        throw Error({source, 0}, "mapping: unknown key '" + key + "' in " + std::string(where) + "; expected " + list);
    }
}

const json* object_member(const json& object, std::string_view key, const std::string& source)
{
    auto found = object.find(key);
    if (found == object.end() || found->is_null()) return nullptr;
    if (!found->is_object()) throw Error({source, 0}, "mapping: '" + std::string(key) + "' must be an object");
    return &*found;
}

std::string character_text(char c)
{
    return c == '\t' ? std::string("TAB") : std::string(1, c);
}

}  // namespace

std::string_view value_type_name(ValueType type)
{
    for (const auto& entry : type_names) {
        if (entry.type == type) return entry.name;
    }
    return "text";
}

ValueType parse_value_type(std::string_view name)
{
    auto folded = fold_case(trim_spaces(name));
    for (const auto& entry : type_names) {
        if (entry.name == folded) return entry.type;
    }
    throw Error("unknown value type '" + std::string(name) +
                "'; expected text, integer, number, boolean, date or datetime");
}

std::string ImportMapping::map_kind(std::string_view label) const
{
    return lookup(kinds, label);
}

std::string ImportMapping::map_type(std::string_view type) const
{
    return lookup(types, type);
}

json mapping_to_json(const ImportMapping& mapping)
{
    json out;
    if (!mapping.kinds.empty()) out["kinds"] = mapping.kinds;
    if (!mapping.types.empty()) out["types"] = mapping.types;
    if (!mapping.caption.empty()) out["caption"] = mapping.caption;
    json csv{{"quote", character_text(mapping.csv.quote)},
             {"array_delimiter", character_text(mapping.csv.array_delimiter)}};
    if (mapping.csv.delimiter) csv["delimiter"] = character_text(*mapping.csv.delimiter);
    out["csv"] = csv;
    const auto& nodes = mapping.nodes;
    json node_table;
    for (const auto& [key, value] : {std::pair{"id", &nodes.id}, {"kind", &nodes.kind}, {"kind_column", &nodes.kind_column}}) {
        if (!value->empty()) node_table[key] = *value;
    }
    if (!nodes.properties.empty()) node_table["properties"] = properties_json(nodes.properties);
    if (!node_table.empty()) out["nodes"] = node_table;
    const auto& edges = mapping.edges;
    json edge_table;
    for (const auto& [key, value] : {std::pair{"source", &edges.source}, {"target", &edges.target}, {"type", &edges.type},
                                     {"type_column", &edges.type_column}, {"source_kind", &edges.source_kind},
                                     {"target_kind", &edges.target_kind}}) {
        if (!value->empty()) edge_table[key] = *value;
    }
    if (!edges.properties.empty()) edge_table["properties"] = properties_json(edges.properties);
    if (!edge_table.empty()) out["edges"] = edge_table;
    return out;
}

ImportMapping mapping_from_json(const json& in, const std::string& source)
{
    if (!in.is_object()) throw Error({source, 0}, "mapping: expected a JSON object");
    ImportMapping mapping;
    mapping.kinds = map_member(in, "kinds", source);
    mapping.types = map_member(in, "types", source);
    mapping.caption = string_member(in, "caption", source);
    if (!mapping.caption.empty()) (void)CaptionTemplate(mapping.caption);  // an unclosed brace is an error now
    require_known_keys(in, {"kinds", "types", "caption", "csv", "nodes", "edges"}, "the mapping", source);
    if (const auto* csv = object_member(in, "csv", source)) {
        require_known_keys(*csv, {"delimiter", "quote", "array_delimiter"}, "csv", source);
        auto delimiter = string_member(*csv, "delimiter", source);
        if (!delimiter.empty()) mapping.csv.delimiter = parse_csv_character(delimiter, "delimiter");
        mapping.csv.quote = character_member(*csv, "quote", '"', source);
        mapping.csv.array_delimiter = character_member(*csv, "array_delimiter", ';', source);
    }
    if (const auto* nodes = object_member(in, "nodes", source)) {
        require_known_keys(*nodes, {"id", "kind", "kind_column", "properties"}, "nodes", source);
        mapping.nodes.id = string_member(*nodes, "id", source);
        mapping.nodes.kind = string_member(*nodes, "kind", source);
        mapping.nodes.kind_column = string_member(*nodes, "kind_column", source);
        mapping.nodes.properties = properties_member(*nodes, source);
    }
    if (const auto* edges = object_member(in, "edges", source)) {
        require_known_keys(*edges, {"source", "target", "type", "type_column", "source_kind", "target_kind", "properties"},
                           "edges", source);
        mapping.edges.source = string_member(*edges, "source", source);
        mapping.edges.target = string_member(*edges, "target", source);
        mapping.edges.type = string_member(*edges, "type", source);
        mapping.edges.type_column = string_member(*edges, "type_column", source);
        mapping.edges.source_kind = string_member(*edges, "source_kind", source);
        mapping.edges.target_kind = string_member(*edges, "target_kind", source);
        mapping.edges.properties = properties_member(*edges, source);
    }
    return mapping;
}

ImportMapping load_mapping(const std::filesystem::path& file)
{
    auto text = read_file(file);
    auto parsed = json::parse(text, nullptr, false);
    if (parsed.is_discarded()) throw Error({file.string(), 0}, "mapping file is not valid JSON");
    try {
        return mapping_from_json(parsed, file.string());
    } catch (const Error& error) {
        if (!error.where().file.empty()) throw;
        throw Error({file.string(), 0}, error.message());
    }
}

void save_mapping(const ImportMapping& mapping, const std::filesystem::path& file)
{
    write_file_atomically(file, mapping_to_json(mapping).dump(2) + "\n");
}

void parse_vocabulary_map(std::string_view text, std::map<std::string, std::string>& into, std::string_view flag)
{
    for (const auto& pair : split_list(text, ",")) {
        auto equals = pair.find('=');
        auto from = trim_spaces(std::string_view(pair).substr(0, equals));
        if (equals == std::string::npos || from.empty()) {
            throw Error(std::string(flag) + ": expected FOREIGN=ours pairs separated by commas, got '" + pair + "'");
        }
        auto to = trim_spaces(std::string_view(pair).substr(equals + 1));
        if (to.empty()) throw Error(std::string(flag) + ": '" + std::string(from) + "' maps to nothing");
        into[std::string(from)] = std::string(to);
    }
}

char parse_csv_character(std::string_view text, std::string_view flag)
{
    if (text == "TAB" || text == "\\t" || text == "\t") return '\t';
    unsigned code = 0;
    if (text.size() == 1) {
        code = static_cast<unsigned char>(text.front());
    } else if (text.size() > 2 && (text.starts_with("U+") || text.starts_with("u+"))) {
        auto digits = text.substr(2);
        auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), code, 16);
        if (ec != std::errc{} || end != digits.data() + digits.size()) code = 0x100;
    } else {
        code = 0x100;
    }
    if (code == 0 || code >= 0x80 || code == '\n' || code == '\r') {
        throw Error(std::string(flag) + ": expected one ASCII character, TAB or U+XXXX (below U+0080), got '" +
                    std::string(text) + "'");
    }
    return static_cast<char>(code);
}

CaptionTemplate::CaptionTemplate(std::string_view text)
{
    if (text.find('{') == std::string_view::npos) {
        literals_ = {"", ""};
        columns_ = {std::string(trim_spaces(text))};
        return;
    }
    std::string literal;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '{') {
            literal += text[i];
            continue;
        }
        auto close = text.find('}', i);
        if (close == std::string_view::npos) throw Error("caption template '" + std::string(text) + "': unclosed '{'");
        literals_.push_back(std::exchange(literal, {}));
        columns_.emplace_back(text.substr(i + 1, close - i - 1));
        i = close;
    }
    literals_.push_back(literal);
}

std::string CaptionTemplate::fill(const std::vector<std::string_view>& values) const
{
    std::string out;
    for (std::size_t i = 0; i < columns_.size(); ++i) {
        out += literals_[i];
        if (i < values.size()) out += values[i];
    }
    out += literals_.back();
    // "{first} {middle} {last}" with no middle name: one space, not two.
    std::string collapsed;
    for (char c : out) {
        if (c == ' ' && (collapsed.empty() || collapsed.back() == ' ')) continue;
        collapsed += c;
    }
    return std::string(trim_spaces(collapsed));
}

std::optional<std::string> convert_value(std::string_view text, ValueType type)
{
    switch (type) {
        case ValueType::text: return std::string(text);
        case ValueType::integer: return convert_integer(text);
        case ValueType::number: {
            auto number = parse_number(text);
            if (!number) return std::nullopt;
            return exact_number_text(*number);
        }
        case ValueType::boolean: return convert_boolean(text);
        case ValueType::date: return convert_date(text);
        case ValueType::datetime: return convert_datetime(text);
    }
    return std::nullopt;
}

}  // namespace actorgraph
