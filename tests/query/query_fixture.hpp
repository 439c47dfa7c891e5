#pragma once
// The hand-made influence graph (tests/data/dot/influence.gv) shared by the query tests.
#include <string>
#include <vector>

#include "actorgraph/io/dot_reader.hpp"
#include "test_support.hpp"

namespace actorgraph::testing {

/// The test graph, read once per test.
[[nodiscard]] inline Graph influence_graph() { return read_dot_file(test_data("dot/influence.gv")); }

/// The ids of actors, in order.
[[nodiscard]] inline std::vector<std::string> ids_of(const Graph& graph, const std::vector<ActorIndex>& actors)
{
    std::vector<std::string> ids;
    for (auto actor : actors) ids.push_back(graph.actor(actor).id);
    return ids;
}

}  // namespace actorgraph::testing
