#include "gui/recovery_dialog.hpp"

#include <imgui.h>

#include <optional>

#include "actorgraph/app/display_text.hpp"
#include "gui/panels/panel.hpp"

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
        if (ImGui::Button("Discard them")) answer = RecoveryAnswer::confirm_discard;
        ImGui::SameLine();
        if (ImGui::Button("Back") || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) answer = RecoveryAnswer::back;
    } else {
        if (ImGui::Button("Restore")) answer = RecoveryAnswer::restore;
        ImGui::SameLine();
        if (ImGui::Button("Discard\u2026")) answer = RecoveryAnswer::discard;
        ImGui::SameLine();
        if (ImGui::Button("Decide later") || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) answer = RecoveryAnswer::later;
    }
    if (answer) (void)explorer.answer_recovery(*answer);
    if (!explorer.asks_recovery()) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

}  // namespace actorgraph::gui
