// Query and load speed of the current core on synthetic influence graphs, with a plain
// Boost.Graph compressed_sparse_row_graph BFS over the same graph as the reference.
#include <benchmark/benchmark.h>

#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <filesystem>
#include <map>
#include <random>

#include "actorgraph/generate/synthetic_graph.hpp"
#include "actorgraph/io/neo4j_csv.hpp"
#include "actorgraph/query/metrics.hpp"
#include "actorgraph/query/neighbourhood.hpp"
#include "actorgraph/query/paths.hpp"

namespace actorgraph {
namespace {

const Graph& synthetic(std::size_t actors)
{
    static std::map<std::size_t, Graph> graphs;
    auto it = graphs.find(actors);
    if (it == graphs.end()) it = graphs.emplace(actors, generate_synthetic_graph({actors, 4.0, 1})).first;
    return it->second;
}

std::pair<ActorIndex, ActorIndex> random_pair(std::mt19937& random, std::size_t actors)
{
    std::uniform_int_distribution<ActorIndex> pick(0, static_cast<ActorIndex>(actors - 1));
    return {pick(random), pick(random)};
}

void load_csv(benchmark::State& state)
{
    auto actors = static_cast<std::size_t>(state.range(0));
    auto documents = write_neo4j_csv(synthetic(actors));
    for (auto _ : state) {
        auto graph = read_neo4j_csv(documents.nodes, "nodes.csv", documents.relationships, "relationships.csv");
        benchmark::DoNotOptimize(graph.relation_count());
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * (documents.nodes.size() + documents.relationships.size())));
}
BENCHMARK(load_csv)->Arg(10000)->Arg(100000)->Unit(benchmark::kMillisecond);

// Single pairs in any direction, a new random pair each iteration; `weight` empty counts hops.
void single_pair_paths(benchmark::State& state, const std::string& weight)
{
    auto actors = static_cast<std::size_t>(state.range(0));
    const auto& graph = synthetic(actors);
    std::mt19937 random(7);
    PathOptions options;
    options.direction = Direction::any;
    options.weight = weight;
    for (auto _ : state) {
        auto [from, to] = random_pair(random, actors);
        benchmark::DoNotOptimize(find_paths(graph, from, to, options));
    }
}
BENCHMARK_CAPTURE(single_pair_paths, shortest_path_single_pair, std::string())->Arg(10000)->Arg(100000)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(single_pair_paths, weighted_path_single_pair, std::string("amount_usd"))->Arg(10000)->Arg(100000)->Unit(benchmark::kMillisecond);

void full_bfs(benchmark::State& state)
{
    auto actors = static_cast<std::size_t>(state.range(0));
    const auto& graph = synthetic(actors);
    NeighbourhoodOptions options{{}, Direction::follow, actors};
    for (auto _ : state) benchmark::DoNotOptimize(hop_distances(graph, {0}, options));
}
BENCHMARK(full_bfs)->Arg(10000)->Arg(100000)->Unit(benchmark::kMillisecond);

// The reference the scale issue asks for: a bare CSR graph and BGL's BFS, no filters.
void reference_csr_bfs(benchmark::State& state)
{
    auto actors = static_cast<std::size_t>(state.range(0));
    const auto& graph = synthetic(actors);
    std::vector<std::pair<std::size_t, std::size_t>> edges;
    for (const auto& relation : graph.relations()) edges.emplace_back(relation.source, relation.target);
    std::sort(edges.begin(), edges.end());
    boost::compressed_sparse_row_graph<boost::directedS> csr(boost::edges_are_sorted, edges.begin(), edges.end(), actors);
    std::vector<int> distance(actors);
    for (auto _ : state) {
        std::fill(distance.begin(), distance.end(), -1);
        distance[0] = 0;
        boost::breadth_first_search(csr, 0, boost::visitor(boost::make_bfs_visitor(
            boost::record_distances(distance.data(), boost::on_tree_edge()))));
        benchmark::DoNotOptimize(distance.data());
    }
}
BENCHMARK(reference_csr_bfs)->Arg(10000)->Arg(100000)->Unit(benchmark::kMillisecond);

void pagerank(benchmark::State& state)
{
    const auto& graph = synthetic(static_cast<std::size_t>(state.range(0)));
    for (auto _ : state) benchmark::DoNotOptimize(compute_metric(graph, Metric::pagerank, {}));
}
BENCHMARK(pagerank)->Arg(10000)->Arg(100000)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace actorgraph
