#pragma once
// Actors within k hops of one or more actors, and the relations among them; for hubs, in pages.
#include <vector>

#include "actorgraph/query/query_index.hpp"

namespace actorgraph {

class QueryCache;

struct NeighbourhoodOptions {
    GraphFilter filter;
    Direction direction = Direction::any;
    std::size_t depth = 1;
};

/// Actors reachable from the seeds in at most `depth` steps, and the kept relations among them;
/// all of them, however many a hub brings (neighbourhood_page caps them).
[[nodiscard]] Selection neighbourhood(const Graph& graph, const std::vector<ActorIndex>& seeds,
                                      const NeighbourhoodOptions& options);
/// neighbourhood through the cache's index for the options' filter and direction.
[[nodiscard]] Selection neighbourhood(QueryCache& cache, const std::vector<ActorIndex>& seeds,
                                      const NeighbourhoodOptions& options);
/// neighbourhood over a prebuilt index, `depth` steps in its direction.
[[nodiscard]] Selection neighbourhood(const QueryIndex& index, const std::vector<ActorIndex>& seeds, std::size_t depth);

/// The hop distance of each actor in a neighbourhood search (-1 when not reached).
[[nodiscard]] std::vector<int> hop_distances(const Graph& graph, const std::vector<ActorIndex>& seeds,
                                             const NeighbourhoodOptions& options);
/// hop_distances through the cache's index for the options' filter and direction.
[[nodiscard]] std::vector<int> hop_distances(QueryCache& cache, const std::vector<ActorIndex>& seeds,
                                             const NeighbourhoodOptions& options);
/// hop_distances over a prebuilt index, `depth` steps in its direction.
[[nodiscard]] std::vector<int> hop_distances(const QueryIndex& index, const std::vector<ActorIndex>& seeds,
                                             std::size_t depth);

/// Which neighbours of each expanded actor a paged neighbourhood shows. An actor's neighbours are
/// the distinct actors one step away, best connected first (most kept relations, then lowest index).
struct NeighbourPaging {
    std::size_t limit = 100;  ///< neighbours shown per expanded actor; 0 shows them all
    std::size_t offset = 0;   ///< neighbours of the seeds skipped: pass offset + limit for the next page
};

/// An expanded actor some of whose neighbours come after this page.
struct HiddenNeighbours {
    ActorIndex actor = 0;
    std::size_t shown = 0;  ///< neighbours on this page
    std::size_t more = 0;   ///< neighbours after this page ("+N more")
};

/// One page of a neighbourhood.
struct NeighbourhoodPage {
    Selection selection;                   ///< the seeds, the neighbours shown and the kept relations among them
    std::vector<int> hops;                 ///< hop distance of each actor of selection.actors, in the same order
    std::vector<HiddenNeighbours> hidden;  ///< expanded actors with neighbours left for later pages, by actor index

    /// Neighbours left for later pages, summed over the expanded actors.
    [[nodiscard]] std::size_t more() const;
};

/// A neighbourhood that cannot explode at hubs: each expanded actor adds at most `paging.limit`
/// of its neighbours (the seeds from `paging.offset` on), and the page says how many it left out.
[[nodiscard]] NeighbourhoodPage neighbourhood_page(const Graph& graph, const std::vector<ActorIndex>& seeds,
                                                   const NeighbourhoodOptions& options, const NeighbourPaging& paging = {});
/// neighbourhood_page through the cache's index for the options' filter and direction.
[[nodiscard]] NeighbourhoodPage neighbourhood_page(QueryCache& cache, const std::vector<ActorIndex>& seeds,
                                                   const NeighbourhoodOptions& options, const NeighbourPaging& paging = {});
/// neighbourhood_page over a prebuilt index, `depth` steps in its direction.
[[nodiscard]] NeighbourhoodPage neighbourhood_page(const QueryIndex& index, const std::vector<ActorIndex>& seeds,
                                                   std::size_t depth, const NeighbourPaging& paging = {});

}  // namespace actorgraph
