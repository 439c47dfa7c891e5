#pragma once
// Everything that decides what a picture shows, shared by the CLI export and the explorer,
// so "export what is on screen" and "export from the CLI with the same options" are one path.
#include <optional>
#include <vector>

#include "actorgraph/app/analysis_view.hpp"
#include "actorgraph/app/community_view.hpp"
#include "actorgraph/app/overview.hpp"
#include "actorgraph/query/metrics.hpp"
#include "actorgraph/query/paths.hpp"
#include "actorgraph/render/scene.hpp"

namespace actorgraph {

struct PathRequest {
    ActorIndex from = 0;
    ActorIndex to = 0;
    PathOptions options;  ///< its filter is combined with the view's filter
};

struct ViewSpec {
    GraphFilter filter;                     ///< kinds, types, years, properties shown
    bool hide_isolated = false;             ///< drop actors the filter leaves without relations
    std::vector<ActorIndex> focus;          ///< show only the neighbourhood of these actors
    std::size_t focus_depth = 1;
    Direction focus_direction = Direction::any;
    std::size_t neighbour_pages = 1;        ///< a capped focus shows this many pages of ViewLimits::max_neighbours
    std::optional<PathRequest> path;        ///< highlight the paths between two actors
    std::size_t highlighted_path = 0;       ///< which path to highlight; past the end = all of them
    bool path_only = false;                 ///< show only the actors and relations on the paths
    std::optional<Metric> size_by;          ///< size actors by a metric
    bool legend = false;
    LayoutEngine engine = LayoutEngine::dot;
    bool choose_engine = false;             ///< ignore `engine`: pick one by the composed size (choose_layout_engine)
    std::optional<ViewLimits> limits;       ///< cut views too big to lay out (the explorer sets them; exports do not)
    std::string title;
    std::optional<AnalysisRequest> analysis;  ///< dependence, what-if or cut, highlighted over the view
    std::optional<CommunityRequest> communities;  ///< fill actors by their community (of the filtered graph) instead of kind
    std::optional<Selection> highlight;     ///< a Cypher answer's nodes and relationships, highlighted and pulled into view
    bool highlight_only = false;            ///< the answer becomes the view: only its nodes, relationships and their ends
};

/// A scene and the paths found for it.
struct ComposedView {
    Scene scene;
    std::vector<Path> paths;
    ViewReduction reduction;  ///< how the limits cut the view, if they did
    Selection cut_from;       ///< what an overview or a paths-only cut left scene.visible from; empty when not cut
    /// Everything the filters keep, drawn or not (the data table lists it): the cut's whole, or what is drawn.
    [[nodiscard]] const Selection& kept() const noexcept { return cut_from.actors.empty() ? scene.visible : cut_from; }
    std::optional<AnalysisOutcome> analysis;  ///< what the view's analysis found
    std::optional<CommunityColouring> communities;  ///< the communities the actors are coloured by
};

/// Applies filter, focus, path query, limits and sizing to the graph; throws nothing for valid indices.
/// With limits, a view too big to lay out becomes an overview of the most connected actors, a focus
/// keeps its nearest and most connected neighbours, and a path query shows only its paths.
/// `queries`, when given, is the graph's query cache: repeated views then reuse its indexes.
/// `communities`, when given, is the colouring already found for spec.communities over this graph and
/// filter (the explorer's CommunityCache): it is used instead of finding the communities again.
[[nodiscard]] ComposedView compose_view(const Graph& graph, const ViewSpec& spec, QueryCache* queries = nullptr,
                                        const CommunityColouring* communities = nullptr);

}  // namespace actorgraph
