#include "gui/menu_bar.hpp"

#include <imgui.h>

#include "actorgraph/app/display_text.hpp"
#include "actorgraph/app/shortcuts.hpp"
#include "gui/save_dialogs.hpp"
#include "gui/widget_places.hpp"

namespace actorgraph::gui {

namespace {

constexpr const char* shortcuts_title = "Keyboard shortcuts";
constexpr const char* about_title = "About actorgraph";

}  // namespace

Theme saved_theme(const GuiSettings& settings)
{
    return settings.integer("theme.dark", 0) == 1 ? Theme::dark : Theme::light;
}

void apply_theme(Theme theme, GuiSettings& settings)
{
    if (theme == Theme::dark) ImGui::StyleColorsDark();
    else ImGui::StyleColorsLight();
    settings.set_integer("theme.dark", theme == Theme::dark ? 1 : 0);
}

float MenuBar::draw(Explorer& explorer, GuiSettings& settings, MenuRequests& requests)
{
    float height = 0;
    if (ImGui::BeginMainMenuBar()) {
        draw_file_menu(explorer, requests);
        auto choice = draw_edit_menu(explorer);
        requests.new_actor = choice == EditMenuChoice::new_actor;
        requests.new_relation = choice == EditMenuChoice::new_relation;
        draw_view_menu(explorer, settings);
        draw_help_menu();
        height = ImGui::GetWindowSize().y;
        ImGui::EndMainMenuBar();
    }
    draw_dialogs();
    return height;
}

void MenuBar::draw_file_menu(Explorer& explorer, MenuRequests& requests)
{
    if (!noted(ImGui::BeginMenu("File"), "File", "menu")) return;
    if (noted(ImGui::MenuItem("Open\u2026", "Ctrl+O"), "Open\u2026", "item")) requests.reveal_panel = "Open";
    // A copy: opening may change the list (a file that vanished is dropped from it).
    auto recent = explorer.recent_files().files();
    if (noted(ImGui::BeginMenu("Open recent", !recent.empty()), "Open recent", "menu")) {
        for (std::size_t i = 0; i < recent.size(); ++i) {
            auto label = widget_label(display_text(recent[i].filename().string()), "recent" + std::to_string(i));
            if (ImGui::MenuItem(label.c_str())) requests.open = recent[i];
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", display_text(recent[i].string(), long_text_limit).c_str());
        }
        ImGui::EndMenu();
    }
    if (noted(ImGui::MenuItem("Import\u2026"), "Import\u2026", "item")) requests.reveal_panel = "Import";
    ImGui::Separator();
    bool open = explorer.graph() != nullptr;
    if (noted(ImGui::MenuItem(explorer.dirty() ? "Save (unsaved changes)" : "Save", "Ctrl+S", false, open), "Save", "item")) requests.save = true;
    if (noted(ImGui::MenuItem("Save as\u2026", "Ctrl+Shift+S", false, open), "Save as\u2026", "item")) requests.save_as = true;
    ImGui::Separator();
    if (noted(ImGui::MenuItem("Export view\u2026", nullptr, false, explorer.graph() != nullptr), "Export view\u2026", "item")) requests.reveal_panel = "Export";
    ImGui::Separator();
    if (noted(ImGui::MenuItem("Quit", "Ctrl+Q"), "Quit", "item")) requests.quit = true;
    ImGui::EndMenu();
}

void MenuBar::draw_view_menu(Explorer& explorer, GuiSettings& settings)
{
    if (!noted(ImGui::BeginMenu("View"), "View", "menu")) return;
    if (noted(ImGui::MenuItem("Fit to window", "F"), "Fit to window", "item")) explorer.fit_to_window();
    if (noted(ImGui::MenuItem("Zoom in", "+"), "Zoom in", "item")) explorer.camera().zoom_by(1.25f);
    if (noted(ImGui::MenuItem("Zoom out", "-"), "Zoom out", "item")) explorer.camera().zoom_by(0.8f);
    ImGui::Separator();
    if (noted(ImGui::MenuItem("Re-layout", nullptr, false, explorer.graph() != nullptr), "Re-layout", "item")) explorer.relayout();
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Lay the map out afresh (edits keep every actor where it is)");
    if (noted(ImGui::BeginMenu("Layout engine"), "Layout engine", "menu")) {
        bool automatic = explorer.view().choose_engine;
        if (noted(ImGui::MenuItem("auto", nullptr, automatic), "auto", "item")) explorer.set_automatic_engine();
        for (auto engine : all_layout_engines) {
            if (ImGui::MenuItem(layout_engine_name(engine), nullptr, !automatic && explorer.view().engine == engine)) explorer.set_engine(engine);
        }
        ImGui::EndMenu();
    }
    ImGui::Separator();
    auto theme = saved_theme(settings);
    if (noted(ImGui::MenuItem("Light theme", nullptr, theme == Theme::light), "Light theme", "item")) apply_theme(Theme::light, settings);
    if (noted(ImGui::MenuItem("Dark theme", nullptr, theme == Theme::dark), "Dark theme", "item")) apply_theme(Theme::dark, settings);
    if (noted(ImGui::MenuItem("Reload stylesheet"), "Reload stylesheet", "item")) (void)explorer.reload_stylesheet();
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Reads %s again", explorer.stylesheet_file().string().c_str());
    ImGui::EndMenu();
}

void MenuBar::draw_help_menu()
{
    if (!noted(ImGui::BeginMenu("Help"), "Help", "menu")) return;
    if (ImGui::MenuItem(shortcuts_title)) open_shortcuts_ = true;
    if (ImGui::MenuItem(about_title)) open_about_ = true;
    ImGui::EndMenu();
}

void MenuBar::draw_dialogs()
{
    // Popups open outside the menu's own ID stack, or they would close with the menu.
    if (open_shortcuts_) ImGui::OpenPopup(shortcuts_title);
    if (open_about_) ImGui::OpenPopup(about_title);
    open_shortcuts_ = open_about_ = false;
    if (ImGui::BeginPopupModal(shortcuts_title, nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
        if (ImGui::BeginTable("shortcuts", 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV)) {
            for (const auto& shortcut : explorer_shortcuts) {
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(shortcut.keys.data(), shortcut.keys.data() + shortcut.keys.size());
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(shortcut.action.data(), shortcut.action.data() + shortcut.action.size());
            }
            ImGui::EndTable();
        }
        if (noted(ImGui::Button("Close"), "Close", "button") || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }
    if (ImGui::BeginPopupModal(about_title, nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
        ImGui::TextUnformatted("actorgraph explorer");
        ImGui::TextDisabled("Influence networks: who invests in, pressures and partners with whom.");
        ImGui::TextDisabled("Files: DOT, GraphML, GEXF, Neo4j import CSV. Pictures by Graphviz.");
        ImGui::TextDisabled("Run actorgraph-gui --help for the command line; actorgraph --help for the CLI.");
        if (noted(ImGui::Button("Close"), "Close", "button") || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }
}

}  // namespace actorgraph::gui
