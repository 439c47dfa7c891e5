#pragma once
// Actors within k hops of one or more actors, and the relations among them.
#include <vector>

#include "actorgraph/query/traversal.hpp"

namespace actorgraph {

struct NeighbourhoodOptions {
    GraphFilter filter;
    Direction direction = Direction::any;
    std::size_t depth = 1;
};

/// Actors reachable from the seeds in at most `depth` steps, and the kept relations among them.
[[nodiscard]] Selection neighbourhood(const Graph& graph, const std::vector<ActorIndex>& seeds,
                                      const NeighbourhoodOptions& options);

/// The hop distance of each actor in a neighbourhood search (-1 when not reached).
[[nodiscard]] std::vector<int> hop_distances(const Graph& graph, const std::vector<ActorIndex>& seeds,
                                             const NeighbourhoodOptions& options);

}  // namespace actorgraph
