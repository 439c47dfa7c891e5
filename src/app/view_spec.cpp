#include "actorgraph/app/view_spec.hpp"

#include <algorithm>

#include "actorgraph/query/neighbourhood.hpp"

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
    both.relation_conditions.insert(both.relation_conditions.end(), view.relation_conditions.begin(), view.relation_conditions.end());
    both.actor_conditions.insert(both.actor_conditions.end(), view.actor_conditions.begin(), view.actor_conditions.end());
    return both;
}

std::vector<double> metric_scale(const Graph& graph, Metric metric, const GraphFilter& filter)
{
    auto scores = compute_metric(graph, metric, MetricOptions{filter});
    double largest = scores.empty() ? 0 : *std::max_element(scores.begin(), scores.end());
    for (auto& score : scores) score = largest > 0 ? score / largest : 0;
    return scores;
}

}  // namespace

ComposedView compose_view(const Graph& graph, const ViewSpec& spec)
{
    ComposedView view;
    auto& scene = view.scene;
    scene.visible = apply_filter(graph, spec.filter, spec.hide_isolated);
    if (!spec.focus.empty()) {
        NeighbourhoodOptions options{spec.filter, spec.focus_direction, spec.focus_depth};
        scene.visible = neighbourhood(graph, spec.focus, options);
    }
    if (spec.path) {
        auto options = spec.path->options;
        options.filter = combined(spec.filter, options.filter);
        view.paths = find_paths(graph, spec.path->from, spec.path->to, options);
        if (spec.highlighted_path < view.paths.size()) scene.highlighted = selection_of({view.paths[spec.highlighted_path]});
        else scene.highlighted = selection_of(view.paths);
        if (spec.path_only) scene.visible = selection_of(view.paths);
        else scene.visible.merge(selection_of(view.paths));
    }
    if (spec.size_by) scene.actor_scale = metric_scale(graph, *spec.size_by, spec.filter);
    scene.legend = spec.legend;
    scene.engine = spec.engine;
    scene.title = spec.title;
    return view;
}

}  // namespace actorgraph
