// check_change: every reason a change cannot be applied, as values naming the field, so a form can
// show each next to its field and nothing changes.
#include <algorithm>
#include <cmath>
#include <set>

#include "actorgraph/edit/change.hpp"
#include "actorgraph/model/spelling.hpp"

namespace actorgraph {

std::string EditProblem::to_string() const { return field.empty() ? message : field + ": " + message; }

namespace {

using Problems = std::vector<EditProblem>;

// An actor id that is not there: the graph's own message with its closest candidates.
std::string unknown_actor_message(const Graph& graph, const std::string& id)
{
    try {
        auto index = graph.resolve(id);
        return "no actor has the id '" + id + "'; did you mean '" + graph.actor(index).id + "'?";
    } catch (const Error& error) {
        return error.message();
    }
}

void check_actor(const Graph& graph, const std::string& field, const std::string& id, Problems& out)
{
    if (id.empty()) out.push_back({field, "an actor is required"});
    else if (!graph.find_by_id(id)) out.push_back({field, unknown_actor_message(graph, id)});
}

// A kind (or type) must be a built-in word, one the graph already uses, or a new word that is not a
// misspelling of either: "compnay" is refused with "did you mean 'company'", "lobby group" is a new kind.
template <typename Words, typename Present>
void check_vocabulary(const std::string& field, const std::string& text, const Words& built_in, Present present,
                      Problems& out)
{
    if (text.empty()) {
        out.push_back({field, "a " + field + " is required"});
        return;
    }
    auto lower = fold_case(text);
    if (std::any_of(built_in.begin(), built_in.end(), [&](std::string_view word) { return word == lower; })) return;
    // Only a word that is not built in costs a pass over the graph.
    std::set<std::string> known(built_in.begin(), built_in.end());
    present(known);
    if (known.contains(text)) return;
    std::vector<std::string> list(known.begin(), known.end());
    if (closest_word(text, list)) out.push_back({field, unknown_word_message(field, text, list)});
}

void check_kind(const Graph& graph, const std::string& kind, Problems& out)
{
    check_vocabulary("kind", kind, schema::kinds, [&](std::set<std::string>& known) {
        for (const auto& actor : graph.actors()) {
            if (!actor.kind.empty()) known.insert(actor.kind.str());
        }
    }, out);
}

void check_type(const Graph& graph, const std::string& type, Problems& out)
{
    check_vocabulary("type", type, schema::relation_types, [&](std::set<std::string>& known) {
        for (const auto& relation : graph.relations()) {
            if (!relation.type.empty()) known.insert(relation.type.str());
        }
    }, out);
}

bool is_year_key(std::string_view key) { return key == schema::year || key == schema::since || key == schema::until; }

void check_value(const std::string& key, const std::string& value, Problems& out)
{
    if (key.empty()) out.push_back({"property", "a property needs a name"});
    if (is_year_key(key) && !value.empty() && !parse_year(value)) {
        out.push_back({key, "'" + value + "' is not a year"});
    }
    if (key == schema::amount_usd && !value.empty() && !parse_number(value)) {
        out.push_back({key, "'" + value + "' is not a number"});
    }
}

// The years the set would hold must run forwards.
void check_span(const Properties& properties, Problems& out)
{
    auto since = parse_year(property_or_empty(properties, schema::since));
    auto until = parse_year(property_or_empty(properties, schema::until));
    if (since && until && *since > *until) {
        out.push_back({"until", "until " + std::to_string(*until) + " is before since " + std::to_string(*since)});
    }
}

void check_properties(const PropertyList& properties, Problems& out)
{
    Properties set;
    for (const auto& [key, value] : properties) {
        check_value(key, value, out);
        set.insert_or_assign(key, value);
    }
    check_span(set, out);
}

void check_new_id(const Graph& graph, const std::string& id, Problems& out)
{
    if (id.empty()) out.push_back({"id", "an actor needs an id"});
    else if (graph.find_by_id(id)) out.push_back({"id", "an actor with the id '" + id + "' already exists"});
}

Problems check(const Graph& graph, const AddActor& change)
{
    Problems out;
    check_new_id(graph, change.id, out);
    check_kind(graph, change.kind, out);
    check_properties(change.properties, out);
    return out;
}

bool forbids_loops(const std::string& type) { return schema::is_known_relation_type(normalize_relation_type(type)); }

Problems check(const Graph& graph, const AddRelation& change)
{
    Problems out;
    check_actor(graph, "from", change.from, out);
    check_actor(graph, "to", change.to, out);
    check_type(graph, change.type, out);
    if (!change.from.empty() && change.from == change.to && forbids_loops(change.type)) {
        out.push_back({"to", "a relation of type " + change.type + " cannot join an actor to itself"});
    }
    auto source = std::find_if(change.properties.begin(), change.properties.end(),
                               [](const auto& entry) { return entry.first == schema::source; });
    if (source == change.properties.end() || trim_spaces(source->second).empty()) {
        out.push_back({"source", "a relation needs a source (where the fact comes from)"});
    }
    check_properties(change.properties, out);
    return out;
}

Problems check_actor_field(const Graph& graph, const Actor& actor, const SetProperty& change)
{
    Problems out;
    const auto& key = change.key;
    auto value = change.value.value_or("");
    if (key == "id") {
        if (value != actor.id) check_new_id(graph, value, out);
    } else if (key == "kind") {
        if (value != actor.kind) check_kind(graph, value, out);
    } else if (key != "label" && key != "aliases") {
        check_value(key, value, out);
        auto after = actor.properties;
        if (change.value) after.insert_or_assign(key, value);
        else after.erase(key);
        check_span(after, out);
    }
    return out;
}

Problems check_relation_field(const Graph& graph, const Relation& relation, const SetProperty& change)
{
    Problems out;
    auto value = change.value.value_or("");
    if (change.key == "type") {
        if (value != relation.type) check_type(graph, value, out);
        if (relation.source == relation.target && forbids_loops(value)) {
            out.push_back({"type", "a relation of type " + value + " cannot join an actor to itself"});
        }
        return out;
    }
    if (change.key == schema::source && trim_spaces(value).empty()) {
        out.push_back({"source", "a relation needs a source (where the fact comes from)"});
    }
    check_value(change.key, value, out);
    auto after = relation.properties;
    if (change.value) after.insert_or_assign(change.key, value);
    else after.erase(change.key);
    check_span(after, out);
    return out;
}

Problems check(const Graph& graph, const SetProperty& change)
{
    Problems out;
    if (change.key.empty()) return {{"property", "a property needs a name"}};
    if (change.target.relation) {
        auto index = *change.target.relation;
        if (index >= graph.relation_count()) {
            return {{"relation", "there is no relation r" + std::to_string(index) + " (the graph has " +
                                     std::to_string(graph.relation_count()) + ", r0 to r" +
                                     std::to_string(graph.relation_count() ? graph.relation_count() - 1 : 0) + ")"}};
        }
        return check_relation_field(graph, graph.relation(index), change);
    }
    check_actor(graph, "actor", change.target.actor, out);
    if (!out.empty()) return out;
    bool field = change.key == "id" || change.key == "kind" || change.key == "label" || change.key == "aliases";
    if (field && !change.value && change.key != "label" && change.key != "aliases") {
        return {{change.key, "an actor's " + change.key + " cannot be removed"}};
    }
    return check_actor_field(graph, graph.actor(*graph.find_by_id(change.target.actor)), change);
}

Problems check(const Graph& graph, const DeleteRelation& change)
{
    if (change.relation < graph.relation_count()) return {};
    return {{"relation", "there is no relation r" + std::to_string(change.relation) + " (the graph has " +
                             std::to_string(graph.relation_count()) + ")"}};
}

Problems check(const Graph& graph, const DeleteActor& change)
{
    Problems out;
    check_actor(graph, "actor", change.actor, out);
    return out;
}

Problems check(const Graph& graph, const MergeActors& change)
{
    Problems out;
    check_actor(graph, "keep", change.keep, out);
    check_actor(graph, "other", change.other, out);
    if (out.empty() && change.keep == change.other) out.push_back({"other", "an actor cannot be merged into itself"});
    return out;
}

Problems check(const Graph& graph, const PinActor& change)
{
    Problems out;
    check_actor(graph, "actor", change.actor, out);
    if (!std::isfinite(change.x) || !std::isfinite(change.y)) out.push_back({"position", "x and y must be numbers"});
    return out;
}

}  // namespace

std::vector<EditProblem> check_change(const Graph& graph, const Change& change)
{
    return std::visit([&](const auto& value) { return check(graph, value); }, change);
}

}  // namespace actorgraph
