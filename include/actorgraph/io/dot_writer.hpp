#pragma once
// Writes the model as DOT that reads back to the same actors, relations and properties.
#include <string>
#include <string_view>

#include "actorgraph/model/graph.hpp"

namespace actorgraph {

/// The whole graph as a DOT digraph; kind, type, label, aliases and every property are attributes.
[[nodiscard]] std::string write_dot(const Graph& graph);
/// One actor's statement as write_dot writes it (`id [kind=..., ...];`, no indent or newline).
[[nodiscard]] std::string dot_actor_statement(const Actor& actor);
/// One relation's statement as write_dot writes it (`a -> b [type=...];`, `--` in an undirected graph).
[[nodiscard]] std::string dot_relation_statement(const Graph& graph, RelationIndex index);
/// A DOT double-quoted string literal for any text (quotes escaped, backslashes kept).
[[nodiscard]] std::string quote_dot(std::string_view text);

}  // namespace actorgraph
