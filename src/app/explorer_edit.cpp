// The explorer's editing: one edit session per open file; after each change the graph shown is
// replaced by the edited one and the view is composed again, keeping what it referred to by id.
#include "actorgraph/app/explorer.hpp"
#include "actorgraph/edit/edit_script.hpp"
#include "actorgraph/model/schema.hpp"

#include <tuple>

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
    if (verb == "recover") recovery_offer_.reset();
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

std::string Explorer::recovery_question() const
{
    if (!recovery_offer_) return {};
    auto count = recovery_offer_->changes;
    auto changes = std::to_string(count) + (count == 1 ? " change" : " changes");
    auto name = file_.filename().string();
    if (recovery_offer_->confirming_discard) {
        return "Discard the " + changes + " for good? The journal beside " + name + " is emptied; this cannot be undone.";
    }
    auto question = changes + " made to " + name + " since it was last saved " + (count == 1 ? "was" : "were") +
                    " not saved (the editing session ended without saving).";
    if (recovery_offer_->torn) question += " The change after them was cut off while it was being written and cannot be restored.";
    return question + " Restore " + (count == 1 ? "it?" : "them?");
}

bool Explorer::answer_recovery(RecoveryAnswer answer)
{
    if (!recovery_offer_) return false;
    switch (answer) {
        case RecoveryAnswer::restore: return edit("recover", {});
        case RecoveryAnswer::discard: recovery_offer_->confirming_discard = true; return true;
        case RecoveryAnswer::back: recovery_offer_->confirming_discard = false; return true;
        case RecoveryAnswer::later:
            recovery_offer_->confirming_discard = false;
            recovery_offer_->postponed = true;
            info("the unsaved changes stay in the journal: Edit \u203a Restore unsaved changes asks again (edits wait until then)");
            return true;
        case RecoveryAnswer::confirm_discard: break;
    }
    if (!recovery_offer_->confirming_discard) return false;  // Discard first asks to confirm
    auto count = recovery_offer_->changes;
    edit_session_.reset();  // a session started meanwhile holds the journal it refused to edit past
    try {
        Journal(file_).reset();
    } catch (const std::exception& failure) {
        error(failure.what());
        return false;
    }
    recovery_offer_.reset();
    info("discarded " + std::to_string(count) + " unsaved " + (count == 1 ? "change" : "changes") + " to " + file_.filename().string());
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
    keep_places_ = true;
    forget_moved_pins(before);
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

// A kept map keeps actors by id: places from earlier pictures stay remembered, so undoing a deletion puts
// the actor back where it was. A full layout starts the memory afresh.
void Explorer::remember_places(bool merge)
{
    if (!drawing_ || !graph_) return;
    auto drawn = places_of(*drawing_, *graph_);
    if (merge) {
        for (const auto& [id, place] : *places_) {
            // Still alone when it was before and got no neighbour since (stable_places kept it there).
            auto [at, added] = drawn.try_emplace(id, place);
            if (!added && place.alone && at->second.centre.x == place.centre.x && at->second.centre.y == place.centre.y) at->second.alone = true;
        }
        for (const auto& id : placed_alone_) {
            if (auto found = drawn.find(id); found != drawn.end()) found->second.alone = true;
        }
    }
    places_ = std::make_shared<const ActorPlaces>(std::move(drawn));
}

// An actor pinned somewhere else by the edit (Alt-drag, pin) goes to its new pin, not its old place.
void Explorer::forget_moved_pins(const Graph& before)
{
    std::vector<std::string> moved;
    for (const auto& actor : graph_->actors()) {
        if (!places_->contains(actor.id)) continue;
        auto old = before.find_by_id(actor.id);
        // An actor brought back (undo of a deletion) returns to its remembered place; an unpinned one stays.
        if (!old || property_or_empty(actor.properties, "pinned") != "true") continue;
        auto pin = [](const Actor& a) {
            return std::tuple{property_or_empty(a.properties, "pinned"), property_or_empty(a.properties, "x"), property_or_empty(a.properties, "y")};
        };
        if (pin(before.actor(*old)) != pin(actor)) moved.push_back(actor.id);
    }
    if (moved.empty()) return;
    auto places = std::make_shared<ActorPlaces>(*places_);
    for (const auto& id : moved) places->erase(id);
    places_ = std::move(places);
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
        recovery_offer_ = RecoveryOffer{count, contents->torn};
        info(journal.path().string() + " holds " + std::to_string(count) + (count == 1 ? " change" : " changes") +
             " made since " + file_.filename().string() + " was last saved" + (contents->torn ? " (its last record is torn)" : "") +
             ": the window asks whether to restore or discard them (script verb recover restores them)");
    } catch (const std::exception& failure) {
        error(failure.what());
    }
}

}  // namespace actorgraph
