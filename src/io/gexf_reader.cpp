#include "actorgraph/io/gexf.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "actorgraph/io/file_io.hpp"
#include "io/gexf_viz.hpp"
#include "io/xml_text.hpp"

namespace actorgraph {

namespace {

using xml::declared_property_type;
using xml::is_element;
using xml::text_of;

// One declared <attribute> of a class (node or edge).
struct Attribute {
    std::string title;  ///< the property name: the title, else the id
    std::string type;   ///< lower-cased GEXF type (string, integer, liststring, ...)
    std::optional<std::string> default_value;
    bool field = false;  ///< the first declared `kind`/`aliases` (nodes) or `type` (edges): a field, not a property
};

// The declared attributes of one class, by id.
struct AttributeClass {
    std::vector<Attribute> list;
    std::unordered_map<std::string, std::size_t> by_id;
};

// True when the value is what a GEXF attribute of that type may hold; list types and unknown types take anything.
bool matches_type(std::string_view type, std::string_view value)
{
    auto text = trim_spaces(value);
    if (type == "integer" || type == "long" || type == "short" || type == "byte") {
        auto number = parse_number(text);
        return number && std::floor(*number) == *number;
    }
    if (type == "float" || type == "double" || type == "bigdecimal") return parse_number(text).has_value();
    if (type == "boolean") return text == "true" || text == "false" || text == "1" || text == "0";
    return true;
}

class GexfReader {
public:
    GexfReader(std::string_view text, const std::string& file, const InputLimits& limits)
        : text_(text), file_(file), limits_(limits) {}

    Graph read()
    {
        require_input_size(text_.size(), file_, limits_);
        auto root = xml::parse(document_, text_, file_, lines_);
        if (!is_element(root, "gexf")) {
            throw Error(at(root), "the root element is <" + std::string(root.name()) + ">, expected <gexf>");
        }
        auto graph_element = child(root, "graph");
        if (!graph_element) throw Error(at(root), "no <graph> element inside <gexf>");
        std::string_view default_type = graph_element.attribute("defaultedgetype").value();
        default_orientation_ = default_type == "undirected" || default_type == "mutual" ? Orientation::undirected
                                                                                       : Orientation::directed;
        // Spells in dates are dates: since/until read back as Cypher dates (a declared attribute may say otherwise).
        if (fold_case(graph_element.attribute("timeformat").value()) == "date") {
            for (auto* types : {&graph_.actor_property_types, &graph_.relation_property_types}) {
                types->declare(schema::since, "date");
                types->declare(schema::until, "date");
            }
        }
        for (auto element : graph_element.children()) {
            if (is_element(element, "attributes")) read_attributes(element);
        }
        if (auto title = child(child(root, "meta"), "title")) graph_.name = text_of(title);
        check_attribute_slots(root);
        auto edges = read_nodes(graph_element);
        for (const auto& edge : edges) read_edge(edge);
        return std::move(graph_);
    }

private:
    [[nodiscard]] SourceLocation at(const pugi::xml_node& node) const { return {file_, lines_.line_of(node.offset_debug())}; }

    static pugi::xml_node child(const pugi::xml_node& parent, std::string_view name)
    {
        for (auto element : parent.children()) {
            if (is_element(element, name)) return element;
        }
        return {};
    }

    void read_attributes(const pugi::xml_node& element)
    {
        std::string_view for_class = element.attribute("class").value();
        if (for_class != "node" && for_class != "edge") {
            graph_.warn(at(element), "<attributes class=\"" + std::string(for_class) + "\"> ignored; expected node or edge");
            return;
        }
        auto& attributes = for_class == "node" ? node_attributes_ : edge_attributes_;
        for (auto declared : element.children()) {
            if (!is_element(declared, "attribute")) continue;
            std::string id = declared.attribute("id").value();
            if (id.empty()) throw Error(at(declared), "<attribute> without an id");
            if (attributes.by_id.contains(id)) {
                graph_.warn(at(declared), "attribute '" + id + "' is declared twice; the first declaration is used");
                continue;
            }
            if (attributes.list.size() >= limits_.max_attribute_names) {
                throw Error(at(declared), "more than " + std::to_string(limits_.max_attribute_names) +
                                              " attributes; see the limits in the README");
            }
            Attribute attribute;
            attribute.title = declared.attribute("title") ? declared.attribute("title").value() : id;
            if (attribute.title.empty()) attribute.title = id;
            attribute.type = fold_case(declared.attribute("type").value());
            if (auto fallback = child(declared, "default")) attribute.default_value = text_of(fallback);
            attribute.field = is_field(for_class, attribute.title) && !fields_.contains(std::string(for_class) + attribute.title);
            if (attribute.field) fields_.insert(std::string(for_class) + attribute.title);
            if (auto type = declared_property_type(declared, attribute.type); !type.empty() && !attribute.field) {
                auto& types = for_class == "node" ? graph_.actor_property_types : graph_.relation_property_types;
                types.declare(attribute.title, type);
            }
            attributes.by_id.emplace(id, attributes.list.size());
            attributes.list.push_back(std::move(attribute));
        }
    }

