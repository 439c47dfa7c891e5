#include "actorgraph/query/what_if.hpp"

#include <algorithm>
#include <unordered_map>

#include "actorgraph/query/cut.hpp"
#include "actorgraph/query/query_cache.hpp"
#include "query/path_search.hpp"

namespace actorgraph {

namespace {

constexpr std::uint32_t no_component = std::numeric_limits<std::uint32_t>::max();

// A path search rule that never enters a removed actor.
struct Avoiding {
    const std::vector<char>* removed = nullptr;
    [[nodiscard]] bool allows(ActorIndex, ActorIndex to, RelationIndex) const { return !(*removed)[to]; }
};

struct Components {
    std::vector<std::uint32_t> of;    ///< per actor; no_component for dropped and removed actors
    std::vector<std::size_t> sizes;   ///< per component
};

// Weak components of the kept actors that are not removed, walking steps both ways.
Components weak_components(const QueryIndex& index, const std::vector<char>& removed)
{
    Components components;
    components.of.assign(index.actor_count(), no_component);
    std::vector<ActorIndex> stack;
    auto visit = [&](std::span<const QueryStep> steps, std::uint32_t label) {
        for (const auto& step : steps) {
            if (removed[step.actor] || components.of[step.actor] != no_component) continue;
            components.of[step.actor] = label;
            ++components.sizes[label];
            stack.push_back(step.actor);
        }
    };
    for (auto start : index.kept_actors()) {
        if (removed[start] || components.of[start] != no_component) continue;
        auto label = static_cast<std::uint32_t>(components.sizes.size());
        components.sizes.push_back(1);
        components.of[start] = label;
        stack.push_back(start);
        while (!stack.empty()) {
            auto actor = stack.back();
            stack.pop_back();
            visit(index.forward(actor), label);
            if (index.direction() != Direction::any) visit(index.backward(actor), label);
        }
    }
    return components;
}

std::uint64_t pairs(std::uint64_t n) { return n * (n - 1) / 2; }

// Splits each former component that lost actors into its new pieces: counts the pairs that no
// longer meet and keeps every piece but the largest as a fragment.
void compare_components(const QueryIndex& index, const Components& before, const Components& after,
                        const std::vector<char>& removed, WhatIfResult& result)
{
    std::unordered_map<std::uint32_t, std::uint64_t> survivors;                    // former component -> actors left
    std::unordered_map<std::uint32_t, std::vector<std::uint32_t>> pieces;          // former component -> new ones
    for (auto actor : result.removed) {
        if (before.of[actor] != no_component) survivors.emplace(before.of[actor], 0);
    }
    for (auto actor : index.kept_actors()) {
        if (removed[actor]) continue;
        auto old_component = before.of[actor];
        auto found = survivors.find(old_component);
        if (found == survivors.end()) continue;
        ++found->second;
        auto& list = pieces[old_component];
        if (std::find(list.begin(), list.end(), after.of[actor]) == list.end()) list.push_back(after.of[actor]);
    }
    std::vector<std::uint32_t> fragment_components;
    for (auto& [old_component, list] : pieces) {
        std::uint64_t still = 0;
        for (auto piece : list) still += pairs(after.sizes[piece]);
        result.pairs_lost += pairs(survivors[old_component]) - still;
        std::sort(list.begin(), list.end(), [&](auto a, auto b) { return std::tie(after.sizes[b], a) < std::tie(after.sizes[a], b); });
        fragment_components.insert(fragment_components.end(), list.begin() + 1, list.end());
    }
    std::unordered_map<std::uint32_t, std::size_t> slot;
    for (auto component : fragment_components) slot.emplace(component, slot.size());
    result.fragments.resize(slot.size());
    for (auto actor : index.kept_actors()) {
        if (removed[actor]) continue;
        auto found = slot.find(after.of[actor]);
        if (found != slot.end()) result.fragments[found->second].actors.push_back(actor);
    }
    for (auto& fragment : result.fragments) {
        std::stable_sort(fragment.actors.begin(), fragment.actors.end(),
                         [&](auto a, auto b) { return index.degree(a) > index.degree(b); });
    }
    std::sort(result.fragments.begin(), result.fragments.end(), [](const Fragment& a, const Fragment& b) {
        return std::make_pair(b.actors.size(), a.actors.front()) < std::make_pair(a.actors.size(), b.actors.front());
    });
}

WhatIfBetween routes_between(const QueryIndex& index, ActorIndex from, ActorIndex to, const std::vector<char>& removed,
                             std::size_t k)
{
    WhatIfBetween between{from, to, {}, {}, {}, {}, {}, {}};
    PathOptions options;
    options.filter = index.filter();
    options.direction = index.direction();
    options.k = std::max<std::size_t>(k, 1);
    for (auto& path : find_paths(index, from, to, options, {})) {
        bool through = std::any_of(path.actors.begin(), path.actors.end(), [&](auto actor) { return removed[actor] != 0; });
        (through ? between.broken : between.remaining).push_back(std::move(path));
    }
    if (!between.broken.empty() || !between.remaining.empty()) {
        auto& first = between.broken.empty() ? between.remaining.front() : between.broken.front();
        between.shortest_before = between.remaining.empty() || first.cost <= between.remaining.front().cost ? first : between.remaining.front();
        between.shortest_after = search::best_path(index, from, to, nullptr, Avoiding{&removed});
    }
    between.unreachable_from = reach_lost_by_removal(index, from, true, removed);
    between.unreaching_to = reach_lost_by_removal(index, to, false, removed);
    return between;
}

}  // namespace

std::vector<ActorIndex> WhatIfResult::cut_off_actors() const
{
    std::vector<ActorIndex> actors;
    for (const auto& fragment : fragments) actors.insert(actors.end(), fragment.actors.begin(), fragment.actors.end());
    std::sort(actors.begin(), actors.end());
    return actors;
}

Selection WhatIfResult::selection() const
{
    Selection selection{cut_off_actors(), broken_relations};
    selection.actors.insert(selection.actors.end(), removed.begin(), removed.end());
    selection.normalize();
    return selection;
}

WhatIfResult what_if(const QueryIndex& index, const std::vector<ActorIndex>& removed_actors,
                     std::optional<std::pair<ActorIndex, ActorIndex>> between, std::size_t k, std::size_t pair_count)
{
    const auto& graph = index.graph();
    WhatIfResult result;
    result.removed = removed_actors;
    std::sort(result.removed.begin(), result.removed.end());
    result.removed.erase(std::unique(result.removed.begin(), result.removed.end()), result.removed.end());
    std::vector<char> removed(index.actor_count(), 0);
    for (auto actor : result.removed) removed.at(actor) = 1;
    if (between) {
        for (auto end : {between->first, between->second}) {
            if (removed[end]) throw Error("what-if: '" + graph.actor(end).id + "' is both removed and an end of --between");
            if (!index.keeps(end)) throw Error("what-if: the filters drop actor '" + graph.actor(end).id + "'");
        }
    }
    for (auto actor : result.removed) {
        for (const auto& step : index.forward(actor)) result.broken_relations.push_back(step.relation);
        for (const auto& step : index.backward(actor)) result.broken_relations.push_back(step.relation);
    }
    std::sort(result.broken_relations.begin(), result.broken_relations.end());
    result.broken_relations.erase(std::unique(result.broken_relations.begin(), result.broken_relations.end()),
                                  result.broken_relations.end());
    auto before = weak_components(index, std::vector<char>(index.actor_count(), 0));
    auto after = weak_components(index, removed);
    result.components_before = before.sizes.size();
    result.components_after = after.sizes.size();
    result.largest_before = before.sizes.empty() ? 0 : *std::max_element(before.sizes.begin(), before.sizes.end());
    result.largest_after = after.sizes.empty() ? 0 : *std::max_element(after.sizes.begin(), after.sizes.end());
    compare_components(index, before, after, removed, result);
    auto important = important_lost_pairs(index, removed, pair_count);
    result.important_pairs = std::move(important.pairs);
    result.pairs_directed = index.direction() != Direction::any;
    result.pairs_complete = important.complete;
    result.pairs_searched = important.searched;
    if (between) result.between = routes_between(index, between->first, between->second, removed, k);
    return result;
}

WhatIfResult what_if(QueryCache& cache, const std::vector<ActorIndex>& removed,
                     std::optional<std::pair<ActorIndex, ActorIndex>> between, const WhatIfOptions& options)
{
    return what_if(*cache.index(options.filter, options.direction), removed, between, options.k, options.pairs);
}

}  // namespace actorgraph
