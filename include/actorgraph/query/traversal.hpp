#pragma once
// A Boost.Graph view of the model for one filter and direction, for callers that want BGL's own
// algorithms on the filtered graph. The queries themselves walk a QueryIndex (query_index.hpp),
// which is built faster and walked without BGL's per-edge indirections.
#include <boost/graph/adjacency_list.hpp>

#include "actorgraph/query/filter.hpp"

namespace actorgraph {

/// How relations may be walked: along their direction, against it, or both ways.
enum class Direction { follow, reverse, any };

/// Parses "follow", "reverse" or "any"; throws Error otherwise.
[[nodiscard]] Direction parse_direction(std::string_view text);

/// One walkable step: the relation it uses.
struct TraversalEdge {
    RelationIndex relation = 0;
    double cost = 1.0;
};

using TraversalGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS,
                                             boost::no_property, TraversalEdge>;

/// The walkable graph: vertex i is actor i; filtered-out actors have no edges.
class Traversal {
public:
    /// Builds the graph of kept relations, oriented by the direction (both ways for `any`).
    Traversal(const Graph& graph, const GraphFilter& filter, Direction direction);

    [[nodiscard]] const TraversalGraph& graph() const noexcept { return bgl_; }
    [[nodiscard]] TraversalGraph& graph() noexcept { return bgl_; }
    /// True when the filter kept the actor.
    [[nodiscard]] bool keeps(ActorIndex actor) const { return kept_.at(actor) != 0; }

private:
    TraversalGraph bgl_;
    std::vector<char> kept_;
};

}  // namespace actorgraph
