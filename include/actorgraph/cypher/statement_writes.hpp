#pragma once
// Whether a statement may change the graph, known before it runs.
#include <string_view>

namespace actorgraph::cypher {

/// Whether the statement has an updating clause (CREATE, MERGE, SET, REMOVE, DELETE), that is whether running it
/// may change the graph: a caller may run the others on a graph it shares with readers on other threads.
/// Throws Error, as Session::run does, for a statement that does not parse.
[[nodiscard]] bool statement_writes(std::string_view statement);

}  // namespace actorgraph::cypher
