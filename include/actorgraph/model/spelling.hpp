#pragma once
// Suggestions for misspelt words (kinds, types, property names, commands): "did you mean".
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace actorgraph {

/// Levenshtein distance: the fewest single-byte insertions, deletions and substitutions from a to b.
[[nodiscard]] std::size_t edit_distance(std::string_view a, std::string_view b);
/// The candidate closest to the text ignoring case, when it is close enough to be what was meant.
[[nodiscard]] std::optional<std::string> closest_word(std::string_view text, std::span<const std::string> candidates);
/// "unknown WHAT 'TEXT'. Did you mean 'X'? Known: a, b, c" ("unknown WHAT 'TEXT'; known: a, b, c" when none is close).
[[nodiscard]] std::string unknown_word_message(std::string_view what, std::string_view text,
                                               std::span<const std::string> known);

}  // namespace actorgraph
