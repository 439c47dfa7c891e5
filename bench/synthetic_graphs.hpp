#pragma once
// The synthetic graphs the benchmark suites share: one per size, generated on first use, with a
// QueryCache beside each.
#include <cstdint>
#include <cstdlib>
#include <map>
#include <memory>

#include "actorgraph/generate/synthetic_graph.hpp"
#include "actorgraph/query/query_cache.hpp"

namespace actorgraph::bench {

/// ACTORGRAPH_BENCH_ACTORS, or 100000.
inline std::int64_t actors_from_environment()
{
    const char* text = std::getenv("ACTORGRAPH_BENCH_ACTORS");
    auto actors = text ? std::atoll(text) : 0;
    return actors > 1 ? actors : 100000;
}

/// The synthetic graph of this many actors and 4 relations per actor (seed 1).
inline const Graph& synthetic(std::size_t actors)
{
    static std::map<std::size_t, Graph> graphs;
    auto it = graphs.find(actors);
    if (it == graphs.end()) it = graphs.emplace(actors, generate_synthetic_graph({actors, 4.0, 1})).first;
    return it->second;
}

/// A cache of up to 8 indexes for that graph.
inline QueryCache& cache_for(std::size_t actors)
{
    static std::map<std::size_t, std::unique_ptr<QueryCache>> caches;
    auto& cache = caches[actors];
    if (!cache) cache = std::make_unique<QueryCache>(synthetic(actors), 8);
    return *cache;
}

}  // namespace actorgraph::bench
