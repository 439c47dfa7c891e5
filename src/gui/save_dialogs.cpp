#include "gui/save_dialogs.hpp"

#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_stdlib.h>

#include "actorgraph/app/display_text.hpp"
#include "gui/panels/panel.hpp"
#include "gui/widget_places.hpp"

namespace actorgraph::gui {

namespace {

constexpr const char* save_as_title = "Save as";
constexpr const char* unsaved_title = "Unsaved changes";

void draw_save_as(Explorer& explorer, SavingState& saving)
{
    centre_next_window();
    if (!ImGui::BeginPopupModal(save_as_title, nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
    ImGui::TextUnformatted("Save the whole graph to a file; its name says the format.");
    ImGui::SetNextItemWidth(520);
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
    bool entered = ImGui::InputTextWithHint("##save_as_path", "map.gv, map.graphml, map.gexf or a folder for CSV",
                                            &saving.save_as_path, ImGuiInputTextFlags_EnterReturnsTrue);
    auto target = save_target(saving.save_as_path);
    if (target.path) ImGui::TextDisabled("writes %s", target.description.c_str());
    else error_text(target.description);
    ImGui::BeginDisabled(!target.path);
    bool save = noted(ImGui::Button("Save"), "Save", "button") || (entered && target.path);
    ImGui::EndDisabled();
    ImGui::SameLine();
    bool cancel = noted(ImGui::Button("Cancel"), "Cancel", "button") || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape));
    // A failed save leaves the dialog open; the error shows in the status bar and the messages.
    if (save && target.path && explorer.save(*target.path)) ImGui::CloseCurrentPopup();
    if (cancel) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

void draw_unsaved_question(Explorer& explorer, SavingState& saving)
{
    auto& guard = saving.unsaved;
    if (guard.pending() && !ImGui::IsPopupOpen(unsaved_title)) ImGui::OpenPopup(unsaved_title);
    centre_next_window();
    if (!ImGui::BeginPopupModal(unsaved_title, nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
    if (!guard.pending()) {
        ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
        return;
    }
    ImGui::TextUnformatted(guard.question(explorer).c_str());
    if (!guard.save_error().empty()) error_text(guard.save_error());
    std::optional<UnsavedChangesGuard::Answer> answer;
    if (noted(ImGui::Button("Save"), "Save", "button")) answer = UnsavedChangesGuard::Answer::save;
    ImGui::SameLine();
    if (noted(ImGui::Button("Discard"), "Discard", "button")) answer = UnsavedChangesGuard::Answer::discard;
    ImGui::SameLine();
    if (noted(ImGui::Button("Cancel"), "Cancel", "button") || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) {
        answer = UnsavedChangesGuard::Answer::cancel;
    }
    if (answer) guard.answer(explorer, *answer);
    if (!guard.pending()) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

}  // namespace

EditMenuChoice draw_edit_menu(Explorer& explorer)
{
    if (!noted(ImGui::BeginMenu("Edit"), "Edit", "menu")) return EditMenuChoice::none;
    auto undo = display_text(explorer.undo_name(), long_text_limit);
    auto redo = display_text(explorer.redo_name(), long_text_limit);
    // The step names come from the file's text: the ids keep ImGui's ids fixed whatever they say.
    if (noted(ImGui::MenuItem((undo + "##undo").c_str(), "Ctrl+Z", false, explorer.can_undo()), "Undo", "item")) explorer.undo();
    if (noted(ImGui::MenuItem((redo + "##redo").c_str(), "Ctrl+Shift+Z", false, explorer.can_redo()), "Redo", "item")) explorer.redo();
    ImGui::Separator();
    auto choice = EditMenuChoice::none;
    bool open = explorer.graph() != nullptr;
    if (noted(ImGui::MenuItem("New actor\u2026", nullptr, false, open), "New actor\u2026", "item")) choice = EditMenuChoice::new_actor;
    if (noted(ImGui::MenuItem("New relation\u2026", nullptr, false, open), "New relation\u2026", "item")) choice = EditMenuChoice::new_relation;
    if (const auto& offer = explorer.recovery_offer(); offer && offer->postponed) {
        ImGui::Separator();
        if (noted(ImGui::MenuItem("Restore unsaved changes\u2026"), "Restore unsaved changes\u2026", "item")) explorer.ask_recovery_again();
    }
    ImGui::EndMenu();
    return choice;
}

void save_or_ask(Explorer& explorer, SavingState& saving)
{
    if (!explorer.graph()) return;
    if (saves_in_place(explorer)) {
        explorer.save();
        return;
    }
    saving.open_save_as = true;
}

void handle_editing_shortcuts(Explorer& explorer, SavingState& saving)
{
    const auto& io = ImGui::GetIO();
    if (!io.KeyCtrl || io.WantTextInput) return;
    if (ImGui::IsKeyPressed(GLFW_KEY_Z, true)) {
        if (io.KeyShift) explorer.redo();
        else explorer.undo();
    }
    if (ImGui::IsKeyPressed(GLFW_KEY_Y, true)) explorer.redo();
    if (ImGui::IsKeyPressed(GLFW_KEY_S, false)) {
        if (io.KeyShift) saving.open_save_as = explorer.graph() != nullptr;
        else save_or_ask(explorer, saving);
    }
}

void draw_saving_dialogs(Explorer& explorer, SavingState& saving)
{
    if (saving.open_save_as) {
        saving.open_save_as = false;
        if (saving.save_as_path.empty() && !explorer.file().empty()) saving.save_as_path = explorer.file().string();
        ImGui::OpenPopup(save_as_title);
    }
    draw_save_as(explorer, saving);
    draw_unsaved_question(explorer, saving);
}

}  // namespace actorgraph::gui
