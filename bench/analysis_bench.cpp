// Cut and what-if for one pair on synthetic influence graphs, against a plain Boost.Graph run of
// the same max-flow (Boykov-Kolmogorov on an adjacency_list of the whole split graph, built per
// query as a one-off script would).
//
// Runs at ACTORGRAPH_BENCH_ACTORS actors (default 100000; 1000000 for the scale goal) with 4
// relations per actor. The core's queries go through a QueryCache whose index is built before
// timing starts; each cut still builds its own flow network over the actors on FROM -> TO routes.
#include <benchmark/benchmark.h>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/boykov_kolmogorov_max_flow.hpp>
#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/connected_components.hpp>
#include <boost/graph/filtered_graph.hpp>
#include <boost/graph/reverse_graph.hpp>
#include <algorithm>
#include <cstdlib>
#include <map>
#include <memory>
#include <numeric>
#include <random>

#include "actorgraph/query/cut.hpp"
#include "actorgraph/query/query_cache.hpp"
#include "actorgraph/query/what_if.hpp"
#include "synthetic_graphs.hpp"

namespace actorgraph {
namespace {

using bench::cache_for;
using bench::synthetic;

const std::int64_t bench_actors = bench::actors_from_environment();

// Pairs with a route between them, so every cut does real work.
std::vector<std::pair<ActorIndex, ActorIndex>> connected_pairs(std::size_t actors, std::size_t count)
{
    auto index = cache_for(actors).index({}, Direction::follow);
    std::mt19937 random(7);
    std::uniform_int_distribution<ActorIndex> pick(0, static_cast<ActorIndex>(actors - 1));
    std::vector<std::pair<ActorIndex, ActorIndex>> pairs;
    while (pairs.size() < count) {
        ActorIndex from = pick(random), to = pick(random);
        if (from != to && reachable_actors(*index, from, true)[to]) pairs.emplace_back(from, to);
    }
    return pairs;
}

void cut(benchmark::State& state, CutKind kind)
{
    auto actors = static_cast<std::size_t>(state.range(0));
    auto& cache = cache_for(actors);
    auto pairs = connected_pairs(actors, 4);
    auto index = cache.index({}, Direction::follow);
    std::size_t i = 0;
    for (auto _ : state) {
        auto [from, to] = pairs[i++ % pairs.size()];
        benchmark::DoNotOptimize(minimum_cut(*index, from, to, kind).size);
    }
}
BENCHMARK_CAPTURE(cut, actors, CutKind::actors)->Arg(bench_actors)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK_CAPTURE(cut, relations, CutKind::relations)->Arg(bench_actors)->Unit(benchmark::kMillisecond)->UseRealTime();

// The reference: the whole graph split into entry and exit vertices in a BGL adjacency_list, then
// Boost's Boykov-Kolmogorov max-flow, as the BGL documentation's example does it.
using Traits = boost::adjacency_list_traits<boost::vecS, boost::vecS, boost::directedS>;
using PlainGraph = boost::adjacency_list<
    boost::vecS, boost::vecS, boost::directedS,
    boost::property<boost::vertex_index_t, long,
                    boost::property<boost::vertex_color_t, boost::default_color_type,
                                    boost::property<boost::vertex_distance_t, long,
                                                    boost::property<boost::vertex_predecessor_t, Traits::edge_descriptor>>>>,
    boost::property<boost::edge_capacity_t, long,
                    boost::property<boost::edge_residual_capacity_t, long,
                                    boost::property<boost::edge_reverse_t, Traits::edge_descriptor>>>>;

long plain_bgl_actor_cut(const Graph& graph, ActorIndex from, ActorIndex to)
{
    auto n = graph.actor_count();
    PlainGraph flow(2 * n);
    auto capacity = boost::get(boost::edge_capacity, flow);
    auto reverse = boost::get(boost::edge_reverse, flow);
    const long unlimited = static_cast<long>(graph.relation_count() + n + 1);
    auto add = [&](std::size_t a, std::size_t b, long amount) {
        auto forward = boost::add_edge(a, b, flow).first;
        auto backward = boost::add_edge(b, a, flow).first;
        capacity[forward] = amount;
        capacity[backward] = 0;
        reverse[forward] = backward;
        reverse[backward] = forward;
    };
    for (std::size_t actor = 0; actor < n; ++actor) add(2 * actor, 2 * actor + 1, actor == from || actor == to ? unlimited : 1);
    for (const auto& relation : graph.relations()) {
        if (relation.source == relation.target || (relation.source == from && relation.target == to)) continue;
        add(2 * relation.source + 1, 2 * relation.target, unlimited);
    }
    return boost::boykov_kolmogorov_max_flow(flow, 2 * from, 2 * to + 1);
}

void cut_actors_plain_bgl(benchmark::State& state)
{
    auto actors = static_cast<std::size_t>(state.range(0));
    const auto& graph = synthetic(actors);
    auto pairs = connected_pairs(actors, 4);
    std::size_t i = 0;
    for (auto _ : state) {
        auto [from, to] = pairs[i++ % pairs.size()];
        benchmark::DoNotOptimize(plain_bgl_actor_cut(graph, from, to));
    }
}
BENCHMARK(cut_actors_plain_bgl)->Arg(bench_actors)->Unit(benchmark::kMillisecond)->UseRealTime();

void what_if_one_actor_between_pair(benchmark::State& state)
{
    auto actors = static_cast<std::size_t>(state.range(0));
    auto& cache = cache_for(actors);
    auto pairs = connected_pairs(actors, 4);
    auto index = cache.index({}, Direction::follow);
    std::size_t i = 0;
    for (auto _ : state) {
        auto [from, to] = pairs[i++ % pairs.size()];
        auto removed = from;  // a neighbour on the way, or any other actor
        for (const auto& step : index->forward(from)) {
            if (step.actor != from && step.actor != to) removed = step.actor;
        }
        while (removed == from || removed == to) removed = static_cast<ActorIndex>((removed + 1) % actors);
        auto result = what_if(*index, {removed}, std::make_pair(from, to), 10);
        state.counters["searched"] = static_cast<double>(result.pairs_searched);
        state.counters["complete"] = result.pairs_complete ? 1 : 0;
        benchmark::DoNotOptimize(result.pairs_lost);
    }
}
BENCHMARK(what_if_one_actor_between_pair)->Arg(bench_actors)->Unit(benchmark::kMillisecond)->UseRealTime();

// The what-if reference, as a one-off Boost.Graph script would answer it: adjacency lists of the whole
// graph, connected_components before and after (a filtered_graph hiding the removed actor) for the pairs
// lost, breadth-first searches before and after from the pair's ends (forward from FROM, on the reverse
// graph to TO), and from the ten most connected actors for the important pairs. It searches from ten
// actors where the core searches until its budget (over a hundred thousand at 1M), so the ratio favours it.
using Directed = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS>;
using Undirected = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;

struct NotRemoved {
    ActorIndex removed = 0;
    bool operator()(std::size_t vertex) const { return vertex != removed; }
};

template <class G>
std::size_t reached_count(const G& graph, std::size_t start, std::size_t vertices)
{
    std::vector<boost::default_color_type> colours(vertices, boost::white_color);
    auto colour = boost::make_iterator_property_map(colours.begin(), boost::get(boost::vertex_index, graph));
    boost::breadth_first_search(graph, start, boost::color_map(colour));
    return static_cast<std::size_t>(std::count(colours.begin(), colours.end(), boost::black_color));
}

std::uint64_t pairs_within_components(const std::vector<int>& component, std::size_t count, ActorIndex skipped)
{
    std::vector<std::uint64_t> sizes(count, 0);
    for (std::size_t vertex = 0; vertex < component.size(); ++vertex) {
        if (vertex != skipped) ++sizes[static_cast<std::size_t>(component[vertex])];
    }
    std::uint64_t pairs = 0;
    for (auto size : sizes) pairs += size * (size - (size > 0 ? 1 : 0)) / 2;
    return pairs;
}

std::uint64_t plain_bgl_what_if(const Graph& graph, ActorIndex removed, ActorIndex from, ActorIndex to)
{
    auto n = graph.actor_count();
    Directed directed(n);
    Undirected undirected(n);
    std::vector<std::size_t> degree(n, 0);
    for (const auto& relation : graph.relations()) {
        boost::add_edge(relation.source, relation.target, directed);
        boost::add_edge(relation.source, relation.target, undirected);
        ++degree[relation.source];
        ++degree[relation.target];
    }
    NotRemoved keep{removed};
    boost::filtered_graph<Undirected, boost::keep_all, NotRemoved> undirected_after(undirected, {}, keep);
    boost::filtered_graph<Directed, boost::keep_all, NotRemoved> directed_after(directed, {}, keep);
    std::vector<int> component(n);
    auto before_count = static_cast<std::size_t>(boost::connected_components(undirected, component.data()));
    auto pairs_before = pairs_within_components(component, before_count, removed);
    std::fill(component.begin(), component.end(), 0);
    auto after_map = boost::make_iterator_property_map(component.begin(), boost::get(boost::vertex_index, undirected_after));
    auto after_count = static_cast<std::size_t>(boost::connected_components(undirected_after, after_map));
    std::uint64_t lost = pairs_before - pairs_within_components(component, after_count, removed);
    auto reverse = boost::make_reverse_graph(directed);
    boost::filtered_graph<decltype(reverse), boost::keep_all, NotRemoved> reverse_after(reverse, {}, keep);
    lost += reached_count(directed, from, n) - reached_count(directed_after, from, n);
    lost += reached_count(reverse, to, n) - reached_count(reverse_after, to, n);
    std::vector<ActorIndex> hubs(n);
    std::iota(hubs.begin(), hubs.end(), ActorIndex{0});
    std::partial_sort(hubs.begin(), hubs.begin() + 10, hubs.end(), [&](auto a, auto b) { return degree[a] > degree[b]; });
    for (std::size_t i = 0; i < 10; ++i) {
        if (hubs[i] == removed) continue;
        lost += reached_count(directed, hubs[i], n) - reached_count(directed_after, hubs[i], n);
    }
    return lost;
}

void what_if_plain_bgl(benchmark::State& state)
{
    auto actors = static_cast<std::size_t>(state.range(0));
    const auto& graph = synthetic(actors);
    auto pairs = connected_pairs(actors, 4);
    auto index = cache_for(actors).index({}, Direction::follow);
    std::size_t i = 0;
    for (auto _ : state) {
        auto [from, to] = pairs[i++ % pairs.size()];
        auto removed = from;  // the same actor the core's benchmark removes
        for (const auto& step : index->forward(from)) {
            if (step.actor != from && step.actor != to) removed = step.actor;
        }
        while (removed == from || removed == to) removed = static_cast<ActorIndex>((removed + 1) % actors);
        benchmark::DoNotOptimize(plain_bgl_what_if(graph, removed, from, to));
    }
}
BENCHMARK(what_if_plain_bgl)->Arg(bench_actors)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
}  // namespace actorgraph
