#include "actorgraph/model/spelling.hpp"

#include <algorithm>
#include <vector>

#include "actorgraph/model/graph.hpp"

namespace actorgraph {

std::size_t edit_distance(std::string_view a, std::string_view b)
{
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            std::size_t above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = above;
        }
    }
    return row[b.size()];
}

// Close enough: a third of the word may be wrong (at least one letter), or one is a prefix of the other.
std::optional<std::string> closest_word(std::string_view text, std::span<const std::string> candidates)
{
    constexpr std::size_t longest_compared = 256;  // edit distance is quadratic; names are short
    auto folded = fold_case(text.substr(0, longest_compared));
    std::optional<std::string> best;
    std::size_t best_distance = std::max<std::size_t>(1, folded.size() / 3) + 1;
    for (const auto& candidate : candidates) {
        auto other = fold_case(std::string_view(candidate).substr(0, longest_compared));
        if (other.empty()) continue;
        auto distance = edit_distance(folded, other);
        bool prefix = folded.size() >= 3 && (other.starts_with(folded) || folded.starts_with(other));
        if (prefix) distance = std::min<std::size_t>(distance, 1);
        if (distance < best_distance) {
            best_distance = distance;
            best = candidate;
        }
    }
    return best;
}

std::string unknown_word_message(std::string_view what, std::string_view text, std::span<const std::string> known)
{
    std::string message = "unknown " + std::string(what) + " '" + std::string(text) + "'";
    auto suggestion = closest_word(text, known);
    if (suggestion) message += ". Did you mean '" + *suggestion + "'?";
    if (known.empty()) return message + " (there are none)";
    constexpr std::size_t listed = 20;
    message += suggestion ? " Known: " : "; known: ";
    for (std::size_t i = 0; i < known.size() && i < listed; ++i) message += (i ? ", " : "") + known[i];
    if (known.size() > listed) message += ", ... (" + std::to_string(known.size() - listed) + " more)";
    return message;
}

}  // namespace actorgraph
