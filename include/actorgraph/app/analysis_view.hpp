#pragma once
// The analyses the explorer runs on what it shows: investment dependence, what if actors were
// removed, and the minimum cut between two actors (src/query does the work). An analysis is part of
// the view (ViewSpec::analysis): it runs in the background compose with the rest of the view, is
// cancelled with it, and its highlight reaches the canvas and the exports through the same scene.
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "actorgraph/query/cut.hpp"
#include "actorgraph/query/dependence.hpp"
#include "actorgraph/query/what_if.hpp"

namespace actorgraph {

/// The investment flowing into a target, between two years (either may be open).
struct DependenceRequest {
    ActorIndex target = 0;
    std::optional<int> from_year;
    std::optional<int> to_year;
    double cap = 1.0 / 3.0;  ///< Mongolia's 2010 rule: no country above a third
    DependenceGrouping group_by = DependenceGrouping::state;
    friend bool operator==(const DependenceRequest&, const DependenceRequest&) = default;
};

/// What breaks when these actors disappear from the view's graph.
struct WhatIfRequest {
    std::vector<ActorIndex> removed;
    friend bool operator==(const WhatIfRequest&, const WhatIfRequest&) = default;
};

/// The fewest actors (or relations) whose removal leaves no route from `from` to `to`.
struct CutRequest {
    ActorIndex from = 0;
    ActorIndex to = 0;
    CutKind kind = CutKind::actors;
    Direction direction = Direction::follow;
    friend bool operator==(const CutRequest&, const CutRequest&) = default;
};

using AnalysisRequest = std::variant<DependenceRequest, WhatIfRequest, CutRequest>;

/// The dependence of the target with the defaults (all years, cap 1/3, by state).
[[nodiscard]] inline DependenceRequest dependence_of(ActorIndex target)
{
    DependenceRequest request;
    request.target = target;
    return request;
}
/// The minimum cut of actors, following the relations' direction.
[[nodiscard]] inline CutRequest cut_between(ActorIndex from, ActorIndex to)
{
    CutRequest request;
    request.from = from;
    request.to = to;
    return request;
}

/// What an analysis found, with what to highlight and a line for the message log.
struct AnalysisOutcome {
    std::variant<std::monostate, DependenceResult, WhatIfResult, CutResult> result;
    Selection highlight;  ///< drawn emphasised (the rest dimmed)
    std::string summary;  ///< "cut Russia → NATO: 3 actors (3 independent routes)"
    std::string error;    ///< why it could not run (the view is still shown); empty on success

    [[nodiscard]] const DependenceResult* dependence() const { return std::get_if<DependenceResult>(&result); }
    [[nodiscard]] const WhatIfResult* what_if() const { return std::get_if<WhatIfResult>(&result); }
    [[nodiscard]] const CutResult* cut() const { return std::get_if<CutResult>(&result); }
};

/// "investment dependence", "what if removed", "minimum cut": for progress lines.
[[nodiscard]] const char* analysis_name(const AnalysisRequest& request);

/// The actors a request names (target; removed; from and to), so an edit can find them again by id.
[[nodiscard]] std::vector<ActorIndex> analysis_actors(const AnalysisRequest& request);
/// The request naming these actors instead (in analysis_actors' order); nullopt when the count differs
/// (an actor was deleted).
[[nodiscard]] std::optional<AnalysisRequest> with_analysis_actors(AnalysisRequest request, const std::vector<ActorIndex>& actors);

/// Checks a request against the graph before it is run: indices in range, a cut between two
/// different actors, something to remove, a cap in (0, 1], years in order. Empty when fine, else why not.
[[nodiscard]] std::string analysis_problem(const Graph& graph, const AnalysisRequest& request);

/// Runs the analysis over the relations and actors `filter` keeps (the view's filter; a
/// dependence keeps its own years instead of the view's). Never throws: a failure is `error`.
/// `queries`, when given, is the graph's query cache.
[[nodiscard]] AnalysisOutcome run_analysis(const Graph& graph, QueryCache* queries, const GraphFilter& filter,
                                           const AnalysisRequest& request);

/// One bar of the dependence chart: a source and its share of the known foreign amount.
struct DependenceBar {
    std::string label;             ///< the source's display name
    double share = 0;              ///< 0..1
    double amount_usd = 0;
    std::size_t relations = 0;
    std::size_t without_amount = 0;
    bool over_cap = false;
};

/// The bars, largest share first, as the dependence panel draws them.
[[nodiscard]] std::vector<DependenceBar> dependence_bars(const Graph& graph, const DependenceResult& result);
/// One line per source over the cap: "Russia holds 50.7% of the known foreign investment (cap 33.3%)".
[[nodiscard]] std::vector<std::string> dependence_alerts(const Graph& graph, const DependenceResult& result);
/// "HHI 4,815 of 10,000 (highly concentrated); 13 of 20 relations carry no amount (not in the shares)".
[[nodiscard]] std::string dependence_overview(const DependenceResult& result);

/// One line per group of actors the removal cut off, largest first, naming its best connected
/// members: "Inner Mongolia (1 actor)". At most `limit` lines.
[[nodiscard]] std::vector<std::string> cut_off_groups(const Graph& graph, const WhatIfResult& result, std::size_t limit = 20);

/// One line per important pair the removal separates, heaviest first: "Mongolia ↔ Tianjin port: both ways lost",
/// "Russia → Inner Mongolia lost (the other way never existed)"; the heading says how they are ranked.
struct LostPairLine {
    ActorIndex first = 0;
    ActorIndex second = 0;
    std::string text;
};
[[nodiscard]] std::vector<LostPairLine> important_pair_lines(const Graph& graph, const WhatIfResult& result);
/// "Most important pairs cut apart (by the product of their degrees before the removal; directed)".
[[nodiscard]] std::string important_pairs_heading(const WhatIfResult& result);

}  // namespace actorgraph
