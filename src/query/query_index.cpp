#include "actorgraph/query/query_index.hpp"

#include <algorithm>
#include <numeric>

namespace actorgraph {

// A kept relation's endpoints copied out of the model, so the adjacency passes read 12 bytes
// per relation instead of whole Relation records.
struct QueryIndex::Endpoints {
    ActorIndex source;
    ActorIndex target;
    RelationIndex relation;
    bool undirected;  ///< walked both ways whatever the index's direction
};

namespace {

std::vector<char> kept_actor_flags(const Graph& graph, const GraphFilter& filter)
{
    std::vector<char> kept(graph.actor_count(), 1);
    if (filter.keeps_every_actor()) return kept;
    for (ActorIndex index = 0; index < graph.actor_count(); ++index) kept[index] = filter.keeps_actor(graph.actor(index));
    return kept;
}

template <typename Endpoints>
std::vector<Endpoints> kept_endpoints(const Graph& graph, const GraphFilter& filter, const std::vector<char>& kept)
{
    // Without relation tests only the endpoints are read, which is most of an unfiltered build.
    bool every = filter.keeps_every_relation();
    const auto& relations = graph.relations();
    std::vector<Endpoints> endpoints;
    endpoints.reserve(relations.size());
    for (RelationIndex index = 0; index < relations.size(); ++index) {
        const auto& relation = relations[index];
        if (!kept[relation.source] || !kept[relation.target]) continue;
        if (every || filter.keeps_relation(relation)) {
            endpoints.push_back({relation.source, relation.target, index, graph.is_undirected(index)});
        }
    }
    return endpoints;
}

}  // namespace

QueryIndex::QueryIndex(const Graph& graph, const GraphFilter& filter, Direction direction)
    : graph_(&graph), filter_(filter), direction_(direction), kept_(kept_actor_flags(graph, filter))
{
    for (ActorIndex index = 0; index < kept_.size(); ++index) {
        if (kept_[index]) kept_actors_.push_back(index);
    }
    auto relations = kept_endpoints<Endpoints>(graph, filter, kept_);
    relation_count_ = relations.size();
    bool follow = direction != Direction::reverse;
    bool reverse = direction != Direction::follow;
    forward_ = make_adjacency(relations, kept_.size(), follow, reverse);
    if (direction != Direction::any) backward_ = make_adjacency(relations, kept_.size(), !follow, !reverse);
}

// A counting sort of the steps by the actor they leave; relations are visited in index order,
// so each actor's steps come in relation order, as in the model's own lists.
QueryIndex::Adjacency QueryIndex::make_adjacency(const std::vector<Endpoints>& relations, std::size_t actors,
                                                 bool outgoing, bool incoming)
{
    Adjacency adjacency;
    adjacency.offsets.assign(actors + 1, 0);
    for (const auto& relation : relations) {
        if (outgoing || relation.undirected) ++adjacency.offsets[relation.source + 1];
        if (incoming || relation.undirected) ++adjacency.offsets[relation.target + 1];
    }
    std::partial_sum(adjacency.offsets.begin(), adjacency.offsets.end(), adjacency.offsets.begin());
    adjacency.steps.resize(adjacency.offsets.back());
    std::vector<std::size_t> next(adjacency.offsets.begin(), adjacency.offsets.end() - 1);
    for (const auto& relation : relations) {
        if (outgoing || relation.undirected) adjacency.steps[next[relation.source]++] = {relation.target, relation.relation};
        if (incoming || relation.undirected) adjacency.steps[next[relation.target]++] = {relation.source, relation.relation};
    }
    return adjacency;
}

bool QueryIndex::answers(const GraphFilter& filter, Direction direction) const
{
    return direction == direction_ && filter == filter_;
}

std::span<const QueryStep> QueryIndex::backward(ActorIndex actor) const
{
    return direction_ == Direction::any ? forward_.steps_of(actor) : backward_.steps_of(actor);
}

std::span<const QueryStep> QueryIndex::backward_steps() const noexcept
{
    return direction_ == Direction::any ? std::span<const QueryStep>(forward_.steps) : std::span<const QueryStep>(backward_.steps);
}

// An undirected relation is both a forward and a backward step of each end, so it is counted once here.
std::size_t QueryIndex::degree(ActorIndex actor) const
{
    auto count = forward(actor).size();
    if (direction_ == Direction::any) return count;
    for (auto step : backward(actor)) count += graph_->is_undirected(step.relation) ? 0 : 1;
    return count;
}

namespace {

LargeVector<double> costs_along(std::span<const QueryStep> steps, const std::vector<double>& relation_costs)
{
    LargeVector<double> costs(steps.size());
    for (std::size_t i = 0; i < steps.size(); ++i) costs[i] = relation_costs[steps[i].relation];
    return costs;
}

}  // namespace

StepCosts::StepCosts(const QueryIndex& index, const std::vector<double>& relation_costs)
    : index_(&index), relation_costs_(&relation_costs)
{
    if (relation_costs.size() != index.graph().relation_count()) throw Error("relation costs must hold one cost per relation");
    forward_ = costs_along(index.forward_steps(), relation_costs);
    if (index.direction() != Direction::any) backward_ = costs_along(index.backward_steps(), relation_costs);
}

std::span<const double> StepCosts::backward(ActorIndex actor) const
{
    return index_->direction() == Direction::any ? forward(actor) : slice(backward_, index_->backward(actor), false);
}

// An actor's steps are a piece of the index's step array; its costs are the same piece of ours.
std::span<const double> StepCosts::slice(const LargeVector<double>& costs, std::span<const QueryStep> steps, bool forward) const
{
    auto first = steps.data() - (forward ? index_->forward_steps() : index_->backward_steps()).data();
    return {costs.data() + first, steps.size()};
}

}  // namespace actorgraph
