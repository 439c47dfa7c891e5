#pragma once
// How far apart two spellings are, for "did you mean" suggestions.
#include <cstddef>
#include <string_view>

namespace actorgraph {

/// The Levenshtein distance between two byte strings (insertions, deletions, substitutions).
[[nodiscard]] std::size_t edit_distance(std::string_view a, std::string_view b);

}  // namespace actorgraph
