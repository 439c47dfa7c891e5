#include <imgui.h>
#include <imgui_stdlib.h>

#include <cmath>

#include "actorgraph/app/display_text.hpp"
#include "gui/panels/panels.hpp"

namespace actorgraph::gui {

void error_text(const std::string& text)
{
    ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(190, 30, 30, 255));
    ImGui::TextWrapped("%s", display_text(text, long_text_limit).c_str());
    ImGui::PopStyleColor();
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

void draw_layout_panel(Explorer& explorer)
{
    bool automatic = explorer.view().choose_engine;
    if (ImGui::RadioButton("auto", automatic) && !automatic) explorer.set_automatic_engine();
    ImGui::SameLine();
    for (auto engine : all_layout_engines) {
        bool chosen = !automatic && explorer.view().engine == engine;
        if (ImGui::RadioButton(layout_engine_name(engine), chosen) && !chosen) explorer.set_engine(engine);
        ImGui::SameLine();
    }
    ImGui::NewLine();
    ImGui::TextDisabled("auto: dot for small views, neato for mid-sized, sfdp for large ones");
    ImGui::TextDisabled("dot: layered; neato, fdp, sfdp: force-directed; circo: circular; twopi: radial");
    if (ImGui::Button("Lay out again")) explorer.request_layout();
    ImGui::SameLine();
    if (ImGui::Button("Fit to window (F)")) explorer.fit_to_window();
    draw_work_progress(explorer);
    auto status = explorer.layout_status();
    if (!status.running && !status.error.empty()) error_text("Last layout failed: " + status.error);
}

void draw_export_panel(Explorer& explorer, UiState& state)
{
    ImGui::TextDisabled("The current view, with its filters, focus and highlighted path");
    ImGui::SetNextItemWidth(-1);
    ImGui::InputTextWithHint("##output", "output file: .svg .png .pdf .dot", &state.export_path);
    for (const char* extension : {".svg", ".png", ".pdf", ".dot"}) {
        if (ImGui::SmallButton(extension)) state.export_path = std::filesystem::path(state.export_path).replace_extension(extension).string();
        ImGui::SameLine();
    }
    auto status = explorer.export_status();
    ImGui::BeginDisabled(status.running || state.export_path.empty() || !explorer.graph() || explorer.preparing());
    if (ImGui::Button("Export")) explorer.start_export(state.export_path);
    ImGui::EndDisabled();
    if (!status.result.empty()) {
        if (status.result.starts_with("export to")) error_text(status.result);
        else ImGui::TextWrapped("%s", display_text(status.result, long_text_limit).c_str());
    }
}

}  // namespace actorgraph::gui
