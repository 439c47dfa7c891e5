#pragma once
// The typed property graph: actors, directed or undirected relations, and a name index over them.
#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "actorgraph/model/error.hpp"
#include "actorgraph/model/huge_page_allocator.hpp"
#include "actorgraph/model/name_index.hpp"
#include "actorgraph/model/property_types.hpp"
#include "actorgraph/model/schema.hpp"
#include "actorgraph/model/term.hpp"

namespace actorgraph {

using ActorIndex = std::uint32_t;
using RelationIndex = std::uint32_t;
/// A vector for arrays of millions of elements (see HugePageAllocator).
template <typename T>
using LargeVector = std::vector<T, HugePageAllocator<T>>;

/// A node: a state, organization, company or official.
struct Actor {
    std::string id;                    ///< unique and stable; what files and queries refer to
    std::string label;                 ///< display name; empty means "use the id"
    Term kind;                         ///< one of schema::kinds (no heap), or a custom kind (warned about)
    std::vector<std::string> aliases;  ///< other names the sources use
    Properties properties;             ///< year, description, source, and free ones
    SourceLocation where;              ///< where it was declared, for messages

    /// The label, or the id when there is no label.
    [[nodiscard]] const std::string& display_name() const { return label.empty() ? id : label; }
};

/// Whether a relation points from its source to its target (`a -> b`) or joins them both ways (`a -- b`).
enum class Orientation : std::uint8_t { directed, undirected };

/// A typed edge, directed unless the graph marks it undirected (Graph::orientation); several may join
/// the same pair. The orientation lives in the graph, not here, so a relation stays 32 bytes at 4M.
struct Relation {
    ActorIndex source = 0;
    ActorIndex target = 0;
    Term type;              ///< one of schema::relation_types (no heap), or a custom type (warned about)
    Properties properties;  ///< year/since/until, amount_usd, source, note, and free ones
    SourceLocation where;
};

/// A relation taken out of the graph, with what putting it back at its place needs.
struct RemovedRelation {
    RelationIndex index = 0;
    Relation relation;
    Orientation orientation = Orientation::directed;
};

/// An actor taken out of the graph with its relations (in ascending index, endpoints as they were).
struct RemovedActor {
    ActorIndex index = 0;
    Actor actor;
    std::vector<RemovedRelation> relations;
};

/// The names an actor answers to, changed together because the name indexes hold them.
struct ActorNames {
    std::string id;
    std::string label;
    std::vector<std::string> aliases;
    friend bool operator==(const ActorNames&, const ActorNames&) = default;
};

/// What merging one actor into another changed, so unmerge can put back exactly what was there.
struct MergeRecord {
    ActorIndex keep = 0;                ///< the kept actor's index before the merge
    Actor keep_before;                  ///< the kept actor as it was (names, kind, properties)
    struct Repointed {
        RelationIndex relation = 0;
        ActorIndex source = 0, target = 0;  ///< the endpoints before the merge
    };
    std::vector<Repointed> repointed;   ///< relations of the merged actor, now the kept one's
    RemovedActor merged;                ///< the actor merged in, taken out once it had no relations
    std::vector<std::string> conflicts; ///< properties both had with different values (the kept value stays)
};

/// Actors and relations with O(1) lookup by id and by case-insensitive label or alias.
class Graph {
public:
    std::string name;  ///< the graph's name (DOT graph id), may be empty
    PropertyTypes actor_property_types;     ///< declared types of actors' properties (typed file columns, Cypher)
    PropertyTypes relation_property_types;  ///< declared types of relations' properties

    /// Adds an actor; throws Error if its id is empty or already taken.
    ActorIndex add_actor(Actor actor);
    /// add_actor for each in order, moving from them, with their memory accesses overlapped (a reader's batch);
    /// throws at the first bad one, keeping those before it.
    void add_actors(std::span<Actor> actors);
    /// Adds a relation between existing actors; throws Error for an out-of-range endpoint.
    RelationIndex add_relation(Relation relation, Orientation orientation = Orientation::directed);
    /// Makes room for this many more actors and relations, so a reader that knows its size grows the graph once.
    void reserve(std::size_t more_actors, std::size_t more_relations);
    /// A new arena for one reading thread's property sets (Properties::from_values); freed with the graph.
    [[nodiscard]] PropertyArena& new_property_arena();

    Graph() = default;
    /// Copies hold their property sets on the heap, not in the original's arenas.
    Graph(const Graph& other) = default;
    Graph(Graph&& other) noexcept = default;
    /// Copy and swap, so the old sets are destroyed before the arenas they live in.
    Graph& operator=(const Graph& other);
    /// Move and swap, for the same reason.
    Graph& operator=(Graph&& other) noexcept;
    ~Graph() = default;

