#pragma once
// Single-pair searches over a QueryIndex, meeting in the middle: a breadth-first search for hop
// counts and Dijkstra for weights, each grown from both ends (Boost.Graph has neither). Private
// to src/query: paths.cpp runs them for shortest paths and for the spur paths of Yen's algorithm.
#include <algorithm>
#include <array>
#include <cstdint>
#include <functional>
#include <limits>
#include <optional>
#include <span>
#include <vector>

#include "actorgraph/query/paths.hpp"
#include "actorgraph/query/query_index.hpp"

namespace actorgraph::search {

inline constexpr double unreachable = std::numeric_limits<double>::infinity();
/// How many steps ahead a search asks for labels and costs, so their cache misses overlap.
inline constexpr std::size_t prefetch_distance = 16;

/// Per-actor labels of one side of a search. Which actors are reached is a bit set, small enough
/// to stay in cache on a million actors, so testing an actor the search has not met (most tests)
/// does not touch its label; restarting clears only the bits set since the last start.
class Labels {
public:
    /// Forgets every label, in time proportional to the actors the last search reached.
    void restart(std::size_t actors)
    {
        if (labels_.size() != actors) {
            labels_.assign(actors, Label{});
            bits_.assign(actors / 64 + 1, 0);
        } else {
            for (auto actor : reached_) bits_[actor / 64] = 0;
        }
        reached_.clear();
    }
    [[nodiscard]] bool reached(ActorIndex actor) const { return (bits_[actor / 64] >> (actor % 64)) & 1U; }
    [[nodiscard]] double distance(ActorIndex actor) const { return labels_[actor].distance; }
    /// The step this side reached the actor by, naming the actor on the search's own side.
    [[nodiscard]] QueryStep via(ActorIndex actor) const { return labels_[actor].via; }
    void reach(ActorIndex actor, double distance, QueryStep via)
    {
        if (!reached(actor)) {
            bits_[actor / 64] |= std::uint64_t{1} << (actor % 64);
            reached_.push_back(actor);
        }
        labels_[actor] = {distance, via};
    }
    /// Asks the memory system for an actor's label ahead of use: a hub's neighbours are scattered
    /// over the whole label array, and fetching them together overlaps the cache misses.
    void prefetch(ActorIndex actor) const { __builtin_prefetch(&labels_[actor]); }

private:
    struct Label {
        double distance = 0;
        QueryStep via;
    };
    std::vector<Label> labels_;
    std::vector<std::uint64_t> bits_;
    std::vector<ActorIndex> reached_;
};

/// A set of actors cleared in O(1), for the actors a spur search may not pass.
class ActorSet {
public:
    void restart(std::size_t actors)
    {
        if (stamps_.size() != actors || stamp_ == std::numeric_limits<std::uint32_t>::max()) {
            stamps_.assign(actors, 0);
            stamp_ = 0;
        }
        ++stamp_;
    }
    void insert(ActorIndex actor) { stamps_[actor] = stamp_; }
    [[nodiscard]] bool contains(ActorIndex actor) const { return stamps_[actor] == stamp_; }

private:
    std::vector<std::uint32_t> stamps_;
    std::uint32_t stamp_ = 0;
};

struct QueueEntry {
    double distance;
    ActorIndex actor;
    bool operator>(const QueueEntry& other) const { return distance > other.distance; }
};

/// Everything a search writes, kept per thread between searches so repeated queries allocate nothing.
struct Scratch {
    Labels forward;
    Labels backward;
    std::array<std::vector<ActorIndex>, 4> frontiers;
    std::array<std::vector<QueueEntry>, 2> queues;
};

/// This thread's scratch, with both sides' labels cleared for a graph of `actors`.
inline Scratch& fresh_scratch(std::size_t actors)
{
    thread_local Scratch scratch;
    scratch.forward.restart(actors);
    scratch.backward.restart(actors);
    return scratch;
}

/// No restriction: the plain shortest path.
struct Anything {
    [[nodiscard]] bool allows(ActorIndex, ActorIndex, RelationIndex) const { return true; }
};

/// What a spur search of Yen's algorithm may not use: the root path's actors, and the relations
/// earlier paths with the same root took out of the spur actor.
struct Detour {
    const ActorSet* blocked = nullptr;
    ActorIndex spur = 0;
    std::vector<RelationIndex> banned;

