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

bool is_plain_id(std::string_view text)
{
    if (text.empty() || std::isdigit(static_cast<unsigned char>(text.front())) || is_keyword(text)) return false;
    for (char c : text) {
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_') return false;
    }
    return true;
}

std::string id_of(std::string_view text)
{
    return is_plain_id(text) ? std::string(text) : quote_dot(text);
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

void append_attribute(std::string& out, bool& first, std::string_view name, std::string_view value)
{
    if (value.empty()) return;
    out += first ? " [" : ", ";
    first = false;
    out += id_of(name);
    out += '=';
    out += quote_dot(value);
}

void append_properties(std::string& out, bool& first, const Properties& properties)
{
    for (const auto& [name, value] : properties) append_attribute(out, first, name, value);
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
            throw Error("text '" + std::string(text) + "' cannot be written as DOT (a backslash before a quote, "
                        "newline or the end, with unbalanced < >); save as GraphML or CSV instead");
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

std::string write_dot(const Graph& graph)
{
    std::string out = "digraph " + (graph.name.empty() ? std::string("actorgraph") : id_of(graph.name)) + " {\n";
    for (const auto& actor : graph.actors()) {
        out += "  " + id_of(actor.id);
        bool first = true;
        append_attribute(out, first, "kind", actor.kind);
        if (actor.label != actor.id) append_attribute(out, first, "label", actor.label);
        append_attribute(out, first, "aliases", join_aliases(actor.aliases));
        append_properties(out, first, actor.properties);
        out += ";\n";
    }
    for (const auto& relation : graph.relations()) {
        out += "  " + id_of(graph.actor(relation.source).id) + " -> " + id_of(graph.actor(relation.target).id);
        bool first = true;
        append_attribute(out, first, "type", relation.type);
        append_properties(out, first, relation.properties);
        out += ";\n";
    }
    out += "}\n";
    return out;
}

}  // namespace actorgraph
