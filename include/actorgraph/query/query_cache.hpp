#pragma once
// Query indexes and relation costs of one graph, built on first use and reused by later queries.
//
// The cache is an object the caller keeps next to its Graph, not a hidden global keyed by the
// graph's address: a graph loaded after another one is freed can land at the same address, and a
// global cache would then answer from the old graph's index. The functions that take a Graph build
// a fresh index per call for that reason (one pass over the relations); keep a QueryCache to skip
// that pass on every query after the first.
#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "actorgraph/query/paths.hpp"
#include "actorgraph/query/query_index.hpp"

namespace actorgraph {

struct PageRankGraph;  // src/query/pagerank_graph.hpp: what PageRank's rounds walk

/// Indexes per (filter, direction) and costs per (weight, transform) of one graph. It refers to
/// the graph, which must outlive it and not change. Threads may share it: an index is built under
/// the cache's lock and, once handed out, is read-only.
class QueryCache {
public:
    /// A cache for the graph keeping at most `capacity` indexes, the least recently used dropped first.
    explicit QueryCache(const Graph& graph, std::size_t capacity = 4);

    /// The graph the cache answers for.
    [[nodiscard]] const Graph& graph() const noexcept { return *graph_; }
    /// The index for the filter and direction, built on the first request.
    [[nodiscard]] std::shared_ptr<const QueryIndex> index(const GraphFilter& filter, Direction direction);
    /// relation_costs(graph, weight, transform), computed on the first request.
    [[nodiscard]] std::shared_ptr<const std::vector<double>> costs(const std::string& weight, WeightTransform transform);
    /// Those costs laid along the steps of the index for the filter and direction (which the
    /// result keeps alive), built on the first request.
    [[nodiscard]] std::shared_ptr<const StepCosts> step_costs(const GraphFilter& filter, Direction direction,
                                                              const std::string& weight, WeightTransform transform);
    /// The graph PageRank walks for the index for the filter and direction (which the result does
    /// not keep alive), built on the first request: it renumbers and merges relations, about as
    /// long as a few PageRank rounds on a million actors.
    [[nodiscard]] std::shared_ptr<const PageRankGraph> pagerank_graph(const GraphFilter& filter, Direction direction);
    /// How many indexes are held now.
    [[nodiscard]] std::size_t index_count();
    /// Drops every index and cost table (results handed out stay valid).
    void clear();

private:
    struct Costs {
        std::string weight;
        WeightTransform transform;
        std::shared_ptr<const std::vector<double>> values;
    };

    struct Weighted;
    struct Ranked;

    [[nodiscard]] std::shared_ptr<const QueryIndex> index_locked(const GraphFilter& filter, Direction direction);
    [[nodiscard]] std::shared_ptr<const std::vector<double>> costs_locked(const std::string& weight, WeightTransform transform);

    std::mutex mutex_;
    const Graph* graph_;
    std::size_t capacity_;
    std::vector<std::shared_ptr<const QueryIndex>> indexes_;  ///< most recently used last
    std::vector<Costs> costs_;                                ///< most recently used last
    std::vector<std::shared_ptr<const Weighted>> weighted_;   ///< most recently used last
    std::vector<std::shared_ptr<const Ranked>> ranked_;       ///< most recently used last
};

}  // namespace actorgraph
