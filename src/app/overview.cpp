#include "actorgraph/app/overview.hpp"

#include <algorithm>
#include <cstdint>
#include <optional>

namespace actorgraph {

namespace {

// Relations of the selection at each actor, over the whole graph's index range.
std::vector<std::uint32_t> degrees_within(const Graph& graph, const Selection& selection)
{
    std::vector<std::uint32_t> degree(graph.actor_count(), 0);
    for (auto index : selection.relations) {
        const auto& relation = graph.relation(index);
        ++degree[relation.source];
        ++degree[relation.target];
    }
    return degree;
}

// The kept actors (sorted) and the selection's relations between two of them.
Selection restricted_to(const Graph& graph, const Selection& selection, std::vector<ActorIndex> kept)
{
    std::vector<char> keeps(graph.actor_count(), 0);
    for (auto actor : kept) keeps[actor] = 1;
    Selection result;
    result.actors = std::move(kept);
    std::sort(result.actors.begin(), result.actors.end());
    for (auto index : selection.relations) {
        const auto& relation = graph.relation(index);
        if (keeps[relation.source] && keeps[relation.target]) result.relations.push_back(index);
    }
    return result;
}

// Each engine's largest view: the largest generated graph (3 relations per actor, heavy-tailed degrees,
// denser around hubs than most real networks) it laid out within a 60 s budget through the styled
// scene, measured by bench/layout_thresholds.sh on the 2-core build machine under a load average of
// about 15 (an idle machine is several times faster; the ratios between engines are what count):
//   dot    50 actors / 150 relations: 9.7 s; 200 / 600 (bounded dot, straight edges): 31 s;
//          100 / 300 (unbounded, routed splines): over 60 s; 400 / 1,200: over 60 s
//   neato  250 / 750: 3.5 s; 500 / 1,500: 9.8 s; 1,000 / 3,000: 38.5 s; 2,000 / 6,000: over 60 s
//   fdp    250 / 750: 4.6 s; 500 / 1,500: 8.4 s; 1,000 / 3,000: 21.5 s; 2,000 / 6,000: over 60 s
//   sfdp   500 / 1,500: 8.5 s; 1,000 / 3,000: 20.7 s; 2,000 / 6,000: over 60 s
//   circo  50 / 150: 22.9 s; 100 / 300: over 60 s
//   twopi  250 / 750: 2.6 s; 500 / 1,500: 7.0 s; 1,000 / 3,000: 17.1 s; 2,000 / 6,000: over 60 s
// sfdp keeps the base limits: it is the engine for big views, and its overview stays the fallback.
struct EngineSize {
    std::size_t actors;
    std::size_t relations;
};

EngineSize largest_view(LayoutEngine engine)
{
    switch (engine) {
        case LayoutEngine::dot: return {200, 600};
        case LayoutEngine::neato: return {1000, 3000};
        case LayoutEngine::fdp: return {1000, 3000};
        case LayoutEngine::sfdp: return {SIZE_MAX, SIZE_MAX};
        case LayoutEngine::circo: return {50, 150};
        case LayoutEngine::twopi: return {1000, 3000};
        case LayoutEngine::nop: return {SIZE_MAX, SIZE_MAX};  // places nothing: only routes edges
    }
    return {SIZE_MAX, SIZE_MAX};
}

}  // namespace

ViewLimits limits_for_engine(const ViewLimits& base, LayoutEngine engine)
{
    auto largest = largest_view(engine);
    ViewLimits limits = base;
    limits.max_actors = std::min(base.max_actors, largest.actors);
    limits.max_relations = std::min(base.max_relations, largest.relations);
    limits.overview_actors = std::min(base.overview_actors, limits.max_actors);
    limits.max_neighbours = std::min(base.max_neighbours, limits.max_actors);
    return limits;
}

bool exceeds(const ViewLimits& limits, const Selection& selection)
{
    return selection.actors.size() > limits.max_actors || selection.relations.size() > limits.max_relations;
}

Selection most_connected(const Graph& graph, const Selection& selection, std::size_t count)
{
    if (selection.actors.size() <= count) return selection;
    auto degree = degrees_within(graph, selection);
    auto ranked = selection.actors;
    auto more_connected = [&](ActorIndex a, ActorIndex b) { return degree[a] != degree[b] ? degree[a] > degree[b] : a < b; };
    auto cut = ranked.begin() + static_cast<std::ptrdiff_t>(count);
    std::nth_element(ranked.begin(), cut, ranked.end(), more_connected);
    ranked.erase(cut, ranked.end());
    return restricted_to(graph, selection, std::move(ranked));
}

Selection capped_neighbourhood(const Graph& graph, QueryCache* queries, const std::vector<ActorIndex>& seeds,
                               const NeighbourhoodOptions& options, std::size_t limit, std::size_t& found)
{
    std::optional<QueryCache> own;
    if (!queries) queries = &own.emplace(graph, 1);
    auto index = queries->index(options.filter, options.direction);
    auto whole = neighbourhood(*index, seeds, options.depth);
    std::vector<ActorIndex> kept;
    std::vector<ActorIndex> others;
    for (auto actor : whole.actors) {
        bool seed = std::find(seeds.begin(), seeds.end(), actor) != seeds.end();
        (seed ? kept : others).push_back(actor);
    }
    found = others.size();
    if (others.size() <= limit) return whole;
    // Nearest first, so a 2-hop focus keeps the direct neighbours; then the most connected,
    // which are the ones a reader of the picture most likely looks for.
    auto distance = hop_distances(*index, seeds, options.depth);
    auto degree = degrees_within(graph, whole);
    auto before = [&](ActorIndex a, ActorIndex b) {
        if (distance[a] != distance[b]) return distance[a] < distance[b];
        return degree[a] != degree[b] ? degree[a] > degree[b] : a < b;
    };
    auto cut = others.begin() + static_cast<std::ptrdiff_t>(limit);
    std::nth_element(others.begin(), cut, others.end(), before);
    kept.insert(kept.end(), others.begin(), cut);
    return restricted_to(graph, whole, std::move(kept));
}

std::size_t focus_limit(const ViewLimits& limits, std::size_t pages)
{
    return std::min(limits.max_neighbours * std::max<std::size_t>(pages, 1), std::max(limits.max_actors, limits.max_neighbours));
}

std::vector<double> degree_scale(const Graph& graph, const Selection& selection)
{
    auto degree = degrees_within(graph, selection);
    auto largest = degree.empty() ? 0u : *std::max_element(degree.begin(), degree.end());
    std::vector<double> scale(degree.size(), 0.0);
    if (largest == 0) return scale;
    for (std::size_t actor = 0; actor < degree.size(); ++actor) scale[actor] = static_cast<double>(degree[actor]) / largest;
    return scale;
}

}  // namespace actorgraph
