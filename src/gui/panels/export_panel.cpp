#include <imgui.h>
#include <imgui_stdlib.h>

#include "actorgraph/app/display_text.hpp"
#include "gui/panels/panel.hpp"

namespace actorgraph::gui {

static void draw_export_panel(Explorer& explorer, UiState& state)
{
    ImGui::TextDisabled("The current view, with its filters, focus and highlighted path");
    ImGui::SetNextItemWidth(-1);
    ImGui::InputTextWithHint("##output", "output file: .svg .png .pdf .dot", &state.export_path);
    for (const char* extension : {".svg", ".png", ".pdf", ".dot"}) {
        if (ImGui::SmallButton(extension)) state.export_path = std::filesystem::path(state.export_path).replace_extension(extension).string();
        ImGui::SameLine();
    }
    ImGui::Checkbox("Legend", &state.export_extras.legend);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Add the kinds and relation types shown, drawn as in the picture");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(-1);
    ImGui::InputTextWithHint("##title", "title (optional)", &state.export_extras.title);
    auto status = explorer.export_status();
    ImGui::BeginDisabled(status.running || state.export_path.empty() || !explorer.graph() || explorer.preparing());
    if (ImGui::Button("Export")) explorer.start_export(state.export_path, std::nullopt, state.export_extras);
    ImGui::EndDisabled();
    if (status.outcome == ExportOutcome::failed) error_text(status.result);
    else if (status.outcome != ExportOutcome::none) ImGui::TextWrapped("%s", display_text(status.result, long_text_limit).c_str());
}

namespace {

class ExportPanel final : public Panel {
public:
    [[nodiscard]] const char* title() const override { return "Export"; }
    [[nodiscard]] bool open_by_default() const override { return false; }
    void draw_content(Explorer& explorer, UiState& state) override { draw_export_panel(explorer, state); }
};

}  // namespace

std::unique_ptr<Panel> make_export_panel() { return std::make_unique<ExportPanel>(); }

}  // namespace actorgraph::gui
