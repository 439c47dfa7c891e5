#include "actorgraph/io/dot_writer.hpp"

#include <cctype>

namespace actorgraph {

namespace {

bool is_keyword(std::string_view text)
{
    std::string lower = fold_case(text);
    return lower == "graph" || lower == "digraph" || lower == "node" || lower == "edge" || lower == "subgraph" ||
           lower == "strict";
}

// Long names are quoted: the reader refuses unquoted names over 64 KiB (cgraph takes minutes on them) and
// reads quoted strings of any length, so what we write always reads back.
constexpr std::size_t longest_plain_id = 256;

bool is_plain_id(std::string_view text)
{
    if (text.empty() || text.size() > longest_plain_id) return false;
    if (std::isdigit(static_cast<unsigned char>(text.front())) || is_keyword(text)) return false;
    for (char c : text) {
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_') return false;
    }
    return true;
}

std::string id_of(std::string_view text)
{
    return is_plain_id(text) ? std::string(text) : quote_dot(text);
}

// What a text belongs to, for an error that tells the user which actor or relation to fix.
struct Owner {
    std::string name;  // "actor 'x'", "relation a -> b", "the graph"
};

// quote_dot or id_of, refusing what DOT cannot carry with an Error naming the owner and the field.
// cgraph reads C strings, so a NUL byte would silently cut the text short.
std::string spell(std::string_view text, const Owner& owner, std::string_view field, bool as_id)
{
    if (text.find('\0') != std::string_view::npos) {
        throw Error(owner.name + ": " + std::string(field) +
                    " contains a NUL byte, which DOT cannot carry; remove it or save as GraphML or CSV");
    }
    try {
        return as_id ? id_of(text) : quote_dot(text);
    } catch (const Error& error) {
        throw Error(owner.name + ": " + std::string(field) + ": " + error.message());
    }
}

std::string join_aliases(const std::vector<std::string>& aliases)
{
    std::string text;
    for (const auto& alias : aliases) {
        if (!text.empty()) text += ";";
        text += alias;
    }
    return text;
}

// An empty field is the same as no field, so it is left out; an empty property is written ("").
void append_attribute(std::string& out, bool& first, std::string_view name, std::string_view value, const Owner& owner,
                      bool keep_empty = false)
{
    if (value.empty() && !keep_empty) return;
    out += first ? " [" : ", ";
    first = false;
    out += spell(name, owner, "an attribute name", true);
    out += '=';
    out += spell(value, owner, "attribute '" + std::string(name) + "'", false);
}

// The reader takes these attributes for fields (kind, label, aliases of an actor; type and cgraph's
// edge key of a relation); a property of such a name, or one that starts with the prefix, is written
// with "property:" in front and read back without it.
constexpr std::string_view property_prefix = "property:";

bool needs_prefix(std::string_view name)
{
    return name == "kind" || name == "label" || name == "aliases" || name == "type" || name == "key" ||
           name.starts_with(property_prefix);
}

void append_properties(std::string& out, bool& first, const Properties& properties, const Owner& owner)
{
    for (const auto& [name, value] : properties) {
        if (needs_prefix(name)) append_attribute(out, first, std::string(property_prefix) + std::string(name), value, owner, true);
        else append_attribute(out, first, name, value, owner, true);
    }
    if (!first) out += ']';
}

}  // namespace

// cgraph's lexer reads \" as a quote, keeps \\ as two backslashes and drops backslash-newline.
// So an odd run of backslashes right before a quote, a newline or the end has no quoted
// spelling; such a text is written as an HTML-like string <...>, which cgraph keeps verbatim.
namespace {

bool has_unquotable_backslash(std::string_view text)
{
    for (std::size_t i = 0; i < text.size();) {
        if (text[i] != '\\') {
            ++i;
            continue;
        }
        std::size_t run = 0;
        while (i < text.size() && text[i] == '\\') ++run, ++i;
        bool at_risk = i == text.size() || text[i] == '"' || text[i] == '\n';
        if (at_risk && run % 2 == 1) return true;
    }
    return false;
}

bool has_balanced_angle_brackets(std::string_view text)
{
    int depth = 0;
    for (char c : text) {
        depth += c == '<' ? 1 : c == '>' ? -1 : 0;
        if (depth < 0) return false;
    }
    return depth == 0;
}

}  // namespace

std::string quote_dot(std::string_view text)
{
    if (has_unquotable_backslash(text)) {
        if (!has_balanced_angle_brackets(text)) {
            // Neither spelling exists: a quoted string cannot end a text in an odd run of backslashes,
            // and an HTML-like string must balance its < >.
            throw Error("text '" + std::string(text.substr(0, 200)) + "' cannot be written as DOT (a backslash "
                        "before a quote, newline or the end, with unbalanced < >); save as GraphML or CSV instead");
        }
        return "<" + std::string(text) + ">";
    }
    std::string out = "\"";
    for (char c : text) {
        if (c == '"') out += "\\\"";
        else out += c;
    }
    out += '"';
    return out;
}

namespace {

bool all_undirected(const Graph& graph)
{
    return graph.relation_count() > 0 && graph.undirected_count() == graph.relation_count();
}

}  // namespace

std::string dot_actor_statement(const Actor& actor)
{
    Owner owner{"actor '" + actor.id + "'"};
    std::string out = spell(actor.id, owner, "the id", true);
    bool first = true;
    append_attribute(out, first, "kind", actor.kind, owner);
    if (actor.label != actor.id) append_attribute(out, first, "label", actor.label, owner);
    append_attribute(out, first, "aliases", join_aliases(actor.aliases), owner);
    append_properties(out, first, actor.properties, owner);
    return out + ";";
}

std::string dot_relation_statement(const Graph& graph, RelationIndex index)
{
    bool undirected = all_undirected(graph);
    std::string_view edge_op = undirected ? " -- " : " -> ";
    const auto& relation = graph.relation(index);
    const auto& source = graph.actor(relation.source).id;
    const auto& target = graph.actor(relation.target).id;
    Owner owner{"relation " + source + std::string(edge_op) + target};
    std::string out = spell(source, owner, "the source id", true) + std::string(edge_op) + spell(target, owner, "the target id", true);
    bool first = true;
    append_attribute(out, first, "type", relation.type, owner);
    if (!undirected && graph.is_undirected(index)) append_attribute(out, first, "dir", "none", owner);
    append_properties(out, first, relation.properties, owner);
    return out + ";";
}

// An undirected graph is written as `graph { a -- b }`; a mixed one as a digraph whose undirected
// relations carry dir=none, which read_dot takes back as undirected.
std::string write_dot(const Graph& graph)
{
    std::string out = (all_undirected(graph) ? "graph " : "digraph ") +
                      (graph.name.empty() ? std::string("actorgraph") : spell(graph.name, {"the graph"}, "its name", true)) +
                      " {\n";
    for (const auto& actor : graph.actors()) {
        out += "  ";
        out += dot_actor_statement(actor);
        out += '\n';
    }
    for (RelationIndex index = 0; index < graph.relation_count(); ++index) {
        out += "  ";
        out += dot_relation_statement(graph, index);
        out += '\n';
    }
    out += "}\n";
    return out;
}

}  // namespace actorgraph
