#pragma once
// The graph PageRank rounds pull over, private to src/query: metrics.cpp runs the rounds and a
// QueryCache keeps one per index, so repeated PageRank queries skip the build.
#include <algorithm>
#include <cstdint>
#include <limits>
#include <vector>

#include "actorgraph/model/error.hpp"
#include "actorgraph/query/query_index.hpp"

namespace actorgraph {

/// The kept actors as vertices with, per vertex, the distinct other vertices relations arrive
/// from (parallel relations merged, relations to oneself dropped, as Boost.Graph's page_rank saw
/// the simple graph). Vertices are numbered by falling in-degree: a round sums each vertex's
/// sources in a loop whose length is the in-degree, and runs of equal lengths let the processor
/// predict where each loop ends instead of mispredicting about once per vertex.
struct PageRankGraph {
    std::vector<ActorIndex> actors;           ///< vertex v is actor actors[v]
    LargeVector<std::uint32_t> offsets;       ///< sources of v are sources[offsets[v] .. offsets[v + 1])
    LargeVector<std::uint32_t> sources;       ///< per vertex in relation order, as before the renumbering
    std::vector<std::uint32_t> out_degree;    ///< how often each vertex is a source

    [[nodiscard]] std::size_t vertex_count() const noexcept { return actors.size(); }
};

namespace pagerank_detail {

/// The kept actors, most arriving steps first (ties in actor order), by a counting sort: the
/// index's step counts include parallel relations, close enough for ordering.
inline std::vector<ActorIndex> by_falling_degree(const QueryIndex& index)
{
    std::size_t largest = 0;
    for (auto actor : index.kept_actors()) largest = std::max(largest, index.backward(actor).size());
    std::vector<std::uint32_t> start(largest + 2, 0);
    for (auto actor : index.kept_actors()) ++start[largest - index.backward(actor).size() + 1];
    for (std::size_t i = 1; i < start.size(); ++i) start[i] += start[i - 1];
    std::vector<ActorIndex> order(index.kept_actors().size());
    for (auto actor : index.kept_actors()) order[start[largest - index.backward(actor).size()]++] = actor;
    return order;
}

}  // namespace pagerank_detail

/// The PageRank graph of an index: arriving steps become each vertex's sources.
inline PageRankGraph make_pagerank_graph(const QueryIndex& index)
{
    constexpr auto none = std::numeric_limits<std::uint32_t>::max();
    // 32-bit offsets halve what a round streams; relation indexes are 32-bit, so only an
    // undirected index of over 2^31 relations could overflow them.
    if (index.backward_steps().size() >= none) throw Error("too many relations for PageRank's 32-bit offsets");
    PageRankGraph graph{pagerank_detail::by_falling_degree(index), {0}, {}, {}};
    auto vertices = static_cast<std::uint32_t>(graph.vertex_count());
    std::vector<std::uint32_t> vertex_of(index.actor_count(), none);
    for (std::uint32_t vertex = 0; vertex < vertices; ++vertex) vertex_of[graph.actors[vertex]] = vertex;
    std::vector<std::uint32_t> listed_by(vertices, none);  // marks sources already listed for a vertex
    graph.offsets.reserve(vertices + 1);
    graph.sources.reserve(index.relation_count());
    graph.out_degree.assign(vertices, 0);
    for (std::uint32_t vertex = 0; vertex < vertices; ++vertex) {
        for (auto step : index.backward(graph.actors[vertex])) {
            auto source = vertex_of[step.actor];
            if (source == vertex || listed_by[source] == vertex) continue;
            listed_by[source] = vertex;
            graph.sources.push_back(source);
            ++graph.out_degree[source];
        }
        graph.offsets.push_back(static_cast<std::uint32_t>(graph.sources.size()));
    }
    return graph;
}

}  // namespace actorgraph
