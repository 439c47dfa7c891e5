#pragma once
// openCypher's operators on values: arithmetic (int64 overflow is an error), concatenation, comparison,
// membership and the string predicates, each propagating null as the language defines.
#include "actorgraph/cypher/value.hpp"
#include "cypher/parse/ast.hpp"

namespace actorgraph::cypher {

/// A binary operator other than AND/OR/XOR (those are three-valued and short-circuit in the evaluator).
[[nodiscard]] Value apply_binary(ast::Operator op, const Value& left, const Value& right, QueryPosition where);
/// - and + on a number.
[[nodiscard]] Value apply_sign(ast::Operator op, const Value& operand, QueryPosition where);
/// A comparison operator's three-valued answer.
[[nodiscard]] Value compare_values(ast::Operator op, const Value& left, const Value& right);
/// Whether a comparison holds as a WHERE sees it (true only when compare_values answers true); two floats or
/// two integers in an ordering are compared directly, for the scans that compare a property on every row.
[[nodiscard]] bool comparison_holds(ast::Operator op, const Value& left, const Value& right);
/// x IN list, three-valued.
[[nodiscard]] Value membership(const Value& element, const Value& list, QueryPosition where);
/// The three-valued boolean, or a TypeError naming what the operator needed.
[[nodiscard]] std::optional<bool> to_condition(const Value& value, QueryPosition where);

}  // namespace actorgraph::cypher
