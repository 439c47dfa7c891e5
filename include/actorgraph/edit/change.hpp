#pragma once
// Every edit of a graph as a value: what the user asked for, checked before it is applied, applied
// with what undoing it needs, and written to the journal as one JSON object. Actors are named by id
// and relations by index (r0 is the first), so a change means the same on every copy of one graph.
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "actorgraph/model/graph.hpp"

namespace actorgraph {

using PropertyList = std::vector<std::pair<std::string, std::string>>;

struct AddActor {
    std::string id;
    std::string kind;
    std::string label;
    std::vector<std::string> aliases;
    PropertyList properties;
};

struct AddRelation {
    std::string from;  ///< actor ids
    std::string to;
    std::string type;
    bool undirected = false;
    PropertyList properties;  ///< `source` is required
};

/// An actor (by id) or a relation (by index).
struct EditTarget {
    std::string actor;
    std::optional<RelationIndex> relation;
};

/// Sets or (without a value) removes one property. On an actor the keys id, label, aliases (";"-separated)
/// and kind change those fields; on a relation the key type changes its type.
struct SetProperty {
    EditTarget target;
    std::string key;
    std::optional<std::string> value;
};

struct DeleteRelation {
    RelationIndex relation = 0;
};

/// Deletes the actor and every relation it takes part in.
struct DeleteActor {
    std::string actor;
};

/// Merges `other` into `keep` (see Graph::merge_actors).
struct MergeActors {
    std::string keep;
    std::string other;
};

/// Places an actor at x, y (points) and pins it there: properties x, y and pinned=true.
struct PinActor {
    std::string actor;
    double x = 0;
    double y = 0;
};

/// The properties PinActor sets (x and y in points, pinned=true); an actor created at a point of the
/// canvas is added with them.
[[nodiscard]] PropertyList pin_properties(double x, double y);

using Change = std::variant<AddActor, AddRelation, SetProperty, DeleteRelation, DeleteActor, MergeActors, PinActor>;

/// Several changes made as one step (a Cypher write statement): each is checked against the graph as the ones
/// before it left it; they are applied, undone, redone and journalled together, all or nothing.
struct ChangeGroup {
    std::string description;  ///< "Cypher: CREATE (n:state {id: 'x'})", for "Undo ..." menu items
    std::vector<Change> changes;
};

/// What is wrong with a change: the field (id, kind, source, year, ...) and a message a user can act on.
struct EditProblem {
    std::string field;
    std::string message;
    /// "field: message".
    [[nodiscard]] std::string to_string() const;
};

/// Everything wrong with applying the change to the graph as it is; empty when it can be applied.
[[nodiscard]] std::vector<EditProblem> check_change(const Graph& graph, const Change& change);

/// A change that was applied, with what undoing it needs.
struct AppliedChange {
    Change change;
    std::string description;  ///< "merge of Oyu Tolgoi LLC into Oyu Tolgoi", for "Undo ..." menu items
    struct Undo;
    std::shared_ptr<Undo> undo;
};

/// Applies a change check_change accepted; throws Error (changing nothing) when it was not checked and is bad.
[[nodiscard]] AppliedChange apply_change(Graph& graph, const Change& change);
/// Puts the graph back exactly as it was before the change (the graph as apply_change left it).
void revert_change(Graph& graph, AppliedChange& applied);

/// The change as one JSON object ({"op":"add-relation","from":...}), for the journal.
[[nodiscard]] std::string change_to_json(const Change& change);
/// The change a change_to_json object describes; throws Error for anything else.
[[nodiscard]] Change change_from_json(std::string_view json);

}  // namespace actorgraph
