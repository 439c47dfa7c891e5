#include "actorgraph/edit/history.hpp"

namespace actorgraph {

std::vector<EditProblem> EditHistory::apply(Graph& graph, const Change& change)
{
    auto problems = check_change(graph, change);
    if (!problems.empty()) return problems;
    done_.push_back(apply_change(graph, change));
    undone_.clear();
    return {};
}

std::optional<std::string> EditHistory::undo(Graph& graph)
{
    if (done_.empty()) return std::nullopt;
    revert_change(graph, done_.back());
    undone_.push_back(std::move(done_.back()));
    done_.pop_back();
    return undone_.back().description;
}

// The graph is as it was before the change, so applying it again gives the same result, indexes included.
std::optional<std::string> EditHistory::redo(Graph& graph)
{
    if (undone_.empty()) return std::nullopt;
    done_.push_back(apply_change(graph, undone_.back().change));
    undone_.pop_back();
    return done_.back().description;
}

void EditHistory::retract(Graph& graph)
{
    if (done_.empty()) return;
    revert_change(graph, done_.back());
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
