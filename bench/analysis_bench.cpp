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
#include <cstdlib>
#include <map>
#include <memory>
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
        benchmark::DoNotOptimize(what_if(*index, {removed}, std::make_pair(from, to), 10).pairs_lost);
    }
}
BENCHMARK(what_if_one_actor_between_pair)->Arg(bench_actors)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
}  // namespace actorgraph
