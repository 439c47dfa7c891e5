#pragma once
// Which variables of the row an expression reads, for the plans that evaluate an expression earlier or fewer
// times than the clause order says: a WHERE conjunct checked as soon as its variables are bound in a pattern
// (matcher.cpp), grouping keys worked out once per node (grouping.cpp).
#include <optional>
#include <string>
#include <vector>

#include "cypher/parse/ast.hpp"

namespace actorgraph::cypher {

/// The variables `expression` reads, when it is a plain function of them: only literals, parameters,
/// variables, property and element access, operators, CASE, label checks and non-aggregating functions that
/// answer the same for the same arguments. nullopt for anything else (patterns, subqueries, comprehensions,
/// which bring variables of their own; aggregates; rand() and the clock), which must be evaluated where it is.
[[nodiscard]] std::optional<std::vector<std::string>> plain_reads(const ast::Expression& expression);

/// Every variable name `expression` mentions, at any depth (duplicates kept).
[[nodiscard]] std::vector<std::string> variables_read(const ast::Expression& expression);

/// The operands of a chain of ANDs (`a AND (b AND c)` gives a, b, c); the expression itself when it is no AND.
[[nodiscard]] std::vector<const ast::Expression*> conjuncts(const ast::Expression& expression);

}  // namespace actorgraph::cypher
