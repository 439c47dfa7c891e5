#pragma once
// What if an actor disappears: which actors are cut off from the rest, how many pairs of actors
// lose every connection, and which routes between two actors break.
#include <cstdint>
#include <optional>
#include <vector>

#include "actorgraph/query/paths.hpp"
#include "actorgraph/query/query_index.hpp"

namespace actorgraph {

class QueryCache;

struct WhatIfOptions {
    GraphFilter filter;                       ///< the relations and actors that count
    Direction direction = Direction::follow;  ///< for the routes and reach between two actors
    std::size_t k = 10;                       ///< routes between the two actors looked at, shortest first
    std::size_t pairs = 10;                   ///< most important pairs that lose every route, listed
};

/// A group of actors that were connected to the rest of their part of the graph and no longer are.
struct Fragment {
    std::vector<ActorIndex> actors;  ///< best connected first (most kept relations, then index)
};

/// Two actors left after the removal, at least one of which no longer reaches the other. `first` is
/// the more important (higher degree; the lower index among equals). With Direction::any both flags
/// are set (a route either way was lost).
struct LostPair {
    ActorIndex first = 0;
    ActorIndex second = 0;
    bool first_to_second = false;  ///< first reached second before (in the relations' direction) and no longer does
    bool second_to_first = false;
    std::uint64_t weight = 0;      ///< degree(first) x degree(second) before the removal, in the filtered graph
    friend bool operator==(const LostPair&, const LostPair&) = default;
};

/// Routes and reach between two actors, before and after the removal.
struct WhatIfBetween {
    ActorIndex from = 0;
    ActorIndex to = 0;
    std::vector<Path> broken;              ///< routes (of the k shortest before) through a removed actor
    std::vector<Path> remaining;           ///< routes (of the k shortest before) that avoid them
    std::optional<Path> shortest_before;   ///< the shortest route before
    std::optional<Path> shortest_after;    ///< the shortest route that avoids the removed actors
    std::vector<ActorIndex> unreachable_from;  ///< actors FROM reached before and no longer reaches
    std::vector<ActorIndex> unreaching_to;     ///< actors that reached TO before and no longer do
};

/// Connectivity ignores direction (weak components): a pair is connected when some chain of
/// relations, walked either way, joins them.
struct WhatIfResult {
    std::vector<ActorIndex> removed;              ///< sorted
    std::vector<RelationIndex> broken_relations;  ///< kept relations touching a removed actor, sorted
    std::size_t components_before = 0;            ///< among the kept actors
    std::size_t components_after = 0;             ///< among the kept actors left
    std::size_t largest_before = 0;               ///< actors in the largest component
    std::size_t largest_after = 0;
    std::uint64_t pairs_lost = 0;     ///< pairs of actors left that were connected and no longer are
    std::vector<Fragment> fragments;  ///< pieces split off the largest piece of their former component, largest first
    std::optional<WhatIfBetween> between;
    /// The pairs that lose every route (directed unless the direction is any), heaviest first: by the
    /// product of the two actors' degrees before the removal, then by the better ranked actor.
    std::vector<LostPair> important_pairs;
    bool pairs_directed = true;  ///< false for Direction::any: a pair lost every route either way
    /// False when the search stopped at its budget: the pairs are the heaviest found among the
    /// `pairs_searched` most connected affected actors, not proven the heaviest of all.
    bool pairs_complete = true;
    std::size_t pairs_searched = 0;  ///< affected actors whose reach was searched

    /// Every actor in a fragment, sorted.
    [[nodiscard]] std::vector<ActorIndex> cut_off_actors() const;
    /// The removed and cut-off actors and the broken relations, for highlighting.
    [[nodiscard]] Selection selection() const;
};

/// The effect of removing the actors, over a prebuilt index; with `between`, also on the routes
/// from its first actor to its second. Throws Error when a removed actor is also an end of `between`.
[[nodiscard]] WhatIfResult what_if(const QueryIndex& index, const std::vector<ActorIndex>& removed,
                                   std::optional<std::pair<ActorIndex, ActorIndex>> between, std::size_t k = 10,
                                   std::size_t pairs = 10);

/// The `count` heaviest pairs (see WhatIfResult::important_pairs) that lose every route in the index's
/// direction when the marked actors are removed. Exact unless the search walks more than `budget`
/// steps (then `complete` is false). Searches from the most connected affected actors down and stops
/// once no pair left can outweigh the last one kept.
struct ImportantPairs {
    std::vector<LostPair> pairs;
    bool complete = true;
    std::size_t searched = 0;
};
[[nodiscard]] ImportantPairs important_lost_pairs(const QueryIndex& index, const std::vector<char>& removed, std::size_t count,
                                                  std::uint64_t budget = 50'000'000);
/// The actors `from` reaches (forward) or is reached from (backward) before the removal and not after,
/// sorted; one walk: first around the removed actors, then on through them.
[[nodiscard]] std::vector<ActorIndex> reach_lost_by_removal(const QueryIndex& index, ActorIndex from, bool forward,
                                                            const std::vector<char>& removed);
/// what_if through the cache's index for the options' filter and direction.
[[nodiscard]] WhatIfResult what_if(QueryCache& cache, const std::vector<ActorIndex>& removed,
                                   std::optional<std::pair<ActorIndex, ActorIndex>> between, const WhatIfOptions& options);

}  // namespace actorgraph
