#include "actorgraph/query/traversal.hpp"

namespace actorgraph {

Direction parse_direction(std::string_view text)
{
    if (text == "follow") return Direction::follow;
    if (text == "reverse") return Direction::reverse;
    if (text == "any") return Direction::any;
    throw Error("unknown direction '" + std::string(text) + "'; expected follow, reverse or any");
}

Traversal::Traversal(const Graph& graph, const GraphFilter& filter, Direction direction)
    : bgl_(graph.actor_count()), kept_(graph.actor_count(), 0)
{
    for (ActorIndex index = 0; index < graph.actor_count(); ++index) kept_[index] = filter.keeps_actor(graph.actor(index));
    for (RelationIndex index = 0; index < graph.relation_count(); ++index) {
        const auto& relation = graph.relation(index);
        if (!kept_[relation.source] || !kept_[relation.target] || !filter.keeps_relation(relation)) continue;
        bool both = graph.is_undirected(index);  // an undirected relation is walked both ways in any direction
        if (both || direction != Direction::reverse) boost::add_edge(relation.source, relation.target, TraversalEdge{index}, bgl_);
        if (both || direction != Direction::follow) boost::add_edge(relation.target, relation.source, TraversalEdge{index}, bgl_);
    }
}

}  // namespace actorgraph
