#pragma once
// What the scalar functions (functions.cpp, string_functions.cpp) share: their argument checks and errors.
#include <cstdint>
#include <random>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "cypher/execute/context.hpp"
#include "cypher/execute/functions.hpp"

namespace actorgraph::cypher {

using Arguments = std::vector<Value>;

/// A function got a value of a type it never takes (TypeError InvalidArgumentType).
[[noreturn]] void wrong_type(std::string_view function, const Value& value, QueryPosition where);
/// A conversion function got a value it cannot convert (TypeError InvalidArgumentValue).
[[noreturn]] void unconvertible(std::string_view function, const Value& value, QueryPosition where);
/// A function got a value of the right type but outside its domain (ArgumentError InvalidArgumentValue).
[[noreturn]] void wrong_value(std::string_view function, const std::string& why, QueryPosition where);

/// Characters (not bytes) of UTF-8 text, and the byte offset of the n-th character (or the end).
[[nodiscard]] std::size_t utf8_length(const std::string& text);
[[nodiscard]] std::size_t utf8_offset(const std::string& text, std::size_t characters);

/// The random numbers of rand() and randomUUID(), one generator per thread.
[[nodiscard]] std::mt19937_64& random_engine();

[[nodiscard]] double number_argument(std::string_view function, const Value& value, QueryPosition where);
[[nodiscard]] std::int64_t integer_argument(std::string_view function, const Value& value, QueryPosition where);

/// The string and conversion functions (toLower ... split, toInteger ... toString).
[[nodiscard]] std::span<const ScalarFunction> string_functions();
/// Neo4j 5's functions beyond openCypher's (extended_functions.cpp).
[[nodiscard]] std::span<const ScalarFunction> extended_functions();

}  // namespace actorgraph::cypher

/// Returns null from the function when any argument is null (openCypher's rule for most functions).
#define NULL_IN_NULL_OUT(args) \
    for (const auto& argument : args) { \
        if (argument.is_null()) return {}; \
    }
