// apply_change and revert_change: each change with its exact inverse.

#include "actorgraph/edit/change.hpp"
#include "actorgraph/model/number_text.hpp"

namespace actorgraph {

namespace {

using OldValues = std::vector<std::pair<std::string, std::optional<std::string>>>;

struct TakeActor {
    ActorIndex index;
};
struct TakeRelation {
    RelationIndex index;
};
/// Property values before the change (nullopt: absent) of an actor or a relation.
struct PutBackProperties {
    bool relation;
    std::uint32_t index;
    OldValues values;
};
struct PutBackNames {
    ActorIndex index;
    ActorNames names;
};
struct PutBackKind {
    ActorIndex index;
    Term kind;
};
struct PutBackType {
    RelationIndex index;
    Term type;
};

}  // namespace

struct AppliedChange::Undo {
    std::variant<TakeActor, TakeRelation, PutBackProperties, PutBackNames, PutBackKind, PutBackType, RemovedRelation,
                 RemovedActor, MergeRecord>
        step;
};

namespace {

Properties properties_of(const PropertyList& list)
{
    Properties properties;
    for (const auto& [key, value] : list) properties.insert_or_assign(key, value);
    return properties;
}

ActorIndex actor_named(const Graph& graph, const std::string& id)
{
    auto index = graph.find_by_id(id);
    if (!index) throw Error("unknown actor '" + id + "'");
    return *index;
}

std::string relation_name(const Graph& graph, RelationIndex index)
{
    const auto& relation = graph.relation(index);
    return "r" + std::to_string(index) + " (" + graph.actor(relation.source).display_name() +
           (graph.is_undirected(index) ? " — " : " → ") + graph.actor(relation.target).display_name() + ", " +
           relation.type.str() + ")";
}

// Sets (or with nullopt removes) properties, returning their old values.
OldValues set_values(Properties& properties, const OldValues& values)
{
    OldValues old;
    for (const auto& [key, value] : values) {
        auto found = properties.find(key);
        old.emplace_back(key, found == properties.end() ? std::nullopt : std::optional<std::string>(found->second));
        if (value) properties.insert_or_assign(key, *value);
        else properties.erase(key);
    }
    return old;
}

Properties& properties_of(Graph& graph, bool relation, std::uint32_t index)
{
    return relation ? graph.relation_for_edit(index).properties : graph.actor_for_edit(index).properties;
}

struct Applier {
    Graph& graph;
    AppliedChange& out;

    template <typename Step>
    void undo_with(Step step)
    {
        out.undo = std::make_shared<AppliedChange::Undo>(AppliedChange::Undo{std::move(step)});
    }

    void operator()(const AddActor& change)
    {
        Actor actor{change.id, change.label, normalize_kind(change.kind), change.aliases, properties_of(change.properties), {}};
        out.description = "new actor " + actor.display_name();
        undo_with(TakeActor{graph.add_actor(std::move(actor))});
    }

    void operator()(const AddRelation& change)
    {
        Relation relation{actor_named(graph, change.from), actor_named(graph, change.to),
                          normalize_relation_type(change.type), properties_of(change.properties), {}};
        auto index = graph.add_relation(std::move(relation), change.undirected ? Orientation::undirected : Orientation::directed);
        out.description = "new relation " + relation_name(graph, index);
        undo_with(TakeRelation{index});
    }

