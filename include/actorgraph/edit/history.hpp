#pragma once
// Unlimited undo and redo over one graph: every change goes through here, so the steps are named
// ("Undo merge of Oyu Tolgoi LLC into Oyu Tolgoi") and undo brings back exactly what was there.
#include <optional>
#include <string>
#include <vector>

#include "actorgraph/edit/change.hpp"

namespace actorgraph {

class EditHistory {
public:
    /// Checks and applies the change; on problems returns them and changes nothing. Clears the redo steps.
    [[nodiscard]] std::vector<EditProblem> apply(Graph& graph, const Change& change);
    /// Checks and applies the changes in order as one step; on a problem undoes those already applied and
    /// returns it (prefixed "change N of M" when there are several), leaving the graph as it was. An empty
    /// group is a problem. Clears the redo steps.
    [[nodiscard]] std::vector<EditProblem> apply_group(Graph& graph, const ChangeGroup& group);
    /// Undoes the last change; returns its description, or nullopt when there is nothing to undo.
    std::optional<std::string> undo(Graph& graph);
    /// Applies the last undone change again; returns its description, or nullopt when there is none.
    std::optional<std::string> redo(Graph& graph);

    /// Undoes the last change and forgets it (it could not be journalled, so it never happened).
    void retract(Graph& graph);

    [[nodiscard]] bool can_undo() const noexcept { return !done_.empty(); }
    [[nodiscard]] bool can_redo() const noexcept { return !undone_.empty(); }
    /// "Undo merge of Oyu Tolgoi LLC into Oyu Tolgoi", or "Undo" when there is nothing to undo.
    [[nodiscard]] std::string undo_name() const;
    /// "Redo new actor Rio Tinto", or "Redo".
    [[nodiscard]] std::string redo_name() const;
    /// The description of the last change done (what undo would undo), or nullptr.
    [[nodiscard]] const std::string* last_done() const noexcept { return done_.empty() ? nullptr : &done_.back().description; }
    [[nodiscard]] std::size_t undo_count() const noexcept { return done_.size(); }
    [[nodiscard]] std::size_t redo_count() const noexcept { return undone_.size(); }
    /// Forgets every step (a new graph was opened).
    void clear() noexcept;

private:
    /// One undoable step: a single change, or a group applied together.
    struct Step {
        std::string description;
        std::vector<AppliedChange> changes;  ///< in the order they were applied
    };
    static void revert(Graph& graph, Step& step);
    static Step reapply(Graph& graph, const Step& step);

    std::vector<Step> done_;
    std::vector<Step> undone_;
};

}  // namespace actorgraph
