#include "actorgraph/app/edit_forms.hpp"

#include <algorithm>
#include <set>

#include "actorgraph/app/inspector.hpp"
#include "actorgraph/model/schema.hpp"
#include "actorgraph/query/evidence.hpp"

namespace actorgraph {

namespace {

std::string trimmed(std::string_view text) { return std::string(trim_spaces(text)); }

void add_if_set(PropertyList& properties, std::string_view key, std::string_view value)
{
    auto text = trimmed(value);
    if (!text.empty()) properties.emplace_back(std::string(key), std::move(text));
}

void add_rows(PropertyList& properties, const std::vector<PropertyRow>& rows)
{
    for (const auto& row : rows) {
        if (trim_spaces(row.key).empty() && trim_spaces(row.value).empty()) continue;
        properties.emplace_back(trimmed(row.key), row.value);
    }
}

template <typename Words>
std::vector<std::string> choices(const Words& built_in, const std::vector<std::string>& present)
{
    std::vector<std::string> out(built_in.begin(), built_in.end());
    for (const auto& word : present) {
        if (!word.empty() && std::find(out.begin(), out.end(), word) == out.end()) out.push_back(word);
    }
    return out;
}

// An actor named by id, label or alias, as its id; the text itself when it names none (the check says so).
std::string actor_id_for(const Graph& graph, const std::string& name)
{
    auto text = trimmed(name);
    if (text.empty() || graph.find_by_id(text)) return text;
    try {
        return graph.actor(graph.resolve(text)).id;
    } catch (const Error&) {
        return text;
    }
}

std::string aliases_text(const std::vector<std::string>& aliases)
{
    std::string out;
    for (const auto& alias : aliases) out += (out.empty() ? "" : "; ") + alias;
    return out;
}

std::vector<EditableProperty> actor_rows(const Actor& actor)
{
    std::vector<EditableProperty> rows{{"id", actor.id, false},
                                       {"label", actor.label, true},
                                       {"kind", actor.kind.str(), false},
                                       {"aliases", aliases_text(actor.aliases), true}};
    for (const auto& [key, value] : actor.properties) rows.push_back({std::string(key), std::string(value), true});
    return rows;
}

std::vector<EditableProperty> relation_rows(const Relation& relation)
{
    std::vector<EditableProperty> rows{{"type", relation.type.str(), false}};
    for (const auto& [key, value] : relation.properties) {
        // A relation's source may be changed but never removed (a claim without a source is not kept).
        rows.push_back({std::string(key), std::string(value), key != schema::source});
    }
    return rows;
}

}  // namespace

std::string FieldProblems::of(std::string_view field) const
{
    std::string out;
    for (const auto& problem : problems_) {
        if (problem.field == field) out += (out.empty() ? "" : "; ") + problem.message;
    }
    return out;
}

std::vector<std::string> FieldProblems::others(const std::vector<std::string_view>& fields) const
{
    std::vector<std::string> out;
    for (const auto& problem : problems_) {
        if (std::find(fields.begin(), fields.end(), problem.field) == fields.end()) out.push_back(problem.to_string());
    }
    return out;
}

std::vector<std::string> kind_choices(const Explorer& explorer) { return choices(schema::kinds, explorer.kinds_present()); }

std::vector<std::string> type_choices(const Explorer& explorer)
{
    return choices(schema::relation_types, explorer.types_present());
}

// ---- New actor ----

AddActor NewActorForm::change() const
{
    AddActor change;
    change.id = trimmed(id);
    change.kind = trimmed(kind);
    change.label = trimmed(label);
    change.aliases = split_list(aliases);
    add_if_set(change.properties, "description", description);
    add_rows(change.properties, properties);
    if (place) {
        for (auto& property : pin_properties(place->x, place->y)) change.properties.push_back(std::move(property));
    }
    return change;
}

bool NewActorForm::submit(Explorer& explorer)
{
    auto wanted = change();
    problems.set(explorer.apply_edit(wanted));
    if (!problems.empty()) return false;
    if (auto actor = explorer.graph()->find_by_id(wanted.id)) explorer.select_actor(*actor);
    *this = NewActorForm{};
    return true;
}

// ---- New relation ----

AddRelation NewRelationForm::change(const Graph& graph) const
{
    AddRelation change;
    change.from = actor_id_for(graph, from);
    change.to = actor_id_for(graph, to);
    change.type = trimmed(type);
    change.undirected = undirected;
    add_if_set(change.properties, schema::year, year);
    add_if_set(change.properties, schema::since, since);
    add_if_set(change.properties, schema::until, until);
    add_if_set(change.properties, schema::amount_usd, amount_usd);
    add_if_set(change.properties, schema::source, source);
    add_if_set(change.properties, "confidence", confidence);
    add_rows(change.properties, properties);
    return change;
}

std::vector<EditProblem> NewRelationForm::form_problems() const
{
    std::vector<EditProblem> out;
    if (!trim_spaces(confidence).empty() && !parse_confidence(confidence)) {
        out.push_back({"confidence", "'" + trimmed(confidence) + "' is not a grade: use an Admiralty code (A1 to F6) or low, medium, high"});
    }
    if (!trim_spaces(year).empty() && (!trim_spaces(since).empty() || !trim_spaces(until).empty())) {
        out.push_back({"year", "give a year, or since and until, not both"});
    }
    return out;
}

bool NewRelationForm::submit(Explorer& explorer)
{
    if (!explorer.graph()) {
        problems.set({{"", "open a file before editing"}});
        return false;
    }
    auto found = form_problems();
    auto wanted = change(*explorer.graph());
    // The check's own problems too, so every field that is wrong says so at once.
    auto checked = check_change(*explorer.graph(), wanted);
    if (!found.empty()) {
        found.insert(found.end(), checked.begin(), checked.end());
        problems.set(std::move(found));
        return false;
    }
    problems.set(explorer.apply_edit(wanted));
    if (!problems.empty()) return false;
    auto keep = NewRelationForm{};
    keep.from = from;
    keep.to = to;
    keep.type = type;
    *this = std::move(keep);
    return true;
}

void NewRelationForm::prefill(const Graph& graph, ActorIndex from_actor, ActorIndex to_actor)
{
    from = graph.actor(from_actor).id;
    to = graph.actor(to_actor).id;
    problems.clear();
}

// ---- property editor ----

void PropertyEditor::edit_actor(const Graph& graph, ActorIndex actor)
{
    *this = PropertyEditor{};
    target.actor = graph.actor(actor).id;
    refresh(graph);
}

void PropertyEditor::edit_relation(const Graph& graph, RelationIndex relation)
{
    *this = PropertyEditor{};
    target.relation = relation;
    refresh(graph);
}

bool PropertyEditor::refresh(const Graph& graph)
{
    rows.clear();
    if (target.relation) {
        if (*target.relation >= graph.relation_count()) return false;
        rows = relation_rows(graph.relation(*target.relation));
    } else {
        auto actor = graph.find_by_id(target.actor);
        if (!actor) return false;
        rows = actor_rows(graph.actor(*actor));
    }
    edited.clear();
    for (const auto& row : rows) edited.push_back(row.value);
    return true;
}

bool PropertyEditor::apply(Explorer& explorer, SetProperty change)
{
    bool renames = !change.target.relation && change.key == "id" && change.value;
    problems.set(explorer.apply_edit(change));
    if (!problems.empty()) return false;
    if (renames) target.actor = *change.value;  // the actor answers to its new id now
    if (explorer.graph()) refresh(*explorer.graph());
    return true;
}

bool PropertyEditor::set_row(Explorer& explorer, std::size_t index)
{
    if (index >= rows.size() || index >= edited.size()) return false;
    return apply(explorer, SetProperty{target, rows[index].key, edited[index]});
}

bool PropertyEditor::remove_row(Explorer& explorer, std::size_t index)
{
    if (index >= rows.size() || !rows[index].removable) return false;
    return apply(explorer, SetProperty{target, rows[index].key, std::nullopt});
}

bool PropertyEditor::add(Explorer& explorer)
{
    auto key = trimmed(new_key);
    if (key.empty()) {
        problems.set({{"property", "a property needs a name"}});
        return false;
    }
    if (!apply(explorer, SetProperty{target, key, new_value})) return false;
    new_key.clear();
    new_value.clear();
    return true;
}

// ---- delete and merge ----

std::string relation_summary(const Graph& graph, RelationIndex index, ActorIndex seen_from)
{
    const auto& relation = graph.relation(index);
    bool outgoing = relation.source == seen_from;
    auto other = outgoing ? relation.target : relation.source;
    std::string arrow = graph.is_undirected(index) ? " \u2014 " : outgoing ? " \u2192 " : " \u2190 ";
    auto text = (relation.type.empty() ? std::string("(untyped)") : relation.type.str()) + arrow + graph.actor(other).display_name();
    if (auto years = relation_years_text(relation); !years.empty()) text += " (" + years + ")";
    return text;
}

DeletionPreview deletion_preview(const Graph& graph, ActorIndex actor)
{
    DeletionPreview preview;
    preview.actor_id = graph.actor(actor).id;
    preview.name = graph.actor(actor).display_name();
    std::set<RelationIndex> relations;
    for (auto relation : graph.out_relations(actor)) relations.insert(relation);
    for (auto relation : graph.in_relations(actor)) relations.insert(relation);
    preview.relation_count = relations.size();
    for (auto relation : relations) {
        if (preview.relations.size() == DeletionPreview::shown) break;
        preview.relations.push_back(relation_summary(graph, relation, actor));
    }
    return preview;
}

MergePreview merge_preview(const Graph& graph, ActorIndex keep, ActorIndex other)
{
    MergePreview preview;
    // A picker may hold an index from before the graph last changed.
    if (keep >= graph.actor_count() || other >= graph.actor_count()) {
        preview.problem = "pick the actors again: the graph changed";
        return preview;
    }
    const auto& kept = graph.actor(keep);
    const auto& merged = graph.actor(other);
    preview.keep_id = kept.id;
    preview.other_id = merged.id;
    preview.keep_name = kept.display_name();
    preview.other_name = merged.display_name();
    if (keep == other) {
        preview.problem = "pick another actor: an actor cannot be merged into itself";
        return preview;
    }
    std::set<RelationIndex> moved;
    for (auto relation : graph.out_relations(other)) moved.insert(relation);
    for (auto relation : graph.in_relations(other)) moved.insert(relation);
    preview.relations_moved = moved.size();
    // The graph's own merge on a copy of just the two actors: the preview cannot drift from what merge does.
    try {
        Graph pair;
        auto keep_copy = kept;
        auto other_copy = merged;
        auto keep_index = pair.add_actor(std::move(keep_copy));
        auto other_index = pair.add_actor(std::move(other_copy));
        auto record = pair.merge_actors(keep_index, other_index);
        preview.conflicts = record.conflicts;
        const auto& after = pair.actor(pair.find_by_id(kept.id).value_or(0));
        for (auto& row : actor_rows(after)) preview.result.emplace_back(std::move(row.key), std::move(row.value));
    } catch (const Error& failure) {
        preview.problem = failure.what();
    }
    return preview;
}

}  // namespace actorgraph
