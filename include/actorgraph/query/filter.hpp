#pragma once
// Which actors and relations a query or a view considers: kinds, types, years and properties.
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "actorgraph/query/evidence.hpp"
#include "actorgraph/query/selection.hpp"

namespace actorgraph {

/// A test on one property: "name", "name=value", "name!=value", "name>=3", "name<3", "name~text".
struct PropertyCondition {
    enum class Op { exists, equals, not_equals, less, less_equal, greater, greater_equal, contains };
    std::string name;
    Op op = Op::exists;
    std::string value;

    /// Parses the text form; throws Error explaining the expected syntax.
    [[nodiscard]] static PropertyCondition parse(std::string_view text);
    /// True when the properties satisfy the condition (numeric comparison for <, <=, >, >=).
    [[nodiscard]] bool matches(const Properties& properties) const;
    /// Same property, operator and value.
    [[nodiscard]] bool operator==(const PropertyCondition& other) const = default;
};

/// The part of a graph a query or view looks at. Empty sets mean "all".
struct GraphFilter {
    std::set<std::string> kinds;            ///< actor kinds kept
    std::set<std::string> types;            ///< relation types kept
    std::optional<int> year_from;           ///< relations must overlap [year_from, year_to]
    std::optional<int> year_to;
    bool dated_only = false;                ///< with a year range or as_of, drop relations that carry no year
    std::optional<int> as_of;               ///< relations must have held in this year (see held_in)
    std::optional<ConfidenceGrade> min_confidence;  ///< relations must be graded at least this (ungraded ones fail)
    std::vector<PropertyCondition> relation_conditions;
    std::vector<PropertyCondition> actor_conditions;

    /// True when the actor passes the kind and actor-property tests.
    [[nodiscard]] bool keeps_actor(const Actor& actor) const;
    /// True when the relation passes type, year and property tests (endpoints not checked).
    [[nodiscard]] bool keeps_relation(const Relation& relation) const;
    /// True when no test is set.
    [[nodiscard]] bool is_empty() const;
    /// True when no relation test is set, so every relation between kept actors is kept.
    [[nodiscard]] bool keeps_every_relation() const;
    /// True when no actor test is set, so every actor is kept.
    [[nodiscard]] bool keeps_every_actor() const { return kinds.empty() && actor_conditions.empty(); }
    /// Same tests: what a cache of query indexes compares.
    [[nodiscard]] bool operator==(const GraphFilter& other) const = default;
};

/// The actors kept by the filter and the relations kept whose both endpoints are kept;
/// with `hide_isolated`, actors left without any kept relation are dropped.
[[nodiscard]] Selection apply_filter(const Graph& graph, const GraphFilter& filter, bool hide_isolated = false);

/// Spells the filter's kinds and types as the known ones are spelled, matching them ignoring case (a
/// filter keeps every known spelling a value matches); throws Error for a value that matches none,
/// listing the known ones with a "did you mean".
void resolve_vocabulary(GraphFilter& filter, std::span<const std::string> known_kinds,
                        std::span<const std::string> known_types);
/// resolve_vocabulary against the kinds and types the graph holds and the built-in ones.
void resolve_vocabulary(GraphFilter& filter, const Graph& graph);

/// Splits "a,b,c" into a set of trimmed names; throws Error naming `what` when the list is empty.
[[nodiscard]] std::set<std::string> parse_name_list(std::string_view text, std::string_view what);

}  // namespace actorgraph
