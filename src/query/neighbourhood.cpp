#include "actorgraph/query/neighbourhood.hpp"

#include <algorithm>

#include "actorgraph/query/query_cache.hpp"

namespace actorgraph {

namespace {

// The kept relations with both ends reached. Every relation is a forward step out of one of its
// ends (out of its source when following, its target when reversing, both for any), so walking the
// reached actors' steps finds them all without a pass over every relation of the graph.
std::vector<RelationIndex> relations_among(const QueryIndex& index, const std::vector<ActorIndex>& actors,
                                           const std::vector<int>& distance)
{
    std::vector<RelationIndex> relations;
    for (auto actor : actors) {
        for (auto step : index.forward(actor)) {
            if (distance[step.actor] >= 0) relations.push_back(step.relation);
        }
    }
    std::sort(relations.begin(), relations.end());
    relations.erase(std::unique(relations.begin(), relations.end()), relations.end());
    return relations;
}

std::vector<ActorIndex> reached_actors(const std::vector<int>& distance)
{
    std::vector<ActorIndex> actors;
    for (ActorIndex index = 0; index < distance.size(); ++index) {
        if (distance[index] >= 0) actors.push_back(index);
    }
    return actors;
}

// The distinct actors one step away, best connected first, so the first page shows the hubs.
std::vector<ActorIndex> ranked_neighbours(const QueryIndex& index, ActorIndex actor)
{
    std::vector<ActorIndex> neighbours;
    for (auto step : index.forward(actor)) {
        if (step.actor != actor) neighbours.push_back(step.actor);
    }
    std::sort(neighbours.begin(), neighbours.end());
    neighbours.erase(std::unique(neighbours.begin(), neighbours.end()), neighbours.end());
    std::stable_sort(neighbours.begin(), neighbours.end(),
                     [&](ActorIndex a, ActorIndex b) { return index.degree(a) > index.degree(b); });
    return neighbours;
}

// The kept seeds, each once, at distance 0.
std::vector<ActorIndex> start_at_seeds(const QueryIndex& index, const std::vector<ActorIndex>& seeds, std::vector<int>& distance)
{
    std::vector<ActorIndex> frontier;
    for (auto seed : seeds) {
        if (!index.keeps(seed) || distance[seed] == 0) continue;
        distance[seed] = 0;
        frontier.push_back(seed);
    }
    return frontier;
}

// Adds one expanded actor's page of neighbours to the next level; records what it leaves out.
void expand_page(const QueryIndex& index, ActorIndex actor, int level, std::size_t offset, std::size_t limit,
                 std::vector<int>& distance, std::vector<ActorIndex>& next, NeighbourhoodPage& page)
{
    auto neighbours = ranked_neighbours(index, actor);
    auto first = std::min(offset, neighbours.size());
    auto last = limit == 0 ? neighbours.size() : std::min(neighbours.size(), first + limit);
    for (auto i = first; i < last; ++i) {
        if (distance[neighbours[i]] >= 0) continue;
        distance[neighbours[i]] = level;
        next.push_back(neighbours[i]);
    }
    if (last < neighbours.size()) page.hidden.push_back({actor, last - first, neighbours.size() - last});
}

}  // namespace

std::vector<int> hop_distances(const QueryIndex& index, const std::vector<ActorIndex>& seeds, std::size_t depth)
{
    std::vector<int> distance(index.actor_count(), -1);
    auto frontier = start_at_seeds(index, seeds, distance);
    std::vector<ActorIndex> next;
    // Level by level, so the depth limit is a loop bound rather than a test on every step.
    for (std::size_t level = 1; level <= depth && !frontier.empty(); ++level) {
        next.clear();
        for (auto actor : frontier) {
            for (auto step : index.forward(actor)) {
                if (distance[step.actor] >= 0) continue;
                distance[step.actor] = static_cast<int>(level);
                next.push_back(step.actor);
            }
        }
        frontier.swap(next);
    }
    return distance;
}

std::vector<int> hop_distances(QueryCache& cache, const std::vector<ActorIndex>& seeds, const NeighbourhoodOptions& options)
{
    return hop_distances(*cache.index(options.filter, options.direction), seeds, options.depth);
}

std::vector<int> hop_distances(const Graph& graph, const std::vector<ActorIndex>& seeds,
                               const NeighbourhoodOptions& options)
{
    return hop_distances(QueryIndex(graph, options.filter, options.direction), seeds, options.depth);
}

Selection neighbourhood(const QueryIndex& index, const std::vector<ActorIndex>& seeds, std::size_t depth)
{
    auto distance = hop_distances(index, seeds, depth);
    Selection selection;
    selection.actors = reached_actors(distance);
    selection.relations = relations_among(index, selection.actors, distance);
    return selection;
}

Selection neighbourhood(QueryCache& cache, const std::vector<ActorIndex>& seeds, const NeighbourhoodOptions& options)
{
    return neighbourhood(*cache.index(options.filter, options.direction), seeds, options.depth);
}

Selection neighbourhood(const Graph& graph, const std::vector<ActorIndex>& seeds, const NeighbourhoodOptions& options)
{
    return neighbourhood(QueryIndex(graph, options.filter, options.direction), seeds, options.depth);
}

std::size_t NeighbourhoodPage::more() const
{
    std::size_t total = 0;
    for (const auto& entry : hidden) total += entry.more;
    return total;
}

NeighbourhoodPage neighbourhood_page(const QueryIndex& index, const std::vector<ActorIndex>& seeds, std::size_t depth,
                                     const NeighbourPaging& paging)
{
    NeighbourhoodPage page;
    std::vector<int> distance(index.actor_count(), -1);
    auto frontier = start_at_seeds(index, seeds, distance);
    auto reached = frontier;
    std::vector<ActorIndex> next;
    for (std::size_t level = 1; level <= depth && !frontier.empty(); ++level) {
        next.clear();
        auto offset = level == 1 ? paging.offset : 0;  // later pages move along the seeds' lists only
        for (auto actor : frontier) expand_page(index, actor, static_cast<int>(level), offset, paging.limit, distance, next, page);
        reached.insert(reached.end(), next.begin(), next.end());
        frontier.swap(next);
    }
    std::sort(reached.begin(), reached.end());
    page.selection.actors = reached;
    for (auto actor : reached) page.hops.push_back(distance[actor]);
    page.selection.relations = relations_among(index, reached, distance);
    std::sort(page.hidden.begin(), page.hidden.end(),
              [](const HiddenNeighbours& a, const HiddenNeighbours& b) { return a.actor < b.actor; });
    return page;
}

NeighbourhoodPage neighbourhood_page(QueryCache& cache, const std::vector<ActorIndex>& seeds,
                                     const NeighbourhoodOptions& options, const NeighbourPaging& paging)
{
    return neighbourhood_page(*cache.index(options.filter, options.direction), seeds, options.depth, paging);
}

NeighbourhoodPage neighbourhood_page(const Graph& graph, const std::vector<ActorIndex>& seeds,
                                     const NeighbourhoodOptions& options, const NeighbourPaging& paging)
{
    return neighbourhood_page(QueryIndex(graph, options.filter, options.direction), seeds, options.depth, paging);
}

}  // namespace actorgraph
