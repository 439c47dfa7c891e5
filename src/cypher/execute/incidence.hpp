#pragma once
// The relationships a pattern may walk from a node, shared by the depth-first and the shortest-path matching.
#include <span>

#include "actorgraph/model/graph.hpp"
#include "cypher/parse/ast.hpp"

namespace actorgraph::cypher {

// The relationships at a node in a direction, indexable without copying: outgoing, then incoming ones
// (for Either, a self-loop is met once, among the outgoing).
struct Incident {
    std::span<const RelationIndex> out, in;
    [[nodiscard]] std::size_t size() const noexcept { return out.size() + in.size(); }
    [[nodiscard]] RelationIndex operator[](std::size_t i) const noexcept { return i < out.size() ? out[i] : in[i - out.size()]; }
};

inline Incident incident(const Graph& graph, ActorIndex node, ast::Direction direction)
{
    Incident result;
    if (direction != ast::Direction::Incoming) result.out = graph.out_relations(node);
    if (direction != ast::Direction::Outgoing) result.in = graph.in_relations(node);
    return result;
}

inline bool is_self_loop_seen_twice(const Graph& graph, const Incident& at, std::size_t i, ast::Direction direction)
{
    if (direction != ast::Direction::Either || i < at.out.size()) return false;
    const auto& relation = graph.relation(at[i]);
    return relation.source == relation.target;
}

inline ActorIndex other_end(const Relation& relation, ActorIndex from)
{
    return relation.source == from ? relation.target : relation.source;
}

}  // namespace actorgraph::cypher
