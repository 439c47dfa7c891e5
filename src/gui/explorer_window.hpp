#pragma once
// The window's arrangement: controls on the left, the canvas in the middle with a toolbar,
// the inspector and legend on the right, a status bar at the bottom.
#include "actorgraph/app/explorer.hpp"
#include "gui/canvas.hpp"
#include "gui/font_loader.hpp"
#include "gui/gui_settings.hpp"
#include "gui/ui_state.hpp"

namespace actorgraph::gui {

inline constexpr float left_panel_width = 380;
inline constexpr float right_panel_width = 400;
inline constexpr float status_bar_height = 28;

/// The canvas rectangle for a window size (used before the first frame to aim the first fit).
[[nodiscard]] Rect canvas_rect(float width, float height);

class ExplorerWindow {
public:
    ExplorerWindow(Explorer& explorer, const Fonts& fonts, GuiSettings& settings);
    /// Draws one frame of every panel; never throws.
    void draw(float width, float height);

private:
    void draw_left(float height);
    void draw_centre(float width, float height);
    void draw_right(float width, float height);
    void draw_status_bar(float width, float height);
    void draw_toolbar();
    /// A collapsing header whose open state persists between runs.
    bool section(const char* title, bool open_by_default);

    Explorer& explorer_;
    const Fonts& fonts_;
    GuiSettings& settings_;
    UiState state_;
    Canvas canvas_;
};

}  // namespace actorgraph::gui
