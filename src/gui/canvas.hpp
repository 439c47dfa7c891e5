#pragma once
// The picture area: draws the explorer's Drawing and turns mouse and keys into explorer actions
// (hover, click, shift/ctrl-click, drag to pan, wheel to zoom, F to fit, Escape to clear).
#include "actorgraph/app/canvas_frame.hpp"
#include "actorgraph/app/explorer.hpp"
#include "gui/font_loader.hpp"

namespace actorgraph::gui {

class Canvas {
public:
    /// Draws into the current ImGui window's remaining content region and handles its input.
    void draw(Explorer& explorer, const Fonts& fonts);

private:
    void handle_input(Explorer& explorer);
    void draw_picture(const Explorer& explorer, const Fonts& fonts);
    void draw_emphasis(const Explorer& explorer, const Fonts& fonts);
    void draw_tooltip(const Explorer& explorer) const;

    CanvasFrame frame_;  ///< reused every frame, so its buffers are allocated once
    bool dragged_ = false;
    bool mouse_moved_into_canvas_ = false;
};

}  // namespace actorgraph::gui