    /// True when the step from one actor to another over the relation may be taken.
    [[nodiscard]] bool allows(ActorIndex from, ActorIndex to, RelationIndex relation) const
    {
        if (blocked->contains(from) || blocked->contains(to)) return false;
        return from != spur || std::find(banned.begin(), banned.end(), relation) == banned.end();
    }
};

/// The cost of a path as the sum of its relations' costs (hops when `costs` is null), added
/// from the last relation back as Dijkstra's recorded paths were.
inline double path_cost(const std::vector<RelationIndex>& relations, const StepCosts* costs)
{
    if (!costs) return static_cast<double>(relations.size());
    double cost = 0;
    for (auto it = relations.rbegin(); it != relations.rend(); ++it) cost += costs->of(*it);
    return cost;
}

/// The path through `meet`: the forward labels lead back to `from`, the backward ones on to `to`.
inline Path joined_path(const Scratch& scratch, ActorIndex from, ActorIndex to, ActorIndex meet, const StepCosts* costs)
{
    Path path;
    for (ActorIndex at = meet; at != from; at = scratch.forward.via(at).actor) {
        path.actors.push_back(at);
        path.relations.push_back(scratch.forward.via(at).relation);
    }
    path.actors.push_back(from);
    std::reverse(path.actors.begin(), path.actors.end());
    std::reverse(path.relations.begin(), path.relations.end());
    for (ActorIndex at = meet; at != to;) {
        auto step = scratch.backward.via(at);
        path.relations.push_back(step.relation);
        at = step.actor;
        path.actors.push_back(at);
    }
    path.cost = path_cost(path.relations, costs);
    return path;
}

/// The steps a side walks: forward ones from `from`'s side, arriving ones (walked back) from `to`'s.
inline std::span<const QueryStep> side_steps(const QueryIndex& index, bool forward, ActorIndex actor)
{
    return forward ? index.forward(actor) : index.backward(actor);
}

/// Expands one whole level of a breadth-first side; returns the first actor the other side had
/// reached. Stopping there is exact: with whole levels on both sides, the first meeting found
/// closes a shortest path (any shorter one would have met at an earlier level).
template <typename Rule>
std::optional<ActorIndex> expand_level(const QueryIndex& index, bool forward, Labels& own, const Labels& other,
                                       std::vector<ActorIndex>& frontier, std::vector<ActorIndex>& next, const Rule& rule)
{
    next.clear();
    for (auto actor : frontier) {
        double distance = own.distance(actor) + 1;
        auto steps = side_steps(index, forward, actor);
        for (auto step : steps) {
            if (!own.reached(step.actor)) own.prefetch(step.actor);
        }
        for (auto step : steps) {
            if (own.reached(step.actor)) continue;
            if (!(forward ? rule.allows(actor, step.actor, step.relation) : rule.allows(step.actor, actor, step.relation))) continue;
            own.reach(step.actor, distance, {actor, step.relation});
            if (other.reached(step.actor)) return step.actor;
            next.push_back(step.actor);
        }
    }
    frontier.swap(next);
    return std::nullopt;
}

/// The steps leaving a frontier: the work of expanding it next.
inline std::size_t frontier_work(const QueryIndex& index, bool forward, const std::vector<ActorIndex>& frontier)
{
    std::size_t work = 0;
    for (auto actor : frontier) work += side_steps(index, forward, actor).size();
    return work;
}

/// The path with the fewest hops, at most `max_hops`, by breadth-first search from both ends,
/// always growing the side whose next level is cheaper.
template <typename Rule>
std::optional<Path> fewest_hops(const QueryIndex& index, ActorIndex from, ActorIndex to, const Rule& rule,
                                std::size_t max_hops = std::numeric_limits<std::size_t>::max())
{
    if (from == to) return Path{{from}, {}, 0, {}};
    auto& scratch = fresh_scratch(index.actor_count());
    scratch.forward.reach(from, 0, {from, 0});
    scratch.backward.reach(to, 0, {to, 0});
    auto& ahead = scratch.frontiers[0];
    auto& behind = scratch.frontiers[1];
    ahead.assign(1, from);
    behind.assign(1, to);
    for (std::size_t hops = 0; hops < max_hops && !ahead.empty() && !behind.empty(); ++hops) {
        bool grow_ahead = frontier_work(index, true, ahead) <= frontier_work(index, false, behind);
        auto meet = grow_ahead ? expand_level(index, true, scratch.forward, scratch.backward, ahead, scratch.frontiers[2], rule)
                               : expand_level(index, false, scratch.backward, scratch.forward, behind, scratch.frontiers[3], rule);
        if (meet) return joined_path(scratch, from, to, *meet, nullptr);
    }
    return std::nullopt;
}

/// One side of a bidirectional Dijkstra: its labels, its queue and the direction it walks.
struct DijkstraSide {
    Labels& labels;
    std::vector<QueueEntry>& queue;
    bool forward;

