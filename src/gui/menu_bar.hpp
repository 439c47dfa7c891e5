#pragma once
// The window's menu bar: File (open, recent files, import, save, export, quit), Edit (undo, redo), View (fit, zoom, layout
// engine, theme) and Help (keyboard shortcuts, about). Menu items call Explorer actions; what the
// window itself must do (quit, show a panel) comes back as a request.
#include <filesystem>
#include <optional>
#include <string>

#include "actorgraph/app/explorer.hpp"
#include "gui/gui_settings.hpp"

namespace actorgraph::gui {

/// What a menu asked of the window this frame.
struct MenuRequests {
    bool quit = false;
    std::string reveal_panel;  ///< a panel's title to open and scroll to, or empty
    std::optional<std::filesystem::path> open;  ///< a file to open (asking first when there are unsaved changes)
    bool save = false;
    bool save_as = false;
    bool new_actor = false;     ///< show the Edit panel's New actor form
    bool new_relation = false;  ///< show its New relation form
};

enum class Theme { light, dark };

/// The theme kept in the settings (light the first time).
[[nodiscard]] Theme saved_theme(const GuiSettings& settings);
/// Applies the theme to ImGui's style and keeps it in the settings.
void apply_theme(Theme theme, GuiSettings& settings);

class MenuBar {
public:
    /// Draws the main menu bar and its dialogs; returns the bar's height.
    float draw(Explorer& explorer, GuiSettings& settings, MenuRequests& requests);

private:
    void draw_file_menu(Explorer& explorer, MenuRequests& requests);
    void draw_view_menu(Explorer& explorer, GuiSettings& settings);
    void draw_help_menu();
    void draw_dialogs();

    bool open_shortcuts_ = false;
    bool open_about_ = false;
};

}  // namespace actorgraph::gui
