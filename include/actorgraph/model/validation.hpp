#pragma once
// Checks a graph against the schema and the dataset conventions.
#include "actorgraph/model/graph.hpp"

namespace actorgraph {

/// What `validate` checks beyond the reader's own warnings.
struct ValidationOptions {
    /// Also require a kind and a source everywhere, no isolated actors and no name shared by two actors.
    bool strict = false;
};

/// Schema findings: unknown kinds and relation types, malformed years and amounts.
[[nodiscard]] Diagnostics check_schema(const Graph& graph);
/// All findings for the options: the reader's warnings, schema findings and, when strict, the conventions.
[[nodiscard]] Diagnostics validate(const Graph& graph, const ValidationOptions& options);

}  // namespace actorgraph
