#pragma once
// Small random graphs and an exhaustive walk over their simple paths, for tests that check a
// query against brute force.
#include <random>
#include <string>
#include <vector>

#include "actorgraph/model/graph.hpp"

namespace actorgraph::testing {

/// `actors` states a0, a1, ... and `relations` partnerships between random ends (parallel
/// relations and loops included).
[[nodiscard]] inline Graph random_graph(std::mt19937& random, std::size_t actors, std::size_t relations)
{
    Graph graph;
    for (std::size_t i = 0; i < actors; ++i) graph.add_actor({"a" + std::to_string(i), "", "state", {}, {}, {}});
    std::uniform_int_distribution<ActorIndex> pick(0, static_cast<ActorIndex>(actors - 1));
    for (std::size_t i = 0; i < relations; ++i) graph.add_relation({pick(random), pick(random), "partnership", {}, {}});
    return graph;
}

/// Every simple path from `at` to `to` along relations' directions, as relation lists
/// (`on_path` marks the actors already on the path, `at` included).
inline void simple_paths(const Graph& graph, ActorIndex at, ActorIndex to, std::vector<char>& on_path,
                         std::vector<RelationIndex>& relations, std::vector<std::vector<RelationIndex>>& out)
{
    if (at == to) {
        out.push_back(relations);
        return;
    }
    for (auto index : graph.out_relations(at)) {
        auto next = graph.relation(index).target;
        if (on_path[next]) continue;
        on_path[next] = 1;
        relations.push_back(index);
        simple_paths(graph, next, to, on_path, relations, out);
        relations.pop_back();
        on_path[next] = 0;
    }
}

/// Every simple path from one actor to another.
[[nodiscard]] inline std::vector<std::vector<RelationIndex>> simple_paths(const Graph& graph, ActorIndex from, ActorIndex to)
{
    std::vector<char> on_path(graph.actor_count(), 0);
    on_path[from] = 1;
    std::vector<RelationIndex> relations;
    std::vector<std::vector<RelationIndex>> out;
    simple_paths(graph, from, to, on_path, relations, out);
    return out;
}

}  // namespace actorgraph::testing
