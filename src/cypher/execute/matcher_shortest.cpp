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
    }

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
