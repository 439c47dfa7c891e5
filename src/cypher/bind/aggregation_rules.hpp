#pragma once
// Neo4j's rules for expressions that mix aggregation with other values, checked at compile time:
// - in a projection item that aggregates, what stands outside the aggregate calls must be a grouping key
//   that is a variable or a property of one (`n.age + count(*)` with `n.age` projected), a literal or a
//   parameter; anything else is AmbiguousAggregationExpression;
// - after an aggregating projection, an ORDER BY item that aggregates, and after DISTINCT any ORDER BY item,
//   reads only what the projection keeps: its column names and expressions equal to projected ones; another
//   variable is UndefinedVariable.
#include <string>
#include <vector>

#include "cypher/parse/ast.hpp"

namespace actorgraph::cypher {

/// `names` are the projection's column names (with `*`, the variables it carries).
void check_projection_aggregation(const ast::Projection& projection, bool aggregating, const std::vector<std::string>& names);

}  // namespace actorgraph::cypher
