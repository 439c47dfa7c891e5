#pragma once
// Synthetic influence graphs with the shape of real ones, for benchmarks and scale tests.
#include <cstdint>

#include "actorgraph/model/graph.hpp"

namespace actorgraph {

struct SyntheticGraphOptions {
    std::size_t actors = 1000;
    double relations_per_actor = 4.0;  ///< about this many relations per actor in all
    std::uint64_t seed = 1;
};

/// A deterministic graph for the options: kinds in realistic shares (mostly companies and
/// officials, few states), power-law degrees by preferential attachment, typed relations that
/// fit their endpoints' kinds, years 1990–2025, amounts on investments, and a source on each.
[[nodiscard]] Graph generate_synthetic_graph(const SyntheticGraphOptions& options);

}  // namespace actorgraph
