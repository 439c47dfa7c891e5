// Vocabulary and caption applied after a graph file is read (see graph_mapping.hpp).
#include "actorgraph/io/graph_mapping.hpp"

#include <set>

#include "actorgraph/io/file_format.hpp"
#include "actorgraph/io/neo4j_import_set.hpp"
#include "actorgraph/model/spelling.hpp"

namespace fs = std::filesystem;

namespace actorgraph {

namespace {

// The names a graph holds, ignoring case, as the vocabulary maps match them.
std::set<std::string> folded_names(const std::vector<std::string>& names)
{
    std::set<std::string> folded;
    for (const auto& name : names) folded.insert(fold_case(name));
    return folded;
}

// Every key of the map must name something the graph holds; a misspelt key is an error with a suggestion.
void check_map_keys(const std::map<std::string, std::string>& map, const std::vector<std::string>& held,
                    std::string_view what)
{
    auto folded = folded_names(held);
    for (const auto& [from, to] : map) {
        if (folded.contains(fold_case(from))) continue;
        if (held.empty()) throw Error(std::string(what) + " map: '" + from + "' maps a " + std::string(what) + ", but the file gives none");
        throw Error(std::string(what) + " map: " + unknown_word_message(what, from, held) +
                    " (the map's left side names what the file holds)");
    }
}

std::vector<std::string> kinds_held(const Graph& graph)
{
    std::set<std::string> kinds;
    for (const auto& actor : graph.actors()) {
        if (!actor.kind.str().empty()) kinds.insert(actor.kind.str());
    }
    return {kinds.begin(), kinds.end()};
}

std::vector<std::string> types_held(const Graph& graph)
{
    std::set<std::string> types;
    for (const auto& relation : graph.relations()) {
        if (!relation.type.str().empty()) types.insert(relation.type.str());
    }
    return {types.begin(), types.end()};
}

// What a caption's `{name}` reads for an actor: the id and label fields, else a property.
std::string_view caption_value(const Actor& actor, std::string_view name)
{
    if (name == "id") return actor.id;
    if (name == "label") return actor.label;
    return property_or_empty(actor.properties, name);
}

void check_caption_columns(const Graph& graph, const CaptionTemplate& caption, const std::string& text)
{
    std::set<std::string> names{"id", "label"};
    for (const auto& actor : graph.actors()) {
        for (const auto& [name, value] : actor.properties) names.emplace(name);
    }
    std::vector<std::string> known(names.begin(), names.end());
    for (const auto& column : caption.columns()) {
        if (names.contains(column)) continue;
        throw Error("the caption '" + text + "' names " + unknown_word_message("property", column, known));
    }
}

// Labels are in the name index, so a new caption means building the graph again, in the same order.
Graph relabelled(const Graph& graph, const CaptionTemplate& caption)
{
    Graph result;
    result.name = graph.name;
    result.reserve(graph.actor_count(), graph.relation_count());
    std::vector<std::string_view> values;
    for (const auto& actor : graph.actors()) {
        values.clear();
        for (const auto& column : caption.columns()) values.push_back(caption_value(actor, column));
        Actor copy = actor;
        auto filled = caption.fill(values);
        if (!filled.empty()) copy.label = std::move(filled);
        result.add_actor(std::move(copy));
    }
    for (RelationIndex i = 0; i < graph.relation_count(); ++i) result.add_relation(graph.relation(i), graph.orientation(i));
    for (const auto& warning : graph.diagnostics()) result.warn(warning.where, warning.message);
    return result;
}

}  // namespace

bool maps_graph_files(const ImportMapping& mapping)
{
    return !mapping.caption.empty() || !mapping.kinds.empty() || !mapping.types.empty();
}

Graph apply_mapping(Graph graph, const ImportMapping& mapping)
{
    if (!mapping.kinds.empty()) check_map_keys(mapping.kinds, kinds_held(graph), "kind");
    if (!mapping.types.empty()) check_map_keys(mapping.types, types_held(graph), "type");
    if (!mapping.caption.empty()) {
        CaptionTemplate caption(mapping.caption);
        check_caption_columns(graph, caption, mapping.caption);
        graph = relabelled(graph, caption);
    }
    if (!mapping.kinds.empty()) {
        for (ActorIndex i = 0; i < graph.actor_count(); ++i) {
            auto& actor = graph.actor_for_edit(i);
            actor.kind = normalize_kind(mapping.map_kind(actor.kind.str()));
        }
    }
    if (!mapping.types.empty()) {
        for (RelationIndex i = 0; i < graph.relation_count(); ++i) {
            auto& relation = graph.relation_for_edit(i);
            relation.type = normalize_relation_type(mapping.map_type(relation.type.str()));
        }
    }
    return graph;
}

Graph load_graph_mapped(const fs::path& path, const ImportMapping& mapping, const InputLimits& limits)
{
    std::error_code ec;
    if (fs::is_directory(path, ec) && is_import_set_folder(path)) {
        return read_import_set(scan_import_folder(path, mapping.csv), mapping, limits);
    }
    auto graph = load_graph(path, limits);
    if (!maps_graph_files(mapping)) return graph;
    try {
        return apply_mapping(std::move(graph), mapping);
    } catch (const Error& failure) {
        throw Error({path.string(), 0}, failure.what());
    }
}

}  // namespace actorgraph