    [[nodiscard]] double next_distance() const { return queue.front().distance; }
    void push(double distance, ActorIndex actor)
    {
        queue.push_back({distance, actor});
        std::push_heap(queue.begin(), queue.end(), std::greater<>());
    }
    QueueEntry pop()
    {
        std::pop_heap(queue.begin(), queue.end(), std::greater<>());
        auto entry = queue.back();
        queue.pop_back();
        return entry;
    }
};

/// The cheapest meeting found so far: its total cost and the actor where the two sides join.
struct Meeting {
    double cost = unreachable;
    ActorIndex actor = 0;
};

/// Settles the nearest actor of one side, relaxes its steps and records any cheaper meeting.
/// `bound` is the other side's nearest queued distance: every actor it has not reached is at
/// least that far from its end, so a step to such an actor that reaches it no cheaper than the
/// best meeting less that bound cannot lead to a cheaper path, and is neither labelled nor queued
/// (late in a search, most steps; their labels are not even fetched). Steps to actors the other
/// side has reached are always taken: those may already be nearer its end than the bound.
template <typename Rule>
void settle_next(const QueryIndex& index, const StepCosts& costs, DijkstraSide& side, const Labels& other,
                 double bound, Meeting& meeting, const Rule& rule)
{
    auto [distance, actor] = side.pop();
    if (distance > side.labels.distance(actor)) return;  // a stale entry: the actor was reached cheaper since
    auto steps = side_steps(index, side.forward, actor);
    auto step_costs = side.forward ? costs.forward(actor) : costs.backward(actor);
    for (std::size_t i = 0; i < steps.size(); ++i) {
        if (i + prefetch_distance < steps.size() && distance + step_costs[i + prefetch_distance] + bound < meeting.cost) {
            side.labels.prefetch(steps[i + prefetch_distance].actor);
        }
        auto step = steps[i];
        double reached = distance + step_costs[i];
        bool met = other.reached(step.actor);
        if (!met && reached + bound >= meeting.cost) continue;
        if (!(side.forward ? rule.allows(actor, step.actor, step.relation) : rule.allows(step.actor, actor, step.relation))) continue;
        if (!side.labels.reached(step.actor) || reached < side.labels.distance(step.actor)) {
            side.labels.reach(step.actor, reached, {actor, step.relation});
            side.push(reached, step.actor);
        }
        if (!met) continue;
        double total = side.labels.distance(step.actor) + other.distance(step.actor);
        if (total < meeting.cost) meeting = {total, step.actor};
    }
}

/// The cheapest path under the relation costs (all positive) by Dijkstra from both ends; it stops
/// once the two nearest unsettled actors together cost at least the best meeting, and queues
/// nothing that could only reach the other side at that cost or more (settle_next). The side with
/// the shorter queue moves next: taking the nearer side first lets the side of an actor whose
/// relations all cost much grow alone through half the graph before the other moves at all.
template <typename Rule>
std::optional<Path> cheapest(const QueryIndex& index, ActorIndex from, ActorIndex to, const StepCosts& costs,
                             const Rule& rule)
{
    if (from == to) return Path{{from}, {}, 0, {}};
    auto& scratch = fresh_scratch(index.actor_count());
    DijkstraSide ahead{scratch.forward, scratch.queues[0], true};
    DijkstraSide behind{scratch.backward, scratch.queues[1], false};
    ahead.queue.clear();
    behind.queue.clear();
    ahead.labels.reach(from, 0, {from, 0});
    behind.labels.reach(to, 0, {to, 0});
    ahead.push(0, from);
    behind.push(0, to);
    Meeting meeting;
    while (!ahead.queue.empty() && !behind.queue.empty() &&
           ahead.next_distance() + behind.next_distance() < meeting.cost) {
        if (ahead.queue.size() <= behind.queue.size()) {
            settle_next(index, costs, ahead, behind.labels, behind.next_distance(), meeting, rule);
        } else {
            settle_next(index, costs, behind, ahead.labels, ahead.next_distance(), meeting, rule);
        }
    }
    if (meeting.cost == unreachable) return std::nullopt;
    return joined_path(scratch, from, to, meeting.actor, &costs);
}

/// The cheapest path, by hops when `costs` is null.
template <typename Rule>
std::optional<Path> best_path(const QueryIndex& index, ActorIndex from, ActorIndex to, const StepCosts* costs,
                              const Rule& rule, std::size_t max_hops = std::numeric_limits<std::size_t>::max())
{
    return costs ? cheapest(index, from, to, *costs, rule) : fewest_hops(index, from, to, rule, max_hops);
}

}  // namespace actorgraph::search
