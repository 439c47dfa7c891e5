#pragma once
// How Cypher sees the model, in one place: an actor is a node whose labels are its kind and the further labels
// the `labels` property lists (as io/neo4j_labels.cpp stores them); `id` (unless generated), `label`,
// `aliases` and the free properties are its properties; a relation's type is its Cypher type. Properties are
// text in the model: values Cypher wrote keep their type in the session's overlay, other text is typed by
// property_value.
#include <cstdint>
#include <string>
#include <string_view>
#include <optional>
#include <unordered_map>
#include <variant>
#include <vector>

#include "actorgraph/cypher/engine.hpp"
#include "cypher/execute/label_index.hpp"

namespace actorgraph::cypher {

/// The exact values Cypher wrote, by element, for types text cannot carry ('1' stays a string).
struct TypedOverlay {
    std::unordered_map<ActorIndex, Map> nodes;
    std::unordered_map<RelationIndex, Map> relationships;
    std::uint64_t next_generated_id = 1;
};

/// Ids the engine makes for nodes created without one; they are not shown as an `id` property.
inline constexpr std::string_view generated_id_prefix = "_:";
/// The property where a node's labels other than its kind are kept (as io/neo4j_labels.cpp stores them).
inline constexpr std::string_view labels_property = "labels";

class GraphAccess {
public:
    /// Label scans go through the index given (a session's, kept between statements), else through one of its own.
    GraphAccess(Graph& graph, TypedOverlay& overlay, LabelIndex* label_index = nullptr)
        : graph_(graph), overlay_(overlay), label_index_(label_index ? label_index : &own_label_index_),
          version_at_start_(graph.version())
    {
    }
    GraphAccess(const GraphAccess&) = delete;
    GraphAccess& operator=(const GraphAccess&) = delete;

    [[nodiscard]] const Graph& graph() const noexcept { return graph_; }

    [[nodiscard]] std::vector<std::string> labels(ActorIndex node) const;
    [[nodiscard]] bool has_label(ActorIndex node, std::string_view label) const;
    /// The nodes with this label in index order, deleted ones included (see node_deleted); valid until the
    /// graph next changes.
    [[nodiscard]] std::span<const ActorIndex> nodes_with_label(std::string_view label) const
    {
        return label_index_->actors_with(graph_, label);
    }
    /// The relationships of this type in index order, deleted ones included; valid until the graph next changes.
    [[nodiscard]] std::span<const RelationIndex> relationships_of_type(std::string_view type) const
    {
        return label_index_->relations_of_type(graph_, type);
    }
    /// The relationships of any of these types (every type named once) in index order, deleted ones included;
    /// a copy, since a write later in the statement may rebuild the index while they are read.
    [[nodiscard]] std::vector<RelationIndex> relationships_of_types(const std::vector<std::string>& types) const;
    /// Whether the statement has neither written nor staged a deletion: the graph is as it began, and a scan may
    /// read relationship numbers from their columns (see column_reads_as_typed).
    [[nodiscard]] bool unchanged_by_statement() const noexcept;
    /// Whether the column gives each relationship's `key` as it reads: a value an earlier statement typed wins
    /// over the text (a float property set to 2 reads as the integer 2, the text as 2.0).
    [[nodiscard]] bool column_reads_as_typed(std::string_view key, const LabelIndex::NumberColumn& column) const;
    /// A relationship property as a number column (see LabelIndex::NumberColumn), built on first use at this
    /// graph version; only while unchanged_by_statement().
    [[nodiscard]] const LabelIndex::NumberColumn& relationship_numbers(std::string_view key) const;
    /// The column if it was built at this graph version, else null.
    [[nodiscard]] const LabelIndex::NumberColumn* built_relationship_numbers(std::string_view key) const
    {
        return label_index_->built_relation_numbers(graph_, key);
    }
    /// Whether some node has a generated id (it was made without one): only then may two nodes' `id` be equal.
    [[nodiscard]] bool any_generated_id() const { return label_index_->any_generated_id(graph_); }
    /// The property's value, null when absent.
    [[nodiscard]] Value node_property(ActorIndex node, std::string_view key) const;
    [[nodiscard]] Map node_properties(ActorIndex node) const;
    [[nodiscard]] Value relationship_property(RelationIndex relationship, std::string_view key) const;
    [[nodiscard]] Map relationship_properties(RelationIndex relationship) const;
    [[nodiscard]] const std::string& type(RelationIndex relationship) const { return graph_.relation(relationship).type; }

    /// A new node with these labels and properties (null values are left out).
    ActorIndex create_node(const std::vector<std::string>& labels, const Map& properties, Statistics& stats);
    RelationIndex create_relationship(ActorIndex source, ActorIndex target, const std::string& type,
                                      const Map& properties, Statistics& stats);
    /// Sets (or with null removes) a property; `id`, `label` and `aliases` rename the actor (a taken id is a
    /// ConstraintVerificationFailed error).
    void set_node_property(ActorIndex node, const std::string& key, const Value& value, Statistics& stats);
    void set_relationship_property(RelationIndex relationship, const std::string& key, const Value& value,
                                   Statistics& stats);
    void add_label(ActorIndex node, const std::string& label, Statistics& stats);
    void remove_label(ActorIndex node, const std::string& label, Statistics& stats);

    // DELETE marks now and removes at the statement's end, as Neo4j deletes at commit: row values keep their
    // indexes while the statement runs, later clauses no longer match what was deleted, and reading a deleted
    // element's properties or labels is an EntityNotFound error.

