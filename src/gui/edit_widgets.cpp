#include "gui/edit_widgets.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include "actorgraph/app/display_text.hpp"
#include "gui/panels/panel.hpp"
#include "gui/widget_places.hpp"

namespace actorgraph::gui {

namespace {

constexpr const char* delete_title = "Delete actor";
constexpr const char* merge_title = "Merge actors";

// Problems of an edit the window started without a form (delete, merge) go to the message log.
void log_problems(Explorer& explorer, const std::vector<EditProblem>& problems)
{
    for (const auto& problem : problems) explorer.error(problem.to_string());
}

// The inspector edits the selected actor until a relation is picked. A graph changed elsewhere (undo,
// a delete, a script) reads the actor's rows again by id; a relation is named by an index that such a
// change may move, so the editor goes back to the actor rather than edit another relation.
void follow_selection(const Explorer& explorer, EditState& edit, ActorIndex selected)
{
    const auto& graph = *explorer.graph();
    const auto& id = graph.actor(selected).id;
    bool changed_elsewhere = edit.editor_generation != explorer.graph_generation();
    if (edit.editor_actor != id || (changed_elsewhere && edit.editor.target.relation)) {
        edit.editor.edit_actor(graph, selected);
    } else if (changed_elsewhere && !edit.editor.refresh(graph)) {
        edit.editor.edit_actor(graph, selected);
    }
    edit.editor_actor = id;
    edit.editor_generation = explorer.graph_generation();
}

void draw_rows(Explorer& explorer, PropertyEditor& editor)
{
    if (!ImGui::BeginTable("##edit_rows", 3, ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp)) return;
    ImGui::TableSetupColumn("name", ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableSetupColumn("value", ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn("remove", ImGuiTableColumnFlags_WidthFixed);
    for (std::size_t i = 0; i < editor.rows.size() && i < editor.edited.size(); ++i) {
        ImGui::PushID(static_cast<int>(i));
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::AlignTextToFramePadding();
        ImGui::TextDisabled("%s", display_text(editor.rows[i].key).c_str());
        ImGui::TableNextColumn();
        ImGui::SetNextItemWidth(-1);
        bool changed = editor.edited[i] != editor.rows[i].value;
        if (changed) ImGui::PushStyleColor(ImGuiCol_FrameBg, IM_COL32(255, 240, 190, 255));
        bool entered = ImGui::InputText("##value", &editor.edited[i], ImGuiInputTextFlags_EnterReturnsTrue);
        if (changed) ImGui::PopStyleColor();
        if (ImGui::IsItemHovered() && changed) ImGui::SetTooltip("Enter sets %s", display_text(editor.rows[i].key).c_str());
        ImGui::TableNextColumn();
        bool removed = false;
        if (editor.rows[i].removable) {
            removed = ImGui::SmallButton("\u00d7");
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("remove %s", display_text(editor.rows[i].key).c_str());
        }
        ImGui::PopID();
        // An edit reads the rows again: stop drawing the old ones.
        if (entered && editor.set_row(explorer, i)) break;
        if (removed && editor.remove_row(explorer, i)) break;
    }
    ImGui::EndTable();
}

void draw_new_property(Explorer& explorer, PropertyEditor& editor)
{
    ImGui::SetNextItemWidth(110);
    ImGui::InputTextWithHint("##new_key", "new property", &editor.new_key);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(-60);
    bool entered = ImGui::InputTextWithHint("##new_value", "value", &editor.new_value, ImGuiInputTextFlags_EnterReturnsTrue);
    ImGui::SameLine();
    if (noted(ImGui::Button("Add"), "Add", "button") || entered) editor.add(explorer);
}

void draw_actor_actions(Explorer& explorer, UiState& state, ActorIndex selected)
{
    auto& edit = state.edit;
    const auto& graph = *explorer.graph();
    if (noted(ImGui::Button("Delete actor\u2026"), "Delete actor\u2026", "button")) edit.deleting = deletion_preview(graph, selected);
    ImGui::SameLine();
    if (noted(ImGui::Button("New relation from here"), "New relation from here", "button")) {
        edit.new_relation.from = graph.actor(selected).id;
        edit.show_relation_form = true;
    }
    ImGui::SetNextItemWidth(-1);
    if (edit.merge_with.draw("merge_with", "merge another actor into this one\u2026", explorer) && edit.merge_with.chosen()) {
        edit.merging = merge_preview(graph, selected, *edit.merge_with.chosen());
    }
}

void draw_relation_actions(Explorer& explorer, EditState& edit, ActorIndex selected)
{
    auto relation = *edit.editor.target.relation;
    if (noted(ImGui::Button("Delete relation"), "Delete relation", "button")) {
        auto problems = explorer.apply_edit(DeleteRelation{relation});
        if (problems.empty()) edit.editor.edit_actor(*explorer.graph(), selected);  // deleting a relation moves no actor
        else edit.editor.problems.set(problems);
        return;
    }
    ImGui::SameLine();
    if (noted(ImGui::Button("Back to the actor"), "Back to the actor", "button")) edit.editor.edit_actor(*explorer.graph(), selected);
}

void draw_delete_confirmation(Explorer& explorer, EditState& edit)
{
    if (edit.deleting && !ImGui::IsPopupOpen(delete_title)) ImGui::OpenPopup(delete_title);
    centre_next_window();
    if (!ImGui::BeginPopupModal(delete_title, nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
    if (!edit.deleting) {
        ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
        return;
    }
    const auto& preview = *edit.deleting;
    ImGui::Text("Delete %s?", display_text(preview.name).c_str());
    if (preview.relation_count == 0) {
        ImGui::TextDisabled("It has no relations.");
    } else {
        ImGui::Text("%s %s go with it:", with_thousands(preview.relation_count).c_str(),
                    preview.relation_count == 1 ? "relation" : "relations");
        ImGui::BeginChild("##going", {520, std::min(260.0f, 22.0f * static_cast<float>(preview.relations.size()) + 8)}, true);
        for (const auto& line : preview.relations) ImGui::BulletText("%s", display_text(line).c_str());
        if (preview.relation_count > preview.relations.size()) {
            ImGui::TextDisabled("\u2026 and %s more", with_thousands(preview.relation_count - preview.relations.size()).c_str());
        }
        ImGui::EndChild();
    }
    ImGui::TextDisabled("Edit > Undo brings it back with its relations.");
    bool confirm = noted(ImGui::Button("Delete"), "Delete", "button");
    ImGui::SameLine();
    bool cancel = noted(ImGui::Button("Cancel"), "Cancel", "button") || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape));
    if (confirm) log_problems(explorer, explorer.apply_edit(DeleteActor{preview.actor_id}));
    if (confirm || cancel) {
        edit.deleting.reset();
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

void draw_merge_confirmation(Explorer& explorer, EditState& edit)
{
    if (edit.merging && !ImGui::IsPopupOpen(merge_title)) ImGui::OpenPopup(merge_title);
    centre_next_window();
    if (!ImGui::BeginPopupModal(merge_title, nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
    if (!edit.merging) {
        ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
        return;
    }
    const auto& preview = *edit.merging;
    ImGui::Text("Merge %s into %s?", display_text(preview.other_name).c_str(), display_text(preview.keep_name).c_str());
    bool can_merge = preview.problem.empty();
    if (!can_merge) {
        error_text(preview.problem);
    } else {
        ImGui::TextDisabled("%s keeps its id; %s's names become aliases, its properties fill the gaps, and its",
                            display_text(preview.keep_name).c_str(), display_text(preview.other_name).c_str());
        ImGui::TextDisabled("%s %s move to %s.", with_thousands(preview.relations_moved).c_str(),
                            preview.relations_moved == 1 ? "relation" : "relations", display_text(preview.keep_name).c_str());
        ImGui::Text("%s becomes:", display_text(preview.keep_name).c_str());
        if (ImGui::BeginTable("##merged", 2, ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp, {560, 0})) {
            ImGui::TableSetupColumn("name", ImGuiTableColumnFlags_WidthFixed);
            ImGui::TableSetupColumn("value", ImGuiTableColumnFlags_WidthStretch);
            for (const auto& [key, value] : preview.result) {
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::TextDisabled("%s", display_text(key).c_str());
                ImGui::TableNextColumn();
                ImGui::TextWrapped("%s", display_text(value, long_text_limit).c_str());
            }
            ImGui::EndTable();
        }
        for (const auto& conflict : preview.conflicts) {
            ImGui::TextColored({0.7f, 0.4f, 0.0f, 1}, "both have %s: %s's value stays", display_text(conflict).c_str(),
                               display_text(preview.keep_name).c_str());
        }
    }
    ImGui::BeginDisabled(!can_merge);
    bool confirm = noted(ImGui::Button("Merge"), "Merge", "button");
    ImGui::EndDisabled();
    ImGui::SameLine();
    bool cancel = noted(ImGui::Button("Cancel"), "Cancel", "button") || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape));
    if (confirm) log_problems(explorer, explorer.apply_edit(MergeActors{preview.keep_id, preview.other_id}));
    if (confirm || cancel) {
        edit.merging.reset();
        edit.merge_with = ActorPicker{};
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

}  // namespace

bool form_field(const char* label, const char* hint, std::string& text, const FieldProblems& problems, std::string_view field)
{
    auto problem = problems.of(field);
    if (!problem.empty()) ImGui::PushStyleColor(ImGuiCol_FrameBg, IM_COL32(255, 215, 215, 255));
    bool entered = ImGui::InputTextWithHint(label, hint, &text, ImGuiInputTextFlags_EnterReturnsTrue);
    std::string_view name = label;
    note_widget(name.starts_with("##") ? name.substr(2) : name, "field");  // "##from" is the field "from"
    if (!problem.empty()) {
        ImGui::PopStyleColor();
        error_text(problem);
    }
    return entered;
}

void property_rows(std::vector<PropertyRow>& rows)
{
    std::optional<std::size_t> removed;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        ImGui::PushID(static_cast<int>(i));
        ImGui::SetNextItemWidth(110);
        ImGui::InputTextWithHint("##key", "name", &rows[i].key);
        ImGui::SameLine();
        ImGui::SetNextItemWidth(-40);
        ImGui::InputTextWithHint("##value", "value", &rows[i].value);
        ImGui::SameLine();
        if (ImGui::SmallButton("\u00d7")) removed = i;
        ImGui::PopID();
    }
    if (removed) rows.erase(rows.begin() + static_cast<std::ptrdiff_t>(*removed));
    if (noted(ImGui::SmallButton("+ property"), "+ property", "button")) rows.push_back({});
}

void other_problems(const FieldProblems& problems, std::vector<std::string_view> fields)
{
    for (const auto& text : problems.others(fields)) error_text(text);
}

void draw_property_editor(Explorer& explorer, UiState& state, ActorIndex selected)
{
    auto& edit = state.edit;
    follow_selection(explorer, edit, selected);
    auto& editor = edit.editor;
    if (editor.target.relation) {
        ImGui::Text("Relation r%u", *editor.target.relation);
        if (*editor.target.relation < explorer.graph()->relation_count()) {
            ImGui::SameLine();
            ImGui::TextDisabled("%s", display_text(relation_summary(*explorer.graph(), *editor.target.relation, selected)).c_str());
        }
    }
    draw_rows(explorer, editor);
    draw_new_property(explorer, editor);
    for (const auto& problem : editor.problems.all()) error_text(problem.to_string());
    if (editor.target.relation) draw_relation_actions(explorer, edit, selected);
    else draw_actor_actions(explorer, state, selected);
    // The editor's own edits read its rows again already.
    edit.editor_generation = explorer.graph_generation();
}

void draw_edit_dialogs(Explorer& explorer, UiState& state)
{
    draw_delete_confirmation(explorer, state.edit);
    draw_merge_confirmation(explorer, state.edit);
}

}  // namespace actorgraph::gui
