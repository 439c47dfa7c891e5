#include "actorgraph/query/query_cache.hpp"

#include <algorithm>

#include "query/pagerank_graph.hpp"

namespace actorgraph {

QueryCache::QueryCache(const Graph& graph, std::size_t capacity) : graph_(&graph), capacity_(std::max<std::size_t>(capacity, 1)) {}

std::shared_ptr<const QueryIndex> QueryCache::index(const GraphFilter& filter, Direction direction)
{
    std::lock_guard lock(mutex_);
    return index_locked(filter, direction);
}

std::shared_ptr<const QueryIndex> QueryCache::index_locked(const GraphFilter& filter, Direction direction)
{
    auto found = std::find_if(indexes_.begin(), indexes_.end(), [&](const auto& index) { return index->answers(filter, direction); });
    if (found != indexes_.end()) {
        std::rotate(found, found + 1, indexes_.end());
        return indexes_.back();
    }
    if (indexes_.size() >= capacity_) indexes_.erase(indexes_.begin());
    indexes_.push_back(std::make_shared<const QueryIndex>(*graph_, filter, direction));
    return indexes_.back();
}

std::shared_ptr<const std::vector<double>> QueryCache::costs(const std::string& weight, WeightTransform transform)
{
    std::lock_guard lock(mutex_);
    return costs_locked(weight, transform);
}

std::shared_ptr<const std::vector<double>> QueryCache::costs_locked(const std::string& weight, WeightTransform transform)
{
    auto found = std::find_if(costs_.begin(), costs_.end(),
                              [&](const Costs& entry) { return entry.weight == weight && entry.transform == transform; });
    if (found != costs_.end()) {
        std::rotate(found, found + 1, costs_.end());
        return costs_.back().values;
    }
    if (costs_.size() >= capacity_) costs_.erase(costs_.begin());
    costs_.push_back({weight, transform, std::make_shared<const std::vector<double>>(relation_costs(*graph_, weight, transform))});
    return costs_.back().values;
}

// Step costs with the index and relation costs they point into, so neither can go first.
struct QueryCache::Weighted {
    Weighted(std::shared_ptr<const QueryIndex> built_for, std::string weight_name, WeightTransform weight_transform,
             std::shared_ptr<const std::vector<double>> relation_costs)
        : index(std::move(built_for)), weight(std::move(weight_name)), transform(weight_transform),
          costs(std::move(relation_costs)), steps(*index, *costs) {}

    std::shared_ptr<const QueryIndex> index;
    std::string weight;
    WeightTransform transform;
    std::shared_ptr<const std::vector<double>> costs;
    StepCosts steps;
};

std::shared_ptr<const StepCosts> QueryCache::step_costs(const GraphFilter& filter, Direction direction,
                                                        const std::string& weight, WeightTransform transform)
{
    std::lock_guard lock(mutex_);
    auto built_for = index_locked(filter, direction);
    auto found = std::find_if(weighted_.begin(), weighted_.end(), [&](const auto& entry) {
        return entry->index == built_for && entry->weight == weight && entry->transform == transform;
    });
    if (found != weighted_.end()) {
        std::rotate(found, found + 1, weighted_.end());
    } else {
        if (weighted_.size() >= capacity_) weighted_.erase(weighted_.begin());
        weighted_.push_back(std::make_shared<const Weighted>(built_for, weight, transform, costs_locked(weight, transform)));
    }
    const auto& entry = weighted_.back();
    return {entry, &entry->steps};  // shares ownership of the whole entry
}

// A PageRank graph and the index it was built from, held weakly: the graph is a copy, so an index
// the cache has dropped need not stay in memory for it, and then no request matches the entry.
struct QueryCache::Ranked {
    std::weak_ptr<const QueryIndex> index;
    std::shared_ptr<const PageRankGraph> graph;
};

std::shared_ptr<const PageRankGraph> QueryCache::pagerank_graph(const GraphFilter& filter, Direction direction)
{
    std::lock_guard lock(mutex_);
    auto built_for = index_locked(filter, direction);
    auto found = std::find_if(ranked_.begin(), ranked_.end(), [&](const auto& entry) { return entry->index.lock() == built_for; });
    if (found != ranked_.end()) {
        std::rotate(found, found + 1, ranked_.end());
    } else {
        if (ranked_.size() >= capacity_) ranked_.erase(ranked_.begin());
        auto graph = std::make_shared<const PageRankGraph>(make_pagerank_graph(*built_for));
        ranked_.push_back(std::make_shared<const Ranked>(Ranked{built_for, std::move(graph)}));
    }
    return ranked_.back()->graph;
}

std::size_t QueryCache::index_count()
{
    std::lock_guard lock(mutex_);
    return indexes_.size();
}

void QueryCache::clear()
{
    std::lock_guard lock(mutex_);
    indexes_.clear();
    costs_.clear();
    weighted_.clear();
    ranked_.clear();
}

}  // namespace actorgraph
