#include "actorgraph/edit/edit_script.hpp"

#include <algorithm>
#include <array>
#include <charconv>

#include "actorgraph/model/spelling.hpp"

namespace actorgraph {

namespace {

constexpr std::size_t many = 64;
constexpr std::array<EditVerb, 11> verbs{{
    {"add-actor", 1, many}, {"add-relation", 2, many}, {"set", 2, 2}, {"unset", 2, 2}, {"delete", 1, 1},
    {"merge", 2, 2}, {"pin", 3, 3}, {"undo", 0, 0}, {"redo", 0, 0}, {"save", 0, 1}, {"recover", 0, 0},
}};

std::pair<std::string, std::string> key_value(const std::string& argument)
{
    auto equals = argument.find('=');
    if (equals == std::string::npos || equals == 0) throw Error("expected KEY=VALUE, got '" + argument + "'");
    return {argument.substr(0, equals), argument.substr(equals + 1)};
}

std::string actor_id(const Graph& graph, const std::string& name) { return graph.actor(graph.resolve(name)).id; }

// "r12" names relation 12; anything else is an actor's name.
std::optional<RelationIndex> relation_number(const std::string& text)
{
    if (text.size() < 2 || text[0] != 'r') return std::nullopt;
    RelationIndex index = 0;
    auto [end, failure] = std::from_chars(text.data() + 1, text.data() + text.size(), index);
    if (failure != std::errc{} || end != text.data() + text.size()) return std::nullopt;
    return index;
}

EditTarget target_of(const Graph& graph, const std::string& text)
{
    if (auto relation = relation_number(text)) return {{}, relation};
    return {actor_id(graph, text), std::nullopt};
}

double coordinate(const std::string& text)
{
    auto value = parse_number(text);
    if (!value) throw Error("expected a number for the position, got '" + text + "'");
    return *value;
}

AddActor add_actor(const std::vector<std::string>& arguments)
{
    AddActor change;
    change.id = arguments[0];
    for (std::size_t i = 1; i < arguments.size(); ++i) {
        auto [key, value] = key_value(arguments[i]);
        if (key == "kind") change.kind = value;
        else if (key == "label") change.label = value;
        else if (key == "aliases") change.aliases = split_list(value);
        else change.properties.emplace_back(key, value);
    }
    return change;
}

AddRelation add_relation(const Graph& graph, const std::vector<std::string>& arguments)
{
    AddRelation change;
    change.from = actor_id(graph, arguments[0]);
    change.to = actor_id(graph, arguments[1]);
    for (std::size_t i = 2; i < arguments.size(); ++i) {
        if (arguments[i] == "undirected") {
            change.undirected = true;
            continue;
        }
        auto [key, value] = key_value(arguments[i]);
        if (key == "type") change.type = value;
        else change.properties.emplace_back(key, value);
    }
    return change;
}

Change delete_target(const Graph& graph, const std::string& text)
{
    if (auto relation = relation_number(text)) return DeleteRelation{*relation};
    return DeleteActor{actor_id(graph, text)};
}

std::string problems_text(const std::vector<EditProblem>& problems)
{
    std::string text;
    for (const auto& problem : problems) text += (text.empty() ? "" : "; ") + problem.to_string();
    return text;
}

}  // namespace

std::span<const EditVerb> edit_verbs() { return verbs; }

const EditVerb* find_edit_verb(std::string_view name)
{
    auto found = std::find_if(verbs.begin(), verbs.end(), [&](const EditVerb& verb) { return verb.name == name; });
    return found == verbs.end() ? nullptr : &*found;
}

std::optional<Change> change_for_verb(const Graph& graph, std::string_view verb, const std::vector<std::string>& arguments)
{
    if (verb == "add-actor") return add_actor(arguments);
    if (verb == "add-relation") return add_relation(graph, arguments);
    if (verb == "set") {
        auto [key, value] = key_value(arguments[1]);
        return SetProperty{target_of(graph, arguments[0]), key, value};
    }
    if (verb == "unset") return SetProperty{target_of(graph, arguments[0]), arguments[1], std::nullopt};
    if (verb == "delete") return delete_target(graph, arguments[0]);
    if (verb == "merge") return MergeActors{actor_id(graph, arguments[0]), actor_id(graph, arguments[1])};
    if (verb == "pin") return PinActor{actor_id(graph, arguments[0]), coordinate(arguments[1]), coordinate(arguments[2])};
    return std::nullopt;
}

std::string run_edit_verb(EditSession& session, std::string_view verb, const std::vector<std::string>& arguments)
{
    const auto* rule = find_edit_verb(verb);
    if (!rule) {
        std::vector<std::string> names;
        for (const auto& known : verbs) names.emplace_back(known.name);
        throw Error(unknown_word_message("edit command", verb, names));
    }
    if (arguments.size() < rule->min_arguments || arguments.size() > rule->max_arguments) {
        throw Error("'" + std::string(verb) + "' takes " + std::to_string(rule->min_arguments) +
                    (rule->max_arguments > rule->min_arguments ? " to " + std::to_string(rule->max_arguments) : "") +
                    " arguments, got " + std::to_string(arguments.size()));
    }
    if (verb == "undo") {
        auto undone = session.undo();
        return undone ? "undo of " + *undone : "nothing to undo";
    }
    if (verb == "redo") {
        auto redone = session.redo();
        return redone ? "redo of " + *redone : "nothing to redo";
    }
    if (verb == "save") {
        session.save(arguments.empty() ? std::nullopt : std::optional<std::filesystem::path>(arguments[0]));
        return "saved " + session.file().string();
    }
    if (verb == "recover") return session.recover().message;
    auto change = change_for_verb(session.graph(), verb, arguments);
    auto problems = session.apply(*change);
    if (!problems.empty()) throw Error(problems_text(problems));
    return *session.history().last_done();
}

}  // namespace actorgraph
