#include "gui/recovery_dialog.hpp"

#include <imgui.h>

#include <optional>

#include "actorgraph/app/display_text.hpp"
#include "gui/panels/panel.hpp"
#include "gui/widget_places.hpp"

namespace actorgraph::gui {

namespace {

constexpr const char* recovery_title = "Unsaved changes found";

}  // namespace

void draw_recovery_question(Explorer& explorer)
{
    if (explorer.asks_recovery() && !ImGui::IsPopupOpen(recovery_title)) ImGui::OpenPopup(recovery_title);
    centre_next_window();
    if (!ImGui::BeginPopupModal(recovery_title, nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
    if (!explorer.asks_recovery()) {
        ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
        return;
    }
    // The file name comes from outside: shown as text, never as a format string or a widget id.
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 32);
    ImGui::TextUnformatted(display_text(explorer.recovery_question(), long_text_limit).c_str());
    ImGui::PopTextWrapPos();
    ImGui::Spacing();
    std::optional<RecoveryAnswer> answer;
    if (explorer.recovery_offer()->confirming_discard) {
        if (noted(ImGui::Button("Discard them"), "Discard them", "button")) answer = RecoveryAnswer::confirm_discard;
        ImGui::SameLine();
        if (noted(ImGui::Button("Back"), "Back", "button") || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) answer = RecoveryAnswer::back;
    } else {
        if (noted(ImGui::Button("Restore"), "Restore", "button")) answer = RecoveryAnswer::restore;
        ImGui::SameLine();
        if (noted(ImGui::Button("Discard\u2026"), "Discard\u2026", "button")) answer = RecoveryAnswer::discard;
        ImGui::SameLine();
        if (noted(ImGui::Button("Decide later"), "Decide later", "button") || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) answer = RecoveryAnswer::later;
    }
    if (answer) (void)explorer.answer_recovery(*answer);
    if (!explorer.asks_recovery()) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

}  // namespace actorgraph::gui
