#include "actorgraph/app/view_spec.hpp"

#include <algorithm>
#include <utility>
#include <optional>
#include <cmath>

#include "actorgraph/query/neighbourhood.hpp"
#include "actorgraph/query/query_cache.hpp"

namespace actorgraph {

namespace {

// The path query walks only what the view shows: both filters must keep an element.
GraphFilter combined(const GraphFilter& view, const GraphFilter& path)
{
    GraphFilter both = path;
    if (both.kinds.empty()) both.kinds = view.kinds;
    else if (!view.kinds.empty()) std::erase_if(both.kinds, [&](const std::string& kind) { return !view.kinds.contains(kind); });
    if (both.types.empty()) both.types = view.types;
    else if (!view.types.empty()) std::erase_if(both.types, [&](const std::string& type) { return !view.types.contains(type); });
    if (!both.year_from) both.year_from = view.year_from;
    if (!both.year_to) both.year_to = view.year_to;
    both.dated_only = both.dated_only || view.dated_only;
    if (!both.as_of) both.as_of = view.as_of;
    if (!both.min_confidence) both.min_confidence = view.min_confidence;
    both.relation_conditions.insert(both.relation_conditions.end(), view.relation_conditions.begin(), view.relation_conditions.end());
    both.actor_conditions.insert(both.actor_conditions.end(), view.actor_conditions.begin(), view.actor_conditions.end());
    return both;
}

std::vector<double> metric_scale(const Graph& graph, QueryCache* queries, Metric metric, const GraphFilter& filter)
{
    auto scores = queries ? compute_metric(*queries, metric, MetricOptions{filter}) : compute_metric(graph, metric, MetricOptions{filter});
    double largest = scores.empty() ? 0 : *std::max_element(scores.begin(), scores.end());
    // The square root: metrics are skewed (the bundled graph's hub has 125 relations, the next 52,
    // 35, 20, most actors 1 to 4), and a linear scale leaves all but the hub the same small size.
    // Width and height both grow with the root, so an actor's area follows the metric itself.
    for (auto& score : scores) score = largest > 0 ? std::sqrt(std::max(score, 0.0) / largest) : 0;
    return scores;
}

// The actors and relations before paths are added: the filtered graph, or a focus.
Selection shown_part(const Graph& graph, QueryCache* queries, const ViewSpec& spec, ViewReduction& reduction)
{
    if (spec.focus.empty()) return apply_filter(graph, spec.filter, spec.hide_isolated);
    NeighbourhoodOptions options{spec.filter, spec.focus_direction, spec.focus_depth};
    if (!spec.limits) return queries ? neighbourhood(*queries, spec.focus, options) : neighbourhood(graph, spec.focus, options);
    std::size_t found = 0;
    auto limit = focus_limit(*spec.limits, spec.neighbour_pages);
    auto shown = capped_neighbourhood(graph, queries, spec.focus, options, limit, found);
    if (found <= limit) return shown;
    auto more = std::min(found - limit, focus_limit(*spec.limits, spec.neighbour_pages + 1) - limit);
    reduction = {ViewReduction::Kind::capped_focus, limit, found,
                 "focus: the " + with_thousands(limit) + " nearest and most connected of " + with_thousands(found) +
                     " neighbours; " + with_thousands(found - limit) + " left out" +
                     (more > 0 ? " (More neighbours adds " + with_thousands(more) + ")" : "")};
    return shown;
}

// Adds the paths to what is shown; a view too big to draw shows only the paths.
void add_paths(const Graph& graph, QueryCache* queries, const ViewSpec& spec, ComposedView& view)
{
    auto& scene = view.scene;
    auto options = spec.path->options;
    options.filter = combined(spec.filter, options.filter);
    view.paths = queries ? find_paths(*queries, spec.path->from, spec.path->to, options)
                         : find_paths(graph, spec.path->from, spec.path->to, options);
    if (spec.highlighted_path < view.paths.size()) scene.highlighted = selection_of({view.paths[spec.highlighted_path]});
    else scene.highlighted = selection_of(view.paths);
    bool too_big = spec.limits && exceeds(*spec.limits, scene.visible);
    if (!spec.path_only && !(too_big && !view.paths.empty())) {
        scene.visible.merge(selection_of(view.paths));
        return;
    }
    auto of = scene.visible.actors.size();
    auto whole = std::exchange(scene.visible, selection_of(view.paths));
    // Paths only by choice is what the user keeps; by size it is a cut of the whole.
    if (spec.path_only) return;
    view.cut_from = std::move(whole);
    view.reduction = {ViewReduction::Kind::paths_only, scene.visible.actors.size(), of,
                      "paths only: " + std::to_string(view.paths.size()) + " path(s) through " +
                          with_thousands(scene.visible.actors.size()) + " actors; the whole view (" + with_thousands(of) +
                          " actors) is too big to draw"};
}

// Findings (an analysis's, a query's) are drawn emphasised, on top of any path query, and pulled into view.
void emphasise(const Graph& graph, const Selection& highlight, const ViewSpec& spec, ComposedView& view)
{
    if (highlight.empty()) return;
    view.scene.highlighted.merge(highlight);
    if (spec.path_only) return;
    // A relation is drawn between its two ends: both must be shown (a cut relation leads off the focus).
    Selection shown = highlight;
    for (auto index : highlight.relations) {
        shown.actors.push_back(graph.relation(index).source);
        shown.actors.push_back(graph.relation(index).target);
    }
    view.scene.visible.merge(shown);
}

// A query's answer was found in this graph (the explorer drops it when the graph changes); the check keeps a
// stale one from reading past the end all the same.
void add_query_highlight(const Graph& graph, const ViewSpec& spec, ComposedView& view)
{
    Selection highlight;
    for (auto actor : spec.highlight->actors) {
        if (actor < graph.actor_count()) highlight.actors.push_back(actor);
    }
    for (auto relation : spec.highlight->relations) {
        if (relation < graph.relation_count()) highlight.relations.push_back(relation);
    }
    highlight.normalize();
    if (!spec.highlight_only || highlight.empty()) return emphasise(graph, highlight, spec, view);
    // The answer becomes the view: its nodes and relationships, and the ends a relationship is drawn between.
    Selection shown = highlight;
    for (auto index : highlight.relations) {
        shown.actors.push_back(graph.relation(index).source);
        shown.actors.push_back(graph.relation(index).target);
    }
    shown.normalize();
    view.scene.visible = std::move(shown);
    view.scene.highlighted.merge(highlight);
}

// The analysis's findings are drawn emphasised, on top of any path query, and pulled into view.
void add_analysis(const Graph& graph, QueryCache* queries, const ViewSpec& spec, ComposedView& view)
{
    view.analysis = run_analysis(graph, queries, spec.filter, *spec.analysis);
    emphasise(graph, view.analysis->highlight, spec, view);
}

// Communities of the whole filtered graph (not only of the part shown), so a focus or an overview
// keeps the colours the full view has; a failure leaves the kind colours and is logged.
void add_communities(const Graph& graph, QueryCache* queries, const ViewSpec& spec, const CommunityColouring* known,
                     ComposedView& view)
{
    view.communities = known ? *known : colour_by_community(graph, queries, spec.filter, *spec.communities);
    if (view.communities->error.empty()) view.scene.colouring = actor_colouring(graph, *view.communities);
}

// A view still too big becomes an overview of its most connected actors.
void reduce_to_overview(const Graph& graph, const ViewLimits& limits, ComposedView& view)
{
    auto& visible = view.scene.visible;
    if (!exceeds(limits, visible)) return;
    auto of = visible.actors.size();
    // The hubs of a dense graph can hold more relations among themselves than the limit: fewer of them, then.
    auto whole = std::move(visible);
    auto count = limits.overview_actors;
    visible = most_connected(graph, whole, count);
    while (visible.relations.size() > limits.max_relations && count > 1) visible = most_connected(graph, whole, count /= 2);
    view.cut_from = std::move(whole);
    view.reduction = {ViewReduction::Kind::overview, visible.actors.size(), of,
                      "overview: top " + with_thousands(visible.actors.size()) + " of " + with_thousands(of) +
                          " actors by degree \u2014 search, paths or focus pull more into view"};
}

// The engine for a view when the user has not chosen one.
LayoutEngine engine_for(const ComposedView& view)
{
    const auto& visible = view.scene.visible;
    return choose_layout_engine(visible.actors.size(), visible.relations.size());
}

}  // namespace

ComposedView compose_view(const Graph& graph, const ViewSpec& requested, QueryCache* queries, const CommunityColouring* communities)
{
    // A view for an engine the user chose is cut to what that engine lays out in seconds; one for an
    // engine chosen by size keeps the base limits (the choice then follows the cut view's size).
    std::optional<ViewSpec> adjusted;
    if (requested.limits && !requested.choose_engine) {
        adjusted = requested;
        adjusted->limits = limits_for_engine(*requested.limits, requested.engine);
    }
    const ViewSpec& spec = adjusted ? *adjusted : requested;
    ComposedView view;
    auto& scene = view.scene;
    scene.visible = shown_part(graph, queries, spec, view.reduction);
    if (spec.path) add_paths(graph, queries, spec, view);
    if (spec.analysis) add_analysis(graph, queries, spec, view);
    if (spec.highlight) add_query_highlight(graph, spec, view);
    if (spec.limits) reduce_to_overview(graph, *spec.limits, view);
    if (spec.size_by) scene.actor_scale = metric_scale(graph, queries, *spec.size_by, spec.filter);
    // An overview is chosen by degree: showing it lets the biggest hubs' names read at a glance.
    else if (view.reduction.kind == ViewReduction::Kind::overview) scene.actor_scale = degree_scale(graph, scene.visible);
    if (spec.communities) add_communities(graph, queries, spec, communities, view);
    scene.legend = spec.legend;
    scene.engine = spec.choose_engine ? engine_for(view) : spec.engine;
    scene.title = spec.title;
    return view;
}

}  // namespace actorgraph
