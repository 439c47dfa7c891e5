#pragma once
// Where a pattern may stand as a boolean, and what it may mention. Neo4j 5 has no pattern expressions that
// yield lists: `(a)-->(b)` is a predicate only where one is expected (WHERE, NOT/AND/OR/XOR, exists(), a
// comprehension's or a CASE's condition), and it tests variables bound before, introducing none.
#include <functional>
#include <set>
#include <string>

#include "cypher/parse/ast.hpp"

namespace actorgraph::cypher {

using PredicatePositions = std::set<const ast::Expression*>;

/// Adds the operands of `expression` that stand where a predicate is expected.
void mark_predicate_operands(const ast::Expression& expression, PredicatePositions& positions);

/// Throws SyntaxError (UnexpectedSyntax) for a pattern predicate outside a predicate position and
/// SyntaxError (UndefinedVariable) for a variable it would introduce.
void check_pattern_predicate(const ast::Expression& predicate, const PredicatePositions& positions,
                             const std::function<bool(const std::string&)>& is_bound);

}  // namespace actorgraph::cypher
