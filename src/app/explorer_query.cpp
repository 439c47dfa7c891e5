// The explorer's Cypher console: a statement runs in the background (a read on the shared graph, a write on a
// copy); the answer is highlighted, a write's changes go through the edit session as one undoable, journalled step.
#include "actorgraph/app/explorer.hpp"
#include "actorgraph/edit/edit_session.hpp"

namespace actorgraph {

namespace {

std::string problems_text(const std::vector<EditProblem>& problems)
{
    std::string text;
    for (const auto& problem : problems) text += (text.empty() ? "" : "; ") + problem.to_string();
    return text;
}

}  // namespace

bool Explorer::run_query(std::string text)
{
    if (!graph_) {
        error("open a graph before running a query");
        return false;
    }
    cancel_query();
    query_console_.history.add(text);
    query_console_.last_text = text;
    query_console_.running = true;
    query_console_.seconds = 0;
    query_cancel_ = std::make_shared<std::atomic<bool>>(false);
    query_graph_generation_ = graph_generation_;
    // One engine session per graph snapshot: the indexes a statement builds serve the next ones.
    if (!console_session_ || console_session_->graph() != graph_.get()) {
        console_session_ = std::make_shared<ConsoleSession>(graph_);
    }
    auto console = console_session_;
    auto cancel = query_cancel_;
    query_job_ = std::make_unique<BackgroundTask<QueryOutcome>>(
        [console, cancel, text = std::move(text)] { return run_console_query(*console, text, cancel.get()); });
    return true;
}

void Explorer::cancel_query()
{
    if (!query_job_) return;
    query_cancel_->store(true);
    retire(std::move(query_job_));
    query_console_.running = false;
    info("query cancelled; nothing was written");
}

void Explorer::finish_query()
{
    auto job = std::move(query_job_);
    auto outcome = job->take_outcome();
    auto& console = query_console_;
    console.running = false;
    console.seconds = outcome.seconds;
    ++console.generation;
    if (!outcome.value) {
        console.table.reset();
        console.failure = QueryFailure{};
        console.failure->message = outcome.error;
        error("query failed: " + outcome.error);
        return;
    }
    auto& result = *outcome.value;
    console.failure = result.failure;
    if (result.failure) {
        console.table.reset();
        auto where = result.failure->line > 0
                         ? " at " + std::to_string(result.failure->line) + ":" + std::to_string(result.failure->column)
                         : std::string();
        error("query failed" + where + ": " + result.failure->message);
        return;
    }
    console.table = result.table;
    bool wrote = result.writes && write_query_changes(*result.writes);
    if (result.writes && !wrote) return;
    info(wrote ? result.writes->description + ": " + result.table.summary : "query: " + result.table.summary);
    highlight_query_result(result, wrote);
}

// The changes were made on the graph as it was when the statement started: they are put through the edit
// session only if the graph is still that one, and only all together (one step, one journal record).
bool Explorer::write_query_changes(const ChangeGroup& changes)
{
    auto refuse = [&](const std::string& reason) {
        query_console_.table.reset();
        query_console_.failure = QueryFailure{};
        query_console_.failure->message = reason;
        error("query not written: " + reason);
        return false;
    };
    if (graph_generation_ != query_graph_generation_) {
        return refuse("the graph changed while the statement ran, so nothing was written; run it again");
    }
    if (!ensure_edit_session()) return refuse(last_error());
    auto before = graph_;
    std::vector<EditProblem> problems;
    try {
        problems = edit_session_->apply_group(changes);
    } catch (const std::exception& failure) {
        return refuse(failure.what());
    }
    if (!problems.empty()) {
        return refuse("the explorer records changes by the rules of its edit forms, and this statement breaks them, so "
                      "nothing was written: " + problems_text(problems));
    }
    show_after_edit(*before);
    return true;
}

void Explorer::highlight_query_result(const QueryOutcome& outcome, bool wrote)
{
    Selection found;
    if (wrote) {
        // The edit made a new graph: the statement's nodes are found again by id, its relationships by their
        // ends and type, so created and changed relationships light up as well as nodes.
        for (const auto& id : outcome.found_ids) {
            if (auto actor = graph_->find_by_id(id)) found.actors.push_back(*actor);
        }
        for (const auto& relation : outcome.found_relations) {
            if (auto index = find_relation_again(*graph_, relation)) found.relations.push_back(*index);
        }
        found.normalize();
    } else if (graph_generation_ == query_graph_generation_) {
        found = outcome.found;
    }
    if (found.empty() && !view_.highlight) return;
    if (found.empty()) view_.highlight.reset();
    else view_.highlight = std::move(found);
    apply_view();
}

bool Explorer::select_query_row(std::size_t row)
{
    const auto& table = query_console_.table;
    if (!graph_ || !table || row >= table->rows.size()) return false;
    std::vector<ActorIndex> actors;
    for (const auto& cell : table->rows[row]) {
        for (const auto& id : cell.actors) {
            if (auto actor = graph_->find_by_id(id)) actors.push_back(*actor);
        }
    }
    if (actors.empty()) return false;
    go_to_actor(actors.front());
    for (std::size_t i = 1; i < actors.size(); ++i) select_actor(actors[i], true);
    return true;
}

void Explorer::set_query_view_only(bool only)
{
    if (view_.highlight_only == only) return;
    view_.highlight_only = only;
    if (view_.highlight) apply_view();
}

void Explorer::clear_query_highlight()
{
    if (!view_.highlight) return;
    view_.highlight.reset();
    apply_view();
}

}  // namespace actorgraph
