#pragma once
// The reference for the core's cut (query/cut.cpp walks unit-capacity augmenting paths over the
// index): the same flow network built explicitly as a Boost.Graph compressed sparse row graph and
// solved with Boost's Boykov-Kolmogorov max-flow, as the core did before. Header-only, tests only.
#include <boost/graph/boykov_kolmogorov_max_flow.hpp>
#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <boost/property_map/property_map.hpp>
#include <limits>

#include "actorgraph/query/cut.hpp"

namespace actorgraph::testing::boost_reference {

// The flow network: a compressed sparse row graph whose edge i is arc i of the list it was built
// from, so capacities, residuals and reverse arcs live in plain vectors indexed by edge.
using FlowGraph = boost::compressed_sparse_row_graph<boost::directedS, boost::no_property, boost::no_property,
                                                     boost::no_property, std::uint32_t, std::uint32_t>;
using FlowEdge = boost::graph_traits<FlowGraph>::edge_descriptor;
using Capacity = std::int64_t;

inline constexpr RelationIndex no_relation = std::numeric_limits<RelationIndex>::max();

struct Arc {
    std::uint32_t from = 0;
    std::uint32_t to = 0;
    Capacity capacity = 0;
    RelationIndex relation = no_relation;  ///< the relation a unit arc stands for (edge cuts)
    std::uint32_t twin = 0;                ///< the reverse arc, as a position in the arc list
};

// Arcs in pairs (forward, reverse with no capacity), as max-flow requires.
class ArcList {
public:
    void add(std::uint32_t from, std::uint32_t to, Capacity capacity, RelationIndex relation)
    {
        auto at = static_cast<std::uint32_t>(arcs_.size());
        arcs_.push_back({from, to, capacity, relation, at + 1});
        arcs_.push_back({to, from, 0, no_relation, at});
    }
    // Sorts the arcs by their tail (a stable counting sort) and renumbers the twins to match.
    std::vector<Arc> sorted(std::size_t vertices)
    {
        std::vector<std::uint32_t> start(vertices + 1, 0);
        for (const auto& arc : arcs_) ++start[arc.from + 1];
        for (std::size_t v = 0; v < vertices; ++v) start[v + 1] += start[v];
        std::vector<std::uint32_t> position(arcs_.size());
        for (std::size_t i = 0; i < arcs_.size(); ++i) position[i] = start[arcs_[i].from]++;
        std::vector<Arc> out(arcs_.size());
        for (std::size_t i = 0; i < arcs_.size(); ++i) {
            out[position[i]] = arcs_[i];
            out[position[i]].twin = position[arcs_[i].twin];
        }
        return out;
    }

private:
    std::vector<Arc> arcs_;
};

// The actors that lie on some route from `from` to `to`: only they can matter to the cut, and on
// sparse graphs they are often far fewer than all actors.
inline std::vector<ActorIndex> actors_on_routes(const QueryIndex& index, ActorIndex from, ActorIndex to)
{
    auto ahead = reachable_actors(index, from, true);
    auto behind = reachable_actors(index, to, false);
    std::vector<ActorIndex> on_routes;
    for (ActorIndex actor = 0; actor < ahead.size(); ++actor) {
        if (ahead[actor] && behind[actor]) on_routes.push_back(actor);
    }
    return on_routes;
}

struct Network {
    std::vector<Arc> arcs;
    std::uint32_t vertices = 0;
    std::uint32_t source = 0;
    std::uint32_t sink = 0;
};

// Actor cut: actor i becomes an entry 2i and an exit 2i+1 joined by one unit of capacity (the
// ends by unlimited capacity); relations join exits to entries with unlimited capacity.
// Relation cut: one vertex per actor and one unit arc per relation.
inline Network build_network(const QueryIndex& index, ActorIndex from, ActorIndex to, CutKind kind,
                      const std::vector<ActorIndex>& on_routes, CutResult& result)
{
    std::vector<std::uint32_t> local(index.actor_count(), std::numeric_limits<std::uint32_t>::max());
    for (std::uint32_t i = 0; i < on_routes.size(); ++i) local[on_routes[i]] = i;
    bool split = kind == CutKind::actors;
    Network network;
    network.vertices = static_cast<std::uint32_t>(on_routes.size() * (split ? 2 : 1));
    ArcList arcs;
    std::size_t steps = 0;
    for (auto actor : on_routes) steps += index.forward(actor).size();
    const Capacity unlimited = static_cast<Capacity>(steps + on_routes.size() + 1);
    auto entry = [&](ActorIndex actor) { return split ? 2 * local[actor] : local[actor]; };
    auto exit = [&](ActorIndex actor) { return split ? 2 * local[actor] + 1 : local[actor]; };
    for (auto actor : on_routes) {
        if (split) arcs.add(entry(actor), exit(actor), actor == from || actor == to ? unlimited : 1, no_relation);
        if (actor == to) continue;  // nothing leaving TO helps a route end there
        for (const auto& step : index.forward(actor)) {
            if (local[step.actor] == std::numeric_limits<std::uint32_t>::max() || step.actor == actor || step.actor == from) continue;
            if (split && actor == from && step.actor == to) {
                result.direct.push_back(step.relation);
                continue;
            }
            arcs.add(exit(actor), entry(step.actor), split ? unlimited : 1, step.relation);
        }
    }
    network.arcs = arcs.sorted(network.vertices);
    network.source = entry(from);
    network.sink = exit(to);
    return network;
}

// Max-flow with Boost.Graph's Boykov-Kolmogorov; returns the flow and leaves the residual
// capacities behind.
inline Capacity max_flow(const Network& network, std::vector<Capacity>& residual)
{
    std::vector<std::pair<std::uint32_t, std::uint32_t>> ends;
    ends.reserve(network.arcs.size());
    for (const auto& arc : network.arcs) ends.emplace_back(arc.from, arc.to);
    FlowGraph graph(boost::edges_are_sorted, ends.begin(), ends.end(), network.vertices);
    std::vector<Capacity> capacity(network.arcs.size());
    std::vector<FlowEdge> edge_at(network.arcs.size());
    for (auto edge : boost::make_iterator_range(boost::edges(graph))) edge_at[boost::get(boost::edge_index, graph, edge)] = edge;
    std::vector<FlowEdge> reverse(network.arcs.size());
    for (std::size_t i = 0; i < network.arcs.size(); ++i) {
        capacity[i] = network.arcs[i].capacity;
        reverse[i] = edge_at[network.arcs[i].twin];
    }
    residual.assign(network.arcs.size(), 0);
    std::vector<FlowEdge> predecessor(network.vertices);
    std::vector<boost::default_color_type> color(network.vertices);
    std::vector<std::int64_t> distance(network.vertices);
    auto edge_index = boost::get(boost::edge_index, graph);
    auto vertex_index = boost::get(boost::vertex_index, graph);
    return boost::boykov_kolmogorov_max_flow(
        graph, boost::make_iterator_property_map(capacity.begin(), edge_index),
        boost::make_iterator_property_map(residual.begin(), edge_index),
        boost::make_iterator_property_map(reverse.begin(), edge_index),
        boost::make_iterator_property_map(predecessor.begin(), vertex_index),
        boost::make_iterator_property_map(color.begin(), vertex_index),
        boost::make_iterator_property_map(distance.begin(), vertex_index), vertex_index, network.source, network.sink);
}

// The size of the minimum cut (the max-flow), with FROM -> TO relations counted apart for an actor cut.
inline std::size_t cut_size(const QueryIndex& index, ActorIndex from, ActorIndex to, CutKind kind)
{
    auto on_routes = actors_on_routes(index, from, to);
    if (!std::binary_search(on_routes.begin(), on_routes.end(), to)) return 0;
    CutResult ignored;
    auto network = build_network(index, from, to, kind, on_routes, ignored);
    std::vector<Capacity> residual;
    return static_cast<std::size_t>(max_flow(network, residual));
}

}  // namespace actorgraph::testing::boost_reference
