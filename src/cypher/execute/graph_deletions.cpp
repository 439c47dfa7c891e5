// DELETE and DETACH DELETE: marked while the statement runs, taken out of the model at its end (the model's
// removal closes gaps, so doing it at once would move the indexes the statement's rows still hold).
#include <algorithm>
#include <stdexcept>

#include "cypher/execute/graph_access.hpp"

namespace actorgraph::cypher {

namespace {

[[noreturn]] void deleted_access(const char* what)
{
    throw Error(ErrorClass::EntityNotFound, "DeletedEntityAccess", Phase::runtime,
                std::string("this ") + what + " was deleted earlier in the statement");
}

void mark(std::vector<bool>& marks, std::size_t size, std::size_t index)
{
    if (marks.size() < size) marks.resize(size, false);
    marks[index] = true;
}

// Where an index moves once the (ascending) removed indexes are gone.
std::uint32_t shifted(const std::vector<std::uint32_t>& removed, std::uint32_t index)
{
    return index - static_cast<std::uint32_t>(std::lower_bound(removed.begin(), removed.end(), index) - removed.begin());
}

template <typename Key>
std::unordered_map<Key, Map> renumbered(std::unordered_map<Key, Map>& typed, const std::vector<std::uint32_t>& removed)
{
    std::unordered_map<Key, Map> result;
    for (auto& [index, values] : typed) {
        if (std::binary_search(removed.begin(), removed.end(), index)) continue;
        result.emplace(shifted(removed, index), std::move(values));
    }
    return result;
}

std::vector<std::uint32_t> sorted_unique(std::vector<std::uint32_t> indexes)
{
    std::sort(indexes.begin(), indexes.end());
    indexes.erase(std::unique(indexes.begin(), indexes.end()), indexes.end());
    return indexes;
}

}  // namespace

void GraphAccess::require_node(ActorIndex node) const
{
    if (node_deleted(node)) deleted_access("node");
}

void GraphAccess::require_relationship(RelationIndex relationship) const
{
    if (relationship_deleted(relationship)) deleted_access("relationship");
}

void GraphAccess::delete_relationship(RelationIndex relationship, Statistics& stats)
{
    if (relationship_deleted(relationship)) return;
    if (relationship >= graph_.relation_count()) throw std::out_of_range("relationship index out of range");
    mark(deleted_relationships_, graph_.relation_count(), relationship);
    relationships_to_delete_.push_back(relationship);
    ++stats.relationships_deleted;
}

void GraphAccess::delete_node(ActorIndex node, bool detach, Statistics& stats, QueryPosition where)
{
    if (node_deleted(node)) return;
    if (node >= graph_.actor_count()) throw std::out_of_range("node index out of range");
    if (detach) {
        for (auto relationship : graph_.out_relations(node)) delete_relationship(relationship, stats);
        for (auto relationship : graph_.in_relations(node)) delete_relationship(relationship, stats);
    } else {
        undetached_.emplace_back(node, where);
    }
    mark(deleted_nodes_, graph_.actor_count(), node);
    nodes_to_delete_.push_back(node);
    ++stats.nodes_deleted;
}

// A node deleted without DETACH may only have had relationships the statement deleted too (Neo4j checks at
// commit, so `DELETE n, r` works in either order).
void GraphAccess::check_detached() const
{
    for (auto [node, where] : undetached_) {
        std::size_t left = 0;
        for (auto relationship : graph_.out_relations(node)) left += relationship_deleted(relationship) ? 0 : 1;
        for (auto relationship : graph_.in_relations(node)) {
            const auto& relation = graph_.relation(relationship);
            if (relation.source != relation.target) left += relationship_deleted(relationship) ? 0 : 1;
        }
        if (left == 0) continue;
        const auto& actor = graph_.actor(node);
        std::string name = std::string_view(actor.id).starts_with(generated_id_prefix) ? "a node" : "node '" + actor.id + "'";
        throw Error(ErrorClass::ConstraintVerificationFailed, "DeleteConnectedNode", Phase::runtime,
                    "cannot delete " + name + ": it still has " + std::to_string(left) + " relationship" +
                        (left == 1 ? "" : "s") + "; delete them first or use DETACH DELETE",
                    where);
    }
}

void GraphAccess::commit_deletions()
{
    if (nodes_to_delete_.empty() && relationships_to_delete_.empty()) return;
    check_detached();
    auto relationships = sorted_unique(relationships_to_delete_);
    auto nodes = sorted_unique(nodes_to_delete_);
    record_deletions(relationships, nodes);
    // All at once: the model compacts its arrays and renumbers the endpoints once, not once per element.
    graph_.remove_relations(relationships);
    graph_.remove_actors(nodes);
    overlay_.relationships = renumbered(overlay_.relationships, relationships);
    overlay_.nodes = renumbered(overlay_.nodes, nodes);
    relationships_to_delete_ = std::move(relationships);
    nodes_to_delete_ = std::move(nodes);
    committed_ = true;
}

Value GraphAccess::after_deletions(const Value& value) const
{
    if (!committed_) return value;
    const auto& nodes = nodes_to_delete_;
    const auto& relationships = relationships_to_delete_;
    auto gone = [](const std::vector<std::uint32_t>& removed, std::uint32_t index) {
        return std::binary_search(removed.begin(), removed.end(), index);
    };
    if (value.is_node()) {
        return gone(nodes, value.as_node()) ? Value() : Value::node(shifted(nodes, value.as_node()));
    }
    if (value.is_relationship()) {
        auto index = value.as_relationship();
        return gone(relationships, index) ? Value() : Value::relationship(shifted(relationships, index));
    }
    if (value.is_path()) {
        Path path = value.as_path();
        for (auto& node : path.nodes) {
            if (gone(nodes, node)) return {};
            node = shifted(nodes, node);
        }
        for (auto& relationship : path.relationships) {
            if (gone(relationships, relationship)) return {};
            relationship = shifted(relationships, relationship);
        }
        return Value::path(std::move(path));
    }
    if (value.is_list()) {
        List list;
        for (const auto& element : value.as_list()) list.push_back(after_deletions(element));
        return Value::list(std::move(list));
    }
    if (value.is_map()) {
        Map map;
        for (const auto& [key, element] : value.as_map()) map.emplace(key, after_deletions(element));
        return Value::map(std::move(map));
    }
    return value;
}

}  // namespace actorgraph::cypher