    void operator()(const SetProperty& change)
    {
        const auto& key = change.key;
        if (change.target.relation) {
            auto index = *change.target.relation;
            if (index >= graph.relation_count()) throw Error("there is no relation r" + std::to_string(index));
            out.description = "change of " + key + " on " + relation_name(graph, index);
            if (key == "type") {
                auto& type = graph.relation_for_edit(index).type;
                undo_with(PutBackType{index, type});
                type = normalize_relation_type(change.value.value_or(""));
                return;
            }
            auto old = set_values(graph.relation_for_edit(index).properties, {{key, change.value}});
            undo_with(PutBackProperties{true, index, std::move(old)});
            return;
        }
        auto index = actor_named(graph, change.target.actor);
        const auto& actor = graph.actor(index);
        out.description = "change of " + key + " on " + actor.display_name();
        auto value = change.value.value_or("");
        if (key == "id" || key == "label" || key == "aliases") {
            ActorNames names{actor.id, actor.label, actor.aliases};
            if (key == "id") names.id = value;
            else if (key == "label") names.label = value;
            else names.aliases = split_list(value);
            undo_with(PutBackNames{index, graph.rename_actor(index, std::move(names))});
        } else if (key == "kind") {
            auto& kind = graph.actor_for_edit(index).kind;
            undo_with(PutBackKind{index, kind});
            kind = normalize_kind(value);
        } else {
            auto old = set_values(graph.actor_for_edit(index).properties, {{key, change.value}});
            undo_with(PutBackProperties{false, index, std::move(old)});
        }
    }

    void operator()(const DeleteRelation& change)
    {
        if (change.relation >= graph.relation_count()) throw Error("there is no relation r" + std::to_string(change.relation));
        out.description = "deletion of relation " + relation_name(graph, change.relation);
        undo_with(graph.remove_relation(change.relation));
    }

    void operator()(const DeleteActor& change)
    {
        auto index = actor_named(graph, change.actor);
        out.description = "deletion of " + graph.actor(index).display_name();
        auto removed = graph.remove_actor(index);
        auto count = removed.relations.size();
        if (count > 0) out.description += " and its " + std::to_string(count) + (count == 1 ? " relation" : " relations");
        undo_with(std::move(removed));
    }

    void operator()(const MergeActors& change)
    {
        auto keep = actor_named(graph, change.keep);
        auto other = actor_named(graph, change.other);
        out.description = "merge of " + graph.actor(other).display_name() + " into " + graph.actor(keep).display_name();
        undo_with(graph.merge_actors(keep, other));
    }

    void operator()(const PinActor& change)
    {
        auto index = actor_named(graph, change.actor);
        out.description = "pin of " + graph.actor(index).display_name();
        OldValues values;
        for (auto& [key, value] : pin_properties(change.x, change.y)) values.emplace_back(std::move(key), std::move(value));
        auto old = set_values(graph.actor_for_edit(index).properties, values);
        undo_with(PutBackProperties{false, index, std::move(old)});
    }
};

struct Reverter {
    Graph& graph;

    void operator()(const TakeActor& step) { (void)graph.remove_actor(step.index); }
    void operator()(const TakeRelation& step) { (void)graph.remove_relation(step.index); }
    void operator()(PutBackProperties& step) { (void)set_values(properties_of(graph, step.relation, step.index), step.values); }
    void operator()(PutBackNames& step) { (void)graph.rename_actor(step.index, step.names); }
    void operator()(const PutBackKind& step) { graph.actor_for_edit(step.index).kind = step.kind; }
    void operator()(const PutBackType& step) { graph.relation_for_edit(step.index).type = step.type; }
    void operator()(RemovedRelation& step) { graph.restore_relation(step); }
    void operator()(RemovedActor& step) { graph.restore_actor(step); }
    void operator()(MergeRecord& step) { graph.unmerge(step); }
};

}  // namespace

// Written round-trip exact: a pin saved and read again is the same point.
PropertyList pin_properties(double x, double y)
{
    return {{"x", exact_number_text(x)}, {"y", exact_number_text(y)}, {"pinned", "true"}};
}

AppliedChange apply_change(Graph& graph, const Change& change)
{
    auto problems = check_change(graph, change);
    if (!problems.empty()) throw Error(problems.front().to_string());
    AppliedChange applied{change, {}, {}};
    std::visit(Applier{graph, applied}, change);
    return applied;
}

// The undo record is kept (revert copies from it), so redo by apply_change and undo again both work.
void revert_change(Graph& graph, AppliedChange& applied)
{
    if (!applied.undo) throw Error("nothing to undo for " + applied.description);
    std::visit(Reverter{graph}, applied.undo->step);
}

}  // namespace actorgraph
