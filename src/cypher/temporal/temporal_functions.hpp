#pragma once
// The temporal functions of the language (date(), datetime.fromepoch(), duration.between(), ...) and the
// operators and properties of temporal values, as the evaluator calls them.
#include <span>

#include "cypher/execute/functions.hpp"
#include "cypher/parse/ast.hpp"

namespace actorgraph::cypher {

/// date, date.truncate, date.statement, ..., localtime, time, localdatetime, datetime, datetime.fromepoch,
/// datetime.fromepochmillis, duration, duration.between, duration.inmonths, duration.indays, duration.inseconds.
[[nodiscard]] std::span<const ScalarFunction> temporal_functions();

/// `+`, `-`, `*`, `/` when an operand is a temporal value; nullopt when neither is.
[[nodiscard]] std::optional<Value> temporal_operator(ast::Operator op, const Value& left, const Value& right,
                                                     QueryPosition where);
/// value.key on a temporal value (d.year, dt.timezone, dur.days); an unknown key is an error with a suggestion.
[[nodiscard]] Value temporal_property(const Value& value, const std::string& key, QueryPosition where);

}  // namespace actorgraph::cypher
