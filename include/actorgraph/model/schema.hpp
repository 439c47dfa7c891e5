#pragma once
// The built-in vocabulary of influence graphs and the well-known properties.
#include <array>
#include <cstring>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "actorgraph/model/properties.hpp"

namespace actorgraph {

namespace schema {

inline constexpr std::array<std::string_view, 4> kinds{"state", "organization", "company", "official"};
inline constexpr std::array<std::string_view, 4> relation_types{"investment", "pressure", "partnership", "affiliation"};

inline constexpr std::string_view year = "year";
inline constexpr std::string_view since = "since";
inline constexpr std::string_view until = "until";
inline constexpr std::string_view amount_usd = "amount_usd";
inline constexpr std::string_view source = "source";
inline constexpr std::string_view confidence = "confidence";
inline constexpr std::string_view note = "note";
inline constexpr std::string_view description = "description";

/// True when the text is exactly the word: a comparison at a length the compiler knows, so a few loads
/// instead of a memcmp call (checks run it millions of times).
template <std::size_t N>
[[nodiscard]] bool is_word(std::string_view text, const char (&word)[N]) noexcept
{
    return text.size() == N - 1 && std::memcmp(text.data(), word, N - 1) == 0;
}

/// True for one of the four built-in actor kinds.
[[nodiscard]] bool is_known_kind(std::string_view kind);
/// True for one of the four built-in relation types.
[[nodiscard]] bool is_known_relation_type(std::string_view type);

}  // namespace schema

/// Parses a whole string as a finite number ("1.5e6", " 42 "); nullopt for anything else.
[[nodiscard]] std::optional<double> parse_number(std::string_view text);
/// Parses a whole string as an integer year; nullopt for anything else.
[[nodiscard]] std::optional<int> parse_year(std::string_view text);

/// The years a relation holds: `year` alone, or `since`..`until` (open ends allowed).
struct YearSpan {
    int first = std::numeric_limits<int>::min();
    int last = std::numeric_limits<int>::max();
    /// True when the span shares at least one year with [from, to].
    [[nodiscard]] bool overlaps(int from, int to) const { return first <= to && last >= from; }
};

/// The span of a property set, or nullopt when it carries no usable year.
[[nodiscard]] std::optional<YearSpan> year_span(const Properties& properties);

/// Splits on any of the separators, trims spaces and drops empty pieces ("a; b;;c" -> a, b, c).
[[nodiscard]] std::vector<std::string> split_list(std::string_view text, std::string_view separators = ";");
/// The text without leading and trailing spaces.
[[nodiscard]] std::string_view trim_spaces(std::string_view text);
/// A built-in kind spelled in any case ("State") as the schema spells it; other kinds as written.
[[nodiscard]] std::string normalize_kind(std::string_view kind);
/// A built-in relation type spelled in any case ("INVESTMENT") as the schema spells it; others as written.
[[nodiscard]] std::string normalize_relation_type(std::string_view type);

/// The value of a property, or an empty view when it is absent.
[[nodiscard]] std::string_view property_or_empty(const Properties& properties, std::string_view name);

}  // namespace actorgraph