    static bool is_field(std::string_view for_class, std::string_view title)
    {
        return for_class == "node" ? title == "kind" || title == "aliases" : title == "type";
    }

    // Every element costs a pass over the attributes (their defaults fill every element).
    void check_attribute_slots(const pugi::xml_node& root) const
    {
        auto elements = xml::count_elements(root);
        auto attributes = node_attributes_.list.size() + edge_attributes_.list.size();
        if (elements * attributes > limits_.max_attribute_slots) {
            throw Error({file_, 0}, std::to_string(attributes) + " attributes on " + std::to_string(elements) +
                                        " elements would need more than " + std::to_string(limits_.max_attribute_slots) +
                                        " attribute values in memory; see the limits in the README");
        }
    }

    // Walks <nodes> and nodes nested in nodes (hierarchical graphs, flattened with a warning) with an
    // explicit stack, so deep nesting cannot overflow ours; returns the <edge> elements in document order.
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
            if (is_element(element, "nodes") || is_element(element, "edges")) {
                stack.push_back(element.first_child());
            } else if (is_element(element, "edge")) {
                edges.push_back(element);
            } else if (is_element(element, "node")) {
                read_node(element);
                if (auto nested = child(element, "nodes")) {
                    graph_.warn(at(nested), "nested nodes of node '" + std::string(element.attribute("id").value()) +
                                                "' are flattened into the main graph");
                    stack.push_back(nested.first_child());
                }
                if (auto nested = child(element, "edges")) stack.push_back(nested.first_child());
            }
        }
        return edges;
    }

    // Calls apply(attribute, value) for each value of the element, declared defaults included.
    template <typename Apply>
    void for_each_value(const pugi::xml_node& element, AttributeClass& attributes, Apply apply)
    {
        std::vector<bool> seen(attributes.list.size());
        if (auto values = child(element, "attvalues")) {
            for (auto value : values.children()) {
                if (!is_element(value, "attvalue")) continue;
                // GEXF 1.1 names the attribute with `id`, 1.2 and 1.3 with `for`.
                auto name = value.attribute("for") ? value.attribute("for") : value.attribute("id");
                const auto& attribute = declared(attributes, name.value(), value);
                auto index = static_cast<std::size_t>(&attribute - attributes.list.data());
                if (index < seen.size()) seen[index] = true;
                std::string text = value.attribute("value").value();
                if (!matches_type(attribute.type, text)) {
                    graph_.warn(at(value), "attribute '" + attribute.title + "' is declared " + attribute.type +
                                               ", but its value is '" + text.substr(0, 80) + "'");
                }
                apply(attribute, std::move(text));
            }
        }
        for (std::size_t i = 0; i < seen.size(); ++i) {
            const auto& attribute = attributes.list[i];
            if (!seen[i] && attribute.default_value) apply(attribute, *attribute.default_value);
        }
    }

    // The attribute a value names; an undeclared one is declared as a string named by its id, with a warning.
    const Attribute& declared(AttributeClass& attributes, const std::string& id, const pugi::xml_node& value)
    {
        if (auto found = attributes.by_id.find(id); found != attributes.by_id.end()) return attributes.list[found->second];
        graph_.warn(at(value), "attribute '" + id + "' is not declared; read as a string");
        if (attributes.list.size() >= limits_.max_attribute_names) {
            throw Error(at(value), "more than " + std::to_string(limits_.max_attribute_names) +
                                       " attributes; see the limits in the README");
        }
        attributes.by_id.emplace(id, attributes.list.size());
        // Undeclared ones come after the declared ones, so they have no default and `seen` may skip them.
        attributes.list.push_back({id, "string", std::nullopt});
        return attributes.list.back();
    }

