#pragma once
// Text the explorer shows about one actor or relation: inspector rows and hover tooltips.
#include <string>
#include <utility>
#include <vector>

#include "actorgraph/model/graph.hpp"

namespace actorgraph {

/// One relation as seen from an actor.
struct RelationLine {
    RelationIndex relation = 0;
    ActorIndex other = 0;   ///< the actor at the other end
    bool outgoing = true;   ///< true when the inspected actor is the source
    bool undirected = false;  ///< walked both ways: shown with a line, not an arrow
    std::string when;       ///< "2012", "2005–2007", "since 2010" or empty
    std::string amount;     ///< "US$ 1,000,000" or empty
    std::string confidence; ///< "confidence high", "confidence B3" or empty (see confidence_text)
    std::string source;     ///< the source quote, may be empty
};

/// Relations of one type around an actor.
struct RelationGroup {
    std::string type;
    std::vector<RelationLine> lines;
};

/// What the inspector shows for an actor.
struct ActorDetails {
    ActorIndex actor = 0;
    std::vector<std::pair<std::string, std::string>> properties;  ///< id, kind, aliases, then the free ones
    std::vector<RelationGroup> groups;                            ///< by type name, outgoing before incoming
};

/// The inspector's data for an actor (all its relations, regardless of filters).
[[nodiscard]] ActorDetails describe_actor(const Graph& graph, ActorIndex actor);
/// Tooltip lines for an actor: label, kind, description.
[[nodiscard]] std::vector<std::string> actor_tooltip_lines(const Graph& graph, ActorIndex actor);
/// Tooltip lines for a relation: "source → target", type, year, amount, confidence, note, source.
[[nodiscard]] std::vector<std::string> relation_tooltip_lines(const Graph& graph, RelationIndex relation);
/// The years a relation holds as text ("2012", "2005–2007", "since 2010"), or empty.
[[nodiscard]] std::string relation_years_text(const Relation& relation);
/// How solid a relation's evidence is, as text: "high", "B3" (evidence.hpp's canonical names), the
/// value as written with "(not a grade)" when it is none, or empty when the relation has no `confidence`.
[[nodiscard]] std::string confidence_text(const Relation& relation);
/// A dollar amount with thousands separators ("US$ 1,500,000"), or the raw text when not a number.
[[nodiscard]] std::string amount_text(std::string_view amount_usd);

}  // namespace actorgraph
