#include <algorithm>
#include <cstdlib>
#include <map>
#include <optional>
#include <vector>

#include "actorgraph/io/gexf.hpp"
#include "io/gexf_viz.hpp"
#include "io/xml_text.hpp"

// Writing choices, so read_gexf(write_gexf(g)) == g and Gephi shows the same graph:
// - the kind, aliases and relation type are attributes declared before every property, so a property
//   that shares their name is declared second and read back as a property (the reader maps the first);
// - viz data is written only for values that read back unchanged (gexf_viz.hpp), the rest as attributes;
// - since/until become start/end spells when every value in the graph is a year or a date (the
//   graph's timeformat), else plain attributes;
// - an edge's label attribute carries the property `label` only when the relation has a type, since a
//   reader takes the label of an untyped edge as its type.

namespace actorgraph {

namespace {

using xml::attribute;
using xml::format_property_type;
using xml::type_attribute;
using xml::type_namespace_declaration;

bool is_integer_text(std::string_view text)
{
    if (text.starts_with('-')) text.remove_prefix(1);
    if (text.empty() || text.size() > 18 || (text.size() > 1 && text.front() == '0')) return false;
    return std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool is_date_text(std::string_view text)
{
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
    for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
        if (text[i] < '0' || text[i] > '9') return false;
    }
    return true;
}

// The narrowest GEXF type every value fits, so Gephi reads numbers as numbers.
std::string_view value_type(const std::vector<std::string_view>& values)
{
    auto all = [&](auto test) { return !values.empty() && std::all_of(values.begin(), values.end(), test); };
    if (all([](std::string_view v) { return v == "true" || v == "false"; })) return "boolean";
    if (all([](std::string_view v) { return is_integer_text(v) && std::abs(std::stoll(std::string(v))) < (1LL << 31); })) {
        return "integer";
    }
    if (all(is_integer_text)) return "long";
    if (all([](std::string_view v) { return parse_number(v).has_value() && trim_spaces(v) == v; })) return "double";
    return "string";
}

// since/until as spells: the timeformat every value in the graph fits, or none.
std::optional<std::string_view> time_format(const Graph& graph)
{
    std::vector<std::string_view> values;
    auto collect = [&](const Properties& properties) {
        for (auto name : {schema::since, schema::until}) {
            if (auto found = properties.find(name); found != properties.end()) values.push_back(found->second);
        }
    };
    for (const auto& actor : graph.actors()) collect(actor.properties);
    for (const auto& relation : graph.relations()) collect(relation.properties);
    if (values.empty()) return std::nullopt;
    if (std::all_of(values.begin(), values.end(), is_integer_text)) return "integer";
    if (std::all_of(values.begin(), values.end(), is_date_text)) return "date";
    return std::nullopt;
}

// The declared attributes of one class: the fields first, then every property not written otherwise.
class AttributeTable {
public:
    AttributeTable(std::string_view prefix, std::vector<std::string> fields) : prefix_(prefix)
    {
        for (auto& field : fields) field_ids_.push_back(add(field, "string"));
    }

    // A declared type (PropertyTypes) every value fits is kept; other properties get the narrowest type.
    void declare_properties(const std::map<std::string, std::vector<std::string_view>, std::less<>>& values,
                            const PropertyTypes& types)
    {
        for (const auto& [name, list] : values) {
            auto declared = types.of(name);
            bool fits = !declared.empty() && std::all_of(list.begin(), list.end(), [&](std::string_view value) {
                return text_fits_property_type(declared, value);
            });
            if (!fits) {
                property_ids_.emplace(name, add(name, value_type(list)));
                continue;
            }
            auto [type, named] = format_property_type(declared);
            property_ids_.emplace(name, add(name, type, named));
        }
    }

    [[nodiscard]] const std::string& field_id(std::size_t field) const { return field_ids_[field]; }
    [[nodiscard]] const std::string& property_id(std::string_view name) const { return property_ids_.find(name)->second; }

    [[nodiscard]] std::string declarations(std::string_view for_class) const
    {
        std::string out = "    <attributes" + attribute("class", for_class) + ">\n";
        for (const auto& [id, title, type, named_type] : declared_) {
            out += "      <attribute" + attribute("id", id) + attribute("title", title) + attribute("type", type) +
                   (named_type.empty() ? "" : attribute(type_attribute, named_type)) + "/>\n";
        }
        return out + "    </attributes>\n";
    }

private:
    std::string add(std::string_view title, std::string_view type, std::string_view named_type = {})
    {
        auto id = prefix_ + std::to_string(declared_.size());
        declared_.push_back({id, std::string(title), std::string(type), std::string(named_type)});
        return id;
    }

    struct Declared {
        std::string id, title, type, named_type;
    };
    std::string prefix_;
    std::vector<Declared> declared_;
    std::vector<std::string> field_ids_;
    std::map<std::string, std::string, std::less<>> property_ids_;
};

class GexfWriter {
public:
    explicit GexfWriter(const Graph& graph)
        : graph_(graph), time_format_(time_format(graph)), nodes_("n", {"kind", "aliases"}), edges_("e", {"type"})
    {
    }

