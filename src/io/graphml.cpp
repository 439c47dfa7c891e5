#include "actorgraph/io/graphml.hpp"

#include <pugixml.hpp>

#include <algorithm>
#include <initializer_list>
#include <map>
#include <optional>
#include <unordered_map>
#include <vector>

#include "actorgraph/io/file_io.hpp"
#include "io/neo4j_labels.hpp"
#include "io/xml_text.hpp"

// Reading choices, so files from yEd, Gephi, igraph, NetworkX, Neo4j (APOC) and TinkerPop all load:
// - the first declared key named `label` (else `name`) is the actor label, `kind` (else `labels`, `:LABEL`,
//   `labelV`) the kind, `aliases` the aliases, and for edges `type` (else `label`, `labelE`, `:TYPE`) the type;
//   every other key becomes a property named by attr.name (or by the key id when it has none). Because the
//   first declared key wins, a property that shares a field's name is written under a second key and survives;
// - yEd drawing data (keys with yfiles.type) is ignored except for its label text, which fills an empty label
//   (nodes) or an empty type (edges, else the property `label`);
// - an edge to an undeclared node creates that node, with a warning, as graphology, NetworkX and igraph do;
// - edge ids are not kept: they only make edges addressable inside the file, and the writer numbers them anew,
//   so dropping them keeps read(write(g)) == g;
// - nested graphs (yEd groups) are flattened into one graph, with a warning; hyperedges are skipped, with one.
// Writing: XML 1.0 cannot carry most control characters, not even as character references, so saving a
// graph with one in any text throws an Error naming the actor or relation instead of silently changing it.

namespace actorgraph {

namespace {

using xml::append_escaped;
using xml::attribute;
using xml::declared_property_type;
using xml::format_property_type;
using xml::count_elements;
using xml::is_element;
using xml::LineTable;
using xml::require_writable;
using xml::text_of;
using xml::type_attribute;
using xml::type_namespace_declaration;

bool one_of(std::string_view text, std::initializer_list<std::string_view> names)
{
    return std::find(names.begin(), names.end(), text) != names.end();
}

std::string_view trim(std::string_view text, std::string_view characters = " ")
{
    auto first = text.find_first_not_of(characters);
    if (first == std::string_view::npos) return {};
    return text.substr(first, text.find_last_not_of(characters) - first + 1);
}

// What a key's values become on a node or an edge.
enum class Field { property, label, kind, kind_from_labels, aliases, type, graphics };

struct Key {
    std::string name;
    std::string domain;
    std::optional<std::string> default_value;
    std::string type;  ///< the declared property type (PropertyTypes), "" for untyped text
    Field node_field = Field::property;
    Field edge_field = Field::property;

    [[nodiscard]] bool applies_to(std::string_view element) const { return domain == element || domain == "all"; }
};

// The first non-empty <y:NodeLabel> or <y:EdgeLabel> text in yEd's drawing data.
std::string yed_label(const pugi::xml_node& data, std::string_view label_element)
{
    auto found = data.find_node([&](const pugi::xml_node& node) {
        return is_element(node, label_element) && !trim(text_of(node), " \t\n\r").empty();
    });
    return found ? std::string(trim(text_of(found), " \t\n\r")) : std::string{};
}

class GraphmlReader {
public:
    GraphmlReader(std::string_view text, const std::string& file, const InputLimits& limits)
        : text_(text), file_(file), limits_(limits) {}

    Graph read()
    {
        require_input_size(text_.size(), file_, limits_);
        auto root = parse();
        read_keys(root);
        check_attribute_slots(root);
        pugi::xml_node graph_element;
        for (auto child : root.children()) {
            if (!is_element(child, "graph")) continue;
            if (graph_element) {
                graph_.warn(at(child), "only the first <graph> is read; this one is ignored");
            } else {
                graph_element = child;
            }
        }
        if (!graph_element) throw Error(at(root), "no <graph> element inside <graphml>");
        graph_.name = graph_element.attribute("id").value();
        std::vector<pugi::xml_node> edges = read_nodes(graph_element);
        for (const auto& edge : edges) read_edge(edge);
        return std::move(graph_);
    }

private:
    [[nodiscard]] SourceLocation at(const pugi::xml_node& node) const
    {
        return {file_, lines_.line_of(node.offset_debug())};
    }

