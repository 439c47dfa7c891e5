#include <imgui.h>
#include <imgui_stdlib.h>

#include <cmath>

#include "actorgraph/app/display_text.hpp"
#include "gui/panels/panel.hpp"

namespace actorgraph::gui {

static void draw_layout_panel(Explorer& explorer)
{
    bool automatic = explorer.view().choose_engine;
    if (ImGui::RadioButton("auto", automatic) && !automatic) explorer.set_automatic_engine();
    for (auto engine : all_layout_engines) {
        // Wrap rather than run past a narrow column's edge.
        const char* name = layout_engine_name(engine);
        float button = ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x + ImGui::CalcTextSize(name).x;
        float right = ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x + button;
        if (right <= ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x) ImGui::SameLine();
        bool chosen = !automatic && explorer.view().engine == engine;
        if (ImGui::RadioButton(name, chosen) && !chosen) explorer.set_engine(engine);
    }
    ImGui::TextWrapped("auto: fdp up to 500 actors, sfdp for larger views");
    ImGui::TextWrapped("dot: layered; neato, fdp, sfdp: force-directed; circo: circular; twopi: radial");
    ImGui::TextWrapped("After an edit the map keeps its places (new actors go next to their neighbours); "
                       "Re-layout, another engine or a change of filters lays it out afresh.");
    if (ImGui::Button("Re-layout")) explorer.relayout();
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Lay the map out afresh: edits keep every actor where it is drawn");
    ImGui::SameLine();
    if (ImGui::Button("Fit to window (F)")) explorer.fit_to_window();
    draw_work_progress(explorer);
    auto status = explorer.layout_status();
    if (!status.running && !status.error.empty()) error_text("Last layout failed: " + status.error);
}

namespace {

class LayoutPanel final : public Panel {
public:
    [[nodiscard]] const char* title() const override { return "Layout"; }
    [[nodiscard]] bool open_by_default() const override { return false; }
    void draw_content(Explorer& explorer, UiState& state) override { (void)state; draw_layout_panel(explorer); }
};

}  // namespace

std::unique_ptr<Panel> make_layout_panel() { return std::make_unique<LayoutPanel>(); }

}  // namespace actorgraph::gui
