#pragma once
// Compile-time checks of a parsed statement: every variable is in scope where it is read and not bound twice
// where it is introduced, functions exist, aggregates are where they may be, projections name their columns,
// the clauses compose (RETURN last, UNION sides alike). Failures are SemanticError/SyntaxError at compile time.
#include <span>

#include "cypher/parse/ast.hpp"
#include "cypher/procedures/procedure.hpp"

namespace actorgraph::cypher {

/// Throws Error (phase compile) for the first problem found.
/// `defined` are the session's procedures besides the built-in ones.
void bind(const ast::Query& query, std::span<const Procedure> defined = {});

/// Throws ParameterMissing (compile time) for the first $name the statement reads that is not given.
void check_parameters(const ast::Query& query, const Map& parameters, std::span<const Procedure> defined = {});

/// True when any clause of the statement writes (CREATE, MERGE, SET, REMOVE, DELETE).
[[nodiscard]] bool writes(const ast::Query& query);

/// True for the clauses that write (CREATE, MERGE, SET, REMOVE, DELETE).
[[nodiscard]] bool writes(ast::ClauseKind kind);

}  // namespace actorgraph::cypher