    pugi::xml_node parse()
    {
        auto root = xml::parse(document_, text_, file_, lines_);
        if (!is_element(root, "graphml")) {
            throw Error(at(root), "the root element is <" + std::string(root.name()) + ">, expected <graphml>");
        }
        return root;
    }

    // Every element costs a pass over the keys, and a key's default gives every node or edge a value,
    // so elements x keys is what reading costs in time and memory.
    void check_attribute_slots(const pugi::xml_node& root) const
    {
        auto elements = count_elements(root);
        if (elements * keys_.size() > limits_.max_attribute_slots) {
            throw Error({file_, 0}, std::to_string(keys_.size()) + " keys on " + std::to_string(elements) +
                                        " elements would need more than " +
                                        std::to_string(limits_.max_attribute_slots) +
                                        " attribute values in memory; see the limits in the README");
        }
    }

    void read_keys(const pugi::xml_node& root)
    {
        for (auto element : root.children()) {
            if (!is_element(element, "key")) continue;
            std::string id = element.attribute("id").value();
            if (id.empty()) {
                graph_.warn(at(element), "<key> without an id is ignored");
                continue;
            }
            if (key_index_.contains(id)) {
                graph_.warn(at(element), "key '" + id + "' is declared twice; the first declaration is used");
                continue;
            }
            Key key;
            auto name = element.attribute("attr.name");
            key.name = name ? name.value() : id;
            key.domain = element.attribute("for") ? element.attribute("for").value() : "all";
            if (auto fallback = element.child("default")) key.default_value = text_of(fallback);
            if (element.attribute("yfiles.type")) key.node_field = key.edge_field = Field::graphics;
            key.type = declared_property_type(element, element.attribute("attr.type").value());
            if (keys_.size() >= limits_.max_attribute_names) {
                throw Error(at(element), "more than " + std::to_string(limits_.max_attribute_names) +
                                             " <key> declarations; see the limits in the README");
            }
            key_index_.emplace(id, keys_.size());
            keys_.push_back(std::move(key));
        }
        assign_fields();
        for (const auto& key : keys_) {
            if (key.type.empty()) continue;
            if (key.applies_to("node") && key.node_field == Field::property) graph_.actor_property_types.declare(key.name, key.type);
            if (key.applies_to("edge") && key.edge_field == Field::property) graph_.relation_property_types.declare(key.name, key.type);
        }
    }

    // The first declared key with one of the names gets the field; returns false when there is none.
    bool assign(std::string_view element, std::initializer_list<std::string_view> names, Field field)
    {
        for (auto& key : keys_) {
            auto& slot = element == "node" ? key.node_field : key.edge_field;
            if (slot == Field::property && key.applies_to(element) && one_of(key.name, names)) {
                slot = field;
                return true;
            }
        }
        return false;
    }

    void assign_fields()
    {
        // The caption: `label`, else `name`, else `title` (a Neo4j export of movies or committees).
        if (!assign("node", {"label"}, Field::label) && !assign("node", {"name"}, Field::label)) {
            assign("node", {"title"}, Field::label);
        }
        if (!assign("node", {"kind"}, Field::kind)) {
            assign("node", {"labels", ":LABEL", "labelV"}, Field::kind_from_labels);
        }
        assign("node", {"aliases"}, Field::aliases);
        if (!assign("edge", {"type"}, Field::type)) assign("edge", {"label", "labelE", ":TYPE"}, Field::type);
    }

