#pragma once
// The graph the fast queries walk: the relations a filter keeps, as flat offset and step arrays
// (compressed sparse rows) built once for a filter and direction, never per query.
#include <cstddef>
#include <span>
#include <vector>

#include "actorgraph/query/traversal.hpp"

namespace actorgraph {

/// One walkable step: the actor it leads to and the relation it uses.
struct QueryStep {
    ActorIndex actor = 0;
    RelationIndex relation = 0;
};

/// The kept relations of one graph for one filter and direction, read-only once built, so several
/// threads may query one index at once (each search keeps its scratch labels per thread: about
/// 40 bytes per actor, allocated on a thread's first search and reused by its later ones).
/// It refers to the graph, which must outlive it and not change.
class QueryIndex {
public:
    /// Indexes the relations the filter keeps between actors it keeps, oriented by the direction;
    /// undirected relations lead both ways whatever the direction.
    QueryIndex(const Graph& graph, const GraphFilter& filter, Direction direction);

    /// The graph the index was built from.
    [[nodiscard]] const Graph& graph() const noexcept { return *graph_; }
    /// The filter the index was built for.
    [[nodiscard]] const GraphFilter& filter() const noexcept { return filter_; }
    /// The direction the steps follow.
    [[nodiscard]] Direction direction() const noexcept { return direction_; }
    /// True when the index was built for exactly this filter and direction.
    [[nodiscard]] bool answers(const GraphFilter& filter, Direction direction) const;

    /// Every actor of the graph, kept or not: actor indexes run below this.
    [[nodiscard]] std::size_t actor_count() const noexcept { return kept_.size(); }
    /// True when the filter keeps the actor; throws std::out_of_range for an unknown actor.
    [[nodiscard]] bool keeps(ActorIndex actor) const { return kept_.at(actor) != 0; }
    /// The kept actors, in index order.
    [[nodiscard]] const std::vector<ActorIndex>& kept_actors() const noexcept { return kept_actors_; }
    /// How many relations the filter keeps.
    [[nodiscard]] std::size_t relation_count() const noexcept { return relation_count_; }

    /// Steps leaving the actor in the index's direction, in relation order (actor < actor_count()).
    [[nodiscard]] std::span<const QueryStep> forward(ActorIndex actor) const { return forward_.steps_of(actor); }
    /// Steps arriving at the actor, each naming the actor it comes from (actor < actor_count()).
    [[nodiscard]] std::span<const QueryStep> backward(ActorIndex actor) const;
    /// Kept relations touching the actor, whatever their direction, each once (a relation to itself twice).
    [[nodiscard]] std::size_t degree(ActorIndex actor) const;
    /// Every forward step, actor after actor: forward(actor) is a piece of it.
    [[nodiscard]] std::span<const QueryStep> forward_steps() const noexcept { return forward_.steps; }
    /// Every backward step, actor after actor: backward(actor) is a piece of it.
    [[nodiscard]] std::span<const QueryStep> backward_steps() const noexcept;

private:
    struct Adjacency {
        LargeVector<std::size_t> offsets;  ///< steps of actor a are steps[offsets[a] .. offsets[a + 1])
        LargeVector<QueryStep> steps;

        [[nodiscard]] std::span<const QueryStep> steps_of(ActorIndex actor) const
        {
            return {steps.data() + offsets[actor], steps.data() + offsets[actor + 1]};
        }
    };
    struct Endpoints;

    static Adjacency make_adjacency(const std::vector<Endpoints>& relations, std::size_t actors, bool outgoing,
                                    bool incoming);

    const Graph* graph_;
    GraphFilter filter_;
    Direction direction_;
    std::vector<char> kept_;
    std::vector<ActorIndex> kept_actors_;
    std::size_t relation_count_ = 0;
    Adjacency forward_;
    Adjacency backward_;  ///< empty for Direction::any, where arriving and leaving steps are the same
};

/// The walking costs of an index's steps under one weighting, stored in step order: a search then
/// reads an actor's costs next to its steps instead of looking each relation up across the graph.
class StepCosts {
public:
    /// Lays out relation costs (one per relation of the graph, as relation_costs gives them) along
    /// the index's steps; throws Error for a wrong count. The index and the costs must outlive it.
    StepCosts(const QueryIndex& index, const std::vector<double>& relation_costs);

    /// The costs of index.forward(actor), in the same order.
    [[nodiscard]] std::span<const double> forward(ActorIndex actor) const { return slice(forward_, index_->forward(actor), true); }
    /// The costs of index.backward(actor), in the same order.
    [[nodiscard]] std::span<const double> backward(ActorIndex actor) const;
    /// The cost of one relation.
    [[nodiscard]] double of(RelationIndex relation) const { return (*relation_costs_)[relation]; }

private:
    [[nodiscard]] std::span<const double> slice(const LargeVector<double>& costs, std::span<const QueryStep> steps,
                                                bool forward) const;

    const QueryIndex* index_;
    const std::vector<double>* relation_costs_;
    LargeVector<double> forward_;
    LargeVector<double> backward_;  ///< empty for Direction::any, whose backward steps are the forward ones
};

}  // namespace actorgraph
