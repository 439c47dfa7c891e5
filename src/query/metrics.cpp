#include "actorgraph/query/metrics.hpp"

#include <algorithm>
#include <boost/graph/betweenness_centrality.hpp>
#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <limits>
#include <memory>
#include <random>
#include <span>

#include "actorgraph/query/query_cache.hpp"
#include "query/pagerank_graph.hpp"

namespace actorgraph {

namespace {

// The kept actors as vertices 0..n-1 with parallel relations merged and relations to oneself
// dropped, so a pair joined twice is not counted twice: what betweenness and PageRank walk.
// Dropped actors are left out, so per-vertex work scales with what the filter keeps. (PageRank
// walks its own renumbered copy: query/pagerank_graph.hpp.)
struct SimpleGraph {
    std::vector<ActorIndex> actors;  ///< vertex v is actor actors[v], in actor order
    std::vector<std::size_t> offsets;
    std::vector<std::uint32_t> neighbours;

    [[nodiscard]] std::size_t vertex_count() const noexcept { return actors.size(); }
    /// The vertices one step from `vertex`: where its relations lead, or where they come from.
    [[nodiscard]] std::span<const std::uint32_t> next_to(std::uint32_t vertex) const
    {
        return {neighbours.data() + offsets[vertex], neighbours.data() + offsets[vertex + 1]};
    }
};

// The vertex number of each actor; empty when every actor is kept and numbers equal indexes.
std::vector<std::uint32_t> vertex_numbers(const QueryIndex& index)
{
    std::vector<std::uint32_t> vertex_of;
    if (index.kept_actors().size() == index.actor_count()) return vertex_of;
    vertex_of.assign(index.actor_count(), std::numeric_limits<std::uint32_t>::max());
    for (std::uint32_t vertex = 0; vertex < index.kept_actors().size(); ++vertex) vertex_of[index.kept_actors()[vertex]] = vertex;
    return vertex_of;
}

// The simple graph along the index's leaving steps, or along its arriving ones (each vertex
// listing where its relations come from), in relation order.
SimpleGraph simple_graph(const QueryIndex& index, bool arriving)
{
    constexpr auto none = std::numeric_limits<std::uint32_t>::max();
    SimpleGraph simple{index.kept_actors(), {0}, {}};
    auto vertex_of = vertex_numbers(index);
    std::vector<std::uint32_t> listed_by(simple.vertex_count(), none);  // marks neighbours already listed
    simple.neighbours.reserve(index.relation_count());
    for (std::uint32_t vertex = 0; vertex < simple.vertex_count(); ++vertex) {
        auto actor = simple.actors[vertex];
        for (auto step : arriving ? index.backward(actor) : index.forward(actor)) {
            auto neighbour = vertex_of.empty() ? step.actor : vertex_of[step.actor];
            if (neighbour == vertex || listed_by[neighbour] == vertex) continue;
            listed_by[neighbour] = vertex;
            simple.neighbours.push_back(neighbour);
        }
        simple.offsets.push_back(simple.neighbours.size());
    }
    return simple;
}

// Scores per vertex back onto actor indexes (0 for dropped actors).
std::vector<double> per_actor(const QueryIndex& index, const SimpleGraph& simple, const std::vector<double>& scores)
{
    std::vector<double> values(index.actor_count(), 0.0);
    for (std::size_t vertex = 0; vertex < simple.vertex_count(); ++vertex) values[simple.actors[vertex]] = scores[vertex];
    return values;
}

std::vector<double> degrees(const QueryIndex& index, Metric metric)
{
    std::vector<double> scores(index.actor_count(), 0.0);
    // An undirected relation is both arriving and leaving: once in each of in- and out-degree, once in degree.
    for (auto actor : index.kept_actors()) {
        if (metric == Metric::degree) {
            scores[actor] = static_cast<double>(index.degree(actor));
            continue;
        }
        scores[actor] = static_cast<double>(metric == Metric::in_degree ? index.backward(actor).size() : index.forward(actor).size());
    }
    return scores;
}

// One round's share of each vertex's rank per relation it sends, as Boost.Graph divides it.
double share_of(double rank, std::uint32_t out_degree)
{
    return out_degree ? rank / static_cast<double>(out_degree) : 0.0;
}

// How many sources ahead a round asks for their shares: the reads land all over the share
// array, and asking early overlaps their cache misses (32 measured best of 16, 32 and 64).
constexpr std::size_t share_prefetch_distance = 32;

// One round: each vertex's damped sum of its sources' shares, passed to `emit` with the vertex.
// The sources of all vertices are one array, walked in one pass.
template <typename Emit>
void pagerank_round(const PageRankGraph& graph, const std::vector<double>& share, double damping, Emit emit)
{
    const auto* sources = graph.sources.data();
    std::size_t count = graph.sources.size();
    std::size_t at = 0;
    for (std::uint32_t vertex = 0; vertex < graph.vertex_count(); ++vertex) {
        double sum = 0;
        for (std::size_t end = graph.offsets[vertex + 1]; at < end; ++at) {
            if (at + share_prefetch_distance < count) __builtin_prefetch(&share[sources[at + share_prefetch_distance]]);
            sum += share[sources[at]];
        }
        emit(vertex, (1 - damping) + damping * sum);
    }
}

// Boost.Graph's page_rank step for step: the same start and the same sums, each over a vertex's
// sources in relation order, so the ranks have the same bits as Boost's sums in that order.
// Each source's share is divided once per round instead of once per relation, and a round writes
// the next round's shares directly; the ranks themselves are only needed after the last round.
std::vector<double> pagerank_ranks(const PageRankGraph& graph, std::size_t actors, double damping, std::size_t rounds)
{
    auto vertices = graph.vertex_count();
    // Boost started every vertex, dropped actors included, at 1 / (all actors).
    std::vector<double> rank(vertices, 1.0 / static_cast<double>(actors));
    std::vector<double> share(vertices);
    std::vector<double> next(vertices);
    for (std::size_t vertex = 0; vertex < vertices; ++vertex) share[vertex] = share_of(rank[vertex], graph.out_degree[vertex]);
    for (std::size_t round = 0; round + 1 < rounds; ++round) {
        pagerank_round(graph, share, damping, [&](std::uint32_t vertex, double value) {
            next[vertex] = share_of(value, graph.out_degree[vertex]);
        });
        share.swap(next);
    }
    if (rounds > 0) pagerank_round(graph, share, damping, [&](std::uint32_t vertex, double value) { rank[vertex] = value; });
    return rank;
}

std::vector<double> pagerank(const QueryIndex& index, const PageRankGraph& graph, double damping, std::size_t rounds)
{
    if (index.actor_count() == 0) return {};
    auto rank = pagerank_ranks(graph, index.actor_count(), damping, rounds);
    std::vector<double> values(index.actor_count(), 0.0);
    for (std::size_t vertex = 0; vertex < graph.vertex_count(); ++vertex) values[graph.actors[vertex]] = rank[vertex];
    // Boost's ranks sum to the number of actors (and leak at dead ends); report shares of 1. The
    // sum runs in actor order, as Boost's did, so the total has the same bits too.
    double total = 0;
    for (double value : values) total += value;
    for (double& value : values) value = total > 0 ? value / total : 0.0;
    return values;
}

std::vector<double> exact_betweenness(const SimpleGraph& simple)
{
    if (simple.vertex_count() == 0) return {};
    std::vector<std::pair<std::size_t, std::size_t>> edges;
    edges.reserve(simple.neighbours.size());
    for (std::uint32_t vertex = 0; vertex < simple.vertex_count(); ++vertex) {
        for (auto target : simple.next_to(vertex)) edges.emplace_back(vertex, target);
    }
    boost::compressed_sparse_row_graph<boost::directedS> csr(boost::edges_are_sorted, edges.begin(), edges.end(),
                                                             simple.vertex_count());
    std::vector<double> scores(simple.vertex_count(), 0.0);
    boost::brandes_betweenness_centrality(csr,
        boost::make_iterator_property_map(scores.begin(), boost::get(boost::vertex_index, csr)));
    return scores;
}

// Brandes' dependency accumulation from the given sources only (Boost.Graph has no sampled
// variant). A vertex's distance, path count and dependency sit together, so each step of the two
// passes costs one cache miss rather than three; per-source state is reset over the vertices
// reached, not the whole graph.
std::vector<double> betweenness_from(const SimpleGraph& simple, const std::vector<std::uint32_t>& sources)
{
    struct State {
        int distance = -1;
        double paths = 0;
        double dependency = 0;
    };
    std::vector<State> state(simple.vertex_count());
    std::vector<double> scores(simple.vertex_count(), 0.0);
    std::vector<std::uint32_t> order;
    for (auto source : sources) {
        order.assign(1, source);
        state[source] = {0, 1, 0};
        for (std::size_t head = 0; head < order.size(); ++head) {
            const auto& from = state[order[head]];
            for (auto target : simple.next_to(order[head])) {
                auto& to = state[target];
                if (to.distance < 0) {
                    to.distance = from.distance + 1;
                    order.push_back(target);
                }
                if (to.distance == from.distance + 1) to.paths += from.paths;
            }
        }
        for (auto it = order.rbegin(); it != order.rend(); ++it) {
            auto& at = state[*it];
            for (auto target : simple.next_to(*it)) {
                const auto& next = state[target];
                if (next.distance == at.distance + 1) at.dependency += at.paths / next.paths * (1 + next.dependency);
            }
            if (*it != source) scores[*it] += at.dependency;
        }
        for (auto vertex : order) state[vertex] = State{};
    }
    return scores;
}

// `count` distinct vertices, the same ones for the same seed (a partial Fisher-Yates shuffle).
std::vector<std::uint32_t> sample_vertices(std::size_t vertices, std::size_t count, std::uint64_t seed)
{
    std::vector<std::uint32_t> all(vertices);
    for (std::uint32_t vertex = 0; vertex < vertices; ++vertex) all[vertex] = vertex;
    std::mt19937_64 random(seed);
    for (std::size_t i = 0; i < count; ++i) {
        auto pick = i + static_cast<std::size_t>(random() % (vertices - i));
        std::swap(all[i], all[pick]);
    }
    all.resize(count);
    return all;
}

MetricResult betweenness(const QueryIndex& index, const MetricOptions& options)
{
    auto simple = simple_graph(index, false);
    auto vertices = simple.vertex_count();
    MetricResult result;
    std::vector<double> scores;
    if (vertices <= options.exact_betweenness_limit) {
        scores = exact_betweenness(simple);
        result.samples = vertices;
    } else {
        result.samples = std::min(std::max<std::size_t>(options.betweenness_samples, 1), vertices);
        result.sampled = result.samples < vertices;
        scores = betweenness_from(simple, sample_vertices(vertices, result.samples, options.sample_seed));
        // Each sampled source stands for vertices / samples of them.
        double scale = static_cast<double>(vertices) / static_cast<double>(result.samples);
        for (auto& score : scores) score *= scale;
    }
    // Both directions of an undirected pair were walked, so each path was counted twice (also in a graph
    // whose relations are all undirected, whatever was asked).
    const auto& graph = index.graph();
    bool all_undirected = graph.relation_count() > 0 && graph.undirected_count() == graph.relation_count();
    if (options.undirected || all_undirected) {
        for (auto& score : scores) score /= 2;
    }
    result.values = per_actor(index, simple, scores);
    return result;
}

// Betweenness and PageRank walk relations both ways when asked to; degrees always count by direction.
Direction metric_direction(Metric metric, const MetricOptions& options)
{
    bool walks = metric == Metric::betweenness || metric == Metric::pagerank;
    return walks && options.undirected ? Direction::any : Direction::follow;
}

// The metric over the index; a cache, when given, keeps PageRank's graph for the next request.
MetricResult measure(const QueryIndex& index, Metric metric, const MetricOptions& options, QueryCache* cache)
{
    switch (metric) {
        case Metric::betweenness: return betweenness(index, options);
        case Metric::pagerank: {
            auto graph = cache ? cache->pagerank_graph(options.filter, index.direction())
                               : std::make_shared<const PageRankGraph>(make_pagerank_graph(index));
            return {pagerank(index, *graph, options.damping, options.pagerank_rounds), false, 0};
        }
        default: return {degrees(index, metric), false, 0};
    }
}

}  // namespace

Metric parse_metric(std::string_view text)
{
    if (text == "degree") return Metric::degree;
    if (text == "in-degree") return Metric::in_degree;
    if (text == "out-degree") return Metric::out_degree;
    if (text == "betweenness") return Metric::betweenness;
    if (text == "pagerank") return Metric::pagerank;
    throw Error("unknown metric '" + std::string(text) + "'; expected degree, in-degree, out-degree, betweenness or pagerank");
}

std::string_view metric_name(Metric metric)
{
    switch (metric) {
        case Metric::degree: return "degree";
        case Metric::in_degree: return "in-degree";
        case Metric::out_degree: return "out-degree";
        case Metric::betweenness: return "betweenness";
        case Metric::pagerank: return "pagerank";
    }
    return "degree";
}

MetricResult compute_metric_result(QueryCache& cache, Metric metric, const MetricOptions& options)
{
    return measure(*cache.index(options.filter, metric_direction(metric, options)), metric, options, &cache);
}

MetricResult compute_metric_result(const Graph& graph, Metric metric, const MetricOptions& options)
{
    return measure(QueryIndex(graph, options.filter, metric_direction(metric, options)), metric, options, nullptr);
}

std::vector<double> compute_metric(QueryCache& cache, Metric metric, const MetricOptions& options)
{
    return compute_metric_result(cache, metric, options).values;
}

std::vector<double> compute_metric(const Graph& graph, Metric metric, const MetricOptions& options)
{
    return compute_metric_result(graph, metric, options).values;
}

std::vector<RankedActor> rank_scores(const Graph& graph, const std::vector<ActorIndex>& actors,
                                     const std::vector<double>& scores, std::size_t top)
{
    std::vector<RankedActor> ranked;
    ranked.reserve(actors.size());
    for (auto actor : actors) ranked.push_back({actor, scores.at(actor)});
    auto higher = [&](const RankedActor& a, const RankedActor& b) {
        if (a.score != b.score) return a.score > b.score;
        return graph.actor(a.actor).id < graph.actor(b.actor).id;
    };
    // Only the first `top` need ordering, which spares most id comparisons on a million actors.
    auto kept = top > 0 && ranked.size() > top ? top : ranked.size();
    std::partial_sort(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(kept), ranked.end(), higher);
    ranked.resize(kept);
    return ranked;
}

MetricRanking rank_actors_result(QueryCache& cache, Metric metric, const MetricOptions& options, std::size_t top)
{
    auto index = cache.index(options.filter, metric_direction(metric, options));
    auto measured = measure(*index, metric, options, &cache);
    MetricRanking ranking;
    ranking.actors = rank_scores(cache.graph(), index->kept_actors(), measured.values, top);
    ranking.of = index->kept_actors().size();
    ranking.sampled = measured.sampled;
    ranking.samples = measured.samples;
    return ranking;
}

std::vector<RankedActor> rank_actors(QueryCache& cache, Metric metric, const MetricOptions& options, std::size_t top)
{
    return rank_actors_result(cache, metric, options, top).actors;
}

std::vector<RankedActor> rank_actors(const Graph& graph, Metric metric, const MetricOptions& options, std::size_t top)
{
    QueryCache cache(graph, 1);
    return rank_actors(cache, metric, options, top);
}

}  // namespace actorgraph