    const Key& key_of(const pugi::xml_node& data) const
    {
        std::string id = data.attribute("key").value();
        auto found = key_index_.find(id);
        if (found == key_index_.end()) throw Error(at(data), "<data> refers to undeclared key '" + id + "'");
        return keys_[found->second];
    }

    // Walks the graph and its nested graphs with an explicit stack, so deep nesting cannot overflow ours;
    // reads nodes on the way and returns the edges in document order.
    std::vector<pugi::xml_node> read_nodes(const pugi::xml_node& graph_element)
    {
        std::vector<pugi::xml_node> edges;
        std::vector<pugi::xml_node> stack{graph_element.first_child()};
        while (!stack.empty()) {
            auto element = stack.back();
            if (!element) {
                stack.pop_back();
                continue;
            }
            stack.back() = element.next_sibling();
            if (is_element(element, "edge")) {
                edges.push_back(element);
            } else if (is_element(element, "hyperedge")) {
                graph_.warn(at(element), "hyperedge ignored: actorgraph relations join two actors");
            } else if (is_element(element, "data")) {
                if (stack.size() == 1 && key_of(element).name == "name") graph_.name = text_of(element);
            } else if (is_element(element, "node")) {
                read_node(element);
                std::vector<pugi::xml_node> nested;
                for (auto child : element.children()) {
                    if (is_element(child, "graph")) nested.push_back(child);
                }
                for (auto it = nested.rbegin(); it != nested.rend(); ++it) {
                    graph_.warn(at(*it), "nested graph of node '" + std::string(element.attribute("id").value()) +
                                             "' is flattened into the main graph");
                    stack.push_back(it->first_child());
                }
            }
        }
        return edges;
    }

    template <typename Apply>
    void for_each_value(const pugi::xml_node& element, std::string_view domain, Apply apply) const
    {
        std::vector<bool> seen(keys_.size());
        for (auto data : element.children()) {
            if (!is_element(data, "data")) continue;
            const auto& key = key_of(data);
            seen[static_cast<std::size_t>(&key - keys_.data())] = true;
            apply(key, data);
        }
        for (std::size_t i = 0; i < keys_.size(); ++i) {
            const auto& key = keys_[i];
            if (!seen[i] && key.default_value && key.applies_to(domain)) apply(key, pugi::xml_node{});
        }
    }

    static void set_kind_from_labels(Actor& actor, std::string_view text)
    {
        // APOC writes ":Person:Official", a CSV-minded tool "Person;Official": the first known kind wins.
        neo4j::set_kind_from_labels(actor, split_list(text, ":;"));
    }

    void read_node(const pugi::xml_node& element)
    {
        Actor actor;
        actor.where = at(element);
        auto id = element.attribute("id");
        if (!id) throw Error(actor.where, "<node> without an id attribute");
        actor.id = id.value();
        std::string drawn_label;
        for_each_value(element, "node", [&](const Key& key, const pugi::xml_node& data) {
            std::string value = data ? text_of(data) : *key.default_value;
            switch (key.node_field) {
                case Field::label: actor.label = std::move(value); break;
                case Field::kind: actor.kind = normalize_kind(value); break;
                case Field::kind_from_labels: set_kind_from_labels(actor, value); break;
                case Field::aliases: actor.aliases = split_list(value, ";"); break;
                case Field::graphics:
                    if (data && drawn_label.empty()) drawn_label = yed_label(data, "NodeLabel");
                    break;
                default: actor.properties.insert_or_assign(key.name, std::move(value)); break;
            }
        });
        if (actor.label.empty()) actor.label = std::move(drawn_label);
        if (actor.kind.empty()) set_kind_from_labels(actor, element.attribute("labels").value());
        graph_.add_actor(std::move(actor));
    }