    /// Marks the node deleted; with detach, its relationships too. Without, the node must have no relationship
    /// left by the statement's end (commit_deletions checks).
    void delete_node(ActorIndex node, bool detach, Statistics& stats, QueryPosition where = {});
    void delete_relationship(RelationIndex relationship, Statistics& stats);
    [[nodiscard]] bool node_deleted(ActorIndex node) const noexcept
    {
        return node < deleted_nodes_.size() && deleted_nodes_[node];
    }
    /// Whether this statement has deleted a node so far.
    [[nodiscard]] bool deleted_any_node() const noexcept { return !nodes_to_delete_.empty(); }
    [[nodiscard]] bool relationship_deleted(RelationIndex relationship) const noexcept
    {
        return relationship < deleted_relationships_.size() && deleted_relationships_[relationship];
    }
    /// Takes what was deleted out of the graph (keeping the typed values of the rest at their new indexes).
    /// Throws ConstraintVerificationFailed, changing nothing, when a node deleted without DETACH still has a
    /// relationship.
    void commit_deletions();
    /// The writes so far as edit changes, in order (see Result::changes); leaves none behind.
    [[nodiscard]] std::vector<Change> take_changes() { return std::move(changes_); }

    /// Puts the graph back as it was before the statement's first write, for a statement that fails (a statement
    /// is atomic): undoes the logged writes, latest first, and forgets the deletions staged (before
    /// commit_deletions only). Costs what the statement wrote, nothing proportional to the graph.
    void undo_writes();

    /// A value as it reads after commit_deletions: nodes and relationships at their new indexes; a deleted one
    /// (or a path through one) is null.
    [[nodiscard]] Value after_deletions(const Value& value) const;

private:
    [[nodiscard]] std::optional<Value> relationship_number(RelationIndex relationship, std::string_view key) const;
    [[nodiscard]] Value stored_value(const Map* typed, const Properties& properties, const PropertyTypes& types,
                                     std::string_view key) const;
    void set_stored(Map& typed, Properties& properties, PropertyTypes& types, const std::string& key, const Value& value,
                    Statistics& stats);
    void write_labels(ActorIndex node, const std::vector<std::string>& labels);
    void set_node_name(ActorIndex node, const std::string& key, const Value& value, Statistics& stats);
    void record_created_node(ActorIndex node);
    void record_created_relationship(RelationIndex relationship);
    void record_property(EditTarget target, const std::string& key, const Properties& properties);
    void record_name(ActorIndex node, const std::string& key, const std::string& old_id);
    void record_labels(ActorIndex node);
    void record_deletions(const std::vector<RelationIndex>& relationships, const std::vector<ActorIndex>& nodes);
    // The undo log (graph_undo.cpp): what each write replaced, logged before the write.
    struct CreatedNode {};          // the last actor
    struct CreatedRelationship {};  // the last relation
    struct PropertyBefore {
        bool node = true;
        std::uint32_t index = 0;
        std::string key;
        std::optional<std::string> text;  // the model's text, or none when absent
        bool had_typed = false;           // whether the element had an overlay entry at all
        std::optional<Value> typed;       // the key's value in that entry
    };
    struct NamesBefore {
        ActorIndex node = 0;
        ActorNames names;
    };
    struct LabelsBefore {
        ActorIndex node = 0;
        Term kind;
        std::optional<std::string> labels;  // the `labels` property
    };
    using UndoEntry = std::variant<CreatedNode, CreatedRelationship, PropertyBefore, NamesBefore, LabelsBefore>;
    struct UndoStart {
        PropertyTypes actor_types, relation_types;
        std::uint64_t next_generated_id = 1;
    };
    void start_undo_log();
    void log_property_before(bool node, std::uint32_t index, const std::string& key);
    void log_names_before(ActorIndex node);
    void log_labels_before(ActorIndex node);
    void undo(const PropertyBefore& before);
    void undo(const LabelsBefore& before);

    void require_node(ActorIndex node) const;
    void require_relationship(RelationIndex relationship) const;
    void check_detached() const;

    Graph& graph_;
    TypedOverlay& overlay_;
    LabelIndex own_label_index_;
    LabelIndex* label_index_;
    std::uint64_t version_at_start_;  ///< the graph's version when the statement began (number columns are read until it writes)
    mutable std::string counted_key_;  ///< the relation property read last without a number column, and how often
    mutable std::size_t counted_reads_ = 0;
    /// The number column read last and its key as the statement spells it (the view's pointer is the statement's
    /// text, so a match by pointer is the same key); valid while the version is version_at_start_.
    mutable const LabelIndex::NumberColumn* column_ = nullptr;
    mutable std::string_view column_key_;
    std::vector<bool> deleted_nodes_, deleted_relationships_;  ///< sized on the first DELETE
    std::vector<ActorIndex> nodes_to_delete_;                   ///< in the order deleted
    std::vector<std::pair<ActorIndex, QueryPosition>> undetached_;  ///< deleted without DETACH, and where
    std::vector<RelationIndex> relationships_to_delete_;
    bool committed_ = false;
    std::vector<Change> changes_;
    std::optional<UndoStart> undo_start_;  ///< taken at the statement's first write
    std::vector<UndoEntry> undo_log_;
};

/// Throws a TypeError unless the value may be stored as a property (a scalar or a list of scalars).
void check_property_value(const Value& value, const std::string& key);

}  // namespace actorgraph::cypher
