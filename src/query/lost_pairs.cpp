// The pairs of actors a removal separates, heaviest first (WhatIfResult::important_pairs). Counting
// every lost pair of a big graph is quadratic; the heaviest few are found by searching from the most
// connected affected actors down and stopping once no pair left can outweigh the lightest one kept.
#include <algorithm>
#include <limits>
#include <numeric>
#include <unordered_map>

#include "actorgraph/query/what_if.hpp"

namespace actorgraph {

namespace {

// Marks reused across searches: an actor is marked when its mark equals the current stamp.
class Marks {
public:
    explicit Marks(std::size_t size) : marks_(size, 0) {}
    void next() { ++stamp_; }
    [[nodiscard]] bool marked(ActorIndex actor) const { return marks_[actor] == stamp_; }
    void mark(ActorIndex actor) { marks_[actor] = stamp_; }

private:
    std::vector<std::uint32_t> marks_;
    std::uint32_t stamp_ = 0;
};

struct Search {
    const QueryIndex& index;
    const std::vector<char>& removed;
    Marks marks;
    std::vector<ActorIndex> stack;
    std::uint64_t work = 0;  ///< steps walked so far

    [[nodiscard]] std::span<const QueryStep> steps(ActorIndex actor, bool forward) const
    {
        return forward ? index.forward(actor) : index.backward(actor);
    }

    // Walks from the actors on the stack; reached removed actors go to `gates` when given (and are not
    // walked through), else they are walked through like any other.
    void walk(bool forward, std::vector<ActorIndex>* gates, std::vector<ActorIndex>* reached)
    {
        while (!stack.empty()) {
            auto actor = stack.back();
            stack.pop_back();
            for (const auto& step : steps(actor, forward)) {
                ++work;
                if (marks.marked(step.actor)) continue;
                marks.mark(step.actor);
                if (removed[step.actor] && gates) {
                    gates->push_back(step.actor);
                    continue;
                }
                if (reached && !removed[step.actor]) reached->push_back(step.actor);
                stack.push_back(step.actor);
            }
        }
    }

    // The actors `from` reaches (forward) or is reached from (backward) before the removal and not
    // after: first everything reachable avoiding the removed actors, then on through the removed
    // ones it met; what the second walk finds is what the removal cut off.
    std::vector<ActorIndex> lost_reach(ActorIndex from, bool forward)
    {
        marks.next();
        marks.mark(from);
        stack.assign(1, from);
        std::vector<ActorIndex> gates, lost;
        walk(forward, &gates, nullptr);
        stack = std::move(gates);
        walk(forward, nullptr, &lost);
        return lost;
    }

