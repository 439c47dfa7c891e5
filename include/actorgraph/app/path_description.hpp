#pragma once
// A path told step by step, the one wording the CLI prints and the explorer's Paths panel shows.
#include <string>
#include <vector>

#include "actorgraph/query/paths.hpp"

namespace actorgraph {

/// One relation of a path and the actors at its ends, in the order the path walks.
struct PathStep {
    std::string from;       ///< the actor walked from (display name)
    std::string from_kind;  ///< its kind, "?" when it has none
    std::string to;
    std::string to_kind;
    std::string type;       ///< the relation's type, empty when it has none
    std::string summary;    ///< type and the facts that date and weigh it: "investment year=2012 amount_usd=1e9"
    std::string years;      ///< "2012", "2009–2015" or empty
    bool against = false;   ///< walked against the relation's direction (a directed relation to `from`)
    bool undirected = false;
    std::string source;     ///< where the relation is documented, empty when unknown
    std::vector<std::string> parallel;  ///< summaries of the other relations the path could take on this step
};

/// The steps of the path (relation i joins actors i and i+1).
[[nodiscard]] std::vector<PathStep> describe_path(const Graph& graph, const Path& path);
/// The type with the facts that date and weigh it, "(no type)" for an untyped relation.
[[nodiscard]] std::string relation_summary(const Relation& relation);
/// The Paths panel's heading of path `number` (1-based): "Path 2: 3 steps, cost 3, weakest evidence B3",
/// or "..., not all graded" when a relation on it carries no (valid) confidence grade.
[[nodiscard]] std::string path_heading(const Graph& graph, const Path& path, std::size_t number);

}  // namespace actorgraph
