#pragma once
// The standard scalar functions, and the names of the aggregating ones (see aggregation.hpp).
#include <string>
#include <string_view>
#include <vector>

#include "cypher/execute/context.hpp"

namespace actorgraph::cypher {

/// A scalar function: its lower-case name, its arity and its body.
struct ScalarFunction {
    std::string_view name;
    int min_arguments;
    int max_arguments;
    Value (*call)(Context&, const std::vector<Value>&, QueryPosition);
};

/// True for count, sum, avg, min, max, collect, stDev, stDevP, percentileCont, percentileDisc (any case).
[[nodiscard]] bool is_aggregate_function(std::string_view name);
/// True for a scalar function the engine knows, or an aggregate.
[[nodiscard]] bool is_known_function(std::string_view name);
/// The known function names closest to a misspelt one, for the error's suggestion.
[[nodiscard]] std::string closest_function(std::string_view name);
/// Calls a scalar function (the name in any case) on evaluated arguments.
[[nodiscard]] Value call_function(Context& context, const std::string& name, const std::vector<Value>& arguments,
                                  QueryPosition where);

}  // namespace actorgraph::cypher
