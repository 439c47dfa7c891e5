#include "gui/explorer_window.hpp"

#include <imgui.h>

#include "actorgraph/app/display_text.hpp"
#include "gui/panels/panels.hpp"

namespace actorgraph::gui {

namespace {

constexpr ImGuiWindowFlags fixed_window = ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize |
                                          ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoCollapse |
                                          ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoSavedSettings;

void place(float x, float y, float width, float height)
{
    ImGui::SetNextWindowPos({x, y}, ImGuiCond_Always);
    ImGui::SetNextWindowSize({width, height}, ImGuiCond_Always);
}

}  // namespace

Rect canvas_rect(float width, float height)
{
    // Matches draw_centre: the toolbar takes one frame-height row above the canvas.
    float toolbar = ImGui::GetCurrentContext() ? ImGui::GetFrameHeightWithSpacing() + 8 : 36;
    return {{left_panel_width + 8, toolbar + 8}, {width - right_panel_width - 8, height - status_bar_height - 8}};
}

ExplorerWindow::ExplorerWindow(Explorer& explorer, const Fonts& fonts, GuiSettings& settings)
    : explorer_(explorer), fonts_(fonts), settings_(settings), state_(std::filesystem::current_path())
{
    if (!explorer.file().empty()) state_.browser.show_folder_of(explorer.file());
}

bool ExplorerWindow::section(const char* title, bool open_by_default)
{
    ImGui::SetNextItemOpen(settings_.panel_open(title, open_by_default), ImGuiCond_Once);
    bool open = ImGui::CollapsingHeader(title);
    settings_.set_panel_open(title, open);
    return open;
}

void ExplorerWindow::draw(float width, float height)
{
    draw_left(height - status_bar_height);
    draw_centre(width, height - status_bar_height);
    draw_right(width, height - status_bar_height);
    draw_status_bar(width, height);
}

void ExplorerWindow::draw_left(float height)
{
    place(0, 0, left_panel_width, height);
    ImGui::Begin("Controls", nullptr, fixed_window);
    if (section("Search", true)) draw_search_panel(explorer_, state_);
    if (section("Filters", true)) draw_filters_panel(explorer_, state_);
    if (section("Paths", true)) draw_paths_panel(explorer_, state_);
    if (section("Rank", false)) draw_rank_panel(explorer_, state_);
    if (section("Layout", false)) draw_layout_panel(explorer_);
    if (section("Export", false)) draw_export_panel(explorer_, state_);
    if (section("Open", false)) draw_open_panel(explorer_, state_);
    if (section("Import", false)) draw_import_panel(explorer_, state_);
    ImGui::End();
}

void ExplorerWindow::draw_toolbar()
{
    if (ImGui::Button("Fit (F)")) explorer_.fit_to_window();
    ImGui::SameLine();
    if (ImGui::Button("\u2212")) explorer_.camera().zoom_by(0.8f);
    ImGui::SameLine();
    if (ImGui::Button("+")) explorer_.camera().zoom_by(1.25f);
    ImGui::SameLine();
    ImGui::Text("%.0f%%", explorer_.camera().zoom() * 100);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(130);
    bool automatic = explorer_.view().choose_engine;
    if (ImGui::BeginCombo("##engine", engine_label(explorer_).c_str())) {
        if (ImGui::Selectable("auto", automatic)) explorer_.set_automatic_engine();
        for (auto engine : all_layout_engines) {
            bool chosen = !automatic && engine == explorer_.view().engine;
            if (ImGui::Selectable(layout_engine_name(engine), chosen)) explorer_.set_engine(engine);
        }
        ImGui::EndCombo();
    }
    ImGui::SameLine();
    auto status = explorer_.layout_status();
    if (explorer_.busy()) {
        draw_work_progress(explorer_);
    } else if (!status.error.empty()) {
        ImGui::TextColored({0.75f, 0.1f, 0.1f, 1}, "layout failed, showing the previous picture: %s", display_text(status.error).c_str());
    } else if (!explorer_.graph()) {
        ImGui::TextDisabled("Open a graph: Open panel, or drop a file here.");
    } else {
        ImGui::TextDisabled("drag to pan \u00b7 wheel to zoom \u00b7 click selects \u00b7 Shift/Ctrl-click adds \u00b7 Esc clears");
    }
}

void ExplorerWindow::draw_centre(float width, float height)
{
    place(left_panel_width, 0, width - left_panel_width - right_panel_width, height);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, {8, 8});
    ImGui::Begin("Canvas", nullptr, fixed_window | ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
    ImGui::PopStyleVar();
    draw_toolbar();
    canvas_.draw(explorer_, fonts_);
    ImGui::End();
}

void ExplorerWindow::draw_right(float width, float height)
{
    place(width - right_panel_width, 0, right_panel_width, height);
    ImGui::Begin("Details", nullptr, fixed_window);
    if (section("Inspector", true)) draw_inspector_panel(explorer_, state_);
    if (section("Legend", true)) draw_legend_panel(explorer_);
    if (section("Messages", true)) draw_messages_panel(explorer_);
    ImGui::End();
}

void ExplorerWindow::draw_status_bar(float width, float height)
{
    place(0, height - status_bar_height, width, status_bar_height);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, {8, 5});
    ImGui::Begin("Status", nullptr, fixed_window | ImGuiWindowFlags_NoScrollbar);
    ImGui::PopStyleVar();
    const auto* graph = explorer_.graph();
    if (!graph) {
        ImGui::TextUnformatted("no graph open");
        ImGui::End();
        return;
    }
    const auto& visible = explorer_.composed().scene.visible;
    auto status = explorer_.layout_status();
    ImGui::Text("%s  \u2502  actors %s/%s  \u2502  relations %s/%s  \u2502  %s  \u2502  layout %.2f s%s  \u2502  %zu selected",
                display_text(explorer_.file().filename().string()).c_str(), with_thousands(visible.actors.size()).c_str(),
                with_thousands(graph->actor_count()).c_str(), with_thousands(visible.relations.size()).c_str(),
                with_thousands(graph->relation_count()).c_str(), layout_engine_name(status.engine), status.seconds,
                status.running ? " (running)" : "", explorer_.selection().size());
    // A big graph shows only part of itself: say which part, in the accent colour so it is noticed.
    if (const auto& reduction = explorer_.composed().reduction; !reduction.text.empty()) {
        ImGui::SameLine();
        ImGui::TextColored({0.1f, 0.3f, 0.6f, 1}, "\u2502  %s", reduction.text.c_str());
        if (explorer_.can_show_more_neighbours()) {
            ImGui::SameLine();
            if (ImGui::SmallButton("More neighbours")) explorer_.show_more_neighbours();
        }
    }
    if (auto error = explorer_.last_error(); !error.empty() && !explorer_.messages().empty() &&
                                            explorer_.messages().back().level == ExplorerMessage::Level::error) {
        ImGui::SameLine();
        ImGui::TextColored({0.75f, 0.1f, 0.1f, 1}, "\u2502  %s", display_text(error).c_str());
    }
    ImGui::End();
}

}  // namespace actorgraph::gui
