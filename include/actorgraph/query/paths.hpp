#pragma once
// Paths of influence between two actors: shortest, weighted, k shortest (Yen) and all shortest.
#include <optional>
#include <string>
#include <vector>

#include "actorgraph/query/query_index.hpp"

namespace actorgraph {

class QueryCache;

/// How a numeric relation property becomes a walking cost.
enum class WeightTransform {
    inverse,  ///< cost = largest value / value: the strongest tie costs 1 (for amounts, strengths)
    direct,   ///< cost = value (for distances, delays)
};

/// Parses "inverse" or "direct"; throws Error otherwise.
[[nodiscard]] WeightTransform parse_weight_transform(std::string_view text);

struct PathOptions {
    GraphFilter filter;                   ///< relation types, kinds, years the paths may use
    Direction direction = Direction::follow;
    std::size_t k = 1;                    ///< how many loopless paths, cheapest first (Yen)
    bool all_shortest = false;            ///< every path of the lowest cost instead of k
    std::string weight;                   ///< numeric relation property; empty counts hops
    WeightTransform transform = WeightTransform::inverse;
    std::optional<std::size_t> max_hops;  ///< longer paths are not returned
    std::size_t limit = 1000;             ///< cap on paths returned by all_shortest
    /// k counts every combination of parallel relations as its own path; otherwise (the default)
    /// k counts distinct actor sequences and each hop lists its parallel relations.
    bool parallel = false;
    /// Rank by the weakest evidence on the path (highest first, see evidence.hpp), then by cost;
    /// ungraded relations rank below every grade. Needs a QueryCache or Graph overload.
    bool rank_by_evidence = false;
    /// Only paths whose hops never go back in time (see time_respecting_path): the one with fewest hops.
    bool time_respecting = false;
};

/// One path: actors from start to end and the relations between consecutive actors.
struct Path {
    std::vector<ActorIndex> actors;
    std::vector<RelationIndex> relations;
    double cost = 0;  ///< hops, or the sum of weights
    /// Unless PathOptions::parallel: per hop, every kept relation joining the same two actors the
    /// way the hop walks (its own relation included), in relation order.
    std::vector<std::vector<RelationIndex>> parallel;
};

/// The paths from one actor to another for the options, cheapest first; empty when none exists.
/// Builds the index for the options' filter and direction first; a QueryCache saves that step.
[[nodiscard]] std::vector<Path> find_paths(const Graph& graph, ActorIndex from, ActorIndex to, const PathOptions& options);
/// find_paths through the cache's index and costs for the options, built on their first use.
[[nodiscard]] std::vector<Path> find_paths(QueryCache& cache, ActorIndex from, ActorIndex to, const PathOptions& options);
/// find_paths over a prebuilt index, which must answer the options' filter and direction (Error
/// otherwise); `costs` is relation_costs for the options' weight, unused when it is empty. Weighted,
/// each call first lays the costs along the index (one pass over its steps); a QueryCache keeps them.
[[nodiscard]] std::vector<Path> find_paths(const QueryIndex& index, ActorIndex from, ActorIndex to,
                                           const PathOptions& options, const std::vector<double>& costs);

/// The walking cost of each relation under a weight property and transform; relations
/// without a usable positive value cost as much as the weakest tie that has one.
/// Throws Error when no relation has the weight property (naming the ones relations have, with a "did you
/// mean") or when none of its values is a number.
[[nodiscard]] std::vector<double> relation_costs(const Graph& graph, const std::string& weight, WeightTransform transform);
/// The relation properties with at least one numeric value, sorted: what a weight may be.
[[nodiscard]] std::vector<std::string> numeric_relation_properties(const Graph& graph);

/// The weakest `confidence` grade on the path (see evidence.hpp); nullopt when a relation on it
/// is ungraded or its grade is not valid.
[[nodiscard]] std::optional<ConfidenceGrade> weakest_evidence(const Graph& graph, const Path& path);

/// Everything the paths touch, for rendering and highlighting.
[[nodiscard]] Selection selection_of(const std::vector<Path>& paths);

}  // namespace actorgraph
