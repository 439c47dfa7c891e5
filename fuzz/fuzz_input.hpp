#pragma once
// Shared by the fuzz targets: the input as text, and the one exception a reader may throw.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "actorgraph/io/limits.hpp"
#include "actorgraph/model/error.hpp"

namespace actorgraph::fuzzing {

[[nodiscard]] inline std::string_view as_text(const std::uint8_t* data, std::size_t size)
{
    return {reinterpret_cast<const char*>(data), size};
}

/// Fuzzing limits: small enough that one input runs in milliseconds, large enough to reach every
/// code path; a limit error is an expected outcome like any other Error.
[[nodiscard]] inline actorgraph::InputLimits fuzz_limits()
{
    actorgraph::InputLimits limits;
    limits.max_file_bytes = 1 << 20;
    limits.max_tokens = 100'000;
    limits.max_cells = 100'000;
    limits.max_nesting = 200;
    limits.max_attribute_names = 500;
    limits.max_attribute_slots = 200'000;
    return limits;
}

}  // namespace actorgraph::fuzzing
