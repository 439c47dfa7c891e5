#include "actorgraph/query/evidence.hpp"

#include <algorithm>
#include <array>

#include "actorgraph/model/spelling.hpp"

namespace actorgraph {

namespace {

struct NamedGrade {
    std::string_view name;
    ConfidenceGrade grade;
};

constexpr std::array<NamedGrade, 3> words{{{"high", {4, 4}}, {"medium", {3, 3}}, {"low", {2, 2}}}};

std::optional<ConfidenceGrade> admiralty(std::string_view code)
{
    if (code.size() != 2) return std::nullopt;
    char letter = static_cast<char>(code[0] & ~0x20);  // upper case
    char digit = code[1];
    if (letter < 'A' || letter > 'F' || digit < '1' || digit > '6') return std::nullopt;
    int reliability = 'F' - letter;  // A = 5 .. F = 0
    int credibility = '6' - digit;   // 1 = 5 .. 6 = 0
    return ConfidenceGrade{std::min(reliability, credibility), std::max(reliability, credibility)};
}

}  // namespace

std::optional<ConfidenceGrade> parse_confidence(std::string_view text)
{
    auto folded = fold_case(trim_spaces(text));
    for (const auto& word : words) {
        if (folded == word.name) return word.grade;
    }
    return admiralty(folded);
}

ConfidenceGrade parse_confidence_or_throw(std::string_view text, const SourceLocation& where)
{
    if (auto grade = parse_confidence(text)) return *grade;
    auto folded = fold_case(trim_spaces(text));
    std::string suggestion;
    std::size_t closest = 3;  // suggest only words at most two edits away
    for (const auto& word : words) {
        if (auto distance = edit_distance(folded, word.name); distance < closest) {
            closest = distance;
            suggestion = std::string(word.name);
        }
    }
    std::string message = "bad confidence '" + std::string(text) +
                          "'; expected low, medium, high or an Admiralty code A1-F6 (reliability A-F, credibility 1-6)";
    if (!suggestion.empty()) message += "; did you mean '" + suggestion + "'?";
    throw Error(where, message);
}

std::string confidence_name(const ConfidenceGrade& grade)
{
    for (const auto& word : words) {
        if (word.grade == grade) return std::string(word.name);
    }
    // The code with the stronger half as reliability: A3 rather than C1 for the same point.
    std::string code;
    code += static_cast<char>('F' - grade.stronger);
    code += static_cast<char>('6' - grade.weaker);
    return code;
}

std::optional<ConfidenceGrade> relation_confidence(const Relation& relation)
{
    auto value = property_or_empty(relation.properties, schema::confidence);
    if (value.empty()) return std::nullopt;
    return parse_confidence_or_throw(value, relation.where);
}

double evidence_strength(const ConfidenceGrade& grade)
{
    return static_cast<double>(grade.weaker + grade.stronger) / 10.0;
}

}  // namespace actorgraph
