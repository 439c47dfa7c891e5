#pragma once
// Evaluates expressions over one row, with openCypher's null propagation and three-valued logic.
#include <unordered_map>
#include <utility>
#include <vector>

#include "cypher/execute/context.hpp"
#include "cypher/parse/ast.hpp"

namespace actorgraph::cypher {

/// The values of a projection's aggregate calls for the group being projected.
using AggregateValues = std::unordered_map<const ast::Expression*, Value>;

class Evaluator {
public:
    Evaluator(Context& context, const Columns& columns, const Row& row, const AggregateValues* aggregates = nullptr)
        : context_(context), columns_(columns), row_(row), aggregates_(aggregates)
    {
    }

    Value eval(const ast::Expression& expression);
    /// A predicate: true only for true (null and false reject); a non-boolean is a TypeError.
    bool holds(const ast::Expression& expression);

private:
    Value variable(const ast::Expression& expression) const;
    /// The variable's value where it is kept (the row or a comprehension's local).
    const Value& variable_value(const ast::Expression& expression) const;
    Value parameter(const ast::Expression& expression) const;
    Value unary(const ast::Expression& expression);
    Value binary(const ast::Expression& expression);
    Value logical(const ast::Expression& expression);
    Value comparison_chain(const ast::Expression& expression);
    Value property(const ast::Expression& expression);
    Value subscript(const ast::Expression& expression);
    Value slice(const ast::Expression& expression);
    Value list_literal(const ast::Expression& expression);
    Value map_literal(const ast::Expression& expression);
    Value function_call(const ast::Expression& expression);
    Value case_expression(const ast::Expression& expression);
    Value list_comprehension(const ast::Expression& expression);
    Value quantifier(const ast::Expression& expression);
    Value reduce(const ast::Expression& expression);
    Value pattern_comprehension(const ast::Expression& expression);
    Value pattern_predicate(const ast::Expression& expression);
    Value existential(const ast::Expression& expression);         // subquery.cpp
    Value counted_subquery(const ast::Expression& expression);    // subquery.cpp
    Value collected_subquery(const ast::Expression& expression);  // subquery.cpp
    Value map_projection(const ast::Expression& expression);
    Value label_check(const ast::Expression& expression);
    Value aggregate(const ast::Expression& expression) const;
    /// The row's columns and values with the comprehension variables in scope added, for nested matching.
    std::pair<Columns, Row> flattened_scope() const;

    Context& context_;
    const Columns& columns_;
    const Row& row_;
    const AggregateValues* aggregates_;
    std::vector<std::pair<std::string, Value>> locals_;  ///< comprehension variables, innermost last
};

/// Property access on any value: a node's, relationship's or map's key; null for null; else a TypeError.
[[nodiscard]] Value property_of(Context& context, const Value& value, const std::string& key, QueryPosition where);

}  // namespace actorgraph::cypher
