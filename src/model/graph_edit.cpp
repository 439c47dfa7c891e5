// The Graph's removing, renaming and merging: each keeps the storage compact (a removal closes the gap)
// and hands back what putting the graph back exactly as it was needs, for the edit history's undo.
#include <algorithm>
#include <stdexcept>

#include "actorgraph/model/graph.hpp"

namespace actorgraph {

namespace {

std::string count_text(std::size_t count, const char* what) { return std::to_string(count) + " " + what; }

void require_ascending(std::span<const std::uint32_t> indexes, std::size_t size, const char* what)
{
    for (std::size_t i = 0; i < indexes.size(); ++i) {
        if (indexes[i] >= size || (i > 0 && indexes[i] <= indexes[i - 1])) {
            throw std::out_of_range(std::string(what) + " indexes out of range or not ascending");
        }
    }
}

// Keeps the elements whose index is not among the removed (ascending), in their order.
template <typename Vector>
void erase_indexes(Vector& elements, std::span<const std::uint32_t> removed)
{
    if (removed.empty() || removed.front() >= elements.size()) return;
    std::size_t write = removed.front(), next = 0;
    for (std::size_t read = removed.front(); read < elements.size(); ++read) {
        if (next < removed.size() && removed[next] == read) {
            ++next;
            continue;
        }
        elements[write++] = std::move(elements[read]);
    }
    elements.erase(elements.begin() + static_cast<std::ptrdiff_t>(write), elements.end());
}

// Where an index moves once the removed (ascending) indexes are gone.
std::uint32_t closed_up(std::span<const std::uint32_t> removed, std::uint32_t index)
{
    if (removed.empty() || index < removed.front()) return index;
    return index - static_cast<std::uint32_t>(std::lower_bound(removed.begin(), removed.end(), index) - removed.begin());
}

}  // namespace

RemovedRelation Graph::remove_relation(RelationIndex index)
{
    if (index >= relations_.size()) throw std::out_of_range("relation index out of range");
    // A copy, not a move: the set may live in a reader's arena, and the record may outlive the graph.
    RemovedRelation removed{index, relations_[index], orientation(index)};
    relations_.erase(relations_.begin() + index);
    if (index < undirected_.size()) {
        if (undirected_[index]) --undirected_count_;
        undirected_.erase(undirected_.begin() + index);
    }
    touch();
    return removed;
}

void Graph::restore_relation(RemovedRelation removed)
{
    auto index = removed.index;
    if (index > relations_.size()) {
        throw Error("cannot put relation r" + std::to_string(index) + " back: the graph has " +
                    count_text(relations_.size(), "relations"));
    }
    if (removed.relation.source >= actors_.size() || removed.relation.target >= actors_.size()) {
        throw Error(removed.relation.where, "relation endpoint out of range");
    }
    relations_.insert(relations_.begin() + index, std::move(removed.relation));
    bool undirected = removed.orientation == Orientation::undirected;
    if (undirected || index < undirected_.size()) {
        if (undirected_.size() < index) undirected_.resize(index, false);
        undirected_.insert(undirected_.begin() + index, undirected);
        if (undirected) ++undirected_count_;
    }
    touch();
}

void Graph::shift_actor_indexes(ActorIndex from, int delta)
{
    by_id_.shift_actors(from, delta);
    by_name_.shift_actors(from, delta);
    for (auto& relation : relations_) {
        if (relation.source >= from) relation.source = static_cast<ActorIndex>(relation.source + delta);
        if (relation.target >= from) relation.target = static_cast<ActorIndex>(relation.target + delta);
    }
    touch();
}

RemovedActor Graph::remove_actor(ActorIndex index)
{
    if (index >= actors_.size()) throw std::out_of_range("actor index out of range");
    RemovedActor removed;
    removed.index = index;
    // From the last down, so each index still means the same relation when its turn comes.
    for (auto r = static_cast<RelationIndex>(relations_.size()); r-- > 0;) {
        if (relations_[r].source == index || relations_[r].target == index) {
            removed.relations.push_back(remove_relation(r));
        }
    }
    std::reverse(removed.relations.begin(), removed.relations.end());
    unindex_names(index);
    removed.actor = actors_[index];
    actors_.erase(actors_.begin() + index);
    id_keys_.erase(id_keys_.begin() + index);
    shift_actor_indexes(index + 1, -1);
    return removed;
}

void Graph::remove_relations(std::span<const RelationIndex> sorted)
{
    require_ascending(sorted, relations_.size(), "relation");
    if (sorted.empty()) return;
    for (auto index : sorted) {
        if (index < undirected_.size() && undirected_[index]) --undirected_count_;
    }
    erase_indexes(relations_, sorted);
    erase_indexes(undirected_, sorted);
    touch();
}

void Graph::remove_actors(std::span<const ActorIndex> sorted)
{
    require_ascending(sorted, actors_.size(), "actor");
    if (sorted.empty()) return;
    std::vector<bool> removed(actors_.size(), false);
    for (auto index : sorted) removed[index] = true;
    std::vector<RelationIndex> touching;
    for (RelationIndex r = 0; r < relations_.size(); ++r) {
        if (removed[relations_[r].source] || removed[relations_[r].target]) touching.push_back(r);
    }
    remove_relations(touching);
    for (auto index : sorted) unindex_names(index);
    erase_indexes(actors_, sorted);
    erase_indexes(id_keys_, sorted);
    by_id_.close_gaps(sorted);
    by_name_.close_gaps(sorted);
    for (auto& relation : relations_) {
        relation.source = closed_up(sorted, relation.source);
        relation.target = closed_up(sorted, relation.target);
    }
    touch();
}

void Graph::remove_last_actor()
{
    if (actors_.empty()) throw std::out_of_range("no actor to remove");
    unindex_names(static_cast<ActorIndex>(actors_.size() - 1));
    actors_.pop_back();
    id_keys_.pop_back();
    touch();
}

void Graph::restore_actor(RemovedActor removed)
{
    auto index = removed.index;
    if (index > actors_.size()) {
        throw Error("cannot put actor '" + removed.actor.id + "' back: the graph has " +
                    count_text(actors_.size(), "actors"));
    }
    if (removed.actor.id.empty()) throw Error(removed.actor.where, "actor without an id");
    if (find_by_id(removed.actor.id)) throw Error(removed.actor.where, "duplicate actor id '" + removed.actor.id + "'");
    // Checked before anything changes, so a record that does not fit leaves the graph as it was.
    for (std::size_t i = 0; i < removed.relations.size(); ++i) {
        const auto& relation = removed.relations[i];
        bool fits = relation.index <= relations_.size() + i && relation.relation.source <= actors_.size() &&
                    relation.relation.target <= actors_.size() && (i == 0 || relation.index > removed.relations[i - 1].index);
        if (!fits) throw Error("cannot put the relations of actor '" + removed.actor.id + "' back where they were");
    }
    shift_actor_indexes(index, 1);
    actors_.insert(actors_.begin() + index, std::move(removed.actor));
    id_keys_.insert(id_keys_.begin() + index, IdKey{});
    index_names(index);
    for (auto& relation : removed.relations) restore_relation(std::move(relation));
}

ActorNames Graph::rename_actor(ActorIndex index, ActorNames names)
{
    if (index >= actors_.size()) throw std::out_of_range("actor index out of range");
    auto& actor = actors_[index];
    if (names.id.empty()) throw Error("an actor needs an id");
    if (names.id != actor.id && find_by_id(names.id)) throw Error("duplicate actor id '" + names.id + "'");
    unindex_names(index);
    ActorNames old{std::move(actor.id), std::move(actor.label), std::move(actor.aliases)};
    actor.id = std::move(names.id);
    actor.label = std::move(names.label);
    actor.aliases = std::move(names.aliases);
    index_names(index);
    renew_version();
    return old;
}

void Graph::set_relation_endpoints(RelationIndex index, ActorIndex source, ActorIndex target)
{
    if (index >= relations_.size()) throw std::out_of_range("relation index out of range");
    if (source >= actors_.size() || target >= actors_.size()) throw Error(relations_[index].where, "relation endpoint out of range");
    relations_[index].source = source;
    relations_[index].target = target;
    touch();
}

namespace {

// The kept actor's names with the other's id, label and aliases added as aliases, unless the kept
// actor already answers to them (ignoring case).
ActorNames united_names(const Actor& keep, const Actor& other)
{
    ActorNames names{keep.id, keep.label, keep.aliases};
    auto known = [&](const std::string& name) {
        auto folded = fold_case(name);
        if (fold_case(names.id) == folded || fold_case(names.label) == folded) return true;
        return std::any_of(names.aliases.begin(), names.aliases.end(),
                           [&](const std::string& alias) { return fold_case(alias) == folded; });
    };
    auto add = [&](const std::string& name) {
        if (!name.empty() && !known(name)) names.aliases.push_back(name);
    };
    add(other.label);
    add(other.id);
    for (const auto& alias : other.aliases) add(alias);
    return names;
}

}  // namespace

MergeRecord Graph::merge_actors(ActorIndex keep, ActorIndex other)
{
    if (keep >= actors_.size() || other >= actors_.size()) throw std::out_of_range("actor index out of range");
    if (keep == other) throw Error("cannot merge actor '" + actors_[keep].id + "' into itself");
    MergeRecord record;
    record.keep = keep;
    record.keep_before = actors_[keep];
    (void)rename_actor(keep, united_names(actors_[keep], actors_[other]));
    auto& kept = actors_[keep];
    const auto& merged = actors_[other];
    if (kept.kind.empty()) kept.kind = merged.kind;
    for (const auto& [name, value] : merged.properties) {
        auto found = kept.properties.find(name);
        if (found == kept.properties.end()) kept.properties.insert_or_assign(name, value);
        else if (found->second != value) record.conflicts.emplace_back(name);
    }
    for (RelationIndex r = 0; r < relations_.size(); ++r) {
        auto& relation = relations_[r];
        if (relation.source != other && relation.target != other) continue;
        record.repointed.push_back({r, relation.source, relation.target});
        if (relation.source == other) relation.source = keep;
        if (relation.target == other) relation.target = keep;
    }
    record.merged = remove_actor(other);
    renew_version();
    return record;
}

void Graph::unmerge(MergeRecord record)
{
    if (record.keep >= actors_.size() + 1 || record.merged.index > actors_.size()) {
        throw Error("cannot undo the merge: the graph has changed since");
    }
    restore_actor(std::move(record.merged));
    for (auto it = record.repointed.rbegin(); it != record.repointed.rend(); ++it) {
        set_relation_endpoints(it->relation, it->source, it->target);
    }
    const auto& before = record.keep_before;
    (void)rename_actor(record.keep, ActorNames{before.id, before.label, before.aliases});
    actors_[record.keep] = std::move(record.keep_before);
    renew_version();
}

}  // namespace actorgraph
