#include "actorgraph/io/dot_reader.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>

#include "actorgraph/io/file_io.hpp"
#include "graphviz/graphviz_handles.hpp"
#include "io/dot_lines.hpp"

namespace actorgraph {

namespace {

// Attributes that map to fields of the model rather than to free properties.
constexpr std::string_view kind_attribute = "kind";
constexpr std::string_view type_attribute = "type";
constexpr std::string_view label_attribute = "label";
constexpr std::string_view aliases_attribute = "aliases";
// cgraph's edge key (a -> b [key=k] names the edge), never a property.
constexpr std::string_view key_attribute = "key";

// The line cgraph names in "syntax error in line N near 'x'" (found by hand: std::regex recurses
// per character and the message quotes text from the file).
int line_of_message(std::string_view message)
{
    constexpr std::string_view marker = "line ";
    for (auto at = message.find(marker); at != std::string_view::npos; at = message.find(marker, at + 1)) {
        int line = 0;
        std::size_t digits = 0;
        for (auto i = at + marker.size(); i < message.size() && std::isdigit(static_cast<unsigned char>(message[i]));
             ++i, ++digits) {
            if (line < 100'000'000) line = line * 10 + (message[i] - '0');
        }
        if (digits > 0) return line;
    }
    return 0;
}

// cgraph recovers from some failures (its parser stack running out) by returning the graph read
// so far with an error message; a partial graph must not pass for the file's content.
bool reports_failure(std::string_view messages)
{
    return messages.starts_with("Error") || messages.find("\nError") != std::string_view::npos;
}

// The writer's spelling of a property whose name a reader takes for a field (or that starts with the
// prefix itself): "property:" in front, so fields and properties never overwrite each other.
constexpr std::string_view property_prefix = "property:";

// An attribute's name and value, or for an attribute set to "" in the file, an empty value: cgraph
// gives "" for attributes never set too, so those come from the LineIndex's empty_*_attributes.
std::map<std::string, std::string> attributes_of(Agraph_t* graph, int kind, void* object,
                                                 const std::vector<std::string>& set_empty)
{
    std::map<std::string, std::string> values;
    for (Agsym_t* symbol = agnxtattr(graph, kind, nullptr); symbol; symbol = agnxtattr(graph, kind, symbol)) {
        const char* value = agxget(object, symbol);
        if (value && *value) values.emplace(dot::from_cgraph(symbol->name), dot::from_cgraph(value));
    }
    for (const auto& name : set_empty) values.try_emplace(name);
    return values;
}

// A property's name as written, or nullopt for a field's attribute.
std::optional<std::string> property_name(const std::string& attribute, std::initializer_list<std::string_view> fields)
{
    if (attribute.starts_with(property_prefix)) return attribute.substr(property_prefix.size());
    for (auto field : fields) {
        if (attribute == field) return std::nullopt;
    }
    return attribute;
}

Actor actor_from_node(Agraph_t* graph, Agnode_t* node, const SourceLocation& where, const dot::LineIndex& lines)
{
    Actor actor;
    actor.id = dot::from_cgraph(agnameof(node));
    actor.where = where;
    for (auto& [name, value] : attributes_of(graph, AGNODE, node, lines.empty_node_attributes(actor.id))) {
        if (auto property = property_name(name, {kind_attribute, label_attribute, aliases_attribute})) {
            actor.properties.emplace(std::move(*property), std::move(value));
        } else if (name == kind_attribute) {
            actor.kind = value;
        } else if (name == label_attribute) {
            actor.label = value == "\\N" ? std::string{} : value;
        } else {
            actor.aliases = split_list(value);
        }
    }
    return actor;
}

std::vector<Agedge_t*> edges_in_file_order(Agraph_t* graph)
{
    std::vector<Agedge_t*> edges;
    for (Agnode_t* node = agfstnode(graph); node; node = agnxtnode(graph, node)) {
        for (Agedge_t* edge = agfstout(graph, node); edge; edge = agnxtout(graph, edge)) edges.push_back(edge);
    }
    std::sort(edges.begin(), edges.end(), [](Agedge_t* a, Agedge_t* b) { return AGSEQ(a) < AGSEQ(b); });
    return edges;
}

Graph graph_from_cgraph(Agraph_t* root, const dot::LineIndex& lines, const std::string& name)
{
    const FileName file_name(name);  // interned once, not once per actor and relation
    Graph graph;
    graph.name = agnameof(root);
    // cgraph's name for an anonymous graph; a graph named "%x" in the file comes as "\\%x" (cgraph_text).
    graph.name = graph.name.starts_with("%") ? std::string{} : dot::from_cgraph(graph.name);
    std::map<Agnode_t*, ActorIndex> indices;
    for (Agnode_t* node = agfstnode(root); node; node = agnxtnode(root, node)) {
        SourceLocation where{file_name, lines.node_line(dot::from_cgraph(agnameof(node)))};
        indices.emplace(node, graph.add_actor(actor_from_node(root, node, where, lines)));
    }
    std::map<std::pair<std::string, std::string>, std::size_t> seen;
    for (Agedge_t* edge : edges_in_file_order(root)) {
        auto tail = dot::from_cgraph(agnameof(agtail(edge)));
        auto head = dot::from_cgraph(agnameof(aghead(edge)));
        Relation relation;
        relation.source = indices.at(agtail(edge));
        relation.target = indices.at(aghead(edge));
        auto occurrence = seen[{tail, head}]++;
        relation.where = {file_name, lines.edge_line(tail, head, occurrence)};
        // `graph { a -- b }` is undirected throughout; in a digraph, `dir=none` marks one undirected
        // relation (how write_dot spells a mixed graph).
        auto orientation = agisundirected(root) ? Orientation::undirected : Orientation::directed;
        for (auto& [name, value] : attributes_of(root, AGEDGE, edge, lines.empty_edge_attributes(tail, head, occurrence))) {
            if (name == "dir" && value == "none") {
                orientation = Orientation::undirected;
            } else if (auto property = property_name(name, {type_attribute, key_attribute})) {
                relation.properties.emplace(std::move(*property), std::move(value));
            } else if (name == type_attribute) {
                relation.type = value;
            }
        }
        graph.add_relation(std::move(relation), orientation);
    }
    return graph;
}

}  // namespace

// HTML-like strings (<...>) come out of cgraph as their raw text, and every exported label is
// re-quoted as a plain string, so markup from a file is shown as text, never interpreted.
Graph read_dot(std::string_view text, const std::string& file_name, const InputLimits& limits)
{
    require_input_size(text.size(), file_name, limits);
    if (text.find('\0') != std::string_view::npos) {
        throw Error({file_name, 0}, "contains a NUL byte; expected a DOT text file");
    }
    dot::LineIndex lines(text, file_name, limits);
    std::string buffer = lines.cgraph_text(text);
    auto lock = graphviz::library_lock();
    graphviz::MessageCapture capture;
    graphviz::GraphHandle root = graphviz::read_graph(buffer);
    auto messages = capture.messages();
    if (!root || reports_failure(messages)) {
        if (messages.empty()) messages = "no graph found; expected 'digraph { ... }' or 'graph { ... }'";
        if (messages.starts_with("Error: ")) messages.erase(0, 7);
        throw Error({file_name, lines.original_line(line_of_message(messages))}, messages);
    }
    auto graph = graph_from_cgraph(root.get(), lines, file_name);
    if (!messages.empty()) graph.warn({file_name, lines.original_line(line_of_message(messages))}, messages);
    if (lines.graph_lines().size() > 1) {
        graph.warn({file_name, lines.graph_lines()[1]}, "the file holds " + std::to_string(lines.graph_lines().size()) +
                                                            " graphs; only the first is read");
    }
    return graph;
}

Graph read_dot_file(const std::filesystem::path& path, const InputLimits& limits)
{
    return read_dot(read_file(path, limits.max_file_bytes), path.string(), limits);
}

}  // namespace actorgraph
