#pragma once
// What the binder knows of a value's type before the statement runs: the kind of a variable (a node from a
// pattern, a number from `WITH 1 AS n`) and of an expression from its form alone. Uses it can never fit
// (`MATCH (n)` after `WITH 1 AS n`, `labels(path)`, `1 IN true`) are errors at compile time, as Neo4j's are.
#include <functional>
#include <string>

#include "cypher/parse/ast.hpp"

namespace actorgraph::cypher {

enum class StaticKind { Node, Relationship, Path, Any, Boolean, Integer, Float, String, List, Map };

/// "a node", "an integer", ... for messages.
[[nodiscard]] std::string static_kind_name(StaticKind kind);

/// The kind the expression always has (Any when its form does not tell); `variable_kind` answers for variables.
[[nodiscard]] StaticKind static_kind(const ast::Expression& expression,
                                     const std::function<StaticKind(const std::string&)>& variable_kind);

/// The kind every element of a list literal has (`['a', 'b']` holds strings); Any when they differ or it is
/// not a literal.
[[nodiscard]] StaticKind element_kind(const ast::Expression& list,
                                      const std::function<StaticKind(const std::string&)>& variable_kind);

/// Throws SyntaxError (InvalidArgumentType) for - * / % ^ on an operand that is never a number (`'a' % 2`).
void check_arithmetic(const ast::Expression& binary, StaticKind left, StaticKind right);

/// Throws SyntaxError (InvalidArgumentType) when a function gets an argument of a kind it never takes
/// (`type(node)`, `length(relationship)`, `properties(1)`); `kinds` are the arguments' static kinds.
void check_argument_kinds(const ast::Expression& call, const std::vector<StaticKind>& kinds);

/// Throws for a property read on something that has none: TypeError (InvalidArgumentType) at compile time
/// for a value (`WITH 1 AS n RETURN n.x`), SyntaxError (InvalidArgumentType) for a path, as the TCK files them.
void check_property_access(const ast::Expression& property, StaticKind base);

/// Throws SyntaxError (InvalidArgumentType) when `x IN list`'s list is known not to be one.
void check_membership(const ast::Expression& in, StaticKind list);

/// Throws SyntaxError (InvalidArgumentType) when a WHERE is known not to be a boolean (`WHERE (n)`).
void check_predicate(const ast::Expression& predicate, StaticKind kind);

}  // namespace actorgraph::cypher