    void read_edge(const pugi::xml_node& element)
    {
        Relation relation;
        relation.where = at(element);
        auto source = element.attribute("source");
        auto target = element.attribute("target");
        if (!source || !target) throw Error(relation.where, "<edge> without a source or target attribute");
        relation.source = xml::edge_endpoint(graph_, source.value(), element, relation.where);
        relation.target = xml::edge_endpoint(graph_, target.value(), element, relation.where);
        std::string drawn_label;
        for_each_value(element, "edge", [&](const Key& key, const pugi::xml_node& data) {
            std::string value = data ? text_of(data) : *key.default_value;
            switch (key.edge_field) {
                case Field::type: relation.type = normalize_relation_type(value); break;
                case Field::graphics:
                    if (data && drawn_label.empty()) drawn_label = yed_label(data, "EdgeLabel");
                    break;
                default: relation.properties.insert_or_assign(key.name, std::move(value)); break;
            }
        });
        if (relation.type.empty()) relation.type = normalize_relation_type(element.attribute("label").value());
        if (relation.type.empty()) {
            relation.type = normalize_relation_type(drawn_label);
        } else if (!drawn_label.empty()) {
            relation.properties.try_emplace("label", drawn_label);
        }
        graph_.add_relation(std::move(relation), orientation_of(element));
    }

    // An edge's own `directed` attribute, else its graph's `edgedefault` (directed when absent).
    static Orientation orientation_of(const pugi::xml_node& edge)
    {
        auto directed = edge.attribute("directed");
        if (directed) return directed.as_bool(true) ? Orientation::directed : Orientation::undirected;
        std::string_view fallback = edge.parent().attribute("edgedefault").value();
        return fallback == "undirected" ? Orientation::undirected : Orientation::directed;
    }

    std::string_view text_;
    const FileName file_;  // interned once, not once per element
    const InputLimits& limits_;
    pugi::xml_document document_;
    LineTable lines_;
    std::vector<Key> keys_;
    std::unordered_map<std::string, std::size_t> key_index_;
    Graph graph_;
};

// ---------------------------------------------------------------------------------------------- writing

// A declared type (PropertyTypes) when every value fits it; else "int"/"double" only when every value parses,
// so typed readers (NetworkX, Gephi) never choke.
std::string_view attribute_type(std::string_view name, const std::vector<const Properties*>& owners,
                                const PropertyTypes& types)
{
    if (auto declared = fitting_property_type(types, name, owners); !declared.empty()) {
        return format_property_type(declared).first;
    }
    bool year = one_of(name, {schema::year, schema::since, schema::until});
    if (!year && name != schema::amount_usd) return "string";
    for (const auto* properties : owners) {
        auto value = property_or_empty(*properties, name);
        bool parses = year ? parse_year(value).has_value() : parse_number(value).has_value();
        if (properties->contains(name) && !parses) return "string";
    }
    return year ? "int" : "double";
}

constexpr std::string_view prologue =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
    "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
    "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
    "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\"";

class GraphmlWriter {
public:
    explicit GraphmlWriter(const Graph& graph) : graph_(graph) {}

    std::string write()
    {
        out_ = std::string(prologue) + std::string(type_namespace_declaration) + ">\n";
        std::vector<const Properties*> actor_properties;
        for (const auto& actor : graph_.actors()) actor_properties.push_back(&actor.properties);
        std::vector<const Properties*> relation_properties;
        for (const auto& relation : graph_.relations()) relation_properties.push_back(&relation.properties);
        label_key_ = declare("node", "label", "string");
        kind_key_ = declare("node", "kind", "string");
        aliases_key_ = declare("node", "aliases", "string");
        declare_properties("node", actor_properties, node_keys_);
        type_key_ = declare("edge", "type", "string");
        declare_properties("edge", relation_properties, edge_keys_);
        // An undirected graph says so once; a mixed one marks each undirected edge directed="false".
        undirected_ = graph_.relation_count() > 0 && graph_.undirected_count() == graph_.relation_count();
        out_ += "  <graph" + (graph_.name.empty() ? std::string{} : attribute("id", graph_.name)) +
                (undirected_ ? " edgedefault=\"undirected\">\n" : " edgedefault=\"directed\">\n");
        for (const auto& actor : graph_.actors()) write_actor(actor);
        for (RelationIndex index = 0; index < graph_.relation_count(); ++index) write_relation(index);
        out_ += "  </graph>\n</graphml>\n";
        return std::move(out_);
    }

private:
    std::string declare(std::string_view domain, std::string_view name, std::string_view type,
                        std::string_view cypher_type = {})
    {
        auto id = "d" + std::to_string(next_key_++);
        out_ += "  <key" + attribute("id", id) + attribute("for", domain) + attribute("attr.name", name) +
                attribute("attr.type", type) + (cypher_type.empty() ? "" : attribute(type_attribute, cypher_type)) +
                "/>\n";
        return id;
    }

