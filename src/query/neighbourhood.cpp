#include "actorgraph/query/neighbourhood.hpp"

#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/filtered_graph.hpp>

namespace actorgraph {

namespace {

// Hides edges that leave actors at the depth limit, so the search cannot pass them.
struct WithinDepth {
    const TraversalGraph* graph = nullptr;
    const std::vector<int>* distance = nullptr;
    int depth = 0;
    bool operator()(TraversalGraph::edge_descriptor edge) const { return (*distance)[boost::source(edge, *graph)] < depth; }
};

// Records hop distances and stops expanding past the depth limit.
class DepthRecorder : public boost::default_bfs_visitor {
public:
    explicit DepthRecorder(std::vector<int>& distance) : distance_(distance) {}
    template <typename E, typename G>
    void tree_edge(E edge, const G& graph)
    {
        distance_[boost::target(edge, graph)] = distance_[boost::source(edge, graph)] + 1;
    }

private:
    std::vector<int>& distance_;
};

}  // namespace

std::vector<int> hop_distances(const Graph& graph, const std::vector<ActorIndex>& seeds,
                               const NeighbourhoodOptions& options)
{
    Traversal traversal(graph, options.filter, options.direction);
    auto& bgl = traversal.graph();
    std::vector<int> distance(graph.actor_count(), -1);
    std::vector<ActorIndex> start;
    for (auto seed : seeds) {
        if (!traversal.keeps(seed) || distance[seed] == 0) continue;
        distance[seed] = 0;
        start.push_back(seed);
    }
    if (start.empty()) return distance;
    std::vector<boost::default_color_type> colors(graph.actor_count());
    auto color_map = boost::make_iterator_property_map(colors.begin(), boost::get(boost::vertex_index, bgl));
    boost::queue<TraversalGraph::vertex_descriptor> queue;
    WithinDepth limited{&bgl, &distance, static_cast<int>(options.depth)};
    boost::filtered_graph<TraversalGraph, WithinDepth> bounded(bgl, limited);
    boost::breadth_first_search(bounded, start.begin(), start.end(), queue, DepthRecorder(distance), color_map);
    return distance;
}

Selection neighbourhood(const Graph& graph, const std::vector<ActorIndex>& seeds, const NeighbourhoodOptions& options)
{
    auto distance = hop_distances(graph, seeds, options);
    Selection selection;
    for (ActorIndex index = 0; index < graph.actor_count(); ++index) {
        if (distance[index] >= 0) selection.actors.push_back(index);
    }
    for (RelationIndex index = 0; index < graph.relation_count(); ++index) {
        const auto& relation = graph.relation(index);
        if (distance[relation.source] >= 0 && distance[relation.target] >= 0 && options.filter.keeps_relation(relation)) {
            selection.relations.push_back(index);
        }
    }
    return selection;
}

}  // namespace actorgraph
