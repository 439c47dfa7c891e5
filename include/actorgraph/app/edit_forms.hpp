#pragma once
// The editing forms of the window without any GUI code: New actor, New relation, the inspector's
// property editor, the delete-actor confirmation and the merge of two actors with its preview. Each
// form holds what is typed, turns it into one Change, submits it through Explorer::apply_edit (so it
// is checked, journalled and undoable) and keeps the problems by field for the window to show next to
// each field; on a problem nothing changes and the typed text stays.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "actorgraph/app/explorer.hpp"
#include "actorgraph/edit/change.hpp"

namespace actorgraph {

/// The problems of a form's last submit, by field.
class FieldProblems {
public:
    void set(std::vector<EditProblem> problems) { problems_ = std::move(problems); }
    void clear() noexcept { problems_.clear(); }
    [[nodiscard]] bool empty() const noexcept { return problems_.empty(); }
    /// The messages for one field joined by "; ", or empty.
    [[nodiscard]] std::string of(std::string_view field) const;
    /// The problems whose field is none of `fields` (shown under the form), as "field: message".
    [[nodiscard]] std::vector<std::string> others(const std::vector<std::string_view>& fields) const;
    [[nodiscard]] const std::vector<EditProblem>& all() const noexcept { return problems_; }

private:
    std::vector<EditProblem> problems_;
};

/// One free property row of a form; rows with an empty name and value are left out.
struct PropertyRow {
    std::string key;
    std::string value;
};

/// The kinds a New actor form offers: the built-in ones, then the file's own (custom) kinds.
[[nodiscard]] std::vector<std::string> kind_choices(const Explorer& explorer);
/// The relation types a New relation form offers, the same way.
[[nodiscard]] std::vector<std::string> type_choices(const Explorer& explorer);

struct NewActorForm {
    std::string id;
    std::string kind;
    std::string label;
    std::string aliases;  ///< "Oyu Tolgoi LLC; OT", split on ';'
    std::string description;
    std::vector<PropertyRow> properties;
    std::optional<Point> place;  ///< asked for at a point of the canvas (Graphviz points): created pinned there
    FieldProblems problems;

    static constexpr std::string_view fields[] = {"id", "kind", "label", "aliases", "description", "property"};
    /// Starts the form for an actor at a point of the canvas (new_actor_place), keeping what is typed.
    void place_at(Point layout_point) { place = layout_point; }
    /// The change the fields describe.
    [[nodiscard]] AddActor change() const;
    /// Adds the actor and selects it, then empties the form; false (problems set, nothing changed) otherwise.
    bool submit(Explorer& explorer);
};

struct NewRelationForm {
    std::string from;  ///< an actor's id, label or alias
    std::string to;
    std::string type;
    bool undirected = false;
    std::string year;
    std::string since;
    std::string until;
    std::string amount_usd;
    std::string source;  ///< required
    std::string confidence;  ///< an Admiralty code (B2) or low, medium, high; may be empty
    std::vector<PropertyRow> properties;
    FieldProblems problems;

    static constexpr std::string_view fields[] = {"from", "to", "type", "year", "since", "until",
                                                  "amount_usd", "source", "confidence", "property"};
    /// The change the fields describe, with from and to resolved to ids where they name an actor.
    [[nodiscard]] AddRelation change(const Graph& graph) const;
    /// Problems the change's check does not see (a confidence that is no grade).
    [[nodiscard]] std::vector<EditProblem> form_problems() const;
    /// Adds the relation, then empties everything but from, to and type; false (problems set) otherwise.
    bool submit(Explorer& explorer);
    /// Starts a new relation between two actors (a drag on the canvas), keeping the other fields.
    void prefill(const Graph& graph, ActorIndex from_actor, ActorIndex to_actor);
};

/// One editable field of an actor or relation: for an actor its id, label, kind and aliases come first
/// (`field` true: they cannot be removed, except label and aliases), then its free properties.
struct EditableProperty {
    std::string key;
    std::string value;
    bool removable = true;
};

/// The inspector's property editor for one actor or relation.
struct PropertyEditor {
    EditTarget target;                  ///< the actor's id, or the relation's index
    std::vector<EditableProperty> rows; ///< as the graph holds them now (see refresh)
    std::vector<std::string> edited;    ///< the value being typed for each row
    std::string new_key;
    std::string new_value;
    FieldProblems problems;

    /// Edits the actor (by id) or relation; rows are read from the graph.
    void edit_actor(const Graph& graph, ActorIndex actor);
    void edit_relation(const Graph& graph, RelationIndex relation);
    /// Reads the rows again (after any edit, or when the graph changed); false when the target is gone.
    bool refresh(const Graph& graph);
    /// Sets row `index` to what is typed in `edited[index]` (one SetProperty change).
    bool set_row(Explorer& explorer, std::size_t index);
    /// Removes row `index`.
    bool remove_row(Explorer& explorer, std::size_t index);
    /// Adds the new_key / new_value property.
    bool add(Explorer& explorer);

private:
    bool apply(Explorer& explorer, SetProperty change);
};

/// What deleting an actor takes with it, for the confirmation.
struct DeletionPreview {
    std::string actor_id;
    std::string name;                     ///< the actor's display name
    std::vector<std::string> relations;   ///< "pressure → China (2019)", at most `shown`
    std::size_t relation_count = 0;       ///< all of them
    static constexpr std::size_t shown = 40;
};
[[nodiscard]] DeletionPreview deletion_preview(const Graph& graph, ActorIndex actor);

/// What the kept actor becomes when another is merged into it, worked out on a copy of the two actors.
struct MergePreview {
    std::string keep_id;
    std::string other_id;
    std::string keep_name, other_name;
    std::vector<std::pair<std::string, std::string>> result;  ///< the kept actor after: id, label, kind, aliases, properties
    std::vector<std::string> conflicts;  ///< properties both had with different values: the kept value stays
    std::size_t relations_moved = 0;     ///< the other's relations, re-pointed to the kept actor
    std::string problem;                 ///< why they cannot be merged (the same actor), or empty
};
[[nodiscard]] MergePreview merge_preview(const Graph& graph, ActorIndex keep, ActorIndex other);

/// The one-line name of a relation in forms and confirmations: "pressure → China (2019)" seen from `from`.
[[nodiscard]] std::string relation_summary(const Graph& graph, RelationIndex relation, ActorIndex seen_from);

}  // namespace actorgraph