    void declare_properties(std::string_view domain, const std::vector<const Properties*>& owners,
                            std::map<std::string, std::string, std::less<>>& keys)
    {
        for (const auto* properties : owners) {
            for (const auto& [name, value] : *properties) keys.try_emplace(std::string(name));
        }
        const auto& types = domain == "node" ? graph_.actor_property_types : graph_.relation_property_types;
        for (auto& [name, id] : keys) {
            auto named = format_property_type(fitting_property_type(types, name, owners)).second;
            id = declare(domain, name, attribute_type(name, owners, types), named);
        }
    }

    void write_data(std::string& element, std::string_view key, std::string_view value)
    {
        element += "      <data" + attribute("key", key) + ">";
        append_escaped(element, value, false);
        element += "</data>\n";
    }

    void write_element(std::string_view open, std::string_view name, const std::string& data)
    {
        out_ += open;
        out_ += data.empty() ? "/>\n" : ">\n" + data + "    </" + std::string(name) + ">\n";
    }

    void write_actor(const Actor& actor)
    {
        std::string data;
        if (!actor.label.empty()) write_data(data, label_key_, actor.label);
        if (!actor.kind.empty()) write_data(data, kind_key_, actor.kind);
        if (!actor.aliases.empty()) {
            std::string joined;
            for (const auto& alias : actor.aliases) joined += (joined.empty() ? "" : ";") + alias;
            write_data(data, aliases_key_, joined);
        }
        for (const auto& [name, value] : actor.properties) write_data(data, node_keys_.find(name)->second, value);
        write_element("    <node" + attribute("id", actor.id), "node", data);
    }

    void write_relation(RelationIndex index)
    {
        const auto& relation = graph_.relation(index);
        std::string data;
        if (!relation.type.empty()) write_data(data, type_key_, relation.type);
        for (const auto& [name, value] : relation.properties) write_data(data, edge_keys_.find(name)->second, value);
        write_element("    <edge" + attribute("id", "e" + std::to_string(index)) +
                          attribute("source", graph_.actor(relation.source).id) +
                          attribute("target", graph_.actor(relation.target).id) +
                          (!undirected_ && graph_.is_undirected(index) ? " directed=\"false\"" : ""),
                      "edge", data);
    }

    const Graph& graph_;
    std::string out_;
    int next_key_ = 0;
    bool undirected_ = false;
    std::string label_key_, kind_key_, aliases_key_, type_key_;
    std::map<std::string, std::string, std::less<>> node_keys_, edge_keys_;
};

}  // namespace

Graph read_graphml(std::string_view text, const std::string& file_name, const InputLimits& limits)
{
    return GraphmlReader(text, file_name, limits).read();
}

Graph read_graphml_file(const std::filesystem::path& path, const InputLimits& limits)
{
    return read_graphml(read_file(path, limits.max_file_bytes), path.string(), limits);
}

std::string write_graphml(const Graph& graph)
{
    require_writable(graph);
    return GraphmlWriter(graph).write();
}

}  // namespace actorgraph
