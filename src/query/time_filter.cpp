#include "actorgraph/query/time_filter.hpp"

#include <algorithm>
#include <limits>

namespace actorgraph {

std::optional<bool> held_in(const Properties& properties, int year)
{
    if (auto event = parse_year(property_or_empty(properties, schema::year))) return *event <= year;
    auto span = year_span(properties);
    if (!span) return std::nullopt;
    return span->first <= year && year <= span->last;
}

namespace {

constexpr int beginning = std::numeric_limits<int>::min();
constexpr std::size_t no_parent = std::numeric_limits<std::size_t>::max();

struct Arrival {
    ActorIndex actor = 0;
    int time = beginning;                 ///< the year of the last hop (beginning before any dated hop)
    std::size_t parent = no_parent;       ///< the arrival this one continues, as a position in the list
    RelationIndex relation = 0;
};

// The year a hop over the relation can happen at the earliest, no earlier than `now`; nullopt
// when its years are over by then or it is undated and undated relations are not walked.
std::optional<int> hop_time(const Relation& relation, int now, bool dated_only)
{
    auto span = year_span(relation.properties);
    if (!span) return dated_only ? std::nullopt : std::optional<int>(now);
    int at = std::max(now, span->first);
    if (at > span->last) return std::nullopt;
    return at;
}

Path path_to(const std::vector<Arrival>& arrivals, std::size_t last)
{
    Path path;
    for (auto at = last; at != no_parent; at = arrivals[at].parent) {
        path.actors.push_back(arrivals[at].actor);
        if (arrivals[at].parent != no_parent) path.relations.push_back(arrivals[at].relation);
    }
    std::reverse(path.actors.begin(), path.actors.end());
    std::reverse(path.relations.begin(), path.relations.end());
    path.cost = static_cast<double>(path.relations.size());
    return path;
}

}  // namespace

// Hop by hop, an actor is kept only when reached earlier than with fewer (or as many) hops
// before: a later arrival with more hops can go nowhere the earlier one cannot.
std::optional<Path> time_respecting_path(const QueryIndex& index, ActorIndex from, ActorIndex to, bool dated_only)
{
    if (!index.keeps(from) || !index.keeps(to)) return std::nullopt;
    const auto& graph = index.graph();
    std::vector<int> earliest(index.actor_count(), std::numeric_limits<int>::max());
    std::vector<std::size_t> in_layer(index.actor_count(), no_parent);  // the actor's arrival in the layer being built
    std::vector<Arrival> arrivals{{from, beginning, no_parent, 0}};
    earliest[from] = beginning;
    std::size_t layer_begin = 0, layer_end = 1;
    while (layer_begin < layer_end) {
        for (auto at = layer_begin; at < layer_end; ++at) {
            if (arrivals[at].actor == to) return path_to(arrivals, at);
        }
        for (auto at = layer_begin; at < layer_end; ++at) {
            auto arrival = arrivals[at];
            for (const auto& step : index.forward(arrival.actor)) {
                auto time = hop_time(graph.relation(step.relation), arrival.time, dated_only);
                if (!time || *time >= earliest[step.actor]) continue;
                earliest[step.actor] = *time;
                Arrival next{step.actor, *time, at, step.relation};
                auto& slot = in_layer[step.actor];
                if (slot != no_parent && slot >= layer_end) arrivals[slot] = next;
                else {
                    slot = arrivals.size();
                    arrivals.push_back(next);
                }
            }
        }
        layer_begin = layer_end;
        layer_end = arrivals.size();
    }
    return std::nullopt;
}

}  // namespace actorgraph
