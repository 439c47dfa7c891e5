#include "actorgraph/query/cut.hpp"

#include <algorithm>
#include <cstdint>
#include <optional>

#include "actorgraph/query/query_cache.hpp"

namespace actorgraph {

namespace {

// The max-flow behind the cut, walked directly over the index: no flow network is built (building
// one was most of a cut's 7 s on the 1M-actor graph). Every arc that can limit the flow has unit
// capacity, so Dinic's algorithm applies in its unit-capacity form: a breadth-first search layers the
// residual graph, then paths along the layers each carry one unit, until no path is left.
//
// The network is implicit. Actor cut: actor a is an entry node 2a and an exit node 2a+1 joined by an
// arc of capacity 1 (unlimited for FROM and TO); each step a -> b of the index is an unlimited arc
// exit(a) -> entry(b). Relation cut: one node per actor and an arc of capacity 1 per step. Steps into
// FROM, out of TO and loops are left out; so are FROM -> TO steps in an actor cut (no actor removal
// cuts them: CutResult::direct). Each arc carries at most one unit (an unlimited arc feeds or drains a
// unit entry-exit arc), so its flow is one bit: per relation, bit 0 for the step from its lower-index
// end, bit 1 for the step from the higher (a relation walked both ways is two arcs).
class UnitFlow {
public:
    UnitFlow(const QueryIndex& index, ActorIndex from, ActorIndex to, CutKind kind)
        : index_(index), from_(from), to_(to), split_(kind == CutKind::actors),
          nodes_(index.actor_count() * (split_ ? 2 : 1)), level_(nodes_, unreached), next_arc_(nodes_, 0),
          arc_flow_(index.graph().relation_count(), 0), inner_flow_(split_ ? index.actor_count() : 0, 0)
    {
    }

    // Augments until no path is left; returns the flow (the cut's size).
    std::size_t run()
    {
        std::size_t flow = 0;
        while (layer()) flow += blocking_flow();
        return flow;
    }

    // After run(): the cut between what the last search reached and what it did not.
    void read_cut(CutResult& result) const
    {
        for (auto actor : index_.kept_actors()) {
            if (split_) {
                if (actor != from_ && actor != to_ && reached(2 * actor) && !reached(2 * actor + 1)) result.actors.push_back(actor);
                continue;
            }
            if (!reached(actor)) continue;
            for (const auto& step : index_.forward(actor)) {
                if (is_arc(actor, step.actor) && !reached(step.actor) && carries(step.relation, actor, step.actor)) {
                    result.relations.push_back(step.relation);
                }
            }
        }
    }

private:
    static constexpr std::int32_t unreached = -1;
    using Node = std::uint32_t;

    // A residual arc: where it leads, and which arc of the node it is (for augment()).
    struct Residual {
        Node to;
        std::uint32_t position;
    };

    Node source() const { return split_ ? 2 * from_ : from_; }
    Node sink() const { return split_ ? 2 * to_ + 1 : to_; }
    bool reached(Node node) const { return level_[node] != unreached; }

    bool is_arc(ActorIndex tail, ActorIndex head) const
    {
        return tail != head && head != from_ && tail != to_ && !(split_ && tail == from_ && head == to_);
    }
    static std::uint8_t bit(ActorIndex tail, ActorIndex head) { return tail < head ? 1 : 2; }
    bool carries(RelationIndex relation, ActorIndex tail, ActorIndex head) const
    {
        return (arc_flow_[relation] & bit(tail, head)) != 0;
    }
    bool unlimited(ActorIndex actor) const { return actor == from_ || actor == to_; }

