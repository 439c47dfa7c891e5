#pragma once
// The picture area: draws the explorer's Drawing and turns mouse and keys into explorer actions
// (hover, click, shift/ctrl-click, drag to pan, wheel to zoom, F to fit, Escape to clear).
#include "actorgraph/app/canvas_drag.hpp"
#include "actorgraph/app/canvas_frame.hpp"
#include "actorgraph/app/explorer.hpp"
#include "gui/font_loader.hpp"

#include <optional>
#include <utility>

namespace actorgraph::gui {

class Canvas {
public:
    /// Draws into the current ImGui window's remaining content region and handles its input.
    void draw(Explorer& explorer, const Fonts& fonts);
    /// The next draw keeps the picture's centre in the middle (the window gave the canvas another size).
    void keep_centre_on_next_draw() { keep_centre_ = true; }
    /// A Shift-drag from one actor to another asks for a new relation between them; taken once.
    [[nodiscard]] std::optional<std::pair<ActorIndex, ActorIndex>> take_link_request() { return std::exchange(link_, std::nullopt); }
    /// A double-click on empty canvas (or its context menu's "New actor here") asks for a new actor
    /// there (Graphviz coordinates, see new_actor_place); taken once.
    [[nodiscard]] std::optional<Point> take_new_actor_request() { return std::exchange(new_actor_, std::nullopt); }

private:
    void handle_input(Explorer& explorer);
    void draw_picture(const Explorer& explorer, const Fonts& fonts);
    void draw_emphasis(const Explorer& explorer, const Fonts& fonts);
    void draw_tooltip(const Explorer& explorer) const;

    void draw_drag_feedback(const Explorer& explorer);
    void draw_context_menu(const Explorer& explorer);

    CanvasFrame frame_;  ///< reused every frame, so its buffers are allocated once
    CanvasDrag drag_;    ///< Shift-drag links two actors, Alt-drag moves and pins one, else pans
    std::optional<std::pair<ActorIndex, ActorIndex>> link_;
    std::optional<Point> new_actor_;
    Point context_point_{};  ///< where the context menu was opened, in picture points
    bool dragged_ = false;
    bool keep_centre_ = false;
    bool mouse_moved_into_canvas_ = false;
};

}  // namespace actorgraph::gui
