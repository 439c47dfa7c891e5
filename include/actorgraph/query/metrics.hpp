#pragma once
// Influence metrics over the filtered graph (Boost.Graph): degree, betweenness, PageRank.
#include <string>
#include <vector>

#include "actorgraph/query/traversal.hpp"

namespace actorgraph {

enum class Metric { degree, in_degree, out_degree, betweenness, pagerank };

/// Parses "degree", "in-degree", "out-degree", "betweenness" or "pagerank"; throws Error otherwise.
[[nodiscard]] Metric parse_metric(std::string_view text);
/// The name parse_metric accepts.
[[nodiscard]] std::string_view metric_name(Metric metric);

struct MetricOptions {
    GraphFilter filter;       ///< relations and actors that count
    bool undirected = false;  ///< treat relations as undirected for betweenness and PageRank
    double damping = 0.85;    ///< PageRank damping factor
};

/// The metric for every actor (0 for actors the filter drops). Degree counts relations;
/// betweenness is Brandes' on the simple graph; PageRank sums to 1 over kept actors.
[[nodiscard]] std::vector<double> compute_metric(const Graph& graph, Metric metric, const MetricOptions& options);

/// An actor and its score.
struct RankedActor {
    ActorIndex actor = 0;
    double score = 0;
};

/// Actors kept by the filter, highest score first (ties by id), at most `top` of them (0 = all).
[[nodiscard]] std::vector<RankedActor> rank_actors(const Graph& graph, Metric metric, const MetricOptions& options,
                                                   std::size_t top);

}  // namespace actorgraph
