#include "actorgraph/app/analysis_view.hpp"

#include <cstdio>
#include <memory>

#include "actorgraph/query/query_cache.hpp"

namespace actorgraph {

namespace {

std::string percent(double share)
{
    char text[32];
    std::snprintf(text, sizeof text, "%.1f%%", share * 100);
    return text;
}

std::string name_of(const Graph& graph, ActorIndex actor) { return graph.actor(actor).display_name(); }

std::string names_of(const Graph& graph, const std::vector<ActorIndex>& actors, std::size_t limit)
{
    std::string text;
    for (std::size_t i = 0; i < actors.size() && i < limit; ++i) text += (i ? ", " : "") + name_of(graph, actors[i]);
    if (actors.size() > limit) text += " and " + with_thousands(actors.size() - limit) + " more";
    return text;
}

std::string plural(std::size_t count, const char* one, const char* many)
{
    return with_thousands(count) + " " + (count == 1 ? one : many);
}

// The dependence keeps its own years; the view's evidence and as-of choices still hold.
GraphFilter dependence_filter(const GraphFilter& view, const DependenceRequest& request)
{
    GraphFilter filter;
    filter.year_from = request.from_year;
    filter.year_to = request.to_year;
    filter.as_of = view.as_of;
    filter.dated_only = view.as_of && view.dated_only;
    filter.min_confidence = view.min_confidence;
    return filter;
}

AnalysisOutcome dependence_outcome(const Graph& graph, const GraphFilter& view, const DependenceRequest& request)
{
    DependenceOptions options;
    options.filter = dependence_filter(view, request);
    options.cap = request.cap;
    options.group_by = request.group_by;
    auto result = investment_dependence(graph, request.target, options);
    AnalysisOutcome outcome;
    outcome.highlight = result.selection();
    auto alerts = result.alerts();
    outcome.summary = "dependence of " + name_of(graph, request.target) + ": " + plural(result.sources.size(), "source", "sources") +
                      ", " + dependence_overview(result) + "; " + plural(alerts.size(), "source", "sources") + " over the cap of " +
                      percent(result.cap);
    outcome.result = std::move(result);
    return outcome;
}

AnalysisOutcome what_if_outcome(const Graph& graph, QueryCache& queries, const GraphFilter& view, const WhatIfRequest& request)
{
    WhatIfOptions options;
    options.filter = view;
    auto result = what_if(queries, request.removed, std::nullopt, options);
    AnalysisOutcome outcome;
    outcome.highlight = result.selection();
    outcome.summary = "what if " + names_of(graph, result.removed, 5) + " were removed: " +
                      plural(result.broken_relations.size(), "relation breaks", "relations break") + ", " +
                      plural(result.cut_off_actors().size(), "actor is", "actors are") + " cut off, " +
                      with_thousands(result.pairs_lost) + " pairs of actors lose every connection";
    outcome.result = std::move(result);
    return outcome;
}

AnalysisOutcome cut_outcome(const Graph& graph, QueryCache& queries, const GraphFilter& view, const CutRequest& request)
{
    CutOptions options;
    options.filter = view;
    options.kind = request.kind;
    options.direction = request.direction;
    auto result = minimum_cut(queries, request.from, request.to, options);
    AnalysisOutcome outcome;
    outcome.highlight = result.selection();
    // The two ends show what is cut from what.
    outcome.highlight.merge(Selection{{request.from, request.to}, {}});
    auto route = name_of(graph, request.from) + " \u2192 " + name_of(graph, request.to);
    if (!result.connected) {
        outcome.summary = "cut " + route + ": no route to cut";
    } else {
        bool actors = request.kind == CutKind::actors;
        outcome.summary = "cut " + route + ": " +
                          (actors ? plural(result.size, "actor", "actors") : plural(result.size, "relation", "relations")) + " (" +
                          plural(result.size, "independent route", "independent routes") + ")";
        if (!result.direct.empty()) {
            outcome.summary += "; and " + plural(result.direct.size(), "direct relation", "direct relations") + " (no cut of other actors removes them)";
        }
    }
    outcome.result = std::move(result);
    return outcome;
}

}  // namespace

const char* analysis_name(const AnalysisRequest& request)
{
    if (std::holds_alternative<DependenceRequest>(request)) return "investment dependence";
    if (std::holds_alternative<WhatIfRequest>(request)) return "what if removed";
    return "minimum cut";
}

std::vector<ActorIndex> analysis_actors(const AnalysisRequest& request)
{
    if (const auto* dependence = std::get_if<DependenceRequest>(&request)) return {dependence->target};
    if (const auto* removal = std::get_if<WhatIfRequest>(&request)) return removal->removed;
    const auto& cut = std::get<CutRequest>(request);
    return {cut.from, cut.to};
}

std::optional<AnalysisRequest> with_analysis_actors(AnalysisRequest request, const std::vector<ActorIndex>& actors)
{
    if (actors.size() != analysis_actors(request).size()) return std::nullopt;
    if (auto* dependence = std::get_if<DependenceRequest>(&request)) dependence->target = actors[0];
    else if (auto* removal = std::get_if<WhatIfRequest>(&request)) removal->removed = actors;
    else {
        auto& cut = std::get<CutRequest>(request);
        cut.from = actors[0];
        cut.to = actors[1];
    }
    return request;
}

std::string analysis_problem(const Graph& graph, const AnalysisRequest& request)
{
    auto known = [&](ActorIndex actor) { return actor < graph.actor_count(); };
    if (const auto* dependence = std::get_if<DependenceRequest>(&request)) {
        if (!known(dependence->target)) return "the dependence needs a target actor";
        if (!(dependence->cap > 0 && dependence->cap <= 1)) return "the cap must be a share in (0, 1], such as 1/3";
        if (dependence->from_year && dependence->to_year && *dependence->from_year > *dependence->to_year) {
            return "the dependence's first year " + std::to_string(*dependence->from_year) + " is after its last year " +
                   std::to_string(*dependence->to_year);
        }
        return {};
    }
    if (const auto* removal = std::get_if<WhatIfRequest>(&request)) {
        if (removal->removed.empty()) return "what if removed: select the actors to remove first";
        for (auto actor : removal->removed) {
            if (!known(actor)) return "what if removed: an actor is not in the graph";
        }
        return {};
    }
    const auto& cut = std::get<CutRequest>(request);
    if (!known(cut.from) || !known(cut.to)) return "the cut needs two actors";
    if (cut.from == cut.to) return "the cut needs two different actors (both are " + name_of(graph, cut.from) + ")";
    return {};
}

AnalysisOutcome run_analysis(const Graph& graph, QueryCache* queries, const GraphFilter& filter, const AnalysisRequest& request)
{
    AnalysisOutcome outcome;
    try {
        if (auto problem = analysis_problem(graph, request); !problem.empty()) throw Error(problem);
        // Without the explorer's cache (an export from the CLI), an index for this one call.
        std::unique_ptr<QueryCache> local;
        if (!queries) queries = (local = std::make_unique<QueryCache>(graph, 1)).get();
        if (const auto* dependence = std::get_if<DependenceRequest>(&request)) return dependence_outcome(graph, filter, *dependence);
        if (const auto* removal = std::get_if<WhatIfRequest>(&request)) return what_if_outcome(graph, *queries, filter, *removal);
        return cut_outcome(graph, *queries, filter, std::get<CutRequest>(request));
    } catch (const std::exception& failure) {
        outcome.error = std::string(analysis_name(request)) + ": " + failure.what();
    }
    return outcome;
}

std::vector<DependenceBar> dependence_bars(const Graph& graph, const DependenceResult& result)
{
    std::vector<DependenceBar> bars;
    for (const auto& source : result.sources) {
        bars.push_back({name_of(graph, source.actor), source.share, source.amount_usd, source.relations, source.without_amount,
                        source.over_cap});
    }
    return bars;
}

std::vector<std::string> dependence_alerts(const Graph& graph, const DependenceResult& result)
{
    std::vector<std::string> lines;
    for (const auto& source : result.alerts()) {
        lines.push_back(name_of(graph, source.actor) + " holds " + percent(source.share) + " of the known foreign investment into " +
                        name_of(graph, result.target) + ", above the cap of " + percent(result.cap));
    }
    return lines;
}

std::string dependence_overview(const DependenceResult& result)
{
    // The US merger guidelines' bands (2010): below 1,500 points unconcentrated, above 2,500 highly concentrated.
    auto points = result.hhi * 10000;
    const char* band = points > 2500 ? "highly concentrated" : points >= 1500 ? "moderately concentrated" : "unconcentrated";
    char hhi[96];
    std::snprintf(hhi, sizeof hhi, "HHI %.0f of 10,000 (%s)", points, band);
    std::string text = result.total_usd > 0 ? hhi : "no known amounts, so no shares";
    if (result.without_amount > 0) {
        text += "; " + with_thousands(result.without_amount) + " of " + plural(result.relations, "relation", "relations") +
                " without amount_usd, not in the shares";
    }
    return text;
}

std::vector<std::string> cut_off_groups(const Graph& graph, const WhatIfResult& result, std::size_t limit)
{
    std::vector<std::string> lines;
    for (std::size_t i = 0; i < result.fragments.size() && i < limit; ++i) {
        const auto& actors = result.fragments[i].actors;
        lines.push_back(names_of(graph, actors, 3) + " (" + plural(actors.size(), "actor", "actors") + ")");
    }
    if (result.fragments.size() > limit) lines.push_back("\u2026 and " + with_thousands(result.fragments.size() - limit) + " more groups");
    return lines;
}

std::vector<LostPairLine> important_pair_lines(const Graph& graph, const WhatIfResult& result)
{
    std::vector<LostPairLine> lines;
    for (const auto& pair : result.important_pairs) {
        auto first = name_of(graph, pair.first), second = name_of(graph, pair.second);
        std::string text;
        if (!result.pairs_directed) text = first + " \u2014 " + second + ": no route left either way";
        else if (pair.first_to_second && pair.second_to_first) text = first + " \u2194 " + second + ": lost both ways";
        else if (pair.first_to_second) text = first + " \u2192 " + second + " lost";
        else text = second + " \u2192 " + first + " lost";
        lines.push_back({pair.first, pair.second, std::move(text)});
    }
    return lines;
}

std::string important_pairs_heading(const WhatIfResult& result)
{
    std::string text = "Most important pairs cut apart (by the product of their degrees before the removal";
    text += result.pairs_directed ? "; along the relations' direction)" : "; relations walked either way)";
    if (!result.pairs_complete) {
        text += ", among the " + with_thousands(result.pairs_searched) + " most connected affected actors (search budget reached)";
    }
    return text;
}

}  // namespace actorgraph
