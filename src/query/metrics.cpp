#include "actorgraph/query/metrics.hpp"

#include <algorithm>
#include <boost/graph/betweenness_centrality.hpp>
#include <boost/graph/page_rank.hpp>
#include <numeric>
#include <set>

namespace actorgraph {

namespace {

// Parallel relations collapse to one edge so a pair joined twice is not counted twice.
using SimpleGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS>;

SimpleGraph simple_graph(const Graph& graph, const GraphFilter& filter, bool undirected)
{
    SimpleGraph simple(graph.actor_count());
    std::set<std::pair<ActorIndex, ActorIndex>> pairs;
    for (auto index : apply_filter(graph, filter).relations) {
        const auto& relation = graph.relation(index);
        if (relation.source == relation.target) continue;
        pairs.emplace(relation.source, relation.target);
        if (undirected) pairs.emplace(relation.target, relation.source);
    }
    for (auto [from, to] : pairs) boost::add_edge(from, to, simple);
    return simple;
}

std::vector<double> degrees(const Graph& graph, const GraphFilter& filter, Metric metric)
{
    std::vector<double> scores(graph.actor_count(), 0.0);
    for (auto index : apply_filter(graph, filter).relations) {
        const auto& relation = graph.relation(index);
        if (metric != Metric::in_degree) scores[relation.source] += 1;
        if (metric != Metric::out_degree) scores[relation.target] += 1;
    }
    return scores;
}

std::vector<double> betweenness(const Graph& graph, const MetricOptions& options)
{
    auto simple = simple_graph(graph, options.filter, options.undirected);
    std::vector<double> scores(graph.actor_count(), 0.0);
    boost::brandes_betweenness_centrality(simple,
        boost::make_iterator_property_map(scores.begin(), boost::get(boost::vertex_index, simple)));
    // Both directions of an undirected pair were walked, so each path was counted twice.
    if (options.undirected) {
        for (auto& score : scores) score /= 2;
    }
    return scores;
}

std::vector<double> pagerank(const Graph& graph, const MetricOptions& options)
{
    auto simple = simple_graph(graph, options.filter, options.undirected);
    std::vector<double> scores(graph.actor_count(), 0.0);
    if (graph.actor_count() == 0) return scores;
    boost::graph::page_rank(simple,
        boost::make_iterator_property_map(scores.begin(), boost::get(boost::vertex_index, simple)),
        boost::graph::n_iterations(100), options.damping);
    // Boost's ranks sum to the number of actors (and leak at dead ends); report shares of 1.
    auto selection = apply_filter(graph, options.filter);
    double total = 0;
    for (auto actor : selection.actors) total += scores[actor];
    for (ActorIndex index = 0; index < graph.actor_count(); ++index) {
        scores[index] = selection.contains_actor(index) && total > 0 ? scores[index] / total : 0.0;
    }
    return scores;
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

std::vector<double> compute_metric(const Graph& graph, Metric metric, const MetricOptions& options)
{
    switch (metric) {
        case Metric::betweenness: return betweenness(graph, options);
        case Metric::pagerank: return pagerank(graph, options);
        default: return degrees(graph, options.filter, metric);
    }
}

std::vector<RankedActor> rank_actors(const Graph& graph, Metric metric, const MetricOptions& options, std::size_t top)
{
    auto scores = compute_metric(graph, metric, options);
    std::vector<RankedActor> ranked;
    for (auto actor : apply_filter(graph, options.filter).actors) ranked.push_back({actor, scores[actor]});
    std::sort(ranked.begin(), ranked.end(), [&](const RankedActor& a, const RankedActor& b) {
        if (a.score != b.score) return a.score > b.score;
        return graph.actor(a.actor).id < graph.actor(b.actor).id;
    });
    if (top > 0 && ranked.size() > top) ranked.resize(top);
    return ranked;
}

}  // namespace actorgraph
