#include "actorgraph/model/property_types.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdint>

#include "actorgraph/model/graph.hpp"
#include "actorgraph/model/schema.hpp"

namespace actorgraph {

namespace {

constexpr std::array<std::pair<std::string_view, std::string_view>, 16> type_keywords{{
    {"boolean", "boolean"}, {"long", "long"}, {"int", "long"}, {"integer", "long"}, {"short", "long"}, {"byte", "long"},
    {"double", "double"}, {"float", "double"}, {"string", "string"}, {"char", "string"}, {"date", "date"},
    {"localtime", "localtime"}, {"time", "time"}, {"localdatetime", "localdatetime"}, {"datetime", "datetime"},
    {"duration", "duration"},
}};

bool is_integer(std::string_view text)
{
    if (!text.empty() && text.front() == '+') text.remove_prefix(1);
    std::int64_t value = 0;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    return !text.empty() && error == std::errc() && end == text.data() + text.size();
}

bool scalar_fits(std::string_view type, std::string_view text)
{
    if (type == "string") return true;
    if (type == "boolean") return text == "true" || text == "false";
    if (type == "long") return is_integer(text);
    if (type == "double") return parse_number(text).has_value() && trim_spaces(text) == text;
    if (text.empty()) return false;
    char first = text.front();
    bool sign_or_digit = first == '-' || first == '+' || (first >= '0' && first <= '9');
    if (type == "duration") return first == 'P' || first == 'p' || ((first == '-' || first == '+') && text.size() > 1);
    return sign_or_digit;
}

}  // namespace

std::string_view PropertyTypes::of(std::string_view name) const
{
    auto found = types_.find(name);
    return found == types_.end() ? std::string_view() : std::string_view(found->second);
}

void PropertyTypes::declare(std::string_view name, std::string_view type)
{
    if (type.empty()) {
        if (auto found = types_.find(name); found != types_.end()) types_.erase(found);
        return;
    }
    types_.insert_or_assign(std::string(name), std::string(type));
}

std::string canonical_property_type(std::string_view type)
{
    bool array = type.ends_with("[]");
    if (array) type.remove_suffix(2);
    auto folded = fold_case(type);
    auto found = std::find_if(type_keywords.begin(), type_keywords.end(),
                              [&](const auto& keyword) { return keyword.first == folded; });
    if (found == type_keywords.end()) return {};
    return std::string(found->second) + (array ? "[]" : "");
}

bool text_fits_property_type(std::string_view type, std::string_view text)
{
    if (!type.ends_with("[]")) return scalar_fits(type, text);
    type.remove_suffix(2);
    for (const auto& element : split_list(text)) {
        if (!scalar_fits(type, element)) return false;
    }
    return true;
}

std::string_view fitting_property_type(const PropertyTypes& types, std::string_view name,
                                       std::span<const Properties* const> sets)
{
    auto type = types.of(name);
    if (type.empty()) return type;
    for (const auto* properties : sets) {
        auto found = properties->find(name);
        if (found != properties->end() && !text_fits_property_type(type, found->second)) return {};
    }
    return type;
}

}  // namespace actorgraph