    [[nodiscard]] const LargeVector<Actor>& actors() const noexcept { return actors_; }
    [[nodiscard]] const LargeVector<Relation>& relations() const noexcept { return relations_; }
    [[nodiscard]] const Actor& actor(ActorIndex index) const { return actors_.at(index); }
    [[nodiscard]] const Relation& relation(RelationIndex index) const { return relations_.at(index); }
    /// The actor, to change in place (Cypher's SET); its id, label and aliases must stay as they are, since
    /// the name indexes hold them.
    /// The actor counts as changed (see version()) when this returns: change it right away.
    [[nodiscard]] Actor& actor_for_edit(ActorIndex index)
    {
        renew_version();
        return actors_.at(index);
    }
    /// The relation, to change in place; its endpoints must stay as they are (the adjacency is cached).
    [[nodiscard]] Relation& relation_for_edit(RelationIndex index)
    {
        renew_version();
        return relations_.at(index);
    }
    /// A stamp of the graph's contents, for caches built from them (Cypher's label index): every change
    /// (including handing out an element for edit) takes a stamp no graph has had, and a copy keeps its
    /// original's. So two graphs with the same stamp hold the same actors and relations.
    [[nodiscard]] std::uint64_t version() const noexcept { return version_; }
    // Changes that keep the storage compact (removal closes the gap, so later indexes move down by one)
    // and that the edit history undoes exactly: each returns what its inverse needs.

    /// Takes a relation out; later relations move down by one. Throws std::out_of_range for a bad index.
    RemovedRelation remove_relation(RelationIndex index);
    /// Puts a removed relation back at its index (later ones move up); throws Error when it cannot fit.
    void restore_relation(RemovedRelation removed);
    /// Takes an actor out with every relation it takes part in; later actors move down by one.
    RemovedActor remove_actor(ActorIndex index);
    /// Takes out these relations (ascending, distinct) in one pass: a statement deleting many elements compacts
    /// once instead of once per element. Throws std::out_of_range, changing nothing, for a bad index.
    void remove_relations(std::span<const RelationIndex> sorted);
    /// Takes out these actors (ascending, distinct) and every relation they take part in, in one pass over the
    /// relations and the name index; the rest keep their order. Throws std::out_of_range, changing nothing.
    void remove_actors(std::span<const ActorIndex> sorted);
    /// Takes out the actor added last, in time proportional to its names (Cypher's undo of a failed CREATE).
    /// No relation may touch it any more (remove those first); throws std::out_of_range when there is none.
    void remove_last_actor();
    /// Puts a removed actor and its relations back where they were; throws Error when they cannot fit.
    void restore_actor(RemovedActor removed);
    /// Gives an actor new names, keeping the indexes right; returns the old ones. Throws Error for an
    /// empty id or one another actor has, changing nothing.
    ActorNames rename_actor(ActorIndex index, ActorNames names);
    /// Moves a relation's ends to other actors; throws Error for an out-of-range endpoint.
    void set_relation_endpoints(RelationIndex index, ActorIndex source, ActorIndex target);
    /// Merges `other` into `keep`: other's id, label and aliases become aliases of keep, its properties
    /// fill those keep lacks, its relations are re-pointed to keep, and it is removed. Throws Error when
    /// both are the same actor.
    MergeRecord merge_actors(ActorIndex keep, ActorIndex other);
    /// Undoes merge_actors exactly, given the graph as the merge left it.
    void unmerge(MergeRecord record);

    /// Relations leaving an actor, in insertion order (valid until the graph next changes).
    [[nodiscard]] std::span<const RelationIndex> out_relations(ActorIndex index) const;
    /// Relations arriving at an actor, in insertion order (valid until the graph next changes).
    [[nodiscard]] std::span<const RelationIndex> in_relations(ActorIndex index) const;
    [[nodiscard]] std::size_t actor_count() const noexcept { return actors_.size(); }
    [[nodiscard]] std::size_t relation_count() const noexcept { return relations_.size(); }
    /// Whether the relation is directed or undirected (undirected ones are walked and drawn both ways).
    [[nodiscard]] Orientation orientation(RelationIndex index) const noexcept
    {
        return index < undirected_.size() && undirected_[index] ? Orientation::undirected : Orientation::directed;
    }
    [[nodiscard]] bool is_undirected(RelationIndex index) const noexcept { return orientation(index) == Orientation::undirected; }
    /// How many relations are undirected: 0 in a directed graph, relation_count() in an undirected one.
    [[nodiscard]] std::size_t undirected_count() const noexcept { return undirected_count_; }