    // `start`/`end` of the element, else of its first and last <spell>, as since/until.
    void read_time(const pugi::xml_node& element, Properties& properties)
    {
        auto start = element.attribute("start") ? element.attribute("start") : element.attribute("startopen");
        auto end = element.attribute("end") ? element.attribute("end") : element.attribute("endopen");
        if (auto spells = child(element, "spells"); spells && !start && !end) {
            std::vector<pugi::xml_node> list;
            for (auto spell : spells.children()) {
                if (is_element(spell, "spell")) list.push_back(spell);
            }
            if (list.size() > 1) {
                graph_.warn(at(spells), std::to_string(list.size()) +
                                            " spells are read as one span from the first start to the last end");
            }
            if (!list.empty()) {
                start = list.front().attribute("start") ? list.front().attribute("start") : list.front().attribute("startopen");
                end = list.back().attribute("end") ? list.back().attribute("end") : list.back().attribute("endopen");
            }
        }
        if (start && *start.value()) properties.insert_or_assign(schema::since, start.value());
        if (end && *end.value()) properties.insert_or_assign(schema::until, end.value());
    }

    void read_node(const pugi::xml_node& element)
    {
        Actor actor;
        actor.where = at(element);
        auto id = element.attribute("id");
        if (!id) throw Error(actor.where, "<node> without an id attribute");
        actor.id = id.value();
        actor.label = element.attribute("label").value();
        for_each_value(element, node_attributes_, [&](const Attribute& attribute, std::string value) {
            if (attribute.field && attribute.title == "kind") actor.kind = normalize_kind(value);
            else if (attribute.field && attribute.title == "aliases") actor.aliases = split_list(value, ";");
            else actor.properties.insert_or_assign(attribute.title, value);
        });
        read_time(element, actor.properties);
        gexf::read_viz(element, actor.properties);
        if (auto pid = element.attribute("pid")) actor.properties.insert_or_assign("pid", pid.value());
        graph_.add_actor(std::move(actor));
    }

    [[nodiscard]] Orientation orientation_of(const pugi::xml_node& edge) const
    {
        auto type = edge.attribute("type");
        if (!type) return default_orientation_;
        std::string_view text = type.value();
        return text == "undirected" || text == "mutual" ? Orientation::undirected : Orientation::directed;
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
        for_each_value(element, edge_attributes_, [&](const Attribute& attribute, std::string value) {
            if (attribute.field) relation.type = normalize_relation_type(value);
            else relation.properties.insert_or_assign(attribute.title, value);
        });
        std::string label = element.attribute("label").value();
        if (relation.type.empty()) relation.type = normalize_relation_type(element.attribute("kind").value());
        if (relation.type.empty()) {
            relation.type = normalize_relation_type(label);
        } else if (!label.empty()) {
            relation.properties.try_emplace("label", label);
        }
        if (auto weight = element.attribute("weight")) relation.properties.insert_or_assign("weight", weight.value());
        read_time(element, relation.properties);
        gexf::read_viz(element, relation.properties);
        graph_.add_relation(std::move(relation), orientation_of(element));
    }

    std::string_view text_;
    const FileName file_;  // interned once, not once per element
    const InputLimits& limits_;
    pugi::xml_document document_;
    xml::LineTable lines_;
    AttributeClass node_attributes_, edge_attributes_;
    std::unordered_set<std::string> fields_;  // class + title of the fields already declared
    Orientation default_orientation_ = Orientation::directed;
    Graph graph_;
};

}  // namespace

Graph read_gexf(std::string_view text, const std::string& file_name, const InputLimits& limits)
{
    return GexfReader(text, file_name, limits).read();
}

Graph read_gexf_file(const std::filesystem::path& path, const InputLimits& limits)
{
    return read_gexf(read_file(path, limits.max_file_bytes), path.string(), limits);
}

}  // namespace actorgraph
