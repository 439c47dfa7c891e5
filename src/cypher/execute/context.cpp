#include "cypher/execute/context.hpp"

namespace actorgraph::cypher {

void Context::check() const
{
    if (limits.cancel && limits.cancel->load(std::memory_order_relaxed)) {
        runtime_error(ErrorClass::ArgumentError, "Cancelled", "the statement was cancelled");
    }
    if (steps > limits.max_expansions) {
        runtime_error(ErrorClass::ArgumentError, "ResourceLimit",
                      "the statement needs more than " + std::to_string(limits.max_expansions) +
                          " matching steps; bound the variable-length patterns or add LIMIT");
    }
}

void Context::check_rows(std::size_t rows) const
{
    if (rows > limits.max_rows) {
        runtime_error(ErrorClass::ArgumentError, "ResourceLimit",
                      "a clause produced more than " + std::to_string(limits.max_rows) + " rows");
    }
}

void runtime_error(ErrorClass error_class, const std::string& detail, const std::string& message, QueryPosition where)
{
    throw Error(error_class, detail, Phase::runtime, message, where);
}

}  // namespace actorgraph::cypher
