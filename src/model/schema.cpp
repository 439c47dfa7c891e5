#include "actorgraph/model/schema.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <string>

namespace actorgraph {

namespace schema {

namespace {

// is_known_kind and is_known_relation_type spell the words out for is_word.
static_assert(kinds == std::array<std::string_view, 4>{"state", "organization", "company", "official"});
static_assert(relation_types == std::array<std::string_view, 4>{"investment", "pressure", "partnership", "affiliation"});

}  // namespace

bool is_known_kind(std::string_view kind)
{
    return is_word(kind, "state") || is_word(kind, "organization") || is_word(kind, "company") ||
           is_word(kind, "official");
}

bool is_known_relation_type(std::string_view type)
{
    return is_word(type, "investment") || is_word(type, "pressure") || is_word(type, "partnership") ||
           is_word(type, "affiliation");
}

}  // namespace schema

namespace {

std::string_view trim(std::string_view text)
{
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
    return text;
}

}  // namespace

std::optional<double> parse_number(std::string_view text)
{
    text = trim(text);
    if (text.empty()) return std::nullopt;
    if (text.front() == '+') text.remove_prefix(1);
    double value = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc{} || end != text.data() + text.size() || !std::isfinite(value)) return std::nullopt;
    return value;
}

std::optional<int> parse_year(std::string_view text)
{
    // Nearly every year is plain digits: read those at once (trimming and from_chars were most of validating).
    if (!text.empty() && text.size() <= 9) {
        int value = 0;
        auto digits = std::all_of(text.begin(), text.end(), [&](char c) {
            value = value * 10 + (c - '0');
            return c >= '0' && c <= '9';
        });
        if (digits) return value;
    }
    text = trim(text);
    int value = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || ec != std::errc{} || end != text.data() + text.size()) return std::nullopt;
    return value;
}

std::string_view trim_spaces(std::string_view text)
{
    while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
    while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
    return text;
}

std::vector<std::string> split_list(std::string_view text, std::string_view separators)
{
    std::vector<std::string> pieces;
    while (!text.empty()) {
        auto end = text.find_first_of(separators);
        auto piece = trim_spaces(text.substr(0, end));
        if (!piece.empty()) pieces.emplace_back(piece);
        if (end == std::string_view::npos) break;
        text.remove_prefix(end + 1);
    }
    return pieces;
}

namespace {

std::string lower_ascii(std::string_view text)
{
    std::string lower(text);
    for (char& c : lower) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return lower;
}

}  // namespace

std::string normalize_kind(std::string_view kind)
{
    auto lower = lower_ascii(kind);
    return schema::is_known_kind(lower) ? lower : std::string(kind);
}

std::string normalize_relation_type(std::string_view type)
{
    auto lower = lower_ascii(type);
    return schema::is_known_relation_type(lower) ? lower : std::string(type);
}

std::string_view property_or_empty(const Properties& properties, std::string_view name)
{
    auto it = properties.find(name);
    return it == properties.end() ? std::string_view{} : std::string_view{it->second};
}

std::optional<YearSpan> year_span(const Properties& properties)
{
    if (auto year = parse_year(property_or_empty(properties, schema::year))) return YearSpan{*year, *year};
    auto since = parse_year(property_or_empty(properties, schema::since));
    auto until = parse_year(property_or_empty(properties, schema::until));
    if (!since && !until) return std::nullopt;
    YearSpan span;
    if (since) span.first = *since;
    if (until) span.last = *until;
    return span;
}

}  // namespace actorgraph
