#include "actorgraph/model/graph.hpp"

#include <algorithm>
#include <array>
#include <cstring>
#include <stdexcept>
#include <tuple>

#include "actorgraph/model/spelling.hpp"

namespace actorgraph {

std::string fold_case(std::string_view text)
{
    std::string folded(text);
    for (char& c : folded) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return folded;
}

namespace {

// Lower is closer: prefix matches first, then substrings, then by edit distance.
std::size_t name_distance(std::string_view query, std::string_view name)
{
    if (name.starts_with(query)) return name.size() - query.size();
    if (name.find(query) != std::string_view::npos) return 1000 + name.size() - query.size();
    return 100000 + edit_distance(query, name);
}

}  // namespace

namespace {

// The hashes of the case-folded names an actor answers to: its id, its label when different, its aliases.
void append_name_hashes(const Actor& actor, std::vector<std::uint64_t>& hashes)
{
    hashes.push_back(NameIndex::hash_of(fold_case(actor.id)));
    if (!actor.label.empty() && actor.label != actor.id) hashes.push_back(NameIndex::hash_of(fold_case(actor.label)));
    for (const auto& alias : actor.aliases) hashes.push_back(NameIndex::hash_of(fold_case(alias)));
}

}  // namespace

void Graph::index_names(ActorIndex index)
{
    std::vector<std::uint64_t> hashes;
    append_name_hashes(actors_[index], hashes);
    by_id_.insert(NameIndex::hash_of(actors_[index].id), index);
    for (auto hash : hashes) by_name_.insert(hash, index);
    id_keys_[index] = IdKey::of(actors_[index].id);
}

// Erases every name before any is re-added: two names of one actor may share a slot.
void Graph::unindex_names(ActorIndex index)
{
    std::vector<std::uint64_t> hashes;
    append_name_hashes(actors_[index], hashes);
    by_id_.erase(NameIndex::hash_of(actors_[index].id), index);
    for (auto hash : hashes) by_name_.erase(hash, index);
}

ActorIndex Graph::add_actor(Actor actor)
{
    std::vector<std::uint64_t> name_hashes;
    append_name_hashes(actor, name_hashes);
    auto id_hash = NameIndex::hash_of(actor.id);
    return add_hashed_actor(std::move(actor), id_hash, name_hashes);
}

// Hashes every name first and asks for every slot the batch will touch, then adds one by one: each
// actor's three or so index slots are random places in tens of megabytes, and waiting for them one at
// a time was most of reading a million actors.
void Graph::add_actors(std::span<Actor> batch)
{
    std::vector<std::uint64_t> id_hashes, name_hashes;
    std::vector<std::size_t> name_ends;
    id_hashes.reserve(batch.size());
    name_ends.reserve(batch.size());
    for (const auto& actor : batch) {
        id_hashes.push_back(NameIndex::hash_of(actor.id));
        append_name_hashes(actor, name_hashes);
        name_ends.push_back(name_hashes.size());
    }
    // Grown first, so no insertion below moves the slots away from what was fetched.
    by_id_.reserve(by_id_.size() + batch.size());
    by_name_.reserve(by_name_.size() + name_hashes.size());
    for (auto hash : id_hashes) by_id_.prefetch(hash);
    for (auto hash : name_hashes) by_name_.prefetch(hash);
    std::size_t first_name = 0;
    for (std::size_t i = 0; i < batch.size(); ++i) {
        std::span names(name_hashes.data() + first_name, name_ends[i] - first_name);
        add_hashed_actor(std::move(batch[i]), id_hashes[i], names);
        first_name = name_ends[i];
    }
}

ActorIndex Graph::add_hashed_actor(Actor actor, std::uint64_t id_hash, std::span<const std::uint64_t> name_hashes)
{
    if (actor.id.empty()) throw Error(actor.where, "actor without an id");
    if (find_hashed_id(actor.id, id_hash)) throw Error(actor.where, "duplicate actor id '" + actor.id + "'");
    auto index = static_cast<ActorIndex>(actors_.size());
    by_id_.insert(id_hash, index);
    for (auto hash : name_hashes) by_name_.insert(hash, index);
    // Readers add properties one by one, so vectors carry spare room that millions of actors would keep.
    actor.properties.shrink_to_fit();
    actor.aliases.shrink_to_fit();
    actors_.push_back(std::move(actor));
    id_keys_.push_back(IdKey::of(actors_.back().id));
    touch();
    return index;
}

RelationIndex Graph::add_relation(Relation relation, Orientation orientation)
{
    if (relation.source >= actors_.size() || relation.target >= actors_.size()) {
        throw Error(relation.where, "relation endpoint out of range");
    }
    auto index = static_cast<RelationIndex>(relations_.size());
    relation.properties.shrink_to_fit();
    relations_.push_back(std::move(relation));
    if (orientation == Orientation::undirected) {
        undirected_.resize(relations_.size(), false);
        undirected_[index] = true;
        ++undirected_count_;
    }
    touch();
    return index;
}

void Graph::reserve(std::size_t more_actors, std::size_t more_relations)
{
    actors_.reserve(actors_.size() + more_actors);
    id_keys_.reserve(id_keys_.size() + more_actors);
    relations_.reserve(relations_.size() + more_relations);
    by_id_.reserve(actors_.size() + more_actors);
    by_name_.reserve(2 * (actors_.size() + more_actors));
}

PropertyArena& Graph::new_property_arena()
{
    return *arenas_.list.emplace_back(std::make_unique<PropertyArena>());
}

Graph& Graph::operator=(const Graph& other)
{
    if (this != &other) {
        Graph copy(other);
        swap(copy);
    }
    return *this;
}

Graph& Graph::operator=(Graph&& other) noexcept
{
    if (this != &other) {
        Graph moved(std::move(other));
        swap(moved);
    }
    return *this;
}

void Graph::swap(Graph& other) noexcept
{
    std::swap(name, other.name);
    std::swap(actor_property_types, other.actor_property_types);
    std::swap(relation_property_types, other.relation_property_types);
    std::swap(arenas_.list, other.arenas_.list);
    std::swap(actors_, other.actors_);
    std::swap(id_keys_, other.id_keys_);
    std::swap(relations_, other.relations_);
    std::swap(undirected_, other.undirected_);
    std::swap(undirected_count_, other.undirected_count_);
    std::swap(by_id_, other.by_id_);
    std::swap(by_name_, other.by_name_);
    diagnostics_.swap(other.diagnostics_);
    std::swap(version_, other.version_);
    adjacency_.reset();
    other.adjacency_.reset();
}

void Graph::touch() noexcept
{
    adjacency_.reset();
    renew_version();
}

void Graph::renew_version() noexcept
{
    // One counter for every graph in the process, so no two contents ever share a stamp.
    static std::atomic<std::uint64_t> last_version{0};
    version_ = ++last_version;
}

Graph::Adjacency& Graph::Adjacency::reset() noexcept
{
    built.store(false, std::memory_order_release);
    return *this;
}

namespace {

// Counting sort of relations by one endpoint: offsets[a]..offsets[a + 1] index the actor's relations in
// `list`, in insertion order.
template <typename Endpoint>
void group_relations(const LargeVector<Relation>& relations, std::size_t actor_count, Endpoint endpoint,
                     LargeVector<RelationIndex>& offsets, LargeVector<RelationIndex>& list)
{
    offsets.assign(actor_count + 1, 0);
    for (const auto& relation : relations) ++offsets[endpoint(relation) + 1];
    for (std::size_t actor = 0; actor < actor_count; ++actor) offsets[actor + 1] += offsets[actor];
    list.resize(relations.size());
    std::vector<RelationIndex> next(offsets.begin(), offsets.end() - 1);
    for (RelationIndex index = 0; index < relations.size(); ++index) list[next[endpoint(relations[index])]++] = index;
}

}  // namespace

const Graph::Adjacency& Graph::adjacency() const
{
    if (adjacency_.built.load(std::memory_order_acquire)) return adjacency_;
    std::lock_guard lock(adjacency_.building);
    if (adjacency_.built.load(std::memory_order_relaxed)) return adjacency_;
    group_relations(relations_, actors_.size(), [](const Relation& r) { return r.source; }, adjacency_.out_offsets,
                    adjacency_.out);
    group_relations(relations_, actors_.size(), [](const Relation& r) { return r.target; }, adjacency_.in_offsets,
                    adjacency_.in);
    adjacency_.built.store(true, std::memory_order_release);
    return adjacency_;
}

std::span<const RelationIndex> Graph::out_relations(ActorIndex index) const
{
    if (index >= actors_.size()) throw std::out_of_range("actor index out of range");
    const auto& lists = adjacency();
    return std::span(lists.out).subspan(lists.out_offsets[index], lists.out_offsets[index + 1] - lists.out_offsets[index]);
}

std::span<const RelationIndex> Graph::in_relations(ActorIndex index) const
{
    if (index >= actors_.size()) throw std::out_of_range("actor index out of range");
    const auto& lists = adjacency();
    return std::span(lists.in).subspan(lists.in_offsets[index], lists.in_offsets[index + 1] - lists.in_offsets[index]);
}

bool Graph::answers_to(const Actor& actor, std::string_view folded_name) const
{
    if (fold_case(actor.id) == folded_name || fold_case(actor.label) == folded_name) return true;
    return std::any_of(actor.aliases.begin(), actor.aliases.end(),
                       [&](const std::string& alias) { return fold_case(alias) == folded_name; });
}

std::optional<ActorIndex> Graph::find_by_id(std::string_view id) const
{
    return find_hashed_id(id, NameIndex::hash_of(id));
}

Graph::IdKey Graph::IdKey::of(std::string_view id) noexcept
{
    std::array<char, 16> bytes{};
    if (!id.empty()) std::memcpy(bytes.data(), id.data(), std::min<std::size_t>(id.size(), 15));
    bytes[15] = static_cast<char>(std::min<std::size_t>(id.size(), 255));
    IdKey key;
    std::memcpy(&key, bytes.data(), sizeof key);
    return key;
}

bool Graph::has_id(ActorIndex index, std::string_view id, const IdKey& key) const noexcept
{
    return id_keys_[index] == key && (id.size() <= 15 || actors_[index].id == id);
}

std::optional<ActorIndex> Graph::find_hashed_id(std::string_view id, std::uint64_t hash) const
{
    auto key = IdKey::of(id);
    std::optional<ActorIndex> found;
    by_id_.for_each(hash, [&](ActorIndex index) {
        if (has_id(index, id, key)) found = index;
    });
    return found;
}

// Three passes over the batch: fetch every home slot, then every first candidate actor, then confirm.
// Each pass asks for memory the next one reads, so a batch waits for memory about once instead of twice
// per id; one by one, 8M endpoint lookups were half of loading a 4M-relation CSV.
std::vector<std::optional<ActorIndex>> Graph::find_by_ids(std::span<const std::string_view> ids) const
{
    std::vector<std::uint64_t> hashes(ids.size());
    for (std::size_t i = 0; i < ids.size(); ++i) {
        hashes[i] = NameIndex::hash_of(ids[i]);
        by_id_.prefetch(hashes[i]);
    }
    for (auto hash : hashes) {
        auto candidate = by_id_.first_candidate(hash);
        if (candidate != NameIndex::no_actor) __builtin_prefetch(&id_keys_[candidate]);
    }
    std::vector<std::optional<ActorIndex>> found(ids.size());
    for (std::size_t i = 0; i < ids.size(); ++i) {
        auto key = IdKey::of(ids[i]);
        by_id_.for_each(hashes[i], [&](ActorIndex index) {
            if (has_id(index, ids[i], key)) found[i] = index;
        });
    }
    return found;
}

std::vector<ActorIndex> Graph::find_by_name(std::string_view name) const
{
    auto folded = fold_case(name);
    std::vector<ActorIndex> matches;
    by_name_.for_each(NameIndex::hash_of(folded), [&](ActorIndex index) {
        if (answers_to(actors_[index], folded)) matches.push_back(index);
    });
    std::sort(matches.begin(), matches.end());
    return matches;
}

ActorIndex Graph::resolve(std::string_view name) const
{
    if (auto exact = find_by_id(name)) return *exact;
    auto matches = find_by_name(name);
    if (matches.size() == 1) return matches.front();
    auto describe = [this](const std::vector<ActorIndex>& list) {
        std::string text;
        for (auto index : list) {
            if (!text.empty()) text += ", ";
            text += "'" + actors_[index].display_name() + "' (" + actors_[index].id + ")";
        }
        return text;
    };
    if (matches.size() > 1) {
        throw Error("ambiguous actor '" + std::string(name) + "': could be " + describe(matches));
    }
    auto candidates = closest_actors(name, 5);
    std::string message = "unknown actor '" + std::string(name) + "'";
    if (!candidates.empty()) message += "; did you mean " + describe(candidates) + "?";
    throw Error(message);
}

std::vector<ActorIndex> Graph::closest_actors(std::string_view text, std::size_t limit) const
{
    auto query = fold_case(text);
    std::vector<std::pair<std::size_t, ActorIndex>> scored;
    scored.reserve(actors_.size());
    for (ActorIndex index = 0; index < actors_.size(); ++index) {
        const auto& actor = actors_[index];
        std::size_t best = name_distance(query, fold_case(actor.id));
        best = std::min(best, name_distance(query, fold_case(actor.label)));
        for (const auto& alias : actor.aliases) best = std::min(best, name_distance(query, fold_case(alias)));
        scored.emplace_back(best, index);
    }
    auto keep = std::min(limit, scored.size());
    std::partial_sort(scored.begin(), scored.begin() + static_cast<std::ptrdiff_t>(keep), scored.end());
    std::vector<ActorIndex> result;
    for (std::size_t i = 0; i < keep; ++i) result.push_back(scored[i].second);
    return result;
}

namespace {

// A warning's kind of problem: its text without what is quoted ('x') or numbered, so "edge from 'a'
// to 'b' ..." and "edge from 'c' to 'd' ..." are one kind while each reader's messages stay as they are.
std::string kind_of_warning(std::string_view message)
{
    std::string kind;
    bool quoted = false;
    for (char c : message.substr(0, 200)) {
        if (c == '\'') {
            quoted = !quoted;
            if (quoted) kind += "'…'";
            continue;
        }
        if (!quoted && !(c >= '0' && c <= '9')) kind += c;
    }
    return kind;
}

}  // namespace

void Graph::warn(SourceLocation where, std::string message)
{
    diagnostics_.add(kind_of_warning(message), {std::move(where), std::move(message)});
}

}  // namespace actorgraph