    // The residual arc at `position` of the node's arcs (in a fixed order), or nullopt when that arc
    // has no capacity left; `end` is set past the last position. Split entry node: 0 its inner arc,
    // then one reverse arc per arriving step. Split exit node: 0 its inner arc reversed, then one arc
    // per leaving step. Relation cut: the leaving steps, then the arriving ones reversed.
    std::optional<Residual> arc(Node node, std::uint32_t position, bool& end) const
    {
        end = false;
        if (!split_) {
            auto leaving = index_.forward(node);
            if (position < leaving.size()) {
                const auto& step = leaving[position];
                if (!is_arc(node, step.actor) || carries(step.relation, node, step.actor)) return std::nullopt;
                return Residual{step.actor, position};
            }
            auto arriving = index_.backward(node);
            auto at = position - leaving.size();
            if (at >= arriving.size()) {
                end = true;
                return std::nullopt;
            }
            const auto& step = arriving[at];
            if (!is_arc(step.actor, node) || !carries(step.relation, step.actor, node)) return std::nullopt;
            return Residual{step.actor, position};
        }
        ActorIndex actor = node / 2;
        bool entry = node % 2 == 0;
        if (position == 0) {
            bool open = entry ? unlimited(actor) || inner_flow_[actor] == 0 : inner_flow_[actor] > 0;
            if (!open) return std::nullopt;
            return Residual{entry ? node + 1 : node - 1, 0};
        }
        auto steps = entry ? index_.backward(actor) : index_.forward(actor);
        if (position - 1 >= steps.size()) {
            end = true;
            return std::nullopt;
        }
        const auto& step = steps[position - 1];
        if (entry) {
            if (!is_arc(step.actor, actor) || !carries(step.relation, step.actor, actor)) return std::nullopt;
            return Residual{2 * step.actor + 1, position};
        }
        if (!is_arc(actor, step.actor)) return std::nullopt;
        return Residual{2 * step.actor, position};
    }

    // Pushes one unit along the arc at `position` of `node` (a reverse arc takes one back).
    void augment(Node node, std::uint32_t position)
    {
        if (!split_) {
            auto leaving = index_.forward(node);
            if (position < leaving.size()) {
                arc_flow_[leaving[position].relation] |= bit(node, leaving[position].actor);
            } else {
                const auto& step = index_.backward(node)[position - leaving.size()];
                arc_flow_[step.relation] &= static_cast<std::uint8_t>(~bit(step.actor, node));
            }
            return;
        }
        ActorIndex actor = node / 2;
        bool entry = node % 2 == 0;
        if (position == 0) {
            if (entry) ++inner_flow_[actor];
            else --inner_flow_[actor];
            return;
        }
        if (entry) {
            const auto& step = index_.backward(actor)[position - 1];
            arc_flow_[step.relation] &= static_cast<std::uint8_t>(~bit(step.actor, actor));
        } else {
            const auto& step = index_.forward(actor)[position - 1];
            arc_flow_[step.relation] |= bit(actor, step.actor);
        }
    }

    // Breadth-first levels of the residual graph from the source; true when the sink is reached.
    // The search stops at the sink's level (deeper nodes cannot be on a shortest path), except the
    // last one, which reaches everything it can: that is the cut's source side.
    bool layer()
    {
        std::fill(level_.begin(), level_.end(), unreached);
        std::fill(next_arc_.begin(), next_arc_.end(), 0);
        queue_.clear();
        queue_.push_back(source());
        level_[source()] = 0;
        for (std::size_t head = 0; head < queue_.size(); ++head) {
            auto node = queue_[head];
            if (reached(sink()) && level_[node] >= level_[sink()]) break;
            bool end = false;
            for (std::uint32_t position = 0;; ++position) {
                auto residual = arc(node, position, end);
                if (end) break;
                if (!residual || reached(residual->to)) continue;
                level_[residual->to] = level_[node] + 1;
                queue_.push_back(residual->to);
            }
        }
        return reached(sink());
    }

