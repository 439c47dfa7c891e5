#pragma once
// How the explorer keeps a big graph drawable. Graphviz lays out a few hundred actors in seconds
// but needs minutes (sfdp at 100,000) to hours (dot at 1,000) for more, and a picture of
// thousands of actors is a hairball anyway. So above a size the default view is an overview of
// the most connected actors, a focus shows a capped neighbourhood, and a path query shows just
// its paths: each view says what it left out.
#include <cstddef>
#include <string>
#include <vector>

#include "actorgraph/query/neighbourhood.hpp"
#include "actorgraph/query/query_cache.hpp"
#include "actorgraph/render/scene.hpp"

namespace actorgraph {

/// When a view is too big to lay out whole, and how much of it to show instead.
struct ViewLimits {
    /// A view keeping more actors than this is too big: sfdp lays out about 2,000 actors with
    /// their relations in a second or two, and the canvas still reads at that size.
    std::size_t max_actors = 2000;
    /// ... or more relations: the edges, not the nodes, make Graphviz slow and the picture dense.
    std::size_t max_relations = 6000;
    /// An overview shows this many actors, the most connected ones: neato lays them out in seconds.
    std::size_t overview_actors = 200;
    /// A focus shows at most this many actors besides the ones focused on (hubs have thousands).
    std::size_t max_neighbours = 150;
};

/// How a view was cut down to stay drawable.
struct ViewReduction {
    enum class Kind { none, overview, capped_focus, paths_only };
    Kind kind = Kind::none;
    std::size_t shown = 0;  ///< actors shown
    std::size_t of = 0;     ///< actors the view would have shown without the cut
    std::string text;       ///< one line for the status bar and the messages; empty for `none`
};

/// The limits for a view the user asked `engine` to lay out: `base`, lowered to the size each engine
/// finishes (measured by bench/layout_thresholds.sh; the numbers are in overview.cpp), overviews and
/// focus pages included. dot on 1,990 actors under the base limits ran past 100 s and 2 GB.
[[nodiscard]] ViewLimits limits_for_engine(const ViewLimits& base, LayoutEngine engine);

/// True when a selection has more actors or relations than the limits allow.
[[nodiscard]] bool exceeds(const ViewLimits& limits, const Selection& selection);

/// The `count` actors of the selection with the most relations inside it (ties: lower index),
/// and the selection's relations among them. O(actors + relations) of the selection.
[[nodiscard]] Selection most_connected(const Graph& graph, const Selection& selection, std::size_t count);

/// The neighbourhood of the seeds cut to at most `limit` actors besides the seeds: nearest first,
/// then the most connected; the relations among the kept actors. `queries` (may be null) is the graph's cache. `found` receives the number of
/// actors besides the seeds the whole neighbourhood holds.
[[nodiscard]] Selection capped_neighbourhood(const Graph& graph, QueryCache* queries, const std::vector<ActorIndex>& seeds,
                                             const NeighbourhoodOptions& options, std::size_t limit,
                                             std::size_t& found);

/// How many neighbours a focus shows after `pages` requests for more: max_neighbours per page,
/// never more than max_actors in all.
[[nodiscard]] std::size_t focus_limit(const ViewLimits& limits, std::size_t pages);
/// Per actor of the graph, its relations inside the selection over the most any actor has there
/// (0..1, 0 outside): sizes an overview's actors by the degree that chose them.
[[nodiscard]] std::vector<double> degree_scale(const Graph& graph, const Selection& selection);

}  // namespace actorgraph
