#pragma once
// The declared types of property names. The model stores every value as text; a name with a declared type
// (a typed column of an imported file, or a value Cypher wrote) reads back as that type, so a date stays a
// date and `true` a boolean through save and reload. Types are Neo4j's import keywords (neo4j-admin
// import's header types): boolean, long, double, string, date, localtime, time, localdatetime, datetime,
// duration, and arrays of them as `long[]`, whose text is the elements joined by ';' (split_list).
#include <functional>
#include <map>
#include <span>
#include <string>
#include <string_view>

#include "actorgraph/model/properties.hpp"

namespace actorgraph {

/// Name -> type keyword, for the properties of actors or of relations.
class PropertyTypes {
public:
    /// The declared type of the name, or "" when its values are untyped text.
    [[nodiscard]] std::string_view of(std::string_view name) const;
    /// Declares (or re-declares) the name's type; an empty type makes it untyped again.
    void declare(std::string_view name, std::string_view type);
    /// Every declared name and its type, sorted by name.
    [[nodiscard]] const std::map<std::string, std::string, std::less<>>& all() const noexcept { return types_; }

    friend bool operator==(const PropertyTypes&, const PropertyTypes&) = default;

private:
    std::map<std::string, std::string, std::less<>> types_;
};

/// The type with its aliases folded to one keyword (int/integer/short/byte -> long, float -> double, char -> string,
/// lower case, `[]` kept); "" for a type that is none of these (point, or unknown).
[[nodiscard]] std::string canonical_property_type(std::string_view type);

/// Whether the text can be a value of the type: true/false for boolean, an integer for long, a number for
/// double, a temporal-looking text (starting with a digit or a sign, or P for a duration) for the temporal
/// types, each ';'-separated element for an array; anything for string.
[[nodiscard]] bool text_fits_property_type(std::string_view type, std::string_view text);

/// The name's declared type when each of the sets' values of that name fits it (what a typed writer may
/// declare without a typed reader rejecting the file), else "".
[[nodiscard]] std::string_view fitting_property_type(const PropertyTypes& types, std::string_view name,
                                                     std::span<const Properties* const> sets);

}  // namespace actorgraph
