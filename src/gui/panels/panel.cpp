// Widgets more than one panel (or the toolbar) shows.
#include <imgui.h>

#include "actorgraph/app/display_text.hpp"
#include "gui/panels/panel.hpp"

namespace actorgraph::gui {

void error_text(const std::string& text)
{
    ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(190, 30, 30, 255));
    ImGui::TextWrapped("%s", display_text(text, long_text_limit).c_str());
    ImGui::PopStyleColor();
}

void centre_next_window()
{
    const auto& size = ImGui::GetIO().DisplaySize;
    ImGui::SetNextWindowPos({size.x / 2, size.y / 2}, ImGuiCond_Always, {0.5f, 0.5f});
}

void draw_work_progress(Explorer& explorer)
{
    auto status = explorer.work_status();
    if (status.stage == WorkStatus::Stage::idle) return;
    constexpr const char* spinner[] = {"\u25d0", "\u25d3", "\u25d1", "\u25d2"};
    int frame = static_cast<int>(ImGui::GetTime() * 8) % 4;
    ImGui::Text("%s %s\u2026 %.1f s", spinner[frame], display_text(status.text).c_str(), status.seconds);
    ImGui::SameLine();
    if (ImGui::SmallButton("Cancel")) explorer.cancel_work();
}

std::string engine_label(const Explorer& explorer)
{
    if (!explorer.view().choose_engine) return layout_engine_name(explorer.view().engine);
    return std::string("auto (") + layout_engine_name(explorer.composed().scene.engine) + ")";
}

}  // namespace actorgraph::gui
