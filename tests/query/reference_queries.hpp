#pragma once
// The straightforward queries the fast ones replaced, kept as the yardstick the tests compare
// with: plain Boost.Graph searches over a Traversal (an adjacency_list of the filtered graph),
// Yen and all-shortest as they ran on it, and the previous betweenness and PageRank.
#include <algorithm>
#include <boost/graph/betweenness_centrality.hpp>
#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/dijkstra_shortest_paths.hpp>
#include <boost/graph/filtered_graph.hpp>
#include <boost/graph/page_rank.hpp>
#include <cmath>
#include <functional>
#include <limits>
#include <optional>
#include <set>
#include <vector>

#include "actorgraph/query/metrics.hpp"
#include "actorgraph/query/paths.hpp"

namespace actorgraph::testing {

inline constexpr double unreachable = std::numeric_limits<double>::infinity();

/// BGL's Dijkstra leaves unreached vertices at the largest double; this makes them unreachable.
inline void mark_unreached(std::vector<double>& distance)
{
    for (auto& value : distance) {
        if (value == std::numeric_limits<double>::max()) value = unreachable;
    }
}

/// Hop counts from one actor by BGL's breadth_first_search (-1 where not reached).
[[nodiscard]] inline std::vector<int> reference_hops(const Graph& graph, ActorIndex from, const GraphFilter& filter,
                                                     Direction direction)
{
    Traversal traversal(graph, filter, direction);
    std::vector<int> distance(graph.actor_count(), -1);
    if (!traversal.keeps(from)) return distance;
    distance[from] = 0;
    boost::breadth_first_search(traversal.graph(), from, boost::visitor(boost::make_bfs_visitor(
        boost::record_distances(distance.data(), boost::on_tree_edge()))));
    return distance;
}

/// The cheapest cost from one actor to every other by BGL's dijkstra_shortest_paths.
[[nodiscard]] inline std::vector<double> reference_costs(const Graph& graph, ActorIndex from, const GraphFilter& filter,
                                                         Direction direction, const std::vector<double>& costs)
{
    Traversal traversal(graph, filter, direction);
    auto& bgl = traversal.graph();
    for (auto [it, end] = boost::edges(bgl); it != end; ++it) bgl[*it].cost = costs[bgl[*it].relation];
    std::vector<double> distance(graph.actor_count(), unreachable);
    if (!traversal.keeps(from)) return distance;
    boost::dijkstra_shortest_paths(bgl, from, boost::weight_map(boost::get(&TraversalEdge::cost, bgl)).distance_map(distance.data()));
    mark_unreached(distance);
    return distance;
}

namespace reference_detail {

using Vertex = boost::graph_traits<TraversalGraph>::vertex_descriptor;
using Edge = boost::graph_traits<TraversalGraph>::edge_descriptor;

template <typename G>
std::optional<Path> cheapest_path(const G& graph, Vertex from, Vertex to)
{
    auto count = boost::num_vertices(graph);
    std::vector<std::optional<typename boost::graph_traits<G>::edge_descriptor>> via(count);
    std::vector<double> distance(count, unreachable);
    auto index = boost::get(boost::vertex_index, graph);
    boost::dijkstra_shortest_paths(graph, from,
        boost::weight_map(boost::get(&TraversalEdge::cost, graph))
            .distance_map(boost::make_iterator_property_map(distance.begin(), index))
            .visitor(boost::make_dijkstra_visitor(boost::record_edge_predecessors(
                boost::make_iterator_property_map(via.begin(), index), boost::on_edge_relaxed()))));
    if (from != to && !via[to]) return std::nullopt;
    Path path;
    for (Vertex at = to; at != from;) {
        auto edge = *via[at];
        path.relations.push_back(graph[edge].relation);
        path.actors.push_back(static_cast<ActorIndex>(at));
        path.cost += graph[edge].cost;
        at = boost::source(edge, graph);
    }
    path.actors.push_back(static_cast<ActorIndex>(from));
    std::reverse(path.actors.begin(), path.actors.end());
    std::reverse(path.relations.begin(), path.relations.end());
    return path;
}

struct SpurFilter {
    const std::set<Edge>* removed_edges = nullptr;
    const std::vector<char>* removed_vertices = nullptr;
    bool operator()(Edge edge) const { return !removed_edges->contains(edge); }
    bool operator()(Vertex vertex) const { return !(*removed_vertices)[vertex]; }
};

inline std::optional<Edge> edge_for(const TraversalGraph& graph, Vertex from, RelationIndex relation)
{
    for (auto [it, end] = boost::out_edges(from, graph); it != end; ++it) {
        if (graph[*it].relation == relation) return *it;
    }
    return std::nullopt;
}

inline bool same_prefix(const Path& path, const Path& root, std::size_t length)
{
    if (path.actors.size() <= length) return false;
    return std::equal(root.actors.begin(), root.actors.begin() + static_cast<std::ptrdiff_t>(length) + 1, path.actors.begin()) &&
           std::equal(root.relations.begin(), root.relations.begin() + static_cast<std::ptrdiff_t>(length), path.relations.begin());
}

inline Path joined(const TraversalGraph& graph, const Path& current, std::size_t spur, const Path& tail)
{
    Path path;
    path.actors.assign(current.actors.begin(), current.actors.begin() + static_cast<std::ptrdiff_t>(spur));
    path.relations.assign(current.relations.begin(), current.relations.begin() + static_cast<std::ptrdiff_t>(spur));
    for (std::size_t i = 0; i < spur; ++i) path.cost += graph[*edge_for(graph, current.actors[i], current.relations[i])].cost;
    path.actors.insert(path.actors.end(), tail.actors.begin(), tail.actors.end());
    path.relations.insert(path.relations.end(), tail.relations.begin(), tail.relations.end());
    path.cost += tail.cost;
    return path;
}

}  // namespace reference_detail

/// Yen's k cheapest loopless paths on a Traversal with BGL Dijkstra for every spur, as before.
[[nodiscard]] inline std::vector<Path> reference_yen(const Graph& graph, ActorIndex from, ActorIndex to, const PathOptions& options)
{
    using namespace reference_detail;
    Traversal traversal(graph, options.filter, options.direction);
    if (!traversal.keeps(from) || !traversal.keeps(to)) return {};
    auto costs = relation_costs(graph, options.weight, options.transform);
    auto& bgl = traversal.graph();
    for (auto [it, end] = boost::edges(bgl); it != end; ++it) bgl[*it].cost = costs[bgl[*it].relation];
    std::vector<Path> found;
    auto first = cheapest_path(bgl, from, to);
    if (!first) return found;
    auto by_cost = [](const Path& a, const Path& b) { return std::tie(a.cost, a.actors, a.relations) < std::tie(b.cost, b.actors, b.relations); };
    std::set<Path, decltype(by_cost)> candidates(by_cost);
    candidates.insert(*first);
    while (found.size() < options.k && !candidates.empty()) {
        Path current = *candidates.begin();
        candidates.erase(candidates.begin());
        found.push_back(current);
        for (std::size_t spur = 0; spur + 1 < current.actors.size(); ++spur) {
            std::set<Edge> removed_edges;
            std::vector<char> removed_vertices(boost::num_vertices(bgl), 0);
            for (const auto& earlier : found) {
                if (!same_prefix(earlier, current, spur)) continue;
                if (auto edge = edge_for(bgl, earlier.actors[spur], earlier.relations[spur])) removed_edges.insert(*edge);
            }
            for (std::size_t i = 0; i < spur; ++i) removed_vertices[current.actors[i]] = 1;
            SpurFilter keep{&removed_edges, &removed_vertices};
            boost::filtered_graph<TraversalGraph, SpurFilter, SpurFilter> spur_graph(bgl, keep, keep);
            if (auto tail = cheapest_path(spur_graph, current.actors[spur], to)) candidates.insert(joined(bgl, current, spur, *tail));
        }
    }
    return found;
}

/// Every cheapest path (at most `options.limit`), enumerated backwards after a full BGL Dijkstra, as before.
[[nodiscard]] inline std::vector<Path> reference_all_shortest(const Graph& graph, ActorIndex from, ActorIndex to,
                                                              const PathOptions& options)
{
    using reference_detail::Vertex;
    Traversal traversal(graph, options.filter, options.direction);
    auto costs = relation_costs(graph, options.weight, options.transform);
    auto& bgl = traversal.graph();
    for (auto [it, end] = boost::edges(bgl); it != end; ++it) bgl[*it].cost = costs[bgl[*it].relation];
    std::vector<double> distance(boost::num_vertices(bgl), unreachable);
    boost::dijkstra_shortest_paths(bgl, from, boost::weight_map(boost::get(&TraversalEdge::cost, bgl)).distance_map(distance.data()));
    mark_unreached(distance);
    std::vector<Path> paths;
    if (distance[to] == unreachable) return paths;
    Path partial;
    partial.actors.push_back(to);
    std::function<void(Vertex)> walk = [&](Vertex at) {
        if (paths.size() >= options.limit) return;
        if (at == from) {
            paths.push_back({{partial.actors.rbegin(), partial.actors.rend()}, {partial.relations.rbegin(), partial.relations.rend()}, distance[to], {}});
            return;
        }
        for (auto [it, end] = boost::in_edges(at, bgl); it != end; ++it) {
            auto tail = boost::source(*it, bgl);
            double expected = distance[tail] + bgl[*it].cost;
            if (distance[tail] == unreachable || std::abs(expected - distance[at]) > 1e-9 * (1 + expected)) continue;
            partial.actors.push_back(static_cast<ActorIndex>(tail));
            partial.relations.push_back(bgl[*it].relation);
            walk(tail);
            partial.actors.pop_back();
            partial.relations.pop_back();
        }
    };
    walk(to);
    std::sort(paths.begin(), paths.end(), [](const Path& a, const Path& b) { return std::tie(a.actors, a.relations) < std::tie(b.actors, b.relations); });
    return paths;
}

namespace reference_detail {

using SimpleGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS>;

inline SimpleGraph simple_graph(const Graph& graph, const GraphFilter& filter, bool undirected)
{
    SimpleGraph simple(graph.actor_count());
    std::set<std::pair<ActorIndex, ActorIndex>> pairs;
    for (auto index : apply_filter(graph, filter).relations) {
        const auto& relation = graph.relation(index);
        if (relation.source == relation.target) continue;
        pairs.emplace(relation.source, relation.target);
        if (undirected) pairs.emplace(relation.target, relation.source);
    }
    for (auto [from, to] : pairs) boost::add_edge(from, to, simple);
    return simple;
}

}  // namespace reference_detail

/// Betweenness as before: BGL's Brandes on an adjacency_list of the simple graph.
[[nodiscard]] inline std::vector<double> reference_betweenness(const Graph& graph, const MetricOptions& options)
{
    auto simple = reference_detail::simple_graph(graph, options.filter, options.undirected);
    std::vector<double> scores(graph.actor_count(), 0.0);
    boost::brandes_betweenness_centrality(simple, boost::make_iterator_property_map(scores.begin(), boost::get(boost::vertex_index, simple)));
    if (options.undirected) {
        for (auto& score : scores) score /= 2;
    }
    return scores;
}

/// PageRank as before: BGL's page_rank (100 rounds unless the options say otherwise) on an
/// adjacency_list of the simple graph.
[[nodiscard]] inline std::vector<double> reference_pagerank(const Graph& graph, const MetricOptions& options)
{
    auto simple = reference_detail::simple_graph(graph, options.filter, options.undirected);
    std::vector<double> scores(graph.actor_count(), 0.0);
    boost::graph::page_rank(simple, boost::make_iterator_property_map(scores.begin(), boost::get(boost::vertex_index, simple)),
                            boost::graph::n_iterations(options.pagerank_rounds), options.damping);
    auto selection = apply_filter(graph, options.filter);
    double total = 0;
    for (auto actor : selection.actors) total += scores[actor];
    for (ActorIndex index = 0; index < graph.actor_count(); ++index) {
        scores[index] = selection.contains_actor(index) && total > 0 ? scores[index] / total : 0.0;
    }
    return scores;
}

}  // namespace actorgraph::testing
