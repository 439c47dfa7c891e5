#pragma once
// How many actors of each kind and relations of each type a graph holds: what `actorgraph info` prints and
// what the explorer's filters offer.
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "actorgraph/model/graph.hpp"

namespace actorgraph {

/// Names with how often each occurs, sorted by name.
using Tally = std::vector<std::pair<std::string, std::size_t>>;

/// The kinds and types of a graph with their counts.
struct Census {
    Tally kinds;  ///< actors per kind ("" for actors without one)
    Tally types;  ///< relations per type
};

/// Counts the kinds and types of every actor and relation: O(actors + relations), on two threads for a big graph.
[[nodiscard]] Census census_of(const Graph& graph);

}  // namespace actorgraph