    // Every actor reached from the removed ones (forward), or reaching them (backward).
    std::vector<char> around_removed(bool forward)
    {
        marks.next();
        stack.clear();
        for (ActorIndex actor = 0; actor < removed.size(); ++actor) {
            if (removed[actor]) {
                marks.mark(actor);
                stack.push_back(actor);
            }
        }
        std::vector<ActorIndex> reached;
        walk(forward, nullptr, &reached);
        std::vector<char> flags(index.actor_count(), 0);
        for (auto actor : reached) flags[actor] = 1;
        return flags;
    }
};

// Strongly connected components of the actors left after the removal (forward steps, removed actors
// skipped), by an iterative Tarjan. Members of one component reach, and are reached from, the same
// actors before and after the removal, so they lose the same reach: one search answers for all of them.
std::vector<std::uint32_t> strong_components(const QueryIndex& index, const std::vector<char>& removed)
{
    constexpr auto unvisited = std::numeric_limits<std::uint32_t>::max();
    auto count = index.actor_count();
    std::vector<std::uint32_t> component(count, unvisited), order(count, unvisited), low(count, 0);
    std::vector<ActorIndex> tarjan_stack;
    std::vector<std::pair<ActorIndex, std::size_t>> calls;  // actor and the next of its steps to follow
    std::uint32_t visited = 0, components = 0;
    auto enter = [&](ActorIndex actor) {
        order[actor] = low[actor] = visited++;
        tarjan_stack.push_back(actor);
        calls.emplace_back(actor, 0);
    };
    for (auto start : index.kept_actors()) {
        if (removed[start] || order[start] != unvisited) continue;
        enter(start);
        while (!calls.empty()) {
            auto& [actor, next] = calls.back();
            auto steps = index.forward(actor);
            if (next < steps.size()) {
                auto other = steps[next++].actor;
                if (removed[other]) continue;
                if (order[other] == unvisited) enter(other);
                else if (component[other] == unvisited) low[actor] = std::min(low[actor], order[other]);
                continue;
            }
            auto done = actor;
            calls.pop_back();
            if (!calls.empty()) low[calls.back().first] = std::min(low[calls.back().first], low[done]);
            if (low[done] != order[done]) continue;
            ActorIndex member;
            do {
                member = tarjan_stack.back();
                tarjan_stack.pop_back();
                component[member] = components;
            } while (member != done);
            ++components;
        }
    }
    return component;
}

// Heaviest first; among equals the pair of the better ranked actors.
struct Heavier {
    const std::vector<std::size_t>* rank;
    bool operator()(const LostPair& a, const LostPair& b) const
    {
        if (a.weight != b.weight) return a.weight > b.weight;
        auto key = [&](const LostPair& pair) { return std::pair{(*rank)[pair.first], (*rank)[pair.second]}; };
        return key(a) < key(b);
    }
};

}  // namespace

std::vector<ActorIndex> reach_lost_by_removal(const QueryIndex& index, ActorIndex from, bool forward, const std::vector<char>& removed)
{
    Search search{index, removed, Marks(index.actor_count()), {}, 0};
    auto lost = search.lost_reach(from, forward);
    std::sort(lost.begin(), lost.end());
    return lost;
}

ImportantPairs important_lost_pairs(const QueryIndex& index, const std::vector<char>& removed, std::size_t count,
                                    std::uint64_t budget)
{
    ImportantPairs result;
    if (count == 0) return result;
    Search search{index, removed, Marks(index.actor_count()), {}, 0};
    // Only an actor that reached a removed one can lose a target, and only one reached from a removed
    // one can be lost.
    auto upstream = search.around_removed(false);
    auto downstream = search.around_removed(true);
    std::vector<ActorIndex> order;
    for (auto actor : index.kept_actors()) {
        if (upstream[actor] || downstream[actor]) order.push_back(actor);
    }
    // Degrees read once: the sort and the pair weights ask for them many times.
    std::vector<std::uint64_t> degrees(index.actor_count(), 0);
    for (auto actor : order) degrees[actor] = index.degree(actor);
    auto degree = [&](ActorIndex actor) { return degrees[actor]; };
    std::sort(order.begin(), order.end(), [&](auto a, auto b) { return std::pair{degree(b), a} < std::pair{degree(a), b}; });
    auto component = strong_components(index, removed);
    std::vector<std::uint32_t> component_size(index.actor_count(), 0);
    for (auto actor : order) {
        if (component[actor] != std::numeric_limits<std::uint32_t>::max()) ++component_size[component[actor]];
    }
    // The reach a component lost, per direction, searched once for its first member.
    std::unordered_map<std::uint32_t, std::vector<ActorIndex>> lost_forward, lost_backward;
    std::vector<ActorIndex> lone_lost;  // a lone actor's reach is asked for once: not kept
    auto lost_reach = [&](ActorIndex actor, bool forward) -> const std::vector<ActorIndex>& {
        auto id = component[actor];
        if (component_size[id] < 2) return lone_lost = search.lost_reach(actor, forward);
        auto& known = forward ? lost_forward : lost_backward;
        auto [found, inserted] = known.try_emplace(id);
        if (inserted) found->second = search.lost_reach(actor, forward);
        return found->second;
    };
    std::vector<std::size_t> rank(index.actor_count(), order.size());
    for (std::size_t i = 0; i < order.size(); ++i) rank[order[i]] = i;

    auto prepared = search.work;  // the budget is for the searches from each actor
    Heavier heavier{&rank};
    std::vector<LostPair> kept;  // a heap whose top is the lightest pair kept
    for (std::size_t i = 0; i < order.size(); ++i) {
        // Every pair not yet found joins two actors ranked from i on: none can outweigh a full list.
        if (kept.size() == count && i + 1 < order.size() && degree(order[i]) * degree(order[i + 1]) < kept.front().weight) break;
        if (search.work - prepared > budget) {
            result.complete = false;
            break;
        }
        auto actor = order[i];
        ++result.searched;
        // A pair is found once, from its better ranked actor, with both of its directions.
        std::unordered_map<ActorIndex, LostPair> found;
        auto note = [&](bool forward) {
            for (auto other : lost_reach(actor, forward)) {
                if (rank[other] <= i) continue;
                auto& pair = found.try_emplace(other, LostPair{actor, other, false, false, degree(actor) * degree(other)}).first->second;
                (forward ? pair.first_to_second : pair.second_to_first) = true;
            }
        };
        if (upstream[actor]) note(true);
        if (downstream[actor]) note(false);
        for (auto& [other, pair] : found) {
            // Found over the index's steps: with Direction::reverse they run against the relations.
            if (index.direction() == Direction::reverse) std::swap(pair.first_to_second, pair.second_to_first);
            if (kept.size() == count && !heavier(pair, kept.front())) continue;
            kept.push_back(pair);
            std::push_heap(kept.begin(), kept.end(), heavier);
            if (kept.size() > count) {
                std::pop_heap(kept.begin(), kept.end(), heavier);
                kept.pop_back();
            }
        }
    }
    std::sort(kept.begin(), kept.end(), heavier);
    result.pairs = std::move(kept);
    return result;
}

}  // namespace actorgraph
