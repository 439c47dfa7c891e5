#pragma once
// The result of a query: which actors and relations it picks, never a copy of the graph.
#include <vector>

#include "actorgraph/model/graph.hpp"

namespace actorgraph {

/// Actors and relations of one graph, each list sorted and without duplicates.
struct Selection {
    std::vector<ActorIndex> actors;
    std::vector<RelationIndex> relations;

    /// Every actor and relation of the graph.
    [[nodiscard]] static Selection everything(const Graph& graph);
    /// True when the actor is part of the selection (binary search).
    [[nodiscard]] bool contains_actor(ActorIndex actor) const;
    /// True when the relation is part of the selection (binary search).
    [[nodiscard]] bool contains_relation(RelationIndex relation) const;
    [[nodiscard]] bool empty() const noexcept { return actors.empty() && relations.empty(); }
    /// Sorts both lists and removes duplicates.
    void normalize();
    /// The union with another selection.
    void merge(const Selection& other);
};

}  // namespace actorgraph
