#include "actorgraph/query/communities.hpp"

#include <igraph/igraph.h>

#include <algorithm>
#include <map>
#include <memory>
#include <mutex>
#include <vector>

#include "actorgraph/query/query_cache.hpp"

namespace actorgraph {

namespace {

void check(igraph_error_t code, const char* what)
{
    if (code != IGRAPH_SUCCESS) throw Error(std::string("communities: igraph failed in ") + what + ": " + igraph_strerror(code));
}

// Owners of igraph's C objects, destroyed on every path out.
struct IntVector {
    igraph_vector_int_t value;
    explicit IntVector(igraph_integer_t size) { check(igraph_vector_int_init(&value, size), "igraph_vector_int_init"); }
    ~IntVector() { igraph_vector_int_destroy(&value); }
    IntVector(const IntVector&) = delete;
    IntVector& operator=(const IntVector&) = delete;
};
struct RealVector {
    igraph_vector_t value;
    explicit RealVector(igraph_integer_t size) { check(igraph_vector_init(&value, size), "igraph_vector_init"); }
    ~RealVector() { igraph_vector_destroy(&value); }
    RealVector(const RealVector&) = delete;
    RealVector& operator=(const RealVector&) = delete;
};
struct UndirectedGraph {
    igraph_t value;
    UndirectedGraph(const IntVector& edges, igraph_integer_t vertices)
    {
        check(igraph_create(&value, &edges.value, vertices, IGRAPH_UNDIRECTED), "igraph_create");
    }
    ~UndirectedGraph() { igraph_destroy(&value); }
    UndirectedGraph(const UndirectedGraph&) = delete;
    UndirectedGraph& operator=(const UndirectedGraph&) = delete;
};

// Debian's igraph is built without thread-local state (IGRAPH_THREAD_SAFE is 0): its error handler and
// random generator are globals, so one call at a time (the explorer's background compose and a
// Cypher procedure may run at once).
std::mutex igraph_use;

// igraph reports errors through a handler that aborts by default; ours returns the code instead.
struct QuietErrors {
    igraph_error_handler_t* previous = igraph_set_error_handler(igraph_error_handler_ignore);
    QuietErrors() = default;
    ~QuietErrors() { igraph_set_error_handler(previous); }
    QuietErrors(const QuietErrors&) = delete;
    QuietErrors& operator=(const QuietErrors&) = delete;
};

struct Ties {
    std::vector<ActorIndex> actors;                         ///< vertex i of igraph is actor actors[i]
    std::map<std::pair<igraph_integer_t, igraph_integer_t>, double> weights;  ///< parallel relations summed
};

Ties ties_of(const QueryIndex& index)
{
    Ties ties;
    ties.actors = index.kept_actors();
    std::vector<igraph_integer_t> vertex(index.actor_count(), -1);
    for (std::size_t i = 0; i < ties.actors.size(); ++i) vertex[ties.actors[i]] = static_cast<igraph_integer_t>(i);
    // Each kept relation once: from its source's side, whichever way the index walks it.
    auto count = [&](ActorIndex actor, std::span<const QueryStep> steps) {
        for (const auto& step : steps) {
            const auto& relation = index.graph().relation(step.relation);
            if (relation.source != actor || relation.source == relation.target) continue;
            auto a = vertex[relation.source], b = vertex[relation.target];
            ties.weights[{std::min(a, b), std::max(a, b)}] += 1.0;
        }
    };
    for (auto actor : ties.actors) {
        count(actor, index.forward(actor));
        if (index.direction() != Direction::any) count(actor, index.backward(actor));
    }
    return ties;
}

Communities numbered(const QueryIndex& index, const Ties& ties, const igraph_vector_int_t& membership, double modularity)
{
    Communities communities;
    communities.modularity = modularity;
    communities.of.assign(index.actor_count(), Communities::none);
    std::map<igraph_integer_t, std::vector<ActorIndex>> by_label;
    for (std::size_t i = 0; i < ties.actors.size(); ++i) {
        by_label[VECTOR(membership)[static_cast<igraph_integer_t>(i)]].push_back(ties.actors[i]);
    }
    for (auto& [label, actors] : by_label) communities.groups.push_back(std::move(actors));
    std::sort(communities.groups.begin(), communities.groups.end(), [](const auto& a, const auto& b) {
        return std::make_pair(b.size(), a.front()) < std::make_pair(a.size(), b.front());
    });
    for (std::size_t group = 0; group < communities.groups.size(); ++group) {
        for (auto actor : communities.groups[group]) communities.of[actor] = static_cast<std::int64_t>(group);
    }
    return communities;
}

// igraph's "iterate until nothing changes" (n_iterations < 0) never returns when the partition keeps
// changing, as it does on small graphs at a resolution of 2 or more (`a -> b` alone): one iteration at
// a time from the last partition, stopped when it holds or after a bound.
void leiden_until_stable(const UndirectedGraph& graph, const RealVector& weights, const RealVector& strength,
                         double resolution, IntVector& membership)
{
    constexpr int most_iterations = 50;
    std::vector<igraph_integer_t> previous;
    for (int iteration = 0; iteration < most_iterations; ++iteration) {
        igraph_integer_t clusters = 0;
        check(igraph_community_leiden(&graph.value, &weights.value, &strength.value, resolution, 0.01, iteration > 0, 1,
                                      &membership.value, &clusters, nullptr),
              "igraph_community_leiden");
        std::vector<igraph_integer_t> current(VECTOR(membership.value), VECTOR(membership.value) + igraph_vector_int_size(&membership.value));
        if (current == previous) return;
        previous = std::move(current);
    }
}

}  // namespace

CommunityMethod parse_community_method(std::string_view text)
{
    if (text == "louvain") return CommunityMethod::louvain;
    if (text == "leiden") return CommunityMethod::leiden;
    throw Error("unknown community method '" + std::string(text) + "'; expected louvain or leiden");
}

Communities find_communities(const QueryIndex& index, const CommunityOptions& options)
{
    if (!(options.resolution > 0)) throw Error("communities: the resolution must be positive");
    std::lock_guard lock(igraph_use);
    QuietErrors quiet;
    auto ties = ties_of(index);
    auto vertices = static_cast<igraph_integer_t>(ties.actors.size());
    IntVector edges(static_cast<igraph_integer_t>(2 * ties.weights.size()));
    RealVector weights(static_cast<igraph_integer_t>(ties.weights.size()));
    igraph_integer_t at = 0;
    double total = 0;
    for (const auto& [ends, weight] : ties.weights) {
        VECTOR(edges.value)[2 * at] = ends.first;
        VECTOR(edges.value)[2 * at + 1] = ends.second;
        VECTOR(weights.value)[at++] = weight;
        total += weight;
    }
    UndirectedGraph graph(edges, vertices);
    IntVector membership(vertices);
    igraph_rng_seed(igraph_rng_default(), static_cast<igraph_uint_t>(options.seed));
    if (total == 0) {
        // No ties: each actor alone (igraph 0.10.2's Leiden does not return on an edgeless graph).
        for (igraph_integer_t vertex = 0; vertex < vertices; ++vertex) VECTOR(membership.value)[vertex] = vertex;
    } else if (options.method == CommunityMethod::louvain) {
        check(igraph_community_multilevel(&graph.value, &weights.value, options.resolution, &membership.value, nullptr, nullptr),
              "igraph_community_multilevel");
    } else {
        // Leiden optimises modularity when each vertex weighs its strength and the resolution is
        // scaled by the total weight (igraph's documented recipe).
        RealVector strength(vertices);
        check(igraph_strength(&graph.value, &strength.value, igraph_vss_all(), IGRAPH_ALL, IGRAPH_LOOPS, &weights.value),
              "igraph_strength");
        double scaled = total > 0 ? options.resolution / (2 * total) : options.resolution;
        leiden_until_stable(graph, weights, strength, scaled, membership);
    }
    igraph_real_t modularity = 0;
    if (total > 0) {
        check(igraph_modularity(&graph.value, &membership.value, &weights.value, options.resolution, IGRAPH_UNDIRECTED, &modularity),
              "igraph_modularity");
    }
    return numbered(index, ties, membership.value, modularity);
}

Communities find_communities(QueryCache& cache, const CommunityOptions& options)
{
    return find_communities(*cache.index(options.filter, Direction::follow), options);
}

Communities find_communities(const Graph& graph, const CommunityOptions& options)
{
    return find_communities(QueryIndex(graph, options.filter, Direction::follow), options);
}

}  // namespace actorgraph