    // Paths along the levels, one unit each, walked with a stack (no recursion): a node with no way
    // on is dropped from the levels, and each node resumes at the arc it last tried.
    std::size_t blocking_flow()
    {
        std::size_t flow = 0;
        std::vector<std::pair<Node, std::uint32_t>> path;
        Node node = source();
        while (true) {
            if (node == sink()) {
                for (const auto& [tail, position] : path) augment(tail, position);
                ++flow;
                path.clear();
                node = source();
                continue;
            }
            auto next = advance(node);
            if (next) {
                path.emplace_back(node, next_arc_[node]);
                node = *next;
                continue;
            }
            level_[node] = unreached;  // a dead end for the rest of this phase
            if (path.empty()) return flow;
            node = path.back().first;
            path.pop_back();
            ++next_arc_[node];
        }
    }

    // The next arc of the node along the levels, from its current arc on; nullopt when none is left.
    std::optional<Node> advance(Node node)
    {
        bool end = false;
        for (auto& position = next_arc_[node];; ++position) {
            auto residual = arc(node, position, end);
            if (end) return std::nullopt;
            if (residual && reached(residual->to) && level_[residual->to] == level_[node] + 1) return residual->to;
        }
    }

    const QueryIndex& index_;
    ActorIndex from_;
    ActorIndex to_;
    bool split_;
    std::size_t nodes_;
    std::vector<std::int32_t> level_;
    std::vector<std::uint32_t> next_arc_;
    std::vector<std::uint8_t> arc_flow_;     ///< per relation: bit 0 the step from its lower-index end carries flow, bit 1 the other
    std::vector<std::uint32_t> inner_flow_;  ///< actor cut: flow through each actor
    std::vector<Node> queue_;
};

}  // namespace

CutKind parse_cut_kind(std::string_view text)
{
    if (text == "actors") return CutKind::actors;
    if (text == "relations") return CutKind::relations;
    throw Error("unknown cut kind '" + std::string(text) + "'; expected actors or relations");
}

Selection CutResult::selection() const
{
    Selection selection{actors, relations};
    selection.relations.insert(selection.relations.end(), direct.begin(), direct.end());
    selection.normalize();
    return selection;
}

std::vector<char> reachable_actors(const QueryIndex& index, ActorIndex from, bool forward, const std::vector<char>& removed)
{
    std::vector<char> reached(index.actor_count(), 0);
    if (!removed.empty() && removed[from]) return reached;
    std::vector<ActorIndex> stack{from};
    reached[from] = 1;
    while (!stack.empty()) {
        auto actor = stack.back();
        stack.pop_back();
        for (const auto& step : forward ? index.forward(actor) : index.backward(actor)) {
            if (reached[step.actor] || (!removed.empty() && removed[step.actor])) continue;
            reached[step.actor] = 1;
            stack.push_back(step.actor);
        }
    }
    return reached;
}

CutResult minimum_cut(const QueryIndex& index, ActorIndex from, ActorIndex to, CutKind kind)
{
    const auto& graph = index.graph();
    if (from == to) throw Error("cut: FROM and TO are the same actor (" + graph.actor(from).id + ")");
    for (auto actor : {from, to}) {
        if (!index.keeps(actor)) throw Error("cut: the filters drop actor '" + graph.actor(actor).id + "'");
    }
    CutResult result;
    if (kind == CutKind::actors) {
        for (const auto& step : index.forward(from)) {
            if (step.actor == to) result.direct.push_back(step.relation);
        }
    }
    UnitFlow flow(index, from, to, kind);
    result.size = flow.run();
    result.connected = result.size > 0 || !result.direct.empty();
    if (!result.connected) return result;
    flow.read_cut(result);
    std::sort(result.actors.begin(), result.actors.end());
    std::sort(result.relations.begin(), result.relations.end());
    std::sort(result.direct.begin(), result.direct.end());
    return result;
}

CutResult minimum_cut(QueryCache& cache, ActorIndex from, ActorIndex to, const CutOptions& options)
{
    return minimum_cut(*cache.index(options.filter, options.direction), from, to, options.kind);
}

CutResult minimum_cut(const Graph& graph, ActorIndex from, ActorIndex to, const CutOptions& options)
{
    return minimum_cut(QueryIndex(graph, options.filter, options.direction), from, to, options.kind);
}

}  // namespace actorgraph