    /// The actor with exactly this id.
    [[nodiscard]] std::optional<ActorIndex> find_by_id(std::string_view id) const;
    /// find_by_id for many ids at once, overlapping their memory accesses (a reader resolving relation endpoints).
    [[nodiscard]] std::vector<std::optional<ActorIndex>> find_by_ids(std::span<const std::string_view> ids) const;
    /// Actors whose id, label or an alias equals the name, ignoring case.
    [[nodiscard]] std::vector<ActorIndex> find_by_name(std::string_view name) const;
    /// The one actor a name means; throws Error naming the closest candidates when unknown or ambiguous.
    [[nodiscard]] ActorIndex resolve(std::string_view name) const;
    /// Up to `limit` actors whose names are closest to the text (prefix, substring, then edit distance).
    [[nodiscard]] std::vector<ActorIndex> closest_actors(std::string_view text, std::size_t limit) const;

    /// Warnings collected while the graph was read (unknown kinds, skipped relations).
    /// The readers' warnings, at most CappedDiagnostics::default_per_kind of each kind (the rest counted).
    [[nodiscard]] const Diagnostics& diagnostics() const { return diagnostics_.list(); }
    /// Records a warning about the input.
    void warn(SourceLocation where, std::string message);

private:
    // Relations by endpoint as two compressed arrays (offsets per actor, then relation indexes), built on
    // first use after a change: a vector per actor cost ~110 MB at 1M actors and most of a load's time.
    // Copies and moves start unbuilt, so the mutex and flag never need copying.
    struct Adjacency {
        Adjacency() = default;
        Adjacency(const Adjacency&) noexcept {}
        Adjacency& operator=(const Adjacency&) noexcept { return reset(); }
        Adjacency& reset() noexcept;

        std::mutex building;
        std::atomic<bool> built{false};
        LargeVector<RelationIndex> out_offsets, out, in_offsets, in;
    };
    // The arenas of readers' property sets. Declared before the elements, so destroyed after them.
    struct Arenas {
        Arenas() = default;
        Arenas(const Arenas&) noexcept {}
        Arenas(Arenas&&) noexcept = default;
        Arenas& operator=(const Arenas&) = delete;
        Arenas& operator=(Arenas&&) = delete;
        std::vector<std::unique_ptr<PropertyArena>> list;
    };

    // An id's first 15 bytes and its length (capped at 255), on one cache line: a lookup confirms a hash
    // hit here, in 16 MB for a million actors, instead of in the 112-byte actors (a tenth of loading).
    struct alignas(16) IdKey {
        std::uint64_t low = 0, high = 0;  // two words, so comparing is two instructions and no memcmp call
        [[nodiscard]] static IdKey of(std::string_view id) noexcept;
        friend bool operator==(const IdKey& a, const IdKey& b) noexcept { return a.low == b.low && a.high == b.high; }
    };

    const Adjacency& adjacency() const;
    /// After a change of the relations' ends or of which elements there are: the adjacency is stale, and the
    /// contents take a new version.
    void touch() noexcept;
    /// After any other change (names, kinds, properties): a new version, the adjacency kept.
    void renew_version() noexcept;
    void swap(Graph& other) noexcept;
    [[nodiscard]] bool has_id(ActorIndex index, std::string_view id, const IdKey& key) const noexcept;
    ActorIndex add_hashed_actor(Actor actor, std::uint64_t id_hash, std::span<const std::uint64_t> name_hashes);
    [[nodiscard]] std::optional<ActorIndex> find_hashed_id(std::string_view id, std::uint64_t hash) const;
    [[nodiscard]] bool answers_to(const Actor& actor, std::string_view folded_name) const;
    void unindex_names(ActorIndex index);
    void index_names(ActorIndex index);
    void shift_actor_indexes(ActorIndex from, int delta);

    Arenas arenas_;
    LargeVector<Actor> actors_;
    LargeVector<IdKey> id_keys_;  ///< one per actor
    LargeVector<Relation> relations_;
    // One bit per relation, true for an undirected one; empty until the first undirected relation, so a
    // directed graph (nearly every big one) pays nothing.
    std::vector<bool> undirected_;
    std::size_t undirected_count_ = 0;
    mutable Adjacency adjacency_;
    std::uint64_t version_ = 0;  ///< 0: never changed, so empty
    NameIndex by_id_;    ///< hash of the exact id
    NameIndex by_name_;  ///< hash of the case-folded id, label and aliases
    CappedDiagnostics diagnostics_;
};

/// Lower-cases ASCII letters; other bytes (UTF-8) stay as they are.
[[nodiscard]] std::string fold_case(std::string_view text);

}  // namespace actorgraph