    std::string write()
    {
        std::map<std::string, std::vector<std::string_view>, std::less<>> node_values, edge_values;
        for (const auto& actor : graph_.actors()) collect(actor.properties, node_values, false);
        for (const auto& relation : graph_.relations()) collect(relation.properties, edge_values, true);
        nodes_.declare_properties(node_values, graph_.actor_property_types);
        edges_.declare_properties(edge_values, graph_.relation_property_types);

        bool undirected = graph_.relation_count() > 0 && graph_.undirected_count() == graph_.relation_count();
        out_ = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
               "<gexf xmlns=\"http://gexf.net/1.3\" xmlns:viz=\"http://gexf.net/1.3/viz\"" +
               std::string(type_namespace_declaration) + " version=\"1.3\">\n"
               "  <meta>\n    <creator>actorgraph</creator>\n";
        if (!graph_.name.empty()) out_ += "    <title>" + escaped(graph_.name) + "</title>\n";
        out_ += "  </meta>\n  <graph" + attribute("defaultedgetype", undirected ? "undirected" : "directed");
        if (time_format_) out_ += attribute("mode", "dynamic") + attribute("timeformat", *time_format_);
        out_ += ">\n" + nodes_.declarations("node") + edges_.declarations("edge") + "    <nodes>\n";
        for (const auto& actor : graph_.actors()) write_actor(actor);
        out_ += "    </nodes>\n    <edges>\n";
        for (RelationIndex index = 0; index < graph_.relation_count(); ++index) write_relation(index, undirected);
        out_ += "    </edges>\n  </graph>\n</gexf>\n";
        return std::move(out_);
    }

private:
    static std::string escaped(std::string_view text)
    {
        std::string out;
        xml::append_escaped(out, text, false);
        return out;
    }

    [[nodiscard]] bool is_spell(std::string_view name) const
    {
        return time_format_ && (name == schema::since || name == schema::until);
    }

    // Properties written as XML attributes of the element (weight, label) rather than attribute values.
    static bool is_edge_attribute(const Properties& properties, std::string_view name)
    {
        if (name != "weight") return false;
        auto value = property_or_empty(properties, name);
        return parse_number(value).has_value() && trim_spaces(value) == value;
    }

    [[nodiscard]] bool is_attribute_value(const Properties& properties, std::string_view name, bool edge) const
    {
        if (is_spell(name) || gexf::is_viz_property(properties, name)) return false;
        return !(edge && is_edge_attribute(properties, name));
    }

    void collect(const Properties& properties, std::map<std::string, std::vector<std::string_view>, std::less<>>& values,
                 bool edge) const
    {
        for (const auto& [name, value] : properties) {
            if (is_attribute_value(properties, name, edge)) values[std::string(name)].push_back(value);
        }
    }

    static void append_value(std::string& values, const std::string& id, std::string_view value)
    {
        values += "          <attvalue" + attribute("for", id) + attribute("value", value) + "/>\n";
    }

    [[nodiscard]] std::string spell_attributes(const Properties& properties) const
    {
        if (!time_format_) return {};
        std::string out;
        if (properties.contains(schema::since)) out += attribute("start", property_or_empty(properties, schema::since));
        if (properties.contains(schema::until)) out += attribute("end", property_or_empty(properties, schema::until));
        return out;
    }

    void write_body(const std::string& open, std::string_view element, std::string values, const Properties& properties)
    {
        auto viz = gexf::viz_elements(properties, "        ");
        out_ += open;
        if (values.empty() && viz.empty()) {
            out_ += "/>\n";
            return;
        }
        out_ += ">\n";
        if (!values.empty()) out_ += "        <attvalues>\n" + values + "        </attvalues>\n";
        out_ += viz + "      </" + std::string(element) + ">\n";
    }

    void write_actor(const Actor& actor)
    {
        std::string values;
        if (!actor.kind.empty()) append_value(values, nodes_.field_id(0), actor.kind);
        if (!actor.aliases.empty()) {
            std::string joined;
            for (const auto& alias : actor.aliases) joined += (joined.empty() ? "" : ";") + alias;
            append_value(values, nodes_.field_id(1), joined);
        }
        for (const auto& [name, value] : actor.properties) {
            if (is_attribute_value(actor.properties, name, false)) append_value(values, nodes_.property_id(name), value);
        }
        auto open = "      <node" + attribute("id", actor.id) + (actor.label.empty() ? "" : attribute("label", actor.label)) +
                    spell_attributes(actor.properties);
        write_body(open, "node", std::move(values), actor.properties);
    }

    void write_relation(RelationIndex index, bool undirected_graph)
    {
        const auto& relation = graph_.relation(index);
        const auto& properties = relation.properties;
        std::string values;
        if (!relation.type.empty()) append_value(values, edges_.field_id(0), relation.type);
        bool label_attribute = !relation.type.empty() && properties.contains("label");
        for (const auto& [name, value] : properties) {
            if (label_attribute && name == "label") continue;
            if (is_attribute_value(properties, name, true)) append_value(values, edges_.property_id(name), value);
        }
        auto open = "      <edge" + attribute("id", std::to_string(index)) +
                    attribute("source", graph_.actor(relation.source).id) + attribute("target", graph_.actor(relation.target).id);
        if (!undirected_graph && graph_.is_undirected(index)) open += attribute("type", "undirected");
        if (label_attribute) open += attribute("label", property_or_empty(properties, "label"));
        if (is_edge_attribute(properties, "weight")) open += attribute("weight", property_or_empty(properties, "weight"));
        open += spell_attributes(properties);
        write_body(open, "edge", std::move(values), properties);
    }

    const Graph& graph_;
    std::optional<std::string_view> time_format_;
    AttributeTable nodes_, edges_;
    std::string out_;
};

}  // namespace

std::string write_gexf(const Graph& graph)
{
    xml::require_writable(graph);
    return GexfWriter(graph).write();
}

}  // namespace actorgraph
