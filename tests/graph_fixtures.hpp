#pragma once
// Graphs shared by the format tests, and a field-by-field comparison of two graphs.
#include "actorgraph/model/graph.hpp"

namespace actorgraph::testing {

/// A graph with every field and every well-known property, plus free ones, custom kinds and types.
[[nodiscard]] Graph sample_graph();

/// Expects the same actors (id, label, kind, aliases, properties) and relations (endpoints,
/// type, properties, orientation) in the same order; the graph names too when `compare_names` is set.
void expect_same_graph(const Graph& expected, const Graph& actual, bool compare_names = false);

}  // namespace actorgraph::testing
