#include "gui/explorer_window.hpp"

#include <GLFW/glfw3.h>
#include <imgui.h>

#include <algorithm>

#include "actorgraph/app/display_text.hpp"
#include "gui/answer_strip.hpp"
#include "gui/edit_widgets.hpp"
#include "gui/recovery_dialog.hpp"
#include "gui/panels/panel.hpp"
#include "gui/widget_places.hpp"

namespace actorgraph::gui {

namespace {

constexpr ImGuiWindowFlags fixed_window = ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize |
                                          ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoCollapse |
                                          ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoSavedSettings;
// A side column: placed by the window, resizable by its edges (its width is kept in GuiSettings).
constexpr ImGuiWindowFlags side_column = fixed_window & ~ImGuiWindowFlags_NoResize;

void place(float x, float y, float width, float height)
{
    ImGui::SetNextWindowPos({x, y}, ImGuiCond_Always);
    ImGui::SetNextWindowSize({width, height}, ImGuiCond_Always);
}

}  // namespace

Rect canvas_rect(float width, float height)
{
    // Matches draw and draw_centre: the menu bar and the toolbar take a frame-height row each above the canvas.
    float toolbar = ImGui::GetCurrentContext() ? ImGui::GetFrameHeight() + ImGui::GetFrameHeightWithSpacing() + 8 : 60;
    return {{left_panel_width + 8, toolbar + 8}, {width - right_panel_width - 8, height - status_bar_height - 8}};
}

ExplorerWindow::ExplorerWindow(Explorer& explorer, const Fonts& fonts, GuiSettings& settings, float scale)
    : explorer_(explorer), fonts_(fonts), settings_(settings), state_(std::filesystem::current_path()), scale_(scale)
{
    if (!explorer.file().empty()) state_.browser.show_folder_of(explorer.file());
    // The Query panel comes last, so the panels above keep their places (a new answer opens and scrolls to it).
    for (auto make : {make_search_panel, make_edit_panel, make_data_table_panel, make_filters_panel, make_paths_panel, make_analysis_panel, make_rank_panel, make_layout_panel,
                      make_export_panel, make_open_panel, make_import_panel, make_query_panel}) {
        left_panels_.push_back(make());
    }
    for (auto make : {make_inspector_panel, make_legend_panel, make_messages_panel}) right_panels_.push_back(make());
    left_width_ = static_cast<float>(settings.integer("layout.left_width", static_cast<int>(left_panel_width * scale)));
    right_width_ = static_cast<float>(settings.integer("layout.right_width", static_cast<int>(right_panel_width * scale)));
    apply_theme(saved_theme(settings), settings);
}

void ExplorerWindow::draw_panels(const std::vector<std::unique_ptr<Panel>>& panels)
{
    for (const auto& panel : panels) {
        const char* title = panel->title();
        bool reveal = requests_.reveal_panel == title;
        if (reveal) ImGui::SetNextItemOpen(true, ImGuiCond_Always);
        else ImGui::SetNextItemOpen(settings_.panel_open(title, panel->open_by_default()), ImGuiCond_Once);
        bool open = ImGui::CollapsingHeader(title);
        note_widget(title, "header");
        if (reveal) {
            ImGui::SetScrollHereY(0);
            requests_.reveal_panel.clear();
        }
        settings_.set_panel_open(title, open);
        if (open) panel->draw_content(explorer_, state_);
    }
}

void ExplorerWindow::begin_side_column(const char* name, float x, float top, float height, float& width)
{
    float widest = std::max(min_panel_width * scale_, std::min(max_panel_width * scale_, ImGui::GetIO().DisplaySize.x / 2));
    width = std::clamp(width, min_panel_width * scale_, widest);
    ImGui::SetNextWindowPos({x, top}, ImGuiCond_Always);
    ImGui::SetNextWindowSize({width, height}, ImGuiCond_Always);
    // Only the width may change, within bounds; the height always fills the column.
    ImGui::SetNextWindowSizeConstraints({min_panel_width * scale_, height}, {widest, height});
    ImGui::Begin(name, nullptr, side_column);
}

void ExplorerWindow::draw(float width, float height)
{
    float top = menu_.draw(explorer_, settings_, requests_);
    handle_shortcuts();
    handle_editing_shortcuts(explorer_, state_.saving);
    forward_file_requests();
    // A new analysis (from the inspector or a script) opens the panel that shows its findings.
    if (explorer_.view().analysis && explorer_.view().analysis != analysis_revealed_) requests_.reveal_panel = "Analysis";
    analysis_revealed_ = explorer_.view().analysis;
    // So does a new answer of the query console (a script's query, too).
    if (explorer_.query_console().generation != query_revealed_) requests_.reveal_panel = "Query (Cypher)";
    query_revealed_ = explorer_.query_console().generation;
    explorer_.tick(ImGui::GetIO().DeltaTime);  // the year player runs on the frames' clock
    if (requests_.quit) quit_ = true;
    requests_.quit = false;
    draw_saving_dialogs(explorer_, state_.saving);
    draw_recovery_question(explorer_);
    draw_edit_dialogs(explorer_, state_);
    float body = height - status_bar_height * scale_ - top;
    draw_left(top, body);
    draw_right(top, width, body);
    draw_centre(top, width, body);
    draw_status_bar(width, height);
}

void ExplorerWindow::request_open(const std::filesystem::path& path)
{
    state_.saving.unsaved.request(explorer_, "opening " + path.filename().string(), [path](Explorer& explorer) {
        (void)explorer.open(path);
    });
}

void ExplorerWindow::forward_file_requests()
{
    if (auto path = std::exchange(requests_.open, std::nullopt)) request_open(*path);
    if (std::exchange(requests_.save, false)) save_or_ask(explorer_, state_.saving);
    if (std::exchange(requests_.save_as, false)) state_.saving.open_save_as = true;
    if (std::exchange(requests_.new_actor, false)) state_.edit.show_actor_form = true;
    if (std::exchange(requests_.new_relation, false)) state_.edit.show_relation_form = true;
    // The form shows in the Edit panel, opened and scrolled to.
    if (state_.edit.show_actor_form || state_.edit.show_relation_form) requests_.reveal_panel = "Edit";
}

void ExplorerWindow::handle_shortcuts()
{
    const auto& io = ImGui::GetIO();
    if (!io.KeyCtrl || io.WantTextInput) return;
    if (ImGui::IsKeyPressed(GLFW_KEY_O, false)) requests_.reveal_panel = "Open";
    if (ImGui::IsKeyPressed(GLFW_KEY_Q, false)) requests_.quit = true;
}

void ExplorerWindow::draw_left(float top, float height)
{
    begin_side_column("Controls", 0, top, height, left_width_);
    draw_panels(left_panels_);
    // A drag of the column's edge shows in its size; keep it for the next frame and the next run.
    left_width_ = ImGui::GetWindowWidth();
    settings_.set_integer("layout.left_width", static_cast<int>(left_width_));
    ImGui::End();
}

void ExplorerWindow::draw_toolbar()
{
    auto tooltip = [](const char* text) {
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", text);
    };
    if (ImGui::Button("Fit (F)")) explorer_.fit_to_window();
    tooltip("Show the whole picture (F); the best connected actors stay named");
    ImGui::SameLine();
    if (ImGui::Button("\u2212")) explorer_.camera().zoom_by(0.8f);
    tooltip("Zoom out (-); the mouse wheel zooms around the pointer");
    ImGui::SameLine();
    if (ImGui::Button("+")) explorer_.camera().zoom_by(1.25f);
    tooltip("Zoom in (+); more names appear as there is room for them");
    ImGui::SameLine();
    ImGui::Text("%.0f%%", explorer_.camera().zoom() * 100);
    tooltip("Zoom: 100% draws names at the size Graphviz laid them out");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(130 * scale_);
    bool automatic = explorer_.view().choose_engine;
    if (ImGui::BeginCombo("##engine", engine_label(explorer_).c_str())) {
        if (ImGui::Selectable("auto", automatic)) explorer_.set_automatic_engine();
        for (auto engine : all_layout_engines) {
            bool chosen = !automatic && engine == explorer_.view().engine;
            if (ImGui::Selectable(layout_engine_name(engine), chosen)) explorer_.set_engine(engine);
        }
        ImGui::EndCombo();
    }
    tooltip("Layout engine: auto takes fdp up to 500 actors and sfdp beyond; dot draws layers, circo a circle, twopi rings");
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

void ExplorerWindow::draw_centre(float top, float width, float height)
{
    float centre_width = width - left_width_ - right_width_;
    // A query's answer takes a strip under the map, as wide as the map: its columns have room there.
    bool strip = answer_strip_shown(explorer_, state_.query);
    // The strip takes the canvas's lower third: what was in the middle of the map stays there.
    if (strip != strip_shown_) canvas_.keep_centre_on_next_draw();
    strip_shown_ = strip;
    if (strip) {
        float strip = answer_strip_height(height);
        height -= strip;
        place(left_width_, top + height, centre_width, strip);
        ImGui::Begin("Answer", nullptr, fixed_window | ImGuiWindowFlags_NoScrollbar);
        draw_answer_strip(explorer_, state_.query);
        ImGui::End();
    }
    place(left_width_, top, centre_width, height);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, {8, 8});
    ImGui::Begin("Canvas", nullptr, fixed_window | ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
    ImGui::PopStyleVar();
    draw_toolbar();
    canvas_.draw(explorer_, fonts_);
    // A Shift-drag between two actors opens the New relation form with both ends filled in.
    if (auto link = canvas_.take_link_request(); link && explorer_.graph()) {
        state_.edit.new_relation.prefill(*explorer_.graph(), link->first, link->second);
        state_.edit.show_relation_form = true;
    }
    if (auto place = canvas_.take_new_actor_request(); place && explorer_.graph()) {
        state_.edit.new_actor.place_at(*place);
        state_.edit.show_actor_form = true;
    }
    ImGui::End();
}

void ExplorerWindow::draw_right(float top, float width, float height)
{
    begin_side_column("Details", width - right_width_, top, height, right_width_);
    draw_panels(right_panels_);
    right_width_ = ImGui::GetWindowWidth();
    settings_.set_integer("layout.right_width", static_cast<int>(right_width_));
    ImGui::End();
}

void ExplorerWindow::draw_status_bar(float width, float height)
{
    place(0, height - status_bar_height * scale_, width, status_bar_height * scale_);
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
    auto name = display_text(explorer_.file().filename().string()) + (explorer_.dirty() ? "*" : "");
    ImGui::Text("%s  \u2502  actors %s/%s  \u2502  relations %s/%s  \u2502  %s  \u2502  layout %.2f s%s  \u2502  %zu selected",
                name.c_str(), with_thousands(visible.actors.size()).c_str(),
                with_thousands(graph->actor_count()).c_str(), with_thousands(visible.relations.size()).c_str(),
                with_thousands(graph->relation_count()).c_str(), layout_engine_name(status.engine), status.seconds,
                status.running ? " (running)" : status.kept_places ? " (places kept)" : "", explorer_.selection().size());
    // A big graph shows only part of itself: say which part, in the accent colour so it is noticed.
    if (const auto& reduction = explorer_.composed().reduction; !reduction.text.empty()) {
        ImGui::SameLine();
        ImGui::TextColored({0.1f, 0.3f, 0.6f, 1}, "\u2502  %s", reduction.text.c_str());
        if (explorer_.can_show_more_neighbours()) {
            ImGui::SameLine();
            if (ImGui::SmallButton("More neighbours")) explorer_.show_more_neighbours();
        }
    }
    // As of a year, what happens to undated relations is part of what the picture means: say it.
    if (const auto& filter = explorer_.view().filter; filter.as_of) {
        ImGui::SameLine();
        ImGui::Text("\u2502  as of %d, undated relations %s%s", *filter.as_of, filter.dated_only ? "dropped" : "kept",
                    explorer_.playing_years() ? " (playing)" : "");
    }
    if (auto error = explorer_.last_error(); !error.empty() && !explorer_.messages().empty() &&
                                            explorer_.messages().back().level == ExplorerMessage::Level::error) {
        ImGui::SameLine();
        ImGui::TextColored({0.75f, 0.1f, 0.1f, 1}, "\u2502  %s", display_text(error).c_str());
    }
    ImGui::End();
}

}  // namespace actorgraph::gui
