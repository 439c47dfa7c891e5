#include "actorgraph/query/paths.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <set>

#include "actorgraph/model/spelling.hpp"
#include "actorgraph/query/query_cache.hpp"
#include "actorgraph/query/time_filter.hpp"
#include "query/path_search.hpp"

namespace actorgraph {

namespace {

using search::unreachable;
constexpr std::size_t no_hop_limit = std::numeric_limits<std::size_t>::max();

// With `by_actors` only the actors must agree: distinct routes treat parallel relations as one hop.
bool same_prefix(const Path& path, const Path& root, std::size_t length, bool by_actors)
{
    if (path.actors.size() <= length) return false;
    return std::equal(root.actors.begin(), root.actors.begin() + static_cast<std::ptrdiff_t>(length) + 1, path.actors.begin()) &&
           (by_actors ||
            std::equal(root.relations.begin(), root.relations.begin() + static_cast<std::ptrdiff_t>(length), path.relations.begin()));
}

double relation_cost(RelationIndex relation, const StepCosts* costs)
{
    return costs ? costs->of(relation) : 1.0;
}

// Yen's spur path at position `spur` of `current`: the cheapest way on from the spur actor that
// avoids the root's actors and the relations earlier paths with the same root took from there.
std::optional<Path> spur_path(const QueryIndex& index, const Path& current, std::size_t spur, const std::vector<Path>& found,
                              ActorIndex to, const StepCosts* costs, std::size_t max_hops, bool distinct)
{
    thread_local search::ActorSet blocked;
    blocked.restart(index.actor_count());
    for (std::size_t i = 0; i < spur; ++i) blocked.insert(current.actors[i]);
    search::Detour detour{&blocked, current.actors[spur], {}};
    for (const auto& earlier : found) {
        if (!same_prefix(earlier, current, spur, distinct)) continue;
        if (!distinct) {
            detour.banned.push_back(earlier.relations[spur]);
            continue;
        }
        for (const auto& step : index.forward(current.actors[spur])) {  // every parallel relation to the same next actor
            if (step.actor == earlier.actors[spur + 1]) detour.banned.push_back(step.relation);
        }
    }
    auto tail_hops = max_hops == no_hop_limit ? no_hop_limit : max_hops - spur;
    auto tail = search::best_path(index, current.actors[spur], to, costs, detour, tail_hops);
    if (!tail) return std::nullopt;
    Path joined;
    joined.actors.assign(current.actors.begin(), current.actors.begin() + static_cast<std::ptrdiff_t>(spur));
    joined.relations.assign(current.relations.begin(), current.relations.begin() + static_cast<std::ptrdiff_t>(spur));
    for (auto relation : joined.relations) joined.cost += relation_cost(relation, costs);
    joined.actors.insert(joined.actors.end(), tail->actors.begin(), tail->actors.end());
    joined.relations.insert(joined.relations.end(), tail->relations.begin(), tail->relations.end());
    joined.cost += tail->cost;
    return joined;
}

// Yen's algorithm: each next path deviates from an earlier one at a spur actor. Counting hops,
// the hop limit also bounds the searches: paths come cheapest first, so once one is too long
// every later one is too.
std::vector<Path> yen_paths(const QueryIndex& index, ActorIndex from, ActorIndex to, const StepCosts* costs,
                            const PathOptions& options)
{
    auto wanted = std::max<std::size_t>(options.k, 1);
    auto search_hops = costs ? no_hop_limit : options.max_hops.value_or(no_hop_limit);
    auto within_hops = [&](const Path& path) { return !options.max_hops || path.relations.size() <= *options.max_hops; };
    std::vector<Path> found;
    std::vector<Path> accepted;
    auto first = search::best_path(index, from, to, costs, search::Anything{}, search_hops);
    if (!first) return accepted;
    auto by_cost = [](const Path& a, const Path& b) {
        return std::tie(a.cost, a.actors, a.relations) < std::tie(b.cost, b.actors, b.relations);
    };
    std::set<Path, decltype(by_cost)> candidates(by_cost);
    candidates.insert(std::move(*first));
    bool distinct = !options.parallel;
    std::set<std::vector<ActorIndex>> routes;  // actor sequences accepted, for distinct routes
    constexpr std::size_t max_rounds = 20000;  // bounds the search when the hop limit rejects most weighted paths
    for (std::size_t round = 0; round < max_rounds && !candidates.empty(); ++round) {
        Path current = candidates.extract(candidates.begin()).value();
        if (!costs && !within_hops(current)) break;
        if (distinct && !routes.insert(current.actors).second) continue;  // the same route over other parallel relations
        found.push_back(current);
        if (within_hops(current)) accepted.push_back(current);
        if (accepted.size() >= wanted) break;
        for (std::size_t spur = 0; spur + 1 < current.actors.size(); ++spur) {
            if (auto joined = spur_path(index, current, spur, found, to, costs, search_hops, distinct)) {
                candidates.insert(std::move(*joined));
            }
        }
    }
    return accepted;
}

// Breadth-first from `from` by whole levels until the level holding `to`: every actor no more
// hops away than `to` gets its final label.
void label_by_hops(const QueryIndex& index, ActorIndex from, ActorIndex to, search::Scratch& scratch)
{
    auto& labels = scratch.forward;
    auto& frontier = scratch.frontiers[0];
    auto& next = scratch.frontiers[1];
    frontier.assign(1, from);
    while (!frontier.empty() && !labels.reached(to)) {
        next.clear();
        for (auto actor : frontier) {
            for (auto step : index.forward(actor)) {
                if (labels.reached(step.actor)) continue;
                labels.reach(step.actor, labels.distance(actor) + 1, {actor, step.relation});
                next.push_back(step.actor);
            }
        }
        frontier.swap(next);
    }
}

// Dijkstra from `from`, stopped once the queue holds only actors farther than `to`: every actor
// no farther than `to` is settled with its final label by then.
void label_by_cost(const QueryIndex& index, ActorIndex from, ActorIndex to, const StepCosts& costs, search::Scratch& scratch)
{
    auto& labels = scratch.forward;
    search::DijkstraSide side{labels, scratch.queues[0], true};
    side.queue.clear();
    side.push(0, from);
    while (!side.queue.empty()) {
        auto [distance, actor] = side.pop();
        if (distance > labels.distance(actor)) continue;
        if (labels.reached(to) && distance > labels.distance(to)) break;
        auto steps = index.forward(actor);
        auto step_costs = costs.forward(actor);
        for (std::size_t i = 0; i < steps.size(); ++i) {
            double reached = distance + step_costs[i];
            if (labels.reached(steps[i].actor) && reached >= labels.distance(steps[i].actor)) continue;
            labels.reach(steps[i].actor, reached, {actor, steps[i].relation});
            side.push(reached, steps[i].actor);
        }
    }
}

// The forward labels of every actor no farther from `from` than `to`; returns the distance to `to`.
double label_up_to(const QueryIndex& index, ActorIndex from, ActorIndex to, const StepCosts* costs,
                   search::Scratch& scratch)
{
    scratch.forward.reach(from, 0, {from, 0});
    if (costs) {
        label_by_cost(index, from, to, *costs, scratch);
    } else {
        label_by_hops(index, from, to, scratch);
    }
    return scratch.forward.reached(to) ? scratch.forward.distance(to) : unreachable;
}

// Every path of the lowest cost, enumerated backwards along steps that lie on a cheapest path.
std::vector<Path> all_cheapest_paths(const QueryIndex& index, ActorIndex from, ActorIndex to,
                                     const StepCosts* costs, std::size_t limit)
{
    auto& scratch = search::fresh_scratch(index.actor_count());
    std::vector<Path> paths;
    double cheapest = label_up_to(index, from, to, costs, scratch);
    if (cheapest == unreachable) return paths;
    const auto& labels = scratch.forward;
    auto tight = [&](ActorIndex tail, ActorIndex head, RelationIndex relation) {
        if (!labels.reached(tail) || labels.distance(tail) > cheapest) return false;
        double expected = labels.distance(tail) + relation_cost(relation, costs);
        return std::abs(expected - labels.distance(head)) <= 1e-9 * (1 + expected);
    };
    Path partial;
    partial.actors.push_back(to);
    std::function<void(ActorIndex)> walk = [&](ActorIndex at) {
        if (paths.size() >= limit) return;
        if (at == from) {
            paths.push_back({{partial.actors.rbegin(), partial.actors.rend()}, {partial.relations.rbegin(), partial.relations.rend()}, cheapest, {}});
            return;
        }
        for (auto step : index.backward(at)) {
            if (!tight(step.actor, at, step.relation)) continue;
            partial.actors.push_back(step.actor);
            partial.relations.push_back(step.relation);
            walk(step.actor);
            partial.actors.pop_back();
            partial.relations.pop_back();
        }
    };
    walk(to);
    std::sort(paths.begin(), paths.end(), [](const Path& a, const Path& b) { return std::tie(a.actors, a.relations) < std::tie(b.actors, b.relations); });
    return paths;
}

// Each hop's parallel relations: the steps from its actor to the next one.
void list_parallel_relations(const QueryIndex& index, Path& path)
{
    path.parallel.assign(path.relations.size(), {});
    for (std::size_t hop = 0; hop < path.relations.size(); ++hop) {
        for (const auto& step : index.forward(path.actors[hop])) {
            if (step.actor == path.actors[hop + 1]) path.parallel[hop].push_back(step.relation);
        }
        std::sort(path.parallel[hop].begin(), path.parallel[hop].end());
        path.parallel[hop].erase(std::unique(path.parallel[hop].begin(), path.parallel[hop].end()), path.parallel[hop].end());
    }
}

// find_paths once the index and, for weighted paths, the step costs are at hand.
std::vector<Path> paths_over(const QueryIndex& index, ActorIndex from, ActorIndex to, const PathOptions& options,
                             const StepCosts* costs)
{
    if (!index.answers(options.filter, options.direction)) {
        throw Error("the query index was built for another filter or direction than the path options");
    }
    if (!index.keeps(from) || !index.keeps(to)) return {};
    std::vector<Path> paths;
    if (options.time_respecting) {
        if (auto path = time_respecting_path(index, from, to, options.filter.dated_only)) paths.push_back(std::move(*path));
    } else if (!options.all_shortest) {
        paths = yen_paths(index, from, to, costs, options);
    } else {
        paths = all_cheapest_paths(index, from, to, costs, options.limit);  // every combination, as --all promises
    }
    std::erase_if(paths, [&](const Path& path) { return options.max_hops && path.relations.size() > *options.max_hops; });
    if (!options.parallel) {
        for (auto& path : paths) list_parallel_relations(index, path);
    }
    return paths;
}

// Paths by their weakest evidence: for each grade on the graph, strongest first, the cheapest paths
// that use no relation below it; a path found at a lower grade first is one whose weakest
// relation has exactly that grade. Ungraded relations come last, unless a minimum grade excludes them.
std::vector<Path> paths_by_evidence(QueryCache& cache, ActorIndex from, ActorIndex to, const PathOptions& options)
{
    const auto& graph = cache.graph();
    std::set<ConfidenceGrade> grades;
    for (const auto& relation : graph.relations()) {
        if (auto grade = relation_confidence(relation)) grades.insert(*grade);
    }
    std::vector<std::optional<ConfidenceGrade>> levels(grades.rbegin(), grades.rend());
    if (options.filter.min_confidence) {
        std::erase_if(levels, [&](const auto& level) { return *level < *options.filter.min_confidence; });
    } else {
        levels.push_back(std::nullopt);
    }
    std::vector<Path> ranked;
    for (const auto& level : levels) {
        auto at_level = options;
        at_level.rank_by_evidence = false;
        at_level.filter.min_confidence = level;
        for (auto& path : find_paths(cache, from, to, at_level)) {
            if (ranked.size() >= std::max<std::size_t>(options.k, 1) && !options.all_shortest) return ranked;
            if (weakest_evidence(graph, path) == level) ranked.push_back(std::move(path));
        }
        if (options.all_shortest && !ranked.empty()) return ranked;
    }
    return ranked;
}

}  // namespace

WeightTransform parse_weight_transform(std::string_view text)
{
    if (text == "inverse") return WeightTransform::inverse;
    if (text == "direct") return WeightTransform::direct;
    throw Error("unknown weight transform '" + std::string(text) + "'; expected inverse or direct");
}

std::vector<std::string> numeric_relation_properties(const Graph& graph)
{
    std::set<std::string, std::less<>> names;
    for (const auto& relation : graph.relations()) {
        for (const auto& [name, value] : relation.properties) {
            if (!names.contains(name) && parse_number(value)) names.emplace(name);
        }
    }
    return {names.begin(), names.end()};
}

namespace {

// A weight nobody can walk by is a mistake, not "every relation costs the same".
void require_weight(const Graph& graph, const std::string& weight, bool present, bool numeric)
{
    if (numeric) return;
    if (!present) {
        std::set<std::string, std::less<>> names;
        for (const auto& relation : graph.relations()) {
            for (const auto& entry : relation.properties) names.emplace(entry.first);
        }
        std::vector<std::string> known(names.begin(), names.end());
        throw Error(unknown_word_message("weight property", weight, known));
    }
    std::string known;
    for (const auto& name : numeric_relation_properties(graph)) known += (known.empty() ? "" : ", ") + name;
    throw Error("weight property '" + weight + "' has no numeric value; numeric relation properties: " +
                (known.empty() ? std::string("none") : known));
}

}  // namespace

std::vector<double> relation_costs(const Graph& graph, const std::string& weight, WeightTransform transform)
{
    std::vector<double> costs(graph.relation_count(), 1.0);
    if (weight.empty()) return costs;
    std::vector<std::optional<double>> values(graph.relation_count());
    double largest = 0;
    bool present = false, numeric = false;
    for (RelationIndex index = 0; index < graph.relation_count(); ++index) {
        const auto& properties = graph.relation(index).properties;
        auto found = properties.find(weight);
        if (found == properties.end()) continue;
        present = true;
        auto value = parse_number(found->second);
        numeric = numeric || value.has_value();
        if (value && *value > 0) values[index] = *value;
        if (values[index]) largest = std::max(largest, *value);
    }
    require_weight(graph, weight, present, numeric);
    double weakest = 1.0;
    for (RelationIndex index = 0; index < graph.relation_count(); ++index) {
        if (!values[index]) continue;
        costs[index] = transform == WeightTransform::inverse ? largest / *values[index] : *values[index];
        weakest = std::max(weakest, costs[index]);
    }
    for (RelationIndex index = 0; index < graph.relation_count(); ++index) {
        if (!values[index]) costs[index] = weakest;
    }
    return costs;
}

std::vector<Path> find_paths(const QueryIndex& index, ActorIndex from, ActorIndex to, const PathOptions& options,
                             const std::vector<double>& costs)
{
    if (options.rank_by_evidence) throw Error("paths ranked by evidence need a QueryCache or the Graph, not one index");
    if (options.weight.empty()) return paths_over(index, from, to, options, nullptr);
    StepCosts steps(index, costs);
    return paths_over(index, from, to, options, &steps);
}

std::vector<Path> find_paths(QueryCache& cache, ActorIndex from, ActorIndex to, const PathOptions& options)
{
    if (options.rank_by_evidence) return paths_by_evidence(cache, from, to, options);
    auto index = cache.index(options.filter, options.direction);
    if (options.weight.empty()) return paths_over(*index, from, to, options, nullptr);
    auto steps = cache.step_costs(options.filter, options.direction, options.weight, options.transform);
    return paths_over(*index, from, to, options, steps.get());
}

std::vector<Path> find_paths(const Graph& graph, ActorIndex from, ActorIndex to, const PathOptions& options)
{
    QueryCache cache(graph, 1);
    return find_paths(cache, from, to, options);
}

std::optional<ConfidenceGrade> weakest_evidence(const Graph& graph, const Path& path)
{
    std::optional<ConfidenceGrade> weakest;
    for (auto relation : path.relations) {
        auto grade = parse_confidence(property_or_empty(graph.relation(relation).properties, schema::confidence));
        if (!grade) return std::nullopt;
        if (!weakest || *grade < *weakest) weakest = grade;
    }
    return weakest;
}

Selection selection_of(const std::vector<Path>& paths)
{
    Selection selection;
    for (const auto& path : paths) {
        selection.actors.insert(selection.actors.end(), path.actors.begin(), path.actors.end());
        selection.relations.insert(selection.relations.end(), path.relations.begin(), path.relations.end());
    }
    selection.normalize();
    return selection;
}

}  // namespace actorgraph
