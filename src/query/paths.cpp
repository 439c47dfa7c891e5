#include "actorgraph/query/paths.hpp"

#include <algorithm>
#include <boost/graph/dijkstra_shortest_paths.hpp>
#include <boost/graph/filtered_graph.hpp>
#include <cmath>
#include <functional>
#include <limits>
#include <set>

namespace actorgraph {

namespace {

using Vertex = boost::graph_traits<TraversalGraph>::vertex_descriptor;
using Edge = boost::graph_traits<TraversalGraph>::edge_descriptor;
constexpr double unreachable = std::numeric_limits<double>::infinity();

struct TargetReached {};

// Records the edge each vertex was reached by, and stops the search at the target.
template <typename G>
class PathRecorder : public boost::default_dijkstra_visitor {
public:
    PathRecorder(std::vector<std::optional<typename boost::graph_traits<G>::edge_descriptor>>& via, Vertex target)
        : via_(via), target_(target) {}
    void edge_relaxed(typename boost::graph_traits<G>::edge_descriptor edge, const G& graph) { via_[boost::target(edge, graph)] = edge; }
    void examine_vertex(Vertex vertex, const G&) { if (vertex == target_) throw TargetReached{}; }

private:
    std::vector<std::optional<typename boost::graph_traits<G>::edge_descriptor>>& via_;
    Vertex target_;
};

// The cheapest path in any BGL graph over the traversal's edges (the whole one or a filtered view).
template <typename G>
std::optional<Path> cheapest_path(const G& graph, Vertex from, Vertex to)
{
    auto count = boost::num_vertices(graph);
    std::vector<std::optional<typename boost::graph_traits<G>::edge_descriptor>> via(count);
    std::vector<double> distance(count, unreachable);
    try {
        boost::dijkstra_shortest_paths(graph, from,
            boost::weight_map(boost::get(&TraversalEdge::cost, graph))
                .distance_map(boost::make_iterator_property_map(distance.begin(), boost::get(boost::vertex_index, graph)))
                .visitor(PathRecorder<G>(via, to)));
    } catch (const TargetReached&) {
    }
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

std::optional<Edge> edge_for(const TraversalGraph& graph, Vertex from, RelationIndex relation)
{
    for (auto [it, end] = boost::out_edges(from, graph); it != end; ++it) {
        if (graph[*it].relation == relation) return *it;
    }
    return std::nullopt;
}

bool same_prefix(const Path& path, const Path& root, std::size_t length)
{
    if (path.actors.size() <= length) return false;
    return std::equal(root.actors.begin(), root.actors.begin() + static_cast<std::ptrdiff_t>(length) + 1, path.actors.begin()) &&
           std::equal(root.relations.begin(), root.relations.begin() + static_cast<std::ptrdiff_t>(length), path.relations.begin());
}

// Yen's algorithm: each next path deviates from an earlier one at a spur actor.
std::vector<Path> yen_paths(const TraversalGraph& graph, Vertex from, Vertex to, std::size_t wanted,
                            const std::function<bool(const Path&)>& accept)
{
    std::vector<Path> found;
    std::vector<Path> accepted;
    auto first = cheapest_path(graph, from, to);
    if (!first) return accepted;
    auto by_cost = [](const Path& a, const Path& b) {
        return std::tie(a.cost, a.actors, a.relations) < std::tie(b.cost, b.actors, b.relations);
    };
    std::set<Path, decltype(by_cost)> candidates(by_cost);
    candidates.insert(*first);
    constexpr std::size_t max_rounds = 20000;  // bounds the search when `accept` rejects most paths
    for (std::size_t round = 0; round < max_rounds && accepted.size() < wanted && !candidates.empty(); ++round) {
        Path current = *candidates.begin();
        candidates.erase(candidates.begin());
        found.push_back(current);
        if (accept(current)) accepted.push_back(current);
        for (std::size_t spur = 0; spur + 1 < current.actors.size(); ++spur) {
            std::set<Edge> removed_edges;
            std::vector<char> removed_vertices(boost::num_vertices(graph), 0);
            for (const auto& earlier : found) {
                if (!same_prefix(earlier, current, spur)) continue;
                if (auto edge = edge_for(graph, earlier.actors[spur], earlier.relations[spur])) removed_edges.insert(*edge);
            }
            for (std::size_t i = 0; i < spur; ++i) removed_vertices[current.actors[i]] = 1;
            SpurFilter keep{&removed_edges, &removed_vertices};
            boost::filtered_graph<TraversalGraph, SpurFilter, SpurFilter> spur_graph(graph, keep, keep);
            auto tail = cheapest_path(spur_graph, current.actors[spur], to);
            if (!tail) continue;
            Path joined;
            joined.actors.assign(current.actors.begin(), current.actors.begin() + static_cast<std::ptrdiff_t>(spur));
            joined.relations.assign(current.relations.begin(), current.relations.begin() + static_cast<std::ptrdiff_t>(spur));
            for (std::size_t i = 0; i < spur; ++i) joined.cost += graph[*edge_for(graph, current.actors[i], current.relations[i])].cost;
            joined.actors.insert(joined.actors.end(), tail->actors.begin(), tail->actors.end());
            joined.relations.insert(joined.relations.end(), tail->relations.begin(), tail->relations.end());
            joined.cost += tail->cost;
            candidates.insert(std::move(joined));
        }
    }
    return accepted;
}

// Every path of the lowest cost, enumerated backwards along edges that lie on a cheapest path.
std::vector<Path> all_cheapest_paths(const TraversalGraph& graph, Vertex from, Vertex to, std::size_t limit)
{
    std::vector<double> distance(boost::num_vertices(graph), unreachable);
    boost::dijkstra_shortest_paths(graph, from,
        boost::weight_map(boost::get(&TraversalEdge::cost, graph)).distance_map(distance.data()));
    std::vector<Path> paths;
    if (distance[to] == unreachable) return paths;
    Path partial;
    partial.actors.push_back(static_cast<ActorIndex>(to));
    auto tight = [&](Edge edge) {
        auto tail = boost::source(edge, graph);
        auto expected = distance[tail] + graph[edge].cost;
        return distance[tail] != unreachable && std::abs(expected - distance[boost::target(edge, graph)]) <= 1e-9 * (1 + expected);
    };
    std::function<void(Vertex)> walk = [&](Vertex at) {
        if (paths.size() >= limit) return;
        if (at == from) {
            Path path{{partial.actors.rbegin(), partial.actors.rend()}, {partial.relations.rbegin(), partial.relations.rend()}, distance[to]};
            paths.push_back(std::move(path));
            return;
        }
        for (auto [it, end] = boost::in_edges(at, graph); it != end; ++it) {
            if (!tight(*it)) continue;
            partial.actors.push_back(static_cast<ActorIndex>(boost::source(*it, graph)));
            partial.relations.push_back(graph[*it].relation);
            walk(boost::source(*it, graph));
            partial.actors.pop_back();
            partial.relations.pop_back();
        }
    };
    walk(to);
    std::sort(paths.begin(), paths.end(), [](const Path& a, const Path& b) { return std::tie(a.actors, a.relations) < std::tie(b.actors, b.relations); });
    return paths;
}

}  // namespace

WeightTransform parse_weight_transform(std::string_view text)
{
    if (text == "inverse") return WeightTransform::inverse;
    if (text == "direct") return WeightTransform::direct;
    throw Error("unknown weight transform '" + std::string(text) + "'; expected inverse or direct");
}

std::vector<double> relation_costs(const Graph& graph, const std::string& weight, WeightTransform transform)
{
    std::vector<double> costs(graph.relation_count(), 1.0);
    if (weight.empty()) return costs;
    std::vector<std::optional<double>> values(graph.relation_count());
    double largest = 0;
    for (RelationIndex index = 0; index < graph.relation_count(); ++index) {
        auto value = parse_number(property_or_empty(graph.relation(index).properties, weight));
        if (value && *value > 0) values[index] = *value;
        if (values[index]) largest = std::max(largest, *value);
    }
    double weakest = 1.0;
    for (RelationIndex index = 0; index < graph.relation_count(); ++index) {
        if (!values[index]) continue;
        costs[index] = transform == WeightTransform::inverse ? largest / *values[index] : *values[index];
        weakest = std::max(weakest, costs[index]);
    }
    for (RelationIndex index = 0; index < graph.relation_count(); ++index) {
        if (!values[index]) costs[index] = weakest;
    }
    return costs;
}

std::vector<Path> find_paths(const Graph& graph, ActorIndex from, ActorIndex to, const PathOptions& options)
{
    Traversal traversal(graph, options.filter, options.direction);
    if (!traversal.keeps(from) || !traversal.keeps(to)) return {};
    auto costs = relation_costs(graph, options.weight, options.transform);
    auto& bgl = traversal.graph();
    for (auto [it, end] = boost::edges(bgl); it != end; ++it) bgl[*it].cost = costs[bgl[*it].relation];
    auto within_hops = [&](const Path& path) { return !options.max_hops || path.relations.size() <= *options.max_hops; };
    if (options.all_shortest) {
        auto paths = all_cheapest_paths(bgl, from, to, options.limit);
        std::erase_if(paths, [&](const Path& path) { return !within_hops(path); });
        return paths;
    }
    return yen_paths(bgl, from, to, std::max<std::size_t>(options.k, 1), within_hops);
}

Selection selection_of(const std::vector<Path>& paths)
{
    Selection selection;
    for (const auto& path : paths) {
        selection.actors.insert(selection.actors.end(), path.actors.begin(), path.actors.end());
        selection.relations.insert(selection.relations.end(), path.relations.begin(), path.relations.end());
    }
    selection.normalize();
    return selection;
}

}  // namespace actorgraph
