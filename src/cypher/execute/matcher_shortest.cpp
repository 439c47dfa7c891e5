// shortestPath((a)-[...]->(b)) and allShortestPaths(...): a breadth-first search from the bound or matched
// start node over the relationships the pattern allows (types, direction, property map, not deleted), level
// by level, so every end node is met first at its distance. Each end node that fits the end pattern gets one
// path (shortestPath) or every path of that length (allShortestPaths). With a bound end node the search stops
// at its level. It walks the graph's own adjacency rather than building a query index for the statement, so
// the pattern's property maps and the statement's own writes and deletions are respected.
#include <algorithm>
#include <limits>
#include <unordered_map>

#include "cypher/execute/incidence.hpp"
#include "cypher/execute/matcher.hpp"

namespace actorgraph::cypher {

namespace {

struct Reached {
    std::uint32_t distance = 0;
    std::vector<std::pair<ActorIndex, RelationIndex>> parents;  ///< (previous node, relationship); one for shortestPath
};

}  // namespace

bool PatternMatcher::expand_shortest(std::size_t part_index, ActorIndex from)
{
    auto& part = parts_[part_index];
    const auto& syntax = relationship_syntax(part, 0);
    const auto& graph = context_.graph.graph();
    bool all = part.syntax->shortest == "allShortestPaths";
    auto d = direction(part, 0);
    std::int64_t min = syntax.variable_length ? syntax.min_hops.value_or(1) : 1;
    std::int64_t max = syntax.variable_length ? syntax.max_hops.value_or(std::numeric_limits<std::int64_t>::max()) : 1;

    // A bound end node is the only target; the search stops once its level is done.
    std::optional<ActorIndex> target;
    auto end_slot = part.nodes[1].slot;
    if (end_slot >= 0 && bound_[static_cast<std::size_t>(end_slot)]) {
        const auto& value = row_[static_cast<std::size_t>(end_slot)];
        if (!value.is_node()) return true;
        target = value.as_node();
    } else if (auto id = end_id(part)) {
        // An end given by id is looked up in the id index, so the search stops at its level instead of trying
        // every node it reaches against the end's pattern (match_node still checks the whole pattern).
        auto found = graph.find_by_id(*id);
        if (!found || context_.graph.node_deleted(*found)) return true;
        target = *found;
    }

    if (!all && target && *target != from && min <= 1) return shortest_between(part_index, from, *target, max);

    std::unordered_map<ActorIndex, Reached> reached;
    reached[from] = Reached{};
    std::vector<ActorIndex> level{from};
    for (std::int64_t distance = 0; !level.empty(); ++distance) {
        if (distance >= min) {
            for (auto end : level) {
                if (target && end != *target) continue;
                // Paths are rebuilt from the end back along the parents, without recursion: a stack of
                // (node, next parent to try) walks every combination for allShortestPaths.
                std::vector<std::pair<ActorIndex, std::size_t>> stack{{end, 0}};
                std::vector<RelationIndex> walked;
                while (!stack.empty()) {
                    auto& [node, next] = stack.back();
                    const auto& parents = reached[node].parents;
                    if (node == from) {
                        std::vector<ActorIndex> between;
                        for (std::size_t k = stack.size() - 1; k-- > 1;) between.push_back(stack[k].first);
                        std::vector<RelationIndex> forward(walked.rbegin(), walked.rend());
                        if (!try_shortest_end(part_index, end, between, forward)) return false;
                    }
                    if (node == from || next >= parents.size() || (!all && next > 0)) {
                        stack.pop_back();
                        if (!walked.empty() && !stack.empty()) walked.pop_back();
                        continue;
                    }
                    auto [previous, relationship] = parents[next++];
                    walked.push_back(relationship);
                    stack.emplace_back(previous, 0);
                    context_.tick();
                }
            }
            if (target && reached.contains(*target)) return true;
        }
        if (distance >= max) return true;
        std::vector<ActorIndex> next_level;
        for (auto node : level) {
            auto at = incident(graph, node, d);
            for (std::size_t k = 0; k < at.size(); ++k) {
                context_.tick();
                auto relationship = at[k];
                if (!relationship_fits(part, 0, relationship)) continue;
                auto other = other_end(graph.relation(relationship), node);
                auto [entry, added] = reached.try_emplace(other);
                if (added) {
                    entry->second.distance = static_cast<std::uint32_t>(distance + 1);
                    next_level.push_back(other);
                } else if (!all || entry->second.distance != distance + 1) {
                    continue;
                }
                entry->second.parents.emplace_back(node, relationship);
            }
        }
        level = std::move(next_level);
    }
    return true;
}

// One shortest path between two different nodes: breadth-first from both ends at once, a level of the side
// with the smaller frontier at a time, so the search touches about the square root of what a search from one
// end touches on a large graph. The shortest of the meetings found while a level is expanded is the answer.
bool PatternMatcher::shortest_between(std::size_t part_index, ActorIndex from, ActorIndex target, std::int64_t max)
{
    auto& part = parts_[part_index];
    const auto& graph = context_.graph.graph();
    auto d = direction(part, 0);
    struct Side {
        ast::Direction direction;
        std::unordered_map<ActorIndex, std::pair<ActorIndex, RelationIndex>> parent;  ///< towards this side's end
        std::unordered_map<ActorIndex, std::uint32_t> depth;
        std::vector<ActorIndex> frontier;
        std::uint32_t level = 0;
    };
    Side forward{d, {}, {{from, 0}}, {from}};
    Side backward{d == ast::Direction::Either ? d : (d == ast::Direction::Outgoing ? ast::Direction::Incoming : ast::Direction::Outgoing),
                  {}, {{target, 0}}, {target}};
    std::optional<std::pair<ActorIndex, std::uint32_t>> meeting;  // the node and the path's length
    while (!meeting && !forward.frontier.empty() && !backward.frontier.empty() &&
           static_cast<std::int64_t>(forward.level + backward.level) < max) {
        bool grow_forward = forward.frontier.size() <= backward.frontier.size();
        auto& side = grow_forward ? forward : backward;
        const auto& other = grow_forward ? backward : forward;
        std::vector<ActorIndex> next;
        for (auto node : side.frontier) {
            auto at = incident(graph, node, side.direction);
            for (std::size_t k = 0; k < at.size(); ++k) {
                context_.tick();
                auto relationship = at[k];
                if (!relationship_fits(part, 0, relationship)) continue;
                auto reached = other_end(graph.relation(relationship), node);
                if (!side.depth.try_emplace(reached, side.level + 1).second) continue;
                side.parent.emplace(reached, std::make_pair(node, relationship));
                next.push_back(reached);
                auto met = other.depth.find(reached);
                if (met == other.depth.end()) continue;
                auto length = side.level + 1 + met->second;
                if (!meeting || length < meeting->second) meeting = std::make_pair(reached, length);
            }
        }
        side.frontier = std::move(next);
        ++side.level;
    }
    if (!meeting || static_cast<std::int64_t>(meeting->second) > max) return true;
    // The walk from `from` to the meeting node, then on to the target.
    std::vector<ActorIndex> nodes;
    std::vector<RelationIndex> walked;
    for (auto node = meeting->first; node != from;) {
        const auto& [previous, relationship] = forward.parent.at(node);
        nodes.push_back(node);
        walked.push_back(relationship);
        node = previous;
    }
    std::reverse(nodes.begin(), nodes.end());
    std::reverse(walked.begin(), walked.end());
    for (auto node = meeting->first; node != target;) {
        const auto& [next, relationship] = backward.parent.at(node);
        walked.push_back(relationship);
        if (next != target) nodes.push_back(next);
        node = next;
    }
    if (!nodes.empty() && nodes.back() == target) nodes.pop_back();
    return try_shortest_end(part_index, target, nodes, walked);
}

std::optional<std::string> PatternMatcher::end_id(const Part& part) const
{
    const auto& element = part.nodes[1];
    if (!node_syntax(part, 1).properties || element.dynamic_properties || !element.properties.is_map()) return std::nullopt;
    auto id = element.properties.as_map().find("id");
    if (id == element.properties.as_map().end() || !id->second.is_string()) return std::nullopt;
    return id->second.as_string();
}

// Binds the relationship variable (a list for a variable-length pattern) and the walk, then lets the end node's
// pattern decide.
bool PatternMatcher::try_shortest_end(std::size_t part_index, ActorIndex end, const std::vector<ActorIndex>& between,
                                      const std::vector<RelationIndex>& walked)
{
    auto& part = parts_[part_index];
    const auto& syntax = relationship_syntax(part, 0);
    auto slot = part.relationships[0].slot;
    Value bound_value;
    if (syntax.variable_length) {
        List list;
        for (auto relationship : walked) list.push_back(Value::relationship(relationship));
        if (part.reversed) std::reverse(list.begin(), list.end());
        bound_value = Value::list(std::move(list));
    } else if (!walked.empty()) {
        bound_value = Value::relationship(walked[0]);
    }
    auto binding = bind_or_check(slot, std::move(bound_value));
    if (!binding) return true;
    bool binds = *binding;
    auto saved_nodes = path_nodes_.size();
    auto saved_relationships = path_relationships_.size();
    path_nodes_.insert(path_nodes_.end(), between.begin(), between.end());
    path_relationships_.insert(path_relationships_.end(), walked.begin(), walked.end());
    used_.insert(used_.end(), walked.begin(), walked.end());
    bool go_on = match_node(part_index, 1, end);
    used_.resize(used_.size() - walked.size());
    path_nodes_.resize(saved_nodes);
    path_relationships_.resize(saved_relationships);
    if (binds) {
        bound_[static_cast<std::size_t>(slot)] = 0;
        row_[static_cast<std::size_t>(slot)] = Value();
    }
    return go_on;
}

}  // namespace actorgraph::cypher
