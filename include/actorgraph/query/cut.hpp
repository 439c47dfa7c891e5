#pragma once
// Who can cut whom off: a minimum set of actors (or of relations) whose removal leaves no path
// from one actor to another, found exactly by max-flow (Menger: its size is the number of
// independent routes): unit-capacity augmenting paths (Dinic) walked over the query index, checked
// in the tests against Boost.Graph's Boykov-Kolmogorov on the same network.
#include <cstddef>
#include <vector>

#include "actorgraph/query/query_index.hpp"

namespace actorgraph {

class QueryCache;

/// What a cut removes.
enum class CutKind {
    actors,     ///< actors other than the two ends (routes that share no actor)
    relations,  ///< relations (routes that share no relation; parallel relations count one by one)
};

/// Parses "actors" or "relations"; throws Error otherwise.
[[nodiscard]] CutKind parse_cut_kind(std::string_view text);

struct CutOptions {
    GraphFilter filter;                       ///< the relations and actors routes may use
    Direction direction = Direction::follow;  ///< `any` walks relations both ways
    CutKind kind = CutKind::actors;
};

/// A minimum cut between two actors.
struct CutResult {
    bool connected = false;  ///< a route led from FROM to TO before the cut
    std::size_t size = 0;    ///< how many actors (or relations) the cut removes: the number of independent routes
    std::vector<ActorIndex> actors;        ///< the cut for CutKind::actors, in index order
    std::vector<RelationIndex> relations;  ///< the cut for CutKind::relations, in index order
    /// CutKind::actors only: relations leading straight from FROM to TO, which no removal of other
    /// actors can cut; `size` counts the routes through other actors.
    std::vector<RelationIndex> direct;

    /// The cut's actors and relations (and the direct relations), for highlighting.
    [[nodiscard]] Selection selection() const;
};

/// The minimum cut over a prebuilt index (its filter and direction); throws Error when FROM and TO
/// are the same actor or the index's filter drops one of them.
[[nodiscard]] CutResult minimum_cut(const QueryIndex& index, ActorIndex from, ActorIndex to, CutKind kind);
/// minimum_cut through the cache's index for the options' filter and direction.
[[nodiscard]] CutResult minimum_cut(QueryCache& cache, ActorIndex from, ActorIndex to, const CutOptions& options);
/// minimum_cut over an index built for this call.
[[nodiscard]] CutResult minimum_cut(const Graph& graph, ActorIndex from, ActorIndex to, const CutOptions& options);

/// Actors reachable from `from` along the index's steps (forward) or from which `from` is reached
/// (backward), skipping actors marked in `removed` (which may be empty): one flag per actor.
[[nodiscard]] std::vector<char> reachable_actors(const QueryIndex& index, ActorIndex from, bool forward,
                                                 const std::vector<char>& removed = {});

}  // namespace actorgraph
