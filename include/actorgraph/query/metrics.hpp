#pragma once
// Influence metrics over the filtered graph: degree, betweenness (exact, or sampled on large
// graphs), PageRank.
#include <cstdint>
#include <string>
#include <vector>

#include "actorgraph/query/query_index.hpp"

namespace actorgraph {

class QueryCache;

enum class Metric { degree, in_degree, out_degree, betweenness, pagerank };

/// Parses "degree", "in-degree", "out-degree", "betweenness" or "pagerank"; throws Error otherwise.
[[nodiscard]] Metric parse_metric(std::string_view text);
/// The name parse_metric accepts.
[[nodiscard]] std::string_view metric_name(Metric metric);

struct MetricOptions {
    GraphFilter filter;       ///< relations and actors that count
    bool undirected = false;  ///< treat relations as undirected for betweenness and PageRank
    double damping = 0.85;    ///< PageRank damping factor
    std::size_t pagerank_rounds = 20;            ///< power-iteration rounds, as Boost.Graph and Neo4j GDS default to
    std::size_t exact_betweenness_limit = 5000;  ///< kept actors up to which betweenness is exact
    std::size_t betweenness_samples = 32;        ///< source actors sampled above that limit
    std::uint64_t sample_seed = 1;               ///< the same seed samples the same sources
};

/// A metric's scores and how they were obtained.
struct MetricResult {
    std::vector<double> values;  ///< per actor, as compute_metric returns them
    bool sampled = false;        ///< betweenness estimated from a sample of source actors
    std::size_t samples = 0;     ///< source actors betweenness counted paths from (0 for other metrics)
};

/// The metric for every actor (0 for actors the filter drops). Degree counts relations;
/// betweenness is Brandes' on the simple graph; PageRank sums to 1 over kept actors.
[[nodiscard]] std::vector<double> compute_metric(const Graph& graph, Metric metric, const MetricOptions& options);
/// compute_metric through the cache's index for the options' filter.
[[nodiscard]] std::vector<double> compute_metric(QueryCache& cache, Metric metric, const MetricOptions& options);
/// The metric with whether betweenness was sampled and from how many sources: exact up to
/// `exact_betweenness_limit` kept actors, above it Brandes from `betweenness_samples` random
/// sources, scaled up to estimate the sum over all of them.
[[nodiscard]] MetricResult compute_metric_result(const Graph& graph, Metric metric, const MetricOptions& options);
/// compute_metric_result through the cache's index for the options' filter.
[[nodiscard]] MetricResult compute_metric_result(QueryCache& cache, Metric metric, const MetricOptions& options);

/// An actor and its score.
struct RankedActor {
    ActorIndex actor = 0;
    double score = 0;
};

/// Actors kept by the filter, highest score first (ties by id), at most `top` of them (0 = all).
[[nodiscard]] std::vector<RankedActor> rank_actors(const Graph& graph, Metric metric, const MetricOptions& options,
                                                   std::size_t top);
/// rank_actors through the cache's index for the options' filter.
[[nodiscard]] std::vector<RankedActor> rank_actors(QueryCache& cache, Metric metric, const MetricOptions& options,
                                                   std::size_t top);
/// A ranking and how its scores were obtained.
struct MetricRanking {
    std::vector<RankedActor> actors;  ///< highest first, at most `top`
    std::size_t of = 0;               ///< actors the filter keeps, all of them ranked
    bool sampled = false;             ///< betweenness estimated from a sample of source actors
    std::size_t samples = 0;          ///< how many source actors were sampled
};

/// rank_actors through the cache, saying whether betweenness was sampled and from how many sources.
[[nodiscard]] MetricRanking rank_actors_result(QueryCache& cache, Metric metric, const MetricOptions& options,
                                               std::size_t top);
/// The actors ordered by their scores (indexed by actor), highest first (ties by id), at most `top` (0 = all):
/// ranks a MetricResult over, for example, QueryIndex::kept_actors().
[[nodiscard]] std::vector<RankedActor> rank_scores(const Graph& graph, const std::vector<ActorIndex>& actors,
                                                   const std::vector<double>& scores, std::size_t top);

}  // namespace actorgraph
