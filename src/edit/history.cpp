#include "actorgraph/edit/history.hpp"

namespace actorgraph {

std::vector<EditProblem> EditHistory::apply(Graph& graph, const Change& change)
{
    auto problems = check_change(graph, change);
    if (!problems.empty()) return problems;
    auto applied = apply_change(graph, change);
    auto description = applied.description;
    Step step{std::move(description), {}};
    step.changes.push_back(std::move(applied));
    done_.push_back(std::move(step));
    undone_.clear();
    return {};
}

std::vector<EditProblem> EditHistory::apply_group(Graph& graph, const ChangeGroup& group)
{
    if (group.changes.empty()) return {{"", "there is nothing to change"}};
    Step step{group.description, {}};
    // Each change is checked against the graph the earlier ones made; the first problem takes them all back.
    for (std::size_t i = 0; i < group.changes.size(); ++i) {
        auto problems = check_change(graph, group.changes[i]);
        if (!problems.empty()) {
            revert(graph, step);
            if (group.changes.size() > 1) {
                auto where = "change " + std::to_string(i + 1) + " of " + std::to_string(group.changes.size()) + ": ";
                for (auto& problem : problems) problem.message = where + problem.message;
            }
            return problems;
        }
        try {
            step.changes.push_back(apply_change(graph, group.changes[i]));
        } catch (...) {
            revert(graph, step);
            throw;
        }
    }
    done_.push_back(std::move(step));
    undone_.clear();
    return {};
}

void EditHistory::revert(Graph& graph, Step& step)
{
    for (auto applied = step.changes.rbegin(); applied != step.changes.rend(); ++applied) revert_change(graph, *applied);
}

// The graph is as it was before the step, so applying its changes again gives the same result, indexes included.
EditHistory::Step EditHistory::reapply(Graph& graph, const Step& step)
{
    Step again{step.description, {}};
    for (const auto& applied : step.changes) again.changes.push_back(apply_change(graph, applied.change));
    return again;
}

std::optional<std::string> EditHistory::undo(Graph& graph)
{
    if (done_.empty()) return std::nullopt;
    revert(graph, done_.back());
    undone_.push_back(std::move(done_.back()));
    done_.pop_back();
    return undone_.back().description;
}

std::optional<std::string> EditHistory::redo(Graph& graph)
{
    if (undone_.empty()) return std::nullopt;
    done_.push_back(reapply(graph, undone_.back()));
    undone_.pop_back();
    return done_.back().description;
}

void EditHistory::retract(Graph& graph)
{
    if (done_.empty()) return;
    revert(graph, done_.back());
    done_.pop_back();
}

std::string EditHistory::undo_name() const { return done_.empty() ? "Undo" : "Undo " + done_.back().description; }

std::string EditHistory::redo_name() const { return undone_.empty() ? "Redo" : "Redo " + undone_.back().description; }

void EditHistory::clear() noexcept
{
    done_.clear();
    undone_.clear();
}

}  // namespace actorgraph
