#pragma once
// Compile-time rules of single clauses that need no scope: what DELETE takes, what shortestPath searches.
#include <functional>
#include <string>

#include "cypher/parse/ast.hpp"

namespace actorgraph::cypher {

/// DELETE takes entities: `n:Label` is REMOVE's business, and a literal or arithmetic is never an entity.
void check_deleted_expression(const ast::Expression& expression);

/// Neo4j's rules for shortestPath(...) and allShortestPaths(...): one relationship, from length 0 or 1.
void check_shortest_part(const ast::PatternPart& part);

/// CALL { ... }: whether its first clause is an importing WITH, one that names a variable from outside
/// (`is_outer` tells) or is `WITH *`. Any other leading WITH starts from no variables.
[[nodiscard]] bool is_importing_with(const ast::Clause& first, const std::function<bool(const std::string&)>& is_outer);

}  // namespace actorgraph::cypher
