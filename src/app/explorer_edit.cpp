// The explorer's editing: one edit session per open file; after each change the graph shown is
// replaced by the edited one and the view is composed again, keeping what it referred to by id.
#include "actorgraph/app/explorer.hpp"
#include "actorgraph/edit/edit_script.hpp"

namespace actorgraph {

namespace {

// The actors a list names, as ids, so they can be found again after indexes moved.
std::vector<std::string> ids_of(const Graph& graph, const std::vector<ActorIndex>& actors)
{
    std::vector<std::string> ids;
    for (auto actor : actors) {
        if (actor < graph.actor_count()) ids.push_back(graph.actor(actor).id);
    }
    return ids;
}

std::vector<ActorIndex> indexes_of(const Graph& graph, const std::vector<std::string>& ids)
{
    std::vector<ActorIndex> actors;
    for (const auto& id : ids) {
        if (auto actor = graph.find_by_id(id)) actors.push_back(*actor);
    }
    return actors;
}

}  // namespace

bool Explorer::dirty() const noexcept { return edit_session_ && edit_session_->dirty(); }

bool Explorer::ensure_edit_session()
{
    if (!graph_) {
        error("open a file before editing");
        return false;
    }
    if (edit_session_) return true;
    try {
        edit_session_ = std::make_unique<EditSession>(file_, Graph(*graph_), loaded_stamp_);
    } catch (const std::exception& failure) {
        error(failure.what());
        return false;
    }
    return true;
}

bool Explorer::edit(std::string_view verb, const std::vector<std::string>& arguments)
{
    if (!ensure_edit_session()) return false;
    auto before = graph_;
    try {
        info(run_edit_verb(*edit_session_, verb, arguments));
    } catch (const std::exception& failure) {
        error(failure.what());
        return false;
    }
    if (verb == "save") {
        file_ = edit_session_->file();
        return true;
    }
    show_after_edit(*before);
    return true;
}

std::vector<EditProblem> Explorer::apply_edit(const Change& change)
{
    if (!ensure_edit_session()) return {{"", last_error()}};
    auto before = graph_;
    std::vector<EditProblem> problems;
    try {
        problems = edit_session_->apply(change);
    } catch (const std::exception& failure) {
        error(failure.what());
        return {{"", failure.what()}};
    }
    if (!problems.empty()) return problems;
    info(*edit_session_->history().last_done());
    show_after_edit(*before);
    return {};
}

bool Explorer::undo() { return can_undo() && edit("undo", {}); }

bool Explorer::redo() { return can_redo() && edit("redo", {}); }

std::string Explorer::undo_name() const { return edit_session_ ? edit_session_->history().undo_name() : "Undo"; }

std::string Explorer::redo_name() const { return edit_session_ ? edit_session_->history().redo_name() : "Redo"; }

bool Explorer::can_undo() const noexcept { return edit_session_ && edit_session_->history().can_undo(); }

bool Explorer::can_redo() const noexcept { return edit_session_ && edit_session_->history().can_redo(); }

bool Explorer::save(const std::optional<std::filesystem::path>& target)
{
    std::vector<std::string> arguments;
    if (target) arguments.push_back(target->string());
    if (!edit("save", arguments)) return false;
    recent_.add(file_);
    return true;
}

void Explorer::discard_changes()
{
    if (!dirty()) return;
    auto count = edit_session_->history().undo_count();
    edit_session_.reset();
    try {
        Journal(file_).reset();
    } catch (const std::exception& failure) {
        error(failure.what());
        return;
    }
    info("discarded the unsaved changes to " + file_.filename().string() + " (" + std::to_string(count) + " steps)");
}

// What the view and the selection named, by id in the graph they were made for, found again in the edited one.
void Explorer::show_after_edit(const Graph& before)
{
    auto focus = ids_of(before, view_.focus);
    auto selection = ids_of(before, selection_);
    std::optional<std::vector<std::string>> path_ends;
    if (view_.path) path_ends = ids_of(before, {view_.path->from, view_.path->to});
    auto analysis_ids = view_.analysis ? ids_of(before, analysis_actors(*view_.analysis)) : std::vector<std::string>{};
    // A query's highlight keeps its actors; relation numbers may have moved, so its relations go.
    auto highlight_ids = view_.highlight ? ids_of(before, view_.highlight->actors) : std::vector<std::string>{};
    show_edited_graph();
    if (view_.highlight) {
        view_.highlight = Selection{indexes_of(*graph_, highlight_ids), {}};
        view_.highlight->normalize();
    }
    if (view_.analysis) view_.analysis = with_analysis_actors(*view_.analysis, indexes_of(*graph_, analysis_ids));
    view_.focus = indexes_of(*graph_, focus);
    selection_ = indexes_of(*graph_, selection);
    if (path_ends) {
        auto ends = indexes_of(*graph_, *path_ends);
        if (ends.size() == 2) {
            view_.path->from = ends[0];
            view_.path->to = ends[1];
        } else {
            view_.path.reset();
        }
    }
    apply_view();
}

// The old picture's indexes belong to the old graph, so it is not hit-tested again; the camera stays.
void Explorer::show_edited_graph()
{
    replace_graph(std::make_shared<const Graph>(edit_session_->graph()));
    facts_ = facts_of(*graph_);
    fit_on_next_drawing_ = false;
}

// A journal beside the file means an editing session ended without saving: say so, and how to restore it.
void Explorer::mention_journal()
{
    try {
        if (Journal::locked_elsewhere(file_)) {
            info(file_.filename().string() + " is being edited by another actorgraph process: edits here are refused until it saves or closes");
            return;
        }
        Journal journal(file_);
        auto contents = journal.read();
        if (!contents || contents->entries.empty()) return;
        auto count = contents->entries.size();
        info(journal.path().string() + " holds " + std::to_string(count) + (count == 1 ? " change" : " changes") +
             " made since " + file_.filename().string() + " was last saved" + (contents->torn ? " (its last record is torn)" : "") +
             ": recover them (script verb recover) or delete the journal to drop them");
    } catch (const std::exception& failure) {
        error(failure.what());
    }
}

}  // namespace actorgraph
