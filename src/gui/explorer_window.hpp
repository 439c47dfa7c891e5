#pragma once
// The window's arrangement: a menu bar on top, controls on the left, the canvas in the middle with a
// toolbar, the inspector and legend on the right, a status bar at the bottom. The side columns can
// be dragged wider or narrower; their widths are kept between runs.
#include "actorgraph/app/explorer.hpp"
#include "gui/canvas.hpp"
#include "gui/font_loader.hpp"
#include <memory>
#include <utility>
#include <vector>

#include "gui/gui_settings.hpp"
#include "gui/menu_bar.hpp"
#include "gui/panels/panel.hpp"
#include "gui/ui_state.hpp"

namespace actorgraph::gui {

inline constexpr float left_panel_width = 380;   ///< the first time; the user's width is kept after
inline constexpr float right_panel_width = 400;
inline constexpr float status_bar_height = 28;
/// How narrow or wide a side column may be dragged, in unscaled pixels.
inline constexpr float min_panel_width = 240;
inline constexpr float max_panel_width = 900;

/// The canvas rectangle for a window size (used before the first frame to aim the first fit).
[[nodiscard]] Rect canvas_rect(float width, float height);

class ExplorerWindow {
public:
    /// `scale` is the monitor's content scale: panel widths and the status bar grow with it.
    ExplorerWindow(Explorer& explorer, const Fonts& fonts, GuiSettings& settings, float scale = 1);
    /// Draws one frame of every panel; never throws.
    void draw(float width, float height);
    /// True once File > Quit or Ctrl+Q asked to close the window (each request is reported once).
    [[nodiscard]] bool quit_requested() noexcept { return std::exchange(quit_, false); }
    /// Opens a file (a dropped one), asking first when the open file has unsaved changes.
    void request_open(const std::filesystem::path& path);
    /// True when the window may close now; otherwise the unsaved-changes question is shown.
    [[nodiscard]] bool may_close() { return state_.saving.unsaved.request_close(explorer_); }
    /// True once the user answered Save (and it worked) or Discard to closing with unsaved changes.
    [[nodiscard]] bool close_approved() const noexcept { return state_.saving.unsaved.close_approved(); }

private:
    void draw_left(float top, float height);
    void draw_centre(float top, float width, float height);
    void draw_right(float top, float width, float height);
    void draw_status_bar(float width, float height);
    void draw_toolbar();
    void handle_shortcuts();
    void forward_file_requests();
    /// The panels as collapsing headers whose open state persists between runs.
    void draw_panels(const std::vector<std::unique_ptr<Panel>>& panels);
    /// Begins a side column the user can widen or narrow by dragging its inner edge; `width` follows.
    void begin_side_column(const char* name, float x, float top, float height, float& width);

    Explorer& explorer_;
    const Fonts& fonts_;
    GuiSettings& settings_;
    UiState state_;
    Canvas canvas_;
    MenuBar menu_;
    MenuRequests requests_;
    std::vector<std::unique_ptr<Panel>> left_panels_;
    std::vector<std::unique_ptr<Panel>> right_panels_;
    float scale_ = 1;
    float left_width_ = left_panel_width;
    float right_width_ = right_panel_width;
    bool quit_ = false;
    std::optional<AnalysisRequest> analysis_revealed_;  ///< the analysis the Analysis panel was opened for
    std::size_t query_revealed_ = 0;  ///< the query console answer the Query panel was opened for
    bool strip_shown_ = false;        ///< whether the answer strip took part of the canvas last frame
};

}  // namespace actorgraph::gui
